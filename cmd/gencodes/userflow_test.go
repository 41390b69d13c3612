package main

// The tests here hold README.md to what it shows: the commands of "Your own
// codes" run as written in a scratch module, every other command in a sh
// block runs or is listed with the reason it cannot, the sample output of
// `gencodes explain` is what it prints, and the excerpts of files are in
// those files.
//
// README.md marks what the tests take from it with an HTML comment just
// before a fenced block:
//
//	<!-- userflow: run in the app -->             a sh block, run in the app module
//	<!-- userflow: file PATH in the app -->       a file the app module gets, as shown
//	<!-- userflow: run in the clone -->           a sh block, run in this repository
//	<!-- excerpt of FILE -->                      lines that appear in FILE as shown
//
// Only the placeholders of the paths are filled in: ../path/to/closecodes
// (this repository, seen from the app) and ../path/to/app (the app, seen
// from this repository).

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
)

const (
	readmePath       = "../../README.md"
	clonePlaceholder = "../path/to/closecodes"
	appPlaceholder   = "../path/to/app"
)

// readmeBlock is a fenced block of README.md.
type readmeBlock struct {
	line   int    // the line of its opening fence
	marker string // the HTML comment just before it, without <!-- -->, or ""
	info   string // what follows the opening fence: sh, go, yaml, ...
	text   string // its lines without the fence's indentation, each ending in \n
}

func readmeBlocks(t *testing.T) []readmeBlock { return docBlocks(t, readmePath) }

// docBlocks returns the fenced blocks of the Markdown file at path, marked as README.md marks them.
func docBlocks(t *testing.T, path string) []readmeBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	var blocks []readmeBlock
	marker := ""
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->"):
			marker = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(trimmed, "<!--"), "-->"))
		case strings.HasPrefix(trimmed, "```"):
			indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
			b := readmeBlock{line: i + 1, marker: marker, info: strings.TrimPrefix(trimmed, "```")}
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
				l := lines[i]
				b.text += l[min(indent, len(l)-len(strings.TrimLeft(l, " "))):] + "\n"
			}
			require.Less(t, i, len(lines), "%s:%d: the block is never closed", path, b.line)
			blocks = append(blocks, b)
			marker = ""
		case trimmed != "":
			marker = ""
		}
	}
	return blocks
}

// markedBlocks returns the blocks marked exactly so, in README order.
func markedBlocks(t *testing.T, marker string) []readmeBlock {
	t.Helper()
	var found []readmeBlock
	for _, b := range readmeBlocks(t) {
		if b.marker == marker {
			found = append(found, b)
		}
	}
	return found
}

// shellCommands returns the commands of a sh block, one per line: lines
// that end in a backslash are joined to the next, blank lines and comment
// lines are left out.
func shellCommands(text string) []string {
	var commands []string
	joined := ""
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if cont, ok := strings.CutSuffix(line, "\\"); ok {
			joined += cont
			continue
		}
		line = strings.TrimSpace(joined + line)
		joined = ""
		if line != "" && !strings.HasPrefix(line, "#") {
			commands = append(commands, strings.Join(strings.Fields(line), " "))
		}
	}
	return commands
}

