package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the expected error files in testdata/bad")

// runGencodes runs the tool as the command line would, in dir, and returns
// its exit status and output.
func runGencodes(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// listFiles returns every file below dir, relative to it.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

// TestBadRegistries runs every registry in testdata/bad and compares what
// gencodes prints with the .err file beside it. Each must fail with exit
// status 1 and write nothing.
func TestBadRegistries(t *testing.T) {
	inputs, err := filepath.Glob("testdata/bad/*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(inputs), 30, "the corpus of bad registries")
	for _, input := range inputs {
		name := strings.TrimSuffix(filepath.Base(input), ".yaml")
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, input, filepath.Join(dir, name+".yaml"))
			code, stdout, stderr := runGencodes(t, dir, "-registry", name+".yaml")
			assert.Equal(t, 1, code, "exit status; stderr:\n%s", stderr)
			assert.Empty(t, stdout)
			assert.Equal(t, []string{name + ".yaml"}, listFiles(t, dir), "nothing may be written")
			wantFile := strings.TrimSuffix(input, ".yaml") + ".err"
			if *update {
				require.NoError(t, os.WriteFile(wantFile, []byte(stderr), 0o644))
			}
			want, err := os.ReadFile(wantFile)
			require.NoError(t, err, "run go test -update to create it, then review it")
			assert.Equal(t, string(want), stderr)
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				assert.Regexp(t, `^`+name+`\.yaml:\d+:\d+: \S`, line, "every problem carries FILE:LINE:COL")
			}
		})
	}
}

func TestRegistryOverSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := "# " + strings.Repeat("x", 1<<20) + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(big), 0o644))
	code, _, stderr := runGencodes(t, dir)
	assert.Equal(t, 1, code)
	assert.Equal(t, "codes.yaml:1:1: file is larger than 1048576 bytes, the most a registry may be\n", stderr)
	assert.Equal(t, []string{"codes.yaml"}, listFiles(t, dir))
}

func TestMissingRegistry(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runGencodes(t, dir, "-registry", "nope.yaml")
	assert.Equal(t, 1, code)
	assert.Equal(t, "gencodes: registry nope.yaml does not exist; pass its path with -registry\n", stderr)
	assert.Empty(t, listFiles(t, dir))
}

func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	// A regular file where a directory must go cannot be written into, even
	// by root.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "blocked"), []byte("a file\n"), 0o644))
	code, _, stderr := runGencodes(t, dir, "-go-out", "generated/go", "-ts-out", "blocked/ts")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "gencodes: cannot create output directory blocked/ts: not a directory; check the output flags")
	files := listFiles(t, dir)
	assert.ElementsMatch(t, []string{"codes.yaml", "blocked"}, files, "no file may be written when any cannot be")
}

func TestMisuse(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-no-such-flag"},
		{"stray-argument"},
		{"-ts-style", "namespace"},
		{"-go-package", "not-a-name"},
	} {
		copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
		code, _, stderr := runGencodes(t, dir, args...)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
		assert.NotEmpty(t, stderr)
	}
	assert.Equal(t, []string{"codes.yaml"}, listFiles(t, dir))
}

func TestGenerateThenCheck(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))

	code, _, stderr := runGencodes(t, dir, "-check")
	assert.Equal(t, 1, code, "nothing generated yet")
	assert.Contains(t, stderr, "7 generated file(s) out of date")

	code, _, stderr = runGencodes(t, dir)
	require.Equal(t, 0, code, stderr)
	assert.ElementsMatch(t, []string{
		"codes.yaml", "generated/go/closecode.go", "generated/ts/closecodes.ts",
		"generated/ts/js/closecodes.js", "generated/ts/js/closecodes.d.ts", "generated/ts/package.json",
		"generated/docs/close-codes.md", "generated/docs/close-codes.zh-CN.md",
	}, listFiles(t, dir))

	code, stdout, stderr := runGencodes(t, dir, "-check")
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)

	// One changed byte in a generated file is found and shown.
	goFile := filepath.Join(dir, "generated/go/closecode.go")
	data, err := os.ReadFile(goFile)
	require.NoError(t, err)
	changed := bytes.Replace(data, []byte(`"Normal Closure"`), []byte(`"Normal closure"`), 1)
	require.NoError(t, os.WriteFile(goFile, changed, 0o644))
	code, stdout, _ = runGencodes(t, dir, "-check")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "--- generated/go/closecode.go\n+++ generated/go/closecode.go (generated)\n")
	assert.Contains(t, stdout, "-\t{1000, \"NormalClosure\", \"Normal closure\"},\n"+
		"+\t{1000, \"NormalClosure\", \"Normal Closure\"},\n")
	after, err := os.ReadFile(goFile)
	require.NoError(t, err)
	assert.Equal(t, changed, after, "-check must not write")
}

func TestExplain(t *testing.T) {
	dir := t.TempDir() // no codes.yaml here: explain uses the standard registry
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"1006"}, 0, []string{"1006 AbnormalClosure (\"Abnormal Closure\")", "valid on the wire: no",
			"browser may send:  no", "MUST NOT be set", "aliases:           CLOSE_ABNORMAL", "reference:         RFC 6455, 7.4.1",
			"range:             Protocol, 1000-2999"}},
		{[]string{"AbnormalClosure"}, 0, []string{"1006 AbnormalClosure"}},
		{[]string{"close_abnormal"}, 0, []string{"1006 AbnormalClosure"}},
		{[]string{"going away"}, 0, []string{"1001 GoingAway", "valid on the wire: yes", "browser may send:  no"}},
		{[]string{"-lang", "zh-CN", "1001"}, 0, []string{"端点即将离开"}},
		{[]string{"-lang", "zh_cn", "1001"}, 0, []string{"端点即将离开"}},
		{[]string{"-lang", "fr", "1001"}, 0, []string{"The endpoint is leaving"}},
		{[]string{"1000"}, 0, []string{"browser may send:  yes"}},
		{[]string{"4001"}, 0, []string{"4001 is not named", "Private use, 4000-4999", "valid on the wire: yes, by the rule of \"Private use\""}},
		{[]string{"1500"}, 0, []string{"part Future standards, 1016-1999", "valid on the wire: no"}},
		{[]string{"5000"}, 0, []string{"5000 is not named in standard registry (codes.yaml) and lies in no range", "valid on the wire: no"}},
		{[]string{"65536"}, 1, []string{"65536 is not a close code: close codes are whole numbers from 0 to 65535"}},
		{[]string{"--", "-1"}, 1, []string{"-1 is not a close code"}},
		{[]string{"NormalClosur"}, 1, []string{"No close code is called \"NormalClosur\"", "Did you mean NormalClosure?"}},
		{[]string{"teapot"}, 1, []string{"No close code is called \"teapot\""}},
	} {
		code, stdout, stderr := runGencodes(t, dir, append([]string{"explain"}, tc.args...)...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		for _, want := range tc.want {
			assert.Contains(t, stdout, want, "%v", tc.args)
		}
	}
	code, _, stderr := runGencodes(t, dir, "explain")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "name one code")

	// With an app registry, its own codes are explained too.
	app := "extends: standard\ncodes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n" +
		"    description: The session ran out.\n    reference: Chat spec\n    wire_valid: true\n    browser_can_send: true\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.yaml"), []byte(app), 0o644))
	code, stdout, _ := runGencodes(t, dir, "explain", "-registry", "app.yaml", "4001")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "4001 SessionExpired (\"Session expired\")")
	code, stdout, _ = runGencodes(t, dir, "explain", "-registry", "app.yaml", "1000")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "1000 NormalClosure")
}
