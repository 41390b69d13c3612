package generator

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// DocsView is the view model of one language's Markdown page: the Model,
// plus every row, heading and sentence in that language.
type DocsView struct {
	*Model
	// File is the page's file name.
	File string
	// T holds the page's fixed texts (headings, column names, yes and no)
	// in its language, English where the message table has none.
	T messages.Text
	// Intro, RangesIntro and OtherLanguages are the sentences that hold
	// registry values, filled in; OtherLanguages links to the same page in
	// the other languages, or is "".
	Intro, RangesIntro, OtherLanguages string
	Codes                              []DocsCode
	Ranges                             []DocsRange
	// Policies list the reconnect values with their meanings, in the
	// page's language, one Markdown line each.
	Policies []string
}

// DocsCode is one row of the code table.
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
	// Reconnect is the policy in the page's language, with its delay hint.
	Reconnect string
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
	Reconnect      string
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
	unranged := spanWords(spansOf(func(v int) bool { return reg.RangeOf(uint16(v)) == nil }))
	var pages []*DocsView
	for _, lang := range m.Languages {
		t := messages.For(lang.Tag)
		in := func(en string, tr map[string]string) Text { return newText(registry.InLanguage(en, tr, lang.Tag)) }
		page := &DocsView{Model: m, File: docsFile(lang.Tag), T: t,
			Intro: messages.Fill(t.Intro, "{source}", m.SourceText.MD, "{max_bytes}", strconv.Itoa(m.Reason.MaxBytes),
				"{reason_reference}", m.Reason.Reference.MD),
		}
		page.RangesIntro = t.RangesIntro
		if len(unranged) > 0 {
			page.RangesIntro = messages.Fill(t.Sentences, "{a}", t.RangesIntro,
				"{b}", messages.Fill(t.Unranged, "{spans}", t.List(unranged)))
		}
		var links []string
		for _, other := range m.Languages {
			if other.Tag != lang.Tag {
				links = append(links, "["+other.Tag+"]("+docsFile(other.Tag)+")")
			}
		}
		if len(links) > 0 {
			page.OtherLanguages = messages.Fill(t.OtherLanguages, "{links}", strings.Join(links, " "))
		}
		for i, c := range reg.Codes {
			page.Codes = append(page.Codes, DocsCode{
				Value: m.Codes[i].Value, Name: c.Name, Label: m.Codes[i].Label, Meaning: in(c.Description, c.Translations),
				Reference: m.Codes[i].Reference, RuleException: in(c.RuleException, c.RuleExceptionTranslations),
				WireValid: t.YesNo(c.WireValid), BrowserCanSend: t.YesNo(c.BrowserCanSend),
				Reconnect: t.PolicyName(reg.Policy(c.Value)),
			})
		}
		for _, r := range reg.Ranges {
			label := registry.InLanguage(r.Label, r.LabelTranslations, lang.Tag)
			page.Ranges = append(page.Ranges, docsRange(r.Block, newText(label), in, t))
			for _, p := range r.Parts {
				title := newText(label + " › " + registry.InLanguage(p.Label, p.LabelTranslations, lang.Tag))
				page.Ranges = append(page.Ranges, docsRange(p.Block, title, in, t))
			}
		}
		for _, v := range registry.ReconnectValues {
			page.Policies = append(page.Policies, messages.Fill(t.PolicyItem,
				"{name}", t.Policy[v], "{word}", v, "{meaning}", t.PolicyMeaning[v]))
		}
		pages = append(pages, page)
	}
	return pages
}

func docsRange(b registry.Block, title Text, in func(string, map[string]string) Text, t messages.Text) DocsRange {
	return DocsRange{
		Span: fmt.Sprintf("%d-%d", b.First, b.Last), Title: title, Meaning: in(b.Description, b.Translations),
		Reference: newText(b.Reference), WireValid: t.YesNo(b.WireValid), BrowserCanSend: t.YesNo(b.BrowserCanSend),
		Reconnect: t.PolicyName(b.Policy),
	}
}
