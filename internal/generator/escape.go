package generator

import (
	"fmt"
	"strings"
)

// jsString returns s as a double-quoted JavaScript string literal that reads
// back as exactly s. Besides quotes and backslashes it escapes every
// character below U+0020, U+2028 and U+2029 (line terminators in older
// engines), and < and > so that the literal is also safe inside an HTML
// <script> element.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '<', '>', '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
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
