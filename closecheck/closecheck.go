// Package closecheck defines an Analyzer that reports WebSocket close codes
// and reasons that a Go program would send wrong; its Doc lists the rules.
package closecheck

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports close codes and reasons that would be sent wrong.
var Analyzer = &analysis.Analyzer{
	Name: "closecheck",
	Doc: `report WebSocket close codes and reasons that would be sent wrong

closecheck checks the Close frames made with gorilla/websocket,
coder/websocket, nhooyr.io/websocket and gobwas/ws against the registry of
the gencodes package that the checked package imports (an app's wins), or
else the standard registry. Each report starts with its rule:

	unsendable code    a constant code the registry says is not valid on the wire
	lost reason        the library's code for "no status" with a reason, which it drops
	reason too long    a constant reason longer than a Close frame holds (123 bytes)
	reason not UTF-8   a constant reason that is not valid UTF-8
	unbounded reason   a reason made at run time, not passed through TruncateReason
	unnamed code       an integer literal for a code the registry names
	undeclared code    a code valid on the wire that the app's registry does not name`,
	URL:       "https://github.com/closecodes/closecodes/tree/main/closecheck",
	FactTypes: []analysis.Fact{new(registry)},
	Run:       run,
}

var reportUnbounded bool

func init() {
	Analyzer.Flags.BoolVar(&reportUnbounded, "unbounded", true,
		"report reasons made at run time that are not passed through TruncateReason")
}

// closeCalls maps the path of each library closecheck knows to its function
// that takes a close code and a reason, by full name, and the library's
// constant for the code that it turns into a Close frame without a code
// ("" if it sends every code as it is).
var closeCalls = map[string]struct{ fullName, noStatus string }{
	// gorilla/websocket v1.5.3, conn.go: an empty payload for CloseNoStatusReceived,
	// any other code and text unchecked; WriteControl refuses over 125 bytes.
	"github.com/gorilla/websocket": {"github.com/gorilla/websocket.FormatCloseMessage", "CloseNoStatusReceived"},
	// coder/websocket v1.8.15, close.go: an empty Close frame for StatusNoStatusRcvd;
	// bytesErr refuses a reason over 123 bytes and the codes validWireCloseCode
	// rejects, and then no frame is sent. nhooyr.io/websocket v1.8.17 is the same.
	"github.com/coder/websocket": {"(*github.com/coder/websocket.Conn).Close", "StatusNoStatusRcvd"},
	"nhooyr.io/websocket":        {"(*nhooyr.io/websocket.Conn).Close", "StatusNoStatusRcvd"},
	// gobwas/ws v1.4.0, frame.go: any code as it is, 1005 too, and the reason
	// cropped at byte 123, even inside a character.
	"github.com/gobwas/ws": {"github.com/gobwas/ws.NewCloseFrameBody", ""},
}

func run(pass *analysis.Pass) (any, error) {
	if r := readRegistry(pass); r != nil {
		pass.ExportPackageFact(r)
		return nil, nil
	}
	if !usesLibrary(pass.Pkg, map[*types.Package]bool{}) {
		return nil, nil // most packages, such as the standard library's: nothing to walk
	}
	reg := registryFor(pass)
	for file := range inspector.New(pass.Files).Root().Children() {
		c := &checker{pass, reg, file.Node().(*ast.File)}
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil || len(call.Args) != 2 { // not f(g()), where g returns both
				continue
			}
			if lib, ok := closeCalls[fn.Pkg().Path()]; ok && fn.FullName() == lib.fullName {
				c.check(fn, lib.noStatus, cur)
			}
		}
	}
	return nil, nil
}

// usesLibrary reports whether pkg imports, maybe indirectly, a library that
// closecheck knows; only then can it call one of their functions.
func usesLibrary(pkg *types.Package, seen map[*types.Package]bool) bool {
	_, ok := closeCalls[pkg.Path()]
	seen[pkg] = true
	for _, imp := range pkg.Imports() {
		ok = ok || !seen[imp] && usesLibrary(imp, seen)
	}
	return ok
}

// A checker checks the calls of one file against one registry.
type checker struct {
	pass *analysis.Pass
	reg  *registry
	file *ast.File
}

// check reports what is wrong with the code and reason of the call at cur.
// Only the call that takes them is checked, never what its result feeds
// (such as gorilla's WriteControl), so each mistake is reported once.
func (c *checker) check(fn *types.Func, noStatus string, cur inspector.Cursor) {
	call, reg := cur.Node().(*ast.CallExpr), c.reg
	codeArg, reasonArg := call.Args[0], call.Args[1]
	code, codeKnown := constValue[int64](c.pass.TypesInfo, codeArg)
	reason, reasonKnown := constValue[string](c.pass.TypesInfo, reasonArg)
	switch {
	case !codeKnown:
	case isLibraryConst(fn.Pkg(), noStatus, code):
		// The library sends a Close frame without a code, and no reason.
		if reasonKnown && reason != "" {
			c.report(reasonArg, "lost reason", nil, "%s sends a Close frame without a code, so %s drops the reason %q",
				reg.describe(code), fn.Name(), reason)
		}
		c.checkName(fn, codeArg, code)
		return
	case !reg.valid(code):
		c.report(codeArg, "unsendable code", nil, "%s may not be sent in a Close frame", reg.describe(code))
	case reg.name(code) == "" && reg.Path != standardPath:
		c.report(codeArg, "undeclared code", nil, "%d is valid on the wire but %s does not name it; declare it in the app's registry",
			code, reg.Name)
	default:
		c.checkName(fn, codeArg, code)
	}
	switch {
	case reasonKnown && len(reason) > reg.MaxReasonBytes:
		c.report(reasonArg, "reason too long", nil, "%d bytes, but a Close frame holds at most %d", len(reason), reg.MaxReasonBytes)
	case reasonKnown && !utf8.ValidString(reason):
		c.report(reasonArg, "reason not UTF-8", nil, "%q is not valid UTF-8", reason)
	case !reasonKnown && reportUnbounded && !c.bounded(reasonArg, cur):
		c.report(reasonArg, "unbounded reason", c.truncateFix(reasonArg),
			"a reason made at run time may not fit in %d bytes; pass it through %s.TruncateReason", reg.MaxReasonBytes, reg.Name)
	}
}

