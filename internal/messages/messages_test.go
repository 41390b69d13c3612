package messages

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/closecodes/closecodes/internal/registry"
)

// Every text has an English form, so that For never returns an empty one.
func TestEnglishIsComplete(t *testing.T) {
	en := reflect.ValueOf(For("en"))
	for i := range en.NumField() {
		assert.False(t, en.Field(i).IsZero(), "messages.yaml: en has no %s", strings.ToLower(en.Type().Field(i).Name))
	}
}

func TestForFallsBackToEnglish(t *testing.T) {
	zh := For("zh-Hans-CN")
	assert.Equal(t, "WebSocket 关闭码", zh.Title)
	assert.Equal(t, "重试", zh.Policy["retry"])
	assert.Equal(t, "WebSocket close codes", For("fr").Title)
	assert.Equal(t, For("en"), For(""))
	// Traditional Chinese gets English, not the Simplified texts.
	for _, tag := range []string{"zh-TW", "zh-Hant-TW", "zh-HK", "zh-Hant"} {
		assert.Equal(t, "WebSocket close codes", For(tag).Title, tag)
	}
	assert.Equal(t, zh, For("zh"))
	assert.Equal(t, zh, For("zh-SG"))
}

// TestPoliciesNameEveryReconnectValue: For falls back to English per text,
// not per map key, so each language that names the reconnect values must
// name every one of them, and nothing else.
func TestPoliciesNameEveryReconnectValue(t *testing.T) {
	for lang, text := range tables() {
		for field, m := range map[string]map[string]string{"policy": text.Policy, "policymeaning": text.PolicyMeaning} {
			if lang == "en" || len(m) > 0 {
				assert.ElementsMatch(t, registry.ReconnectValues, slices.Collect(maps.Keys(m)), "messages.yaml: %s %s", lang, field)
			}
		}
	}
}

func TestFillAndList(t *testing.T) {
	assert.Equal(t, "123 bytes", Fill("{n} bytes", "{n}", "123"))
	en, zh := For("en"), For("zh-CN")
	assert.Equal(t, "a, b and c", en.List([]string{"a", "b", "c"}))
	assert.Equal(t, "a、b和c", zh.List([]string{"a", "b", "c"}))
	assert.Equal(t, "a", en.List([]string{"a"}))
	assert.False(t, strings.Contains(zh.Intro, "\n"), "folded YAML keeps the intro on one line")
}
