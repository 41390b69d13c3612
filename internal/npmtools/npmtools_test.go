package npmtools

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder stands in for a test: it keeps what find asked of it. The
// embedded testing.TB is nil; find calls only the methods overridden here.
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

func TestFind(t *testing.T) {
	nodeModules := t.TempDir()
	tsc := filepath.Join(nodeModules, ".bin", "tsc")
	require.NoError(t, os.MkdirAll(filepath.Dir(tsc), 0o755))
	require.NoError(t, os.WriteFile(tsc, nil, 0o755))

	for _, setting := range []string{"", "1"} {
		r := &recorder{}
		assert.Equal(t, tsc, find(r, nodeModules, ".bin/tsc", setting), "installed, %s=%q", RequireEnv, setting)
		assert.Empty(t, r.skipped+r.failed)
	}

	r := &recorder{}
	assert.Empty(t, find(r, nodeModules, "ajv/package.json", ""))
	assert.Empty(t, r.failed)
	assert.Contains(t, r.skipped, "generated/ts/test/node_modules/ajv/package.json is not installed")
	assert.Contains(t, r.skipped, "bash .ci/test")

	r = &recorder{}
	assert.Empty(t, find(r, nodeModules, "ajv/package.json", "1"))
	assert.Empty(t, r.skipped)
	assert.Contains(t, r.failed, "generated/ts/test/node_modules/ajv/package.json is missing and "+RequireEnv+"=1 requires it")

	for _, bad := range []string{"0", "true", "yes"} {
		r = &recorder{}
		assert.Empty(t, find(r, nodeModules, ".bin/tsc", bad))
		assert.Empty(t, r.skipped)
		assert.Contains(t, r.failed, "set it to 1", "%s=%q is neither unset nor 1", RequireEnv, bad)
	}
}

func TestPathFindsTheRepository(t *testing.T) {
	// The tools' package.json lies beside node_modules, installed or not.
	assert.FileExists(t, Path(t, "../package.json"))
	assert.FileExists(t, filepath.Join(filepath.Dir(Path(t, "../package.json")), "../../../codes.yaml"))
}
