package messages

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	require.NotEmpty(t, For("en").PolicyMeaning["retry"], "English meanings come from the registry")
}

func TestFillAndList(t *testing.T) {
	assert.Equal(t, "123 bytes", Fill("{n} bytes", "{n}", "123"))
	en, zh := For("en"), For("zh-CN")
	assert.Equal(t, "a, b and c", en.List([]string{"a", "b", "c"}))
	assert.Equal(t, "a、b和c", zh.List([]string{"a", "b", "c"}))
	assert.Equal(t, "a", en.List([]string{"a"}))
	assert.False(t, strings.Contains(zh.Intro, "\n"), "folded YAML keeps the intro on one line")
}
