package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
)

// goSnippetPackages are the packages that Go snippets use without showing
// their import, by the name they use.
var goSnippetPackages = map[string]string{
	"closecode": "github.com/closecodes/closecodes/generated/go/closecode",
	"websocket": "github.com/coder/websocket",
	"errors":    "errors",
	"fmt":       "fmt",
	"log":       "log",
	"rand":      "math/rand/v2",
	"strings":   "strings",
	"time":      "time",
}

// goSnippet makes a file of package main from the statements of a Go
// snippet: the snippet's import lines and the packages of packages that it
// names are imported, and its statements become the function that
// registers as snippets[key].
func goSnippet(key, text string, packages map[string]string) string {
	imports := map[string]string{}
	var body strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if path, ok := strings.CutPrefix(line, "import "); ok {
			path = strings.Trim(strings.TrimSpace(path), `"`)
			imports[filepath.Base(path)] = path
			continue
		}
		body.WriteString("\t" + line)
		code, _, _ := strings.Cut(line, "//")
		for name, path := range packages {
			if regexp.MustCompile(`\b` + name + `\.`).MatchString(code) {
				imports[name] = path
			}
		}
	}
	var file strings.Builder
	file.WriteString("package main\n\nimport (\n")
	for _, name := range slices.Sorted(maps.Keys(imports)) {
		fmt.Fprintf(&file, "\t%s %q\n", name, imports[name])
	}
	fmt.Fprintf(&file, ")\n\nfunc init() {\n\tsnippets[%q] = func() {\n%s\t}\n}\n", key, body.String())
	return file.String()
}

// goSnippetPrelude gives the Go snippets what they leave to the reader: a
// Close frame's code, a reason, the error a read returned (a Close frame
// with the code in $SNIPPET_CLOSE, or none when it is not a number), a
// language, and what an app does to redial, log in or show a close. main
// runs the snippet named by its argument.
const goSnippetPrelude = `package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/coder/websocket"
)

var (
	frameCode uint16 = 1001
	reason           = "bye"
	err              = readError()
	lang             = "zh-CN"
	conn             *websocket.Conn
	backoff          growingDelay
	snippets         = map[string]func(){}
)

func readError() error {
	n, err := strconv.Atoi(os.Getenv("SNIPPET_CLOSE"))
	if err != nil {
		return errors.New("EOF")
	}
	return websocket.CloseError{Code: websocket.StatusCode(n)}
}

type growingDelay struct{}

func (growingDelay) Next() time.Duration { return 7 * time.Second }

func redialAfter(d time.Duration)  { fmt.Println("redial after", int64(d)) }
func renewLoginThenRedial()        { fmt.Println("log in, then redial") }
func showClosed(description string) { fmt.Println("closed:", description) }

func main() { snippets[os.Args[1]]() }
`

