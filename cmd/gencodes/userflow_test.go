package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
)

// TestAppModuleUsesGencodesAsATool plays the user of README.md's "Your own
// codes": a chat app in its own module gets the files and runs the commands
// that README.md marks for it, as written, with only the clone's path
// filled in; then the app uses the result from Go and TypeScript, with
// README.md's step 4 compiled in it.
func TestAppModuleUsesGencodesAsATool(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	app := t.TempDir()
	clone, err := filepath.Rel(app, repo)
	require.NoError(t, err)
	write := func(path, text string) {
		t.Helper()
		full := filepath.Join(app, filepath.FromSlash(path))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(text), 0o644))
	}
	runInApp := func(b docBlock) (string, error) {
		t.Helper()
		stdout, stderr, err := shell(app, strings.ReplaceAll(b.text, clonePlaceholder, filepath.ToSlash(clone)))
		return stdout + stderr, err
	}

	write("go.mod", "module example.com/chat\n\ngo 1.24\n")

	var runs []docBlock
	var goStep, tsStep string
	filePattern := regexp.MustCompile(`^userflow: file (\S+) in the app$`)
	for _, b := range blocksOf(t, readmePath) {
		switch m := filePattern.FindStringSubmatch(b.marker); {
		case b.marker == "userflow: run in the app":
			require.Equal(t, "sh", b.info, "%s: a block to run must be sh", b.where)
			out, err := runInApp(b)
			require.NoError(t, err, "%s:\n%s\n%s", b.where, b.text, out)
			runs = append(runs, b)
		case m != nil:
			write(m[1], b.text)
		case b.marker == "userflow: go in the app":
			goStep += b.text
		case b.marker == "userflow: ts in the app":
			tsStep += b.text
		case strings.HasPrefix(b.marker, "userflow"):
			t.Fatalf("%s: unknown marker %q", b.where, b.marker)
		}
	}
	require.NotEmpty(t, runs, "README.md marks no block to run in the app")
	require.Contains(t, runs[0].text, clonePlaceholder,
		"the first step names the clone as %s, which the test fills in", clonePlaceholder)
	require.NotEmpty(t, goStep, "README.md marks no Go to compile in the app")
	require.NotEmpty(t, tsStep, "README.md marks no TypeScript to check in the app")

	for _, f := range []string{"closecodes/closecode.go", "web/closecodes/closecodes.ts", "web/closecodes/js/closecodes.js",
		"web/closecodes/package.json", "generated/docs/close-codes.md", "generated/json/closecodes.json"} {
		assert.FileExists(t, filepath.Join(app, f))
	}

	write("main.go", `package main

import (
	"fmt"

	"example.com/chat/closecodes"
)

func main() {
	for _, c := range []chatcodes.Code{chatcodes.NormalClosure, chatcodes.SessionExpired, chatcodes.NoStatusReceived, 4002} {
		fmt.Printf("%d %v valid=%t browser=%t range=%s reconnect=%v\n", c, c, c.IsValid(), c.BrowserCanSend(), c.Range().Name, c.Reconnect())
	}
	expired, err := chatcodes.Parse("SessionExpired")
	fmt.Println(int(expired), err, chatcodes.SessionExpired.Description())
}
`)
	packages := maps.Clone(goSnippetPackages)
	packages["chatcodes"] = "example.com/chat/closecodes"
	write("step4.go", goSnippet("step 4", goStep, packages)+
		"\nvar (\n\tconn     *websocket.Conn\n\tsnippets = map[string]func(){}\n)\n")
	_, stderr, err := shell(app, "go get github.com/coder/websocket@"+exampleVersion(t, "github.com/coder/websocket")+" && go vet ./...")
	require.NoError(t, err, "README.md's step 4 in Go:\n%s", stderr)
	out, stderr, err := shell(app, "go run .")
	require.NoError(t, err, stderr)
	assert.Equal(t, "1000 NormalClosure valid=true browser=true range=Protocol reconnect=never\n"+
		"4001 SessionExpired valid=true browser=true range=Private reconnect=reauthenticate\n"+
		"1005 NoStatusReceived valid=false browser=false range=Protocol reconnect=retry\n"+
		"4002 Code(4002) valid=true browser=true range=Private reconnect=unspecified\n"+
		"4001 <nil> The session ran out; log in again.\n", out)

	// The frontend type-checks against the same codes, under every strict
	// option and without allowImportingTsExtensions.
	write("web/step4.ts", tsStep)
	write("web/app.ts", `import { CloseCode, closeCodeName } from "./closecodes/js/closecodes.js";
import { describeCloseCode } from "./closecodes/js/texts.js";

export function onClose(code: number): string {
  if (code === CloseCode.SessionExpired) return "log in again";
  return closeCodeName(code) ?? describeCloseCode(code, "zh-CN") ?? "unknown";
}

// @ts-expect-error 4002 is not one of the app's codes.
export const wrong: CloseCode = 4002;
export const normal: CloseCode = CloseCode.NormalClosure;
`)
	write("web/stubs.d.ts", tsSnippetStubs)
	write("web/package.json", `{"name": "chat-web", "private": true, "type": "module"}`+"\n")
	write("web/tsconfig.json", `{"compilerOptions": {`+tsStrict+`}, "files": ["app.ts", "step4.ts", "stubs.d.ts"]}`)
	t.Run("tsc", func(t *testing.T) {
		tsc := npmtools.Path(t, ".bin/tsc")
		tscOut, err := exec.Command(tsc, "-p", filepath.Join(app, "web/tsconfig.json")).CombinedOutput()
		require.NoError(t, err, "tsc: %s", tscOut)
	})

	// The README's check for CI, run again, notices a changed output.
	var check docBlock
	for _, b := range runs {
		if strings.Contains(b.text, " -check") {
			check = b
		}
	}
	require.NotEmpty(t, check.text, "README.md marks no block with -check to run in the app")
	write("web/closecodes/package.json", "{}\n")
	checkOut, err := runInApp(check)
	assert.Error(t, err, "-check must fail on a changed file")
	assert.Contains(t, checkOut, "web/closecodes/package.json")
}

