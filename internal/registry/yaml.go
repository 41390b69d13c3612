package registry

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/spell"
)

// parseYAML turns data into a YAML node tree, reporting problems of the file
// itself: bad UTF-8, YAML syntax, emptiness, several documents.
func parseYAML(c *errorCollector, data []byte) *yaml.Node {
	if pos, ok := firstInvalidUTF8(data); !ok {
		c.addf(pos, "file is not valid UTF-8; save it as UTF-8")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			c.addf(Pos{1, 1}, "registry is empty; it needs ranges and codes")
			return nil
		}
		reportSyntaxError(c, data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		c.addf(nodePos(&extra), "a registry is one YAML document; remove the second one")
		return nil
	} else if !errors.Is(err, io.EOF) {
		reportSyntaxError(c, data, err)
		return nil
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		c.addf(Pos{1, 1}, "registry is empty; it needs ranges and codes")
		return nil
	}
	root := doc.Content[0]
	if !checkPlain(c, root) {
		return nil
	}
	return root
}

// checkPlain refuses anchors, aliases and merge keys anywhere in the tree.
// A registry has no use for them, and aliases can make a small file expand
// into an enormous one.
func checkPlain(c *errorCollector, n *yaml.Node) bool {
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch {
		case n.Kind == yaml.AliasNode:
			c.addf(nodePos(n), "YAML alias *%s is not allowed in a registry; write the value out", short(n.Value))
			ok = false
			return
		case n.Anchor != "":
			c.addf(nodePos(n), "YAML anchor &%s is not allowed in a registry; remove it", short(n.Anchor))
			ok = false
		case n.Tag == "!!merge":
			c.addf(nodePos(n), "YAML merge key << is not allowed in a registry; write the fields out")
			ok = false
		}
		for _, child := range n.Content {
			walk(child)
		}
	}
	walk(n)
	return ok
}

var (
	yamlLineRE      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownAnchorRE = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// reportSyntaxError reports an error of yaml.v3's parser. Most carry a
// line; an alias whose anchor is not defined does not, so its place is
// found in data.
func reportSyntaxError(c *errorCollector, data []byte, err error) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		c.addf(Pos{max(line, 1), 1}, "invalid YAML: %s", m[2])
		return
	}
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		c.addf(aliasPos(data, m[1]), "YAML alias *%s is not allowed in a registry; write the value out", short(m[1]))
		return
	}
	c.addf(Pos{1, 1}, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// aliasPos finds the first alias *name in data outside comments: an
// asterisk after a space, a line start or a flow indicator, then name and
// its end. It gives 1:1 when none is found.
func aliasPos(data []byte, name string) Pos {
	text := string(data)
	for from := 0; ; {
		i := strings.Index(text[from:], "*"+name)
		if i < 0 {
			return Pos{1, 1}
		}
		start, end := from+i, from+i+1+len(name)
		from = start + 1
		if start > 0 && !strings.ContainsRune(" \t\r\n[{,", rune(text[start-1])) {
			continue
		}
		if end < len(text) && !strings.ContainsRune(" \t\r\n]},", rune(text[end])) {
			continue
		}
		lineStart := strings.LastIndexByte(text[:start], '\n') + 1
		if inComment(text[lineStart:start]) {
			continue
		}
		return Pos{strings.Count(text[:start], "\n") + 1, utf8.RuneCountInString(text[lineStart:start]) + 1}
	}
}

// inComment reports whether a line that starts with before goes on in a
// comment: a # at its start or after a space. It ignores quotes, which is
// close enough to find an alias.
func inComment(before string) bool {
	return strings.HasPrefix(before, "#") || strings.Contains(before, " #") || strings.Contains(before, "\t#")
}

// firstInvalidUTF8 finds the first byte that is not UTF-8; ok is true when
// there is none.
func firstInvalidUTF8(data []byte) (pos Pos, ok bool) {
	if utf8.Valid(data) {
		return Pos{}, true
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return Pos{line, col}, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return Pos{}, true
}

func nodePos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName says what a node is, in words for an error message.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int":
			return "a number"
		case "!!float":
			return "a decimal number"
		case "!!bool":
			return "a boolean"
		case "!!str":
			return "a string"
		}
		return "a value tagged " + short(n.Tag)
	}
	return "an unexpected value"
}

// fieldSpec names a field of a mapping and says whether it must be there.
type fieldSpec struct {
	name     string
	required bool
}

// fieldSet holds the key and value nodes of a mapping's fields, by name.
type fieldSet map[string]field

type field struct{ key, value *yaml.Node }

