package generator

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/registry"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func loadRegistry(t *testing.T, path string) *registry.Registry {
	t.Helper()
	reg, err := registry.Load(path)
	require.NoError(t, err)
	return reg
}

// goldenConfig renders into directories named for the golden files.
func goldenConfig(style string) Config {
	opts := testConfig()
	opts.GoOut = "go"
	opts.TSOut = "ts-" + style
	opts.DocsOut = "docs"
	opts.JSONOut = "json"
	opts.TSStyle = style
	return opts
}

// TestGolden renders the golden registry in both TypeScript styles and
// compares every file with testdata/golden. Run go test -update to accept
// a change, then review the diff.
func TestGolden(t *testing.T) {
	for _, style := range []string{TSStyleConst, TSStyleEnum} {
		reg := loadRegistry(t, "testdata/golden/registry.yaml")
		reg.File = "registry.yaml"
		files, err := Generate(reg, goldenConfig(style))
		require.NoError(t, err)
		for _, f := range files {
			if filepath.Base(f.Path) == "package.json" {
				continue // built with encoding/json; TestPackageJSON holds it
			}
			if style == TSStyleEnum && f.Path != filepath.Join("ts-enum", "closecodes.ts") {
				continue // the style changes closecodes.ts only
			}
			path := filepath.Join("testdata/golden", f.Path+".golden")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, f.Data, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), string(f.Data), "%s differs from its golden file:\n%s", f.Path,
				unifiedDiff(path, f.Path, want, f.Data))
		}
	}
}

// requireGofmt fails unless data is exactly what gofmt makes of it.
func requireGofmt(t testing.TB, name string, data []byte) {
	t.Helper()
	formatted, err := format.Source(data)
	require.NoError(t, err, "%s does not parse as Go", name)
	if !bytes.Equal(formatted, data) {
		t.Fatalf("gofmt would change %s:\n%s", name, unifiedDiff(name, "gofmt "+name, data, formatted))
	}
}

func TestGoThatDoesNotParseIsReportedWithItsFile(t *testing.T) {
	tmpl := template.Must(template.New("broken.tmpl").Parse("package x\n\nfunc {\n"))
	_, err := render(tmpl, "broken.tmpl", nil, filepath.Join("out", "x.go"))
	assert.EqualError(t, err, "generated Go for "+filepath.Join("out", "x.go")+
		" does not parse (template broken.tmpl): 3:6: expected 'IDENT', found '{'")
	f, err := render(tmpl, "broken.tmpl", nil, "x.txt")
	require.NoError(t, err, "only Go is formatted")
	assert.Equal(t, "package x\n\nfunc {\n", string(f.Data))
}

// renderGo renders reg and returns its Go files.
func renderGo(t *testing.T, reg *registry.Registry, opts Config) []File {
	t.Helper()
	files, err := Generate(reg, opts)
	require.NoError(t, err)
	var gos []File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") {
			gos = append(gos, f)
		}
	}
	require.Len(t, gos, 5, "closecode.go, encoding.go, reason.go, reconnect.go and texts.go")
	return gos
}

// TestGoOutputIsGofmtClean holds the Go output of every kind of registry to
// gofmt: the standard one, the golden one, an app registry, other package
// and type names, and a 4,000-code registry whose texts start with what
// gofmt's doc comment reformatting reads as lists, headings or code.
func TestGoOutputIsGofmtClean(t *testing.T) {
	requireAllGofmt := func(name string, reg *registry.Registry, opts Config) {
		t.Helper()
		for _, f := range renderGo(t, reg, opts) {
			requireGofmt(t, name+": "+f.Path, f.Data)
		}
	}
	for _, path := range []string{"../../codes.yaml", "testdata/golden/registry.yaml", "../../examples/registries/chat.yaml"} {
		requireAllGofmt(path, loadRegistry(t, path), testConfig())
	}
	opts := testConfig()
	opts.GoPackage, opts.GoType = "x", "VeryLongCloseStatusCodeTypeName"
	requireAllGofmt("renamed", loadRegistry(t, "../../codes.yaml"), opts)

	reg, err := registry.Parse("big.yaml", []byte(bigRegistry(t)))
	require.NoError(t, err)
	require.Len(t, reg.Codes, 4000)
	requireAllGofmt("big.yaml", reg, testConfig())
}