// checkName reports an integer literal for a code that the registry names.
func (c *checker) checkName(fn *types.Func, arg ast.Expr, code int64) {
	if name := c.reg.name(code); name != "" && isIntLiteral(c.pass.TypesInfo, arg) {
		c.report(arg, "unnamed code", c.nameFix(fn, arg, name), "%d is %s.%s", code, c.reg.Name, name)
	}
}

func (c *checker) report(n ast.Node, rule string, fixes []analysis.SuggestedFix, format string, args ...any) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: rule,
		Message: rule + ": " + fmt.Sprintf(format, args...), SuggestedFixes: fixes})
}

// bounded reports whether reason, made at run time, is known to fit: a call
// of a generated package's TruncateReason, or a variable that its last write
// or check before the call, in the source of the outermost function around
// it, bounds. A write bounds it if it sets a TruncateReason call or a
// constant that fits, in bytes and as UTF-8 (var v string sets ""), not if it sets anything else, such as
// err.Error() or v + s; a check, if it is a ValidateReason(v) whose error is
// used, not thrown away. A parameter that nothing checks is not bounded.
func (c *checker) bounded(reason ast.Expr, cur inspector.Cursor) bool {
	fits := func(e ast.Expr) bool { // a constant that fits, or a reason cut to fit
		s, ok := constValue[string](c.pass.TypesInfo, e)
		return ok && len(s) <= c.reg.MaxReasonBytes && utf8.ValidString(s) || c.isHelperCall(e, "TruncateReason")
	}
	id, _ := ast.Unparen(reason).(*ast.Ident)
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	var body inspector.Cursor // the outermost function around the call
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fn
	}
	if v == nil || !body.Valid() {
		return fits(reason)
	}
	bounded := false
	for use := range body.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.ObjectOf(use.Node().(*ast.Ident)) != v || use.Node().End() > cur.Node().Pos() {
			continue // another name, or v in or after the call
		}
		switch kind, i := use.ParentEdge(); kind {
		case edge.AssignStmt_Lhs: // v = x, v := x; not v += x, nor v, w = f()
			a := use.Parent().Node().(*ast.AssignStmt)
			bounded = len(a.Rhs) == len(a.Lhs) && a.Tok != token.ADD_ASSIGN && fits(a.Rhs[i])
		case edge.ValueSpec_Names: // var v = x, or var v, which sets ""
			s := use.Parent().Node().(*ast.ValueSpec)
			bounded = len(s.Values) == 0 || len(s.Values) == len(s.Names) && fits(s.Values[i])
		case edge.RangeStmt_Key, edge.RangeStmt_Value: // for _, v = range xs
			bounded = false
		case edge.CallExpr_Args:
			bounded = bounded || c.isHelperCall(use.Parent().Node().(*ast.CallExpr), "ValidateReason") && resultUsed(use.Parent())
		}
	}
	return bounded
}

// resultUsed reports whether the value of the call at cur is used: it is not
// a statement of its own, nor assigned to the blank identifier.
func resultUsed(cur inspector.Cursor) bool {
	if assign, ok := cur.Parent().Node().(*ast.AssignStmt); ok {
		id, _ := assign.Lhs[cur.ParentEdgeIndex()].(*ast.Ident)
		return id.String() != "_" // nil prints as "<nil>"
	}
	return cur.ParentEdgeKind() != edge.ExprStmt_X
}

// isHelperCall reports whether e calls the function name of a generated package.
func (c *checker) isHelperCall(e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return fn != nil && fn.Name() == name && fn.Pkg() != nil && c.pass.ImportPackageFact(fn.Pkg(), new(registry))
}

// isIntLiteral reports whether e is an integer literal, maybe converted.
func isIntLiteral(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return len(e.Args) == 1 && info.Types[e.Fun].IsType() && isIntLiteral(info, e.Args[0])
	case *ast.BasicLit:
		return e.Kind == token.INT
	}
	return false
}

// constValue returns the value of e if e is a constant of Go type T: int64
// for an integer that fits one, string for a string.
func constValue[T int64 | string](info *types.Info, e ast.Expr) (T, bool) {
	v, ok := constant.Val(info.Types[e].Value).(T)
	return v, ok
}

// isLibraryConst reports whether code is the value of the constant name of pkg.
func isLibraryConst(pkg *types.Package, name string, code int64) bool {
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	return ok && c.Val().Kind() == constant.Int && constant.Compare(c.Val(), token.EQL, constant.MakeInt64(code))
}
