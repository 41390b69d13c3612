package registry

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// decodeRegistry leaves out entries with problems; rangesComplete is false if it left out a range.
func decodeRegistry(c *errorCollector, root *yaml.Node) (reg *Registry, rangesComplete bool) {
	reg = &Registry{}
	extends := false
	for i := 0; root.Kind == yaml.MappingNode && i < len(root.Content); i += 2 {
		extends = extends || root.Content[i].Value == "extends"
	}
	optional := []string{"extends", "output"}
	if extends {
		optional = append(optional, "reason", "ranges")
	}
	f := fields(c, root, "the registry", []string{"extends", "output", "reason", "ranges", "codes"}, optional...)
	if n := f.get("output"); n != nil {
		reg.Output = decodeOutput(c, n)
	}
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
		reg.Ranges, rangesComplete = decodeList(c, f.get("ranges"), "ranges", decodeRange)
	}
	if n := f.get("codes"); n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		c.addf(nodePos(n), "codes is empty; a registry names at least one code")
	}
	codes, _ := decodeList(c, f.get("codes"), "codes", decodeCode)
	reg.Codes = append(reg.Codes, codes...)
	slices.SortStableFunc(reg.Ranges, func(a, b Range) int { return cmp.Compare(a.First, b.First) })
	slices.SortStableFunc(reg.Codes, func(a, b Code) int { return cmp.Compare(a.Value, b.Value) })
	return reg, rangesComplete
}

// decodeList keeps the items without problems; ok is false when n is absent or any was left out.
func decodeList[T any](c *errorCollector, n *yaml.Node, what string,
	decode func(*errorCollector, *yaml.Node) T) ([]T, bool) {
	items, ok := readList(c, n, what)
	var list []T
	for _, item := range items {
		start := c.count
		if v := decode(c, item); c.count == start {
			list = append(list, v)
		} else {
			ok = false
		}
	}
	return list, ok
}

// decodeExtends copies the standard registry's reason, ranges and codes, marked inherited, into reg.
func decodeExtends(c *errorCollector, n *yaml.Node, reg *Registry) bool {
	name, ok := readString(c, n, "extends")
	base, err := Standard()
	switch {
	case !ok:
	case name != StandardName:
		c.addf(nodePos(n), "extends %q is not known; the only registry to extend is %q", short(name), StandardName)
	case err != nil:
		c.addf(nodePos(n), "the standard registry cannot be read: %v", err)
	default:
		reg.Extends, reg.Reason, reg.Ranges = StandardName, base.Reason, slices.Clone(base.Ranges)
		for _, code := range base.Codes {
			code.Inherited = true
			reg.Codes = append(reg.Codes, code)
		}
		return true
	}
	return false
}

func decodeOutput(c *errorCollector, n *yaml.Node) Output {
	o := Output{}
	if n.Kind != yaml.MappingNode {
		c.addf(nodePos(n), "output must be a mapping, not %s", kindName(n))
		return o
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		name, ok := readString(c, key, "a key of output")
		switch first, dup := o[name]; {
		case !ok:
		case dup:
			c.addf(nodePos(key), "field %q appears twice in output (first at line %d)", short(name), first.KeyPos.Line)
		default:
			if v, ok := readString(c, value, "output "+short(name)); ok {
				o[name] = Setting{Value: v, Pos: nodePos(value), KeyPos: nodePos(key)}
			}
		}
	}
	return o
}

// maxReasonBytes: a control frame's payload is at most 125 bytes (RFC 6455, 5.5), and the code takes 2.
const maxReasonBytes = 125 - 2

func decodeReason(c *errorCollector, n *yaml.Node) Reason {
	f := fields(c, n, "reason", []string{"max_bytes", "reference"})
	v, _ := readNumber(c, f.get("max_bytes"), 1, maxReasonBytes, "reason max_bytes",
		fmt.Sprintf("write it in decimal digits, such as %d", maxReasonBytes),
		fmt.Sprintf("a Close frame leaves room for 1 to %d bytes of reason (RFC 6455, 5.5)", maxReasonBytes))
	ref, _ := readText(c, f.get("reference"), "reason reference")
	return Reason{MaxBytes: int(v), Reference: ref}
}