// TestGoOutputReadsLikeHandWrittenGo holds the Go package for codes.yaml to
// a shape a reader takes in at once: closecode.go, the file with the codes
// and their checks, within 300 lines; no line over 100 characters (a longer
// text in codes.yaml fails this too, on purpose); the lookups as switch
// statements over spans; and no hex literal, the mark of a bitmap.
func TestGoOutputReadsLikeHandWrittenGo(t *testing.T) {
	switches := map[string]bool{}
	for _, f := range renderGo(t, loadRegistry(t, "../../codes.yaml"), testConfig()) {
		lines := strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
		if filepath.Base(f.Path) == "closecode.go" {
			assert.LessOrEqual(t, len(lines), 300, "%s: lines", f.Path)
		}
		for i, line := range lines {
			assert.LessOrEqual(t, utf8.RuneCountInString(line), 100, "%s:%d: characters", f.Path, i+1)
		}
		file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.INT && strings.HasPrefix(strings.ToLower(n.Value), "0x") {
					t.Errorf("%s: hex literal %s", f.Path, n.Value)
				}
			case *ast.FuncDecl:
				if n.Body != nil && len(n.Body.List) > 0 && isSwitch(n.Body.List[0]) {
					switches[n.Name.Name] = true
				}
			}
			return true
		})
	}
	for _, name := range []string{"slot", "IsValid", "BrowserCanSend", "Reconnect", "RetryAfter"} {
		assert.True(t, switches[name], "%s is a switch over spans", name)
	}
}

// codesYAMLHead returns codes.yaml up to its codes list: the reason and the
// ranges, for test registries that bring codes of their own.
func codesYAMLHead(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	head, _, found := strings.Cut(string(data), "\ncodes:\n")
	require.True(t, found, "codes.yaml has no codes list")
	return head
}

// bigRegistry returns codes.yaml with its codes replaced by every code from
// 1000 to 4999. Names grow from 1 to 40 characters, so that any alignment
// gofmt would add shows up, and descriptions open with list markers,
// headings, indentation-like text and non-ASCII.
func bigRegistry(t testing.TB) string {
	t.Helper()
	head := codesYAMLHead(t)
	openings := []string{"1. First", "- Dash", "# Heading", "* Star", "+ Plus", "• Bullet", "1) Paren",
		"Deprecated: use another", "go:generate x", "[link]: http://x", "\"Quoted\"", "`code`", "Ünïcödé 正常", "A  double  space"}
	var b strings.Builder
	b.WriteString(head + "\ncodes:\n")
	for c := 1000; c <= 4999; c++ {
		wire, browser := c <= 1015 || c >= 3000, c >= 3000
		name := "C" + strings.Repeat("x", c%40) + strconv.Itoa(c)
		fmt.Fprintf(&b, "  - code: %d\n    name: %s\n    label: 'Label %d'\n    description: '%s, code %d.'\n"+
			"    reference: 'RFC 6455, %d'\n    wire_valid: %t\n    browser_can_send: %t\n",
			c, name, c, strings.ReplaceAll(openings[c%len(openings)], "'", "''"), c, c, wire, browser)
	}
	return b.String()
}

// TestCommittedOutputIsCurrent regenerates from the repository's codes.yaml in
// memory and compares with the committed files, as -check does in CI, with
// the license that codes.yaml's output section gives.
func TestCommittedOutputIsCurrent(t *testing.T) {
	root := "../.."
	reg := loadRegistry(t, filepath.Join(root, "codes.yaml"))
	reg.File = "codes.yaml"
	opts := testConfig()
	opts.TSLicense = reg.Output["ts_license"].Value
	opts.GoOut = filepath.Join(root, opts.GoOut)
	opts.TSOut = filepath.Join(root, opts.TSOut)
	opts.DocsOut = filepath.Join(root, opts.DocsOut)
	opts.JSONOut = filepath.Join(root, opts.JSONOut)
	files, err := Generate(reg, opts)
	require.NoError(t, err)
	plan, err := Inspect(files)
	require.NoError(t, err)
	var diff bytes.Buffer
	require.NoError(t, plan.Diff(&diff))
	assert.Empty(t, plan.Changed, "generated files are stale; run go generate ./...\n%s", diff.String())
	assert.Empty(t, slices.Concat(plan.Foreign, plan.Orphans, plan.Temps), "files in the way or left over")
}

func TestOutputIsDeterministic(t *testing.T) {
	reg := loadRegistry(t, "../../codes.yaml")
	first, err := Generate(reg, testConfig())
	require.NoError(t, err)
	for i := 0; i < 5; i++ {
		again, err := Generate(loadRegistry(t, "../../codes.yaml"), testConfig())
		require.NoError(t, err)
		require.Equal(t, first, again)
	}
}

