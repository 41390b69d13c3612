package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// TestOutputIgnoresEnvironmentAndKeyOrder requires byte-identical output
// whatever the time zone, locale or target platform in the environment, and
// whatever order the registry's keys and entries come in.
func TestOutputIgnoresEnvironmentAndKeyOrder(t *testing.T) {
	t.Parallel()
	registryText, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	base := generateIn(t, t.TempDir(), string(registryText))

	for _, env := range [][]string{
		{"TZ=Pacific/Kiritimati", "LANG=tr_TR.UTF-8", "LC_ALL=tr_TR.UTF-8"},
		{"TZ=UTC", "LANG=C", "GOOS=windows", "GOARCH=arm64"},
		{"TZ=America/St_Johns", "LANG=ja_JP.eucJP", "GOOS=plan9", "GOARCH=386"},
	} {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), registryText, 0o644))
		cmd := exec.Command(gencodesBinary(t))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%v: %s", env, out)
		assert.Equal(t, base, snapshot(t, dir), "environment %v", env)
	}

	shuffled := reorderYAML(t, registryText)
	require.NotEqual(t, string(registryText), shuffled)
	assert.Equal(t, base, generateIn(t, t.TempDir(), shuffled), "reordered keys and entries")
}

// reorderYAML reverses the order of every mapping's keys and of every list.
func reorderYAML(t *testing.T, data []byte) string {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &doc))
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			var pairs [][2]*yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				pairs = append(pairs, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
			}
			n.Content = n.Content[:0]
			for i := len(pairs) - 1; i >= 0; i-- {
				n.Content = append(n.Content, pairs[i][0], pairs[i][1])
			}
		case yaml.SequenceNode:
			for i, j := 0, len(n.Content)-1; i < j; i, j = i+1, j-1 {
				n.Content[i], n.Content[j] = n.Content[j], n.Content[i]
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	require.NoError(t, enc.Encode(&doc))
	return out.String()
}

// TestCheckFindsEveryKindOfDrift: one changed byte in any generated file, a
// removed file, and a registry edit are each reported with a diff and exit
// status 1, and -check writes nothing.
func TestCheckFindsEveryKindOfDrift(t *testing.T) {
	t.Parallel()
	registryText, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	dir := t.TempDir()
	good := generateIn(t, dir, string(registryText))

	check := func() (int, string, string) {
		before := snapshotWithTimes(t, dir)
		code, stdout, stderr := runGencodes(t, dir, "-check")
		assert.Equal(t, before, snapshotWithTimes(t, dir), "-check must not write")
		return code, stdout, stderr
	}

	for _, f := range slices.Sorted(maps.Keys(good)) {
		data := []byte(good[f])
		i := len(data) / 2
		data[i] ^= 0x01
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
		code, stdout, stderr := check()
		assert.Equal(t, 1, code, "one changed byte in %s", f)
		assert.Contains(t, stdout, "--- "+f+"\n+++ "+f+" (generated)\n@@ ")
		assert.Contains(t, stderr, "1 generated file(s) out of date")
		restore(t, dir, good)
	}

	require.NoError(t, os.Remove(filepath.Join(dir, "generated/ts/js/closecodes.d.ts")))
	code, stdout, _ := check()
	assert.Equal(t, 1, code, "a removed file")
	assert.Contains(t, stdout, "--- /dev/null\n+++ generated/ts/js/closecodes.d.ts (generated)\n")
	restore(t, dir, good)

	edited := strings.Replace(string(registryText), "The endpoint waited too long for its peer and gave up.",
		"The endpoint waited too long.", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(edited), 0o644))
	code, stdout, stderr := check()
	assert.Equal(t, 1, code, "a stale file after a registry edit")
	assert.Contains(t, stdout, `-		"The endpoint waited too long for its peer and gave up.",`+"\n"+`+		"The endpoint waited too long.",`)
	// closecode.go (in a doc comment) and texts.go; closecodes.ts, .js and
	// .d.ts (in doc comments); texts.ts and texts.js; the English docs page
	// and the JSON carry the English description; package.json, texts.d.ts,
	// the zh-CN page and the JSON Schema do not.
	assert.Contains(t, stderr, "9 generated file(s) out of date")
}