// get returns the value node of the field called name, or nil when the
// mapping does not have it.
func (f fieldSet) get(name string) *yaml.Node { return f[name].value }

// key returns the key node of the field called name, or nil.
func (f fieldSet) key(name string) *yaml.Node { return f[name].key }

// fields reads a mapping node whose keys must all be among specs. It reports
// unknown keys (suggesting the nearest known one), duplicate keys and missing
// required keys, and returns the nodes of the fields found.
func fields(c *errorCollector, n *yaml.Node, what string, specs []fieldSpec) (fieldSet, bool) {
	set := fieldSet{}
	if n.Kind != yaml.MappingNode {
		c.addf(nodePos(n), "%s must be a mapping, not %s", what, kindName(n))
		return set, false
	}
	known := make([]string, len(specs))
	for i, s := range specs {
		known[i] = s.name
	}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.Tag != "!!str" {
			c.addf(nodePos(key), "%s has a key that is %s; keys are field names", what, kindName(key))
			ok = false
			continue
		}
		if !contains(known, key.Value) {
			msg := fmt.Sprintf("unknown field %q in %s", short(key.Value), what)
			if s := nearest(key.Value, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known fields: " + strings.Join(known, ", ")
			}
			c.addf(nodePos(key), "%s", msg)
			ok = false
			continue
		}
		if first := set.key(key.Value); first != nil {
			c.addf(nodePos(key), "field %q appears twice in %s (first at line %d)", key.Value, what, first.Line)
			ok = false
			continue
		}
		set[key.Value] = field{key, value}
	}
	for _, s := range specs {
		if s.required && set.get(s.name) == nil {
			c.addf(nodePos(n), "%s is missing required field %q", what, s.name)
			ok = false
		}
	}
	return set, ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nearest returns the known name closest to s when it is close enough to be
// a likely misspelling, or "".
func nearest(s string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := spell.Distance(strings.ToLower(s), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// The scalar readers below check a value's YAML type before converting it,
// so that `label: 1000` or `code: "1000"` is an error rather than a guess.

func readString(c *errorCollector, n *yaml.Node, what string) (string, bool) {
	if n == nil {
		return "", true
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		c.addf(nodePos(n), "%s must be a string, not %s; quote it if it is meant as text", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func readBool(c *errorCollector, n *yaml.Node, what string) (bool, bool) {
	if n == nil {
		return false, true
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		c.addf(nodePos(n), "%s must be true or false, not %s", what, kindName(n))
		return false, false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		c.addf(nodePos(n), "%s must be true or false, not %q", what, short(n.Value))
		return false, false
	}
	return b, true
}

// readCode reads a close code: a whole number from 0 to 65535.
func readCode(c *errorCollector, n *yaml.Node, what string) (uint16, bool) {
	v, ok := readNumber(c, n, what, "write close codes in decimal digits, such as 4000")
	if ok && v > 65535 {
		c.addf(nodePos(n), "%s %s is out of range; close codes are 0 to 65535", what, short(n.Value))
		return 0, false
	}
	return uint16(v), ok
}

// plainDecimalRE matches a whole number as people write one: 0, or digits
// that do not start with 0. YAML also reads 0x1F, 0o17, 0b11, 1_000 and +5
// as numbers, and 017 as octal 15. In a registry those are slips more often
// than intent, and a slip that still reads as a number names the wrong code.
var plainDecimalRE = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)

// readNumber reads a whole number written in plain decimal digits. fix
// says how to write one, for the message when it is spelt otherwise.
func readNumber(c *errorCollector, n *yaml.Node, what, fix string) (uint64, bool) {
	if n == nil {
		return 0, true
	}
	// YAML reads 4000.0 and 04009 as floats; they are numbers spelt
	// otherwise, rather than values of another kind.
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		c.addf(nodePos(n), "%s must be a whole number, not %s", what, kindName(n))
		return 0, false
	}
	if !plainDecimalRE.MatchString(n.Value) {
		c.addf(nodePos(n), "%s %q is not a plain decimal number; %s", what, short(n.Value), fix)
		return 0, false
	}
	// Digits can fail to parse only by overflowing, and ParseUint then
	// returns the largest uint64, which every caller refuses as too large.
	v, _ := strconv.ParseUint(n.Value, 10, 64)
	return v, true
}

func readList(c *errorCollector, n *yaml.Node, what string) ([]*yaml.Node, bool) {
	if n == nil {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		c.addf(nodePos(n), "%s must be a list, not %s", what, kindName(n))
		return nil, false
	}
	return n.Content, true
}
