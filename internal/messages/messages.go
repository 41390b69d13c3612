// Package messages holds the fixed texts that gencodes prints around
// registry data, in the Markdown pages and in gencodes explain, by
// language, in messages.yaml. A page or an answer in a language of the
// registry takes its texts from there, each one missing in that language
// from English, so a language added to codes.yaml and to messages.yaml is
// used for everything both provide. Texts hold placeholders such as
// {source}, filled by Fill.
package messages

import (
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/registry"
	"golang.org/x/text/language"
)

// Text is every fixed text in one language. In messages.yaml each field's
// key is its name in lower case.
type Text struct {
	Title, OtherLanguages, Intro, Code, Name, Label, Meaning, WireValid, BrowserMaySend string
	Reconnect, Reference, Source, Note, Ranges, Range, RangesIntro, Unranged            string
	ReconnectHeading, ReconnectIntro, ClientsHeading                                    string
	Clients                                                                             []string
	Yes, No, And, Comma, Or, Sentences, Hint, PolicyItem, Labelled, Clause, Colon       string
	// Policy names each reconnect value, and PolicyMeaning says what it
	// asks of a client, by the registry's word.
	Policy, PolicyMeaning                                               map[string]string
	Part, Aliases, FormerNames, None, NotACode, NotNamed, CannotBeNamed string
	ByRule, NoRange, NoSuchName, DidYouMean, AskFor                     string
	// The legend of the code map.
	MapBoth, MapWire, MapNone, MapOutside, MapCodes string
}

//go:embed messages.yaml
var source []byte

// tables returns the texts by language tag, each missing one filled in from
// English. They are read on first use, so that a run that shows none of
// them does not pay for the reading.
var tables = sync.OnceValue(func() map[string]Text {
	var t map[string]Text
	dec := yaml.NewDecoder(bytes.NewReader(source))
	dec.KnownFields(true) // a misspelt key is an error, not a text that silently falls back
	if err := dec.Decode(&t); err != nil {
		panic(fmt.Sprintf("messages.yaml: %v", err)) // a build-time file, held to this by the tests
	}
	en := reflect.ValueOf(t["en"])
	for lang, text := range t {
		v := reflect.ValueOf(&text).Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.IsZero() {
				f.Set(en.Field(i))
			}
		}
		t[lang] = text
	}
	return t
})

// For returns the texts in the language that lang asks for, matched as the
// registry matches languages, each missing one in English. A variant of the
// language in another script does not count: a page for zh-TW, written in
// Traditional Chinese, gets English rather than Simplified headings.
func For(lang string) Text {
	langs := slices.Sorted(maps.Keys(tables())) // "en" sorts first
	match := registry.MatchLanguage(langs, lang)
	script := func(tag string) language.Script { s, _ := language.Make(tag).Script(); return s }
	if want := script(strings.ReplaceAll(lang, "_", "-")); want != (language.Script{}) && script(match) != want {
		match = "en"
	}
	return tables()[match]
}

// Fill replaces each placeholder in s, given as name and value pairs:
// Fill("{n} bytes", "{n}", "123").
func Fill(s string, pairs ...string) string { return strings.NewReplacer(pairs...).Replace(s) }

// List joins words as "a, b and c" in the language of t.
func (t Text) List(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], t.Comma) + t.And + words[len(words)-1]
}

// YesNo says b in the language of t.
func (t Text) YesNo(b bool) string {
	if b {
		return t.Yes
	}
	return t.No
}

// PolicyName names reconnect advice in the language of t, with its delay
// hint when it has one: "retry (5s-30s)".
func (t Text) PolicyName(p registry.Policy) string {
	if p.RetryAfter == nil {
		return t.Policy[p.Reconnect]
	}
	return Fill(t.Hint, "{policy}", t.Policy[p.Reconnect], "{hint}", p.RetryAfter.String())
}
