package registry

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// languageVectors are the sets of cases in testdata/language-vectors.json,
// which the generated Go and TypeScript lookups run too.
type languageVectors struct {
	Languages []string `json:"languages"`
	Cases     []struct {
		Tag  string `json:"tag"`
		Want string `json:"want"`
		Why  string `json:"why"`
	} `json:"cases"`
}

func loadLanguageVectors(t testing.TB) []languageVectors {
	t.Helper()
	data, err := os.ReadFile("testdata/language-vectors.json")
	require.NoError(t, err)
	var v struct{ Sets []languageVectors }
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Sets)
	return v.Sets
}

func TestMatchLanguage(t *testing.T) {
	for _, v := range loadLanguageVectors(t) {
		for _, tc := range v.Cases {
			assert.Equal(t, tc.Want, MatchLanguage(v.Languages, tc.Tag), "%v %.40q: %s", v.Languages, tc.Tag, tc.Why)
		}
	}
}

// TestTextIn: a text comes in the registry language MatchLanguage picks,
// else in English, even when another variant of that language has it: what
// the generated DescriptionIn and describeCloseCode do. Exactly gives ""
// instead of English.
func TestTextIn(t *testing.T) {
	languages := []string{"en", "zh-CN", "zh-TW"}
	text := Text{English: "English", Translations: map[string]string{"zh-TW": "繁體"}}
	for tag, want := range map[string]string{
		"zh-TW": "繁體", "zh_tw": "繁體", "zh-TW-u-nu-hant": "繁體", "zh": "English", "zh-CN": "English", "fr": "English", "": "English",
	} {
		assert.Equal(t, want, text.In(MatchLanguage(languages, tag)), tag)
	}
	assert.Equal(t, "English", Text{English: "English"}.In("zh-CN"))
	assert.Equal(t, "", text.Exactly("zh-CN"))
	assert.Equal(t, "繁體", text.Exactly("zh-TW"))
	assert.Equal(t, "English", text.Exactly("en"))
}
