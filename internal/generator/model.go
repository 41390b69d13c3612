package generator

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// Model is the view model every template renders: all names, tables and
// escaped strings, computed once from a registry. Templates print its fields
// and make no decisions of their own, so that what the Go and TypeScript
// outputs say is decided here, in one place, where tests can see it.
type Model struct {
	// Source is the registry's file name, for file headers. It is the base
	// name only, so that output does not depend on the directory gencodes
	// runs from.
	Source string
	// SourceText is Source as a text, for outputs that escape it, such as
	// Markdown, where a file name could otherwise become a link or HTML.
	SourceText Text
	// Notice is the line that marks a file as gencodes' output, for
	// outputs that have no comments, such as JSON.
	Notice Text
	// GoPackage and GoType name the generated Go package and code type.
	GoPackage string
	GoType    string

	// Codes are the named codes, ascending; a code's position in Codes,
	// plus one, is its slot in the generated tables (slot 0: unnamed).
	// Slots is the length of those tables.
	Codes []CodeView
	Slots int
	// Example is the first code, for examples in documentation.
	Example CodeView
	// Runs are the named codes as runs of consecutive values, ascending, each
	// with the slot of its first code: the generated Go finds a code's slot
	// with a switch over them.
	Runs   []Run
	Ranges []RangeView
	// Languages are the description languages, English first.
	Languages []LanguageView
	// Aliases are the further names that parsing accepts, in registry order.
	Aliases []AliasView
	Reason  ReasonView

	// WireValid and BrowserCanSend are the codes, named or not, for which
	// each fact holds, as spans; the generated checks are a switch over them.
	WireValid      Facts
	BrowserCanSend Facts
	// BrowserSendable are the named codes a browser may send.
	BrowserSendable []CodeView

	// Reconnects are the values of the reconnect policy, the fallback
	// ("unspecified") first; Fallback is that one.
	Reconnects []ReconnectView
	Fallback   ReconnectView
	// RetryAfters are the delay hints, each with the codes it holds for.
	RetryAfters []RetryAfterView
}

// Text is one registry text ready for every output.
type Text struct {
	// Raw is the text as the registry holds it.
	Raw string
	// Go is a Go string literal.
	Go string
	// TS is a double-quoted string literal that reads back the same in
	// TypeScript, JavaScript, JSON and Python.
	TS string
	// MD is the text escaped for Markdown and HTML, safe inside a table cell.
	MD string
	// Doc is the text made safe inside a /** */ comment.
	Doc string
}

func newText(s string) Text {
	return Text{Raw: s, Go: strconv.Quote(s), TS: jsString(s), MD: markdownText(s), Doc: jsDocText(s)}
}

// CodeView is one named code, with its texts ready for each output.
type CodeView struct {
	Value int
	// Name is the Go and TypeScript identifier; NameText is it as a text.
	Name        string
	NameText    Text
	Label       Text
	Description Text
	Reference   Text
	// RuleException says why the code's facts differ from its range's.
	RuleException Text
	// JSDocLines is the description wrapped for a comment and made safe
	// inside /** */.
	JSDocLines []string
	Facts      registry.Facts
	// Descriptions are the code's description in each language that has
	// one, English first.
	Descriptions []Translation
	// Aliases are the further names that parsing accepts for the code.
	Aliases []Text
	// Reconnect is the code's reconnect policy, such as "retry", and
	// RetryAfter its delay hint, or nil.
	Reconnect  string
	RetryAfter *RetryAfterView
	// ReconnectReference is the source of the reconnect advice, when it is
	// not Reference.
	ReconnectReference Text
}

// Translation is a text in one language, whose tag is Tag.
type Translation struct{ Tag, Text Text }

// Span is the codes First to Last; Single says it is one code.
type Span struct {
	First, Last int
	Single      bool
}

// Run is a span of consecutive named codes; FirstSlot is the slot of its
// first code, and the others follow.
type Run struct {
	Span
	FirstSlot int
}

// Facts describes the set of codes for which a fact holds.
type Facts struct {
	// Spans are the codes, ascending, merged into the fewest spans.
	Spans []Span
	// Text lists the spans for people: "1000-1003, 1007-1014 and 3000-4999".
	Text string
}

// RangeView is one range of the registry.
type RangeView struct {
	Name     string
	NameText Text
	BlockView
	Parts []BlockView
}

// BlockView is a range or a part of one.
type BlockView struct {
	First, Last                   int
	Label, Description, Reference Text
	// Facts and Reconnect hold for the codes in it that are not named.
	Facts     registry.Facts
	Reconnect string
}

// LanguageView is one language of the registry's descriptions.
type LanguageView struct {
	// Tag is the BCP 47 tag, such as "zh-CN"; TagText is it as a text.
	Tag     string
	TagText Text
	// Descriptions holds each code's description in this language, in
	// code order; a code without one has the empty text, and lookups fall
	// back to English.
	Descriptions []Text
}

// AliasView is one alias that parsing accepts, such as CLOSE_NORMAL.
type AliasView struct {
	Alias Text
	// Const is the Go constant and TypeScript member of the code it names.
	Const string
	Value int
}

// ReasonView describes the Close frame's reason text.
type ReasonView struct {
	MaxBytes  int
	Reference Text
}

