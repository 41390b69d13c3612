package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sync"

	"github.com/closecodes/closecodes/internal/registry"
)

// CheckNames returns the problems of names the outputs of cfg cannot carry: with Go, a code named
// like a name of GoAPI or like the Go type; with TypeScript, a code named like a global that a member
// of that name would shadow and an enum refuses, Infinity or NaN. Deprecated names are held to the same
// rules, being constants and members too. reg may hold problems of its own, so that a run can report
// these beside them.
func CheckNames(reg *registry.Registry, cfg Config) registry.ErrorList {
	var errs registry.ErrorList
	for _, c := range reg.Codes {
		for i, name := range c.GoNames() {
			msg := ""
			switch {
			case cfg.GoOut != "" && name == cfg.GoType:
				msg = "is also the Go type name; choose another name, or another Go type name"
			case cfg.GoOut != "" && GoAPI()[name]:
				msg = "collides with the generated Go API's " + name + "; choose another name"
			case cfg.TSOut != "" && (name == "Infinity" || name == "NaN"):
				msg = "is a JavaScript global, which a TypeScript member of that name would shadow; choose another name"
			}
			kind, pos := "name", c.NamePos
			if i > 0 {
				kind, pos = "deprecated name", c.DeprecatedPos[i-1]
			}
			if msg != "" {
				errs = append(errs, &registry.Error{File: reg.File, Pos: pos,
					Msg: fmt.Sprintf("code %d %s %q %s", c.Value, kind, name, msg)})
			}
		}
	}
	errs.Sort()
	return errs
}

// GoAPI holds the names the generated Go package declares at package level besides its codes and its
// type, read from the Go templates rendered for a registry of one code, so that the list cannot drift
// from them.
var GoAPI = sync.OnceValue(func() map[string]bool {
	tmpl := builtin()
	const code, typ = "P", "T"
	m := buildModel(&registry.Registry{Codes: []registry.Code{{Value: 4000, Name: code}}},
		Config{GoPackage: "p", GoType: typ})
	names := map[string]bool{}
	for _, name := range goFiles {
		var buf bytes.Buffer
		err := tmpl.ExecuteTemplate(&buf, name+".tmpl", m)
		file, perr := parser.ParseFile(token.NewFileSet(), name, buf.Bytes(), parser.SkipObjectResolution)
		if err = errors.Join(err, perr); err != nil {
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		for _, decl := range file.Decls {
			for _, n := range declaredNames(decl) {
				names[n] = n != code && n != typ
			}
		}
	}
	return names
})

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
