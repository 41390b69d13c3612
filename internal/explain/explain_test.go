package explain

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/registry"
)

func explain(t *testing.T, reg *registry.Registry, query, lang string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := Explain(&out, reg, query, lang)
	return out.String(), err
}

func standard(t *testing.T) *registry.Registry {
	t.Helper()
	reg, err := registry.Standard()
	require.NoError(t, err)
	return reg
}

// TestExplainReadsWhatParseReads: every text the generated Parse reads
// names the same code in explain, and more besides: labels, any case,
// spaces, hyphens and underscores, space around the query.
func TestExplainReadsWhatParseReads(t *testing.T) {
	reg := standard(t)
	data, err := os.ReadFile("../../generated/testdata/parse.json")
	require.NoError(t, err)
	var vectors struct {
		Cases []struct {
			Text string
			Want *int
		}
	}
	require.NoError(t, json.Unmarshal(data, &vectors))
	for _, tc := range vectors.Cases {
		if tc.Want == nil {
			continue
		}
		out, err := explain(t, reg, tc.Text, "en")
		require.NoError(t, err, tc.Text)
		assert.True(t, strings.HasPrefix(out, strconv.Itoa(*tc.Want)+" "), "%q gives %q", tc.Text, out)
	}
	for query, want := range map[string]string{
		"  1006 ": "1006 AbnormalClosure", "going away": "1001 GoingAway", "GOING_AWAY": "1001 GoingAway",
		"Going-Away": "1001 GoingAway", "close_abnormal": "1006 AbnormalClosure", "normal closure": "1000 NormalClosure",
		"Code(1006)": "1006 AbnormalClosure", "ChatCode(4001)": "4001 is not named",
	} {
		out, err := explain(t, reg, query, "en")
		require.NoError(t, err, query)
		assert.True(t, strings.HasPrefix(out, want), "%q gives %q", query, out)
	}
}

// TestExplainPrefersWhatParseReads: where an app's alias or label folds to a
// standard name or label, explain names the code Parse names for the exact
// text, and the code whose label the query is, in any case, before a code
// the query only folds to.
func TestExplainPrefersWhatParseReads(t *testing.T) {
	reg, err := registry.Parse("app.yaml", []byte("extends: standard\ncodes:\n"+
		"  - {code: 4010, name: SlowClient, aliases: [GOING_AWAY], label: Slow client, description: Too slow., "+
		"reference: Chat protocol, wire_valid: true, browser_can_send: true}\n"+
		"  - {code: 4011, name: IdleTimeout, label: Time out, description: Idle for too long., "+
		"reference: Chat protocol, wire_valid: true, browser_can_send: true}\n"))
	require.NoError(t, err)
	for query, want := range map[string]string{
		"GOING_AWAY": "4010 SlowClient", "going away": "1001 GoingAway", "GoingAway": "1001 GoingAway",
		"time out": "4011 IdleTimeout", "Time out": "4011 IdleTimeout", "timeout": "3008 Timeout",
	} {
		out, err := explain(t, reg, query, "en")
		require.NoError(t, err, query)
		assert.True(t, strings.HasPrefix(out, want+" "), "%q gives %q", query, out)
	}
}

// TestExplainReadsFormerNames: a code renamed with its former names kept
// is found by them, as Parse finds it, shows them, and suggests them.
func TestExplainReadsFormerNames(t *testing.T) {
	reg, err := registry.Parse("app.yaml", []byte("extends: standard\ncodes:\n  - {code: 4001, name: SessionExpired, "+
		"deprecated_names: [SessionTimedOut], label: Session expired, description: The session ran out., "+
		"reference: Chat protocol, wire_valid: true, browser_can_send: true}\n"))
	require.NoError(t, err)
	for _, query := range []string{"SessionTimedOut", "session timed out"} {
		out, err := explain(t, reg, query, "en")
		require.NoError(t, err, query)
		assert.True(t, strings.HasPrefix(out, "4001 SessionExpired "), "%q gives %q", query, out)
		assert.Contains(t, out, "\n  former names:      SessionTimedOut\n", query)
	}
	out, err := explain(t, reg, "SessionTimedOu", "en")
	assert.ErrorIs(t, err, ErrNotACode)
	assert.Contains(t, out, "Did you mean SessionTimedOut?")
}

// TestExplainRefusesWhatNamesNoCode: a number outside 0-65535 or a name no
// code has is told apart, with the nearest names, and ErrNotACode.
func TestExplainRefusesWhatNamesNoCode(t *testing.T) {
	reg := standard(t)
	for query, want := range map[string]string{
		"65536":        "65536 is not a close code: close codes are whole numbers from 0 to 65535",
		"-1":           "-1 is not a close code",
		"Code(70000)":  "70000 is not a close code",
		"01000":        `No close code is called "01000"`,
		"NormalClosur": "Did you mean NormalClosure?",
		"teapot":       `No close code is called "teapot"`,
	} {
		out, err := explain(t, reg, query, "en")
		assert.ErrorIs(t, err, ErrNotACode, query)
		assert.Contains(t, out, want, query)
	}
}

// TestExplainSpeaksTheRequestedLanguage: the meaning and the fixed texts in
// the language asked for, English where either has none.
func TestExplainSpeaksTheRequestedLanguage(t *testing.T) {
	reg := standard(t)
	out, err := explain(t, reg, "1001", "zh-CN")
	require.NoError(t, err)
	assert.Contains(t, out, "含义：           端点即将离开")
	out, err = explain(t, reg, "1001", "fr")
	require.NoError(t, err)
	assert.Contains(t, out, "meaning:           The endpoint is leaving")
	// Traditional Chinese: no text in it, and no Simplified text either.
	out, err = explain(t, reg, "1001", "zh-TW")
	require.NoError(t, err)
	assert.Contains(t, out, "meaning:           端点即将离开", "the registry's only Chinese, by primary language")
}
