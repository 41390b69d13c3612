package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/closecodes/closecodes/internal/registry"
)

// FuzzGenerate feeds arbitrary registries through the whole pipeline. A
// registry that the reader accepts must render in every style, with Go
// output that gofmt leaves unchanged, or be refused with a positioned error;
// nothing may panic.
func FuzzGenerate(f *testing.F) {
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
