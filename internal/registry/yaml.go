package registry

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/closecodes/closecodes/internal/spell"
)

// parseYAML returns the root node, or nil after reporting what is wrong with the file as a whole.
func parseYAML(c *errorCollector, data []byte) *yaml.Node {
	text := string(data)
	for i, r := range text {
		if r == utf8.RuneError && !strings.HasPrefix(text[i:], "\uFFFD") {
			lineStart := strings.LastIndexByte(text[:i], '\n') + 1
			c.addf(Pos{strings.Count(text[:i], "\n") + 1, utf8.RuneCountInString(text[lineStart:i]) + 1},
				"file is not valid UTF-8; save it as UTF-8")
			return nil
		}
	}
	dec := yaml.NewDecoder(strings.NewReader(text))
	var doc, extra yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		err = dec.Decode(&extra)
	}
	msg := fmt.Sprint(err)
	line := yamlLineRE.FindStringSubmatch(msg)
	anchor := unknownAnchorRE.FindStringSubmatch(msg)
	switch {
	case err == nil:
		c.addf(nodePos(&extra), "a registry is one YAML document; remove the second one")
	case line != nil:
		n, _ := strconv.Atoi(line[1])
		c.addf(Pos{max(n, 1), 1}, "invalid YAML: %s", line[2])
	case anchor != nil: // an alias of an anchor not defined, which yaml.v3 reports without a line
		c.addf(aliasPos(text, anchor[1]), "YAML alias *%s is not allowed in a registry; write the value out",
			short(anchor[1]))
	case !errors.Is(err, io.EOF):
		c.addf(Pos{1, 1}, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
	case len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null":
		c.addf(Pos{1, 1}, "registry is empty; it needs ranges and codes")
	default:
		checkPlain(c, doc.Content[0])
		if c.count == 0 {
			return doc.Content[0]
		}
	}
	return nil
}

// checkPlain refuses anchors, aliases and merge keys: no registry needs them, and aliases can blow a file up.
func checkPlain(c *errorCollector, n *yaml.Node) {
	switch {
	case n.Kind == yaml.AliasNode:
		c.addf(nodePos(n), "YAML alias *%s is not allowed in a registry; write the value out", short(n.Value))
	case n.Anchor != "":
		c.addf(nodePos(n), "YAML anchor &%s is not allowed in a registry; remove it", short(n.Anchor))
	case n.Tag == "!!merge":
		c.addf(nodePos(n), "YAML merge key << is not allowed in a registry; write the fields out")
	}
	for _, child := range n.Content {
		checkPlain(c, child)
	}
}

var (
	yamlLineRE      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownAnchorRE = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// aliasPos finds the first *name standing alone outside a comment (quotes aside), else 1:1.
// It reads each line once, so a huge hostile file costs no more than its size.
func aliasPos(text, name string) Pos {
	for n, line := range strings.Split(text, "\n") {
		code := " " + line // the space stands for the line's start: a comment may begin there
		for _, mark := range []string{" #", "\t#"} {
			if i := strings.Index(code, mark); i >= 0 {
				code = code[:i]
			}
		}
		for from := 0; ; {
			i := strings.Index(code[from:], "*"+name)
			if i < 0 {
				break
			}
			at, end := from+i, from+i+1+len(name)
			if strings.ContainsRune(" \t\r[{,", rune(code[at-1])) &&
				(end == len(code) || strings.ContainsRune(" \t\r]},", rune(code[end]))) {
				return Pos{n + 1, utf8.RuneCountInString(code[1:at]) + 1}
			}
			from = at + 1
		}
	}
	return Pos{1, 1}
}

func nodePos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

var (
	nodeKinds   = map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}
	scalarKinds = map[string]string{"!!null": "null", "!!int": "a number", "!!float": "a decimal number",
		"!!bool": "a boolean", "!!str": "a string"}
)

// kindName says what n is; checkPlain has refused aliases, the one other kind a value may be.
func kindName(n *yaml.Node) string {
	return cmp.Or(nodeKinds[n.Kind], scalarKinds[n.Tag], "a value tagged "+short(n.Tag))
}

// fieldSet holds a mapping's key and value nodes by name; get and key give nil for an absent field.
type fieldSet map[string]struct{ key, value *yaml.Node }

func (f fieldSet) get(name string) *yaml.Node { return f[name].value }
func (f fieldSet) key(name string) *yaml.Node { return f[name].key }