// docWidth is the width to which comments are wrapped, leaving room for
// the indentation and comment marker within 100 columns.
const docWidth = 94

// buildModel computes the view model of reg.
func buildModel(reg *registry.Registry, opts Config) *Model {
	m := &Model{
		Source:     printableSource(reg.File),
		SourceText: newText(printableSource(reg.File)),
		Notice:     newText("Code generated by gencodes from " + printableSource(reg.File) + "; DO NOT EDIT."),
		GoPackage:  opts.GoPackage,
		GoType:     opts.GoType,
		Reason:     ReasonView{MaxBytes: reg.Reason.MaxBytes, Reference: newText(reg.Reason.Reference)},
	}
	for _, c := range reg.Codes {
		m.Codes = append(m.Codes, codeView(reg, c))
		for _, alias := range c.Aliases {
			m.Aliases = append(m.Aliases, AliasView{Alias: newText(alias), Const: c.Name, Value: int(c.Value)})
		}
	}
	m.Example, m.Slots = m.Codes[0], len(m.Codes)+1
	slot := 1
	for _, s := range spansOf(func(v int) bool { return reg.Named(uint16(v)) != nil }) {
		m.Runs = append(m.Runs, Run{s, slot})
		slot += s.Last - s.First + 1
	}
	for _, c := range m.Codes {
		if c.Facts.BrowserCanSend {
			m.BrowserSendable = append(m.BrowserSendable, c)
		}
	}
	for _, r := range reg.Ranges {
		rv := RangeView{Name: r.Name, NameText: newText(r.Name), BlockView: blockView(r.Block)}
		for _, p := range r.Parts {
			rv.Parts = append(rv.Parts, blockView(p.Block))
		}
		m.Ranges = append(m.Ranges, rv)
	}
	for _, tag := range reg.Languages() {
		lv := LanguageView{Tag: tag, TagText: newText(tag)}
		for i, c := range reg.Codes {
			text := c.Description
			if tag != "en" {
				text = c.Translations[tag]
			}
			lv.Descriptions = append(lv.Descriptions, newText(text))
			if text != "" {
				m.Codes[i].Descriptions = append(m.Codes[i].Descriptions, Translation{lv.TagText, newText(text)})
			}
		}
		m.Languages = append(m.Languages, lv)
	}
	m.Reconnects, m.RetryAfters = buildPolicies(reg)
	m.Fallback = m.Reconnects[0]
	m.WireValid = factSpans(func(v int) bool { return reg.Facts(uint16(v)).WireValid })
	m.BrowserCanSend = factSpans(func(v int) bool { return reg.Facts(uint16(v)).BrowserCanSend })
	return m
}

// factSpans merges the codes for which holds is true into spans.
func factSpans(holds func(v int) bool) Facts {
	spans := spansOf(holds)
	words := spanWords(spans)
	if len(words) == 0 {
		words = []string{messages.For("en").None}
	}
	return Facts{Spans: spans, Text: messages.For("en").List(words)}
}

// spanWords writes each span for people, such as "3000-4999".
func spanWords(spans []Span) []string {
	words := make([]string, len(spans))
	for i, s := range spans {
		words[i] = s.String()
	}
	return words
}

// spansOf returns the codes from 0 to 65535 for which in is true, as spans.
func spansOf(in func(v int) bool) []Span {
	var spans []Span
	for v := 0; v <= 0xffff; v++ {
		if !in(v) {
			continue
		}
		if n := len(spans); n > 0 && spans[n-1].Last == v-1 {
			spans[n-1].Last, spans[n-1].Single = v, false
		} else {
			spans = append(spans, Span{First: v, Last: v, Single: true})
		}
	}
	return spans
}

func (s Span) String() string {
	if s.Single {
		return strconv.Itoa(s.First)
	}
	return strconv.Itoa(s.First) + "-" + strconv.Itoa(s.Last)
}

// printableSource is the registry's file name as headers show it, with any
// character that could end a comment line replaced by '?'.
func printableSource(path string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return '?'
		}
		return r
	}, filepath.Base(path))
}

func codeView(reg *registry.Registry, c registry.Code) CodeView {
	policy := reg.Policy(c.Value)
	var jsdoc []string
	for _, line := range wrap(c.Description, docWidth) {
		jsdoc = append(jsdoc, jsDocText(line))
	}
	var aliases []Text
	for _, alias := range c.Aliases {
		aliases = append(aliases, newText(alias))
	}
	return CodeView{
		Value: int(c.Value), Name: c.Name, NameText: newText(c.Name),
		Label: newText(c.Label), Description: newText(c.Description), Reference: newText(c.Reference),
		RuleException: newText(c.RuleException), JSDocLines: jsdoc, Facts: c.Facts, Aliases: aliases,
		Reconnect: policy.Reconnect, RetryAfter: retryAfterView(policy.RetryAfter),
		ReconnectReference: newText(policy.ReconnectReference),
	}
}

func blockView(b registry.Block) BlockView {
	return BlockView{
		First: int(b.First), Last: int(b.Last), Label: newText(b.Label), Description: newText(b.Description),
		Reference: newText(b.Reference), Facts: b.Facts, Reconnect: b.Reconnect,
	}
}

// wrap breaks text into lines of at most width bytes at spaces; a word
// longer than width gets a line of its own.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
