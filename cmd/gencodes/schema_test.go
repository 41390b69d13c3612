package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/npmtools"
	"github.com/closecodes/closecodes/internal/registry"
)

// TestSchema validates registries against docs/registry.schema.json with
// ajv, the validator editors' YAML plugins build on: every registry
// gencodes accepts must pass, and registries with faults the schema can
// express must fail.
func TestSchema(t *testing.T) {
	t.Parallel()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	npmtools.Path(t, "ajv/package.json")

	schemaText, err := os.ReadFile("../../docs/registry.schema.json")
	require.NoError(t, err)
	codesYAML, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(codesYAML), "# yaml-language-server: $schema=./docs/registry.schema.json\n"),
		"codes.yaml must point editors at the schema")

	good := map[string]string{
		"codes.yaml":  "../../codes.yaml",
		"chat.yaml":   "../../examples/registries/chat.yaml",
		"golden.yaml": "../../internal/generator/testdata/golden/registry.yaml",
	}
	corpus := readCorpus(t)
	bad := map[string][]byte{}
	for _, name := range []string{
		"misspelt-code-field", "misspelt-range-field", "unknown-part-field", "unknown-top-field",
		"missing-required-code-fields", "missing-ranges", "code-as-string", "label-as-number",
		"flag-as-string", "code-too-large", "code-negative", "lower-case-name", "non-ascii-name",
		"bad-alias", "deprecated-name-not-identifier", "description-newline", "description-nul", "label-bidi-override",
		"label-line-separator", "description-too-long", "empty-label", "reason-max-too-large",
		"empty-codes", "app-extends-unknown", "app-extends-with-ranges", "app-output-unknown-field",
		"description-without-en", "description-bad-language-tag",
		"reconnect-bad-values", "retry-after-bad", "range-missing-reconnect",
	} {
		bad[name] = corpus.registry(t, name)
	}

	documents := map[string]any{}
	for name, path := range good {
		reg, err := registry.Load(path)
		require.NoError(t, err, "%s must be a valid registry", path)
		require.NotNil(t, reg)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		documents[name] = yamlToJSON(t, path, data)
	}
	for name, data := range bad {
		documents["bad:"+name] = yamlToJSON(t, name, data)
	}
	input, err := json.Marshal(map[string]any{"schema": json.RawMessage(schemaText), "documents": documents})
	require.NoError(t, err)
	cmd := exec.Command(node, "../../generated/ts/test/schema-check.mjs")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "schema-check.mjs: %s", stderr.String())
	var results map[string]*string
	require.NoError(t, json.Unmarshal(out, &results))
	require.Len(t, results, len(documents), "schema-check.mjs answers for every document")

	for name := range good {
		assert.Nil(t, results[name], "%s must pass the schema", name)
	}
	for name := range bad {
		if assert.NotNil(t, results["bad:"+name], "%s must fail the schema", name) {
			t.Logf("%s: %s", name, *results["bad:"+name])
		}
	}
}

// yamlToJSON reads a YAML file as the JSON value a YAML language server
// validates.
func yamlToJSON(t *testing.T, name string, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v), name)
	return v
}
