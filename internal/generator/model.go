package generator

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// Model is what every template renders: the registry as plain data, computed once. It says nothing
// in any output language; templates format it with the functions of Funcs, so that what the Go,
// TypeScript, Markdown and JSON outputs say is decided here, in one place, where tests can see it.
type Model struct {
	// Source is the registry's file name, for headers: its base name only, so that output does not
	// depend on where gencodes runs, with any character that could end a comment line made '?'.
	Source string
	// GoPackage and GoType name the generated Go package and its code type.
	GoPackage, GoType string
	// Reason is the rule for a Close frame's reason text.
	Reason registry.Reason
	// Codes are the named codes, ascending. A code's slot in the generated tables is its index
	// plus one; slot 0 stands for every code the registry does not name.
	Codes []Code
	// Runs are the named codes as runs of consecutive values, ascending: the generated Go finds a
	// code's slot with a switch over them.
	Runs []Run
	// Ranges are the registry's ranges, ascending, each with its parts.
	Ranges []registry.Range
	// Languages are the tags of the registry's texts, "en" first, and Scripts the script of each
	// where that tells variants of one language apart.
	Languages []string
	Scripts   registry.Scripts
	// WireValid and BrowserCanSend are the codes, named or not, for which each fact holds;
	// Unranged are those outside every range.
	WireValid, BrowserCanSend, Unranged CodeSet
	// Reconnects are the values of the reconnect advice, each with the codes that get it. The
	// first, "unspecified", is what a code without advice gets, so every code is in one set.
	Reconnects []Reconnect
	// Delays are the delays before reconnecting that the registry suggests, each with the codes
	// it holds for.
	Delays []Delay
}

// Code is a named code; the JSON export writes it by the names in its tags.
type Code struct {
	Value int `json:"code"`
	// Name is the Go and TypeScript identifier, such as NormalClosure.
	Name string `json:"name"`
	// Label is IANA's name for the code, such as "Normal Closure", where IANA gives one, or an app's.
	Label string `json:"label"`
	// Aliases are further names that parsing accepts, such as CLOSE_NORMAL.
	Aliases []string `json:"aliases"`
	// DeprecatedNames are the code's former names: deprecated constants and members that parsing
	// accepts too, so that code written against an older registry still compiles.
	DeprecatedNames []string      `json:"deprecated_names"`
	Description     registry.Text `json:"description"`
	Reference       string        `json:"reference"`
	// Facts are the code's, WireValid and BrowserCanSend; RuleException says why they differ from
	// its block's rule, if they do.
	registry.Facts
	RuleException registry.Text `json:"rule_exception"`
	// Policy is the advice that holds for the code: its own, else its block's.
	registry.Policy
	// Slot is the code's index in the generated tables.
	Slot int `json:"-"`
}

// Run is a span of consecutive named codes; Slot is the slot of its first code, and the others
// follow.
type Run struct {
	Span
	Slot int
}

// Reconnect is one value of the reconnect advice and the codes, named or not, that get it.
type Reconnect struct {
	// Word is the registry's word, such as "retry"; Meaning says in an English sentence what it
	// asks of a client.
	Word, Meaning string
	Codes         CodeSet
}

// Delay is a delay before reconnecting, a random time from Min to Max, and the codes it holds for.
type Delay struct {
	registry.RetryAfter
	Codes CodeSet
}

// Span is the codes First to Last, inclusive.
type Span struct{ First, Last int }

// Single reports whether s is one code.
func (s Span) Single() bool { return s.First == s.Last }

// Set is the set of the codes of s.
func (s Span) Set() CodeSet { return CodeSet{s} }

// String writes s for people: "1000" or "1000-1003".
func (s Span) String() string {
	if s.Single() {
		return strconv.Itoa(s.First)
	}
	return strconv.Itoa(s.First) + "-" + strconv.Itoa(s.Last)
}

// CodeSet is a set of codes as the fewest spans, ascending.
type CodeSet []Span

// Add returns s with p, which starts after s ends, joined to s's last span where the two meet.
func (s CodeSet) Add(p Span) CodeSet {
	if n := len(s); n > 0 && s[n-1].Last == p.First-1 {
		s[n-1].Last = p.Last
		return s
	}
	return append(s, p)
}

// String lists the spans for people in English: "1000-1003, 1007-1014 and 3000-4999", or "none".
func (s CodeSet) String() string { return s.In(messages.For("en")) }

