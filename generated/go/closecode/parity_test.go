package closecode_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// TestParityWithJavaScript runs the generated JavaScript module under Node
// and requires it to say the same as this package about every code from 0 to
// 65535 and about every range, field by field, to say of a number that is no
// code what it says of no code at all, and to parse the same strings to the
// same codes.
func TestParityWithJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is needed for the parity test: install Node.js 20 or later")

	texts := []string{"", "0", "65535", "65536", "01000", "-1", "+1000", "1e3", " 1000",
		"constructor", "__proto__", "toString", "normalclosure", "Normal Closure", "１０００"}
	for _, c := range closecode.Codes() {
		texts = append(texts, c.String(), strconv.Itoa(int(c)))
	}
	for _, alias := range []string{"CLOSE_NORMAL", "CLOSE_GOING_AWAY", "CLOSE_PROTOCOL_ERROR",
		"CLOSE_UNSUPPORTED", "CLOSE_NO_STATUS", "CLOSE_ABNORMAL", "CLOSE_TOO_LARGE"} {
		texts = append(texts, alias)
	}
	locales := []string{"zh-CN", "zh_cn", "zh", "en-US", "fr", ""}
	every := make([]closecode.Code, 0x10000)
	for v := range every {
		every[v] = closecode.Code(v)
	}
	// A number halfway between two codes lies inside every span of every
	// check; JSON carries it to JavaScript as it is, where Go refuses it.
	notCodes := make([]float64, 0x10000)
	for v := range notCodes {
		notCodes[v] = float64(v) + 0.5
	}
	input, err := json.Marshal(map[string]any{"texts": texts, "locales": locales, "wire": every, "notCodes": notCodes})
	require.NoError(t, err)

	cmd := exec.Command(node, "../../ts/test/dump.mjs")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node dump.mjs: %s", stderr.String())

	var js struct {
		Codes          [][]any   `json:"codes"`
		NotCodes       [][]any   `json:"notCodes"`
		Ranges         []jsRange `json:"ranges"`
		Parsed         []*int    `json:"parsed"`
		MaxReasonBytes int       `json:"maxReasonBytes"`
		Wire           string    `json:"wire"`
	}
	require.NoError(t, json.Unmarshal(out, &js))
	require.Equal(t, closecode.MaxReasonBytes, js.MaxReasonBytes)

	compareCodes(t, "JavaScript", js.Codes, locales)
	compareRanges(t, js.Ranges)
	require.Len(t, js.NotCodes, len(notCodes))
	noCode := noAnswers(locales)
	for i, v := range notCodes {
		var c closecode.Code
		require.Error(t, json.Unmarshal([]byte(strconv.FormatFloat(v, 'f', -1, 64)), &c), "Go refuses %v as a code", v)
		if !equalJSON(noCode, js.NotCodes[i]) {
			t.Fatalf("%v is no code: JavaScript says %v, want %v, as of no code at all", v, js.NotCodes[i], noCode)
		}
	}
	// Go -> JSON -> JavaScript -> JSON -> Go keeps every code.
	var back []closecode.Code
	require.NoError(t, json.Unmarshal([]byte(js.Wire), &back))
	require.Equal(t, every, back)
	require.True(t, strings.HasPrefix(js.Wire, "[0,1,2,"), "codes travel as JSON numbers: %.20s", js.Wire)
	for i, text := range texts {
		c, err := closecode.Parse(text)
		var want *int
		if err == nil {
			n := int(c)
			want = &n
		}
		require.Equal(t, want, js.Parsed[i], "parse %q", text)
	}
}

// goAnswers is what the Go package says of code v, in the order the dump
// scripts of the other languages print it.
func goAnswers(v int, locales []string) []any {
	c := closecode.Code(v)
	name := ""
	if c.IsKnown() {
		name = c.String()
	}
	var hint any
	if lo, hi, ok := c.RetryAfter(); ok {
		hint = []int64{lo.Milliseconds(), hi.Milliseconds()}
	}
	says := []any{name, c.Label(), c.Description(), c.Reference(),
		c.IsKnown(), c.IsValid(), c.BrowserCanSend(), c.Range().Name, c.Reconnect().String(), hint}
	for _, locale := range locales {
		says = append(says, c.DescriptionIn(locale))
	}
	return says
}

// noAnswers is what a lookup says of a value that is no code: no name, no
// text, no fact, no range, no advice, in goAnswers' order.
func noAnswers(locales []string) []any {
	says := []any{"", "", "", "", false, false, false, "", closecode.ReconnectUnspecified.String(), nil}
	for range locales {
		says = append(says, "")
	}
	return says
}

// jsRange is a range as the JavaScript module gives it.
type jsRange struct {
	Name, Label, Description, Reference string
	First, Last                         int
}

// compareRanges requires the JavaScript module's ranges to equal the Go
// package's in every field.
func compareRanges(t *testing.T, theirs []jsRange) {
	t.Helper()
	var ours []jsRange
	for _, r := range closecode.Ranges() {
		ours = append(ours, jsRange{r.Name, r.Label, r.Description, r.Reference, int(r.First), int(r.Last)})
	}
	require.Equal(t, ours, theirs, "the ranges, field by field")
}

// compareCodes requires another language's answers for all 65,536 codes to
// equal the Go package's.
func compareCodes(t *testing.T, language string, theirs [][]any, locales []string) {
	t.Helper()
	require.Len(t, theirs, 65536)
	for v := 0; v <= 0xffff; v++ {
		if ours := goAnswers(v, locales); !equalJSON(ours, theirs[v]) {
			t.Fatalf("code %d: Go says %v, %s says %v", v, ours, language, theirs[v])
		}
	}
}

func equalJSON(a, b []any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
