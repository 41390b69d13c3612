package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the expected error files in testdata/bad")

// runGencodes runs the built tool in dir, as the command line would, and
// returns its exit status and output.
func runGencodes(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(gencodesBinary(t), args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("gencodes did not run: %v", err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
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

// TestBlockedOutputWritesNothing: when one output cannot be written, no
// other is, and no directory is left behind.
func TestBlockedOutputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	code, _, stderr := runGencodes(t, dir, "-ts-out", "", "-docs-out", "", "-json-out", "")
	require.Equal(t, 0, code, stderr)
	// A regular file where a directory must go cannot be written into, even
	// by root.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "blocked"), []byte("a file\n"), 0o644))
	before := snapshotWithTimes(t, dir)

	// Another type name changes the Go output, and new/docs would be made.
	code, stdout, stderr := runGencodes(t, dir, "-go-type", "CloseCode", "-ts-out", "blocked/ts", "-docs-out", "new/docs",
		"-json-out", "")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "gencodes: cannot write into blocked/ts: blocked is a file, not a directory; "+
		"move the file or choose another output directory\n", stderr)
	assert.Equal(t, before, snapshotWithTimes(t, dir), "the Go output is untouched")
	assert.Equal(t, []string{"generated", "generated/go", "generated/go/closecode"}, listDirs(t, dir), "no directory is made")
}

// TestFailedWriteRemovesWhatItMade: a failure after directories were made
// and some files written to temporary files removes them all. Here the
// temporary file of a custom output with a 250-byte name is too long a
// name for the file system.
func TestFailedWriteRemovesWhatItMade(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	name := strings.Repeat("x", 250)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "tmpl"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tmpl", name+".tmpl"),
		[]byte("// Code generated by gencodes from {{.Source}}; DO NOT EDIT.\n"), 0o644))
	code, _, stderr := runGencodes(t, dir, "-templates", "tmpl", "-templates-out", "a/b")
	assert.Equal(t, 1, code)
	assert.Equal(t, "gencodes: cannot write to a/b: file name too long\n", stderr)
	assert.Equal(t, []string{"tmpl"}, listDirs(t, dir), "generated/..., a and a/b are removed again")
	assert.Equal(t, []string{"codes.yaml", "tmpl/" + name + ".tmpl"}, listFiles(t, dir))
}

// listDirs returns every directory below dir, relative to it.
func listDirs(t *testing.T, dir string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && path != dir {
			rel, _ := filepath.Rel(dir, path)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return err
	})
	require.NoError(t, err)
	return dirs
}

func TestMisuse(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-no-such-flag"}, "gencodes: flag provided but not defined: -no-such-flag\nrun gencodes -h for the usage\n"},
		{[]string{"-regsitry", "x.yaml"}, "gencodes: flag provided but not defined: -regsitry\ndid you mean -registry?\n" +
			"run gencodes -h for the usage\n"},
		{[]string{"stray-argument"}, "gencodes: unknown command \"stray-argument\"\nrun gencodes -h for the usage\n"},
		{[]string{"explian", "1000"}, "gencodes: unknown command \"explian\"; did you mean gencodes explain?\n" +
			"run gencodes -h for the usage\n"},
		{[]string{"-check", "stray"}, "gencodes: unexpected argument \"stray\"\n"},
		{[]string{"-ts-style", "namespace"}, `gencodes: -ts-style: unknown TypeScript style "namespace"; use "const" or "enum"` + "\n"},
		{[]string{"-go-package", "not-a-name"}, `gencodes: -go-package: Go package name "not-a-name" is not a valid package name; ` +
			"use a lower-case identifier such as closecode\n"},
		{[]string{"-go-package", "main"}, `gencodes: -go-package: Go package name "main" makes a command, which needs a func main ` +
			"the generated package lacks; use a name such as closecode\n"},
		{[]string{"-go-type", "code"}, `gencodes: -go-type: Go type name "code" is not an exported identifier; use a name such as Code` + "\n"},
		{[]string{"-go-type", "Range"}, `gencodes: -go-type: Go type name "Range" collides with a name the generated package ` +
			"declares; choose another type name\n"},
		{[]string{"-ts-package", "Close_Codes"}, `gencodes: -ts-package: npm package name "Close_Codes" breaks npm's rule: ` +
			`NAME or @SCOPE/NAME, at most 214 characters, only lower-case letters, digits, "-", "." and "_", ` +
			`NAME not starting with "." or "_", not node_modules or favicon.ico; ` +
			"use a name such as closecodes or @scope/closecodes\n"},
		{[]string{"-ts-version", "1.0"}, `gencodes: -ts-version: npm version "1.0" is not a semantic version; ` +
			`use MAJOR.MINOR.PATCH such as 1.0.0, or "" for a private package` + "\n"},
		{[]string{"-ts-repository", "github.com/x/y"}, `gencodes: -ts-repository: repository "github.com/x/y" is not a URL; ` +
			`use one such as git+https://github.com/you/app.git, or "" for none` + "\n"},
	} {
		code, stdout, stderr := runGencodes(t, dir, tc.args...)
		assert.Equal(t, 2, code, "%v: %s", tc.args, stderr)
		assert.Empty(t, stdout)
		first, _, _ := strings.Cut(stderr, "usage:")
		assert.Equal(t, tc.want, first, "%v", tc.args)
	}
	assert.Equal(t, []string{"codes.yaml"}, listFiles(t, dir))
}

