package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/closecodes/closecodes/internal/npmtools"
)

// exported is closecodes.json as a program in another language reads it.
type exported struct {
	Codes []struct {
		Code        int               `json:"code"`
		Name        string            `json:"name"`
		Label       string            `json:"label"`
		Aliases     []string          `json:"aliases"`
		Description map[string]string `json:"description"`
		Reference   string            `json:"reference"`
		WireValid   bool              `json:"wire_valid"`
		Browser     bool              `json:"browser_can_send"`
		Reconnect   string            `json:"reconnect"`
		RetryAfter  *retryAfter       `json:"retry_after"`
	} `json:"codes"`
	AllCodes struct {
		WireValid  [][2]int            `json:"wire_valid"`
		Browser    [][2]int            `json:"browser_can_send"`
		Reconnect  map[string][][2]int `json:"reconnect"`
		RetryAfter []struct {
			retryAfter
			Spans [][2]int `json:"spans"`
		} `json:"retry_after"`
	} `json:"all_codes"`
}

type retryAfter struct {
	MinMs int64 `json:"min_ms"`
	MaxMs int64 `json:"max_ms"`
}

func inSpans(spans [][2]int, v int) bool {
	for _, s := range spans {
		if s[0] <= v && v <= s[1] {
			return true
		}
	}
	return false
}

// TestExportAgreesWithGo answers every code from 0 to 65535 from the
// committed closecodes.json alone, as a program in another language would,
// and requires the generated Go package to say the same.
func TestExportAgreesWithGo(t *testing.T) {
	data, err := os.ReadFile("../../generated/json/closecodes.json")
	require.NoError(t, err)
	var ex exported
	require.NoError(t, json.Unmarshal(data, &ex))

	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		require.Equal(t, c.IsValid(), inSpans(ex.AllCodes.WireValid, v), "wire_valid of %d", v)
		require.Equal(t, c.BrowserCanSend(), inSpans(ex.AllCodes.Browser, v), "browser_can_send of %d", v)
		var words []string
		for word, spans := range ex.AllCodes.Reconnect {
			if inSpans(spans, v) {
				words = append(words, word)
			}
		}
		require.Equal(t, []string{c.Reconnect().String()}, words, "reconnect of %d lies in one value's spans", v)
		var hint *retryAfter
		for _, h := range ex.AllCodes.RetryAfter {
			if inSpans(h.Spans, v) {
				require.Nil(t, hint, "%d has one delay hint at most", v)
				hint = &h.retryAfter
			}
		}
		min, max, ok := c.RetryAfter()
		require.Equal(t, ok, hint != nil, "retry_after of %d", v)
		if ok {
			require.Equal(t, retryAfter{min.Milliseconds(), max.Milliseconds()}, *hint, "retry_after of %d", v)
		}
	}

	require.Len(t, ex.Codes, len(closecode.Codes()))
	for _, code := range ex.Codes {
		c := closecode.Code(code.Code)
		assert.Equal(t, c.String(), code.Name)
		assert.Equal(t, c.Label(), code.Label)
		assert.Equal(t, c.Reference(), code.Reference)
		assert.Equal(t, c.IsValid(), code.WireValid, code.Name)
		assert.Equal(t, c.BrowserCanSend(), code.Browser, code.Name)
		assert.Equal(t, c.Reconnect().String(), code.Reconnect, code.Name)
		for lang, text := range code.Description {
			assert.Equal(t, c.DescriptionIn(lang), text, "%s in %s", code.Name, lang)
		}
		for _, alias := range code.Aliases {
			parsed, err := closecode.Parse(alias)
			assert.NoError(t, err)
			assert.Equal(t, c, parsed, alias)
		}
		min, max, ok := c.RetryAfter()
		if assert.Equal(t, ok, code.RetryAfter != nil, code.Name) && ok {
			assert.Equal(t, retryAfter{min.Milliseconds(), max.Milliseconds()}, *code.RetryAfter, code.Name)
		}
	}
}

// TestExportMatchesItsSchema validates closecodes.json against
// closecodes.schema.json with ajv, and requires the schema to refuse
// documents that break it.
func TestExportMatchesItsSchema(t *testing.T) {
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	npmtools.Path(t, "ajv/package.json")
	schema, err := os.ReadFile("../../generated/json/closecodes.schema.json")
	require.NoError(t, err)
	data, err := os.ReadFile("../../generated/json/closecodes.json")
	require.NoError(t, err)

	documents := map[string]any{"closecodes.json": json.RawMessage(data)}
	for name, breakIt := range map[string]func(doc map[string]any){
		"unknown key":    func(doc map[string]any) { doc["extra"] = true },
		"code too large": func(doc map[string]any) { doc["codes"].([]any)[0].(map[string]any)["code"] = 65536 },
		"bad reconnect":  func(doc map[string]any) { doc["codes"].([]any)[0].(map[string]any)["reconnect"] = "maybe" },
		"three-item span": func(doc map[string]any) {
			doc["all_codes"].(map[string]any)["wire_valid"] = []any{[]any{1, 2, 3}}
		},
	} {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(data, &doc))
		breakIt(doc)
		documents[name] = doc
	}
	input, err := json.Marshal(map[string]any{"schema": json.RawMessage(schema), "documents": documents})
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
	for name := range documents {
		if name == "closecodes.json" {
			assert.Nil(t, results[name], "closecodes.json must match its schema")
		} else {
			assert.NotNil(t, results[name], "%s must fail the schema", name)
		}
	}
}
