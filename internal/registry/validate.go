package registry

import (
	"cmp"
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxTextRunes bounds labels, descriptions and references: one-line texts for doc comments and tables.
const MaxTextRunes = 200

// readText reads a one-line text. It reaches Go and TypeScript sources and Markdown, so characters that
// change how those read are refused here, once, rather than escaped differently by each output.
func readText(c *errorCollector, n *yaml.Node, what string) (string, bool) {
	s, ok := readString(c, n, what)
	if msg := textProblem(s); ok && msg != "" {
		c.addf(nodePos(n), "%s %s", what, msg)
		return s, false
	}
	return s, ok
}

func textProblem(s string) string {
	switch n := utf8.RuneCountInString(s); {
	case strings.TrimSpace(s) == "":
		return "is empty; write a short text"
	case s != strings.TrimSpace(s):
		return "has leading or trailing white space; remove it"
	case n > MaxTextRunes:
		return fmt.Sprintf("is %d characters long; keep it to %d, on one line", n, MaxTextRunes)
	}
	for _, r := range s {
		if why := forbiddenRune(r); why != "" {
			return fmt.Sprintf("contains %U (%s); use plain one-line text", r, why)
		}
	}
	return ""
}

func forbiddenRune(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == utf8.RuneError:
		return "the replacement character, a sign of broken encoding"
	case unicode.Is(unicode.Bidi_Control, r):
		return "a bidirectional control, which makes text read differently from how it runs"
	case unicode.IsControl(r):
		return "a control character"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character"
	case unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r) || r == '\ufffe' || r == '\uffff':
		return "a private-use or non-character code point"
	}
	return ""
}

var (
	identifierRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)
	// An alias never becomes an identifier, so CLOSE_NORMAL is fine.
	aliasRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
)

func checkIdentifier(c *errorCollector, n *yaml.Node, what, name, example string) {
	if msg := identifierProblem(name, example); msg != "" {
		c.addf(nodePos(n), "%s %q %s", what, short(name), msg)
	}
}

// identifierProblem says what is wrong with name as a Go and TypeScript identifier, or "".
func identifierProblem(name, example string) string {
	switch {
	case name == "":
		return "is empty; write a Go identifier such as " + example
	case token.IsKeyword(name):
		return "is a Go keyword; names are exported identifiers such as " + example
	case !identifierRE.MatchString(name):
		return "may hold only ASCII letters and digits, starting with a letter"
	case name[0] < 'A' || name[0] > 'Z':
		return "must start with an upper-case letter so that Go exports it"
	}
	return ""
}

func validateRanges(c *errorCollector, reg *Registry) {
	names := map[string]Range{}
	for i, r := range reg.Ranges {
		if r.First > r.Last {
			c.addf(r.Pos, "range %s is inverted: first %d is above last %d", short(r.Name), r.First, r.Last)
		}
		if prev, dup := names[strings.ToLower(r.Name)]; dup {
			c.addf(r.Pos, "range name %q is used twice (first at line %d)", short(r.Name), prev.Pos.Line)
		}
		names[strings.ToLower(r.Name)] = r
		if prev := &reg.Ranges[max(i-1, 0)]; i > 0 && r.First <= prev.Last {
			c.addf(r.Pos, "range %s (%d-%d) overlaps range %s (%d-%d) at line %d",
				short(r.Name), r.First, r.Last, short(prev.Name), prev.First, prev.Last, prev.Pos.Line)
		}
		for j, p := range r.Parts {
			if p.First > p.Last {
				c.addf(p.Pos, "part %q of range %s is inverted: first %d is above last %d",
					short(p.Label.English), short(r.Name), p.First, p.Last)
			}
			if p.First < r.First || p.Last > r.Last {
				c.addf(p.Pos, "part %q (%d-%d) lies outside its range %s (%d-%d)",
					short(p.Label.English), p.First, p.Last, short(r.Name), r.First, r.Last)
			}
			if prev := &r.Parts[max(j-1, 0)]; j > 0 && p.First <= prev.Last {
				c.addf(p.Pos, "part %q (%d-%d) overlaps part %q (%d-%d) at line %d",
					short(p.Label.English), p.First, p.Last, short(prev.Label.English), prev.First, prev.Last, prev.Pos.Line)
			}
		}
	}
}

