package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/closecodes/closecodes/internal/registry"
)

// checkGoNames finds the package-level names that the rendered Go files
// among files declare twice: a code named like something the template declares, such
// as Range or ErrUnknown, or a -go-type that is. The list of taken names is
// read from the output itself, so it cannot drift from the templates.
func checkGoNames(reg *registry.Registry, opts Config, files []File) error {
	declared := map[string]int{}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("generated Go does not parse: %w", err)
		}
		for _, decl := range file.Decls {
			for _, name := range declaredNames(decl) {
				declared[name]++
			}
		}
	}
	// A type name someone chose is what to change; the default one yields
	// to a code that took it first.
	isCode := slices.ContainsFunc(reg.Codes, func(c registry.Code) bool { return c.Name == opts.GoType })
	if declared[opts.GoType] > 1 && (opts.GoType != DefaultConfig().GoType || !isCode) {
		msg := fmt.Sprintf("Go type name %q collides with a name the generated package declares; choose another type name", opts.GoType)
		if s, set := reg.Output["go_type"]; set && s.Value == opts.GoType {
			return registry.ErrorList{{File: reg.File, Pos: s.Pos, Msg: "output go_type: " + msg}}
		}
		return &FlagError{Flag: "go-type", Msg: msg}
	}
	var errs registry.ErrorList
	for _, c := range reg.Codes {
		if declared[c.Name] > 1 {
			errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos,
				Msg: fmt.Sprintf("code %d name %q collides with the generated Go API's %s; choose another name", c.Value, c.Name, c.Name)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
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

// isASCIIIdentifier reports whether s is a Go identifier of ASCII letters,
// digits and underscores that is neither a keyword nor one of Go's
// predeclared names, such as string or len.
func isASCIIIdentifier(s string) bool {
	ascii := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
	return ascii && token.IsIdentifier(s) && types.Universe.Lookup(s) == nil
}
