package registry

import (
	"fmt"
	"sort"

	"go.yaml.in/yaml/v3"
)

// decodeRegistry turns the root node into a Registry. Entries that fail to
// decode are left out; rangesComplete is false when a range was left out, so
// that the checks of codes against ranges do not report problems that only
// the broken range causes.
//
// A registry that says `extends: standard` inherits the reason and ranges of
// the standard registry, and may not set its own.
func decodeRegistry(c *errorCollector, root *yaml.Node) (reg *Registry, rangesComplete bool) {
	reg = &Registry{}
	extends := root.Kind == yaml.MappingNode && mappingHasKey(root, "extends")
	f := fields(c, root, "the registry", []fieldSpec{
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
		rangesComplete = decodeExtends(c, f.get("extends"), reg)
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
func decodeExtends(c *errorCollector, n *yaml.Node, reg *Registry) bool {
	name, ok := readString(c, n, "extends")
	if !ok {
		return false
	}
	if name != StandardName {
		c.addf(nodePos(n), "extends %q is not known; the only registry to extend is %q", short(name), StandardName)
		return false
	}
	base, err := Standard()
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
	o := Output{Pos: map[string]Pos{}}
	f := fields(c, n, "output", []fieldSpec{
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
				o.Pos[key] = nodePos(v)
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
	f := fields(c, n, "reason", []fieldSpec{{"max_bytes", true}, {"reference", true}})
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
	wire := readBool(c, f.get("wire_valid"), what+" wire_valid")
	browser := readBool(c, f.get("browser_can_send"), what+" browser_can_send")
	return Facts{WireValid: wire, BrowserCanSend: browser}
}

// blockFields are the fields that ranges and parts share.
var blockFields = []fieldSpec{
	{"label", true}, {"first", true}, {"last", true}, {"description", true}, {"reference", true},
	{"wire_valid", true}, {"browser_can_send", true},
}

// rangeFields are the fields of a range: a block with a name, a policy for
// its codes, and maybe parts.
var rangeFields = join([]fieldSpec{{"name", true}}, blockFields, policyFields(true),
	[]fieldSpec{{"parts", false}, {"extendable", false}})

// partFields are the fields of a part: a block, with a policy of its own if
// its range's does not fit.
var partFields = join(blockFields, policyFields(false))

func join(lists ...[]fieldSpec) []fieldSpec {
	var all []fieldSpec
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// decodeBlock reads the fields a range and a part share from f, the fields
// of the mapping n.
func decodeBlock(c *errorCollector, n *yaml.Node, f fieldSet, what string) Block {
	b := Block{Pos: nodePos(n)}
	b.Label, b.LabelTranslations, _ = readDescription(c, f.get("label"), what+" label")
	b.First, _ = readCode(c, f.get("first"), what+" first")
	b.Last, _ = readCode(c, f.get("last"), what+" last")
	b.Description, b.Translations, _ = readDescription(c, f.get("description"), what+" description")
	b.Reference, _ = readText(c, f.get("reference"), what+" reference")
	b.Facts = decodeFacts(c, f, what)
	b.Policy = decodePolicy(c, f, what)
	return b
}

// decodeRange reads a range and its parts; ok is false when any of it has
// a problem.
func decodeRange(c *errorCollector, n *yaml.Node) (r Range, ok bool) {
	start := c.count()
	f := fields(c, n, "range", rangeFields)
	what := "range"
	if name, nameOK := readString(c, f.get("name"), "range name"); nameOK && f.get("name") != nil {
		r.Name = name
		if name != "" {
			what = "range " + short(name)
		}
		checkIdentifier(c, f.get("name"), what+" name", name, "Private")
	}
	r.Block = decodeBlock(c, n, f, what)
	r.Extendable = readBool(c, f.get("extendable"), what+" extendable")
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
	f := fields(c, n, what, partFields)
	return Part{decodeBlock(c, n, f, what)}, c.count() == start
}

// codeFields are the fields of a code entry.
var codeFields = join([]fieldSpec{
	{"code", true}, {"name", true}, {"label", true}, {"aliases", false},
	{"description", true}, {"reference", true},
	{"wire_valid", true}, {"browser_can_send", true}, {"rule_exception", false},
}, policyFields(false))

func decodeCode(c *errorCollector, n *yaml.Node) (Code, bool) {
	start := c.count()
	code := Code{Pos: nodePos(n)}
	f := fields(c, n, "code entry", codeFields)
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
	code.Policy = decodePolicy(c, f, what)
	if n := f.get("rule_exception"); n != nil {
		code.RuleException, code.RuleExceptionTranslations, _ = readDescription(c, n, what+" rule_exception")
	}
	return code, c.count() == start
}
