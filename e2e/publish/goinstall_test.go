package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proxyEnv is what the go command needs to fetch modulePath at
// moduleVersion from the proxy in dir as if it were published:
//
//   - GOPROXY puts dir first and the proxy this machine already uses after it,
//     for the module's dependencies;
//   - GONOSUMDB skips the checksum database for modulePath alone, which has
//     never seen this version; every dependency is still checked;
//   - GOMODCACHE is a fresh module cache, so that this version, made from the
//     working tree, never lands in the user's cache (where it would stand for
//     the real release) and a second run never finds the first run's zip
//     there; -modcacherw lets the test remove it.
func proxyEnv(t *testing.T, dir string) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOPROXY", "GOFLAGS").Output()
	require.NoError(t, err, "go env")
	settings := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, settings, 2, "go env GOPROXY GOFLAGS printed %q", out)
	upstream, goflags := settings[0], settings[1]
	require.NotContains(t, []string{"", "off"}, upstream,
		"GOPROXY=%q: the test needs a module proxy for closecodes' dependencies", upstream)
	return []string{
		"GOPROXY=file://" + filepath.ToSlash(dir) + "," + upstream,
		"GONOSUMDB=" + modulePath,
		"GOMODCACHE=" + t.TempDir(),
		"GOFLAGS=" + strings.TrimSpace(goflags+" -modcacherw"),
	}
}

// TestGoInstallLines plays a user of the published module: in a new app
// module with a registry, the go block of commands.txt adds gencodes as a
// tool from the proxy and runs it; the outputs pass go vet and -check; and
// the go run block runs gencodes at the version without a module at all.
// Both report the version they were built from.
func TestGoInstallLines(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	blocks := installBlocks(t)
	proxy := t.TempDir()
	writeModuleProxy(t, root, proxy)
	env := proxyEnv(t, proxy)

	app := t.TempDir()
	writeFile(t, app, "go.mod", "module example.com/chat\n\ngo 1.24\n")
	chat, err := os.ReadFile(filepath.Join(root, "examples/registries/chat.yaml"))
	require.NoError(t, err)
	writeFile(t, app, "closecodes.yaml", string(chat))

	_, stderr, err := shell(app, env, blocks["go"])
	require.NoError(t, err, "in the app:\n%s\n%s", blocks["go"], stderr)
	goMod, err := os.ReadFile(filepath.Join(app, "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(goMod), "\ntool "+modulePath+"/cmd/gencodes\n")
	assert.Regexp(t, `(?m)^\s*(require\s+)?`+regexp.QuoteMeta(modulePath+" "+moduleVersion)+`( // indirect)?$`, string(goMod))
	for _, f := range []string{"closecodes/closecode.go", "web/closecodes/js/closecodes.js", "web/closecodes/package.json",
		"docs/close-codes.md", "json/closecodes.json"} {
		assert.FileExists(t, filepath.Join(app, filepath.FromSlash(f)))
	}

	for _, check := range []struct{ script, stdout string }{
		{"go vet ./...", ""},
		{"go tool gencodes -registry closecodes.yaml -check", ""},
		{"go tool gencodes -version", "gencodes " + moduleVersion + "\n"},
	} {
		stdout, stderr, err := shell(app, env, check.script)
		if assert.NoError(t, err, "%s\n%s%s", check.script, stdout, stderr) {
			assert.Equal(t, check.stdout, stdout, check.script)
		}
	}

	// Outside any module, as a user who tries gencodes before adding it.
	stdout, stderr, err := shell(t.TempDir(), env, blocks["go run"])
	require.NoError(t, err, "%s\n%s", blocks["go run"], stderr)
	assert.True(t, strings.HasPrefix(stdout, "1006 AbnormalClosure (\"Abnormal Closure\")\n"), "%s printed:\n%s", blocks["go run"], stdout)
}
