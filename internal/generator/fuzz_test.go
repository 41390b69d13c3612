package generator

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/closecodes/closecodes/internal/registry"
)

// FuzzGenerate feeds arbitrary registries through the whole pipeline. A
// registry that the reader accepts must render in every style, with Go
// output that gofmt leaves unchanged; the refusals allowed are of a code
// whose name the generated Go API, the Go type or JavaScript takes, at the
// name's position. Any other failure to render a registry that parses is a
// failure; nothing may panic.
func FuzzGenerate(f *testing.F) {
	api := goAPINames(f)
	// Every section of the corpus of bad registries is a seed: whole
	// registries, and edits, which are YAML too.
	corpus, err := os.ReadFile("../../cmd/gencodes/testdata/bad.txtar")
	if err != nil {
		f.Fatal(err)
	}
	seeds := regexp.MustCompile(`(?m)^-- \S+ --\n`).Split(string(corpus), -1)
	if len(seeds) < 100 {
		f.Fatalf("found %d sections of bad registries to seed from; the corpus has moved", len(seeds))
	}
	for _, path := range []string{"../../codes.yaml", "testdata/golden/registry.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(data))
	}
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := registry.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, style := range []string{TSStyleConst, TSStyleEnum} {
			opts := testConfig()
			opts.TSStyle = style
			files, err := Generate(reg, opts)
			if err != nil {
				requireNameCollisions(t, err, api)
				return
			}
			if want := 14 + 2*len(reg.Languages()); len(files) != want {
				t.Fatalf("rendered %d files, want %d: 5 Go, 6 TypeScript and JavaScript, package.json, 2 JSON, and a docs page and a code map a language", len(files), want)
			}
			for _, f := range files {
				if strings.HasSuffix(f.Path, ".go") {
					requireGofmt(t, f.Path, f.Data)
				}
			}
		}
	})
}

// collisionRE is the message of the refusals a registry that parses may get
// from Generate.
var collisionRE = regexp.MustCompile(`^code \d+ name "(\w+)" (?:collides with the generated Go API's (\w+); choose another name|` +
	`(is also the Go type name); choose another name, or another Go type name|` +
	`(is a JavaScript global), which a TypeScript member of that name would shadow; choose another name)$`)

// requireNameCollisions fails t unless err lists only codes named like
// something the generated Go API declares, each at a position in the file.
func requireNameCollisions(t *testing.T, err error, api map[string]bool) {
	t.Helper()
	var list registry.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("a registry that parses failed to render: %v", err)
	}
	for _, e := range list {
		m := collisionRE.FindStringSubmatch(e.Msg)
		ok := m != nil && (m[2] == m[1] && api[m[1]] || m[3] != "" && m[1] == testConfig().GoType ||
			m[4] != "" && (m[1] == "NaN" || m[1] == "Infinity"))
		if e.File != "fuzz.yaml" || e.Pos.Line < 1 || e.Pos.Col < 1 || !ok {
			t.Fatalf("a registry that parses failed to render, refused for other than a name the Go API takes: %v", e)
		}
	}
}

// goAPINames returns the package-level names that the generated Go package
// declares besides its codes' constants, read from the package generated
// for the golden registry.
func goAPINames(f *testing.F) map[string]bool {
	reg, err := registry.Load("testdata/golden/registry.yaml")
	if err != nil {
		f.Fatal(err)
	}
	files, err := Generate(reg, testConfig())
	if err != nil {
		f.Fatal(err)
	}
	api := map[string]bool{}
	for _, file := range files {
		if !strings.HasSuffix(file.Path, ".go") {
			continue
		}
		syntax, err := parser.ParseFile(token.NewFileSet(), file.Path, file.Data, parser.SkipObjectResolution)
		if err != nil {
			f.Fatal(err)
		}
		for _, decl := range syntax.Decls {
			for _, name := range declaredNames(decl) {
				api[name] = true
			}
		}
	}
	for _, c := range reg.Codes {
		delete(api, c.Name)
	}
	delete(api, testConfig().GoType)
	if !api["Parse"] || !api["Range"] {
		f.Fatalf("found %d names of the Go API, without Parse or Range", len(api))
	}
	return api
}
