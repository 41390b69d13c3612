package registry

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	closecode "github.com/closecodes/closecodes/generated/go"
)

// TestInLanguageMatchesGeneratedLookup: the tool (explain, the docs pages)
// and the generated package must pick the same translation for any tag.
func TestInLanguageMatchesGeneratedLookup(t *testing.T) {
	reg, err := Load("../../codes.yaml")
	require.NoError(t, err)
	for _, lang := range []string{"", "en", "EN", "en-US", "zh-CN", "zh-cn", "zh_CN", "zh-CN-u-nu-hanidec",
		"zh-CN-x-private", "zh", "zh-TW", "fr", "-", "_", "x-zh-CN"} {
		for _, c := range reg.Codes {
			assert.Equal(t, closecode.Code(c.Value).DescriptionIn(lang),
				InLanguage(c.Description, c.Translations, lang), "code %d in %q", c.Value, lang)
		}
	}
}
