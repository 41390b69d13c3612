package generator

import (
	"strconv"
	"strings"
	"time"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// ReconnectView is one value of the reconnect policy, with the codes, named
// or not, that the registry gives it.
type ReconnectView struct {
	// Word is the registry's word, such as "retry"; WordText is it as a text.
	Word     string
	WordText Text
	// Const is the Go constant, such as ReconnectRetry, and Value its
	// number; the fallback comes first, as the zero value.
	Const string
	Value int
	// Meaning says in a sentence what a client should do.
	Meaning string
	// Spans are the codes with this policy. The fallback, Unspecified,
	// has none: it is what every code not listed gets.
	Spans []Span
}

// RetryAfterView is a delay hint and the codes it holds for.
type RetryAfterView struct {
	Spans []Span
	// MinGo and MaxGo are Go expressions of type time.Duration, such as
	// "5 * time.Second"; MinMs and MaxMs the same in milliseconds.
	MinGo, MaxGo string
	MinMs, MaxMs int64
}

// buildPolicies lists the reconnect values, the fallback first, with the
// spans of codes that take each, and the delay hints by the codes they
// hold for.
func buildPolicies(reg *registry.Registry) (reconnects []ReconnectView, hints []RetryAfterView) {
	policies := make([]registry.Policy, 0x10000)
	for v := range policies {
		policies[v] = reg.Policy(uint16(v))
	}
	for _, value := range registry.ReconnectValues {
		rv := ReconnectView{
			Word: value, WordText: newText(value), Meaning: messages.For("en").PolicyMeaning[value],
			Const: "Reconnect" + strings.ToUpper(value[:1]) + value[1:],
		}
		if value == registry.Unspecified {
			reconnects = append([]ReconnectView{rv}, reconnects...)
			continue
		}
		rv.Spans = spansOf(func(v int) bool { return policies[v].Reconnect == value })
		reconnects = append(reconnects, rv)
	}
	for i := range reconnects {
		reconnects[i].Value = i
	}
	seen := map[registry.RetryAfter]bool{}
	for _, p := range policies {
		if p.RetryAfter == nil || seen[*p.RetryAfter] {
			continue
		}
		hint := *p.RetryAfter
		seen[hint] = true
		hints = append(hints, RetryAfterView{
			Spans: spansOf(func(v int) bool { return policies[v].RetryAfter != nil && *policies[v].RetryAfter == hint }),
			MinGo: goDuration(hint.Min), MaxGo: goDuration(hint.Max),
			MinMs: hint.Min.Milliseconds(), MaxMs: hint.Max.Milliseconds(),
		})
	}
	return reconnects, hints
}

// goDuration writes d as a Go expression in the largest unit that divides it.
func goDuration(d time.Duration) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}} {
		if d != 0 && d%u.unit == 0 {
			return strconv.FormatInt(int64(d/u.unit), 10) + " * time." + u.name
		}
	}
	return strconv.FormatInt(int64(d), 10)
}

// retryAfterText writes a delay hint as the registry does, such as "5s-30s", or "".
func retryAfterText(r *registry.RetryAfter) string {
	if r == nil {
		return ""
	}
	return r.String()
}
