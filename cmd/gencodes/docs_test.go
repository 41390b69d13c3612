package main

// The tests here hold README.md and the pages of docs/ to what they show:
// every command in a sh block runs in a test or is listed with the reason
// it cannot, the sample output of `gencodes explain` is what it prints, the
// excerpts of files are in those files, and the synopsis of docs/cli.md
// names the flags gencodes takes. userflow_test.go runs the commands;
// snippets_test.go compiles and runs the Go and TypeScript blocks.
//
// A page marks what the tests take from it with an HTML comment just
// before a fenced block:
//
//	<!-- userflow: run in the app -->          a sh block, run in the app module
//	<!-- userflow: file PATH in the app -->    a file the app module gets, as shown
//	<!-- userflow: go in the app -->           Go statements compiled in the app module
//	<!-- userflow: ts in the app -->           TypeScript type-checked in the app
//	<!-- run in a copy of the repository -->   a sh block, run in a copy of this module
//	<!-- excerpt of FILE -->                   lines that appear in FILE as shown
//
// Only the clone's path is filled in: ../path/to/closecodes, this
// repository as seen from the app.

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	readmePath       = "../../README.md"
	clonePlaceholder = "../path/to/closecodes"
	// installLines holds the install commands that README.md shows and
	// e2e/publish runs against a module proxy and a packed npm package.
	installLines = "../../e2e/publish/commands.txt"
)

// docBlock is a fenced block of a Markdown page.
type docBlock struct {
	where  string // PAGE:LINE of its opening fence
	marker string // the HTML comment just before it, without <!-- -->, or ""
	info   string // what follows the opening fence: sh, go, yaml, ...
	text   string // its lines without the fence's indentation, each ending in \n
}

// docPages are the pages the tests hold to what they show: README.md and
// every page of docs/.
func docPages(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob("../../docs/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	return append([]string{readmePath}, pages...)
}

// blocksOf returns the fenced blocks of the page at path.
func blocksOf(t *testing.T, path string) []docBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	name := strings.TrimPrefix(filepath.ToSlash(path), "../../")
	lines := strings.Split(string(data), "\n")
	var blocks []docBlock
	marker := ""
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->"):
			marker = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(trimmed, "<!--"), "-->"))
		case strings.HasPrefix(trimmed, "```"):
			indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
			b := docBlock{where: name + ":" + strconv.Itoa(i+1), marker: marker, info: strings.TrimPrefix(trimmed, "```")}
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
				l := lines[i]
				b.text += l[min(indent, len(l)-len(strings.TrimLeft(l, " "))):] + "\n"
			}
			require.Less(t, i, len(lines), "%s: the block is never closed", b.where)
			blocks = append(blocks, b)
			marker = ""
		case trimmed != "":
			marker = ""
		}
	}
	return blocks
}

// allBlocks returns the fenced blocks of every page of docPages.
func allBlocks(t *testing.T) []docBlock {
	t.Helper()
	var blocks []docBlock
	for _, page := range docPages(t) {
		blocks = append(blocks, blocksOf(t, page)...)
	}
	return blocks
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

// installCommands returns the command lines of installLines, whose tests in
// e2e/publish run them as written.
func installCommands(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(installLines)
	require.NoError(t, err)
	commands := map[string]bool{}
	scanner := bufio.NewScanner(bytes.NewReader(data))
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "==") {
			commands[line] = true
		}
	}
	return commands
}

// commandsNotRun are the commands shown in sh blocks that no test runs,
// and why.
var commandsNotRun = map[string]string{
	"bash .ci/test": "the whole test suite, which runs this test and takes minutes; CI runs it",
}

// TestDocsShowNoCommandThatNoTestRuns: every command in a sh block of
// README.md or docs/ is run by a test: marked for userflow_test.go, or one
// of the install lines of e2e/publish, or listed in commandsNotRun with its
// reason.
func TestDocsShowNoCommandThatNoTestRuns(t *testing.T) {
	t.Parallel()
	installs := installCommands(t)
	seen := map[string]bool{}
	for _, b := range allBlocks(t) {
		if b.info != "sh" {
			continue
		}
		switch {
		case b.marker == "userflow: run in the app", b.marker == "run in a copy of the repository",
			strings.HasPrefix(b.marker, "breaking: run in the app"): // TestBreakingDoc
			continue
		case b.marker != "":
			t.Errorf("%s: a sh block marked %q, which no test runs", b.where, b.marker)
		}
		for _, c := range shellCommands(b.text) {
			seen[c] = true
			if !installs[c] && commandsNotRun[c] == "" {
				t.Errorf("%s: no test runs %q: mark its block for userflow_test.go, or say in commandsNotRun why not", b.where, c)
			}
		}
	}
	for c := range commandsNotRun {
		assert.True(t, seen[c], "commandsNotRun lists %q, which no page shows", c)
	}
}

