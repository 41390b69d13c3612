package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/breaking"
)

const breakingCorpus = "testdata/breaking.txtar"

// TestBreaking runs every case of testdata/breaking.txtar: gencodes breaking on the case's old and new
// registries with its flags must exit and print as its .want section says, with nothing on stderr.
func TestBreaking(t *testing.T) {
	t.Parallel()
	c := readCorpusAt(t, breakingCorpus)
	var cases []string
	for _, name := range c.names {
		if base, ok := strings.CutSuffix(name, ".want"); ok {
			cases = append(cases, base)
		}
	}
	require.GreaterOrEqual(t, len(cases), 30, "the corpus of registry changes")
	registry := func(t *testing.T, name string) []byte {
		if _, ok := c.sections[name+".yaml"]; !ok && c.sections[name+".edit"] == nil {
			return c.sections["base.yaml"]
		}
		return c.registry(t, name)
	}
	got := make([]string, len(cases))
	t.Run("cases", func(t *testing.T) {
		for i, name := range cases {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				require.NoError(t, os.WriteFile(filepath.Join(dir, "old.yaml"), registry(t, name+".old"), 0o644))
				require.NoError(t, os.WriteFile(filepath.Join(dir, "new.yaml"), registry(t, name+".new"), 0o644))
				args := append([]string{"breaking", "-against", "old.yaml", "-registry", "new.yaml"},
					strings.Fields(string(c.sections[name+".args"]))...)
				code, stdout, stderr := runGencodes(t, dir, args...)
				got[i] = fmt.Sprintf("exit %d\n%s", code, stdout)
				assert.Empty(t, stderr)
				if !*update {
					assert.Equal(t, string(c.sections[name+".want"]), got[i])
				}
			})
		}
	})
	if *update {
		data, err := os.ReadFile(breakingCorpus)
		require.NoError(t, err)
		for i, name := range cases {
			old := "-- " + name + ".want --\n" + string(c.sections[name+".want"])
			require.Equal(t, 1, strings.Count(string(data), old), name)
			data = []byte(strings.Replace(string(data), old, "-- "+name+".want --\n"+got[i], 1))
		}
		require.NoError(t, os.WriteFile(breakingCorpus, data, 0o644))
	}
}

// TestBreakingCoversEveryRule: the corpus shows every rule at work.
func TestBreakingCoversEveryRule(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(breakingCorpus)
	require.NoError(t, err)
	for id, rule := range breaking.Rules {
		assert.Contains(t, string(data), ": "+id+" ("+rule.Category+"): ", "no case of %s", id)
	}
}

// TestBreakingAgainstGit reads the older registry from a scratch repository with git show, from its
// root and from a subdirectory, and refuses a missing revision, a missing path and an invalid registry
// with what git or the registry says, exit status 2.
func TestBreakingAgainstGit(t *testing.T) {
	t.Parallel()
	c := readCorpusAt(t, breakingCorpus)
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	write := func(text string) {
		t.Helper()
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "app"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "app/closecodes.yaml"), []byte(text), 0o644))
	}
	git("init", "-q", "-b", "main")
	write(strings.Replace(string(c.sections["base.yaml"]), "    reconnect: unspecified\n", "", 1))
	git("add", ".")
	git("commit", "-q", "-m", "invalid")
	write(string(c.sections["base.yaml"]))
	git("commit", "-q", "-am", "valid")
	write(strings.Replace(string(c.sections["base.yaml"]), "name: SessionEnded", "name: SessionOver", 1))

	renamed := "closecodes.yaml:47:5: NAME_REMOVED (SOURCE): name SessionEnded of code 4000 was removed: " +
		"code using it fails to compile; keep it in deprecated_names\n" +
		"closecodes.yaml:47:11: NAME_ADDED (INFO): code 4000 has a new name, SessionOver\n"
	for _, tc := range []struct {
		dir, against   string
		code           int
		stdout, stderr string
	}{
		{"app", "main:app/closecodes.yaml", 1, renamed, ""},
		{"app", "HEAD:./closecodes.yaml", 1, renamed, ""},
		{"app", "nope:closecodes.yaml", 2, "",
			"gencodes: cannot read nope:closecodes.yaml with git show: fatal: invalid object name 'nope'.\n"},
		{"app", "main:app/missing.yaml", 2, "",
			"gencodes: cannot read main:app/missing.yaml with git show: fatal: path 'app/missing.yaml' does not exist in 'main'\n"},
		{"app", "--output=pwned:x", 2, "", "gencodes: cannot read --output=pwned:x with git show: fatal: option " +
			"'--output=pwned:x' must come before non-option arguments\n"},
		{"app", "main~1:./closecodes.yaml", 2, "", "main~1:./closecodes.yaml:8:5: range is missing required field \"reconnect\"\n"},
		{".", "main:app/closecodes.yaml", 2, "", "gencodes: no registry: found no closecodes.yaml or codes.yaml in this " +
			"directory; pass -registry FILE, or -registry standard for the standard registry\n"},
	} {
		code, stdout, stderr := runGencodes(t, filepath.Join(dir, tc.dir), "breaking", "-against", tc.against)
		assert.Equal(t, tc.code, code, "%s: %s", tc.against, stderr)
		assert.Equal(t, tc.stdout, stdout, tc.against)
		assert.Equal(t, tc.stderr, stderr, tc.against)
	}
	assert.NoFileExists(t, filepath.Join(dir, "app", "pwned:x"), "-against is never read as a git option")
}

// TestBreakingMisuse: a missing -against, an unknown format or category and a stray argument are
// misuse, exit status 2.
func TestBreakingMisuse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "give -against the older registry"},
		{[]string{"-against", "codes.yaml", "-format", "xml"}, `-format "xml": give text, github or json`},
		{[]string{"-against", "codes.yaml", "-format", ""}, `-format "": give text, github or json`},
		{[]string{"-against", "codes.yaml", "-fail-on", "ERROR"}, `-fail-on "ERROR": give WIRE, SOURCE, BEHAVIOR or INFO`},
		{[]string{"-against", "codes.yaml", "stray"}, `"stray": breaking takes no argument`},
	} {
		code, stdout, stderr := runGencodes(t, dir, append([]string{"breaking"}, tc.args...)...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, stdout)
		assert.True(t, strings.HasPrefix(stderr, "gencodes breaking: "+tc.want+"\nusage: gencodes"), "%v: %s", tc.args, stderr)
	}
	code, stdout, _ := runGencodes(t, dir, "breaking", "-against", "codes.yaml", "-fail-on", "info")
	assert.Equal(t, 0, code, "no change, even at INFO")
	assert.Empty(t, stdout)
	code, _, stderr := runGencodes(t, dir, "breaking", "-against", "nope.yaml")
	assert.Equal(t, 2, code)
	assert.Equal(t, "gencodes: registry nope.yaml does not exist; check the path\n", stderr)
}
