// Package explain answers "what is this close code?" for a person: one
// screen with the code's name, label, meaning, range, facts and reference,
// read from a registry.
package explain

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
	if numberRE.MatchString(query) {
		n, err := strconv.ParseUint(query, 10, 16) // a negative or a larger number fails
		if err != nil {
			fmt.Fprintln(w, messages.Fill(t.NotACode, "{n}", query))
			return ErrNotACode
		}
		write(w, reg, uint16(n), t, lang)
		return nil
	}
	isQuery := func(name string) bool { return fold(name) == fold(query) }
	// What Parse reads comes first, so that explain never names another code than Parse does, then
	// a label in any case, then what a person may have meant.
	for _, matches := range []func(registry.Code) bool{
		func(c registry.Code) bool { return slices.Contains(c.Names(), query) },
		func(c registry.Code) bool { return strings.EqualFold(c.Label, query) },
		func(c registry.Code) bool { return slices.ContainsFunc(append(c.Names(), c.Label), isQuery) },
	} {
		if i := slices.IndexFunc(reg.Codes, matches); i >= 0 {
			write(w, reg, reg.Codes[i].Value, t, lang)
			return nil
		}
	}
	var names []string // those a suggestion may give: names, former names and aliases, not labels
	for _, c := range reg.Codes {
		names = append(names, c.Names()...)
	}
	fmt.Fprintln(w, messages.Fill(t.NoSuchName, "{query}", strconv.Quote(query), "{file}", reg.File))
	if s := spell.Closest(query, names, 4); len(s) > 0 {
		fmt.Fprintln(w, messages.Fill(t.DidYouMean, "{names}", strings.Join(s, t.Or)))
	}
	fmt.Fprintln(w, messages.Fill(t.AskFor, "{example}", reg.Codes[0].Name))
	return ErrNotACode
}

var (
	// wrappedRE matches a number as Go's String prints an unnamed code: Code(4500).
	wrappedRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*\((-?[0-9]+)\)$`)
	// numberRE matches a whole number as close codes are written, in decimal
	// digits without a leading zero, or a negative one.
	numberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)
)

// fold drops what a name may differ in, for people, and still name the same
// code: case, spaces, hyphens and underscores.
func fold(s string) string { return strings.ToLower(separators.Replace(s)) }

var separators = strings.NewReplacer(" ", "", "-", "", "_", "")

// printRows writes label and value pairs, the labels as lines label them and
// padded to one width, and the later lines of a value indented under its first.
func printRows(w io.Writer, colon string, rows [][2]string) {
	width := 0
	for i, r := range rows {
		rows[i][0] = label(r[0]) + colon
		width = max(width, displayWidth(rows[i][0])+1)
	}
	for _, r := range rows {
		pad := strings.Repeat(" ", width-displayWidth(r[0]))
		fmt.Fprintf(w, "  %s%s%s\n", r[0], pad, strings.ReplaceAll(r[1], "\n", "\n  "+strings.Repeat(" ", width)))
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

// write explains code v. A code reg names has facts and advice of its own;
// any other has those of the block holding it, by its rule, and "none" for
// its range when no range holds it. A registry that extends another says
// also when it cannot name the code.
func write(w io.Writer, reg *registry.Registry, v uint16, t messages.Text, lang string) {
	c, r, block := reg.Named(v), reg.RangeOf(v), reg.BlockOf(v)
	p, facts := reg.Policy(v), reg.Facts(v)
	var rows [][2]string
	add := func(label, value string) { rows = append(rows, [2]string{label, value}) }
	fact := t.YesNo
	switch {
	case c != nil:
		fmt.Fprintf(w, "%d %s (%q)\n", c.Value, c.Name, c.Label)
		add(t.Meaning, c.Description.In(lang))
	case reg.Extends != "" && (r == nil || !r.Extendable):
		fmt.Fprintln(w, messages.Fill(t.CannotBeNamed, "{code}", strconv.Itoa(int(v)), "{file}", reg.File,
			"{base}", reg.Extends, "{ranges}", extendable(reg, t, lang)))
	default:
		fmt.Fprintln(w, messages.Fill(t.NotNamed, "{code}", strconv.Itoa(int(v)), "{file}", reg.File))
	}
	if c == nil {
		why := t.NoRange
		if block != nil {
			why = messages.Fill(t.ByRule, "{block}", block.Label.In(lang))
		}
		fact = func(b bool) string { return messages.Fill(t.Clause, "{a}", t.YesNo(b), "{b}", why) }
	}
	rangeText := t.None // the range, and the part, holding v
	if r != nil {
		rangeText = blockLine(r.Block, t, lang)
		if block != &r.Block {
			rangeText += "\n" + messages.Fill(t.Part, "{block}", blockLine(*block, t, lang))
		}
	}
	add(t.Range, rangeText)
	add(t.WireValid, fact(facts.WireValid))
	add(t.BrowserMaySend, fact(facts.BrowserCanSend))
	add(t.Reconnect, messages.Fill(t.Labelled, "{label}", t.PolicyName(p), "{text}", t.PolicyMeaning[p.Reconnect]))
	switch {
	case c != nil:
		if p.ReconnectReference != "" {
			add(t.Source, p.ReconnectReference)
		}
		if c.RuleException.English != "" {
			add(t.Note, c.RuleException.In(lang))
		}
		if len(c.DeprecatedNames) > 0 {
			add(t.FormerNames, strings.Join(c.DeprecatedNames, ", "))
		}
		if len(c.Aliases) > 0 {
			add(t.Aliases, strings.Join(c.Aliases, ", "))
		}
		add(t.Reference, c.Reference)
	case block != nil:
		add(t.Reference, block.Reference)
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

// blockLine describes a range or part: "Protocol (1000-2999): Kept for...".
func blockLine(b registry.Block, t messages.Text, lang string) string {
	name := messages.Fill(t.Hint, "{policy}", b.Label.In(lang),
		"{hint}", fmt.Sprintf("%d-%d", b.First, b.Last))
	return messages.Fill(t.Labelled, "{label}", name, "{text}", b.Description.In(lang))
}