// snapshotWithTimes records every file's content and modification time.
func snapshotWithTimes(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	for _, f := range listFiles(t, dir) {
		info, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		data, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		snap[f] = fmt.Sprintf("%s|%d", data, info.ModTime().UnixNano())
	}
	return snap
}

// TestRefusesToOverwriteFilesItDidNotWrite: a file at an output's path that
// lacks the generated-file marker, such as a hand-written package.json, is
// never overwritten, and then nothing is written.
func TestRefusesToOverwriteFilesItDidNotWrite(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"generated/ts/package.json", "generated/go/closecode/closecode.go", "generated/docs/close-codes.md"} {
		dir := t.TempDir()
		copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755))
		// The marker below line 5 does not count.
		mine := "{\n\n\n\n\n  \"//\": \"Code generated by gencodes from codes.yaml; DO NOT EDIT.\",\n  \"name\": \"mine\"\n}\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte(mine), 0o644))
		before := snapshotWithTimes(t, dir)

		code, _, stderr := runGencodes(t, dir)
		assert.Equal(t, 1, code)
		assert.Equal(t, "gencodes: refusing to overwrite "+f+`: it has no "Code generated ... DO NOT EDIT." line in its first 5 lines, `+
			"so gencodes did not write it; move it away or choose another output directory\n", stderr)
		assert.Equal(t, before, snapshotWithTimes(t, dir), "nothing is written")

		code, stdout, stderr := runGencodes(t, dir, "-check")
		assert.Equal(t, 1, code)
		assert.NotContains(t, stdout, "--- "+f)
		assert.Contains(t, stderr, "gencodes: "+f+": a file gencodes did not write is in the way; move it away or delete it\n")
	}
}

// TestRegistryOutputStaysInItsDirectory: paths in a registry's output
// section cannot leave the registry's directory; the same paths given as
// flags are the user's own choice.
func TestRegistryOutputStaysInItsDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	app := filepath.Join(dir, "app")
	require.NoError(t, os.MkdirAll(app, 0o755))
	codes := "codes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n    description: The session ran out.\n" +
		"    reference: Chat spec\n    wire_valid: true\n    browser_can_send: true\n"
	registry := "extends: standard\noutput:\n  go_out: ../escaped\n  ts_out: web/../../escaped\n  docs_out: /tmp/abs\n" +
		"  go_package: main\n  ts_version: v1\n  ts_package: .hidden\n  json_out: ../json\n" + codes
	require.NoError(t, os.WriteFile(filepath.Join(app, "app.yaml"), []byte(registry), 0o644))
	code, _, stderr := runGencodes(t, dir, "-registry", "app/app.yaml")
	assert.Equal(t, 1, code)
	assert.Equal(t, `app/app.yaml:3:11: output go_out: "../escaped" leads outside this file's directory; `+
		"name a directory inside it, or remove the setting and pass -go-out on the command line\n"+
		`app/app.yaml:4:11: output ts_out: "web/../../escaped" leads outside this file's directory; `+
		"name a directory inside it, or remove the setting and pass -ts-out on the command line\n"+
		`app/app.yaml:5:13: output docs_out: "/tmp/abs" is an absolute path; `+
		"name a directory relative to this file, or remove the setting and pass -docs-out on the command line\n"+
		`app/app.yaml:6:15: output go_package: Go package name "main" makes a command, which needs a func main `+
		"the generated package lacks; use a name such as closecode\n"+
		`app/app.yaml:7:15: output ts_version: npm version "v1" is not a semantic version; `+
		`use MAJOR.MINOR.PATCH such as 1.0.0, or "" for a private package`+"\n"+
		`app/app.yaml:8:15: output ts_package: npm package name ".hidden" breaks npm's rule: NAME or @SCOPE/NAME, `+
		`at most 214 characters, only lower-case letters, digits, "-", "." and "_", NAME not starting with "." `+
		`or "_", not node_modules or favicon.ico; use a name such as closecodes or @scope/closecodes`+"\n"+
		`app/app.yaml:9:13: output json_out: "../json" leads outside this file's directory; `+
		"name a directory inside it, or remove the setting and pass -json-out on the command line\n", stderr)
	assert.Equal(t, []string{"app"}, listDirs(t, dir))

	// Paths inside the registry's directory are relative to it, wherever
	// gencodes runs; flags are relative to the working directory and may
	// point anywhere.
	registry = "extends: standard\noutput:\n  go_out: go/./x/..\n  ts_out: .\n  docs_out: ''\n  json_out: data\n" + codes
	require.NoError(t, os.WriteFile(filepath.Join(app, "app.yaml"), []byte(registry), 0o644))
	code, _, stderr = runGencodes(t, dir, "-registry", "app/app.yaml", "-go-out", "../"+filepath.Base(dir)+"/elsewhere")
	require.Equal(t, 0, code, stderr)
	assert.ElementsMatch(t, []string{"app/app.yaml", "elsewhere/closecode.go", "elsewhere/encoding.go",
		"elsewhere/reason.go", "elsewhere/reconnect.go", "elsewhere/texts.go", "app/closecodes.ts", "app/js/closecodes.js",
		"app/js/closecodes.d.ts", "app/texts.ts", "app/js/texts.js", "app/js/texts.d.ts", "app/package.json",
		"app/data/closecodes.json", "app/data/closecodes.schema.json"},
		listFiles(t, dir))
	code, _, stderr = runGencodes(t, app, "-registry", "app.yaml", "-go-out", "", "-check")
	assert.Equal(t, 0, code, stderr)
}

