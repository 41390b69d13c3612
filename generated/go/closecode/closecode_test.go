package closecode_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// The reference below is written from RFC 6455 section 7.4, the IANA
// WebSocket Close Code Number Registry and the WHATWG close() rule, not read
// from codes.yaml, so that a wrong fact in the registry fails these tests.

// ianaLabels is every code the IANA registry lists, with its label: IANA's
// name, but for 1014, where IANA gives a sentence and MDN the name.
var ianaLabels = map[int]string{
	1000: "Normal Closure",
	1001: "Going Away",
	1002: "Protocol error",
	1003: "Unsupported Data",
	1004: "Reserved",
	1005: "No Status Rcvd",
	1006: "Abnormal Closure",
	1007: "Invalid frame payload data",
	1008: "Policy Violation",
	1009: "Message Too Big",
	1010: "Mandatory Ext.",
	1011: "Internal Error",
	1012: "Service Restart",
	1013: "Try Again Later",
	1014: "Bad Gateway",
	1015: "TLS handshake",
	3000: "Unauthorized",
	3003: "Forbidden",
	3008: "Timeout",
}

// refWireValid: RFC 6455 7.4.1 defines 1000-1003 and 1007-1011 for sending,
// IANA adds 1012-1014; 1004 is reserved, 1005, 1006 and 1015 MUST NOT be
// sent; 7.4.2 leaves 0-999 unused, keeps 1016-2999 for future use and opens
// 3000-4999 to libraries and applications.
func refWireValid(c int) bool {
	return (1000 <= c && c <= 1003) || (1007 <= c && c <= 1014) || (3000 <= c && c <= 4999)
}

// refBrowserCanSend: WHATWG close() throws InvalidAccessError unless the
// code is 1000 or in 3000-4999.
func refBrowserCanSend(c int) bool {
	return c == 1000 || (3000 <= c && c <= 4999)
}

type refRange struct {
	first, last int
}

// refRangeOf: the four ranges of RFC 6455 7.4.2.
func refRangeOf(c int) (refRange, bool) {
	for _, r := range []refRange{{0, 999}, {1000, 2999}, {3000, 3999}, {4000, 4999}} {
		if r.first <= c && c <= r.last {
			return r, true
		}
	}
	return refRange{}, false
}

func TestEveryCodeAgainstTheReference(t *testing.T) {
	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		label, known := ianaLabels[v]
		if c.IsKnown() != known || c.Label() != label ||
			c.IsValid() != refWireValid(v) || c.BrowserCanSend() != refBrowserCanSend(v) {
			t.Fatalf("code %d: known=%t label=%q valid=%t browser=%t; want known=%t label=%q valid=%t browser=%t",
				v, c.IsKnown(), c.Label(), c.IsValid(), c.BrowserCanSend(),
				known, label, refWireValid(v), refBrowserCanSend(v))
		}
		want, inRange := refRangeOf(v)
		got := c.Range()
		if inRange != (got.Name != "") || int(got.First) != want.first || int(got.Last) != want.last {
			t.Fatalf("code %d: range %q %d-%d; want %d-%d (in a range: %t)", v, got.Name, got.First, got.Last, want.first, want.last, inRange)
		}
		if inRange && !got.Contains(c) {
			t.Fatalf("code %d: its range %q does not contain it", v, got.Name)
		}
		if known != (c.Description() != "") || known != (c.Reference() != "") {
			t.Fatalf("code %d: description %q, reference %q; want both set exactly when named", v, c.Description(), c.Reference())
		}
	}
}

func TestGoNames(t *testing.T) {
	want := map[closecode.Code]string{
		1000: "NormalClosure", 1001: "GoingAway", 1002: "ProtocolError", 1003: "UnsupportedData",
		1004: "Reserved", 1005: "NoStatusReceived", 1006: "AbnormalClosure",
		1007: "InvalidFramePayloadData", 1008: "PolicyViolation", 1009: "MessageTooBig",
		1010: "MandatoryExtension", 1011: "InternalError", 1012: "ServiceRestart",
		1013: "TryAgainLater", 1014: "BadGateway", 1015: "TLSHandshake",
		3000: "Unauthorized", 3003: "Forbidden", 3008: "Timeout",
	}
	var codes []closecode.Code
	for c, name := range want {
		assert.Equal(t, name, c.String(), "code %d", c)
		codes = append(codes, c)
	}
	assert.ElementsMatch(t, codes, closecode.Codes())
	assert.Equal(t, closecode.Code(1000), closecode.NormalClosure)
	assert.Equal(t, closecode.Code(1015), closecode.TLSHandshake)
	assert.Equal(t, closecode.Code(3008), closecode.Timeout)
}

