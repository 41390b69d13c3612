package generator

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/npmtools"
	"github.com/closecodes/closecodes/internal/registry"
)

// hostileStrings try to break out of every place registry text reaches: Go
// comments and string literals, TypeScript string literals and JSDoc, HTML
// script elements and templates.
var hostileStrings = []string{
	`*/ globalThis.pwned = 1; /*`,
	`*/ export const pwned = 1; /*`,
	`// trailing comment`,
	"back`tick`s",
	`double "quotes"`,
	`single 'quotes'`,
	`back\slash \n \u0041 \x41`,
	`${globalThis.pwned = 1}`,
	`{{ .GoPackage }} {{template "x"}}`,
	`"); process.exit(1); ("`,
	`</script><script>alert(1)</script>`,
	`<!-- comment --> ]]>`,
	`%s %d %v %!`,
	`cell | pipe *em* _em_ [link](javascript:alert(1)) ![i](x) ~~s~~ $x$ # h + l &amp; &lt; \| \*`,
	"mixed 正常关闭 Ünïcödé 😀 e\u0301",
	"line\nbreak",
	"carriage\rreturn",
	"tab\there",
	"nul\x00byte",
	"escape\x1b[31mred",
	"del\x7f",
	"next\u0085line",
	"line\u2028separator",
	"paragraph\u2029separator",
	"right-to-left \u202eoverride",
	"isolate \u2066x\u2069",
	"zero\u200bwidth",
	"bom\ufeff",
	strings.Repeat("long ", 39) + "limit", // 200 characters: the longest accepted
	strings.Repeat("x", 5000),
}

// hostileRegistry returns a registry whose code 4000+i has hostile string i
// as its label, description and reference, and whose reason and range cite
// reference. yaml.v3 writes the file, so every string arrives exactly.
func hostileRegistry(t *testing.T, texts []string, reference string) []byte {
	t.Helper()
	type code struct {
		Code           int    `yaml:"code"`
		Name           string `yaml:"name"`
		Label          string `yaml:"label"`
		Description    string `yaml:"description"`
		Reference      string `yaml:"reference"`
		WireValid      bool   `yaml:"wire_valid"`
		BrowserCanSend bool   `yaml:"browser_can_send"`
	}
	doc := map[string]any{
		"reason": map[string]any{"max_bytes": 123, "reference": reference},
		"ranges": []map[string]any{{
			"name": "Private", "label": "Private use", "first": 4000, "last": 4999,
			"description": "For applications.", "reference": reference,
			"wire_valid": true, "browser_can_send": true, "reconnect": "unspecified",
		}},
	}
	var codes []code
	for i, s := range texts {
		codes = append(codes, code{4000 + i, fmt.Sprintf("Hostile%d", i), s, s, s, true, true})
	}
	doc["codes"] = codes
	data, err := yaml.Marshal(doc)
	require.NoError(t, err)
	return data
}