// exampleVersion returns the version of a module that examples/websocket
// requires, so that snippets build with the library the examples test.
func exampleVersion(t *testing.T, module string) string {
	t.Helper()
	data, err := os.ReadFile("../../examples/websocket/go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(module) + ` (v\S+)`).FindSubmatch(data)
	require.NotNil(t, m, "examples/websocket/go.mod does not require %s", module)
	return string(m[1])
}

// TestDocsGoSnippets compiles every Go block of README.md and docs/ that
// is not part of the app of userflow_test.go, against the standard package
// and coder/websocket. A block that prints with `fmt.Println(...) // OUT`
// runs, and must print each OUT. A block that asks RetryAfter runs against
// a package generated from a registry of edge delays (one point, zero, a
// day), after a Close frame with each such code and with none, and must
// redial within the delay.
func TestDocsGoSnippets(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	sums := ""
	for _, f := range []string{"../../go.sum", "../../examples/websocket/go.sum"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		sums += string(data)
	}
	write("snippets/go.sum", sums)
	write("snippets/go.mod", fmt.Sprintf("module example.com/snippets\n\ngo 1.23\n\nrequire (\n"+
		"\tgithub.com/closecodes/closecodes v0.0.0\n\tgithub.com/coder/websocket %s\n)\n\n"+
		"replace github.com/closecodes/closecodes => %s\n", exampleVersion(t, "github.com/coder/websocket"), repo))
	write("snippets/prelude.go", goSnippetPrelude)

	var printing, reconnecting []docBlock
	output := regexp.MustCompile(`(?m)^\s*fmt\.Println\(.*\)\s*// (.*)$`)
	for i, b := range allBlocks(t) {
		if b.info != "go" || b.marker != "" { // a marked block belongs to the test its marker names
			continue
		}
		require.False(t, strings.HasPrefix(b.text, "package "), "%s: a whole Go file, which no test compiles", b.where)
		write(fmt.Sprintf("snippets/snippet%d.go", i), goSnippet(b.where, b.text, goSnippetPackages))
		if output.MatchString(b.text) {
			printing = append(printing, b)
		}
		if strings.Contains(b.text, ".RetryAfter()") {
			reconnecting = append(reconnecting, b)
		}
	}
	require.NotEmpty(t, printing, "no Go block shows what it prints")
	require.NotEmpty(t, reconnecting, "no Go block shows the reconnect advice")

	build := func(name string) string {
		t.Helper()
		bin := filepath.Join(dir, "snippets-"+name)
		cmd := exec.Command("go", "build", "-mod=mod", "-o", bin, ".")
		cmd.Dir = filepath.Join(dir, "snippets")
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go build of the Go snippets:\n%s", out)
		return bin
	}
	runSnippet := func(bin string, b docBlock, env ...string) string {
		t.Helper()
		cmd := exec.Command(bin, b.where)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s %v:\n%s", b.where, env, out)
		return string(out)
	}

	standard := build("standard")
	for _, b := range printing {
		var want strings.Builder
		for _, m := range output.FindAllStringSubmatch(b.text, -1) {
			want.WriteString(m[1] + "\n")
		}
		assert.Equal(t, want.String(), runSnippet(standard, b), "%s prints what its comments say", b.where)
	}

	// The same snippets against a package whose registry has the delays at
	// the edges of what a registry may give.
	write("edge/go.mod", "module github.com/closecodes/closecodes\n\ngo 1.23\n")
	write("edge.yaml", `extends: standard
codes:
`+edgeDelayCode(4900, "PointDelay", "5s-5s")+edgeDelayCode(4901, "NoDelay", "0s-0s")+edgeDelayCode(4902, "DayDelay", "0s-24h"))
	code, _, stderr := runGencodes(t, dir, "-registry", "edge.yaml", "-go-out", "edge/generated/go/closecode",
		"-go-package", "closecode", "-ts-out", "", "-docs-out", "", "-json-out", "")
	require.Equal(t, 0, code, stderr)
	cmd := exec.Command("go", "mod", "edit", "-replace=github.com/closecodes/closecodes=../edge")
	cmd.Dir = filepath.Join(dir, "snippets")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	edge := build("edge")
	for _, b := range reconnecting {
		for _, c := range []struct {
			close  string
			lo, hi time.Duration
		}{{"4900", 5 * time.Second, 5 * time.Second}, {"4901", 0, 0}, {"4902", 0, 24 * time.Hour},
			{"1006", 0, 5 * time.Second}, {"1012", 5 * time.Second, 30 * time.Second}, {"none", 0, 5 * time.Second}} {
			got := runSnippet(edge, b, "SNIPPET_CLOSE="+c.close)
			ns, ok := strings.CutPrefix(strings.TrimSpace(got), "redial after ")
			require.True(t, ok, "%s after %s: %s", b.where, c.close, got)
			wait, err := strconv.ParseInt(ns, 10, 64)
			require.NoError(t, err)
			assert.True(t, time.Duration(wait) >= c.lo && time.Duration(wait) <= c.hi,
				"%s after %s waits %v, outside %v-%v", b.where, c.close, time.Duration(wait), c.lo, c.hi)
		}
	}
}

func edgeDelayCode(code int, name, delay string) string {
	return fmt.Sprintf(`  - code: %d
    name: %s
    label: %s
    description: A code whose delay is %s.
    reference: Edge delays
    wire_valid: true
    browser_can_send: true
    reconnect: retry
    retry_after: %s
`, code, name, name, delay, delay)
}

// tsSnippetStubs declares what the TypeScript snippets leave to the reader.
const tsSnippetStubs = `declare const url: string;
declare const ws: WebSocket;
declare const input: string;
declare const reason: string;
declare function connect(): void;
declare function renewLogin(): Promise<void>;
declare function show(text: string): void;
declare function showLogin(text: string): void;
declare function showGoodbye(): void;
`

// tsStrict is a tsconfig.json's compilerOptions with every strict option
// that the generated module promises to pass, and nothing that would let a
// snippet's import of a .ts file through.
const tsStrict = `"target": "es2022", "lib": ["es2022", "dom"], "module": "nodenext", "strict": true,
  "erasableSyntaxOnly": true, "isolatedDeclarations": true, "verbatimModuleSyntax": true,
  "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "noUnusedLocals": false,
  "declaration": true, "noEmit": true, "types": []`

// TestDocsTypeScriptSnippets type-checks every TypeScript block of
// README.md and docs/ under strict tsc, but for the app's (userflow_test.go)
// and the install lines (e2e/publish), with ./generated/ts/ read as this
// repository's.
func TestDocsTypeScriptSnippets(t *testing.T) {
	t.Parallel()
	tsc := npmtools.Path(t, ".bin/tsc")
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	installs := installCommands(t)
	files := []string{"stubs.d.ts"}
	write := func(name, text string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	for i, b := range allBlocks(t) {
		if b.info != "ts" || b.marker != "" || allLinesIn(b.text, installs) {
			continue
		}
		name := fmt.Sprintf("snippet%d.ts", i)
		write(name, "// "+b.where+"\n"+strings.ReplaceAll(b.text, `"./generated/ts/`, `"`+filepath.ToSlash(repo)+`/generated/ts/`))
		files = append(files, name)
	}
	require.Greater(t, len(files), 1, "no TypeScript block to check")
	write("stubs.d.ts", tsSnippetStubs)
	write("package.json", `{"type": "module"}`)
	write("tsconfig.json", `{"compilerOptions": {`+tsStrict+`}, "files": ["`+strings.Join(files, `", "`)+`"]}`)
	out, err := exec.Command(tsc, "-p", filepath.Join(dir, "tsconfig.json")).CombinedOutput()
	assert.NoError(t, err, "tsc on the TypeScript blocks (each file starts with the page and line):\n%s", out)
}

// allLinesIn reports whether every non-blank line of text is in lines.
func allLinesIn(text string, lines map[string]bool) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" && !lines[strings.TrimSpace(l)] {
			return false
		}
	}
	return true
}
