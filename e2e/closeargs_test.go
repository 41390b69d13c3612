package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCloseWebSocketReadsArgumentsAsTheBrowser calls WebSocket.close() and
// closeWebSocket with the same plain JavaScript arguments in Chromium:
// closeWebSocket throws exactly where the browser throws, a TypeError where
// the browser's is one and a RangeError for the browser's InvalidAccessError
// and SyntaxError, but for one documented difference: it refuses a code
// that is not a whole number, which the browser rounds first.
func TestCloseWebSocketReadsArgumentsAsTheBrowser(t *testing.T) {
	node, chromium := requireTools(t)
	_, base := servePage(t)

	var res struct {
		Browser string
		Calls   []struct {
			Args, Browser, CloseWebSocket string
			Fraction                      bool
		}
		ConsoleErrors []string
	}
	runDriver(t, node, "closeargs-driver.mjs", map[string]string{
		"chromium": chromium, "url": base + "/index.html",
	}, &res)
	require.GreaterOrEqual(t, len(res.Calls), 200)
	assert.Empty(t, res.ConsoleErrors)
	kinds := map[string]string{"": "", "InvalidAccessError": "RangeError", "SyntaxError": "RangeError", "TypeError": "TypeError"}
	threw, passed := 0, 0
	for _, c := range res.Calls {
		want, known := kinds[c.Browser]
		require.True(t, known, "close(%s) threw %s, which the test does not know", c.Args, c.Browser)
		if c.Fraction && c.Browser == "" {
			assert.Equal(t, "RangeError", c.CloseWebSocket, "closeWebSocket(ws, %s) refuses a fraction", c.Args)
			continue
		}
		assert.Equal(t, want, c.CloseWebSocket, "close(%s) threw %q in %s", c.Args, c.Browser, res.Browser)
		if c.Browser == "" {
			passed++
		} else {
			threw++
		}
	}
	t.Logf("%s: %d argument pairs the browser took, %d it refused", res.Browser, passed, threw)
	assert.Greater(t, passed, 20)
	assert.Greater(t, threw, 100)
}
