package generator

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:            `"plain"`,
		`a "b" \c`:         `"a \"b\" \\c"`,
		"line\nbreak\r\t":  `"line\nbreak\r\t"`,
		"nul\x00del\x7f":   "\"nul\\u0000del\x7f\"", // DEL may stand in a JS string as it is
		"a & b":            `"a \u0026 b"`,
		"\u2028\u2029":     `"\u2028\u2029"`,
		"</script>":        `"\u003c/script\u003e"`,
		"${x} `y` {{ z }}": "\"${x} `y` {{ z }}\"",
		"正常 😀":             `"正常 😀"`,
	} {
		assert.Equal(t, want, jsString(in), "%q", in)
		var back string
		require.NoError(t, json.Unmarshal([]byte(jsString(in)), &back))
		assert.Equal(t, in, back, "reads back")
	}
}

func TestJSDocText(t *testing.T) {
	assert.Equal(t, `ends *\/ here`, jsDocText("ends */ here"))
	assert.Equal(t, `a *\/*\/ b`, jsDocText("a */*/ b"))
}

func TestMarkdownText(t *testing.T) {
	assert.Equal(t, "\\\\ \\` \\* \\_ \\{\\} \\[\\] \\(\\) \\# \\+ \\! \\| \\~ \\$ &lt;b&gt; &amp;amp; 正常 . - :",
		markdownText("\\ ` * _ {} [] () # + ! | ~ $ <b> &amp; 正常 . - :"))
}

func TestWrap(t *testing.T) {
	assert.Equal(t, []string{"one two", "three"}, wrap(8, "one two three"))
	assert.Equal(t, []string{"averylongword", "x"}, wrap(5, "averylongword x"))
	assert.Equal(t, []string{""}, wrap(10, ""))
}

func TestConditions(t *testing.T) {
	set := CodeSet{{1000, 1000}, {3000, 4999}}
	assert.Equal(t, "c == 1000, c >= 3000 && c <= 4999", goCases("c", set))
	assert.Equal(t, "code === 1000 || (code >= 3000 && code <= 4999)", jsCond("code", set))
	assert.Equal(t, "code >= 3000 && code <= 4999", jsCond("code", Span{3000, 4999}.Set()))
	assert.Equal(t, "false", goCases("c", CodeSet{}))
	assert.Equal(t, "false", jsCond("code", nil))
}