// TestHelp: every flag's help names its value without backquotes, says
// its default and what "" means, and the package doc lists every flag.
func TestHelp(t *testing.T) {
	code, stdout, stderr := runGencodes(t, t.TempDir(), "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, stdout)
	assert.NotContains(t, stderr, "`")
	assert.Contains(t, stderr, "  -ts-style const|enum\n")
	assert.Contains(t, stderr, "  -go-out dir\n    \tdirectory of the Go package; \"\" skips Go (default generated/go/closecode)\n")
	source, err := os.ReadFile("main.go")
	require.NoError(t, err)
	doc, _, _ := strings.Cut(string(source), "\npackage main")
	blocks := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n  -")[1:]
	require.Len(t, blocks, 17)
	for _, block := range blocks {
		name, help, _ := strings.Cut(block, "\n")
		if name == "check" || name == "version" {
			assert.Contains(t, doc, "//\t-"+name+" ", "the package doc lists -%s", name)
			continue
		}
		assert.Contains(t, help, `""`, "-%s says what \"\" means", name)
		assert.Regexp(t, `\(default [^)]+\)$`, help, "-%s says its default", name)
		assert.Contains(t, doc, "//\t-"+name+" ", "the package doc lists -%s with its value as -h shows it", name)
	}

	code, _, stderr = runGencodes(t, t.TempDir(), "explain", "-h")
	assert.Equal(t, 0, code)
	assert.NotContains(t, stderr, "`")
	assert.Contains(t, stderr, "  -lang tag\n")
}

func TestGenerateThenCheck(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))

	code, _, stderr := runGencodes(t, dir, "-check")
	assert.Equal(t, 1, code, "nothing generated yet")
	assert.Contains(t, stderr, "16 generated file(s) out of date")

	code, _, stderr = runGencodes(t, dir)
	require.Equal(t, 0, code, stderr)
	assert.ElementsMatch(t, []string{
		"codes.yaml", "generated/go/closecode/closecode.go", "generated/go/closecode/encoding.go", "generated/go/closecode/reason.go", "generated/go/closecode/reconnect.go",
		"generated/go/closecode/texts.go", "generated/ts/closecodes.ts",
		"generated/ts/js/closecodes.js", "generated/ts/js/closecodes.d.ts", "generated/ts/package.json",
		"generated/ts/texts.ts", "generated/ts/js/texts.js", "generated/ts/js/texts.d.ts",
		"generated/docs/close-codes.md", "generated/docs/close-codes.zh-CN.md",
		"generated/json/closecodes.json", "generated/json/closecodes.schema.json",
	}, listFiles(t, dir))

	code, stdout, stderr := runGencodes(t, dir, "-check")
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)

	// One changed byte in a generated file is found and shown.
	goFile := filepath.Join(dir, "generated/go/closecode/closecode.go")
	data, err := os.ReadFile(goFile)
	require.NoError(t, err)
	changed := bytes.Replace(data, []byte(`"Normal Closure"`), []byte(`"Normal closure"`), 1)
	require.NoError(t, os.WriteFile(goFile, changed, 0o644))
	code, stdout, _ = runGencodes(t, dir, "-check")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "--- generated/go/closecode/closecode.go\n+++ generated/go/closecode/closecode.go (generated)\n")
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
			"range:             Protocol (1000-2999)"}},
		{[]string{"AbnormalClosure"}, 0, []string{"1006 AbnormalClosure"}},
		{[]string{"close_abnormal"}, 0, []string{"1006 AbnormalClosure"}},
		{[]string{"going away"}, 0, []string{"1001 GoingAway", "valid on the wire: yes", "browser may send:  no"}},
		{[]string{"-lang", "zh-CN", "1001"}, 0, []string{"端点即将离开"}},
		{[]string{"-lang", "zh_cn", "1001"}, 0, []string{"端点即将离开"}},
		{[]string{"-lang", "fr", "1001"}, 0, []string{"The endpoint is leaving"}},
		{[]string{"1000"}, 0, []string{"browser may send:  yes"}},
		{[]string{"4001"}, 0, []string{"4001 is not named", "Private use (4000-4999)", "valid on the wire: yes, by the rule of \"Private use\""}},
		{[]string{"1500"}, 0, []string{"part Future standards (1016-1999)", "valid on the wire: no"}},
		{[]string{"5000"}, 0, []string{"5000 is not named in standard registry (codes.yaml).\n  range:             none\n" +
			"  valid on the wire: no, as no range holds it\n  browser may send:  no, as no range holds it\n" +
			"  reconnect:         unspecified: The registry gives no advice; the application decides.\n"}},
		{[]string{"1012"}, 0, []string{"  reconnect:         retry (5s-30s): Reconnect after a randomized delay"}},
		{[]string{"3000"}, 0, []string{"  reconnect:         reauthenticate: Renew the credentials"}},
		{[]string{"-lang", "zh", "2500"}, 0, []string{"standard registry (codes.yaml) 没有为 2500 命名。\n" +
			"  范围：           协议（1000-2999）：留给本协议、其后续修订以及有公开规范的扩展。\n" +
			"                   其中，扩展（2000-2999）：留给有公开规范的 WebSocket 扩展。\n" +
			"  可在线路上发送： 否，依据“扩展”的规则\n"}},
		{[]string{"-lang", "zh-Hans-CN", "1013"}, 0, []string{"  重连：           由用户决定：不要自动重连"}},
		{[]string{"1001", "-lang", "zh-CN"}, 0, []string{"端点即将离开"}},
		{[]string{"65536"}, 1, []string{"65536 is not a close code: close codes are whole numbers from 0 to 65535"}},
		{[]string{"--", "-1"}, 1, []string{"-1 is not a close code"}},
		{[]string{"99999999999999999999"}, 1, []string{"99999999999999999999 is not a close code"}},
		{[]string{"01000"}, 1, []string{`No close code is called "01000"`}},
		{[]string{"1500"}, 0, []string{"reference:         MDN CloseEvent code table"}},
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
	// Flags may follow the code.
	code, stdout, _ = runGencodes(t, dir, "explain", "4001", "-registry", "app.yaml", "-lang", "zh-CN")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "4001 SessionExpired (\"Session expired\")\n  含义：           The session ran out.\n",
		"the app registry has no Chinese text, so its description falls back to English")
	code, _, stderr = runGencodes(t, dir, "explain", "4001", "4002")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "name one code")

	// The language is the registry's that the tag picks, as DescriptionIn
	// picks it: zh-CN, which the standard codes have, is picked for zh-CN
	// even where a code has only zh-TW, so that code's text is English.
	app = "extends: standard\ncodes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n" +
		"    description:\n      en: The session ran out.\n      zh-TW: 工作階段已過期。\n" +
		"    reference: Chat spec\n    wire_valid: true\n    browser_can_send: true\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.yaml"), []byte(app), 0o644))
	for lang, want := range map[string]string{"zh-TW": "工作階段已過期。", "zh-Hant-TW": "The session ran out.",
		"zh-CN": "The session ran out.", "zh": "The session ran out."} {
		code, stdout, stderr = runGencodes(t, dir, "explain", "-registry", "app.yaml", "-lang", lang, "4001")
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "：           "+want+"\n", lang)
	}
}

