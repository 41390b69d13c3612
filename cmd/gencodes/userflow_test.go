package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
)

// TestAppModuleUsesGencodesAsATool plays the user the README writes for: a
// chat app in its own module adds gencodes as a tool, writes a registry that
// extends the standard one with its private codes, runs go generate, and
// uses the result from Go and TypeScript.
func TestAppModuleUsesGencodesAsATool(t *testing.T) {
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)

	app := t.TempDir()
	goCmd := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
		return string(out)
	}
	write := func(path, text string) {
		t.Helper()
		full := filepath.Join(app, path)
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(text), 0o644))
	}

	write("go.mod", "module example.com/chat\n\ngo 1.24\n")
	goCmd(app, "mod", "edit", "-require=github.com/closecodes/closecodes@v0.0.0",
		"-replace=github.com/closecodes/closecodes="+repo)
	// A user runs `go get -tool github.com/closecodes/closecodes/cmd/gencodes`,
	// which asks the module proxy about every prefix of the path. This
	// checkout is not published there, so the test writes the same tool
	// directive with go mod edit and lets go mod tidy resolve it through the
	// replace above.
	goCmd(app, "mod", "edit", "-tool=github.com/closecodes/closecodes/cmd/gencodes")
	goCmd(app, "mod", "tidy")

	registryText, err := os.ReadFile(filepath.Join(repo, "examples/registries/chat.yaml"))
	require.NoError(t, err)
	write("closecodes.yaml", string(registryText))
	write("closecodes/generate.go", "// Package chatcodes holds the chat app's close codes.\npackage chatcodes\n\n"+
		"//go:generate go tool gencodes -registry ../closecodes.yaml\n")
	write("main.go", `package main

import (
	"fmt"

	"example.com/chat/closecodes"
)

func main() {
	for _, c := range []chatcodes.Code{chatcodes.NormalClosure, chatcodes.SessionExpired, chatcodes.RoomFull, chatcodes.NoStatusReceived} {
		fmt.Printf("%d %v valid=%t browser=%t range=%s\n", c, c, c.IsValid(), c.BrowserCanSend(), c.Range().Name)
	}
	full, err := chatcodes.Parse("ROOM_FULL")
	fmt.Println(int(full), err, chatcodes.SessionExpired.DescriptionIn("zh-CN"))
}
`)
	goCmd(app, "generate", "./...")
	for _, f := range []string{"closecodes/closecode.go", "web/closecodes/closecodes.ts", "web/closecodes/js/closecodes.js",
		"web/closecodes/package.json", "docs/close-codes.md", "docs/close-codes.zh-CN.md", "json/closecodes.json"} {
		assert.FileExists(t, filepath.Join(app, f))
	}
	out := goCmd(app, "run", ".")
	assert.Equal(t, "1000 NormalClosure valid=true browser=true range=Protocol\n"+
		"4001 SessionExpired valid=true browser=true range=Private\n"+
		"4403 RoomFull valid=true browser=true range=Private\n"+
		"1005 NoStatusReceived valid=false browser=false range=Protocol\n"+
		"4403 <nil> 会话已过期，请重新登录。\n", out)

	// The frontend type-checks against the same codes.
	write("web/app.ts", `import { CloseCode, closeCodeName, describeCloseCode } from "./closecodes/closecodes.ts";

export function onClose(code: number): string {
  if (code === CloseCode.SessionExpired) return "log in again";
  if (code === CloseCode.RoomFull) return "try another room";
  return closeCodeName(code) ?? describeCloseCode(code, "zh-CN") ?? "unknown";
}

// @ts-expect-error 4002 is not one of the app's codes.
export const wrong: CloseCode = 4002;
export const normal: CloseCode = CloseCode.NormalClosure;
`)
	write("web/package.json", `{"name": "chat-web", "private": true, "type": "module"}`+"\n")
	write("web/tsconfig.json", `{"compilerOptions": {"target": "es2022", "module": "nodenext", "strict": true,
  "erasableSyntaxOnly": true, "isolatedDeclarations": true, "verbatimModuleSyntax": true,
  "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "allowImportingTsExtensions": true,
  "declaration": true, "noEmit": true, "types": []}, "files": ["app.ts"]}`)
	t.Run("tsc", func(t *testing.T) {
		tsc := npmtools.Path(t, ".bin/tsc")
		tscOut, err := exec.Command(tsc, "-p", filepath.Join(app, "web/tsconfig.json")).CombinedOutput()
		require.NoError(t, err, "tsc: %s", tscOut)
	})

	// The check CI would run in the app's repository passes, and notices drift.
	goCmd(app, "tool", "gencodes", "-registry", "closecodes.yaml", "-check")
	require.NoError(t, os.WriteFile(filepath.Join(app, "web/closecodes/package.json"), []byte("{}\n"), 0o644))
	cmd := exec.Command("go", "tool", "gencodes", "-registry", "closecodes.yaml", "-check")
	cmd.Dir = app
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	checkOut, err := cmd.CombinedOutput()
	assert.Error(t, err, "-check must fail on a changed file")
	assert.Contains(t, string(checkOut), "web/closecodes/package.json")
}
