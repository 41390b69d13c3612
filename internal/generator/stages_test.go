package generator

import (
	"bytes"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/fastyaml"
	"github.com/closecodes/closecodes/internal/registry"
)

// BenchmarkStages times each stage of a gencodes run on a 4,000-code
// registry, one stage at a time on one goroutine, to show where a run's
// time goes; bench/run.sh reports it beside the whole-process timings.
// CLOSECODES_BIG_REGISTRY names the registry (run.sh passes the one from
// bench/cmd/bigregistry); without it, the registry of
// TestGoOutputIsGofmtClean is used.
func BenchmarkStages(b *testing.B) {
	data := []byte(os.Getenv("CLOSECODES_BIG_REGISTRY"))
	if len(data) > 0 {
		var err error
		if data, err = os.ReadFile(string(data)); err != nil {
			b.Fatal(err)
		}
	} else {
		data = []byte(bigRegistry(b))
	}
	reg, err := registry.Parse("big.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	opts := DefaultConfig()
	tmpl, err := parseTemplates(opts.TSStyle)
	if err != nil {
		b.Fatal(err)
	}
	model := buildModel(reg, opts)
	docs := buildDocs(reg, model)

	// YAML to nodes: the registry reader's fast path, and yaml.v3, which
	// it falls back to and would otherwise take.
	b.Run("stage=yaml/impl=fastyaml", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, ok := fastyaml.Parse(data); !ok {
				b.Fatal("fastyaml declined the registry")
			}
		}
	})
	b.Run("stage=yaml/impl=yaml.v3", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stage=registry", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := registry.Parse("big.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stage=model", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			buildDocs(reg, buildModel(reg, opts))
		}
	})
	render := func(name string, data any) func(b *testing.B) {
		return func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(buf.Len()))
			}
		}
	}
	for _, t := range targets {
		b.Run("stage=render/template="+t.template, render(t.template, model))
	}
	for _, page := range docs {
		b.Run("stage=render/template=docs.md.tmpl/lang="+page.Lang, render("docs.md.tmpl", page))
	}
	b.Run("stage=generate", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := Generate(reg, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
