// Package templates_test tests the example templates beside it: each is
// rendered as `gencodes -templates examples/templates` would, and what it
// makes is run and compared with the Go package.
package templates_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	python, err := exec.LookPath("python3")
	require.NoError(t, err, "python3 is required to test the example Python template")
	reg, err := registry.Load(path)
	require.NoError(t, err)
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

	input, err := json.Marshal(map[string]any{"locales": locales, "parse": texts})
	require.NoError(t, err)
	cmd := exec.Command(python, "dump.py", out)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "python3 dump.py: %s", stderr.String())
	var dump pythonDump
	require.NoError(t, json.Unmarshal(stdout, &dump))
	return dump
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
