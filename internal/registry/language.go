package registry

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Text is a registry text in English and, where the registry gives them, in other languages,
// keyed by BCP 47 tag in canonical case (zh-CN). The zero Text is no text.
type Text struct {
	English      string
	Translations map[string]string
}

// In returns the text in lang, one of the registry's languages as MatchLanguage picks it, or in
// English where it has no translation into lang: the rule of the generated lookups, which pick the
// language among all the registry's and only then look for the text.
func (t Text) In(lang string) string { return cmp.Or(t.Translations[lang], t.English) }

// Exactly returns the text in lang, or "" where it has no translation into lang; "en" is English.
func (t Text) Exactly(lang string) string {
	if lang == "en" {
		return t.English
	}
	return t.Translations[lang]
}

// String returns the English text.
func (t Text) String() string { return t.English }

// MarshalJSON writes the text as an object by language tag, "en" for English; {} for no text.
func (t Text) MarshalJSON() ([]byte, error) {
	all := map[string]string{}
	if t.English != "" {
		all["en"] = t.English
	}
	maps.Copy(all, t.Translations)
	return json.Marshal(all)
}

// readDescription reads one English text, or a mapping from language tags to texts that includes
// "en". Tags are stored in canonical case, so that zh-cn and zh-CN are one language.
func readDescription(c *errorCollector, n *yaml.Node, what string) Text {
	if n == nil || n.Kind != yaml.MappingNode {
		en, _ := readText(c, n, what)
		return Text{English: en}
	}
	start := c.count
	keys, texts := map[string]*yaml.Node{}, map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, tag := n.Content[i], canonicalTag(n.Content[i].Value)
		switch first := keys[tag]; {
		case key.Kind != yaml.ScalarNode || key.Tag != "!!str" || !languageTagRE.MatchString(key.Value):
			c.addf(nodePos(key), "%s has %q where a language tag such as en or zh-CN goes", what, short(key.Value))
		case first != nil:
			c.addf(nodePos(key), "%s gives language %q twice (first as %q at line %d)", what, key.Value, first.Value, first.Line)
		default:
			keys[tag] = key
			texts[tag], _ = readText(c, n.Content[i+1], what+" "+tag)
		}
	}
	en := texts["en"]
	delete(texts, "en")
	if c.count == start && en == "" {
		c.addf(nodePos(n), "%s has no en entry; English is required and is the fallback for other languages", what)
	}
	if len(texts) == 0 {
		texts = nil
	}
	return Text{English: en, Translations: texts}
}