func TestStringOfUnnamedCodes(t *testing.T) {
	assert.Equal(t, "Code(4001)", closecode.Code(4001).String())
	assert.Equal(t, "Code(0)", closecode.Code(0).String())
	assert.Equal(t, "Code(65535)", closecode.Code(65535).String())
	assert.Equal(t, "", closecode.Code(4001).Label())
	assert.Equal(t, "", closecode.Code(4001).Description())
}

func TestCodesIsAscendingAndFresh(t *testing.T) {
	codes := closecode.Codes()
	require.Len(t, codes, len(ianaLabels))
	for i := 1; i < len(codes); i++ {
		assert.Less(t, codes[i-1], codes[i])
	}
	codes[0] = 4999
	assert.Equal(t, closecode.NormalClosure, closecode.Codes()[0], "Codes must return a new slice each call")
}

func TestRanges(t *testing.T) {
	rs := closecode.Ranges()
	require.Len(t, rs, 4)
	for i, want := range []refRange{{0, 999}, {1000, 2999}, {3000, 3999}, {4000, 4999}} {
		assert.Equal(t, want.first, int(rs[i].First))
		assert.Equal(t, want.last, int(rs[i].Last))
		assert.NotEmpty(t, rs[i].Name)
		assert.NotEmpty(t, rs[i].Label)
		assert.NotEmpty(t, rs[i].Description)
		assert.Contains(t, rs[i].Reference, "RFC 6455")
	}
	rs[0].Name = "changed"
	assert.NotEqual(t, "changed", closecode.Ranges()[0].Name, "Ranges must return a new slice each call")
	assert.Equal(t, closecode.Range{}, closecode.Code(5000).Range())
	assert.Equal(t, "Private", closecode.Code(4321).Range().Name)
}