// fields reads a mapping whose keys must be among known, and include every one not optional.
func fields(c *errorCollector, n *yaml.Node, what string, known []string, optional ...string) fieldSet {
	set := fieldSet{}
	if n.Kind != yaml.MappingNode {
		c.addf(nodePos(n), "%s must be a mapping, not %s", what, kindName(n))
		return set
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		switch first := set.key(key.Value); {
		case key.Kind != yaml.ScalarNode || key.Tag != "!!str":
			c.addf(nodePos(key), "%s has a key that is %s; keys are field names", what, kindName(key))
		case !slices.Contains(known, key.Value):
			c.addf(nodePos(key), "unknown field %q in %s; %s",
				short(key.Value), what, didYouMean(key.Value, known, "known fields: "))
		case first != nil:
			c.addf(nodePos(key), "field %q appears twice in %s (first at line %d)", key.Value, what, first.Line)
		default:
			set[key.Value] = struct{ key, value *yaml.Node }{key, value}
		}
	}
	for _, name := range known {
		if set.get(name) == nil && !slices.Contains(optional, name) {
			c.addf(nodePos(n), "%s is missing required field %q", what, name)
		}
	}
	return set
}

// didYouMean suggests the known name s likely misspells, or lists them.
func didYouMean(s string, known []string, list string) string {
	if best := spell.Closest(s, known, 3); best != nil {
		return fmt.Sprintf("did you mean %q?", best[0])
	}
	return list + strings.Join(known, ", ")
}

// The readers below check a value's YAML type before converting it, so that `label: 1000` or
// `code: "1000"` is an error rather than a guess. A nil node is an absent field: no problem, not ok.

// isScalar reports whether n is a scalar tagged one of tags; msg formats what and n's kind if not.
func isScalar(c *errorCollector, n *yaml.Node, msg, what string, tags ...string) bool {
	if n != nil && (n.Kind != yaml.ScalarNode || !slices.Contains(tags, n.Tag)) {
		c.addf(nodePos(n), msg, what, kindName(n))
		return false
	}
	return n != nil
}

func readString(c *errorCollector, n *yaml.Node, what string) (string, bool) {
	if !isScalar(c, n, "%s must be a string, not %s; quote it if it is meant as text", what, "!!str") {
		return "", false
	}
	return n.Value, true
}

func readBool(c *errorCollector, n *yaml.Node, what string) bool {
	var b bool
	if isScalar(c, n, "%s must be true or false, not %s", what, "!!bool") && n.Decode(&b) != nil {
		c.addf(nodePos(n), "%s must be true or false, not %q", what, short(n.Value))
	}
	return b
}

func readCode(c *errorCollector, n *yaml.Node, what string) (uint16, bool) {
	v, ok := readNumber(c, n, 0, 65535, what,
		"write close codes in decimal digits, such as 4000", "close codes are 0 to 65535")
	return uint16(v), ok
}

// plainDecimalRE matches a whole number as people write one. YAML also reads 0x1F, 0o17, 0b11, 1_000,
// +5 and 017 (octal) as numbers; in a registry those are slips more often than intent.
var plainDecimalRE = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)

// readNumber reads a plain decimal number from lo to hi; fix says how to write one, span what the range is.
func readNumber(c *errorCollector, n *yaml.Node, lo, hi uint64, what, fix, span string) (uint64, bool) {
	// YAML reads 4000.0 and 04009 as floats: numbers spelt otherwise.
	if !isScalar(c, n, "%s must be a whole number, not %s", what, "!!int", "!!float") {
		return 0, false
	}
	if !plainDecimalRE.MatchString(n.Value) {
		c.addf(nodePos(n), "%s %q is not a plain decimal number; %s", what, short(n.Value), fix)
		return 0, false
	}
	// Digits fail to parse only by overflow, giving the largest uint64, which is above every hi.
	if v, _ := strconv.ParseUint(n.Value, 10, 64); lo <= v && v <= hi {
		return v, true
	}
	c.addf(nodePos(n), "%s %s is out of range; %s", what, short(n.Value), span)
	return 0, false
}

func readList(c *errorCollector, n *yaml.Node, what string) ([]*yaml.Node, bool) {
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		c.addf(nodePos(n), "%s must be a list, not %s", what, kindName(n))
		return nil, false
	}
	return n.Content, true
}
