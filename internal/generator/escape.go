package generator

import (
	"encoding/json"
	"strings"
)

// jsString returns s as a double-quoted string literal that reads back as
// exactly s in JavaScript, JSON and Python: encoding/json escapes quotes,
// backslashes, control characters, U+2028 and U+2029 (line terminators in
// older engines), and <, > and & so that the literal is safe inside an HTML
// <script> element too. s is valid UTF-8, as the registry reader ensures.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// jsDocText makes one line of text safe inside a /** */ comment: the only
// sequence that can end the comment early is */.
func jsDocText(s string) string {
	return strings.ReplaceAll(s, "*/", `*\/`)
}

// markdownText escapes s for Markdown text, including table cells: every
// character that CommonMark or GitHub's tables could read as syntax is
// backslash-escaped, and < and > become entities so no HTML gets through.
func markdownText(s string) string { return markdownEscaper.Replace(s) }

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `{`, `\{`, `}`, `\}`,
	`[`, `\[`, `]`, `\]`, `(`, `\(`, `)`, `\)`, `#`, `\#`, `+`, `\+`, `!`, `\!`, `|`, `\|`, `~`, `\~`, `$`, `\$`,
	`<`, `&lt;`, `>`, `&gt;`, `&`, `&amp;`)
