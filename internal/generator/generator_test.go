package generator

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
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
