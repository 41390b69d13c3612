package registry

import (
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// ReconnectValue is one value of the reconnect field: what a client should
// do after a connection closes with a code.
type ReconnectValue struct {
	Name    string
	Meaning string
}

// ReconnectValues are the values reconnect may take, in the order
// documentation lists them.
var ReconnectValues = []ReconnectValue{
	{"never", "Do not reconnect: a new connection would end the same way."},
	{"retry", "Reconnect after a randomized delay that grows with each failed attempt."},
	{"reauthenticate", "Renew the credentials, then reconnect; stop if they cannot be renewed."},
	{"user", "Do not reconnect unprompted: wait until the user asks, or try another server."},
	{"unspecified", "The registry gives no advice; the application decides."},
}

// Policy is what a registry advises a client to do after a close, and why.
// On a code or a part, an empty Reconnect means its part's or range's
// advice holds; Registry.Policy resolves it.
type Policy struct {
	// Reconnect is the Name of one of ReconnectValues.
	Reconnect          string
	ReconnectReference string
	// RetryAfter is the delay the source asks for, or nil.
	RetryAfter *RetryAfter
}

// RetryAfter is a delay before reconnecting: a random time from Min to Max.
type RetryAfter struct {
	Min, Max time.Duration
}

// Policy returns the advice that holds for v: a named code's own, else that
// of the part holding v, else that of its range; outside every range, the
// registry gives none, which reads as "unspecified". A policy is taken
// whole, so a code that sets reconnect does not inherit a part's delay.
func (r *Registry) Policy(v uint16) Policy {
	i := sort.Search(len(r.Codes), func(i int) bool { return r.Codes[i].Value >= v })
	if i < len(r.Codes) && r.Codes[i].Value == v && r.Codes[i].Reconnect != "" {
		return r.Codes[i].Policy
	}
	rg := r.RangeOf(v)
	if rg == nil {
		return Policy{Reconnect: "unspecified"}
	}
	if p := rg.partOf(v); p != nil && p.Reconnect != "" {
		return p.Policy
	}
	return rg.Policy
}

// policyFields are the fields of a policy; reconnect is required on a range,
// which holds the default for its codes.
func policyFields(required bool) []fieldSpec {
	return []fieldSpec{{"reconnect", required}, {"reconnect_reference", false}, {"retry_after", false}}
}

// decodePolicy reads the policy fields of a code, part or range.
func decodePolicy(c *errorCollector, f fieldSet, what string) Policy {
	var p Policy
	if s, ok := readString(c, f.get("reconnect"), what+" reconnect"); ok {
		if reconnectValue(s) {
			p.Reconnect = s
		} else {
			c.addf(nodePos(f.get("reconnect")), "%s reconnect %q is not a known value; %s",
				what, short(s), didYouMean(s, reconnectNames(), "write one of "))
		}
	}
	p.ReconnectReference, _ = readText(c, f.get("reconnect_reference"), what+" reconnect_reference")
	p.RetryAfter = readRetryAfter(c, f.get("retry_after"), what+" retry_after")
	// The other two fields say where advice comes from and how long to
	// wait; without reconnect on the same entry they qualify nothing.
	if f.get("reconnect") == nil {
		for _, key := range []string{"reconnect_reference", "retry_after"} {
			if k := f.key(key); k != nil {
				c.addf(nodePos(k), "%s has %s but no reconnect; write the reconnect value it goes with", what, key)
			}
		}
	}
	if p.RetryAfter != nil && p.Reconnect != "" && p.Reconnect != "retry" && p.Reconnect != "reauthenticate" {
		c.addf(nodePos(f.key("retry_after")), "%s has retry_after with reconnect %s; a delay goes with retry or reauthenticate only",
			what, p.Reconnect)
	}
	return p
}

func reconnectValue(s string) bool { return slices.Contains(reconnectNames(), s) }

func reconnectNames() []string {
	names := make([]string, len(ReconnectValues))
	for i, v := range ReconnectValues {
		names[i] = v.Name
	}
	return names
}

// readRetryAfter reads a delay written MIN-MAX, such as 5s-30s.
func readRetryAfter(c *errorCollector, n *yaml.Node, what string) *RetryAfter {
	s, ok := readString(c, n, what)
	if !ok {
		return nil
	}
	low, high, _ := strings.Cut(s, "-")
	lo, err1 := time.ParseDuration(low)
	hi, err2 := time.ParseDuration(high)
	switch {
	// ParseDuration reads a sign too, which a delay has no use for: one "-"
	// parts MIN from MAX, and that is all.
	case strings.Count(s, "-") != 1 || strings.Contains(s, "+") || err1 != nil || err2 != nil:
		c.addf(nodePos(n), "%s %q is not a range of delays; write MIN-MAX in Go durations, such as 5s-30s", what, short(s))
	case lo > hi:
		c.addf(nodePos(n), "%s %q ends before it starts; write the shorter delay first, such as 5s-30s", what, short(s))
	default:
		return &RetryAfter{Min: lo, Max: hi}
	}
	return nil
}