// shell runs script with sh -e in dir, as a reader pasting it into a
// terminal would, stopping at the first command that fails. GOWORK=off
// keeps a go.work above the scratch directories out; GOTOOLCHAIN=local
// keeps Go from downloading another toolchain.
func shell(dir, script string) (stdout, stderr string, err error) {
	cmd := exec.Command("sh", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// relPath returns to as seen from from, in the form README.md shows paths:
// relative and starting with "..", as go mod edit -replace wants them.
func relPath(t *testing.T, from, to string) string {
	t.Helper()
	rel, err := filepath.Rel(from, to)
	require.NoError(t, err)
	rel = filepath.ToSlash(rel)
	require.True(t, strings.HasPrefix(rel, "../"), "%s is not outside %s", to, from)
	return rel
}

// TestAppModuleUsesGencodesAsATool plays the user of "Your own codes": a
// chat app in its own module runs the README's commands as written, with
// only the clone's path filled in, and then uses the result from Go and
// TypeScript.
func TestAppModuleUsesGencodesAsATool(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	app := t.TempDir()
	clone := relPath(t, app, repo)
	write := func(path, text string) {
		t.Helper()
		full := filepath.Join(app, filepath.FromSlash(path))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(text), 0o644))
	}
	runInApp := func(b readmeBlock) (string, error) {
		t.Helper()
		stdout, stderr, err := shell(app, strings.ReplaceAll(b.text, clonePlaceholder, clone))
		return stdout + stderr, err
	}

	write("go.mod", "module example.com/chat\n\ngo 1.24\n")

	var runs []readmeBlock
	filePattern := regexp.MustCompile(`^userflow: file (\S+) in the app$`)
	for _, b := range readmeBlocks(t) {
		switch m := filePattern.FindStringSubmatch(b.marker); {
		case b.marker == "userflow: run in the app":
			require.Equal(t, "sh", b.info, "README.md:%d: a block to run must be sh", b.line)
			out, err := runInApp(b)
			require.NoError(t, err, "README.md:%d:\n%s\n%s", b.line, b.text, out)
			runs = append(runs, b)
		case m != nil:
			write(m[1], b.text)
		case b.marker == "userflow: run in the clone":
			// TestCloneRunsGencodesOnAnAppRegistry runs it.
		case strings.HasPrefix(b.marker, "userflow"):
			t.Fatalf("README.md:%d: unknown marker %q", b.line, b.marker)
		}
	}
	require.NotEmpty(t, runs, "README.md marks no block to run in the app")
	require.Contains(t, runs[0].text, clonePlaceholder,
		"the first step names the clone as %s, which the test fills in", clonePlaceholder)

	for _, f := range []string{"closecodes/closecode.go", "web/closecodes/closecodes.ts", "web/closecodes/js/closecodes.js",
		"web/closecodes/package.json", "docs/close-codes.md", "docs/close-codes.zh-CN.md"} {
		assert.FileExists(t, filepath.Join(app, f))
	}

	write("main.go", `package main

import (
	"fmt"

	"example.com/chat/closecodes"
)

func main() {
	for _, c := range []chatcodes.Code{chatcodes.NormalClosure, chatcodes.SessionExpired, chatcodes.RoomFull, chatcodes.NoStatusReceived} {
		fmt.Printf("%d %v valid=%t browser=%t range=%s reconnect=%v\n", c, c, c.IsValid(), c.BrowserCanSend(), c.Range().Name, c.Reconnect())
	}
	full, err := chatcodes.Parse("ROOM_FULL")
	fmt.Println(int(full), err, chatcodes.SessionExpired.DescriptionIn("zh"))
}
`)
	out, stderr, err := shell(app, "go run .")
	require.NoError(t, err, stderr)
	assert.Equal(t, "1000 NormalClosure valid=true browser=true range=Protocol reconnect=never\n"+
		"4001 SessionExpired valid=true browser=true range=Private reconnect=reauthenticate\n"+
		"4403 RoomFull valid=true browser=true range=Private reconnect=retry\n"+
		"1005 NoStatusReceived valid=false browser=false range=Protocol reconnect=retry\n"+
		"4403 <nil> 会话已过期，请重新登录。\n", out)

	// The frontend type-checks against the same codes.
	write("web/app.ts", `import { CloseCode, closeCodeName } from "./closecodes/closecodes.ts";
import { describeCloseCode } from "./closecodes/texts.ts";

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

	// The README's check for CI, run again, notices a changed output.
	var check readmeBlock
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

// TestCloneRunsGencodesOnAnAppRegistry runs the README's way that needs no
// change to the app's module: gencodes from inside the clone, on the app's
// registry, writing below the registry.
func TestCloneRunsGencodesOnAnAppRegistry(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	app := t.TempDir()
	copyFile(t, "../../examples/registries/chat.yaml", filepath.Join(app, "closecodes.yaml"))

	blocks := markedBlocks(t, "userflow: run in the clone")
	require.NotEmpty(t, blocks, "README.md marks no block to run in the clone")
	for _, b := range blocks {
		require.Equal(t, "sh", b.info, "README.md:%d: a block to run must be sh", b.line)
		require.Contains(t, b.text, appPlaceholder, "README.md:%d", b.line)
		_, stderr, err := shell(repo, strings.ReplaceAll(b.text, appPlaceholder, relPath(t, repo, app)))
		require.NoError(t, err, "README.md:%d:\n%s\n%s", b.line, b.text, stderr)
	}
	assert.ElementsMatch(t, []string{"closecodes.yaml", "closecodes/closecode.go", "closecodes/encoding.go",
		"closecodes/reason.go", "closecodes/reconnect.go", "closecodes/texts.go",
		"web/closecodes/closecodes.ts", "web/closecodes/js/closecodes.js", "web/closecodes/js/closecodes.d.ts",
		"web/closecodes/texts.ts", "web/closecodes/js/texts.js", "web/closecodes/js/texts.d.ts",
		"web/closecodes/package.json", "docs/close-codes.md", "docs/close-codes.zh-CN.md",
		"json/closecodes.json", "json/closecodes.schema.json"}, listFiles(t, app))
	code, _, stderr := runGencodes(t, app, "-registry", "closecodes.yaml", "-check")
	assert.Equal(t, 0, code, stderr)
}

// readmeCommandsNotRun are the commands of README.md's unmarked sh blocks
// that no test runs, and why. `bash bench/run.sh`, named in the text, is
// not run either: it takes minutes, and .ci/test runs its --quick form.
var readmeCommandsNotRun = map[string]string{
	"bash .ci/test": "the whole test suite, which runs this test and takes minutes; CI runs it",
	"go get -tool github.com/closecodes/closecodes/cmd/gencodes": "it works once the module is published, as the " +
		"README says; TestAppModuleUsesGencodesAsATool runs what works today",
}

// TestReadmeShowsNoCommandThatNoTestRuns: every command in a sh block is
// run by a test here, or listed in readmeCommandsNotRun with its reason.
func TestReadmeShowsNoCommandThatNoTestRuns(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, b := range readmeBlocks(t) {
		if b.info != "sh" || strings.HasPrefix(b.marker, "userflow:") {
			continue
		}
		for _, c := range shellCommands(b.text) {
			seen[c] = true
			if c != "go generate ./..." && readmeCommandsNotRun[c] == "" {
				t.Errorf("README.md:%d: no test runs %q: run it in userflow_test.go, or say in readmeCommandsNotRun why not", b.line, c)
			}
		}
	}
	assert.True(t, seen["go generate ./..."], "README.md shows go generate ./..., which TestReadmeGoGenerate runs")
	for c := range readmeCommandsNotRun {
		assert.True(t, seen[c], "readmeCommandsNotRun lists %q, which README.md no longer shows", c)
	}
}

// TestReadmeGoGenerate runs the README's two commands for the generated
// files, `go generate ./...` and `go run ./cmd/gencodes -check`, in a copy
// of this module whose outputs are missing or changed, so that the
// checkout stays as it is.
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

	stdout, _, err := shell(dir, "go run ./cmd/gencodes -check")
	assert.Error(t, err, "-check must fail before go generate")
	for name := range stale {
		assert.Contains(t, stdout, name)
	}

	_, stderr, err := shell(dir, "go generate ./...")
	require.NoError(t, err, stderr)
	for name := range stale {
		want, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(name)))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s after go generate", name)
	}
	stdout, stderr, err = shell(dir, "go run ./cmd/gencodes -check")
	assert.NoError(t, err, "%s%s", stdout, stderr)
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

// TestReadmeTranscripts runs each block that opens with "$ command" in the
// repository's root and compares what it prints with the rest of the block.
func TestReadmeTranscripts(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	n := 0
	for _, b := range readmeBlocks(t) {
		command, want, ok := strings.Cut(b.text, "\n")
		command, isTranscript := strings.CutPrefix(command, "$ ")
		if !ok || !isTranscript {
			continue
		}
		n++
		stdout, stderr, err := shell(repo, command)
		require.NoError(t, err, "README.md:%d: %s\n%s", b.line, command, stderr)
		assert.Equal(t, want, stdout, "README.md:%d: what %s prints", b.line, command)
	}
	assert.Equal(t, 1, n, "README.md has one transcript, of gencodes explain 1006")
}

// TestReadmeExcerpts: a block marked as an excerpt of a file appears in
// that file line for line.
func TestReadmeExcerpts(t *testing.T) {
	t.Parallel()
	n := 0
	for _, b := range readmeBlocks(t) {
		file, ok := strings.CutPrefix(b.marker, "excerpt of ")
		if !ok {
			continue
		}
		n++
		data, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(file)))
		require.NoError(t, err, "README.md:%d", b.line)
		assert.True(t, strings.Contains("\n"+string(data), "\n"+b.text),
			"README.md:%d: these lines are not in %s as shown:\n%s", b.line, file, b.text)
	}
	assert.Positive(t, n, "README.md marks no excerpt")
}

// TestReadmeSynopsis: the flags of the README's gencodes synopsis are the
// flags that gencodes and gencodes explain take, and `go doc
// ./cmd/gencodes`, which the README points to, works.
func TestReadmeSynopsis(t *testing.T) {
	t.Parallel()
	var synopsis string
	for _, b := range readmeBlocks(t) {
		if strings.HasPrefix(b.text, "go run ./cmd/gencodes [") {
			synopsis = b.text
		}
	}
	require.NotEmpty(t, synopsis, "README.md shows no gencodes synopsis")
	flagsOf := func(text string, pattern *regexp.Regexp) []string {
		set := map[string]bool{}
		for _, m := range pattern.FindAllStringSubmatch(text, -1) {
			set[m[1]] = true
		}
		var flags []string
		for f := range set {
			flags = append(flags, f)
		}
		sort.Strings(flags)
		return flags
	}
	var help, explainHelp bytes.Buffer
	require.Equal(t, 0, run([]string{"-h"}, &bytes.Buffer{}, &help))
	require.Equal(t, 0, run([]string{"explain", "-h"}, &bytes.Buffer{}, &explainHelp))
	option := regexp.MustCompile(`(?m)^  -([a-z-]+)`)
	assert.Equal(t, flagsOf(help.String()+explainHelp.String(), option),
		flagsOf(synopsis, regexp.MustCompile(`\[-([a-z-]+)`)))

	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	doc, stderr, err := shell(repo, "go doc ./cmd/gencodes")
	require.NoError(t, err, stderr)
	assert.Contains(t, doc, "gencodes explain")
}