// The fields of each kind of entry, in the order messages list them.
var (
	policyFields = []string{"reconnect", "reconnect_reference", "retry_after"}
	blockFields  = []string{"label", "first", "last", "description", "reference", "wire_valid", "browser_can_send"}
	rangeFields  = slices.Concat([]string{"name"}, blockFields, policyFields, []string{"parts", "extendable"})
	partFields   = slices.Concat(blockFields, policyFields)
	codeFields   = slices.Concat([]string{"code", "name", "label", "aliases", "deprecated_names", "description",
		"reference", "wire_valid", "browser_can_send", "rule_exception"}, policyFields)
	// A range holds the policy for its codes, so it needs reconnect; a part or code may set its own.
	rangeOptional = []string{"reconnect_reference", "retry_after", "parts", "extendable"}
	codeOptional  = slices.Concat([]string{"aliases", "deprecated_names", "rule_exception"}, policyFields)
)

// decodeBlock reads what a range and a part share from f, the fields of n.
func decodeBlock(c *errorCollector, n *yaml.Node, f fieldSet, what string) Block {
	b := Block{Pos: nodePos(n)}
	b.Label = readDescription(c, f.get("label"), what+" label")
	b.First, _ = readCode(c, f.get("first"), what+" first")
	b.Last, _ = readCode(c, f.get("last"), what+" last")
	b.Description = readDescription(c, f.get("description"), what+" description")
	b.Reference, _ = readText(c, f.get("reference"), what+" reference")
	b.Facts = readFacts(c, f, what)
	b.Policy = decodePolicy(c, f, what)
	return b
}

// readFacts reads the two facts; what a browser may send, it sends on the wire.
func readFacts(c *errorCollector, f fieldSet, what string) Facts {
	facts := Facts{readBool(c, f.get("wire_valid"), what+" wire_valid"),
		readBool(c, f.get("browser_can_send"), what+" browser_can_send")}
	if facts.BrowserCanSend && !facts.WireValid {
		c.addf(nodePos(f.get("browser_can_send")), "%s browser_can_send is true but wire_valid is false; "+
			"a browser sends its close code in a Close frame, so make both true or browser_can_send false", what)
	}
	return facts
}

func decodeRange(c *errorCollector, n *yaml.Node) Range {
	f := fields(c, n, "range", rangeFields, rangeOptional...)
	name, ok := readString(c, f.get("name"), "range name")
	what := "range"
	if name != "" {
		what = "range " + short(name)
	}
	if ok {
		checkIdentifier(c, f.get("name"), what+" name", name, "Private")
	}
	r := Range{Name: name, Block: decodeBlock(c, n, f, what)}
	r.Extendable = readBool(c, f.get("extendable"), what+" extendable")
	r.Parts, _ = decodeList(c, f.get("parts"), what+" parts", func(c *errorCollector, n *yaml.Node) Part {
		p := Part{decodeBlock(c, n, fields(c, n, "part of "+what, partFields, policyFields...), "part of "+what)}
		if p.Reconnect == "" {
			p.Policy = r.Policy
		}
		return p
	})
	slices.SortStableFunc(r.Parts, func(a, b Part) int { return cmp.Compare(a.First, b.First) })
	return r
}

func decodeCode(c *errorCollector, n *yaml.Node) Code {
	code := Code{Pos: nodePos(n), KeyPos: map[string]Pos{}}
	f := fields(c, n, "code entry", codeFields, codeOptional...)
	for key, field := range f {
		code.KeyPos[key] = nodePos(field.key)
	}
	what := "code entry"
	if v, ok := readCode(c, f.get("code"), "code"); ok {
		code.Value, what = v, fmt.Sprintf("code %d", v)
	}
	if name, ok := readString(c, f.get("name"), what+" name"); ok {
		code.Name, code.NamePos = name, nodePos(f.get("name"))
		checkIdentifier(c, f.get("name"), what+" name", name, "NormalClosure")
	}
	if label, ok := readText(c, f.get("label"), what+" label"); ok {
		code.Label, code.LabelPos = label, nodePos(f.get("label"))
	}
	code.Aliases, code.AliasPos = readNames(c, f.get("aliases"), what+" aliases", what+" alias",
		func(n *yaml.Node, alias string) {
			if !aliasRE.MatchString(alias) {
				c.addf(nodePos(n), "%s alias %q may hold only ASCII letters, digits and _, starting with a letter", what, short(alias))
			}
		})
	// A deprecated name stays a Go constant and a TypeScript member, so it is an identifier as a name is.
	code.DeprecatedNames, code.DeprecatedPos = readNames(c, f.get("deprecated_names"), what+" deprecated_names",
		what+" deprecated name", func(n *yaml.Node, name string) {
			checkIdentifier(c, n, what+" deprecated name", name, "NormalClosure")
		})
	code.Description = readDescription(c, f.get("description"), what+" description")
	code.Reference, _ = readText(c, f.get("reference"), what+" reference")
	code.Facts = readFacts(c, f, what)
	code.Policy = decodePolicy(c, f, what)
	code.RuleException = readDescription(c, f.get("rule_exception"), what+" rule_exception")
	return code
}

