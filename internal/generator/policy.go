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

// RetryAfterView is a delay hint and, in Model.RetryAfters, the codes it
// holds for.
type RetryAfterView struct {
	Spans []Span
	// Text is the hint as the registry writes it, such as "5s-30s".
	Text string
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
		view := retryAfterView(&hint)
		view.Spans = spansOf(func(v int) bool { return policies[v].RetryAfter != nil && *policies[v].RetryAfter == hint })
		hints = append(hints, *view)
	}
	return reconnects, hints
}

// retryAfterView is a delay hint ready for each output, or nil for none.
func retryAfterView(r *registry.RetryAfter) *RetryAfterView {
	if r == nil {
		return nil
	}
	return &RetryAfterView{Text: r.String(), MinGo: goDuration(r.Min), MaxGo: goDuration(r.Max),
		MinMs: r.Min.Milliseconds(), MaxMs: r.Max.Milliseconds()}
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
