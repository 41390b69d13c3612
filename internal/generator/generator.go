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

// Options says what to render and where.
type Options struct {
	// GoOut, TSOut and DocsOut are the output directories; an empty one
	// skips that output.
	GoOut   string
	TSOut   string
	DocsOut string
	// GoPackage and GoType name the generated Go package and code type.
	GoPackage string
	GoType    string
	// TSStyle is TSStyleConst or TSStyleEnum.
	TSStyle string
	// TSPackage is the name in the TypeScript output's package.json.
	TSPackage string
	// TemplatesDir, when set, holds custom templates: each NAME.tmpl in it
	// renders the view model into TemplatesOut/NAME. Files whose names start
	// with "_" only define blocks for the others.
	TemplatesDir string
	TemplatesOut string
}

// DefaultOptions are the settings for this repository's own layout.
func DefaultOptions() Options {
	return Options{
		GoOut:        "generated/go",
		TSOut:        "generated/ts",
		DocsOut:      "generated/docs",
		GoPackage:    "closecode",
		GoType:       "Code",
		TSStyle:      TSStyleConst,
		TSPackage:    "closecodes",
		TemplatesOut: ".",
	}
}

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
	{template: "package.json.tmpl", file: "package.json", isTS: true},
}

// tsStyleTemplates names, for each TS style, the file that defines how the
// TypeScript module declares CloseCode.
var tsStyleTemplates = map[string]string{
	TSStyleConst: "_ts_style_const.tmpl",
	TSStyleEnum:  "_ts_style_enum.tmpl",
}

// Generate checks reg against what the outputs need and renders every file.
// It writes nothing.
func Generate(reg *registry.Registry, opts Options) ([]File, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	if err := checkNames(reg, opts); err != nil {
		return nil, err
	}
	tmpl, err := parseTemplates(opts.TSStyle)
	if err != nil {
		return nil, err
	}
	model := buildModel(reg, opts)
	var files []File
	for _, t := range targets {
		dir := opts.GoOut
		if t.isTS {
			dir = opts.TSOut
		}
		if dir == "" {
			continue
		}
		f, err := render(tmpl, t.template, model, filepath.Join(dir, filepath.FromSlash(t.file)))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if opts.DocsOut != "" {
		for _, docs := range buildDocs(reg, model) {
			f, err := render(tmpl, "docs.md.tmpl", docs, filepath.Join(opts.DocsOut, docs.File))
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	if opts.TemplatesDir != "" {
		custom, err := renderCustom(opts.TemplatesDir, opts.TemplatesOut, model)
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

// OptionError reports an Options value that cannot work, whatever the
// registry says: a misuse of the tool rather than a problem in its input.
type OptionError struct{ msg string }

func (e *OptionError) Error() string { return e.msg }

func optionErrorf(format string, args ...any) error {
	return &OptionError{fmt.Sprintf(format, args...)}
}

func checkOptions(opts Options) error {
	if _, ok := tsStyleTemplates[opts.TSStyle]; !ok {
		return optionErrorf("unknown TypeScript style %q; use %q or %q", opts.TSStyle, TSStyleConst, TSStyleEnum)
	}
	if !isASCIIIdentifier(opts.GoPackage) || opts.GoPackage == "_" {
		return optionErrorf("Go package name %q is not a valid package name; use a lower-case identifier such as closecode", opts.GoPackage)
	}
	if !isASCIIIdentifier(opts.GoType) || opts.GoType[0] < 'A' || opts.GoType[0] > 'Z' {
		return optionErrorf("Go type name %q is not an exported identifier; use a name such as Code", opts.GoType)
	}
	if opts.TSPackage == "" {
		return optionErrorf("TypeScript package name is empty; name the package for package.json")
	}
	return nil
}

// parseTemplates parses the built-in templates, with the definitions of
// tsStyle.
func parseTemplates(tsStyle string) (*template.Template, error) {
	names := []string{"docs.md.tmpl", "_js_shared.tmpl", tsStyleTemplates[tsStyle]}
	for _, t := range targets {
		names = append(names, t.template)
	}
	tmpl, err := template.New("").Option("missingkey=error").Funcs(templateFuncs).ParseFS(templates.FS, names...)
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return tmpl, nil
}
