package generator

import (
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/messages"
)

// page is the data of one language's Markdown page: the Model, the page's language, and the
// fixed texts in it (headings, column names, yes and no), English where the message table has none.
type page struct {
	*Model
	Lang string
	T    messages.Text
}

// docsFile names the page of a language: close-codes.md for English, close-codes.TAG.md for the
// others.
func docsFile(lang string) string {
	if lang == "en" {
		return "close-codes.md"
	}
	return "close-codes." + lang + ".md"
}

// Intro is the page's first paragraph, filled in, in Markdown.
func (p page) Intro() string {
	return messages.Fill(p.T.Intro, "{source}", markdownText(p.Source),
		"{max_bytes}", strconv.Itoa(p.Reason.MaxBytes), "{reason_reference}", markdownText(p.Reason.Reference))
}

// RangesIntro says how a code that is not named gets its rule, and which codes no range holds.
func (p page) RangesIntro() string {
	if len(p.Unranged) == 0 {
		return p.T.RangesIntro
	}
	return messages.Fill(p.T.Sentences, "{a}", p.T.RangesIntro,
		"{b}", messages.Fill(p.T.Unranged, "{spans}", p.Unranged.In(p.T)))
}

// OtherLanguages links the same page in the registry's other languages, or is "".
func (p page) OtherLanguages() string {
	var links []string
	for _, lang := range p.Languages {
		if lang != p.Lang {
			links = append(links, "["+lang+"]("+docsFile(lang)+")")
		}
	}
	if len(links) == 0 {
		return ""
	}
	return messages.Fill(p.T.OtherLanguages, "{links}", strings.Join(links, " "))
}

// PolicyItems describe each reconnect value in the page's language, one Markdown line each.
func (p page) PolicyItems() []string {
	var items []string
	for _, word := range p.ReconnectWords() {
		items = append(items, messages.Fill(p.T.PolicyItem,
			"{name}", p.T.Policy[word], "{word}", word, "{meaning}", p.T.PolicyMeaning[word]))
	}
	return items
}