func TestGeneratedFilesCarryTheHeader(t *testing.T) {
	files, err := Generate(loadRegistry(t, "testdata/golden/registry.yaml"), testConfig())
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".schema.json") {
			assert.Contains(t, string(f.Data), `"$comment": "Code generated by gencodes from registry.yaml; DO NOT EDIT."`)
			continue
		}
		if strings.HasSuffix(f.Path, ".json") {
			assert.Contains(t, string(f.Data), `"//": "Code generated by gencodes from registry.yaml; DO NOT EDIT."`)
			continue
		}
		if strings.HasSuffix(f.Path, ".svg") {
			assert.Contains(t, string(f.Data), "\n  <desc>Code generated by gencodes from registry.yaml; DO NOT EDIT.</desc>\n", f.Path)
			continue
		}
		if strings.HasSuffix(f.Path, ".md") {
			assert.True(t, strings.HasPrefix(string(f.Data), "<!-- Code generated by gencodes from registry.yaml; DO NOT EDIT. -->\n"), f.Path)
			continue
		}
		assert.True(t, strings.HasPrefix(string(f.Data), "// Code generated by gencodes from registry.yaml; DO NOT EDIT.\n"), f.Path)
	}
}

func TestJSString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:            `"plain"`,
		`a "b" \c`:         `"a \"b\" \\c"`,
		"line\nbreak\r\t":  `"line\nbreak\r\t"`,
		"nul\x00del\x7f":   "\"nul\\u0000del\x7f\"", // DEL may stand in a JS string as it is
		"a & b":            `"a \u0026 b"`,
		"\u2028\u2029":     `"\u2028\u2029"`,
		"</script>":        `"\u003c/script\u003e"`,
		"${x} `y` {{ z }}": "\"${x} `y` {{ z }}\"",
		"正常 😀":             `"正常 😀"`,
	} {
		assert.Equal(t, want, jsString(in), "%q", in)
		var back string
		require.NoError(t, json.Unmarshal([]byte(jsString(in)), &back))
		assert.Equal(t, in, back, "reads back")
	}
}

func TestJSDocText(t *testing.T) {
	assert.Equal(t, `ends *\/ here`, jsDocText("ends */ here"))
	assert.Equal(t, `a *\/*\/ b`, jsDocText("a */*/ b"))
}

func TestMarkdownText(t *testing.T) {
	assert.Equal(t, "\\\\ \\` \\* \\_ \\{\\} \\[\\] \\(\\) \\# \\+ \\! \\| \\~ \\$ &lt;b&gt; &amp;amp; 正常 . - :",
		markdownText("\\ ` * _ {} [] () # + ! | ~ $ <b> &amp; 正常 . - :"))
}

// TestSetOf: pieces split at every edge give the same sets as asking each
// of the 65,536 codes, merged into the fewest spans.
func TestSetOf(t *testing.T) {
	in := func(v uint16) bool { return (1000 <= v && v <= 1003) || v == 1007 || (3000 <= v && v <= 4999) }
	pieces := []Span{{0, 999}, {1000, 1003}, {1004, 1006}, {1007, 1007}, {1008, 2999}, {3000, 3999}, {4000, 4999}, {5000, 65535}}
	assert.Equal(t, CodeSet{{1000, 1003}, {1007, 1007}, {3000, 4999}}, setOf(pieces, in))
	assert.Equal(t, "1000-1003, 1007 and 3000-4999", setOf(pieces, in).String())
	assert.Equal(t, "0-65535", setOf(pieces, func(uint16) bool { return true }).String())
	assert.Equal(t, "none", setOf(pieces, func(uint16) bool { return false }).String())
	assert.Equal(t, CodeSet{{65535, 65535}}, setOf([]Span{{0, 65534}, {65535, 65535}}, func(v uint16) bool { return v == 65535 }))

	for _, path := range []string{"../../codes.yaml", "testdata/golden/registry.yaml", "../../examples/registries/chat.yaml"} {
		reg := loadRegistry(t, path)
		m := buildModel(reg, testConfig())
		for v := 0; v <= 0xffff; v++ {
			facts, policy := reg.Facts(uint16(v)), reg.Policy(uint16(v))
			require.Equal(t, facts.WireValid, m.WireValid.contains(v), "%s: wire_valid of %d", path, v)
			require.Equal(t, facts.BrowserCanSend, m.BrowserCanSend.contains(v), "%s: browser_can_send of %d", path, v)
			require.Equal(t, reg.RangeOf(uint16(v)) == nil, m.Unranged.contains(v), "%s: unranged %d", path, v)
			var words []string
			for _, r := range m.Reconnects {
				if r.Codes.contains(v) {
					words = append(words, r.Word)
				}
			}
			require.Equal(t, []string{policy.Reconnect}, words, "%s: reconnect of %d is in one set", path, v)
			var delays []registry.RetryAfter
			for _, d := range m.Delays {
				if d.Codes.contains(v) {
					delays = append(delays, d.RetryAfter)
				}
			}
			if policy.RetryAfter == nil {
				require.Empty(t, delays, "%s: no delay for %d", path, v)
			} else {
				require.Equal(t, []registry.RetryAfter{*policy.RetryAfter}, delays, "%s: delay of %d", path, v)
			}
		}
	}
}

