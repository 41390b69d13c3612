package registry

import (
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// readDescription reads a description: one English text, or a mapping from
// BCP 47 language tags to texts that includes "en". Tags are kept in
// canonical case, so zh-cn and zh-CN are one language, stored as zh-CN.
func readDescription(c *errorCollector, n *yaml.Node, what string) (en string, translations map[string]string, ok bool) {
	if n == nil || n.Kind != yaml.MappingNode {
		en, ok = readText(c, n, what)
		return en, nil, ok
	}
	ok = true
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.Tag != "!!str" || !languageTagRE.MatchString(key.Value) {
			c.addf(nodePos(key), "%s has %q where a language tag such as en or zh-CN goes", what, short(key.Value))
			ok = false
			continue
		}
		tag := canonicalTag(key.Value)
		if first := seen[tag]; first != nil {
			c.addf(nodePos(key), "%s gives language %q twice (first as %q at line %d)",
				what, key.Value, first.Value, first.Line)
			ok = false
			continue
		}
		seen[tag] = key
		text, textOK := readText(c, value, what+" "+tag)
		switch {
		case !textOK:
			ok = false
		case tag == "en":
			en = text
		default:
			if translations == nil {
				translations = map[string]string{}
			}
			translations[tag] = text
		}
	}
	if ok && en == "" {
		c.addf(nodePos(n), "%s has no en entry; English is required and is the fallback for other languages", what)
		ok = false
	}
	return en, translations, ok
}

// languageTagRE matches the BCP 47 tags a registry may use: a language and
// optional subtags, such as en, zh-CN or zh-Hant-TW, in any case. It has no
// room for the one-letter subtags that start extensions and private use.
var languageTagRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// canonicalTag writes a tag that languageTagRE matches in the case BCP 47
// recommends (RFC 5646, 2.1.1): a four-letter script in title case, a
// two-letter region in upper case, all else in lower case. zh-cn becomes
// zh-CN, and ZH-hant-tw becomes zh-Hant-TW.
func canonicalTag(tag string) string {
	subtags := strings.Split(strings.ToLower(tag), "-")
	for i, s := range subtags {
		switch {
		case i == 0 || !isASCIILetters(s):
		case len(s) == 2:
			subtags[i] = strings.ToUpper(s)
		case len(s) == 4:
			subtags[i] = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return strings.Join(subtags, "-")
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if !isASCIILetter(r) {
			return false
		}
	}
	return true
}

// Languages returns the BCP 47 tags of the descriptions in the registry:
// "en" first, then the others sorted.
func (r *Registry) Languages() []string {
	seen := map[string]bool{}
	add := func(tr map[string]string) {
		for tag := range tr {
			seen[tag] = true
		}
	}
	for i := range r.Codes {
		add(r.Codes[i].Translations)
	}
	for i := range r.Ranges {
		add(r.Ranges[i].Translations)
		for j := range r.Ranges[i].Parts {
			add(r.Ranges[i].Parts[j].Translations)
		}
	}
	langs := make([]string, 0, len(seen))
	for tag := range seen {
		langs = append(langs, tag)
	}
	sort.Strings(langs)
	return append([]string{"en"}, langs...)
}

// InLanguage returns a description in the language lang asks for, matched
// as the generated Go and TypeScript match it (RFC 4647 lookup: ignoring
// case, reading "_" as "-", dropping subtags from the end), or en when
// translations has none.
func InLanguage(en string, translations map[string]string, lang string) string {
	want := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	for want != "" {
		if want == "en" {
			return en
		}
		for tag, text := range translations {
			if strings.ToLower(tag) == want {
				return text
			}
		}
		cut := strings.LastIndexByte(want, '-')
		if cut < 0 {
			break
		}
		want = want[:cut]
		// A single-letter subtag introduces an extension; drop it too.
		if n := len(want); n >= 2 && want[n-2] == '-' {
			want = want[:n-2]
		}
	}
	return en
}
