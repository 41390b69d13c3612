package registry

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStandardPolicies holds codes.yaml to the reconnect advice its sources
// give, written out here from them rather than read from the file.
func TestStandardPolicies(t *testing.T) {
	reg, err := Load("../../codes.yaml")
	require.NoError(t, err)
	want := map[string][]uint16{
		"never":          {1000, 1002, 1003, 1007, 1008, 1009, 1010, 3003},
		"retry":          {1001, 1005, 1006, 1011, 1012, 1014, 3008},
		"reauthenticate": {3000},
		"user":           {1013, 1015},
		"unspecified":    {1004, 0, 999, 1016, 1999, 2000, 2999, 3001, 3999, 4000, 4999, 5000, 65535},
	}
	for value, codes := range want {
		for _, v := range codes {
			assert.Equal(t, value, reg.Policy(v).Reconnect, "code %d", v)
		}
	}
	assert.Equal(t, &RetryAfter{0, 5 * time.Second}, reg.Policy(1006).RetryAfter, "RFC 6455, 7.2.3")
	assert.Equal(t, &RetryAfter{5 * time.Second, 30 * time.Second}, reg.Policy(1012).RetryAfter, "hybi message for 1012")
	for _, c := range reg.Codes {
		assert.NotEmpty(t, c.Reconnect, "code %d: codes.yaml gives every code its reconnect value", c.Value)
		assert.NotEmpty(t, c.ReconnectReference, "code %d: codes.yaml cites the source of every reconnect value", c.Value)
		if c.RetryAfter == nil {
			continue
		}
		assert.Contains(t, []uint16{1006, 1012}, c.Value, "only 1006 and 1012 have a delay from their sources")
	}
}

// TestPolicyInheritance: a code without reconnect takes its part's policy,
// a part without one its range's, and a policy is taken whole.
func TestPolicyInheritance(t *testing.T) {
	reg, err := Parse("codes.yaml", []byte(`reason:
  max_bytes: 123
  reference: RFC 6455, 5.5
ranges:
  - name: Private
    label: Private use
    first: 4000
    last: 4999
    description: For applications.
    reference: RFC 6455, 7.4.2
    wire_valid: true
    browser_can_send: true
    reconnect: never
    parts:
      - label: Transient
        first: 4100
        last: 4199
        description: Conditions that pass.
        reference: App spec
        wire_valid: true
        browser_can_send: true
        reconnect: retry
        reconnect_reference: App spec, section 2
        retry_after: 1s-1m30s
      - label: Other
        first: 4200
        last: 4299
        description: Anything else.
        reference: App spec
        wire_valid: true
        browser_can_send: true
codes:
  - code: 4101
    name: Busy
    label: Busy
    description: The server is busy.
    reference: App spec
    wire_valid: true
    browser_can_send: true
  - code: 4102
    name: Gone
    label: Gone
    description: The room is gone.
    reference: App spec
    wire_valid: true
    browser_can_send: true
    reconnect: user
`))
	require.NoError(t, err)
	transient := Policy{Reconnect: "retry", ReconnectReference: "App spec, section 2",
		RetryAfter: &RetryAfter{time.Second, 90 * time.Second}}
	assert.Equal(t, transient, reg.Policy(4101), "a code without reconnect takes its part's")
	assert.Equal(t, transient, reg.Policy(4150), "an unlisted code takes its part's")
	assert.Equal(t, Policy{Reconnect: "user"}, reg.Policy(4102), "a code's own policy is taken whole")
	assert.Equal(t, Policy{Reconnect: "never"}, reg.Policy(4250), "a part without reconnect takes its range's")
	assert.Equal(t, Policy{Reconnect: "never"}, reg.Policy(4000))
	assert.Equal(t, Policy{Reconnect: "unspecified"}, reg.Policy(3000), "outside every range")
	assert.Equal(t, "", reg.Codes[0].Reconnect, "the model keeps what the file says")
}