func TestParse(t *testing.T) {
	for _, c := range closecode.Codes() {
		got, err := closecode.Parse(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	aliases := map[string]closecode.Code{
		"CLOSE_NORMAL":         closecode.NormalClosure,
		"CLOSE_GOING_AWAY":     closecode.GoingAway,
		"CLOSE_PROTOCOL_ERROR": closecode.ProtocolError,
		"CLOSE_UNSUPPORTED":    closecode.UnsupportedData,
		"CLOSE_NO_STATUS":      closecode.NoStatusReceived,
		"CLOSE_ABNORMAL":       closecode.AbnormalClosure,
		"CLOSE_TOO_LARGE":      closecode.MessageTooBig,
	}
	for alias, want := range aliases {
		got, err := closecode.Parse(alias)
		require.NoError(t, err, alias)
		assert.Equal(t, want, got, alias)
	}
}

// TestParseVectors runs the grammar cases that parseCloseCode runs too.
func TestParseVectors(t *testing.T) {
	data, err := os.ReadFile("../../testdata/parse.json")
	require.NoError(t, err)
	var vectors struct {
		Cases []struct {
			Text string
			Want *int
			Why  string
		}
	}
	require.NoError(t, json.Unmarshal(data, &vectors))
	require.NotEmpty(t, vectors.Cases)
	for _, tc := range vectors.Cases {
		got, err := closecode.Parse(tc.Text)
		if tc.Want == nil {
			require.Error(t, err, "%q: %s", tc.Text, tc.Why)
			assert.True(t, errors.Is(err, closecode.ErrUnknown), "%q: %v", tc.Text, err)
			assert.EqualError(t, err, fmt.Sprintf("closecode: unknown code %q", tc.Text))
			continue
		}
		require.NoError(t, err, "%q: %s", tc.Text, tc.Why)
		assert.Equal(t, closecode.Code(*tc.Want), got, "%q: %s", tc.Text, tc.Why)
	}
}

func TestTextRoundTripForEveryCode(t *testing.T) {
	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		text, err := c.MarshalText()
		require.NoError(t, err)
		var back closecode.Code
		require.NoError(t, back.UnmarshalText(text), "code %d text %q", v, text)
		require.Equal(t, c, back)
	}
	text, _ := closecode.GoingAway.MarshalText()
	assert.Equal(t, "GoingAway", string(text))
	text, _ = closecode.Code(4001).MarshalText()
	assert.Equal(t, "4001", string(text))
}

func TestJSON(t *testing.T) {
	type message struct {
		Code closecode.Code `json:"code"`
	}
	out, err := json.Marshal(message{closecode.PolicyViolation})
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":1008}`, string(out), "codes are JSON numbers, as in TypeScript")
	out, err = json.Marshal(message{4500})
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":4500}`, string(out))
	out, err = json.Marshal(map[closecode.Code]int{closecode.GoingAway: 1})
	require.NoError(t, err)
	assert.JSONEq(t, `{"GoingAway":1}`, string(out), "object keys are text")

	for input, want := range map[string]closecode.Code{
		`{"code":"PolicyViolation"}`:    closecode.PolicyViolation,
		`{"code":1008}`:                 closecode.PolicyViolation,
		`{"code":"4001"}`:               4001,
		`{"code":4001}`:                 4001,
		`{"code":"CLOSE_NORMAL"}`:       closecode.NormalClosure,
		`{"code":"\u004eormalClosure"}`: closecode.NormalClosure,
	} {
		var m message
		require.NoError(t, json.Unmarshal([]byte(input), &m), input)
		assert.Equal(t, want, m.Code, input)
	}
	m := message{Code: closecode.GoingAway}
	require.NoError(t, json.Unmarshal([]byte(`{"code":null}`), &m))
	assert.Equal(t, closecode.GoingAway, m.Code, "null leaves the code unchanged")

	// A JSON number is a code when its value is a whole number from 0 to
	// 65535, as JSON Schema's integer and JavaScript's Number.isInteger
	// have it: 1000.0, 1e3 and -0 are such numbers.
	for input, want := range map[string]closecode.Code{
		`{"code":1000.0}`: 1000, `{"code":1e3}`: 1000, `{"code":1.0E+3}`: 1000, `{"code":-0}`: 0, `{"code":0.0}`: 0,
		`{"code":65535.000}`: 65535,
	} {
		var m message
		require.NoError(t, json.Unmarshal([]byte(input), &m), input)
		assert.Equal(t, want, m.Code, input)
	}
	for input, msg := range map[string]string{
		`{"code":70000}`:   "closecode: unknown code: 70000 is not a whole number from 0 to 65535",
		`{"code":-1}`:      "closecode: unknown code: -1 is not a whole number from 0 to 65535",
		`{"code":1000.5}`:  "closecode: unknown code: 1000.5 is not a whole number from 0 to 65535",
		`{"code":65535.5}`: "closecode: unknown code: 65535.5 is not a whole number from 0 to 65535",
		`{"code":1e400}`:   "closecode: unknown code: 1e400 is not a whole number from 0 to 65535",
		`{"code":"nope"}`:  `closecode: unknown code "nope"`,
		`{"code":true}`:    "closecode: unknown code: true is not a whole number from 0 to 65535",
		`{"code":[1000]}`:  "closecode: unknown code: [1000] is not a whole number from 0 to 65535",
		`{"code":{"a":1}}`: `closecode: unknown code: {"a":1} is not a whole number from 0 to 65535`,
	} {
		var m message
		err := json.Unmarshal([]byte(input), &m)
		require.Error(t, err, input)
		assert.True(t, errors.Is(err, closecode.ErrUnknown), "%s: %v", input, err)
		assert.EqualError(t, err, msg, input)
	}
}

func TestJSONRoundTripForEveryCode(t *testing.T) {
	for v := 0; v <= 0xffff; v++ {
		out, err := json.Marshal(closecode.Code(v))
		require.NoError(t, err)
		require.Equal(t, strconv.Itoa(v), string(out))
		var back closecode.Code
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, closecode.Code(v), back)
	}
}

func TestFromInt(t *testing.T) {
	for n, ok := range map[int]bool{-1: false, -65536: false, 0: true, 1000: true, 65535: true, 65536: false, 1 << 40: false} {
		c, got := closecode.FromInt(n)
		assert.Equal(t, ok, got, "%d", n)
		if ok {
			assert.Equal(t, closecode.Code(n), c)
		} else {
			assert.Zero(t, c, "%d", n)
		}
	}
}

func TestAll(t *testing.T) {
	var all []closecode.Code
	for c := range closecode.All() {
		all = append(all, c)
	}
	assert.Equal(t, closecode.Codes(), all)
	n := 0
	for range closecode.All() {
		n++
		break
	}
	assert.Equal(t, 1, n, "All stops when the loop does")
}