// In lists the spans for people in the language of t.
func (s CodeSet) In(t messages.Text) string {
	if len(s) == 0 {
		return t.None
	}
	words := make([]string, len(s))
	for i, span := range s {
		words[i] = span.String()
	}
	return t.List(words)
}

// buildModel computes the view model of reg.
func buildModel(reg *registry.Registry, cfg Config) *Model {
	m := &Model{
		Source: printableSource(reg.File), GoPackage: cfg.GoPackage, GoType: cfg.GoType,
		Reason: reg.Reason, Ranges: reg.Ranges, Languages: reg.Languages(),
	}
	m.Scripts = registry.ScriptsOf(m.Languages)
	for i, c := range reg.Codes {
		m.Codes = append(m.Codes, Code{Value: int(c.Value), Name: c.Name, Label: c.Label, Aliases: append([]string{}, c.Aliases...),
			DeprecatedNames: append([]string{}, c.DeprecatedNames...), Description: c.Description, Reference: c.Reference,
			Facts: c.Facts, RuleException: c.RuleException, Policy: reg.Policy(c.Value), Slot: i + 1})
		if n := len(m.Runs); n > 0 && m.Runs[n-1].Last == int(c.Value)-1 {
			m.Runs[n-1].Last++
		} else {
			m.Runs = append(m.Runs, Run{Span{int(c.Value), int(c.Value)}, i + 1})
		}
	}
	pieces := Pieces(reg)
	m.WireValid = setOf(pieces, func(v uint16) bool { return reg.Facts(v).WireValid })
	m.BrowserCanSend = setOf(pieces, func(v uint16) bool { return reg.Facts(v).BrowserCanSend })
	m.Unranged = setOf(pieces, func(v uint16) bool { return reg.RangeOf(v) == nil })
	for _, word := range registry.ReconnectValues {
		m.Reconnects = append(m.Reconnects, Reconnect{
			Word: word, Meaning: messages.For("en").PolicyMeaning[word],
			Codes: setOf(pieces, func(v uint16) bool { return reg.Policy(v).Reconnect == word }),
		})
	}
	for _, p := range pieces {
		if d := reg.Policy(uint16(p.First)).RetryAfter; d != nil &&
			!slices.ContainsFunc(m.Delays, func(e Delay) bool { return e.RetryAfter == *d }) {
			m.Delays = append(m.Delays, Delay{*d, setOf(pieces, func(v uint16) bool {
				r := reg.Policy(v).RetryAfter
				return r != nil && *r == *d
			})})
		}
	}
	return m
}

// Pieces splits the codes 0-65535 at every edge of regs: the bounds of their ranges and parts, and
// their named codes. Within a piece, every code has the same facts and advice in each registry, so a
// set of codes is found by asking one code of each piece rather than all 65,536.
func Pieces(regs ...*registry.Registry) []Span {
	edges := []int{0, 0x10000}
	for _, reg := range regs {
		for _, r := range reg.Ranges {
			edges = append(edges, int(r.First), int(r.Last)+1)
			for _, p := range r.Parts {
				edges = append(edges, int(p.First), int(p.Last)+1)
			}
		}
		for _, c := range reg.Codes {
			edges = append(edges, int(c.Value), int(c.Value)+1)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	pieces := make([]Span, len(edges)-1)
	for i := range pieces {
		pieces[i] = Span{edges[i], edges[i+1] - 1}
	}
	return pieces
}

// setOf returns the codes of the pieces whose first code has the property in.
func setOf(pieces []Span, in func(v uint16) bool) CodeSet {
	var set CodeSet
	for _, p := range pieces {
		if in(uint16(p.First)) {
			set = set.Add(p)
		}
	}
	return set
}

// Example is the first named code, for examples in documentation.
func (m *Model) Example() Code { return m.Codes[0] }

// Notice is the line that marks a file as gencodes' output, for outputs that have no comments,
// such as JSON.
func (m *Model) Notice() string {
	return "Code generated by gencodes from " + m.Source + "; DO NOT EDIT."
}

// ReconnectWords are the words of the reconnect advice, in the order of Reconnects.
func (m *Model) ReconnectWords() []string { return slices.Clone(registry.ReconnectValues) }

// printableSource is the registry's file name as headers show it.
func printableSource(path string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return '?'
		}
		return r
	}, filepath.Base(path))
}
