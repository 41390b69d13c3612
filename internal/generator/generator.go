// Package generator renders a validated close code registry, as one Model, through the embedded
// templates into Go (gofmt'd, so that the formatter owns its layout), TypeScript, JavaScript,
// Markdown and JSON, and writes the files atomically or compares them with the disk.
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"path/filepath"
	"strings"
	"sync"
	"text/template"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
	"github.com/closecodes/closecodes/templates"
)

// How the TypeScript module declares CloseCode: TSStyleConst as an "as const" object and a type, which
// works with erasableSyntaxOnly, Node's type stripping and every bundler; TSStyleEnum as an enum.
const (
	TSStyleConst = "const"
	TSStyleEnum  = "enum"
)

// Config says what Generate renders and where. An output directory "" skips that output. Without
// TSVersion, TS-OUT/package.json is private. Each NAME.tmpl in TemplatesDir, if set, renders the
// Model into TemplatesOut/NAME, but those whose names start with "_" only define blocks.
type Config struct {
	GoOut, TSOut, DocsOut, JSONOut                               string
	GoPackage, GoType, TSStyle                                   string
	TSPackage, TSVersion, TSLicense, TSDescription, TSRepository string
	TemplatesDir, TemplatesOut                                   string
}

// File is one rendered output. Custom marks the output of a -templates template.
type File struct {
	Path   string
	Data   []byte
	Custom bool
}

// tsFile is the data of one file of the TypeScript module: closecodes.ts (Types and Bodies),
// js/closecodes.js (Bodies) or js/closecodes.d.ts (Types), all three from one template, so that
// each function and its documentation is written once.
type tsFile struct {
	*Model
	// Types says the file holds types; Bodies that it holds code.
	Types, Bodies bool
	// Enum declares CloseCode as a classic enum, which only TypeScript has.
	Enum bool
}

// T returns s, a piece of type syntax such as ": number", in a file that holds types, else "".
func (f tsFile) T(s string) string {
	if f.Types {
		return s
	}
	return ""
}

// Declare is "declare " in a declaration file, where a function has no body.
func (f tsFile) Declare() string {
	if f.Bodies {
		return ""
	}
	return "declare "
}

// builtin parses the embedded templates, once; they are tested, so that a failure is a bug.
var builtin = sync.OnceValue(func() *template.Template {
	tmpl := template.New("").Funcs(Funcs()).Option("missingkey=error")
	return template.Must(tmpl.ParseFS(templates.FS, "*.tmpl"))
})

// goFiles are the files of the Go package, each rendered by the template of its name plus ".tmpl".
var goFiles = []string{"closecode.go", "reason.go", "encoding.go", "reconnect.go", "texts.go"}

// Generate renders every file cfg asks for from reg, which must be valid, as must its names for the
// outputs cfg asks for (CheckNames).
func Generate(reg *registry.Registry, cfg Config) ([]File, error) {
	if errs := CheckNames(reg, cfg); len(errs) > 0 {
		return nil, errs
	}
	m := buildModel(reg, cfg)
	// Each file is rendered apart, all at once: the templates and the model are only read, and
	// gofmt, the most costly step, runs for each Go file on a core of its own. A job without a
	// template makes its file's data with a function.
	type job struct {
		path, tmpl string
		data       any
	}
	var jobs []job
	add := func(dir, name, tmpl string, data any) {
		if dir != "" {
			jobs = append(jobs, job{filepath.Join(dir, filepath.FromSlash(name)), tmpl, data})
		}
	}
	for _, name := range goFiles {
		add(cfg.GoOut, name, name+".tmpl", m)
	}
	for _, module := range []string{"closecodes", "texts"} {
		from := module + ".ts.tmpl"
		add(cfg.TSOut, module+".ts", from, tsFile{Model: m, Types: true, Bodies: true, Enum: cfg.TSStyle == TSStyleEnum})
		add(cfg.TSOut, "js/"+module+".js", from, tsFile{Model: m, Bodies: true})
		add(cfg.TSOut, "js/"+module+".d.ts", from, tsFile{Model: m, Types: true})
	}
	add(cfg.TSOut, "package.json", "", func() []byte { return packageJSON(cfg, m.Notice()) })
	for _, lang := range m.Languages {
		p := page{m, lang, messages.For(lang)}
		add(cfg.DocsOut, docsFile(lang), "docs.md.tmpl", p)
		add(cfg.DocsOut, p.MapFile(), "docs.svg.tmpl", p)
	}
	add(cfg.JSONOut, "closecodes.json", "", func() []byte { return exportJSON(m) })
	add(cfg.JSONOut, "closecodes.schema.json", "closecodes.schema.json.tmpl", m)
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for i, j := range jobs {
		go func() {
			defer wg.Done()
			files[i], errs[i] = render(builtin(), j.tmpl, j.data, j.path)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if cfg.TemplatesDir != "" {
		custom, err := renderCustom(cfg.TemplatesDir, cfg.TemplatesOut, m, files)
		if err != nil {
			return nil, err
		}
		files = append(files, custom...)
	}
	return files, nil
}

// render executes a built-in template into the file at path, gofmt'd if it is Go; without a
// template, data is the function that makes the file.
func render(tmpl *template.Template, name string, data any, path string) (File, error) {
	if name == "" {
		return File{Path: path, Data: data.(func() []byte)()}, nil
	}
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