// TestExplainCodesAnAppCannotName: in a registry that extends the standard
// one, every code outside the ranges it may add to gets the same answer,
// whether it lies in a standard range or in none.
func TestExplainCodesAnAppCannotName(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../examples/registries/chat.yaml", filepath.Join(dir, "chat.yaml"))
	noAdvice := "  reconnect:         unspecified: The registry gives no advice; the application decides.\n"
	cannot := " is not named in chat.yaml, and cannot be: a registry that extends the standard one adds codes only in " +
		"3000-3999 (Registered) and 4000-4999 (Private use).\n"
	for code, want := range map[string]string{
		"5000": "5000" + cannot + "  range:             none\n" +
			"  valid on the wire: no, as no range holds it\n  browser may send:  no, as no range holds it\n" + noAdvice,
		"999": "999" + cannot + "  range:             Not used (0-999): Not used for any status code.\n" +
			"  valid on the wire: no, by the rule of \"Not used\"\n  browser may send:  no, by the rule of \"Not used\"\n" +
			noAdvice + "  reference:         RFC 6455, 7.4.2\n",
		"2500": "2500" + cannot + "  range:             Protocol (1000-2999): Kept for this protocol, its future revisions and " +
			"extensions with a public specification.\n" +
			"                     part Extensions (2000-2999): Kept for WebSocket extensions with a public specification.\n" +
			"  valid on the wire: no, by the rule of \"Extensions\"\n  browser may send:  no, by the rule of \"Extensions\"\n" +
			noAdvice + "  reference:         MDN CloseEvent code table (older revisions) and the hybi drafts; " +
			"RFC 6455, 7.4.2 reserves 1000-2999 as one range, and IANA lists 1016-2999 as unassigned\n",
		"4002": "4002 is not named in chat.yaml.\n  range:             Private use (4000-4999): For private use by applications; " +
			"never registered, agreed between the two endpoints.\n" +
			"  valid on the wire: yes, by the rule of \"Private use\"\n  browser may send:  yes, by the rule of \"Private use\"\n" +
			noAdvice + "  reference:         RFC 6455, 7.4.2\n",
	} {
		exit, stdout, stderr := runGencodes(t, dir, "explain", code, "-registry", "chat.yaml")
		assert.Equal(t, 0, exit, stderr)
		assert.Equal(t, want, stdout, code)
	}
}
