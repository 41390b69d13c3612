package main

// TestBreakingDoc holds docs/breaking.md to what it shows. The page marks what the test takes from it
// with an HTML comment just before a fenced block, as README.md does:
//
//	<!-- breaking: entry 4001 of closecodes.yaml -->        the entry that replaces 4001's first two lines
//	<!-- breaking: run in the app, exit status N -->        a sh block, run in the app, exiting N
//	<!-- breaking: output -->                               what the last block run printed
//	<!-- breaking: excerpt of closecodes/closecode.go -->   lines the generated Go package holds
//	<!-- breaking: workflow -->                             a GitHub Actions workflow whose run steps run in the app

import (
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
	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/breaking"
)

const breakingDoc = "../../docs/breaking.md"

// TestBreakingDocListsEveryRule: the page's table of rules is breaking.Rules, and its synopsis is
// what gencodes breaking -h shows.
func TestBreakingDocListsEveryRule(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(breakingDoc)
	require.NoError(t, err)
	rows := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\| ([A-Z]+) \\|").FindAllStringSubmatch(string(data), -1) {
		rows[m[1]] = m[2]
	}
	want := map[string]string{}
	for id, rule := range breaking.Rules {
		want[id] = rule.Category
	}
	assert.Equal(t, want, rows)

	// The synopsis names the flags that gencodes breaking -h lists.
	synopsis := regexp.MustCompile("(?m)^gencodes breaking .*$").FindString(string(data))
	var help bytes.Buffer
	require.Equal(t, 0, run([]string{"breaking", "-h"}, &bytes.Buffer{}, &help))
	assert.Contains(t, help.String(), "\n       "+synopsis+"\n")
	flagsOf := func(pattern, text string) []string {
		var names []string
		for _, m := range regexp.MustCompile(pattern).FindAllStringSubmatch(text, -1) {
			names = append(names, m[1])
		}
		return slices.Sorted(slices.Values(names))
	}
	assert.Equal(t, flagsOf(`(?m)^  (-[a-z-]+)`, help.String()), flagsOf(` \[?(-[a-z-]+)`, synopsis))
}

// TestBreakingDoc plays the page in a scratch app that has gencodes as a tool, as the README's "Your
// own codes" sets it up, and whose main branch, pushed to origin, holds the chat registry.
func TestBreakingDoc(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	root := t.TempDir()
	app := filepath.Join(root, "app")
	require.NoError(t, os.MkdirAll(app, 0o755))
	chat, err := os.ReadFile("../../examples/registries/chat.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(app, "go.mod"), []byte("module example.com/chat\n\ngo 1.24\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(app, "closecodes.yaml"), chat, 0o644))
	clone, err := filepath.Rel(app, repo)
	require.NoError(t, err)
	clone = filepath.ToSlash(clone)
	run := func(dir, script string) (string, error) {
		t.Helper()
		stdout, stderr, err := shell(dir, script)
		return stdout + stderr, err
	}
	out, err := run(app, "go mod edit -require=github.com/closecodes/closecodes@v0.0.0 -replace=github.com/closecodes/closecodes="+
		clone+" -tool=github.com/closecodes/closecodes/cmd/gencodes\ngo mod tidy\n"+
		"git init -q -b main\ngit add .\ngit -c user.name=t -c user.email=t@example.com commit -q -m chat\n"+
		"git init -q --bare ../origin.git\ngit remote add origin ../origin.git\ngit push -q origin main\ngit fetch -q origin\n")
	require.NoError(t, err, out)

	const entry = "  - code: 4001\n    name: SessionExpired\n"
	require.Contains(t, string(chat), entry)
	var last string
	runs := 0
	status := regexp.MustCompile(`^breaking: run in the app, exit status (\d)$`)
	for _, b := range blocksOf(t, breakingDoc) {
		where := b.where
		switch m := status.FindStringSubmatch(b.marker); {
		case b.marker == "breaking: entry 4001 of closecodes.yaml":
			require.True(t, strings.HasPrefix(b.text, "  - code: 4001\n"), where)
			edited := strings.Replace(string(chat), entry, b.text, 1)
			require.NoError(t, os.WriteFile(filepath.Join(app, "closecodes.yaml"), []byte(edited), 0o644))
		case m != nil:
			require.Equal(t, "sh", b.info, where)
			runs++
			last, err = run(app, b.text)
			var exit *exec.ExitError
			if m[1] == "0" {
				require.NoError(t, err, "%s: %s", where, last)
			} else if assert.ErrorAs(t, err, &exit, where) {
				assert.Equal(t, m[1], strconv.Itoa(exit.ExitCode()), "%s: exit status; %s", where, last)
			}
		case b.marker == "breaking: output":
			assert.Equal(t, b.text, last, where)
		case b.marker == "breaking: excerpt of closecodes/closecode.go":
			out, err := run(app, "go tool gencodes\ngo vet ./closecodes\n")
			require.NoError(t, err, "%s: %s", where, out)
			generated, err := os.ReadFile(filepath.Join(app, "closecodes/closecode.go"))
			require.NoError(t, err)
			indented := "\t" + strings.ReplaceAll(strings.TrimSuffix(b.text, "\n"), "\n", "\n\t") + "\n"
			assert.Contains(t, string(generated), indented, where)
		case b.marker == "breaking: workflow":
			var workflow struct {
				Jobs map[string]struct{ Steps []struct{ Run string } }
			}
			require.NoError(t, yaml.Unmarshal([]byte(b.text), &workflow), where)
			for _, step := range workflow.Jobs["breaking"].Steps {
				if step.Run != "" {
					runs++
					out, err := run(app, step.Run)
					require.NoError(t, err, "%s: %s", where, out)
					assert.Equal(t, "::notice file=closecodes.yaml,line=17,col=11,title=NAME_ADDED (INFO)::"+
						"code 4001 has a new name, SessionTimedOut\n", out, where)
				}
			}
		case b.info == "sh" || strings.HasPrefix(b.marker, "breaking"):
			t.Errorf("%s: a sh block or marker that no test reads: %q", where, b.marker)
		}
	}
	assert.Equal(t, 4, runs, "the commands the page shows")
}
