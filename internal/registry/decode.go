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

	"github.com/closecodes/closecodes/internal/fastyaml"
	"github.com/closecodes/closecodes/internal/spell"
)

// parseYAML turns data into a YAML node tree, reporting problems of the file
// itself: bad UTF-8, YAML syntax, emptiness, several documents. Registries
// in the plain shape fastyaml reads skip yaml.v3, which takes several times
// as long to build the same tree; everything else goes to yaml.v3.
func parseYAML(c *errorCollector, data []byte) *yaml.Node {
	if pos, ok := firstInvalidUTF8(data); !ok {
		c.addf(pos, "file is not valid UTF-8; save it as UTF-8")
		return nil
	}
	if root, ok := fastyaml.Parse(data); ok {
		return root
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

// fieldSet holds the key and value nodes of a mapping's fields, in the
// order of its specs. A mapping has a handful of fields, so a search of the
// specs is quicker than a map, and a registry has thousands of mappings.
type fieldSet struct {
	specs  []fieldSpec
	keys   []*yaml.Node
	values []*yaml.Node
}

// index returns the position of the field called name in specs, or -1.
func (f fieldSet) index(name string) int {
	for i, s := range f.specs {
		if s.name == name {
			return i
		}
	}
	return -1
}

// get returns the value node of the field called name, or nil when the
// mapping does not have it.
func (f fieldSet) get(name string) *yaml.Node {
	if i := f.index(name); i >= 0 {
		return f.values[i]
	}
	return nil
}

// key returns the key node of the field called name, or nil.
func (f fieldSet) key(name string) *yaml.Node {
	if i := f.index(name); i >= 0 {
		return f.keys[i]
	}
	return nil
}

// fields reads a mapping node whose keys must all be among specs. It reports
// unknown keys (suggesting the nearest known one), duplicate keys and missing
// required keys, and returns the nodes of the fields found.
func fields(c *errorCollector, n *yaml.Node, what string, specs []fieldSpec) (fieldSet, bool) {
	nodes := make([]*yaml.Node, 2*len(specs))
	set := fieldSet{specs: specs, keys: nodes[:len(specs)], values: nodes[len(specs):]}
	if n.Kind != yaml.MappingNode {
		c.addf(nodePos(n), "%s must be a mapping, not %s", what, kindName(n))
		return set, false
	}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.Tag != "!!str" {
			c.addf(nodePos(key), "%s has a key that is %s; keys are field names", what, kindName(key))
			ok = false
			continue
		}
		at := set.index(key.Value)
		if at < 0 {
			known := make([]string, len(specs))
			for i, s := range specs {
				known[i] = s.name
			}
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
		if first := set.keys[at]; first != nil {
			c.addf(nodePos(key), "field %q appears twice in %s (first at line %d)", key.Value, what, first.Line)
			ok = false
			continue
		}
		set.keys[at] = key
		set.values[at] = value
	}
	for i, s := range specs {
		if s.required && set.values[i] == nil {
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
	// The six spellings YAML reads as a boolean, without the reflection
	// of Decode; anything else tagged !!bool goes through Decode.
	switch n.Value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
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
	v, ok := readInt(c, n, what)
	if !ok {
		return 0, false
	}
	if v < 0 || v > 65535 {
		c.addf(nodePos(n), "%s %s is out of range; close codes are 0 to 65535", what, n.Value)
		return 0, false
	}
	return uint16(v), true
}

func readInt(c *errorCollector, n *yaml.Node, what string) (int64, bool) {
	if n == nil {
		return 0, true
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		c.addf(nodePos(n), "%s must be a whole number, not %s", what, kindName(n))
		return 0, false
	}
	// Plain decimal numbers, the usual case, without the reflection of
	// Decode; hexadecimal, octal, underscores and signs go through Decode.
	if v, err := strconv.ParseUint(n.Value, 10, 63); err == nil && (n.Value[0] != '0' || n.Value == "0") {
		return int64(v), true
	}
	var v int64
	if err := n.Decode(&v); err != nil {
		c.addf(nodePos(n), "%s %s is too large to be a number here", what, n.Value)
		return 0, false
	}
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
		{"ts_out", false}, {"ts_package", false}, {"ts_style", false},
		{"ts_version", false}, {"ts_license", false}, {"ts_description", false}, {"ts_repository", false},
		{"docs_out", false},
	})
	for key, dst := range map[string]*string{
		"go_out": &o.GoOut, "go_package": &o.GoPackage, "go_type": &o.GoType,
		"ts_out": &o.TSOut, "ts_package": &o.TSPackage, "ts_style": &o.TSStyle,
		"ts_version": &o.TSVersion, "ts_license": &o.TSLicense, "ts_description": &o.TSDescription,
		"ts_repository": &o.TSRepository, "docs_out": &o.DocsOut,
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

func decodeReason(c *errorCollector, n *yaml.Node) Reason {
	var r Reason
	f, _ := fields(c, n, "reason", []fieldSpec{{"max_bytes", true}, {"reference", true}})
	if v, ok := readInt(c, f.get("max_bytes"), "reason max_bytes"); ok {
		r.MaxBytes = int(v)
		if n := f.get("max_bytes"); n != nil && (v < 1 || v > 123) {
			c.addf(nodePos(n), "reason max_bytes %d is out of range; a Close frame leaves room for 1 to 123 bytes of reason (RFC 6455, 5.5)", v)
		}
	}
	r.Reference, _ = readText(c, f.get("reference"), "reason reference")
	return r
}

func decodeFacts(c *errorCollector, f fieldSet, what string) (Facts, bool) {
	wire, ok1 := readBool(c, f.get("wire_valid"), what+" wire_valid")
	browser, ok2 := readBool(c, f.get("browser_can_send"), what+" browser_can_send")
	return Facts{WireValid: wire, BrowserCanSend: browser}, ok1 && ok2
}

func decodeRange(c *errorCollector, n *yaml.Node) (Range, bool) {
	r := Range{Pos: nodePos(n)}
	f, ok := fields(c, n, "range", []fieldSpec{
		{"name", true}, {"label", true}, {"first", true}, {"last", true},
		{"description", true}, {"reference", true},
		{"wire_valid", true}, {"browser_can_send", true}, {"parts", false}, {"extendable", false},
	})
	what := "range"
	if name, nameOK := readString(c, f.get("name"), "range name"); nameOK && name != "" {
		what = fmt.Sprintf("range %s", name)
		r.Name = name
		ok = checkIdentifier(c, f.get("name"), what+" name", name) && ok
	}
	var good bool
	r.Label, good = readText(c, f.get("label"), what+" label")
	ok = ok && good
	r.First, good = readCode(c, f.get("first"), what+" first")
	ok = ok && good
	r.Last, good = readCode(c, f.get("last"), what+" last")
	ok = ok && good
	r.Description, r.Translations, good = readDescription(c, f.get("description"), what+" description")
	ok = ok && good
	r.Reference, good = readText(c, f.get("reference"), what+" reference")
	ok = ok && good
	r.Facts, good = decodeFacts(c, f, what)
	ok = ok && good
	r.Extendable, good = readBool(c, f.get("extendable"), what+" extendable")
	ok = ok && good
	if items, listOK := readList(c, f.get("parts"), what+" parts"); listOK {
		for _, item := range items {
			p, partOK := decodePart(c, item, what)
			ok = ok && partOK
			if partOK {
				r.Parts = append(r.Parts, p)
			}
		}
	} else {
		ok = false
	}
	sort.SliceStable(r.Parts, func(i, j int) bool { return r.Parts[i].First < r.Parts[j].First })
	return r, ok
}

func decodePart(c *errorCollector, n *yaml.Node, rangeWhat string) (Part, bool) {
	p := Part{Pos: nodePos(n)}
	what := "part of " + rangeWhat
	f, ok := fields(c, n, what, []fieldSpec{
		{"label", true}, {"first", true}, {"last", true},
		{"description", true}, {"reference", true},
		{"wire_valid", true}, {"browser_can_send", true},
	})
	var good bool
	p.Label, good = readText(c, f.get("label"), what+" label")
	ok = ok && good
	p.First, good = readCode(c, f.get("first"), what+" first")
	ok = ok && good
	p.Last, good = readCode(c, f.get("last"), what+" last")
	ok = ok && good
	p.Description, p.Translations, good = readDescription(c, f.get("description"), what+" description")
	ok = ok && good
	p.Reference, good = readText(c, f.get("reference"), what+" reference")
	ok = ok && good
	p.Facts, good = decodeFacts(c, f, what)
	return p, ok && good
}

// codeFields are the fields of a code entry.
var codeFields = []fieldSpec{
	{"code", true}, {"name", true}, {"label", true}, {"aliases", false},
	{"description", true}, {"reference", true},
	{"wire_valid", true}, {"browser_can_send", true}, {"rule_exception", false},
}

func decodeCode(c *errorCollector, n *yaml.Node) (Code, bool) {
	code := Code{Pos: nodePos(n)}
	f, ok := fields(c, n, "code entry", codeFields)
	what := "code entry"
	var good bool
	code.Value, good = readCode(c, f.get("code"), "code")
	ok = ok && good
	if good && f.get("code") != nil {
		what = fmt.Sprintf("code %d", code.Value)
	}
	if nameNode := f.get("name"); nameNode != nil {
		code.NamePos = nodePos(nameNode)
		code.Name, good = readString(c, nameNode, what+" name")
		ok = ok && good && checkIdentifier(c, nameNode, what+" name", code.Name)
	}
	code.Label, good = readText(c, f.get("label"), what+" label")
	ok = ok && good
	if items, listOK := readList(c, f.get("aliases"), what+" aliases"); listOK {
		for _, item := range items {
			alias, aliasOK := readString(c, item, what+" alias")
			if aliasOK && checkAlias(c, item, what, alias) {
				code.Aliases = append(code.Aliases, alias)
				code.AliasPos = append(code.AliasPos, nodePos(item))
			} else {
				ok = false
			}
		}
	} else {
		ok = false
	}
	code.Description, code.Translations, good = readDescription(c, f.get("description"), what+" description")
	ok = ok && good
	code.Reference, good = readText(c, f.get("reference"), what+" reference")
	ok = ok && good
	code.Facts, good = decodeFacts(c, f, what)
	ok = ok && good
	if n := f.get("rule_exception"); n != nil {
		code.RuleException, good = readText(c, n, what+" rule_exception")
		ok = ok && good
	}
	return code, ok
}
