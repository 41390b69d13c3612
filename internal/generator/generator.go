// Package generator renders a validated close code registry, as one Model, through the embedded
// templates into Go (gofmt'd, so that the formatter owns its layout), TypeScript, Markdown and JSON,
// and writes the files atomically or compares them with the disk.
package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/closecodes/closecodes/internal/registry"
	"github.com/closecodes/closecodes/templates"
)

// How the TypeScript module declares CloseCode: TSStyleConst as an "as const" object and a type, which
// works with erasableSyntaxOnly, Node's type stripping and every bundler; TSStyleEnum as an enum.
const (
	TSStyleConst = "const"
	TSStyleEnum  = "enum"
)

// File is one rendered output.
type File struct {
	Path string
	Data []byte
}

// targets are the built-in templates that render one file each, below the directory of the setting out.
var targets = []struct{ template, out, file string }{
	{"closecode.go.tmpl", "go_out", "closecode.go"},
	{"encoding.go.tmpl", "go_out", "encoding.go"},
	{"reason.go.tmpl", "go_out", "reason.go"},
	{"reconnect.go.tmpl", "go_out", "reconnect.go"},
	{"texts.go.tmpl", "go_out", "texts.go"},
	{"ts.tmpl", "ts_out", "closecodes.ts"},
	{"js.tmpl", "ts_out", "js/closecodes.js"},
	{"dts.tmpl", "ts_out", "js/closecodes.d.ts"},
	{"texts.ts.tmpl", "ts_out", "texts.ts"},
	{"texts.js.tmpl", "ts_out", "js/texts.js"},
	{"texts.d.ts.tmpl", "ts_out", "js/texts.d.ts"},
	{"json.tmpl", "json_out", "closecodes.json"},
	{"json.schema.tmpl", "json_out", "closecodes.schema.json"},
}

// Generate checks reg against what the outputs need and renders every file cfg asks for.
func Generate(reg *registry.Registry, cfg Config) ([]File, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	// Each output's template, and the blocks they share; "_" starts the name of a block file.
	tmpl, err := template.New("").Option("missingkey=error").
		ParseFS(templates.FS, "[^_]*.tmpl", "_tables.tmpl", "_ts_style_"+cfg.TSStyle+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	model := buildModel(reg, cfg)
	dirs := map[string]string{"go_out": cfg.GoOut, "ts_out": cfg.TSOut, "json_out": cfg.JSONOut}
	data := map[string]any{"go_out": model, "ts_out": model, "json_out": buildExport(reg, model)}
	var files []File
	for _, t := range targets {
		if dirs[t.out] == "" {
			continue
		}
		f, err := render(tmpl, t.template, data[t.out], filepath.Join(dirs[t.out], filepath.FromSlash(t.file)))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if err := checkGoNames(reg, cfg, files); err != nil {
		return nil, err
	}
	if cfg.TSOut != "" {
		files = append(files, File{Path: filepath.Join(cfg.TSOut, "package.json"), Data: packageJSON(cfg, model.Notice.Raw)})
	}
	if cfg.DocsOut != "" {
		for _, docs := range buildDocs(reg, model) {
			f, err := render(tmpl, "docs.md.tmpl", docs, filepath.Join(cfg.DocsOut, docs.File))
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	if cfg.TemplatesDir != "" {
		custom, err := renderCustom(cfg.TemplatesDir, cfg.TemplatesOut, model, files)
		if err != nil {
			return nil, err
		}
		files = append(files, custom...)
	}
	return files, nil
}

// render executes a built-in template into the file at path, gofmt'd if it is Go.
func render(tmpl *template.Template, name string, data any, path string) (File, error) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return File{}, fmt.Errorf("render %s: %w", name, err)
	}
	if !strings.HasSuffix(path, ".go") {
		return File{Path: path, Data: buf.Bytes()}, nil
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return File{}, fmt.Errorf("generated Go for %s does not parse (template %s): %w", path, name, err)
	}
	return File{Path: path, Data: src}, nil
}