func (s CodeSet) contains(v int) bool {
	for _, span := range s {
		if span.First <= v && v <= span.Last {
			return true
		}
	}
	return false
}

func TestWrap(t *testing.T) {
	assert.Equal(t, []string{"one two", "three"}, wrap(8, "one two three"))
	assert.Equal(t, []string{"averylongword", "x"}, wrap(5, "averylongword x"))
	assert.Equal(t, []string{""}, wrap(10, ""))
}

func TestConditions(t *testing.T) {
	set := CodeSet{{1000, 1000}, {3000, 4999}}
	assert.Equal(t, "c == 1000, c >= 3000 && c <= 4999", goCases("c", set))
	assert.Equal(t, "code === 1000 || (code >= 3000 && code <= 4999)", jsCond("code", set))
	assert.Equal(t, "code >= 3000 && code <= 4999", jsCond("code", Span{3000, 4999}.Set()))
	assert.Equal(t, "false", goCases("c", CodeSet{}))
	assert.Equal(t, "false", jsCond("code", nil))
}

func TestUnifiedDiff(t *testing.T) {
	// Changes six lines apart share a hunk; further apart, they do not.
	a := []byte("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n")
	b := []byte("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\nnine\nten\neleven\n")
	want := "--- a\n+++ b\n" +
		"@@ -1,10 +1,11 @@\n one\n two\n three\n-four\n+FOUR\n five\n six\n seven\n eight\n nine\n ten\n+eleven\n"
	assert.Equal(t, want, unifiedDiff("a", "b", a, b))
	b = []byte("ONE\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n")
	want = "--- a\n+++ b\n" +
		"@@ -1,4 +1,4 @@\n-one\n+ONE\n two\n three\n four\n" +
		"@@ -8,3 +8,4 @@\n eight\n nine\n ten\n+eleven\n"
	assert.Equal(t, want, unifiedDiff("a", "b", a, b))
	assert.Equal(t, "", unifiedDiff("a", "b", a, a))
	assert.Equal(t, "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n", unifiedDiff("a", "b", nil, []byte("new\n")))
	assert.Equal(t, "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n", unifiedDiff("a", "b", []byte("x"), []byte("x\n")))
}

// TestNamesTheGoPackageDeclares refuses every code name and -go-type that
// the generated package already declares, read from the package itself.
func TestNamesTheGoPackageDeclares(t *testing.T) {
	for _, name := range []string{"Range", "Ranges", "Codes", "Parse", "ErrUnknown", "ErrReasonTooLong",
		"MaxReasonBytes", "ValidateReason", "DescriptionLanguages", "Reconnect", "ReconnectRetry"} {
		reg := registryWithNames(t, map[int]string{4000: name})
		_, err := Generate(reg, testConfig())
		assert.EqualError(t, err, fmt.Sprintf("codes.yaml:%d:11: code 4000 name %q collides with the generated Go API's %s; choose another name",
			reg.Codes[0].NamePos.Line, name, name), name)

		assert.True(t, GoAPI()[name], "%s is a name of the Go API, which a Go type may not take either", name)
	}
	assert.False(t, GoAPI()["Code"], "the type is not part of the API: it is the setting")
	// A code named like the Go type is reported at the code, whichever was
	// chosen.
	opts := testConfig()
	opts.GoType = "C4000"
	reg := registryWithCodes(t, []int{4000})
	_, err := Generate(reg, opts)
	assert.EqualError(t, err, fmt.Sprintf(`codes.yaml:%d:11: code 4000 name "C4000" is also the Go type name; choose another name, or another Go type name`,
		reg.Codes[len(reg.Codes)-1].NamePos.Line))
	_, err = Generate(registryWithNames(t, map[int]string{4000: "Code"}), testConfig())
	assert.ErrorContains(t, err, `code 4000 name "Code" is also the Go type name`)
	// Methods are not package-level names: a code may be called String.
	_, err = Generate(registryWithNames(t, map[int]string{4000: "String", 4001: "IsValid"}), testConfig())
	assert.NoError(t, err)
}

