package generator

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/closecodes/closecodes/internal/registry"
)

// FuzzGenerate feeds arbitrary registries through the whole pipeline. A
// registry that the reader accepts must render in every style, with Go
// output that gofmt leaves unchanged; the one refusal allowed is of a code
// whose name the generated Go API takes, at the name's position. Any other
// failure to render a registry that parses is a failure; nothing may panic.
func FuzzGenerate(f *testing.F) {
	api := goAPINames(f)
	seeds, _ := filepath.Glob("../../cmd/gencodes/testdata/bad/*.yaml") // the pattern is valid
	if len(seeds) < 50 {
		f.Fatalf("found %d bad registries to seed from; the corpus has moved", len(seeds))
	}
	for _, path := range append(seeds, "../../codes.yaml", "testdata/golden/registry.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := registry.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, style := range []string{TSStyleConst, TSStyleEnum} {
			opts := DefaultConfig()
			opts.TSStyle = style
			files, err := Generate(reg, opts)
			if err != nil {
				requireNameCollisions(t, err, api)
				return
			}
			if want := len(targets) + 1 + len(reg.Languages()); len(files) != want {
				t.Fatalf("rendered %d files, want %d: every target, package.json and one docs page a language", len(files), want)
			}
			for _, f := range files {
				if strings.HasSuffix(f.Path, ".go") {
					requireGofmt(t, f.Path, f.Data)
				}
			}
		}
	})
}

// collisionRE is the message of the one refusal a registry that parses may
// get from Generate.
var collisionRE = regexp.MustCompile(`^code \d+ name "(\w+)" collides with the generated Go API's (\w+); choose another name$`)

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
		if e.File != "fuzz.yaml" || e.Pos.Line < 1 || e.Pos.Col < 1 || m == nil || m[1] != m[2] || !api[m[1]] {
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
	files, err := Generate(reg, DefaultConfig())
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
	if !api["Parse"] || !api["Range"] || !api[DefaultConfig().GoType] {
		f.Fatalf("found %d names of the Go API, without Parse, Range or the code type", len(api))
	}
	return api
}
