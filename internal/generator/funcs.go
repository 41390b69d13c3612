package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// Funcs are the functions every template may call, the built-in ones and those of -templates:
// each escapes a text for one target language or writes one small idea in it, so that the model
// stays free of any language and no template spells a condition or an escape twice.
// docs/templates.md describes each.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"go":         strconv.Quote,
		"js":         jsString,
		"json":       jsonValue,
		"md":         markdownText,
		"jsdoc":      jsDocText,
		"wrap":       wrap,
		"title":      title,
		"goCases":    goCases,
		"jsCond":     jsCond,
		"goDuration": goDuration,
		"ms":         func(d time.Duration) int64 { return d.Milliseconds() },
		"fail":       func(msg string) (string, error) { return "", errors.New(msg) },
	}
}

// jsString returns s as a double-quoted string literal that reads back as exactly s in JavaScript,
// JSON and Python: encoding/json escapes quotes, backslashes, control characters, U+2028 and
// U+2029 (line terminators in older engines), and <, > and & so that the literal is safe inside an
// HTML <script> element too. s is valid UTF-8, as the registry reader ensures.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// jsonValue returns v as compact JSON, such as a list of strings for a schema's enum.
func jsonValue(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// jsDocText makes one line of text safe inside a /** */ comment: the only sequence that can end
// the comment early is */.
func jsDocText(s string) string {
	return strings.ReplaceAll(s, "*/", `*\/`)
}

// markdownText escapes s for Markdown text, including table cells: every character that CommonMark
// or GitHub's tables could read as syntax is backslash-escaped, and < and > become entities so no
// HTML gets through.
func markdownText(s string) string { return markdownEscaper.Replace(s) }

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `{`, `\{`, `}`, `\}`,
	`[`, `\[`, `]`, `\]`, `(`, `\(`, `)`, `\)`, `#`, `\#`, `+`, `\+`, `!`, `\!`, `|`, `\|`, `~`, `\~`, `$`, `\$`,
	`<`, `&lt;`, `>`, `&gt;`, `&`, `&amp;`)

// wrap breaks text into lines of at most width bytes at spaces; a word longer than width gets a
// line of its own.
func wrap(width int, text string) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// title upper-cases the first letter of an ASCII word: "retry" becomes "Retry".
func title(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// goCases writes the codes of set as the expressions of a Go case clause, testing the variable
// name: "c == 1000, c >= 3000 && c <= 4999". An empty set gives "false".
func goCases(name string, set CodeSet) string {
	return conds(set, ", ", name+" == %[1]d", name+" >= %[1]d && "+name+" <= %[2]d")
}

// jsCond writes the codes of set as one JavaScript condition on the variable name:
// "code === 1000 || (code >= 3000 && code <= 4999)". An empty set gives "false".
func jsCond(name string, set CodeSet) string {
	span := name + " >= %[1]d && " + name + " <= %[2]d"
	if len(set) > 1 {
		span = "(" + span + ")"
	}
	return conds(set, " || ", name+" === %[1]d", span)
}

// conds formats each span of set as single or span does, with its first and last code as the
// operands, and joins them with sep.
func conds(set CodeSet, sep, single, span string) string {
	if len(set) == 0 {
		return "false"
	}
	parts := make([]string, len(set))
	for i, s := range set {
		format := span
		if s.Single() {
			format = single
		}
		parts[i] = fmt.Sprintf(format, s.First, s.Last)
	}
	return strings.Join(parts, sep)
}

// goDuration writes d as a Go expression in the largest unit that divides it: "5 * time.Second".
func goDuration(d time.Duration) string {
	units := []time.Duration{time.Hour, time.Minute, time.Second, time.Millisecond}
	for i, name := range []string{"Hour", "Minute", "Second", "Millisecond"} {
		if d != 0 && d%units[i] == 0 {
			return strconv.FormatInt(int64(d/units[i]), 10) + " * time." + name
		}
	}
	return strconv.FormatInt(int64(d), 10)
}
