// Package templates_test tests the example templates beside it: each is
// rendered as `gencodes -templates examples/templates` would, and what it
// makes is run and compared with the Go package.
package templates_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/registry"
)

// pythonDump is what dump.py prints of a generated closecodes.py.
type pythonDump struct {
	Codes          [][]any        `json:"codes"`
	Names          map[string]int `json:"names"`
	Members        map[string]int `json:"members"`
	Parsed         []*int         `json:"parsed"`
	MaxReasonBytes int            `json:"maxReasonBytes"`
}

// renderPython renders this directory for the registry at path, as
// `gencodes -templates` does, and runs dump.py over the module it makes,
// with locales and the texts to parse.
func renderPython(t *testing.T, path string, locales, texts []string) pythonDump {
	t.Helper()
	reg, err := registry.Load(path)
	require.NoError(t, err)
	input, err := json.Marshal(map[string]any{"locales": locales, "parse": texts})
	require.NoError(t, err)
	var dump pythonDump
	require.NoError(t, json.Unmarshal(runPython(t, "dump.py", generatePython(t, reg), input), &dump))
	return dump
}

// generatePython renders this directory for reg, as `gencodes -templates`
// does, into a new directory, and returns the directory.
func generatePython(t *testing.T, reg *registry.Registry) string {
	t.Helper()
	out := t.TempDir()
	opts := generator.Config{
		GoPackage: "closecode", GoType: "Code", TSStyle: generator.TSStyleConst, TSPackage: "closecodes",
		TemplatesDir: ".", TemplatesOut: out,
	}
	files, err := generator.Generate(reg, opts)
	require.NoError(t, err)
	require.Len(t, files, 1, "only the custom template renders when the built-in outputs are off")
	assert.Equal(t, filepath.Join(out, "closecodes.py"), files[0].Path)
	_, err = generator.Write(files)
	require.NoError(t, err)
	return out
}

// runPython runs the script beside this file with python3 over the
// closecodes.py in dir, input on its standard input, and returns what it
// prints.
func runPython(t *testing.T, script, dir string, input []byte) []byte {
	t.Helper()
	python, err := exec.LookPath("python3")
	require.NoError(t, err, "python3 is required to test the example Python template")
	cmd := exec.Command(python, script, dir)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "python3 %s: %s", script, stderr.String())
	return stdout
}

