package publish

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

// The module the proxy serves, and the version it serves it at: the first
// release, as commands.txt names it.
const (
	modulePath    = "github.com/closecodes/closecodes"
	moduleVersion = "v0.1.0"
)

// writeModuleProxy lays out below dir what a module proxy serves for
// modulePath at moduleVersion, as files (GOPROXY=file://dir): @v/list,
// @v/VERSION.info, .mod and .zip. It returns the zip's path.
//
// The zip holds the files that git would publish if the working tree were
// committed: those it tracks and the new ones it does not ignore (so no
// node_modules or build leftovers), under the module zip rules, which leave
// out the modules nested in the repository (e2e, bench, ...), vendor
// directories and anything but regular files.
func writeModuleProxy(t *testing.T, root, dir string) string {
	t.Helper()
	escPath, err := module.EscapePath(modulePath)
	require.NoError(t, err)
	escVersion, err := module.EscapeVersion(moduleVersion)
	require.NoError(t, err)
	versions := filepath.Join(dir, filepath.FromSlash(escPath), "@v")
	require.NoError(t, os.MkdirAll(versions, 0o755))
	base := filepath.Join(versions, escVersion)

	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(versions, "list"), []byte(moduleVersion+"\n"), 0o644))
	require.NoError(t, os.WriteFile(base+".info", []byte(`{"Version":"`+moduleVersion+`","Time":"2026-12-01T00:00:00Z"}`), 0o644))
	require.NoError(t, os.WriteFile(base+".mod", goMod, 0o644))

	var zipped bytes.Buffer
	require.NoError(t, modzip.Create(&zipped, module.Version{Path: modulePath, Version: moduleVersion}, publishedFiles(t, root)))
	require.NoError(t, os.WriteFile(base+".zip", zipped.Bytes(), 0o644))
	return base + ".zip"
}

// publishedFiles lists the files below root that git tracks or would track,
// as they are in the working tree.
func publishedFiles(t *testing.T, root string) []modzip.File {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "git ls-files: the module zip holds the files git lists, so run the test in a git clone: %s", stderr.String())
	var files []modzip.File
	seen := map[string]bool{}
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if seen[name] {
			continue // a file with a merge conflict is listed once per stage
		}
		seen[name] = true
		f := workingTreeFile{root: root, name: name}
		if _, err := f.Lstat(); errors.Is(err, fs.ErrNotExist) {
			continue // deleted, not yet committed
		}
		files = append(files, f)
	}
	require.NotEmpty(t, files, "git lists no files in %s", root)
	return files
}

// workingTreeFile is a file of the working tree, by its slash-separated path
// from the repository's root, as the module zip names it.
type workingTreeFile struct{ root, name string }

func (f workingTreeFile) Path() string { return f.name }

func (f workingTreeFile) Lstat() (fs.FileInfo, error) {
	return os.Lstat(filepath.Join(f.root, filepath.FromSlash(f.name)))
}

func (f workingTreeFile) Open() (io.ReadCloser, error) {
	return os.Open(filepath.Join(f.root, filepath.FromSlash(f.name)))
}

// TestModuleZip: the zip holds what a user of the module needs (the
// license, the registry, the command, its templates and the generated
// package) under the module's path and version, and nothing of the nested
// modules or of npm.
func TestModuleZip(t *testing.T) {
	t.Parallel()
	zipPath := writeModuleProxy(t, repoRoot(t), t.TempDir())
	_, err := modzip.CheckZip(module.Version{Path: modulePath, Version: moduleVersion}, zipPath)
	require.NoError(t, err)

	r, err := zip.OpenReader(zipPath)
	require.NoError(t, err)
	defer r.Close()
	prefix := modulePath + "@" + moduleVersion + "/"
	var names []string
	for _, f := range r.File {
		name, ok := strings.CutPrefix(f.Name, prefix)
		require.True(t, ok, "%s is not under %s", f.Name, prefix)
		names = append(names, name)
	}
	for _, want := range []string{"LICENSE", "go.mod", "go.sum", "codes.yaml", "generate.go", "cmd/gencodes/main.go",
		"templates/closecode.go.tmpl", "internal/registry/registry.go", "generated/go/closecode/closecode.go",
		"generated/ts/package.json", "examples/registries/chat.yaml"} {
		assert.Contains(t, names, want)
	}
	for _, name := range names {
		top, _, _ := strings.Cut(name, "/")
		assert.NotContains(t, []string{"e2e", "bench", "eslint-plugin"}, top, "%s belongs to a nested module", name)
		assert.False(t, strings.HasPrefix(name, "examples/websocket/"), "%s belongs to a nested module", name)
		assert.NotContains(t, strings.Split(path.Dir(name), "/"), "node_modules", "%s is installed by npm, not published", name)
	}
	t.Logf("%s: %d files, %d bytes", filepath.Base(zipPath), len(names), fileSize(t, zipPath))
}

func fileSize(t *testing.T, name string) int64 {
	t.Helper()
	info, err := os.Stat(name)
	require.NoError(t, err)
	return info.Size()
}
