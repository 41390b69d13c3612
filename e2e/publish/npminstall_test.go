package publish

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
)

// npmVersion is the version the package is packed at, as a release would
// publish it.
const npmVersion = "0.1.0"

// tsconfigs are the module settings an app may type-check under: a bundler's
// and Node's. Each must find closecodes and closecodes/texts through the
// package's exports, with their types.
var tsconfigs = map[string]string{
	"bundler":  `"module": "esnext", "moduleResolution": "bundler"`,
	"nodenext": `"module": "nodenext", "moduleResolution": "nodenext"`,
}

// TestNpmInstallLines plays a user of the published npm package: the
// standard package, generated with a version and a license as a release
// would be, is packed with npm pack; the npm block of commands.txt installs
// it into a new app, with the tarball in place of the registry and npm
// offline; and the import lines of the ts block type-check with the
// package's own types and run in Node.
func TestNpmInstallLines(t *testing.T) {
	t.Parallel()
	tsc := npmtools.Path(t, ".bin/tsc")
	root := repoRoot(t)
	blocks := installBlocks(t)

	pkg := t.TempDir()
	cmd := exec.Command("go", "run", "./cmd/gencodes", "-go-out", "", "-docs-out", "", "-json-out", "",
		"-ts-out", pkg, "-ts-version", npmVersion, "-ts-license", "MIT")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "gencodes: %s", out)

	app := t.TempDir()
	offline := []string{"npm_config_offline=true", "npm_config_audit=false", "npm_config_fund=false",
		"npm_config_update_notifier=false", "npm_config_loglevel=error"}
	_, stderr, err := shell(pkg, offline, "npm pack --pack-destination "+app)
	require.NoError(t, err, "npm pack: %s", stderr)
	tarball := "closecodes-" + npmVersion + ".tgz"
	require.FileExists(t, filepath.Join(app, tarball))

	writeFile(t, app, "package.json", `{"name": "app", "private": true, "type": "module"}`+"\n")
	const fromRegistry = "npm install closecodes\n"
	require.Contains(t, blocks["npm"], fromRegistry, "the npm block installs closecodes from the registry")
	install := strings.Replace(blocks["npm"], fromRegistry, "npm install ./"+tarball+"\n", 1)
	_, stderr, err = shell(app, offline, install)
	require.NoError(t, err, "in the app:\n%s\n%s", install, stderr)

	var installed map[string]any
	data, err := os.ReadFile(filepath.Join(app, "node_modules/closecodes/package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &installed))
	assert.Equal(t, npmVersion, installed["version"])
	assert.Equal(t, "MIT", installed["license"])
	assert.NotContains(t, installed, "private")

	// The ts block opens a module that uses what it imports. If the types
	// were lost (any), the @ts-expect-error line would itself be an error.
	writeFile(t, app, "app.ts", blocks["ts"]+`
export const going: CloseCode = CloseCode.GoingAway;
// @ts-expect-error 4001 is no code of the standard registry.
export const unnamed: CloseCode = 4001;
export const line: string = [closeCodeName(going), closeCodeLabel(going), isValidCloseCode(1005)].join(" ");
`)
	for name, module := range tsconfigs {
		config := "tsconfig." + name + ".json"
		writeFile(t, app, config, `{"compilerOptions": {`+module+`, "target": "es2022", "lib": ["es2022"],
  "strict": true, "verbatimModuleSyntax": true, "skipLibCheck": false, "noEmit": true, "types": []},
  "files": ["app.ts"]}`+"\n")
		out, err := exec.Command(tsc, "-p", filepath.Join(app, config)).CombinedOutput()
		assert.NoError(t, err, "tsc -p %s:\n%s", config, out)
	}

	// The same lines in plain JavaScript, run by Node through the exports.
	writeFile(t, app, "app.mjs", blocks["ts"]+
		"console.log(CloseCode.GoingAway, closeCodeName(1001), closeCodeLabel(1001), isValidCloseCode(1005));\n")
	stdout, stderr, err := shell(app, nil, "node app.mjs")
	require.NoError(t, err, "node app.mjs: %s", stderr)
	assert.Equal(t, "1001 GoingAway Going Away false\n", stdout)
}