// TestPythonExampleTemplate renders this directory with the same view
// model as the built-in outputs, as `gencodes -templates` does, runs the
// Python module it makes with python3, and requires it to agree with this
// package on all 65,536 codes and on the shared parsing cases.
func TestPythonExampleTemplate(t *testing.T) {
	var vectors struct {
		Cases []struct {
			Text string `json:"text"`
			Want *int   `json:"want"`
		} `json:"cases"`
	}
	data, err := os.ReadFile("../../generated/testdata/parse.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &vectors))
	var texts []string
	for _, c := range vectors.Cases {
		texts = append(texts, c.Text)
	}

	locales := []string{"zh-CN", "zh_cn", "zh", "en-US", "fr", ""}
	py := renderPython(t, "../../codes.yaml", locales, texts)
	assert.Equal(t, closecode.MaxReasonBytes, py.MaxReasonBytes)
	compareCodes(t, py.Codes, locales)
	reg, err := registry.Load("../../codes.yaml")
	require.NoError(t, err)
	assert.Equal(t, namesOf(reg), py.Names, "Python knows every name and alias, and no other")
	for name, value := range py.Names {
		c, err := closecode.Parse(name)
		require.NoError(t, err, name)
		assert.Equal(t, int(c), value, name)
	}
	for i, c := range vectors.Cases {
		assert.Equal(t, c.Want, py.Parsed[i], "parse_close_code(%q)", c.Text)
	}
}

// languageSets are the sets of cases in the registry's language vectors,
// which the Go, JavaScript and TypeScript lookups pass too.
func languageSets(t *testing.T) []struct {
	Languages []string
	Cases     []struct{ Tag, Want, Why string }
} {
	t.Helper()
	data, err := os.ReadFile("../../internal/registry/testdata/language-vectors.json")
	require.NoError(t, err)
	var vectors struct {
		Sets []struct {
			Languages []string
			Cases     []struct{ Tag, Want, Why string }
		}
	}
	require.NoError(t, json.Unmarshal(data, &vectors))
	require.GreaterOrEqual(t, len(vectors.Sets), 3)
	return vectors.Sets
}

// describeInPython renders this directory for a registry in languages, as
// speakingRegistry makes it, and returns what describe_close_code says of
// codes 4000 and 4001 in each of tags.
func describeInPython(t *testing.T, languages, tags []string) []struct{ Speaks, English string } {
	t.Helper()
	input, err := json.Marshal(tags)
	require.NoError(t, err)
	var got []struct{ Speaks, English string }
	dir := generatePython(t, speakingRegistry(t, languages))
	require.NoError(t, json.Unmarshal(runPython(t, "describe.py", dir, input), &got))
	require.Len(t, got, len(tags))
	return got
}

// TestPythonLanguageVectors runs the language cases against the Python
// module: for each set, a registry in the set's languages names code 4000,
// whose description in each language is the language's tag, and code 4001,
// in English only, so that describe_close_code shows which language it
// chose and that it falls back to English.
func TestPythonLanguageVectors(t *testing.T) {
	for _, set := range languageSets(t) {
		var tags []string
		for _, c := range set.Cases {
			tags = append(tags, c.Tag)
		}
		got := describeInPython(t, set.Languages, tags)
		for i, c := range set.Cases {
			assert.Equal(t, c.Want, got[i].Speaks, "%v %q: %s", set.Languages, c.Tag, c.Why)
			assert.Equal(t, "en", got[i].English, "%v %q: a code without a text in %s is in English", set.Languages, c.Tag, c.Want)
		}
	}
}

// TestPythonLanguagesAsGo: in the languages of each set of cases, the
// Python module chooses the language that the generated Go package
// chooses, for every tag made of one of the set's primary subtags and up to
// three more subtags, among them subtags out of order and subtags that are
// not ASCII, whose length Go counts in bytes of UTF-8.
func TestPythonLanguagesAsGo(t *testing.T) {
	sets := languageSets(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module langs\n\ngo 1.23\n"), 0o644))
	var imports, calls strings.Builder
	tags := make([][]string, len(sets))
	for i, set := range sets {
		tags[i] = tagsFrom(set.Languages)
		pkg := fmt.Sprintf("set%d", i)
		files, err := generator.Generate(speakingRegistry(t, set.Languages), generator.Config{GoOut: filepath.Join(dir, pkg),
			GoPackage: pkg, GoType: "Code", TSStyle: generator.TSStyleConst, TSPackage: "closecodes"})
		require.NoError(t, err)
		_, err = generator.Write(files)
		require.NoError(t, err)
		fmt.Fprintf(&imports, "\t%q\n", "langs/"+pkg)
		fmt.Fprintf(&calls, "\tchosen = append(chosen, describe(tags[%d], %s.Code(4000).DescriptionIn))\n", i, pkg)
	}
	data, err := json.Marshal(tags)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tags.json"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(`package main

import (
	"encoding/json"
	"os"
`+imports.String()+`)

func describe(tags []string, in func(string) string) []string {
	var chosen []string
	for _, tag := range tags {
		chosen = append(chosen, in(tag))
	}
	return chosen
}

func main() {
	var tags [][]string
	data, err := os.ReadFile("tags.json")
	if err == nil {
		err = json.Unmarshal(data, &tags)
	}
	if err != nil {
		panic(err)
	}
	var chosen [][]string
`+calls.String()+`	if err := json.NewEncoder(os.Stdout).Encode(chosen); err != nil {
		panic(err)
	}
}
`), 0o644))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go run: %s", stderr.String())
	var chosen [][]string
	require.NoError(t, json.Unmarshal(out, &chosen))
	require.Len(t, chosen, len(sets))

	for i, set := range sets {
		got := describeInPython(t, set.Languages, tags[i])
		differ := 0
		for j, tag := range tags[i] {
			if got[j].Speaks != chosen[i][j] {
				if differ++; differ <= 10 {
					t.Errorf("%v %q: Go chooses %s, Python %s", set.Languages, tag, chosen[i][j], got[j].Speaks)
				}
			}
		}
		assert.Zero(t, differ, "%v: tags on which Python and Go differ, of %d", set.Languages, len(tags[i]))
	}
}

// tagsFrom returns the tags made of the primary subtag of one of languages
// and up to three subtags from a list that takes in scripts, regions, an
// extension, an extended language, and subtags that are not ASCII: "中" is
// one character in Python but three bytes in Go, the Kelvin sign lowers to
// "k" in Unicode but not in ASCII.
func tagsFrom(languages []string) []string {
	subtags := []string{"Hant", "Latn", "Arab", "HK", "me", "419", "u", "yue", "中", "\u212a"}
	var tags []string
	for _, lang := range languages {
		if primary, _, _ := strings.Cut(lang, "-"); !slices.Contains(tags, primary) {
			tags = append(tags, primary)
		}
	}
	for from, n := 0, 0; n < 3; n++ {
		to := len(tags)
		for _, tag := range tags[from:to] {
			for _, s := range subtags {
				tags = append(tags, tag+"-"+s)
			}
		}
		from = to
	}
	return tags
}

// speakingRegistry names one code, 4000, whose description in each of
// languages is the language's tag, and a second, 4001, with only English:
// "en".
func speakingRegistry(t *testing.T, languages []string) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString("reason: {max_bytes: 123, reference: R}\nranges:\n" +
		"  - {name: All, label: All, first: 0, last: 65535, description: Every code., reference: R, " +
		"wire_valid: true, browser_can_send: true, reconnect: unspecified}\ncodes:\n" +
		"  - code: 4000\n    name: Speaks\n    label: Speaks\n    reference: R\n    wire_valid: true\n" +
		"    browser_can_send: true\n    description:\n")
	for _, lang := range languages {
		fmt.Fprintf(&b, "      %s: %s\n", lang, lang)
	}
	b.WriteString("  - {code: 4001, name: English, label: English, description: en, reference: R, " +
		"wire_valid: true, browser_can_send: true}\n")
	reg, err := registry.Parse("languages.yaml", []byte(b.String()))
	require.NoError(t, err)
	require.Equal(t, languages, reg.Languages())
	return reg
}

// TestPythonDeprecatedNames: a renamed code's former names are members of
// CloseCode after the current one, so that they are aliases of it, and
// parse_close_code reads them, as the Go package's Parse does.
func TestPythonDeprecatedNames(t *testing.T) {
	const path = "../../internal/generator/testdata/golden/registry.yaml"
	reg, err := registry.Load(path)
	require.NoError(t, err)
	py := renderPython(t, path, []string{}, []string{"AppCode", "OldCustom", "Custom"})
	want := namesOf(reg)
	assert.Equal(t, 4100, want["AppCode"], "the golden registry keeps AppCode as a former name of 4100")
	assert.Equal(t, want, py.Names)
	four100 := 4100
	assert.Equal(t, []*int{&four100, &four100, &four100}, py.Parsed)
	assert.Equal(t, 4100, py.Members["AppCode"])
	assert.Equal(t, "Custom", py.Codes[4100][0], "the current name stays the code's name")
}

// namesOf returns every name, former name and alias of reg's codes, with its code.
func namesOf(reg *registry.Registry) map[string]int {
	names := map[string]int{}
	for _, c := range reg.Codes {
		for _, name := range slices.Concat([]string{c.Name}, c.DeprecatedNames, c.Aliases) {
			names[name] = int(c.Value)
		}
	}
	return names
}

// compareCodes requires the Python module's answers for all 65,536 codes to
// equal the Go package's, in the order dump.py prints them.
func compareCodes(t *testing.T, theirs [][]any, locales []string) {
	t.Helper()
	require.Len(t, theirs, 65536)
	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		name := ""
		if c.IsKnown() {
			name = c.String()
		}
		ours := []any{name, c.Label(), c.Description(), c.Reference(),
			c.IsKnown(), c.IsValid(), c.BrowserCanSend(), c.Range().Name}
		for _, locale := range locales {
			ours = append(ours, c.DescriptionIn(locale))
		}
		x, err := json.Marshal(ours)
		require.NoError(t, err)
		y, err := json.Marshal(theirs[v])
		require.NoError(t, err)
		if !bytes.Equal(x, y) {
			t.Fatalf("code %d: Go says %s, Python says %s", v, x, y)
		}
	}
}

// TestPythonTemplateRefusesKeywords: a code named like a Python keyword
// cannot be an IntEnum member, so the template stops with a message at its
// own line rather than writing a module that does not parse.
func TestPythonTemplateRefusesKeywords(t *testing.T) {
	for _, name := range []string{"None", "True", "False"} {
		reg, err := registry.Parse("app.yaml", []byte("extends: standard\ncodes:\n  - {code: 4001, name: '"+name+
			"', label: K, description: K., reference: R, wire_valid: true, browser_can_send: true}\n"))
		require.NoError(t, err)
		_, err = generator.Generate(reg, generator.Config{GoPackage: "closecode", GoType: "Code",
			TSStyle: generator.TSStyleConst, TSPackage: "closecodes", TemplatesDir: ".", TemplatesOut: t.TempDir()})
		assert.EqualError(t, err, `closecodes.py.tmpl:4:4: code 4001 name "`+name+`" is a Python keyword, `+
			"which no IntEnum member can be; rename the code or leave this template out", name)

		reg, err = registry.Parse("app.yaml", []byte("extends: standard\ncodes:\n  - {code: 4001, name: K, deprecated_names: ['"+name+
			"'], label: K, description: K., reference: R, wire_valid: true, browser_can_send: true}\n"))
		require.NoError(t, err)
		_, err = generator.Generate(reg, generator.Config{GoPackage: "closecode", GoType: "Code",
			TSStyle: generator.TSStyleConst, TSPackage: "closecodes", TemplatesDir: ".", TemplatesOut: t.TempDir()})
		assert.EqualError(t, err, `closecodes.py.tmpl:6:4: code 4001 deprecated name "`+name+`" is a Python keyword, `+
			"which no IntEnum member can be; rename it or leave this template out", name)
	}
}
