// Package fastyaml reads the plain shape of YAML that registries are written
// in straight into yaml.v3 node trees, several times faster than yaml.v3
// itself, and declines everything else so that the caller can hand it to
// yaml.v3.
//
// The shape it reads: one document whose root is a block mapping, indented
// with spaces; block mappings and block sequences; keys that are simple
// words; values that are plain scalars on one line, quoted scalars without
// escapes, or one-line flow sequences of simple words; whole-line and
// end-of-line comments; lines ending in LF or CR LF. Anything else (tabs, a
// CR alone, anchors, aliases, tags, block scalars, multi-line scalars, flow
// mappings, explicit documents, directives, numbers yaml.v3 would read as
// floats or timestamps, characters YAML treats as line breaks or refuses)
// makes Parse decline. Whenever Parse accepts a file, yaml.v3 reads the
// same tree from it: the same kinds, styles, tags, values, lines and
// columns (comments aside, which Parse does not keep). FuzzParse holds it
// to that.
package fastyaml

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the root node of data, a block mapping, as yaml.v3 would
// read it, or ok == false when data is outside the shape this package
// reads; the caller should then use yaml.v3, which also reports any error.
func Parse(data []byte) (root *yaml.Node, ok bool) {
	text := string(data)
	p := &parser{text: text}
	if !p.splitLines() || len(p.lines) == 0 {
		return nil, false
	}
	first := p.lines[0]
	if first.item {
		return nil, false
	}
	root, ok = p.mapping(first.indent)
	if !ok || p.next != len(p.lines) {
		return nil, false
	}
	return root, true
}

// A line is one line that holds content: not blank, not only a comment.
type line struct {
	number int    // 1-based
	indent int    // spaces before the content
	item   bool   // the content opens a sequence item: "- "
	rest   string // the content, without the indentation
}

type parser struct {
	text  string
	lines []line
	next  int // index of the next line to read
	depth int // blocks open

	slab     []yaml.Node  // nodes, allocated many at a time
	stack    []*yaml.Node // children of the nodes being read
	pointers []*yaml.Node // the children of nodes read, allocated many at a time
}

// maxDepth bounds the nesting Parse reads; a registry needs four levels.
// Deeper files go to yaml.v3, which has limits of its own.
const maxDepth = 32

// maxKey is the longest key Parse reads; YAML limits a key written without
// a "?" to 1024 characters.
const maxKey = 128

// splitLines cuts the text into content lines and declines any byte that
// this package does not read: see allowed.
func (p *parser) splitLines() bool {
	text := p.text
	p.lines = make([]line, 0, strings.Count(text, "\n")+1)
	number := 0
	for start := 0; start < len(text); {
		number++
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		// A line may end in CR LF, as files written on Windows do; a CR
		// anywhere else is a line break to YAML, and allowed declines it.
		raw := strings.TrimSuffix(text[start:end], "\r")
		if !allowed(raw) {
			return false
		}
		indent := 0
		for indent < len(raw) && raw[indent] == ' ' {
			indent++
		}
		content := strings.TrimRight(raw[indent:], " ")
		switch {
		case content == "" || content[0] == '#':
			// Blank or a comment.
		case indent == 0 && (content[0] == '%' || strings.HasPrefix(content, "---") || strings.HasPrefix(content, "...")):
			// A directive or a document marker.
			return false
		default:
			p.lines = append(p.lines, line{
				number: number,
				indent: indent,
				item:   content == "-" || strings.HasPrefix(content, "- "),
				rest:   content,
			})
		}
		start = end + 1
	}
	return true
}

// allowed reports whether s is UTF-8 and holds only characters that YAML
// reads as ordinary text: printable ASCII, and non-ASCII characters other
// than the C1 controls, the ones YAML treats as line breaks (NEL, U+2028,
// U+2029), the byte order mark and the noncharacters U+FFFE and U+FFFF.
// Tabs, CR and every other control character are declined too.
func allowed(s string) bool {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// node returns a new node from the slab: a registry has tens of thousands,
// and one allocation for many of them is much cheaper than one each.
func (p *parser) node(kind yaml.Kind, tag, value string, number, column int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 1024)
	}
	p.slab = p.slab[:len(p.slab)+1]
	n := &p.slab[len(p.slab)-1]
	n.Kind, n.Tag, n.Value, n.Line, n.Column = kind, tag, value, number, column
	return n
}