// TestLeftoversAndStrays: -check lists the temporary files of an
// interrupted run, the files gencodes no longer generates, and files that
// differ only in line endings, each with what to do; a run removes the
// first two kinds, saying which it removed. Other generators' files in the
// same directories are left alone.
func TestLeftoversAndStrays(t *testing.T) {
	t.Parallel()
	registryText, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	dir := t.TempDir()
	generateIn(t, dir, string(registryText))
	write := func(path, text string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(dir, path), []byte(text), 0o644))
	}
	temp := "generated/ts/js/.gencodes-closecodes.js-123456.tmp"
	write(temp, "half a fi")
	old := time.Now().Add(-2 * time.Minute)
	require.NoError(t, os.Chtimes(filepath.Join(dir, temp), old, old))
	write("generated/docs/close-codes.de.md", "<!-- Code generated by gencodes from codes.yaml; DO NOT EDIT. -->\n# Schließcodes\n")
	write("generated/go/closecode/code_string.go", "// Code generated by \"stringer -type=Code\"; DO NOT EDIT.\n\npackage closecode\n")
	write("generated/go/closecode/notes.md", "# Notes\n")
	md, err := os.ReadFile(filepath.Join(dir, "generated/docs/close-codes.md"))
	require.NoError(t, err)
	write("generated/docs/close-codes.md", strings.ReplaceAll(string(md), "\n", "\r\n"))

	code, stdout, stderr := runGencodes(t, dir, "-check")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout, "no diff for line endings")
	assert.Equal(t, "gencodes: generated/docs/close-codes.md differs only in its line endings, CRLF for LF, "+
		"as a checkout with core.autocrlf makes it: not stale, since git commits it as generated "+
		"(a .gitattributes file in its directory holding the line \"* text eol=lf\" keeps LF)\n"+
		"gencodes: generated/docs/close-codes.de.md: gencodes no longer generates it; a run without -check removes it\n"+
		"gencodes: "+temp+": the temporary file of an interrupted run; a run removes it\n"+
		"gencodes: 2 generated file(s) out of date with codes.yaml; run the same command without -check to regenerate them\n", stderr)

	code, _, stderr = runGencodes(t, dir)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "gencodes: removed generated/docs/close-codes.de.md, which it no longer generates from codes.yaml\n", stderr)
	assert.Empty(t, tempFiles(t, dir))
	assert.NoFileExists(t, filepath.Join(dir, "generated/docs/close-codes.de.md"))
	assert.FileExists(t, filepath.Join(dir, "generated/go/closecode/code_string.go"))
	assert.FileExists(t, filepath.Join(dir, "generated/go/closecode/notes.md"))
	code, _, stderr = runGencodes(t, dir, "-check")
	assert.Equal(t, 0, code, stderr)

	// A symbolic link among the outputs is refused, with its path.
	require.NoError(t, os.Remove(filepath.Join(dir, "generated/docs/close-codes.md")))
	require.NoError(t, os.Symlink("close-codes.zh-CN.md", filepath.Join(dir, "generated/docs/close-codes.md")))
	code, _, stderr = runGencodes(t, dir)
	assert.Equal(t, 1, code)
	assert.Equal(t, "gencodes: generated/docs/close-codes.md: is a symbolic link to close-codes.zh-CN.md; gencodes writes "+
		"only regular files in real directories, so replace the link or choose another output directory\n", stderr)
}