// TestHostileStrings requires every hostile string to be either refused
// with a registry error that names the field and the reason, or to come out
// so that the Go file compiles and is gofmt'd, the TypeScript type-checks,
// and every string reads back byte for byte in Go, in JavaScript, in the
// JSON export and in the Markdown tables.
func TestHostileStrings(t *testing.T) {
	var accepted []string
	for _, s := range hostileStrings {
		_, err := registry.Parse("codes.yaml", hostileRegistry(t, []string{s}, "RFC 6455, 5.5"))
		if err == nil {
			accepted = append(accepted, s)
			continue
		}
		msg := err.Error()
		assert.Regexp(t, `^codes\.yaml:\d+:\d+: code 4000 (label|description|reference) (contains U\+[0-9A-F]{4,} \(.+\)|is \d+ characters long)`, msg, "%.40q", s)
		t.Logf("refused %.40q: %s", s, strings.SplitN(msg, "\n", 2)[0])
	}
	require.NotEmpty(t, accepted)
	t.Logf("%d of %d hostile strings accepted and escaped, %d refused", len(accepted), len(hostileStrings), len(hostileStrings)-len(accepted))

	// The first string, the label of the first code, is also the example in
	// doc comments; it and the reason's reference both reach JSDoc.
	require.Equal(t, hostileStrings[0], accepted[0])
	reg, err := registry.Parse("codes.yaml", hostileRegistry(t, accepted, accepted[0]))
	require.NoError(t, err)
	dir := t.TempDir()
	opts := testConfig()
	opts.GoOut = filepath.Join(dir, "closecode")
	opts.TSOut = filepath.Join(dir, "ts")
	opts.DocsOut = filepath.Join(dir, "docs")
	opts.JSONOut = filepath.Join(dir, "json")
	files, err := Generate(reg, opts)
	require.NoError(t, err)
	_, err = Write(files)
	require.NoError(t, err)

	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") {
			formatted, err := format.Source(f.Data)
			require.NoError(t, err)
			assert.Equal(t, string(formatted), string(f.Data), "gofmt must leave %s unchanged", f.Path)
		}
	}

	want := make([][3]string, len(accepted))
	for i, s := range accepted {
		want[i] = [3]string{s, s, s}
	}
	assert.Equal(t, want, readBackGo(t, dir, len(accepted)), "Go reads back every string exactly")
	assert.Equal(t, want, readBackJS(t, filepath.Join(opts.TSOut, "js/texts.js"), len(accepted)), "JavaScript reads back every string exactly")
	var export struct {
		Codes []struct {
			Label, Reference string
			Description      map[string]string
		}
	}
	data, err := os.ReadFile(filepath.Join(opts.JSONOut, "closecodes.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &export), "closecodes.json parses")
	for i, s := range accepted {
		c := export.Codes[i]
		assert.Equal(t, [3]string{s, s, s}, [3]string{c.Label, c.Description["en"], c.Reference}, "JSON reads back %.40q", s)
	}
	page, err := os.ReadFile(filepath.Join(opts.DocsOut, "close-codes.md"))
	require.NoError(t, err)
	tables, err := readTables(string(page))
	require.NoError(t, err, "the docs read back as tables of text")
	require.Len(t, tables, 2, "the code table and the range table")
	require.Len(t, tables[0], len(accepted))
	for i, s := range accepted {
		row := tables[0][i]
		assert.Equal(t, [3]string{s, s, s}, [3]string{row[2], row[3], row[7]}, "the docs read back %.40q", s)
	}
	assert.Equal(t, accepted[0], tables[1][0][6], "the docs read back the range's reference")

	t.Run("compiled TypeScript", func(t *testing.T) {
		tsc := npmtools.Path(t, ".bin/tsc")
		tsconfig := fmt.Sprintf(`{"compilerOptions": {"target": "es2022", "module": "nodenext", "strict": true,
		"erasableSyntaxOnly": true, "isolatedDeclarations": true, "verbatimModuleSyntax": true,
		"noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "declaration": true,
		"rootDir": %q, "outDir": %q, "types": []}, "files": ["ts/closecodes.ts", "ts/texts.ts", "ts/js/closecodes.d.ts", "ts/js/texts.d.ts"]}`,
			filepath.Join(dir, "ts"), filepath.Join(dir, "out"))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(tsconfig), 0o644))
		out, err := exec.Command(tsc, "-p", filepath.Join(dir, "tsconfig.json")).CombinedOutput()
		require.NoError(t, err, "tsc: %s", out)
		assert.Equal(t, want, readBackJS(t, filepath.Join(dir, "out/texts.js"), len(accepted)), "compiled TypeScript reads back every string exactly")
	})
}

// readBackGo compiles and runs a program that prints the texts of the
// generated Go package as JSON.
func readBackGo(t *testing.T, dir string, n int) [][3]string {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hostile\n\ngo 1.23\n"), 0o644))
	main := fmt.Sprintf(`package main

import (
	"encoding/json"
	"os"

	"hostile/closecode"
)

func main() {
	var out [][3]string
	for c := closecode.Code(4000); c < %d; c++ {
		out = append(out, [3]string{c.Label(), c.Description(), c.Reference()})
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`, 4000+n)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	var stderr string
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = string(ee.Stderr)
	}
	require.NoError(t, err, "go run: %s", stderr)
	var got [][3]string
	require.NoError(t, json.Unmarshal(out, &got))
	return got
}

// readBackJS imports a generated JavaScript texts module in Node and prints its
// texts as JSON.
func readBackJS(t *testing.T, module string, n int) [][3]string {
	t.Helper()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	abs, err := filepath.Abs(module)
	require.NoError(t, err)
	script := fmt.Sprintf(`const m = await import(%q);
await import(new URL("closecodes.js", %[1]q));
const out = [];
for (let c = 4000; c < %d; c++) out.push([m.closeCodeLabel(c), m.describeCloseCode(c), m.closeCodeReference(c)]);
process.stdout.write(JSON.stringify(out));
if (globalThis.pwned !== undefined) throw new Error("registry text ran as code");`, "file://"+filepath.ToSlash(abs), 4000+n)
	cmd := exec.Command(node, "--input-type=module", "-e", script)
	out, err := cmd.Output()
	var stderr string
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = string(ee.Stderr)
	}
	require.NoError(t, err, "node: %s", stderr)
	var got [][3]string
	require.NoError(t, json.Unmarshal(out, &got))
	return got
}

