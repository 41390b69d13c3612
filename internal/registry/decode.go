package registry

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
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
		c.addf(syntaxErrorPos(err), "invalid YAML: %s", syntaxErrorMsg(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		c.addf(nodePos(&extra), "a registry is one YAML document; remove the second one")
		return nil
	} else if !errors.Is(err, io.EOF) {
		c.addf(syntaxErrorPos(err), "invalid YAML: %s", syntaxErrorMsg(err))
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
			c.addf(nodePos(n), "YAML alias *%s is not allowed in a registry; write the value out", n.Value)
			ok = false
			return
		case n.Anchor != "":
			c.addf(nodePos(n), "YAML anchor &%s is not allowed in a registry; remove it", n.Anchor)
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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func syntaxErrorPos(err error) Pos {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if line, convErr := strconv.Atoi(m[1]); convErr == nil {
			return Pos{line, 1}
		}
	}
	return Pos{1, 1}
}

func syntaxErrorMsg(err error) string {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
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
		return "a value tagged " + n.Tag
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
			msg := fmt.Sprintf("unknown field %q in %s", key.Value, what)
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
		c.addf(nodePos(n), "%s must be true or false, not %q", what, n.Value)
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

// decodeRegistry turns the root node into a Registry. Entries that fail to
// decode are left out; rangesComplete is false when a range was left out, so
// that the checks of codes against ranges do not report problems that only
// the broken range causes.
//
// A registry that says `extends: standard` inherits the reason and ranges of
// the standard registry, which standard returns, and may not set its own.
func decodeRegistry(c *errorCollector, root *yaml.Node, standard func() (*Registry, error)) (reg *Registry, rangesComplete bool) {
	reg = &Registry{}
	extends := root.Kind == yaml.MappingNode && mappingHasKey(root, "extends")
	f, _ := fields(c, root, "the registry", []fieldSpec{
		{"extends", false}, {"output", false},
		{"reason", !extends}, {"ranges", !extends}, {"codes", true},
	})
	if n := f.get("output"); n != nil {
		reg.Output = decodeOutput(c, n)
	}
	rangesComplete = true
	if extends {
		for _, key := range []string{"reason", "ranges"} {
			if k := f.key(key); k != nil {
				c.addf(nodePos(k), "a registry that extends another inherits its %s; remove %q", key, key)
			}
		}
		rangesComplete = decodeExtends(c, f.get("extends"), reg, standard)
	} else {
		if n := f.get("reason"); n != nil {
			reg.Reason = decodeReason(c, n)
		}
		var items []*yaml.Node
		items, rangesComplete = readList(c, f.get("ranges"), "ranges")
		for _, item := range items {
			if r, ok := decodeRange(c, item); ok {
				reg.Ranges = append(reg.Ranges, r)
			} else {
				rangesComplete = false
			}
		}
		rangesComplete = rangesComplete && f.get("ranges") != nil
	}
	if n := f.get("codes"); n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		c.addf(nodePos(n), "codes is empty; a registry names at least one code")
	}
	if items, ok := readList(c, f.get("codes"), "codes"); ok {
		for _, item := range items {
			if code, ok := decodeCode(c, item); ok {
				reg.Codes = append(reg.Codes, code)
			}
		}
	}
	sort.SliceStable(reg.Ranges, func(i, j int) bool { return reg.Ranges[i].First < reg.Ranges[j].First })
	sort.SliceStable(reg.Codes, func(i, j int) bool { return reg.Codes[i].Value < reg.Codes[j].Value })
	return reg, rangesComplete
}

func mappingHasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// decodeExtends reads `extends: standard` and copies the standard registry's
// reason, ranges and codes into reg, marking the codes as inherited.
func decodeExtends(c *errorCollector, n *yaml.Node, reg *Registry, standard func() (*Registry, error)) bool {
	name, ok := readString(c, n, "extends")
	if !ok {
		return false
	}
	if name != StandardName {
		c.addf(nodePos(n), "extends %q is not known; the only registry to extend is %q", name, StandardName)
		return false
	}
	base, err := standard()
	if err != nil {
		c.addf(nodePos(n), "the standard registry cannot be read: %v", err)
		return false
	}
	reg.Extends = StandardName
	reg.Reason = base.Reason
	reg.Ranges = append(reg.Ranges, base.Ranges...)
	for _, code := range base.Codes {
		code.Inherited = true
		reg.Codes = append(reg.Codes, code)
	}
	return true
}

func decodeOutput(c *errorCollector, n *yaml.Node) Output {
	var o Output
	f, _ := fields(c, n, "output", []fieldSpec{
		{"go_out", false}, {"go_package", false}, {"go_type", false},
		{"ts_out", false}, {"ts_package", false}, {"ts_style", false}, {"docs_out", false},
	})
	for key, dst := range map[string]*string{
		"go_out": &o.GoOut, "go_package": &o.GoPackage, "go_type": &o.GoType,
		"ts_out": &o.TSOut, "ts_package": &o.TSPackage, "ts_style": &o.TSStyle, "docs_out": &o.DocsOut,
	} {
		if v := f.get(key); v != nil {
			s, ok := readString(c, v, "output "+key)
			if ok {
				*dst = s
				o.set(key, nodePos(v))
			}
		}
	}
	return o
}

// maxReasonBytes is the longest reason a Close frame can carry. A control
// frame's payload is at most 125 bytes (RFC 6455, 5.5), and a Close frame
// spends the first 2 of them on the code (5.5.1).
const maxReasonBytes = 125 - 2

func decodeReason(c *errorCollector, n *yaml.Node) Reason {
	var r Reason
	f, _ := fields(c, n, "reason", []fieldSpec{{"max_bytes", true}, {"reference", true}})
	n = f.get("max_bytes")
	v, ok := readNumber(c, n, "reason max_bytes", fmt.Sprintf("write it in decimal digits, such as %d", maxReasonBytes))
	if ok && n != nil && (v < 1 || v > maxReasonBytes) {
		c.addf(nodePos(n), "reason max_bytes %s is out of range; a Close frame leaves room for 1 to %d bytes of reason (RFC 6455, 5.5)",
			short(n.Value), maxReasonBytes)
	}
	r.MaxBytes = int(min(v, maxReasonBytes))
	r.Reference, _ = readText(c, f.get("reference"), "reason reference")
	return r
}

func decodeFacts(c *errorCollector, f fieldSet, what string) Facts {
	wire, _ := readBool(c, f.get("wire_valid"), what+" wire_valid")
	browser, _ := readBool(c, f.get("browser_can_send"), what+" browser_can_send")
	return Facts{WireValid: wire, BrowserCanSend: browser}
}

// blockFields are the fields that ranges and parts share.
var blockFields = []fieldSpec{
	{"label", true}, {"first", true}, {"last", true}, {"description", true}, {"reference", true},
	{"wire_valid", true}, {"browser_can_send", true},
}

// rangeFields are the fields of a range: a block with a name, and maybe
// parts.
var rangeFields = append(append([]fieldSpec{{"name", true}}, blockFields...),
	fieldSpec{"parts", false}, fieldSpec{"extendable", false})

// decodeBlock reads the fields a range and a part share from f, the fields
// of the mapping n.
func decodeBlock(c *errorCollector, n *yaml.Node, f fieldSet, what string) Block {
	b := Block{Pos: nodePos(n)}
	b.Label, _ = readText(c, f.get("label"), what+" label")
	b.First, _ = readCode(c, f.get("first"), what+" first")
	b.Last, _ = readCode(c, f.get("last"), what+" last")
	b.Description, b.Translations, _ = readDescription(c, f.get("description"), what+" description")
	b.Reference, _ = readText(c, f.get("reference"), what+" reference")
	b.Facts = decodeFacts(c, f, what)
	return b
}

// decodeRange reads a range and its parts; ok is false when any of it has
// a problem.
func decodeRange(c *errorCollector, n *yaml.Node) (r Range, ok bool) {
	start := c.count()
	f, _ := fields(c, n, "range", rangeFields)
	what := "range"
	if name, nameOK := readString(c, f.get("name"), "range name"); nameOK && f.get("name") != nil {
		r.Name = name
		if name != "" {
			what = "range " + short(name)
		}
		checkIdentifier(c, f.get("name"), what+" name", name, "Private")
	}
	r.Block = decodeBlock(c, n, f, what)
	r.Extendable, _ = readBool(c, f.get("extendable"), what+" extendable")
	items, _ := readList(c, f.get("parts"), what+" parts")
	for _, item := range items {
		if p, partOK := decodePart(c, item, what); partOK {
			r.Parts = append(r.Parts, p)
		}
	}
	sort.SliceStable(r.Parts, func(i, j int) bool { return r.Parts[i].First < r.Parts[j].First })
	return r, c.count() == start
}

func decodePart(c *errorCollector, n *yaml.Node, rangeWhat string) (Part, bool) {
	start := c.count()
	what := "part of " + rangeWhat
	f, _ := fields(c, n, what, blockFields)
	return Part{decodeBlock(c, n, f, what)}, c.count() == start
}

// codeFields are the fields of a code entry.
var codeFields = []fieldSpec{
	{"code", true}, {"name", true}, {"label", true}, {"aliases", false},
	{"description", true}, {"reference", true},
	{"wire_valid", true}, {"browser_can_send", true}, {"rule_exception", false},
}

func decodeCode(c *errorCollector, n *yaml.Node) (Code, bool) {
	start := c.count()
	code := Code{Pos: nodePos(n)}
	f, _ := fields(c, n, "code entry", codeFields)
	what := "code entry"
	var good bool
	if code.Value, good = readCode(c, f.get("code"), "code"); good && f.get("code") != nil {
		what = fmt.Sprintf("code %d", code.Value)
	}
	if nameNode := f.get("name"); nameNode != nil {
		code.NamePos = nodePos(nameNode)
		if code.Name, good = readString(c, nameNode, what+" name"); good {
			checkIdentifier(c, nameNode, what+" name", code.Name, "NormalClosure")
		}
	}
	code.Label, _ = readText(c, f.get("label"), what+" label")
	items, _ := readList(c, f.get("aliases"), what+" aliases")
	for _, item := range items {
		if alias, ok := readString(c, item, what+" alias"); ok && checkAlias(c, item, what, alias) {
			code.Aliases = append(code.Aliases, alias)
			code.AliasPos = append(code.AliasPos, nodePos(item))
		}
	}
	code.Description, code.Translations, _ = readDescription(c, f.get("description"), what+" description")
	code.Reference, _ = readText(c, f.get("reference"), what+" reference")
	code.Facts = decodeFacts(c, f, what)
	code.RuleException, _ = readText(c, f.get("rule_exception"), what+" rule_exception")
	return code, c.count() == start
}
