package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/registry"
)

func parseRegistry(t *testing.T, file, text string) *registry.Registry {
	t.Helper()
	reg, err := registry.Parse(file, []byte(text))
	require.NoError(t, err)
	return reg
}

const appCodes = "codes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n" +
	"    description: The session ran out.\n    reference: Chat spec\n    wire_valid: true\n    browser_can_send: true\n"

// TestConfigPrecedence: a flag wins over the registry, the registry over the
// defaults; the registry's paths are relative to its directory.
func TestConfigPrecedence(t *testing.T) {
	reg := parseRegistry(t, filepath.Join("app", "chat.yaml"), "extends: standard\noutput:\n"+
		"  go_out: go\n  go_package: chatcodes\n  ts_out: ''\n  ts_version: 1.2.3-rc.1+build.5\n  ts_license: MIT\n"+
		"  json_out: data/json\n"+appCodes)
	cfg, err := NewConfig(reg, map[string]string{"go-package": "flagcodes", "docs-out": "../d", "ts-description": "Codes"})
	require.NoError(t, err)
	want := DefaultConfig()
	want.GoOut = filepath.Join("app", "go")
	want.GoPackage = "flagcodes"
	want.TSOut = ""
	want.TSVersion, want.TSLicense, want.TSDescription = "1.2.3-rc.1+build.5", "MIT", "Codes"
	want.DocsOut = "../d"
	want.JSONOut = filepath.Join("app", "data", "json")
	assert.Equal(t, want, cfg)

	// A registry setting is checked even when a flag overrides it.
	reg = parseRegistry(t, "chat.yaml", "extends: standard\noutput:\n  go_out: ..\n"+appCodes)
	_, err = NewConfig(reg, map[string]string{"go-out": ".."})
	assert.EqualError(t, err, `chat.yaml:3:11: output go_out: ".." leads outside this file's directory; `+
		"name a directory inside it, or remove the setting and pass -go-out on the command line")
}

// TestEverySettingHasAField: each key a registry may set, and each key only
// a flag sets, fills one field of Config, and the first bad flag in that
// order is the one reported.
func TestEverySettingHasAField(t *testing.T) {
	var cfg Config
	settings := cfg.settings()
	assert.Len(t, settings, len(settingKeys))
	for _, key := range settingKeys {
		assert.NotNil(t, settings[key], key)
	}
	// ts_version comes before ts_repository in the output section's order,
	// after it in alphabetical order.
	_, err := NewConfig(parseRegistry(t, "chat.yaml", "extends: standard\n"+appCodes),
		map[string]string{"ts-repository": "nope", "ts-version": "v1"})
	var flagErr *FlagError
	require.ErrorAs(t, err, &flagErr)
	assert.Equal(t, "ts-version", flagErr.Flag)
}

// TestGenerateChecksItsConfig: a Config filled by hand is checked too.
func TestGenerateChecksItsConfig(t *testing.T) {
	cfg := DefaultConfig()
	cfg.GoPackage = "main"
	_, err := Generate(loadRegistry(t, "testdata/golden/registry.yaml"), cfg)
	assert.EqualError(t, err, `go_package: Go package name "main" makes a command, which needs a func main the generated package lacks; `+
		"use a name such as closecode")
}

func TestNPMNames(t *testing.T) {
	for _, ok := range []string{"closecodes", "chat-closecodes", "@acme/close.codes", "a_b", "x1", strings.Repeat("a", 214)} {
		assert.Empty(t, npmNameProblem(ok), ok)
	}
	for _, name := range []string{"", strings.Repeat("a", 215), "node_modules", "favicon.ico", "a/b", "@scope", "@/x",
		"@s/", "_x", "@s/.x", "Codes", "a b", "@s/a/b", "x~y"} {
		assert.Equal(t, `npm package name "`+name+`" breaks npm's rule: NAME or @SCOPE/NAME, at most 214 characters, `+
			`only lower-case letters, digits, "-", "." and "_", NAME not starting with "." or "_", `+
			"not node_modules or favicon.ico; use a name such as closecodes or @scope/closecodes",
			npmNameProblem(name), "%q", name)
	}
}

func TestSemanticVersions(t *testing.T) {
	for _, ok := range []string{"", "0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85"} {
		assert.Empty(t, problem("ts_version", ok), ok)
	}
	for _, bad := range []string{"1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0 ", "1.0.0-a..b"} {
		assert.Equal(t, `npm version "`+bad+`" is not a semantic version; use MAJOR.MINOR.PATCH such as 1.0.0, or "" for a private package`,
			problem("ts_version", bad), bad)
	}
}