// TestHostileFileNames gives the registry file names that Markdown or HTML
// would read as markup: the docs must show them as text.
func TestHostileFileNames(t *testing.T) {
	for _, name := range []string{
		"<img src=x onerror=alert(1)>.yaml", "[x](javascript:alert(1)).yaml", "`code` --> <b>.yaml", "a_b*c*.yaml",
	} {
		reg := registryWithCodes(t, []int{4000})
		reg.File = filepath.Join(t.TempDir(), name)
		opts := testConfig()
		opts.GoOut, opts.TSOut, opts.JSONOut = "", "", ""
		files, err := Generate(reg, opts)
		require.NoError(t, err, name)
		for _, f := range files {
			doc := string(f.Data)
			if strings.HasSuffix(f.Path, ".svg") {
				var svg struct {
					Desc string `xml:"desc"`
				}
				require.NoError(t, xml.Unmarshal(f.Data, &svg), "%s: %s parses", name, f.Path)
				assert.Equal(t, "Code generated by gencodes from "+filepath.Base(name)+"; DO NOT EDIT.", svg.Desc, name)
				continue
			}
			assert.NotContains(t, doc, "<img", name)
			assert.NotContains(t, doc, "<b>", name)
			assert.NotContains(t, doc, "](javascript", name)
			assert.NotContains(t, doc, "`code`", name)
			assert.Equal(t, 1, strings.Count(doc, "-->"), "%s: only the header comment closes: %s", name, doc)
			assert.Contains(t, doc, markdownText(filepath.Base(name)), name)
		}
	}
}

// TestCodeMapEscapesLabels puts every accepted hostile string in range and
// part labels and reads each language's code map back as XML: it parses,
// holds only the elements the template writes, and each label comes back
// as the text of a text element, byte for byte.
func TestCodeMapEscapesLabels(t *testing.T) {
	var accepted []string
	for _, s := range hostileStrings {
		if _, err := registry.Parse("codes.yaml", hostileRegistry(t, []string{s + "!"}, "R")); err == nil {
			accepted = append(accepted, s)
		}
	}
	doc := map[string]any{
		"reason": map[string]any{"max_bytes": 123, "reference": "R"},
		"codes": []map[string]any{{"code": 4000, "name": "A", "label": "A", "description": "A.", "reference": "R",
			"wire_valid": true, "browser_can_send": true}},
	}
	var ranges []map[string]any
	for i, s := range accepted {
		first := 1000 + 10*i
		ranges = append(ranges, map[string]any{
			"name": fmt.Sprintf("R%d", i), "label": map[string]string{"en": s, "zh-CN": s + "!"}, "first": first,
			"last": first + 9, "description": "D.", "reference": "R", "wire_valid": false, "browser_can_send": false,
			"reconnect": "unspecified", "parts": []map[string]any{{"label": s, "first": first, "last": first + 4,
				"description": "P.", "reference": "R", "wire_valid": true, "browser_can_send": false}},
		})
	}
	ranges = append(ranges, map[string]any{"name": "Private", "label": "Private use", "first": 4000, "last": 4999,
		"description": "D.", "reference": "R", "wire_valid": true, "browser_can_send": true, "reconnect": "unspecified"})
	doc["ranges"] = ranges
	data, err := yaml.Marshal(doc)
	require.NoError(t, err)
	reg, err := registry.Parse("codes.yaml", data)
	require.NoError(t, err)
	cfg := testConfig()
	cfg.GoOut, cfg.TSOut, cfg.JSONOut = "", "", ""
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	maps := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".svg") {
			continue
		}
		maps++
		suffix := map[bool]string{true: "", false: "!"}[filepath.Base(f.Path) == "close-codes.svg"]
		texts := map[string]int{}
		dec := xml.NewDecoder(bytes.NewReader(f.Data))
		var open []string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "%s parses as XML", f.Path)
			switch tok := tok.(type) {
			case xml.StartElement:
				assert.Contains(t, []string{"svg", "desc", "title", "style", "text", "line", "rect"}, tok.Name.Local, f.Path)
				open = append(open, tok.Name.Local)
			case xml.EndElement:
				open = open[:len(open)-1]
			case xml.CharData:
				if len(open) > 0 && open[len(open)-1] == "text" {
					texts[string(tok)]++
				}
			}
		}
		for _, s := range accepted {
			if suffix == "" {
				assert.Equal(t, 2, texts[s], "%s holds %.40q as a range's label and its part's", f.Path, s)
			} else {
				assert.Equal(t, [2]int{1, 1}, [2]int{texts[s+suffix], texts[s]}, "%s holds the labels of %.40q", f.Path, s)
			}
		}
	}
	assert.Equal(t, 2, maps, "a code map a language")
}