// readNames reads a list of further names of a code, checking each with check, and where each one is.
func readNames(c *errorCollector, n *yaml.Node, what, item string, check func(*yaml.Node, string)) (names []string, pos []Pos) {
	nodes, _ := readList(c, n, what)
	for _, n := range nodes {
		if name, ok := readString(c, n, item); ok {
			check(n, name)
			names, pos = append(names, name), append(pos, nodePos(n))
		}
	}
	return names, pos
}

func decodePolicy(c *errorCollector, f fieldSet, what string) Policy {
	reconnect, ok := readString(c, f.get("reconnect"), what+" reconnect")
	if known := ReconnectValues; ok && !slices.Contains(known, reconnect) {
		c.addf(nodePos(f.get("reconnect")), "%s reconnect %q is not a known value; %s",
			what, short(reconnect), didYouMean(reconnect, known, "write one of "))
		reconnect = ""
	}
	ref, _ := readText(c, f.get("reconnect_reference"), what+" reconnect_reference")
	retry := readRetryAfter(c, f.get("retry_after"), what+" retry_after")
	// Without reconnect on the same entry, the other two qualify nothing.
	for _, key := range []string{"reconnect_reference", "retry_after"} {
		if k := f.key(key); k != nil && f.get("reconnect") == nil {
			c.addf(nodePos(k), "%s has %s but no reconnect; write the reconnect value it goes with", what, key)
		}
	}
	if retry != nil && reconnect != "" && reconnect != "retry" && reconnect != "reauthenticate" {
		c.addf(nodePos(f.key("retry_after")),
			"%s has retry_after with reconnect %s; a delay goes with retry or reauthenticate only", what, reconnect)
	}
	return Policy{Reconnect: reconnect, ReconnectReference: ref, RetryAfter: retry}
}

// maxRetryAfter bounds a delay, so that every delay a registry gives, in
// milliseconds or as a Go duration plus one, stays far from overflow.
const maxRetryAfter = 24 * time.Hour

func readRetryAfter(c *errorCollector, n *yaml.Node, what string) *RetryAfter {
	s, ok := readString(c, n, what)
	low, high, _ := strings.Cut(s, "-")
	lo, err1 := time.ParseDuration(low)
	hi, err2 := time.ParseDuration(high)
	switch {
	case !ok: // absent, or reported by readString
	// ParseDuration reads a sign too, which a delay has no use for: one "-" parts MIN from MAX.
	case strings.Count(s, "-") != 1 || strings.Contains(s, "+") || err1 != nil || err2 != nil:
		c.addf(nodePos(n), "%s %q is not a range of delays; write MIN-MAX in Go durations, such as 5s-30s", what, short(s))
	case lo > hi:
		c.addf(nodePos(n), "%s %q ends before it starts; write the shorter delay first, such as 5s-30s", what, short(s))
	case hi > maxRetryAfter:
		c.addf(nodePos(n), "%s %q waits longer than a day, more than any client waits to reconnect; write 24h or less", what, short(s))
	case lo%time.Millisecond != 0 || hi%time.Millisecond != 0:
		// TypeScript and JSON give delays in whole milliseconds, as setTimeout takes them.
		c.addf(nodePos(n), "%s %q is not in whole milliseconds, which TypeScript and JSON give delays in; "+
			"write such as 1500ms", what, short(s))
	default:
		return &RetryAfter{Min: lo, Max: hi}
	}
	return nil
}
