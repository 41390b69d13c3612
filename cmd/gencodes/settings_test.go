package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/generator"
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

// defaults returns the settings' defaults, as configFor fills them for a registry that sets none.
func defaults(t *testing.T) generator.Config {
	t.Helper()
	cfg, errs, err := configFor(parseRegistry(t, "chat.yaml", "extends: standard\n"+appCodes), nil)
	require.NoError(t, err)
	require.Empty(t, errs)
	return cfg
}

// TestConfigPrecedence: a flag wins over the registry, the registry over the
// defaults; the registry's paths are relative to its directory.
func TestConfigPrecedence(t *testing.T) {
	t.Parallel()
	reg := parseRegistry(t, filepath.Join("app", "chat.yaml"), "extends: standard\noutput:\n"+
		"  go_out: go\n  go_package: chatcodes\n  ts_out: ''\n  ts_version: 1.2.3-rc.1+build.5\n  ts_license: MIT\n"+
		"  json_out: data/json\n"+appCodes)
	cfg, errs, err := configFor(reg, map[string]string{"go-package": "flagcodes", "docs-out": "../d", "ts-description": "Codes"})
	require.NoError(t, err)
	require.Empty(t, errs)
	want := defaults(t)
	assert.Equal(t, generator.Config{
		GoOut: "generated/go/closecode", TSOut: "generated/ts", DocsOut: "generated/docs", JSONOut: "generated/json",
		GoPackage: "closecode", GoType: "Code", TSStyle: "const", TSPackage: "closecodes", TemplatesOut: ".",
	}, want)
	want.GoOut = filepath.Join("app", "go")
	want.GoPackage = "flagcodes"
	want.TSOut = ""
	want.TSVersion, want.TSLicense, want.TSDescription = "1.2.3-rc.1+build.5", "MIT", "Codes"
	want.DocsOut = "../d"
	want.JSONOut = filepath.Join("app", "data", "json")
	assert.Equal(t, want, cfg)

	// A registry setting is checked even when a flag overrides it.
	reg = parseRegistry(t, "chat.yaml", "extends: standard\noutput:\n  go_out: ..\n"+appCodes)
	_, errs, err = configFor(reg, map[string]string{"go-out": ".."})
	require.NoError(t, err)
	assert.EqualError(t, errs, `chat.yaml:3:11: output go_out: ".." leads outside this file's directory; `+
		"name a directory inside it, or remove the setting and pass -go-out on the command line")

	// A key no setting has is refused, with the nearest one.
	reg = parseRegistry(t, "chat.yaml", "extends: standard\noutput:\n  go_pakage: x\n  templates: t\n"+appCodes)
	_, errs, err = configFor(reg, nil)
	require.NoError(t, err)
	assert.EqualError(t, errs, "chat.yaml:3:3: unknown field \"go_pakage\" in output; did you mean \"go_package\"?\n"+
		"chat.yaml:4:3: templates cannot be set in output, only with the flag -templates; remove it")
}

// TestEverySettingHasAField: each setting fills one string field of
// generator.Config, every field has one setting, and the first bad flag in
// the table's order is the one reported.
func TestEverySettingHasAField(t *testing.T) {
	t.Parallel()
	var fields []string
	for _, s := range settings {
		_, ok := reflect.TypeFor[generator.Config]().FieldByName(s.field)
		require.True(t, ok, "%s fills no field", s.key)
		fields = append(fields, s.field)
	}
	var all []string
	typ := reflect.TypeFor[generator.Config]()
	for i := range typ.NumField() {
		all = append(all, typ.Field(i).Name)
	}
	assert.ElementsMatch(t, all, fields, "one setting a field of generator.Config")
	_, _, err := configFor(parseRegistry(t, "chat.yaml", "extends: standard\n"+appCodes),
		map[string]string{"ts-repository": "nope", "ts-version": "v1"})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "-ts-version: "), err.Error())
}

// TestOutputKeysAreTheSchemas: the output section's keys are the ones the
// registry's JSON Schema, which editors complete from, lists.
func TestOutputKeysAreTheSchemas(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../docs/registry.schema.json")
	require.NoError(t, err)
	var schema struct {
		Defs struct {
			Output struct {
				Properties map[string]any `json:"properties"`
			} `json:"output"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(data, &schema))
	var keys []string
	for key := range schema.Defs.Output.Properties {
		keys = append(keys, key)
	}
	assert.ElementsMatch(t, outputKeys(), keys)
}

func TestNPMNames(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	for _, ok := range []string{"", "0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85"} {
		assert.Empty(t, semverProblem(ok), ok)
	}
	for _, bad := range []string{"1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0 ", "1.0.0-a..b"} {
		assert.Equal(t, `npm version "`+bad+`" is not a semantic version; use MAJOR.MINOR.PATCH such as 1.0.0, or "" for a private package`,
			semverProblem(bad), bad)
	}
}

func TestIsASCIIIdentifier(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"closecode": true, "Code": true, "_x": true, "x9": true, "X_Y": true,
		"": false, "9x": false, "a-b": false, "a b": false, "func": false, "type": false, "ünï": false, "x.y": false,
		"string": false, "len": false, "nil": false, "any": false,
	} {
		assert.Equal(t, want, isASCIIIdentifier(s), "%q", s)
	}
}

// TestPackageJSONFromTheRegistry: the npm settings of a registry's output
// section reach package.json, whatever the text holds.
func TestPackageJSONFromTheRegistry(t *testing.T) {
	t.Parallel()
	reg := parseRegistry(t, "chat.yaml", "extends: standard\noutput:\n  ts_package: chat-codes\n  ts_version: 2.0.0\n"+
		"  ts_description: \"Line\\nbreak \\u2028 and </script>\"\n"+appCodes)
	cfg, errs, err := configFor(reg, nil)
	require.NoError(t, err)
	require.Empty(t, errs)
	files, err := generator.Generate(reg, cfg)
	require.NoError(t, err)
	var pkg map[string]any
	for _, f := range files {
		if f.Path == "generated/ts/package.json" {
			require.NoError(t, json.Unmarshal(f.Data, &pkg))
		}
	}
	assert.Equal(t, "chat-codes", pkg["name"])
	assert.Equal(t, "2.0.0", pkg["version"])
	assert.Equal(t, "Line\nbreak \u2028 and </script>", pkg["description"])
	assert.NotContains(t, pkg, "private")
}
