// Package explain answers "what is this close code?" for a person: one
// screen with the code's name, label, meaning, range, facts and reference,
// read from a registry.
package explain

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
	"github.com/closecodes/closecodes/internal/spell"
)

// ErrNotACode is returned, after the answer is written, when the query names
// no code: a number outside 0-65535 or an unknown name.
var ErrNotACode = fmt.Errorf("not a close code")

// Explain writes what reg says of the code that query names, in the
// language lang asks for: descriptions and labels from the registry, every
// other text from the message table, English where either has none. The
// registry's language is picked once, as the generated lookups pick it.
//
// query is what the generated Parse reads (a name, an alias, a decimal
// number, or TYPE(N) as Go prints an unnamed code), and more, for people:
// space around it is dropped, a label names its code too, and names and
// labels match ignoring case, spaces, hyphens and underscores, so "going
// away", "going_away" and "GOINGAWAY" all find 1001.
func Explain(w io.Writer, reg *registry.Registry, query, lang string) error {
	t := messages.For(lang)
	lang = registry.MatchLanguage(reg.Languages(), lang)
	query = strings.TrimSpace(query)
	if m := wrappedRE.FindStringSubmatch(query); m != nil {
		query = m[1]
	}
	if number(query) {
		n, err := strconv.ParseUint(query, 10, 16) // a negative or a larger number fails
		if err != nil {
			fmt.Fprintln(w, messages.Fill(t.NotACode, "{n}", query))
			return ErrNotACode
		}
		if c := reg.Named(uint16(n)); c != nil {
			writeCode(w, reg, c, t, lang)
			return nil
		}
		writeUnnamed(w, reg, uint16(n), t, lang)
		return nil
	}
	if c := byName(reg, query); c != nil {
		writeCode(w, reg, c, t, lang)
		return nil
	}
	fmt.Fprintln(w, messages.Fill(t.NoSuchName, "{query}", strconv.Quote(query), "{file}", reg.File))
	if s := suggest(reg, query); len(s) > 0 {
		fmt.Fprintln(w, messages.Fill(t.DidYouMean, "{names}", strings.Join(s, t.Or)))
	}
	fmt.Fprintln(w, messages.Fill(t.AskFor, "{example}", reg.Codes[0].Name))
	return ErrNotACode
}