func TestFlagTextVar(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var c closecode.Code
	fs.TextVar(&c, "code", closecode.NormalClosure, "close code")
	require.NoError(t, fs.Parse([]string{"-code", "CLOSE_GOING_AWAY"}))
	assert.Equal(t, closecode.GoingAway, c)
	require.NoError(t, fs.Parse([]string{"-code=4001"}))
	assert.Equal(t, closecode.Code(4001), c)
	fs.SetOutput(io.Discard)
	assert.ErrorContains(t, fs.Parse([]string{"-code", "nope"}), `unknown code "nope"`)
	assert.Equal(t, "NormalClosure", fs.Lookup("code").DefValue)
}

func TestValidateReason(t *testing.T) {
	assert.Equal(t, 123, closecode.MaxReasonBytes)
	assert.NoError(t, closecode.ValidateReason(""))
	assert.NoError(t, closecode.ValidateReason(strings.Repeat("a", 123)))
	assert.NoError(t, closecode.ValidateReason(strings.Repeat("€", 41)), "41 three-byte runes are 123 bytes")
	assert.NoError(t, closecode.ValidateReason(strings.Repeat("😀", 30)+"abc"), "30 four-byte runes and 3 bytes are 123 bytes")

	err := closecode.ValidateReason(strings.Repeat("a", 124))
	assert.True(t, errors.Is(err, closecode.ErrReasonTooLong), "%v", err)
	assert.Contains(t, err.Error(), "124 bytes")
	assert.True(t, errors.Is(closecode.ValidateReason(strings.Repeat("€", 42)), closecode.ErrReasonTooLong))
	assert.Equal(t, closecode.ErrReasonNotUTF8, closecode.ValidateReason("bad \xff byte"))
	assert.Equal(t, closecode.ErrReasonNotUTF8, closecode.ValidateReason("\xed\xa0\x80"), "an encoded surrogate is not UTF-8")
}

// The lookups sit on the hot path of every Close frame, so for named codes
// they must not allocate.
func TestLookupsDoNotAllocate(t *testing.T) {
	codes := append(closecode.Codes(), 0, 999, 2000, 4001, 5000, 65535)
	for _, c := range codes {
		allocs := testing.AllocsPerRun(100, func() {
			_ = c.IsValid()
			_ = c.BrowserCanSend()
			_ = c.IsKnown()
			_ = c.Label()
			_ = c.Description()
			_ = c.Range()
		})
		assert.Zero(t, allocs, "code %d", c)
	}
	for _, c := range closecode.Codes() {
		assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.String() }), "String of %v", c)
		name := c.String()
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = closecode.Parse(name) }), "Parse(%q)", name)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = closecode.ValidateReason("going away for maintenance") }))
}

// TestLanguageVectors runs the language lookup cases that the registry and
// the TypeScript module run too.
func TestLanguageVectors(t *testing.T) {
	data, err := os.ReadFile("../../../internal/registry/testdata/language-vectors.json")
	require.NoError(t, err)
	var all struct {
		Sets []struct {
			Languages []string `json:"languages"`
			Cases     []struct {
				Tag  string `json:"tag"`
				Want string `json:"want"`
			} `json:"cases"`
		} `json:"sets"`
	}
	require.NoError(t, json.Unmarshal(data, &all))
	// The first set is this registry's languages; internal/generator runs the others.
	vectors := all.Sets[0]
	require.Equal(t, vectors.Languages, closecode.DescriptionLanguages())
	c := closecode.GoingAway
	for _, tc := range vectors.Cases {
		assert.Equal(t, c.DescriptionIn(tc.Want), c.DescriptionIn(tc.Tag), "%q should find %s", tc.Tag, tc.Want)
	}
	assert.NotEqual(t, c.DescriptionIn("en"), c.DescriptionIn("zh-CN"))
}

func TestDescriptionIn(t *testing.T) {
	assert.Equal(t, []string{"en", "zh-CN"}, closecode.DescriptionLanguages())
	c := closecode.GoingAway
	english := c.Description()
	chinese := c.DescriptionIn("zh-CN")
	assert.NotEqual(t, english, chinese)
	assert.True(t, strings.ContainsRune(chinese, '离'), "a Chinese description: %q", chinese)
	for _, lang := range []string{"zh-CN", "zh-cn", "ZH-CN", "zh_CN", "zh-CN-u-nu-hanidec", "zh-CN-x-private",
		"zh", "zh-TW", "zh-Hans", "zh-Hans-CN", "zh-CN\x00"} {
		assert.Equal(t, chinese, c.DescriptionIn(lang), lang)
	}
	for _, lang := range []string{"", "en", "en-US", "fr", "-", "_", "x-zh-CN", "*", "\u212a"} {
		assert.Equal(t, english, c.DescriptionIn(lang), "%q falls back to English", lang)
	}
	for _, code := range closecode.Codes() {
		assert.NotEmpty(t, code.DescriptionIn("zh-CN"), "every standard code has a zh-CN description: %v", code)
		assert.NotEqual(t, code.Description(), code.DescriptionIn("zh-CN"), "%v", code)
	}
	assert.Equal(t, "", closecode.Code(4001).DescriptionIn("zh-CN"))
	langs := closecode.DescriptionLanguages()
	langs[0] = "changed"
	assert.Equal(t, "en", closecode.DescriptionLanguages()[0])
}

