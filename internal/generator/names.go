package generator

import (
	"errors"
	"fmt"
	"go/ast"
	"slices"

	"github.com/closecodes/closecodes/internal/registry"
)

// SettingError is a setting of Config that cannot work with the registry, such as a Go type name
// the generated package declares for something else. Field names the Config field, such as GoType.
type SettingError struct{ Field, Msg string }

func (e *SettingError) Error() string { return e.Msg }

// checkGoNames finds the package-level names that the rendered Go files declare twice, by declared:
// a code named like something the templates declare, such as Range or ErrUnknown, or like the Go
// type, each a registry.Error at the code's name, and a Go type named like something else, a
// *SettingError. The list of taken names is read from the output itself, so it cannot drift from
// the templates.
func checkGoNames(reg *registry.Registry, cfg Config, declared map[string]int) error {
	var errs registry.ErrorList
	for _, c := range reg.Codes {
		switch {
		case c.Name == cfg.GoType:
			errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos, Msg: fmt.Sprintf(
				"code %d name %q is also the Go type name; choose another name, or another Go type name", c.Value, c.Name)})
		case declared[c.Name] > 1:
			errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos, Msg: fmt.Sprintf(
				"code %d name %q collides with the generated Go API's %s; choose another name", c.Value, c.Name, c.Name)})
		}
	}
	var err error
	if declared[cfg.GoType] > 1 && !slices.ContainsFunc(reg.Codes, func(c registry.Code) bool { return c.Name == cfg.GoType }) {
		err = &SettingError{Field: "GoType", Msg: fmt.Sprintf(
			"Go type name %q collides with a name the generated package declares; choose another type name", cfg.GoType)}
	}
	if len(errs) > 0 {
		return errors.Join(errs, err)
	}
	return err
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
