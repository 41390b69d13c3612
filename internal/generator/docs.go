package generator

import (
	"fmt"

	"github.com/closecodes/closecodes/internal/registry"
)

// DocsView is the view model of one language's Markdown table: the Model,
// plus every row with its texts in that language.
type DocsView struct {
	*Model
	// Lang is the language's BCP 47 tag; File is the page's file name.
	Lang string
	File string
	// OtherLanguages links to the same page in the other languages.
	OtherLanguages []DocsLink
	Codes          []DocsCode
	Ranges         []DocsRange
	// Unranged lists the codes outside every range, such as "5000-65535",
	// or is "" when the ranges cover every code.
	Unranged string
}

// DocsLink points to the page in another language.
type DocsLink struct {
	Lang string
	File string
}

// DocsCode is one row of the code table. Its fields are its own rather than
// an embedded CodeView: templates find embedded fields by a slow search, and
// the table has a row a code.
type DocsCode struct {
	Value int
	Name  string
	Label Text
	// Meaning is the description in the page's language, or in English
	// where the registry has no translation.
	Meaning        Text
	Reference      Text
	RuleException  Text
	WireValid      string
	BrowserCanSend string
}

// DocsRange is one row of the range table: a range, or a part of one.
type DocsRange struct {
	// Span is "first-last".
	Span string
	// Title is the range's label, or "Range › Part" for a part.
	Title          Text
	Meaning        Text
	Reference      Text
	WireValid      string
	BrowserCanSend string
}

// docsFile names the page of a language: close-codes.md for English,
// close-codes.TAG.md for the others.
func docsFile(tag string) string {
	if tag == "en" {
		return "close-codes.md"
	}
	return "close-codes." + tag + ".md"
}

func buildDocs(reg *registry.Registry, m *Model) []*DocsView {
	unranged := unrangedSpans(reg)
	var pages []*DocsView
	for _, lang := range m.Languages {
		page := &DocsView{Model: m, Lang: lang.Tag, File: docsFile(lang.Tag), Unranged: unranged}
		for _, other := range m.Languages {
			if other.Tag != lang.Tag {
				page.OtherLanguages = append(page.OtherLanguages, DocsLink{Lang: other.Tag, File: docsFile(other.Tag)})
			}
		}
		page.Codes = make([]DocsCode, len(m.Codes))
		for i, c := range m.Codes {
			rc := &reg.Codes[i]
			meaning := c.Description
			if text := registry.InLanguage(rc.Description, rc.Translations, lang.Tag); text != rc.Description {
				meaning = newText(text)
			}
			page.Codes[i] = DocsCode{
				Value: c.Value, Name: c.Name, Label: c.Label, Meaning: meaning, Reference: c.Reference,
				RuleException: c.RuleException, WireValid: c.WireValid, BrowserCanSend: c.BrowserCanSend,
			}
		}
		for _, r := range reg.Ranges {
			page.Ranges = append(page.Ranges, DocsRange{
				Span:      fmt.Sprintf("%d-%d", r.First, r.Last),
				Title:     newText(r.Label),
				Meaning:   newText(registry.InLanguage(r.Description, r.Translations, lang.Tag)),
				Reference: newText(r.Reference),
				WireValid: yesNo(r.WireValid), BrowserCanSend: yesNo(r.BrowserCanSend),
			})
			for _, p := range r.Parts {
				page.Ranges = append(page.Ranges, DocsRange{
					Span:      fmt.Sprintf("%d-%d", p.First, p.Last),
					Title:     newText(r.Label + " › " + p.Label),
					Meaning:   newText(registry.InLanguage(p.Description, p.Translations, lang.Tag)),
					Reference: newText(p.Reference),
					WireValid: yesNo(p.WireValid), BrowserCanSend: yesNo(p.BrowserCanSend),
				})
			}
		}
		pages = append(pages, page)
	}
	return pages
}

// unrangedSpans describes the codes that no range holds, or is "".
func unrangedSpans(reg *registry.Registry) string {
	var words []string
	for _, s := range spansOf(func(v int) bool { return reg.RangeOf(uint16(v)) == nil }) {
		words = append(words, s.String())
	}
	return listText(words, "")
}
