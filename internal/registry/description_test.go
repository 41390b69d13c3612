package registry

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appRegistry returns an app registry that names code 4001 with the given
// description, a YAML block indented for the code entry.
func appRegistry(description string) []byte {
	return []byte("extends: standard\ncodes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n" +
		"    description:\n" + description +
		"    reference: App spec\n    wire_valid: true\n    browser_can_send: true\n")
}

func TestTranslationsAreStoredUnderCanonicalTags(t *testing.T) {
	reg, err := Parse("app.yaml", appRegistry("      EN: The session ran out.\n      zh-cn: 会话已过期。\n      ZH-hant-tw: 工作階段已過期。\n"))
	require.NoError(t, err)
	code := reg.Codes[len(reg.Codes)-1]
	assert.Equal(t, "The session ran out.", code.Description.English)
	assert.Equal(t, map[string]string{"zh-CN": "会话已过期。", "zh-Hant-TW": "工作階段已過期。"}, code.Description.Translations)
	assert.Equal(t, []string{"en", "zh-CN", "zh-Hant-TW"}, reg.Languages())
}

func TestCanonicalTag(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en", "EN": "en", "zh-cn": "zh-CN", "ZH-hant-tw": "zh-Hant-TW", "zh-Hant-TW": "zh-Hant-TW",
		"sr-LATN-rs": "sr-Latn-RS", "es-419": "es-419", "de-CH-1996": "de-CH-1996", "yue-HK": "yue-HK",
	} {
		assert.Equal(t, want, canonicalTag(tag), tag)
	}
}

// TestLabelsAreUnique: a label that another code has, ignoring case, is
// refused at the label, so that explain never has to pick between two.
func TestLabelsAreUnique(t *testing.T) {
	_, err := Parse("app.yaml", []byte("extends: standard\ncodes:\n"+
		"  - {code: 4001, name: Away, label: going AWAY, description: A., reference: R, wire_valid: true, browser_can_send: true}\n"+
		"  - {code: 4002, name: Two, label: Two, description: B., reference: R, wire_valid: true, browser_can_send: true}\n"+
		"  - {code: 4003, name: Three, label: two, description: C., reference: R, wire_valid: true, browser_can_send: true}\n"))
	assert.EqualError(t, err, `app.yaml:3:37: label "going AWAY" is also the label of code 1001 of the standard registry, `+
		`"Going Away"; labels must differ in more than case`+"\n"+
		`app.yaml:5:38: label "two" is also the label of code 4002 (line 4), "Two"; labels must differ in more than case`)
}
