package generator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/registry"
)

// TestSetOf: pieces split at every edge give the same sets as asking each
// of the 65,536 codes, merged into the fewest spans.
func TestSetOf(t *testing.T) {
	in := func(v uint16) bool { return (1000 <= v && v <= 1003) || v == 1007 || (3000 <= v && v <= 4999) }
	pieces := []Span{{0, 999}, {1000, 1003}, {1004, 1006}, {1007, 1007}, {1008, 2999}, {3000, 3999}, {4000, 4999}, {5000, 65535}}
	assert.Equal(t, CodeSet{{1000, 1003}, {1007, 1007}, {3000, 4999}}, setOf(pieces, in))
	assert.Equal(t, "1000-1003, 1007 and 3000-4999", setOf(pieces, in).String())
	assert.Equal(t, "0-65535", setOf(pieces, func(uint16) bool { return true }).String())
	assert.Equal(t, "none", setOf(pieces, func(uint16) bool { return false }).String())
	assert.Equal(t, CodeSet{{65535, 65535}}, setOf([]Span{{0, 65534}, {65535, 65535}}, func(v uint16) bool { return v == 65535 }))

	for _, path := range []string{"../../codes.yaml", "testdata/golden/registry.yaml", "../../examples/registries/chat.yaml"} {
		reg := loadRegistry(t, path)
		m := buildModel(reg, testConfig())
		for v := 0; v <= 0xffff; v++ {
			facts, policy := reg.Facts(uint16(v)), reg.Policy(uint16(v))
			require.Equal(t, facts.WireValid, m.WireValid.contains(v), "%s: wire_valid of %d", path, v)
			require.Equal(t, facts.BrowserCanSend, m.BrowserCanSend.contains(v), "%s: browser_can_send of %d", path, v)
			require.Equal(t, reg.RangeOf(uint16(v)) == nil, m.Unranged.contains(v), "%s: unranged %d", path, v)
			var words []string
			for _, r := range m.Reconnects {
				if r.Codes.contains(v) {
					words = append(words, r.Word)
				}
			}
			require.Equal(t, []string{policy.Reconnect}, words, "%s: reconnect of %d is in one set", path, v)
			var delays []registry.RetryAfter
			for _, d := range m.Delays {
				if d.Codes.contains(v) {
					delays = append(delays, d.RetryAfter)
				}
			}
			if policy.RetryAfter == nil {
				require.Empty(t, delays, "%s: no delay for %d", path, v)
			} else {
				require.Equal(t, []registry.RetryAfter{*policy.RetryAfter}, delays, "%s: delay of %d", path, v)
			}
		}
	}
}

func (s CodeSet) contains(v int) bool {
	for _, span := range s {
		if span.First <= v && v <= span.Last {
			return true
		}
	}
	return false
}