// content returns the children pushed on the stack since mark, in a slice
// of their own cut from a shared backing array, and pops them: children
// are collected before their number is known, and one growing slice a
// node would cost several allocations each.
func (p *parser) content(mark int) []*yaml.Node {
	children := p.stack[mark:]
	if len(children) == 0 {
		return nil
	}
	if len(children) > cap(p.pointers)-len(p.pointers) {
		p.pointers = make([]*yaml.Node, 0, max(4096, len(children)))
	}
	start := len(p.pointers)
	p.pointers = append(p.pointers, children...)
	p.stack = p.stack[:mark]
	return p.pointers[start:len(p.pointers):len(p.pointers)]
}

// mapping reads the block mapping whose keys start at indent, from the next
// line on, and stops before the first line indented less.
func (p *parser) mapping(indent int) (*yaml.Node, bool) {
	first := p.lines[p.next]
	m := p.node(yaml.MappingNode, "!!map", "", first.number, indent+1)
	mark := len(p.stack)
	for p.next < len(p.lines) {
		l := p.lines[p.next]
		if l.indent < indent {
			break
		}
		if l.indent > indent || l.item {
			return nil, false
		}
		key, value, ok := p.entry(l)
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, key, value)
	}
	m.Content = p.content(mark)
	return m, true
}

// entry reads the mapping entry on line l: "key: value" or "key:" with the
// value on the lines below, indented more.
func (p *parser) entry(l line) (key, value *yaml.Node, ok bool) {
	colon := strings.IndexByte(l.rest, ':')
	if colon <= 0 || colon > maxKey || !isWord(l.rest[:colon]) {
		return nil, nil, false
	}
	keyTag, ok := plainTag(l.rest[:colon])
	if !ok {
		return nil, nil, false
	}
	key = p.node(yaml.ScalarNode, keyTag, l.rest[:colon], l.number, l.indent+1)
	after := l.rest[colon+1:]
	if after != "" && after[0] != ' ' {
		return nil, nil, false // "key:value" is one plain scalar
	}
	p.next++
	spaces := len(after) - len(strings.TrimLeft(after, " "))
	after = after[spaces:]
	if after == "" || after[0] == '#' {
		// The value is the block below, indented more. (YAML also allows
		// a sequence at the key's own indentation, and an empty value
		// for null; both are declined.)
		if p.next == len(p.lines) || p.lines[p.next].indent <= l.indent {
			return nil, nil, false
		}
		value, ok = p.block()
		return key, value, ok
	}
	column := l.indent + colon + 1 + spaces + 1 // 1-based, after "key:" and the spaces
	value, ok = p.inlineValue(after, l.number, column)
	if !ok || (p.next < len(p.lines) && p.lines[p.next].indent > l.indent) {
		// A more indented line below a value continues it: declined.
		return nil, nil, false
	}
	return key, value, true
}

// block reads the block node that starts on the next line: a sequence when
// the line opens an item, a mapping otherwise.
func (p *parser) block() (*yaml.Node, bool) {
	if p.depth == maxDepth {
		return nil, false
	}
	p.depth++
	defer func() { p.depth-- }()
	l := p.lines[p.next]
	if l.item {
		return p.sequence(l.indent)
	}
	return p.mapping(l.indent)
}

// sequence reads the block sequence whose items' dashes are at indent.
func (p *parser) sequence(indent int) (*yaml.Node, bool) {
	first := p.lines[p.next]
	s := p.node(yaml.SequenceNode, "!!seq", "", first.number, indent+1)
	mark := len(p.stack)
	for p.next < len(p.lines) {
		l := p.lines[p.next]
		if l.indent < indent {
			break
		}
		if l.indent > indent || !l.item {
			return nil, false
		}
		// The item's content, after the dash and the spaces that follow it.
		content := strings.TrimLeft(l.rest[1:], " ")
		inner := l.indent + len(l.rest) - len(content)
		if content == "" || content[0] == '#' || strings.HasPrefix(content, "- ") || content == "-" {
			return nil, false
		}
		var item *yaml.Node
		var ok bool
		if isEntry(content) {
			// "- key: value": a mapping whose keys start at inner. Its
			// first line is read as if the dash were a space.
			p.lines[p.next] = line{number: l.number, indent: inner, rest: content}
			item, ok = p.mapping(inner)
		} else {
			p.next++
			item, ok = p.inlineValue(content, l.number, inner+1)
			if ok && p.next < len(p.lines) && p.lines[p.next].indent > indent {
				return nil, false
			}
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, item)
	}
	s.Content = p.content(mark)
	return s, true
}