// registryWithNames returns codes.yaml with its codes replaced by the given
// ones, by value and name, all in 3000-4999.
func registryWithNames(t *testing.T, names map[int]string) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString(codesYAMLHead(t) + "\ncodes:\n")
	for c := 0; c <= 0xffff; c++ {
		if name, ok := names[c]; ok {
			fmt.Fprintf(&b, "  - code: %d\n    name: %s\n    label: Label %d\n    description: Code %d.\n"+
				"    reference: Test\n    wire_valid: true\n    browser_can_send: true\n", c, name, c, c)
		}
	}
	reg, err := registry.Parse("codes.yaml", []byte(b.String()))
	require.NoError(t, err)
	return reg
}

// registryWithCodes returns codes.yaml with its codes replaced by the given
// ones, all in 3000-4999 where every code is valid and sendable.
func registryWithCodes(t *testing.T, codes []int) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString(codesYAMLHead(t) + "\ncodes:\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "  - code: %d\n    name: C%d\n    label: Label %d\n    description: Code %d.\n"+
			"    reference: Test\n    wire_valid: true\n    browser_can_send: true\n", c, c, c, c)
	}
	reg, err := registry.Parse("codes.yaml", []byte(b.String()))
	require.NoError(t, err)
	return reg
}

// TestSlotLookupEitherWay compiles the Go output of a registry whose codes
// form few runs and of one whose codes are scattered, and checks String and
// IsKnown for every uint16 code against the registry.
func TestSlotLookupEitherWay(t *testing.T) {
	var scattered []int
	for c := 3000; c <= 4999; c += 97 {
		scattered = append(scattered, c)
	}
	for _, tc := range []struct {
		name  string
		codes []int
	}{
		{"runs", []int{3000, 3001, 3002, 3500, 4000, 4001, 4002, 4003, 4999}},
		{"scattered", append(scattered, 4998, 4999)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := registryWithCodes(t, tc.codes)
			dir := t.TempDir()
			opts := testConfig()
			opts.GoOut, opts.TSOut, opts.DocsOut, opts.JSONOut = filepath.Join(dir, "closecode"), "", "", ""
			files, err := Generate(reg, opts)
			require.NoError(t, err)
			requireGofmt(t, files[0].Path, files[0].Data)
			_, err = Write(files)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module slots\n\ngo 1.23\n"), 0o644))
			require.NoError(t, os.MkdirAll(filepath.Join(dir, "cmd"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "cmd", "main.go"), []byte(`package main

import (
	"fmt"

	"slots/closecode"
)

func main() {
	for c := 0; c <= 0xffff; c++ {
		if code := closecode.Code(c); code.IsKnown() {
			fmt.Println(c, code.String(), code.Label())
		}
	}
}
`), 0o644))
			cmd := exec.Command("go", "run", "./cmd")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			var want strings.Builder
			for _, c := range tc.codes {
				fmt.Fprintf(&want, "%d C%d Label %d\n", c, c, c)
			}
			assert.Equal(t, want.String(), string(out))
		})
	}
}

