// Package explain answers "what is this close code?" for a person: one
// screen with the code's name, label, meaning, range, facts and reference,
// read from a registry.
package explain

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/closecodes/closecodes/internal/registry"
	"github.com/closecodes/closecodes/internal/spell"
)

// ErrNotACode is returned, after the answer is written, when the query names
// no code: a number outside 0-65535 or an unknown name.
var ErrNotACode = fmt.Errorf("not a close code")

// Explain writes what reg says of the code that query names, a decimal
// number, a name, an alias or a label (names match ignoring case), with the
// description in language lang ("" or "en" for English).
func Explain(w io.Writer, reg *registry.Registry, query, lang string) error {
	query = strings.TrimSpace(query)
	if n, err := strconv.Atoi(query); err == nil {
		if n < 0 || n > 65535 {
			fmt.Fprintf(w, "%d is not a close code: close codes are whole numbers from 0 to 65535.\n", n)
			return ErrNotACode
		}
		if c := find(reg, func(c *registry.Code) bool { return int(c.Value) == n }); c != nil {
			writeCode(w, reg, c, lang)
			return nil
		}
		writeUnnamed(w, reg, uint16(n))
		return nil
	}
	if c := find(reg, func(c *registry.Code) bool { return matches(c, query) }); c != nil {
		writeCode(w, reg, c, lang)
		return nil
	}
	fmt.Fprintf(w, "No close code is called %q in %s.\n", query, reg.File)
	if s := suggest(reg, query); s != "" {
		fmt.Fprintf(w, "Did you mean %s?\n", s)
	}
	fmt.Fprintf(w, "Ask for a number from 0 to 65535, or a name such as %s.\n", reg.Codes[0].Name)
	return ErrNotACode
}

func find(reg *registry.Registry, match func(*registry.Code) bool) *registry.Code {
	for i := range reg.Codes {
		if match(&reg.Codes[i]) {
			return &reg.Codes[i]
		}
	}
	return nil
}

// matches reports whether query names c, ignoring case, spaces, hyphens and
// underscores, so "going away", "going_away" and "GoingAway" all find 1001.
func matches(c *registry.Code, query string) bool {
	q := fold(query)
	for _, name := range append([]string{c.Name, c.Label}, c.Aliases...) {
		if fold(name) == q {
			return true
		}
	}
	return false
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

// suggest returns the names closest to query, or "".
func suggest(reg *registry.Registry, query string) string {
	var best []string
	bestDist := 4
	for _, c := range reg.Codes {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			d := spell.Distance(strings.ToLower(query), strings.ToLower(name))
			switch {
			case d < bestDist:
				best, bestDist = []string{name}, d
			case d == bestDist:
				best = append(best, name)
			}
		}
	}
	return strings.Join(best, " or ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func writeCode(w io.Writer, reg *registry.Registry, c *registry.Code, lang string) {
	description := registry.InLanguage(c.Description, c.Translations, lang)
	fmt.Fprintf(w, "%d %s (%q)\n", c.Value, c.Name, c.Label)
	fmt.Fprintf(w, "  meaning:           %s\n", description)
	fmt.Fprintf(w, "  range:             %s\n", rangeLine(reg, c.Value))
	fmt.Fprintf(w, "  valid on the wire: %s\n", yesNo(c.WireValid))
	fmt.Fprintf(w, "  browser may send:  %s\n", yesNo(c.BrowserCanSend))
	if c.RuleException != "" {
		fmt.Fprintf(w, "  note:              %s\n", c.RuleException)
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases:           %s\n", strings.Join(c.Aliases, ", "))
	}
	fmt.Fprintf(w, "  reference:         %s\n", c.Reference)
}

// writeUnnamed explains a code that reg does not name. Every such code gets
// the same lines, with "none" for the range of one outside every range; a
// registry that extends another learns also when it cannot name the code.
func writeUnnamed(w io.Writer, reg *registry.Registry, v uint16) {
	fmt.Fprintf(w, "%d is not named in %s", v, reg.File)
	if r := reg.RangeOf(v); reg.Extends != "" && (r == nil || !r.Extendable) {
		fmt.Fprintf(w, ", and cannot be: a registry that extends the %s one adds codes only in %s", reg.Extends, extendable(reg))
	}
	fmt.Fprintf(w, ".\n  range:             %s\n", rangeLine(reg, v))
	rule, block, ok := reg.Rule(v)
	why := "as no range holds it"
	if ok {
		why = fmt.Sprintf("by the rule of %q", block)
	}
	fmt.Fprintf(w, "  valid on the wire: %s, %s\n", yesNo(rule.WireValid), why)
	fmt.Fprintf(w, "  browser may send:  %s, %s\n", yesNo(rule.BrowserCanSend), why)
	if ok {
		fmt.Fprintf(w, "  reference:         %s\n", reg.RangeOf(v).Reference)
	}
}

// extendable lists the ranges open to extending registries, such as
// "3000-3999 (Registered) and 4000-4999 (Private use)".
func extendable(reg *registry.Registry) string {
	var spans []string
	for _, r := range reg.Ranges {
		if r.Extendable {
			spans = append(spans, fmt.Sprintf("%d-%d (%s)", r.First, r.Last, r.Label))
		}
	}
	if len(spans) < 2 {
		return strings.Join(spans, "")
	}
	return strings.Join(spans[:len(spans)-1], ", ") + " and " + spans[len(spans)-1]
}

// rangeLine describes the range, and part, holding v.
func rangeLine(reg *registry.Registry, v uint16) string {
	r := reg.RangeOf(v)
	if r == nil {
		return "none"
	}
	line := fmt.Sprintf("%s, %d-%d: %s", r.Label, r.First, r.Last, r.Description)
	for _, p := range r.Parts {
		if p.Contains(v) {
			line += fmt.Sprintf("\n                     part %s, %d-%d: %s", p.Label, p.First, p.Last, p.Description)
		}
	}
	return line
}
