package closecheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// truncateFix wraps reason in the registry's TruncateReason, importing its
// package if the file does not; nil if its name is taken there.
func (c *checker) truncateFix(reason ast.Expr) []analysis.SuggestedFix {
	name := c.importName(c.reg.Path)
	var edits []analysis.TextEdit
	if name == "" {
		if _, obj := c.pass.Pkg.Scope().Innermost(reason.Pos()).LookupParent(c.reg.Name, reason.Pos()); obj != nil {
			return nil
		}
		name, edits = c.reg.Name, []analysis.TextEdit{addImport(c.file, c.reg.Path)}
	}
	edits = append(edits,
		analysis.TextEdit{Pos: reason.Pos(), End: reason.Pos(), NewText: []byte(name + ".TruncateReason(")},
		analysis.TextEdit{Pos: reason.End(), End: reason.End(), NewText: []byte(")")})
	return []analysis.SuggestedFix{{Message: "pass the reason through " + name + ".TruncateReason", TextEdits: edits}}
}

// nameFix replaces the code arg of fn with the registry's constant name,
// converted to the parameter's type: int(closecode.NormalClosure) for
// gorilla, websocket.StatusCode(closecode.NormalClosure) for coder. It
// returns nil unless the file imports the registry's package and the type's.
func (c *checker) nameFix(fn *types.Func, arg ast.Expr, name string) []analysis.SuggestedFix {
	pkg := c.importName(c.reg.Path)
	imported := pkg != ""
	typ := types.TypeString(fn.Signature().Params().At(0).Type(), func(p *types.Package) string {
		n := c.importName(p.Path())
		imported = imported && n != ""
		return n
	})
	if !imported {
		return nil
	}
	text := fmt.Sprintf("%s(%s.%s)", typ, pkg, name)
	return []analysis.SuggestedFix{{Message: "use " + text,
		TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(text)}}}}
}

// importName returns the name under which the file imports path, or "".
func (c *checker) importName(path string) string {
	for _, spec := range c.file.Imports {
		if pn := c.pass.TypesInfo.PkgNameOf(spec); pn != nil && pn.Imported().Path() == path && pn.Name() != "_" && pn.Name() != "." {
			return pn.Name()
		}
	}
	return ""
}

// addImport returns the edit that imports path into file: as the last line of
// its last import block, or in an import declaration of its own.
func addImport(file *ast.File, path string) analysis.TextEdit {
	spec := strconv.Quote(path)
	pos, text := file.Name.End(), "\n\nimport "+spec
	for _, decl := range file.Decls {
		switch d, _ := decl.(*ast.GenDecl); {
		case d == nil || d.Tok != token.IMPORT:
		case d.Rparen.IsValid():
			pos, text = d.Rparen, "\t"+spec+"\n"
		default:
			pos, text = d.End(), "\nimport "+spec
		}
	}
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}