// wrappedRE matches a number as Go's String prints an unnamed code: Code(4500).
var wrappedRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*\((-?[0-9]+)\)$`)

// number reports whether s is a whole number as close codes are written,
// in decimal digits without a leading zero, or a negative one.
func number(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	return digits != "" && strings.Trim(digits, "0123456789") == "" && (digits[0] != '0' || digits == "0")
}

// byName returns the code that query names, ignoring case, spaces, hyphens
// and underscores, so "going away", "going_away" and "GoingAway" all find 1001.
func byName(reg *registry.Registry, query string) *registry.Code {
	for i, c := range reg.Codes {
		for _, name := range append([]string{c.Name, c.Label}, c.Aliases...) {
			if fold(name) == fold(query) {
				return &reg.Codes[i]
			}
		}
	}
	return nil
}

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// suggest returns the names closest to query, if any are close.
func suggest(reg *registry.Registry, query string) []string {
	var names []string
	for _, c := range reg.Codes {
		names = append(append(names, c.Name), c.Aliases...)
	}
	return spell.Closest(query, names, 4)
}

// printRows writes label and value pairs, the labels padded to one width,
// and the later lines of a value indented under its first.
func printRows(w io.Writer, colon string, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, displayWidth(r[0]+colon)+1)
	}
	for _, r := range rows {
		pad := strings.Repeat(" ", width-displayWidth(r[0]+colon))
		value := strings.ReplaceAll(r[1], "\n", "\n  "+strings.Repeat(" ", width))
		fmt.Fprintf(w, "  %s%s%s%s\n", r[0], colon, pad, value)
	}
}

// displayWidth counts the columns a terminal gives s: two for a wide
// character such as a Chinese one.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 {
			n++
		}
	}
	return n
}

// label turns a column name of the docs into a line label: "Valid on the
// wire" becomes "valid on the wire"; other scripts stay as they are.
func label(s string) string {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// policy describes reconnect advice: the policy, its delay hint and what
// it asks of a client.
func policy(t messages.Text, p registry.Policy) string {
	return messages.Fill(t.Labelled, "{label}", t.PolicyName(p), "{text}", t.PolicyMeaning[p.Reconnect])
}

func writeCode(w io.Writer, reg *registry.Registry, c *registry.Code, t messages.Text, lang string) {
	fmt.Fprintf(w, "%d %s (%q)\n", c.Value, c.Name, c.Label)
	rows := [][2]string{
		{label(t.Meaning), c.Description.In(lang)},
		{label(t.Range), rangeLine(reg, c.Value, t, lang)},
		{label(t.WireValid), t.YesNo(c.WireValid)},
		{label(t.BrowserMaySend), t.YesNo(c.BrowserCanSend)},
		{label(t.Reconnect), policy(t, reg.Policy(c.Value))},
	}
	if src := reg.Policy(c.Value).ReconnectReference; src != "" {
		rows = append(rows, [2]string{label(t.Source), src})
	}
	if c.RuleException.English != "" {
		rows = append(rows, [2]string{label(t.Note), c.RuleException.In(lang)})
	}
	if len(c.Aliases) > 0 {
		rows = append(rows, [2]string{t.Aliases, strings.Join(c.Aliases, ", ")})
	}
	printRows(w, t.Colon, append(rows, [2]string{label(t.Reference), c.Reference}))
}

// writeUnnamed explains a code that reg does not name. Every such code gets
// the same lines, with "none" for the range of one outside every range; a
// registry that extends another learns also when it cannot name the code.
func writeUnnamed(w io.Writer, reg *registry.Registry, v uint16, t messages.Text, lang string) {
	code := strconv.Itoa(int(v))
	if r := reg.RangeOf(v); reg.Extends != "" && (r == nil || !r.Extendable) {
		fmt.Fprintln(w, messages.Fill(t.CannotBeNamed, "{code}", code, "{file}", reg.File,
			"{base}", reg.Extends, "{ranges}", extendable(reg, t, lang)))
	} else {
		fmt.Fprintln(w, messages.Fill(t.NotNamed, "{code}", code, "{file}", reg.File))
	}
	block := reg.BlockOf(v)
	facts, why := registry.Facts{}, t.NoRange
	if block != nil {
		facts, why = block.Facts, messages.Fill(t.ByRule, "{block}", block.Label.In(lang))
	}
	rows := [][2]string{
		{label(t.Range), rangeLine(reg, v, t, lang)},
		{label(t.WireValid), messages.Fill(t.Clause, "{a}", t.YesNo(facts.WireValid), "{b}", why)},
		{label(t.BrowserMaySend), messages.Fill(t.Clause, "{a}", t.YesNo(facts.BrowserCanSend), "{b}", why)},
		{label(t.Reconnect), policy(t, reg.Policy(v))},
	}
	if block != nil {
		rows = append(rows, [2]string{label(t.Reference), block.Reference})
	}
	printRows(w, t.Colon, rows)
}

// extendable lists the ranges open to extending registries, such as
// "3000-3999 (Registered) and 4000-4999 (Private use)".
func extendable(reg *registry.Registry, t messages.Text, lang string) string {
	var spans []string
	for _, r := range reg.Ranges {
		if r.Extendable {
			spans = append(spans, messages.Fill(t.Hint, "{policy}", fmt.Sprintf("%d-%d", r.First, r.Last),
				"{hint}", r.Label.In(lang)))
		}
	}
	return t.List(spans)
}

// rangeLine describes the range, and part, holding v.
func rangeLine(reg *registry.Registry, v uint16, t messages.Text, lang string) string {
	r := reg.RangeOf(v)
	if r == nil {
		return t.None
	}
	line := blockLine(r.Block, t, lang)
	for _, p := range r.Parts {
		if p.Contains(v) {
			line += "\n" + messages.Fill(t.Part, "{block}", blockLine(p.Block, t, lang))
		}
	}
	return line
}

// blockLine describes a range or part: "Protocol (1000-2999): Kept for...".
func blockLine(b registry.Block, t messages.Text, lang string) string {
	name := messages.Fill(t.Hint, "{policy}", b.Label.In(lang),
		"{hint}", fmt.Sprintf("%d-%d", b.First, b.Last))
	return messages.Fill(t.Labelled, "{label}", name, "{text}", b.Description.In(lang))
}
