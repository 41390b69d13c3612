package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

type reconnectPlan struct {
	Chromium string   `json:"chromium"`
	URL      string   `json:"url"`
	Sessions []string `json:"sessions"`
	SettleMs int      `json:"settleMs"`
}

type policyClose struct {
	Code   int    `json:"code"`
	Policy string `json:"policy"`
}

// retryHint is a retryAfter result as the page reports it: minMs and maxMs,
// or nil for undefined.
type retryHint map[string]int

type sessionReport struct {
	Closes []policyClose `json:"closes"`
	Hints  []retryHint   `json:"hints"`
	Tokens []string      `json:"tokens"`
	Ended  policyClose   `json:"ended"`
}

// TestBrowserReconnectsAsThePolicySays runs page/reconnect.js, the
// reconnect loop built on the generated reconnectPolicy and retryAfter, in
// Chromium against the server, which ends each session's connections with
// the codes scripted below. The expected policies and hints are written here
// from the registry's documentation, not read from the generated code.
func TestBrowserReconnectsAsThePolicySays(t *testing.T) {
	node, chromium := requireTools(t)

	srv, base := servePage(t)

	srv.Script("restart", closecode.ServiceRestart)
	srv.Script("dropped", closecode.AbnormalClosure)
	srv.Script("policy", closecode.PolicyViolation)
	srv.Script("auth", closecode.Unauthorized)
	sessions := []string{"restart", "dropped", "policy", "auth"}
	// Waits in the page last 10 ms; a connection the page should not have
	// made reaches the server well within this.
	const settle = 500 * time.Millisecond

	var res struct {
		Browser       string          `json:"browser"`
		Reports       []sessionReport `json:"reports"`
		ConsoleErrors []string        `json:"consoleErrors"`
	}
	runDriver(t, node, "reconnect-driver.mjs", reconnectPlan{
		Chromium: chromium,
		URL:      base + "/reconnect.html",
		Sessions: sessions,
		SettleMs: int(settle / time.Millisecond),
	}, &res)
	require.Len(t, res.Reports, len(sessions))
	assert.Empty(t, res.ConsoleErrors, "the page logged errors")
	report := map[string]sessionReport{}
	for i, name := range sessions {
		report[name] = res.Reports[i]
	}
	// The server ends every connection after a session's script with 1000,
	// whose policy is never: that is where a reconnecting session stops.
	normalEnd := policyClose{Code: 1000, Policy: "never"}

	t.Run("1012 Service Restart: the page waits within 5-30 s and reconnects", func(t *testing.T) {
		r := report["restart"]
		assert.Equal(t, []policyClose{{1012, "retry"}, normalEnd}, r.Closes)
		assert.Equal(t, []retryHint{{"minMs": 5000, "maxMs": 30000}}, r.Hints, "the hint given to wait: retryAfter(1012)")
		assert.Empty(t, r.Tokens)
		assert.Equal(t, []string{"connect token=", "connect token="}, srv.Seen("restart"), "a second connection")
	})

	t.Run("1006 Abnormal Closure: the page waits within 0-5 s and reconnects", func(t *testing.T) {
		r := report["dropped"]
		assert.Equal(t, []policyClose{{1006, "retry"}, normalEnd}, r.Closes)
		assert.Equal(t, []retryHint{{"minMs": 0, "maxMs": 5000}}, r.Hints, "the hint given to wait: retryAfter(1006)")
		assert.Equal(t, []string{"connect token=", "connect token="}, srv.Seen("dropped"), "a second connection")
	})

	t.Run("1008 Policy Violation: the page does not reconnect", func(t *testing.T) {
		r := report["policy"]
		assert.Equal(t, []policyClose{{1008, "never"}}, r.Closes)
		assert.Equal(t, policyClose{1008, "never"}, r.Ended)
		assert.Empty(t, r.Hints, "no wait for a reconnect")
		assert.Equal(t, []string{"connect token="}, srv.Seen("policy"), "no second connection within %v", settle)
	})

	t.Run("3000 Unauthorized: the page fetches a token, then reconnects with it", func(t *testing.T) {
		r := report["auth"]
		assert.Equal(t, []policyClose{{3000, "reauthenticate"}, normalEnd}, r.Closes)
		assert.Equal(t, []string{"auth-1"}, r.Tokens)
		assert.Empty(t, r.Hints, "a refresh, not a wait")
		assert.Equal(t, []string{"connect token=", "token auth-1", "connect token=auth-1"}, srv.Seen("auth"),
			"the token fetched before the second connection, and sent with it")
	})

	for _, name := range []string{"restart", "dropped", "auth"} {
		assert.Equal(t, normalEnd, report[name].Ended, "session %s ends at the server's 1000", name)
	}
}
