// Package generator renders a validated close code registry into Go and
// TypeScript sources, and writes them atomically or compares them with what
// is on disk.
//
// The flow is one way: a registry.Registry becomes one Model (see model.go),
// each template in the templates package renders that Model, and the results
// are returned as Files for Write or Check.
//
// Built-in Go outputs go through go/format, as stringer's do, so that the
// formatter rather than the template owns their layout.
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

// TS styles: how the TypeScript module declares CloseCode.
const (
	// TSStyleConst declares CloseCode as an `as const` object plus a type of
	// the same name: it works with erasableSyntaxOnly, Node's type
	// stripping and every bundler, and tree-shakes.
	TSStyleConst = "const"
	// TSStyleEnum declares a classic `enum CloseCode`, for codebases that
	// want one.
	TSStyleEnum = "enum"
)

// File is one rendered output.
type File struct {
	Path string
	Data []byte
}

// target ties a template to the file it renders.
type target struct {
	template string
	// file is the output's path below its language's directory.
	file string
	// isTS puts the file below the TypeScript directory rather than the Go one.
	isTS bool
}

var targets = []target{
	{template: "go.tmpl", file: "closecode.go"},
	{template: "ts.tmpl", file: "closecodes.ts", isTS: true},
	{template: "js.tmpl", file: "js/closecodes.js", isTS: true},
	{template: "dts.tmpl", file: "js/closecodes.d.ts", isTS: true},
}

// tsStyleTemplates names, for each TS style, the file that defines how the
// TypeScript module declares CloseCode.
var tsStyleTemplates = map[string]string{
	TSStyleConst: "_ts_style_const.tmpl",
	TSStyleEnum:  "_ts_style_enum.tmpl",
}

// Generate checks reg against what the outputs need and renders every file
// that cfg asks for. It writes nothing.
func Generate(reg *registry.Registry, cfg Config) ([]File, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if len(reg.Codes) == 0 {
		return nil, fmt.Errorf("registry %s names no codes", reg.File)
	}
	tmpl, err := parseTemplates(cfg.TSStyle)
	if err != nil {
		return nil, err
	}
	model := buildModel(reg, cfg)
	var files []File
	for _, t := range targets {
		dir := cfg.GoOut
		if t.isTS {
			dir = cfg.TSOut
		}
		if dir == "" {
			continue
		}
		f, err := render(tmpl, t.template, model, filepath.Join(dir, filepath.FromSlash(t.file)))
		if err != nil {
			return nil, err
		}
		if t.template == "go.tmpl" {
			if err := checkGoNames(reg, cfg, f.Data); err != nil {
				return nil, err
			}
		}
		files = append(files, f)
	}
	if cfg.TSOut != "" {
		files = append(files, File{Path: filepath.Join(cfg.TSOut, "package.json"), Data: packageJSON(cfg, model.Source)})
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

// render executes a built-in template into the file at path, formatting
// it with gofmt when it is Go.
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

// parseTemplates parses the built-in templates, with the definitions of
// tsStyle.
func parseTemplates(tsStyle string) (*template.Template, error) {
	names := []string{"docs.md.tmpl", "_tables.tmpl", tsStyleTemplates[tsStyle]}
	for _, t := range targets {
		names = append(names, t.template)
	}
	tmpl, err := template.New("").Option("missingkey=error").ParseFS(templates.FS, names...)
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return tmpl, nil
}