// refReconnect is the reconnect advice as the issue that introduced it
// states it from RFC 6455 7.2.3 and the hybi messages IANA cites: named
// codes only; everything else, 4000-4999 included, gets no advice.
var refReconnect = map[int]closecode.Reconnect{
	1000: closecode.ReconnectNever, 1002: closecode.ReconnectNever, 1003: closecode.ReconnectNever,
	1007: closecode.ReconnectNever, 1008: closecode.ReconnectNever, 1009: closecode.ReconnectNever,
	1010: closecode.ReconnectNever, 3003: closecode.ReconnectNever,
	1001: closecode.ReconnectRetry, 1005: closecode.ReconnectRetry, 1006: closecode.ReconnectRetry,
	1011: closecode.ReconnectRetry, 1012: closecode.ReconnectRetry, 1014: closecode.ReconnectRetry,
	3008: closecode.ReconnectRetry,
	3000: closecode.ReconnectReauthenticate,
	1013: closecode.ReconnectUser, 1015: closecode.ReconnectUser,
}

func TestReconnectForEveryCode(t *testing.T) {
	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		want, ok := refReconnect[v]
		if !ok {
			want = closecode.ReconnectUnspecified
		}
		if got := c.Reconnect(); got != want {
			t.Fatalf("code %d: Reconnect() = %v, want %v", v, got, want)
		}
		lo, hi, hinted := c.RetryAfter()
		switch v {
		case 1006:
			require.Equal(t, []any{time.Duration(0), 5 * time.Second, true}, []any{lo, hi, hinted}, "RFC 6455 7.2.3")
		case 1012:
			require.Equal(t, []any{5 * time.Second, 30 * time.Second, true}, []any{lo, hi, hinted}, "hybi, cited by IANA")
		default:
			require.False(t, hinted, "code %d", v)
			require.Zero(t, lo+hi, "code %d", v)
		}
	}
}

func TestReconnectString(t *testing.T) {
	for p, word := range map[closecode.Reconnect]string{
		closecode.ReconnectUnspecified: "unspecified", closecode.ReconnectNever: "never",
		closecode.ReconnectRetry: "retry", closecode.ReconnectReauthenticate: "reauthenticate",
		closecode.ReconnectUser: "user", 99: "Reconnect(99)",
	} {
		assert.Equal(t, word, p.String())
	}
	var zero closecode.Reconnect
	assert.Equal(t, closecode.ReconnectUnspecified, zero, "the zero value makes no claim")
}

// TestTruncateReasonVectors runs the cases that truncateCloseReason runs too,
// and the invalid UTF-8 that only Go strings can hold.
func TestTruncateReasonVectors(t *testing.T) {
	data, err := os.ReadFile("../../testdata/truncate-reason.json")
	require.NoError(t, err)
	var vectors struct {
		MaxBytes int `json:"max_bytes"`
		Cases    []struct {
			Name, Reason, Want string
		}
		ByteCases []struct {
			Name      string
			ReasonHex string `json:"reason_hex"`
			Want      string
		} `json:"byte_cases"`
	}
	require.NoError(t, json.Unmarshal(data, &vectors))
	require.Equal(t, closecode.MaxReasonBytes, vectors.MaxBytes)
	require.NotEmpty(t, vectors.Cases)
	require.NotEmpty(t, vectors.ByteCases)
	for _, tc := range vectors.Cases {
		// encoding/json reads a lone surrogate as U+FFFD already, as the
		// TypeScript side makes it.
		assert.Equal(t, tc.Want, closecode.TruncateReason(tc.Reason), tc.Name)
	}
	for _, tc := range vectors.ByteCases {
		reason, err := hex.DecodeString(tc.ReasonHex)
		require.NoError(t, err, tc.Name)
		assert.Equal(t, tc.Want, closecode.TruncateReason(string(reason)), tc.Name)
	}
}