// languageTagRE matches tags such as en, zh-CN or zh-Hant-TW in any case, without extensions or private use.
var languageTagRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// canonicalTag writes a tag in the case RFC 5646 (2.1.1) recommends: ZH-hant-tw becomes zh-Hant-TW.
func canonicalTag(tag string) string {
	subtags := strings.Split(strings.ToLower(tag), "-")
	for i, s := range subtags {
		switch {
		case i == 0 || strings.ContainsAny(s, "0123456789"):
		case len(s) == 2:
			subtags[i] = strings.ToUpper(s)
		case len(s) == 4:
			subtags[i] = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return strings.Join(subtags, "-")
}

// Languages returns the BCP 47 tags of the registry's descriptions: "en" first, then the others sorted.
func (r *Registry) Languages() []string {
	seen := map[string]string{}
	for _, code := range r.Codes {
		maps.Copy(seen, code.Description.Translations)
		maps.Copy(seen, code.RuleException.Translations)
	}
	for _, rg := range r.Ranges {
		maps.Copy(seen, rg.Description.Translations)
		maps.Copy(seen, rg.Label.Translations)
		for _, p := range rg.Parts {
			maps.Copy(seen, p.Description.Translations)
			maps.Copy(seen, p.Label.Translations)
		}
	}
	return append([]string{"en"}, slices.Sorted(maps.Keys(seen))...)
}

// Scripts says which script each of a registry's languages is written in, where that decides
// between its variants: Of holds the script of each language (in the order of Languages) whose
// primary language the registry writes in more than one script, such as Hans for zh-CN and Hant
// for zh-TW, and "" for the others; Likely holds, for those primary languages, the script that
// CLDR's likely subtags give a tag without one, by region.
type Scripts struct {
	Of     []string
	Likely []LikelyScript
}

// LikelyScript is the script of tags of Language in Region, or in any other region when Region is "".
type LikelyScript struct{ Language, Region, Script string }

// ScriptsOf computes the Scripts of languages, canonical tags as Languages returns them, from the
// CLDR data of golang.org/x/text, at generation time: the generated lookups carry the result.
func ScriptsOf(languages []string) Scripts {
	writtenIn := func(tag string) string { script, _ := language.Make(tag).Script(); return script.String() }
	primaryOf := func(tag string) string { primary, _, _ := strings.Cut(tag, "-"); return primary }
	seen := map[string]map[string]bool{} // the scripts of each primary language
	for _, lang := range languages {
		if seen[primaryOf(lang)] == nil {
			seen[primaryOf(lang)] = map[string]bool{}
		}
		seen[primaryOf(lang)][writtenIn(lang)] = true
	}
	s := Scripts{Of: make([]string, len(languages))}
	for i, lang := range languages {
		if len(seen[primaryOf(lang)]) > 1 {
			s.Of[i] = writtenIn(lang)
		}
	}
	for _, primary := range slices.Sorted(maps.Keys(seen)) {
		if len(seen[primary]) < 2 {
			continue
		}
		usual := writtenIn(primary)
		s.Likely = append(s.Likely, LikelyScript{primary, "", usual})
		for _, region := range regions() {
			if script := writtenIn(primary + "-" + region); script != usual {
				s.Likely = append(s.Likely, LikelyScript{primary, region, script})
			}
		}
	}
	return s
}

// regions returns every region code that BCP 47 knows, two letters or three digits, sorted.
func regions() []string {
	var all []string
	for i := range 26*26 + 1000 {
		code := fmt.Sprintf("%c%c", 'A'+i/26, 'A'+i%26)
		if i >= 26*26 {
			code = fmt.Sprintf("%03d", i-26*26)
		}
		if r, err := language.ParseRegion(code); err == nil && r.String() == code {
			all = append(all, code)
		}
	}
	return all
}

// MatchLanguage returns the language of languages (canonical tags, "en" first, as Languages
// returns them) that serves a request for tag best. The script that tag asks for is its script
// subtag, else the one Scripts.Likely gives its primary language and region:
//
//  1. the language equal to tag, ignoring ASCII case and reading "_" as "-";
//  2. else RFC 4647 lookup: tag without its last subtag, and without a one-letter subtag left at its end,
//     tried as in 1, until none is left, skipping a language written in another script than tag asks for;
//  3. else the first language with tag's primary subtag and the script tag asks for, so that zh-HK
//     finds zh-TW rather than zh-CN;
//  4. else the first language with tag's primary subtag, so that zh and zh-Hans-CN find zh-CN;
//  5. else "en".
//
// Any string gets an answer, however malformed. The generated Go and TypeScript lookups take the same
// steps; testdata/language-vectors.json holds the cases all of them must agree on.
func MatchLanguage(languages []string, tag string) string {
	tag = strings.ReplaceAll(tag, "_", "-")
	scripts := ScriptsOf(languages)
	primary, want := scriptOf(scripts, tag)
	fits := func(i int) bool { return want == "" || scripts.Of[i] == "" || scripts.Of[i] == want }
	for cut := tag; cut != ""; {
		if i := slices.IndexFunc(languages, func(l string) bool { return equalFoldASCII(l, cut) }); i >= 0 &&
			(cut == tag || fits(i)) {
			return languages[i]
		}
		cut = cut[:max(strings.LastIndexByte(cut, '-'), 0)]
		// A one-letter subtag starts an extension or private use, meaningless without what followed.
		if n := len(cut); n >= 2 && cut[n-2] == '-' {
			cut = cut[:n-2]
		}
	}
	for _, script := range []string{want, ""} { // 3, then 4
		for i, lang := range languages {
			if p, _, _ := strings.Cut(lang, "-"); equalFoldASCII(p, primary) && (script == "" || scripts.Of[i] == script) {
				return lang
			}
		}
	}
	return languages[0]
}

// scriptOf returns the primary subtag of tag, lower-cased, and the script tag asks for: its script
// subtag, else the likely one for its primary language and region, else "".
func scriptOf(scripts Scripts, tag string) (primary, script string) {
	// Lower ASCII letters only, as the generated lookups do: strings.ToLower turns the Kelvin sign into k.
	subtags := strings.Split(strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}, tag), "-")
	region := ""
	for i, s := range subtags[1:] {
		if len(s) == 4 && i <= 1 && script == "" && isLetters(s) {
			script = strings.ToUpper(s[:1]) + s[1:]
		} else if (len(s) == 2 && isLetters(s)) || (len(s) == 3 && strings.Trim(s, "0123456789") == "") {
			region = strings.ToUpper(s)
			break
		} else if !(i == 0 && len(s) == 3 && isLetters(s)) { // an extended language subtag may come first
			break
		}
	}
	for _, r := range []string{region, ""} {
		for _, l := range scripts.Likely {
			if script == "" && l.Language == subtags[0] && l.Region == r {
				script = l.Script
			}
		}
	}
	return subtags[0], script
}

func isLetters(s string) bool { return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == "" }

// equalFoldASCII ignores ASCII case only, as the generated TypeScript does: a string as long in
// bytes as an ASCII one folds to it only letter by letter, never as the Kelvin sign K to k.
func equalFoldASCII(lang, b string) bool { return len(lang) == len(b) && strings.EqualFold(lang, b) }