// TestOutputSettingsStayInTheTree: an output directory of the registry's
// output section that passes through a symbolic link, which could lead
// anywhere, is refused at its setting, and nothing is written.
func TestOutputSettingsStayInTheTree(t *testing.T) {
	t.Parallel()
	dir, elsewhere := t.TempDir(), t.TempDir()
	copyFile(t, "../../examples/registries/chat.yaml", filepath.Join(dir, "closecodes.yaml"))
	require.NoError(t, os.Symlink(elsewhere, filepath.Join(dir, "web")))
	code, stdout, stderr := runGencodes(t, dir)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "closecodes.yaml:11:11: output ts_out: \"web/closecodes\" leads through the symbolic link web, "+
		"which may point outside this file's directory; name a real directory inside it, or remove the setting "+
		"and pass -ts-out on the command line\n", stderr)
	assert.Empty(t, listFiles(t, elsewhere))
	assert.NoDirExists(t, filepath.Join(dir, "closecodes"))
}

// TestWithoutARegistryFile: without -registry, gencodes reads
// closecodes.yaml, else codes.yaml; without either it says what it looked
// for and writes nothing, and -registry standard asks for the standard
// registry it carries.
func TestWithoutARegistryFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, stdout, stderr := runGencodes(t, dir, "-ts-out", "", "-docs-out", "")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "gencodes: no registry: found no closecodes.yaml or codes.yaml in this directory; "+
		"pass -registry FILE, or -registry standard for the standard registry\n", stderr)
	assert.Empty(t, listFiles(t, dir))

	code, _, stderr = runGencodes(t, dir, "-registry", "standard", "-ts-out", "", "-docs-out", "")
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(filepath.Join(dir, "generated/go/closecode/closecode.go"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "// Code generated by gencodes from standard registry (codes.yaml); DO NOT EDIT.\n"))
}

// TestFindsTheAppRegistry: at an app's root, closecodes.yaml is the
// registry, before a codes.yaml beside it, for explain and generation alike.
func TestFindsTheAppRegistry(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, "../../codes.yaml", filepath.Join(dir, "codes.yaml"))
	copyFile(t, "../../examples/registries/chat.yaml", filepath.Join(dir, "closecodes.yaml"))
	code, stdout, stderr := runGencodes(t, dir, "explain", "4001")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "4001 SessionExpired"), stdout)
	code, _, stderr = runGencodes(t, dir)
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, filepath.Join(dir, "closecodes/closecode.go"), "chat.yaml's go_out, below the registry")
	assert.NoDirExists(t, filepath.Join(dir, "generated"), "nothing from codes.yaml")

	// explain without any registry file answers from the standard one, and says so.
	code, stdout, stderr = runGencodes(t, t.TempDir(), "explain", "1000")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "1000 NormalClosure"), stdout)
	assert.Equal(t, "gencodes: no closecodes.yaml or codes.yaml here; answering from the standard registry\n", stderr)
}
