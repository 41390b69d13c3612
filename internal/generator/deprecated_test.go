package generator

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
	"github.com/closecodes/closecodes/internal/registry"
)

// renamedRegistry has a code renamed twice, its former names kept as deprecated names.
const renamedRegistry = `extends: standard
codes:
  - code: 4001
    name: SessionEnded
    label: Session ended
    deprecated_names: [SessionExpired, LoggedOut]
    description: The session ended; log in again.
    reference: App spec
    wire_valid: true
    browser_can_send: true
    reconnect: reauthenticate
`

// deprecatedDoc returns the text of the paragraph of name's doc comment in the Go file at path that
// starts with "Deprecated: ", as go/doc reads doc comments, or "".
func deprecatedDoc(t *testing.T, path, name string) (doc string, found bool) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
	require.NoError(t, err)
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != name {
			return true
		}
		found = true
		var p comment.Parser
		for _, block := range p.Parse(spec.Doc.Text()).Content {
			if para, ok := block.(*comment.Paragraph); ok {
				var text strings.Builder
				for _, t := range para.Text {
					if plain, ok := t.(comment.Plain); ok {
						text.WriteString(string(plain))
					}
				}
				if strings.HasPrefix(text.String(), "Deprecated: ") {
					doc = text.String()
				}
			}
		}
		return false
	})
	return doc, found
}

// TestDeprecatedNames: a code's former names stay usable after a rename. In Go each is a constant
// whose doc comment has a "Deprecated: " paragraph, as go/doc, gopls and staticcheck read it; in
// TypeScript a member marked @deprecated; and Parse and parseCloseCode read them, while the code's
// name is the current one.
func TestDeprecatedNames(t *testing.T) {
	reg, err := registry.Parse("closecodes.yaml", []byte(renamedRegistry))
	require.NoError(t, err)
	dir := t.TempDir()
	cfg := testConfig()
	cfg.GoOut, cfg.GoPackage, cfg.DocsOut, cfg.JSONOut = filepath.Join(dir, "chatcodes"), "chatcodes", "", ""
	cfg.TSOut = filepath.Join(dir, "ts")
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	enum := cfg
	enum.GoOut, enum.TSOut, enum.TSStyle = "", filepath.Join(dir, "enum"), TSStyleEnum
	enumFiles, err := Generate(reg, enum)
	require.NoError(t, err)
	_, err = Write(append(files, enumFiles...))
	require.NoError(t, err)

	for _, name := range []string{"SessionExpired", "LoggedOut"} {
		doc, found := deprecatedDoc(t, filepath.Join(dir, "chatcodes/closecode.go"), name)
		require.True(t, found, "closecode.go declares %s", name)
		assert.Equal(t, "Deprecated: Use SessionEnded.", doc, "the doc comment of %s", name)
	}

	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module chat\n\ngo 1.23\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(`package main

import (
	"fmt"

	"chat/chatcodes"
)

func main() {
	old := chatcodes.SessionExpired
	fmt.Println(int(old), old, old == chatcodes.SessionEnded, chatcodes.LoggedOut.Reconnect())
	for _, s := range []string{"SessionExpired", "LoggedOut", "SessionEnded"} {
		c, err := chatcodes.Parse(s)
		fmt.Println(int(c), err)
	}
}
`), 0o644))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go run: %s", out)
	assert.Equal(t, "4001 SessionEnded true reauthenticate\n4001 <nil>\n4001 <nil>\n4001 <nil>\n", string(out))

	read := func(path string) string {
		data, err := os.ReadFile(filepath.Join(dir, path))
		require.NoError(t, err)
		return string(data)
	}
	for path, member := range map[string]string{
		"ts/closecodes.ts":      "SessionExpired: 4001,",
		"ts/js/closecodes.js":   "SessionExpired: 4001,",
		"ts/js/closecodes.d.ts": "readonly SessionExpired: 4001;",
		"enum/closecodes.ts":    "SessionExpired = 4001,",
	} {
		assert.Contains(t, read(path), "  /** @deprecated Use SessionEnded. */\n  "+member+"\n", path)
	}

	tsc := npmtools.Path(t, ".bin/tsc")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "use.ts"), []byte(`import { CloseCode, closeCodeName, parseCloseCode } from "./ts/closecodes.ts";
import { CloseCode as Enum } from "./enum/closecodes.ts";

export const old: CloseCode = CloseCode.SessionExpired;
export const oldEnum: Enum = Enum.LoggedOut;
console.log(old, closeCodeName(old), parseCloseCode("SessionExpired"), parseCloseCode("LoggedOut"), Enum[4001]);
`), 0o644))
	out, err = exec.Command(tsc, "--target", "es2022", "--module", "nodenext", "--strict", "--allowImportingTsExtensions",
		"--rewriteRelativeImportExtensions", "--outDir", filepath.Join(dir, "out"), filepath.Join(dir, "use.ts")).CombinedOutput()
	require.NoError(t, err, "tsc: %s", out)
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	out, err = exec.Command(node, filepath.Join(dir, "out/use.js")).CombinedOutput()
	require.NoError(t, err, "node: %s", out)
	assert.Equal(t, "4001 SessionEnded 4001 4001 SessionEnded\n", string(out),
		"the enum maps 4001 back to the current name")
}
