package e2e

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// truncatePlan is what truncate-driver.mjs reads: the vectors as the JSON
// file's text, and how many random strings to make from which seed.
type truncatePlan struct {
	Chromium string `json:"chromium"`
	URL      string `json:"url"`
	Vectors  string `json:"vectors"`
	Random   int    `json:"random"`
	Seed     int    `json:"seed"`
}

// TestTruncatedReasonsNeverThrow runs ws.close(1000, truncateCloseReason(s))
// in Chromium, for every vector of generated/testdata/truncate-reason.json
// and for 10,000 random strings with characters of every UTF-8 width and
// lone surrogates: the browser must never throw, and each truncated reason
// must fit a Close frame and equal the vector's want.
func TestTruncatedReasonsNeverThrow(t *testing.T) {
	node, chromium := requireTools(t)
	vectors, err := os.ReadFile("../generated/testdata/truncate-reason.json")
	require.NoError(t, err)

	_, base := servePage(t)

	const random = 10000
	var res struct {
		Browser        string   `json:"browser"`
		Vectors        int      `json:"vectors"`
		Random         int      `json:"random"`
		Threw          []string `json:"threw"`
		Wrong          []string `json:"wrong"`
		OverLimit      int      `json:"overLimit"`
		LoneSurrogates int      `json:"loneSurrogates"`
		ConsoleErrors  []string `json:"consoleErrors"`
	}
	runDriver(t, node, "truncate-driver.mjs", truncatePlan{
		Chromium: chromium,
		URL:      base + "/index.html",
		Vectors:  string(vectors),
		Random:   random,
		Seed:     20261207,
	}, &res)
	t.Logf("browser %s: %d vectors, %d random strings, %d of them over the limit, %d with lone surrogates",
		res.Browser, res.Vectors, res.Random, res.OverLimit, res.LoneSurrogates)

	assert.Empty(t, res.Threw, "close(1000, truncateCloseReason(s)) threw")
	assert.Empty(t, res.Wrong, "truncated reasons over the limit, or not the vector's want")
	assert.Empty(t, res.ConsoleErrors, "the page logged errors")
	assert.GreaterOrEqual(t, res.Vectors, 30, "the vectors of truncate-reason.json, cases and byte cases")
	assert.Equal(t, random, res.Random)
	// The strings must exercise the cut: many longer than a Close frame
	// carries, and many with a lone surrogate, which the browser sends as
	// U+FFFD.
	assert.Greater(t, res.OverLimit, random/4, "random strings over the limit")
	assert.Greater(t, res.LoneSurrogates, random/4, "random strings with lone surrogates")
}
