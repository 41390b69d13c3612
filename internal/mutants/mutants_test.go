package mutants

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestListIsCurrent reads the repository's list: every mutant complete,
// and every find text once in its file, so that plain go test already says
// when a change has left a mutant stale.
func TestListIsCurrent(t *testing.T) {
	mutants, err := loadList("mutants.yaml")
	require.NoError(t, err)
	require.NoError(t, stale("../..", "mutants.yaml", mutants))
}

const validMutant = `- name: a-bug
  why: A bug.
  edits:
    - file: x.txt
      find: hello
      replace: bye
  kill:
    - run: grep hello x.txt
      want: '--- FAIL: TestHello'
`

func TestParseListRefusesIncompleteMutants(t *testing.T) {
	_, err := parseList("list.yaml", []byte(validMutant))
	require.NoError(t, err)
	for edit, want := range map[[2]string]string{
		{"name: a-bug", "name: A_Bug"}:                       `list.yaml:1: mutant "A_Bug": name must be lower-case words joined by -`,
		{"  why: A bug.\n", ""}:                              `list.yaml:1: mutant "a-bug": why is missing`,
		{"replace: bye", "replace: hello"}:                   "edit 1: replace equals find",
		{"file: x.txt", "file: ../x.txt"}:                    `edit 1: file "../x.txt" must be a path inside the repository`,
		{"find: hello", "find: ''"}:                          "edit 1: find is empty",
		{"      want: '--- FAIL: TestHello'\n", ""}:          "kill 1: want is empty",
		{"want: '--- FAIL: TestHello'", "want: '('"}:         "kill 1: want: error parsing regexp",
		{"    - run: grep hello x.txt\n", "    - run: ''\n"}: "kill 1: run is empty",
		{"  kill:", "  kil:"}:                                "field kil not found",
	} {
		_, err := parseList("list.yaml", []byte(strings.Replace(validMutant, edit[0], edit[1], 1)))
		require.Error(t, err, "%q", edit)
		assert.Contains(t, err.Error(), want, "%q", edit)
	}
	_, err = parseList("list.yaml", []byte(validMutant+validMutant))
	assert.ErrorContains(t, err, `list.yaml:10: mutant "a-bug": name is used twice (first at line 1)`)
	_, err = parseList("list.yaml", []byte("# nothing\n"))
	assert.EqualError(t, err, "list.yaml: no mutants")
}

// TestStaleMutantsFail: a find text that no longer occurs, or occurs
// twice, stops the check before anything runs.
func TestStaleMutantsFail(t *testing.T) {
	root := t.TempDir()
	mutants, err := parseList("list.yaml", []byte(validMutant))
	require.NoError(t, err)
	for content, want := range map[string]string{
		"hello world\n":       "",
		"goodbye world\n":     `list.yaml:1: mutant "a-bug": edit 1: x.txt holds its find text 0 times, not once: the code has moved`,
		"hello hello world\n": "x.txt holds its find text 2 times, not once",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(root, "x.txt"), []byte(content), 0o644))
		err := stale(root, "list.yaml", mutants)
		if want == "" {
			assert.NoError(t, err, content)
			continue
		}
		assert.ErrorContains(t, err, want, content)
	}
	require.NoError(t, os.Remove(filepath.Join(root, "x.txt")))
	assert.ErrorContains(t, stale(root, "list.yaml", mutants), "x.txt: no such file")
}

// TestKillsCountOnlyAsThePatternSays: a mutant is killed only when every
// command fails printing what its pattern matches; a command that passes
// lets it live, and one that fails otherwise proves nothing.
func TestKillsCountOnlyAsThePatternSays(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "x.txt"), []byte("hello world\n"), 0o644))
	caught := Killer{Run: `grep -q hello x.txt || { echo "--- FAIL: TestHello"; exit 1; }`, Want: `--- FAIL: TestHello`}
	passes := Killer{Run: `grep -q world x.txt`, Want: `--- FAIL: TestWorld`}
	otherwise := Killer{Run: `echo "x.go:1: syntax error"; exit 2`, Want: `--- FAIL: TestHello`}
	for name, tc := range map[string]struct {
		kill   []Killer
		killed bool
		says   string
	}{
		"caught":                 {[]Killer{caught}, true, "caught by: grep -q hello"},
		"lived":                  {[]Killer{caught, passes}, false, "LIVED through: grep -q world x.txt"},
		"failed for another bug": {[]Killer{otherwise}, false, "x.go:1: syntax error"},
	} {
		text := "- name: a-bug\n  why: A bug.\n  edits: [{file: x.txt, find: hello, replace: bye}]\n  kill:\n"
		for _, k := range tc.kill {
			text += "    - run: '" + strings.ReplaceAll(k.Run, "'", "''") + "'\n      want: '" + k.Want + "'\n"
		}
		mutants, err := parseList("list.yaml", []byte(text))
		require.NoError(t, err, name)
		var out bytes.Buffer
		results := runAll(mutants, 2, func(worker int, m *Mutant) result {
			return try(root, []string{"x.txt"}, m, worker, false)
		}, &out)
		require.Len(t, results, 1)
		require.NoError(t, results[0].err, name)
		assert.Equal(t, tc.killed, results[0].killed(), "%s:\n%s", name, out.String())
		assert.Contains(t, out.String(), tc.says, name)
	}
	data, err := os.ReadFile(filepath.Join(root, "x.txt"))
	require.NoError(t, err)
	assert.Equal(t, "hello world\n", string(data), "the repository itself is never changed")
}

func TestCopyRepoLinksNodeModules(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "pkg/node_modules/tool"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "pkg/package.json"), []byte("{}"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "run.sh"), []byte("#!/bin/sh\n"), 0o755))
	require.NoError(t, copyRepo(root, dir, []string{"pkg/package.json", "run.sh", "deleted.txt"}))
	target, err := os.Readlink(filepath.Join(dir, "pkg/node_modules"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "pkg/node_modules"), target)
	info, err := os.Stat(filepath.Join(dir, "run.sh"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o755), info.Mode().Perm())
	assert.NoFileExists(t, filepath.Join(dir, "deleted.txt"))
}

func TestMisuse(t *testing.T) {
	var out bytes.Buffer
	assert.Equal(t, 2, run("../..", "", 0, false, &out))
	assert.Contains(t, out.String(), "-mutants.p must be 1 or more")
	out.Reset()
	assert.Equal(t, 2, run("../..", "(", 1, false, &out))
	assert.Contains(t, out.String(), "-mutants.run: error parsing regexp")
	out.Reset()
	assert.Equal(t, 1, run("../..", "no-such-mutant", 1, false, &out))
	assert.Contains(t, out.String(), `no mutant's name matches "no-such-mutant"`)
}