// TestReadmeTranscripts runs each block that opens with "$ command" in the
// repository's root and compares what it prints with the rest of the block.
func TestReadmeTranscripts(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	n := 0
	for _, b := range allBlocks(t) {
		command, want, ok := strings.Cut(b.text, "\n")
		command, isTranscript := strings.CutPrefix(command, "$ ")
		if !ok || !isTranscript {
			continue
		}
		n++
		stdout, stderr, err := shell(repo, command)
		require.NoError(t, err, "%s: %s\n%s", b.where, command, stderr)
		assert.Equal(t, want, stdout, "%s: what %s prints", b.where, command)
	}
	assert.Positive(t, n, "no page shows a transcript; README.md has one of gencodes explain 1006")
}

// TestDocsExcerpts: a block marked as an excerpt of a file appears in that
// file line for line.
func TestDocsExcerpts(t *testing.T) {
	t.Parallel()
	n := 0
	for _, b := range allBlocks(t) {
		file, ok := strings.CutPrefix(b.marker, "excerpt of ")
		if !ok {
			continue
		}
		n++
		data, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(file)))
		require.NoError(t, err, b.where)
		assert.True(t, strings.Contains("\n"+string(data), "\n"+b.text),
			"%s: these lines are not in %s as shown:\n%s", b.where, file, b.text)
	}
	assert.Positive(t, n, "no page marks an excerpt")
}

// TestDocsLinks: every relative link of README.md and docs/ names a file
// or directory of the repository.
func TestDocsLinks(t *testing.T) {
	t.Parallel()
	link := regexp.MustCompile(`\]\(([^)#\s]+)(#[^)]*)?\)`)
	for _, page := range docPages(t) {
		data, err := os.ReadFile(page)
		require.NoError(t, err)
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			if strings.Contains(m[1], "://") {
				continue
			}
			_, err := os.Stat(filepath.Join(filepath.Dir(page), filepath.FromSlash(m[1])))
			assert.NoError(t, err, "%s links to %s", page, m[1])
		}
	}
}

// TestCLISynopsis: the flags of docs/cli.md's synopsis are the flags that
// gencodes and its commands take, and `go doc ./cmd/gencodes`, which the
// page points to, works.
func TestCLISynopsis(t *testing.T) {
	t.Parallel()
	var synopsis string
	for _, b := range blocksOf(t, "../../docs/cli.md") {
		if strings.HasPrefix(b.text, "go run ./cmd/gencodes [") {
			synopsis = b.text
		}
	}
	require.NotEmpty(t, synopsis, "docs/cli.md shows no gencodes synopsis")
	flagsOf := func(text string, pattern *regexp.Regexp) []string {
		var flags []string
		for _, m := range pattern.FindAllStringSubmatch(text, -1) {
			flags = append(flags, m[1])
		}
		slices.Sort(flags)
		return slices.Compact(flags)
	}
	var help bytes.Buffer
	for _, args := range [][]string{{"-h"}, {"explain", "-h"}, {"breaking", "-h"}} {
		require.Equal(t, 0, run(args, &bytes.Buffer{}, &help), "gencodes %s", strings.Join(args, " "))
	}
	assert.Equal(t, flagsOf(help.String(), regexp.MustCompile(`(?m)^  -([a-z-]+)`)),
		flagsOf(synopsis, regexp.MustCompile(`\[?-([a-z][a-z-]*)`)))

	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	doc, stderr, err := shell(repo, "go doc ./cmd/gencodes")
	require.NoError(t, err, stderr)
	assert.Contains(t, doc, "gencodes explain")
}

// TestGitattributesKeepsLF: the .gitattributes line of docs/cli.md, and the
// one the -check hint gives for a file's own directory, keep a generated file
// in LF in a checkout that core.autocrlf would give CRLF, so -check finds it
// current.
func TestGitattributesKeepsLF(t *testing.T) {
	t.Parallel()
	var line string
	for _, b := range blocksOf(t, "../../docs/cli.md") {
		if strings.HasPrefix(b.text, "generated/") {
			line = b.text
		}
	}
	require.NotEmpty(t, line, "docs/cli.md shows no .gitattributes line")
	for attributes, text := range map[string]string{".gitattributes": line, "generated/.gitattributes": "* text eol=lf\n"} {
		dir := t.TempDir()
		git := func(args ...string) {
			t.Helper()
			cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "core.autocrlf=true"}, args...)...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "git %v: %s", args, out)
		}
		git("init", "-q")
		for name, text := range map[string]string{attributes: text, "generated/a.go": "package a\n", "other/b.go": "package a\n"} {
			require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		}
		git("add", ".")
		git("commit", "-q", "-m", "x")
		require.NoError(t, os.Remove(filepath.Join(dir, "generated/a.go")))
		require.NoError(t, os.Remove(filepath.Join(dir, "other/b.go")))
		git("checkout", "--", ".")
		kept, err := os.ReadFile(filepath.Join(dir, "generated/a.go"))
		require.NoError(t, err)
		assert.Equal(t, "package a\n", string(kept), "%s keeps generated files in LF", attributes)
		other, err := os.ReadFile(filepath.Join(dir, "other/b.go"))
		require.NoError(t, err)
		assert.Equal(t, "package a\r\n", string(other), "without it core.autocrlf writes CRLF, so the test shows a difference")
	}
}