// TestChinesePageHasNoEnglishFixedText reads close-codes.zh-CN.md as
// generated from codes.yaml: headings, column names, facts and range
// titles must all be Chinese.
func TestChinesePageHasNoEnglishFixedText(t *testing.T) {
	reg, err := registry.Load("../../codes.yaml")
	require.NoError(t, err)
	cfg := testConfig()
	cfg.GoOut, cfg.TSOut = "", ""
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	var page string
	for _, f := range files {
		if filepath.Base(f.Path) == "close-codes.zh-CN.md" {
			page = string(f.Data)
		}
	}
	require.NotEmpty(t, page)
	english := regexp.MustCompile(`[A-Za-z]{2,}`)
	codeRows, rangeRows := 0, 0
	for _, line := range strings.Split(page, "\n") {
		cells := strings.Split(line, "|")
		switch {
		case strings.HasPrefix(line, "#"):
			for _, word := range english.FindAllString(line, -1) {
				assert.Equal(t, "WebSocket", word, "heading %q", line)
			}
		case strings.HasPrefix(line, "| 关闭码 |"):
			assert.Empty(t, english.FindAllString(line, -1), "column names %q", line)
		case len(cells) == 9 && strings.Contains(line, " › ") || len(cells) == 9 && regexp.MustCompile(`^\| \d+-\d+ \|`).MatchString(line):
			rangeRows++
			title, facts := cells[2], strings.Join(cells[4:7], "|")
			assert.Empty(t, english.FindAllString(title+facts, -1), "range row %q", line)
		case len(cells) == 11 && regexp.MustCompile(`^\| \d+ \|`).MatchString(line):
			codeRows++
			assert.Empty(t, english.FindAllString(strings.Join(cells[5:8], "|"), -1), "facts and reconnect %q", line)
			note := strings.TrimSpace(cells[9])
			assert.True(t, note == "" || regexp.MustCompile(`\p{Han}`).MatchString(note), "note in Chinese: %q", line)
		}
	}
	parts := 0
	for _, r := range reg.Ranges {
		parts += len(r.Parts)
	}
	assert.Equal(t, len(reg.Codes), codeRows, "every code row was checked")
	assert.Equal(t, len(reg.Ranges)+parts, rangeRows, "every range and part row was checked")
	assert.Contains(t, page, "## 范围")
	assert.Contains(t, page, "| 4000-4999 | 私有使用 |")
}

// TestNoCodeHasAFact renders a registry in which no code is valid on the
// wire or sendable by a browser: the checks are then plain "false".
func TestNoCodeHasAFact(t *testing.T) {
	reg, err := registry.Parse("codes.yaml", []byte(`reason: {max_bytes: 123, reference: RFC 6455}
ranges:
  - {name: Protocol, label: Protocol, first: 1000, last: 2999, description: Kept., reference: RFC 6455,
     wire_valid: false, browser_can_send: false, reconnect: unspecified}
codes:
  - {code: 1005, name: NoStatusReceived, label: No Status Rcvd, description: Never sent., reference: RFC 6455,
     wire_valid: false, browser_can_send: false}
`))
	require.NoError(t, err)
	cfg := testConfig()
	cfg.TSOut, cfg.DocsOut, cfg.JSONOut = "", "", ""
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	assert.Contains(t, string(files[0].Data), "func (c Code) IsValid() bool {\n\treturn false\n}")
}

func isSwitch(s ast.Stmt) bool {
	_, ok := s.(*ast.SwitchStmt)
	return ok
}

// TestHalfOldPackageDoesNotCompile: a run killed between its writes can
// leave texts.go from one registry beside closecode.go from another. When
// they name different numbers of codes, the package must fail to build,
// not index past a table or read another code's text.
func TestHalfOldPackageDoesNotCompile(t *testing.T) {
	render := func(codes []int) map[string][]byte {
		opts := testConfig()
		opts.GoOut, opts.TSOut, opts.DocsOut, opts.JSONOut = "closecode", "", "", ""
		files, err := Generate(registryWithCodes(t, codes), opts)
		require.NoError(t, err)
		byName := map[string][]byte{}
		for _, f := range files {
			byName[filepath.Base(f.Path)] = f.Data
		}
		return byName
	}
	fewer, more := render([]int{3000, 4000}), render([]int{3000, 3500, 4000})
	for name, pkg := range map[string]map[string][]byte{
		"texts.go with fewer codes": {"closecode.go": more["closecode.go"], "texts.go": fewer["texts.go"]},
		"texts.go with more codes":  {"closecode.go": fewer["closecode.go"], "texts.go": more["texts.go"]},
		"both from one run":         {"closecode.go": more["closecode.go"], "texts.go": more["texts.go"]},
	} {
		dir := t.TempDir()
		pkg["encoding.go"], pkg["reason.go"], pkg["reconnect.go"] = fewer["encoding.go"], fewer["reason.go"], fewer["reconnect.go"]
		pkg["go.mod"] = []byte("module halfold\n\ngo 1.23\n")
		for file, data := range pkg {
			require.NoError(t, os.WriteFile(filepath.Join(dir, file), data, 0o644))
		}
		cmd := exec.Command("go", "build", "./...")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if name == "both from one run" {
			assert.NoError(t, err, "%s: %s", name, out)
			continue
		}
		assert.Error(t, err, name)
		assert.Regexp(t, `texts\.go:\d+:\d+: invalid argument: index .*(out of bounds|must not be negative)`, string(out), name)
	}
}