// validateNames requires names, aliases and deprecated names to differ in more than case: otherwise they read as one in
// docs and logs, and collide in lookups and file systems that fold case. Labels, which explain looks
// codes up by too, must differ from each other the same way.
func validateNames(c *errorCollector, reg *Registry) {
	type claim struct{ name, owner string }
	claims, labels := map[string]claim{}, map[string]claim{}
	// The inherited codes claim their names first, so that an app's code
	// is the one blamed, at its own line, whatever its number.
	inherited := slices.DeleteFunc(slices.Clone(reg.Codes), func(c Code) bool { return !c.Inherited })
	own := slices.DeleteFunc(slices.Clone(reg.Codes), func(c Code) bool { return c.Inherited })
	for _, code := range slices.Concat(inherited, own) {
		owner := func(pos Pos) string {
			if code.Inherited {
				return fmt.Sprintf("code %d of the %s registry", code.Value, reg.Extends)
			}
			return fmt.Sprintf("code %d (line %d)", code.Value, pos.Line)
		}
		if prev, dup := labels[strings.ToLower(code.Label)]; dup && code.Label != "" {
			c.addf(code.LabelPos, "label %q is also the label of %s, %q; labels must differ in more than case",
				short(code.Label), prev.owner, short(prev.name))
		} else {
			labels[strings.ToLower(code.Label)] = claim{code.Label, owner(code.Pos)}
		}
		kinds := slices.Concat([]string{"name"}, slices.Repeat([]string{"alias"}, len(code.Aliases)),
			slices.Repeat([]string{"deprecated name"}, len(code.DeprecatedNames)))
		positions := slices.Concat([]Pos{code.NamePos}, code.AliasPos, code.DeprecatedPos)
		for i, name := range slices.Concat([]string{code.Name}, code.Aliases, code.DeprecatedNames) {
			kind, pos := kinds[i], positions[i]
			switch prev, dup := claims[strings.ToLower(name)]; {
			case !dup:
				claims[strings.ToLower(name)] = claim{name, owner(pos)}
			case prev.name == name:
				c.addf(pos, "%s %q is already used by %s; names and aliases must be unique", kind, short(name), prev.owner)
			default:
				c.addf(pos, "%s %q differs only in case from %q of %s; names and aliases must differ in more than case",
					kind, short(name), short(prev.name), prev.owner)
			}
		}
	}
}

func validateCodes(c *errorCollector, reg *Registry, rangesComplete bool) {
	for i, code := range reg.Codes {
		prev := reg.Codes[max(i-1, 0)]
		dup := i > 0 && prev.Value == code.Value
		rg := reg.RangeOf(code.Value)
		block := cmp.Or(reg.BlockOf(code.Value), &Block{}) // outside every range, no rule to differ from
		var diffs []string
		differ := func(flag string, got, want bool) {
			if got != want {
				diffs = append(diffs, fmt.Sprintf("%s: %t where %q says %t", flag, got, short(block.Label.English), want))
			}
		}
		differ("wire_valid", code.WireValid, block.WireValid)
		differ("browser_can_send", code.BrowserCanSend, block.BrowserCanSend)
		switch {
		case code.Inherited: // checked when the standard registry was read
		case dup && prev.Inherited:
			c.addf(code.Pos, "code %d is already in the %s registry as %s; an extending registry adds new codes only",
				code.Value, reg.Extends, short(prev.Name))
		case dup:
			c.addf(code.Pos, "code %d is listed twice (first at line %d)", code.Value, prev.Pos.Line)
		case !rangesComplete: // the range left out may hold the code
		case rg == nil:
			c.addf(code.Pos, "code %d is outside every range; add a range that holds it or fix the number", code.Value)
		case reg.Extends != "" && !rg.Extendable:
			c.addf(code.Pos,
				"code %d lies in %q, where only the %s registry defines codes; an extending registry adds codes in %s",
				code.Value, short(rg.Label.English), reg.Extends, extendableRanges(reg))
		case len(diffs) > 0 && code.RuleException.English == "":
			c.addf(code.Pos, "code %d has %s; fix the flag, or say why in rule_exception", code.Value, strings.Join(diffs, " and "))
		case len(diffs) == 0 && code.RuleException.English != "":
			c.addf(code.Pos, "code %d has a rule_exception but follows the rule of %q; remove rule_exception",
				code.Value, short(block.Label.English))
		}
	}
}

// extendableRanges names, for messages, the ranges an extending registry may add codes to.
func extendableRanges(reg *Registry) string {
	var parts []string
	for _, r := range reg.Ranges {
		if r.Extendable {
			parts = append(parts, fmt.Sprintf("%d-%d (%s)", r.First, r.Last, short(r.Label.English)))
		}
	}
	return strings.Join(parts, " and ")
}
