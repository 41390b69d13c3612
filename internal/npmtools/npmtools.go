// Package npmtools finds, for tests, the Node packages (TypeScript, ajv) that `bash .ci/test`
// installs with npm ci in generated/ts/test. A fresh clone has not run npm, and `go test ./...` must
// pass there too, so a test that needs one skips and says how to get it, unless RequireEnv is 1.
package npmtools

import (
	"os"
	"path/filepath"
	"testing"
)

// RequireEnv, set to 1, makes a missing npm tool fail the test instead of skipping it.
const RequireEnv = "CLOSECODES_REQUIRE_NPM_TOOLS"

const testDir = "generated/ts/test" // from the repository root

// Path returns the absolute path of rel, such as ".bin/tsc", in generated/ts/test/node_modules. When
// it is not there, the test skips, or fails when RequireEnv is 1.
func Path(t testing.TB, rel string) string {
	t.Helper()
	setting, shown := os.Getenv(RequireEnv), testDir+"/node_modules/"+rel
	// go test runs in the package's directory; the repository's is above.
	dir, err := os.Getwd()
	for ; err == nil && filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, testDir, "package.json")); err != nil {
			continue
		}
		path := filepath.Join(dir, testDir, "node_modules", filepath.FromSlash(rel))
		_, err := os.Stat(path)
		switch {
		case setting != "" && setting != "1":
			t.Fatalf("%s=%q: set it to 1 to require the npm tools, or leave it unset", RequireEnv, setting)
		case err == nil:
			return path
		case setting == "1":
			t.Fatalf("%s is missing and %s=1 requires it: run npm ci in %s, as bash .ci/test does (%v)",
				shown, RequireEnv, testDir, err)
		default:
			t.Skipf("skipped: %s is not installed; bash .ci/test installs it (npm ci in %s) and runs this test",
				shown, testDir)
		}
		return ""
	}
	t.Fatalf("npmtools: no %s/package.json above the working directory: "+
		"run the test inside the closecodes repository", testDir)
	return ""
}
