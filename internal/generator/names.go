package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/closecodes/closecodes/internal/registry"
)

// SettingError is a setting of Config that cannot work with the registry, such as a Go type name
// the generated package declares for something else. Field names the Config field, such as GoType.
type SettingError struct{ Field, Msg string }

func (e *SettingError) Error() string { return e.Msg }

// CheckNames reports the names the outputs of cfg cannot carry: with Go, a code named like a name the
// generated package declares, such as Parse or ErrUnknown, or like its Go type, each a registry.Error at
// the code's name, and a Go type named like one, a *SettingError; with TypeScript, a code named like a
// global that a member of that name would shadow and an enum refuses, Infinity or NaN. The taken Go
// names are read from the templates' own output, so they cannot drift from them. reg may hold problems
// of its own, so that a run reports these beside them.
func CheckNames(reg *registry.Registry, cfg Config) error {
	var errs registry.ErrorList
	var setting error
	if cfg.GoOut != "" {
		declared, err := goAPINames(cfg)
		if err != nil {
			return err
		}
		for _, c := range reg.Codes {
			switch {
			case c.Name == cfg.GoType:
				errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos, Msg: fmt.Sprintf(
					"code %d name %q is also the Go type name; choose another name, or another Go type name", c.Value, c.Name)})
			case declared[c.Name] > 0:
				errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos, Msg: fmt.Sprintf(
					"code %d name %q collides with the generated Go API's %s; choose another name", c.Value, c.Name, c.Name)})
			}
		}
		if declared[cfg.GoType] > 1 { // the type itself, and another
			setting = &SettingError{Field: "GoType", Msg: fmt.Sprintf(
				"Go type name %q collides with a name the generated package declares; choose another type name", cfg.GoType)}
		}
	}
	for _, c := range reg.Codes {
		if cfg.TSOut != "" && (c.Name == "Infinity" || c.Name == "NaN") {
			errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos, Msg: fmt.Sprintf(
				"code %d name %q is a JavaScript global, which a TypeScript member of that name would shadow; "+
					"choose another name", c.Value, c.Name)})
		}
	}
	errs.Sort()
	if len(errs) > 0 {
		return errors.Join(errs, setting)
	}
	return setting
}

// goAPINames counts the names the generated Go package declares at package level besides its codes,
// from the Go templates rendered for cfg and a registry of one code.
func goAPINames(cfg Config) (map[string]int, error) {
	tmpl, err := builtin()
	if err != nil {
		return nil, err
	}
	const placeholder = "P"
	m := buildModel(&registry.Registry{Codes: []registry.Code{{Value: 4000, Name: placeholder}}}, cfg)
	declared := map[string]int{}
	for _, name := range goFiles {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, name+".tmpl", m); err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), name, buf.Bytes(), parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("generated Go for %s does not parse: %w", name, err)
		}
		for _, decl := range file.Decls {
			for _, n := range declaredNames(decl) {
				if n != placeholder {
					declared[n]++
				}
			}
		}
	}
	return declared, nil
}

// declaredNames returns the package-level names a declaration introduces;
// methods live in their type's scope and introduce none.
func declaredNames(decl ast.Decl) []string {
	var names []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}
