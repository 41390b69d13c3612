package generator

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/closecodes/closecodes/internal/registry"
)

// FuzzGenerate feeds arbitrary registries through the whole pipeline. A
// registry that the reader accepts must render in every style, with Go
// output that gofmt leaves unchanged, or be refused with a positioned error;
// nothing may panic.
func FuzzGenerate(f *testing.F) {
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
				var list registry.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("a valid registry failed to render: %v", err)
				}
				return
			}
			if want := 14 + len(reg.Languages()); len(files) != want {
				t.Fatalf("rendered %d files, want %d: 5 Go, 6 TypeScript and JavaScript, package.json, 2 JSON and one docs page a language", len(files), want)
			}
			for _, f := range files {
				if strings.HasSuffix(f.Path, ".go") {
					requireGofmt(t, f.Path, f.Data)
				}
			}
		}
	})
}