// isEntry reports whether s opens a mapping entry: a word, a colon, and a
// space or nothing after it.
func isEntry(s string) bool {
	colon := strings.IndexByte(s, ':')
	return colon > 0 && isWord(s[:colon]) && (colon+1 == len(s) || s[colon+1] == ' ')
}

// inlineValue reads the value that takes the rest of a line, starting at
// column: a plain scalar, a quoted scalar without escapes, or a flow
// sequence of words, each optionally followed by a comment.
func (p *parser) inlineValue(s string, number, column int) (*yaml.Node, bool) {
	switch s[0] {
	case '"', '\'':
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return nil, false
		}
		value := s[1 : 1+end]
		if (s[0] == '"' && strings.IndexByte(value, '\\') >= 0) || !isComment(s[2+end:]) {
			return nil, false
		}
		n := p.node(yaml.ScalarNode, "!!str", value, number, column)
		if s[0] == '"' {
			n.Style = yaml.DoubleQuotedStyle
		} else {
			n.Style = yaml.SingleQuotedStyle
		}
		return n, true
	case '[':
		return p.flowSequence(s, number, column)
	}
	value := s
	if hash := strings.Index(s, " #"); hash >= 0 {
		value = strings.TrimRight(s[:hash], " ")
	}
	if !isPlain(value) {
		return nil, false
	}
	tag, ok := plainTag(value)
	if !ok {
		return nil, false
	}
	return p.node(yaml.ScalarNode, tag, value, number, column), true
}

// flowSequence reads "[a, b, c]", whose items are words, starting at column.
func (p *parser) flowSequence(s string, number, column int) (*yaml.Node, bool) {
	end := strings.IndexByte(s, ']')
	if end < 0 || !isComment(s[end+1:]) {
		return nil, false
	}
	seq := p.node(yaml.SequenceNode, "!!seq", "", number, column)
	seq.Style = yaml.FlowStyle
	inside := s[1:end]
	if strings.TrimLeft(inside, " ") == "" {
		return seq, true
	}
	offset := 1
	mark := len(p.stack)
	for _, part := range strings.Split(inside, ",") {
		word := strings.TrimLeft(part, " ")
		lead := len(part) - len(word)
		word = strings.TrimRight(word, " ")
		if !isWord(word) {
			return nil, false
		}
		tag, ok := plainTag(word)
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, p.node(yaml.ScalarNode, tag, word, number, column+offset+lead))
		offset += len(part) + 1
	}
	seq.Content = p.content(mark)
	return seq, true
}

// isComment reports whether s, what follows a value on its line, is
// nothing or spaces and a comment.
func isComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || (t[0] == '#' && len(t) < len(s))
}

// isWord reports whether s is a simple word: a letter or underscore, then
// letters, digits, underscores and hyphens.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', b == '_':
		case i > 0 && ('0' <= b && b <= '9' || b == '-'):
		default:
			return false
		}
	}
	return true
}

// isPlain reports whether s, trimmed, reads as one plain scalar in block
// context: it does not open with an indicator and holds neither ": " nor
// " #", nor ends in a colon.
func isPlain(s string) bool {
	if s == "" || strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", s[0]) >= 0 {
		return false
	}
	return !strings.Contains(s, ": ") && !strings.Contains(s, " #") && s[len(s)-1] != ':'
}

// plainTag resolves a plain scalar as yaml.v3 does, for the values this
// package accepts: true and false are booleans; null, Null, NULL and ~ are
// null; a decimal number without sign or leading zero is an integer; text
// that opens with a letter, an underscore or any character other than a
// digit, sign, dot or ~ is a string. ok is false for anything else, such as
// 1.5, 0x10, 2026-11-23 or .inf, which yaml.v3 may read as another type.
func plainTag(s string) (tag string, ok bool) {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", true
	case "null", "Null", "NULL", "~":
		return "!!null", true
	}
	switch b := s[0]; {
	case '1' <= b && b <= '9' || s == "0":
		if len(s) > 18 {
			return "", false // may not fit an int64
		}
		for i := 1; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return "", false
			}
		}
		return "!!int", true
	case '0' <= b && b <= '9', b == '+', b == '-', b == '.', b == '<':
		return "", false
	}
	return "!!str", true
}