// TestReadmeGoGenerate runs the blocks that README.md and docs/ mark to run
// in a copy of the repository, README.md's `go generate ./...` first among
// them, in a copy of this module whose outputs are missing or changed, so
// that the checkout stays as it is. gencodes -check with the flags of
// generate.go's directive fails before and passes after.
func TestReadmeGoGenerate(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	copyModule(t, repo, dir)

	stale := map[string]func([]byte) []byte{
		"generated/go/closecode/closecode.go": func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"Normal Closure"`), []byte(`"Normal closure"`), 1)
		},
		"generated/ts/js/closecodes.js":       nil,
		"generated/ts/package.json":           nil,
		"generated/docs/close-codes.zh-CN.md": nil,
	}
	for name, change := range stale {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if change == nil {
			require.NoError(t, os.Remove(path))
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, change(data), 0o644))
	}

	check := checkRepoOutputs(t)
	stdout, _, err := shell(dir, check)
	assert.Error(t, err, "-check must fail before go generate")
	for name := range stale {
		assert.Contains(t, stdout, name)
	}

	var runs []string
	for _, b := range allBlocks(t) {
		if b.marker == "run in a copy of the repository" {
			require.Equal(t, "sh", b.info, "%s: a block to run must be sh", b.where)
			_, stderr, err := shell(dir, b.text)
			require.NoError(t, err, "%s:\n%s\n%s", b.where, b.text, stderr)
			runs = append(runs, b.text)
		}
	}
	require.NotEmpty(t, runs)
	require.Equal(t, "go generate ./...\n", runs[0], "README.md's first command to run is go generate ./...")
	for name := range stale {
		want, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(name)))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s after go generate", name)
	}
	stdout, stderr, err := shell(dir, check)
	assert.NoError(t, err, "%s%s", stdout, stderr)
}

// checkRepoOutputs returns the command that checks the repository's own
// outputs: generate.go's go:generate directive with -check added.
func checkRepoOutputs(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../generate.go")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^//go:generate (go run \./cmd/gencodes.*)$`).FindSubmatch(data)
	require.NotNil(t, m, "generate.go has no go:generate directive running ./cmd/gencodes")
	return string(m[1]) + " -check"
}

// copyModule copies the files of the module at from to to, leaving out
// .git, node_modules and the modules nested in it (e2e, bench, ...), which
// go generate ./... does not enter.
func copyModule(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && rel != "." {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	require.NoError(t, err)
}
