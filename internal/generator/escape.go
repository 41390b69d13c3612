package generator

import (
	"strings"
	"unicode/utf8"
)

// jsString returns s as a double-quoted JavaScript string literal that reads
// back as exactly s. Besides quotes and backslashes it escapes every
// character below U+0020, U+2028 and U+2029 (line terminators in older
// engines), and < and > so that the literal is also safe inside an HTML
// <script> element. s must be valid UTF-8, as the registry reader ensures.
func jsString(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b = append(b, `\"`...)
		case c == '\\':
			b = append(b, `\\`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c < 0x20 || c == 0x7f || c == '<' || c == '>':
			b = appendUnicodeEscape(b, rune(c))
		case c == 0xe2 && strings.HasPrefix(s[i:], "\u2028"), c == 0xe2 && strings.HasPrefix(s[i:], "\u2029"):
			r, size := utf8.DecodeRuneInString(s[i:])
			b = appendUnicodeEscape(b, r)
			i += size - 1
		default:
			// Other bytes, those of non-ASCII characters included, stand
			// for themselves.
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

// appendUnicodeEscape writes r, a character of the Basic Multilingual
// Plane, as \uXXXX.
func appendUnicodeEscape(b []byte, r rune) []byte {
	const digits = "0123456789abcdef"
	return append(b, '\\', 'u', digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf])
}

// jsDocText makes one line of text safe inside a /** */ comment: the only
// sequence that can end the comment early is */.
func jsDocText(s string) string {
	return strings.ReplaceAll(s, "*/", `*\/`)
}

// markdownText escapes s for Markdown text, including table cells: every
// character that CommonMark or GitHub's tables could read as syntax is
// backslash-escaped, and < and > become entities so no HTML gets through.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
