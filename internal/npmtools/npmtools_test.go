package npmtools

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder stands in for a test: it keeps what Path asked of it. The
// embedded testing.TB is nil; Path calls only the methods overridden here.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

// TestPathInAScratchRepository runs Path in a directory below a scratch
// repository, whose node_modules holds tsc and not ajv, under each setting.
func TestPathInAScratchRepository(t *testing.T) {
	root := t.TempDir()
	nodeModules := filepath.Join(root, filepath.FromSlash(testDir), "node_modules")
	tsc := filepath.Join(nodeModules, ".bin", "tsc")
	require.NoError(t, os.MkdirAll(filepath.Dir(tsc), 0o755))
	require.NoError(t, os.WriteFile(tsc, nil, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(nodeModules, "..", "package.json"), nil, 0o644))
	pkg := filepath.Join(root, "internal", "pkg")
	require.NoError(t, os.MkdirAll(pkg, 0o755))
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(pkg))
	t.Cleanup(func() { require.NoError(t, os.Chdir(wd)) })
	path := func(rel, setting string) (*recorder, string) {
		t.Setenv(RequireEnv, setting)
		r := &recorder{}
		return r, Path(r, rel)
	}

	for _, setting := range []string{"", "1"} {
		r, got := path(".bin/tsc", setting)
		assert.Equal(t, tsc, got, "installed, %s=%q", RequireEnv, setting)
		assert.Empty(t, r.skipped+r.failed)
	}

	r, got := path("ajv/package.json", "")
	assert.Empty(t, got)
	assert.Empty(t, r.failed)
	assert.Contains(t, r.skipped, "generated/ts/test/node_modules/ajv/package.json is not installed")
	assert.Contains(t, r.skipped, "bash .ci/test")

	r, got = path("ajv/package.json", "1")
	assert.Empty(t, got)
	assert.Empty(t, r.skipped)
	assert.Contains(t, r.failed, "generated/ts/test/node_modules/ajv/package.json is missing and "+RequireEnv+"=1 requires it")

	for _, bad := range []string{"0", "true", "yes"} {
		r, got = path(".bin/tsc", bad)
		assert.Empty(t, got)
		assert.Empty(t, r.skipped)
		assert.Contains(t, r.failed, "set it to 1", "%s=%q is neither unset nor 1", RequireEnv, bad)
	}

	require.NoError(t, os.Chdir(os.TempDir()))
	r, got = path(".bin/tsc", "1")
	assert.Empty(t, got)
	assert.Contains(t, r.failed, "no generated/ts/test/package.json above the working directory")
}

func TestPathFindsTheRepository(t *testing.T) {
	// The tools' package.json lies beside node_modules, installed or not.
	assert.FileExists(t, Path(t, "../package.json"))
	assert.FileExists(t, filepath.Join(filepath.Dir(Path(t, "../package.json")), "../../../codes.yaml"))
}
