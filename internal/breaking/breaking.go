// Package breaking compares a close code registry with an older one and reports each change that
// breaks programs built from the older one, as buf breaking does for Protocol Buffers. Each rule has
// a stable ID and a category that says who breaks: a deployed peer that misreads a frame (WIRE),
// code that stops compiling (SOURCE), code that does something else once rebuilt (BEHAVIOR), or
// nobody (INFO).
package breaking

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// Categories are the categories of the rules, least severe first.
var Categories = []string{"INFO", "BEHAVIOR", "SOURCE", "WIRE"}

// Rules holds each rule by ID: its category, and the message of its findings, which says who breaks.
var Rules = map[string]struct{ Category, Message string }{
	// A deployed peer misreads a frame.
	"CODE_REMOVED": {"WIRE", "code %d %s was removed: deployed peers still send it; code naming it fails to compile, " +
		"or means another code where NAME_MOVED says so"},
	"CODE_MEANING_CHANGED": {"WIRE", "code %d now means %s, %q, not %s, %q: deployed peers read it with the old meaning"},
	"NAME_MOVED": {"WIRE", "%s %s moved from code %d to code %d: rebuilt code means %[4]d by it where deployed " +
		"code meant %[3]d"},
	// Code that compiled stops compiling.
	"NAME_REMOVED": {"SOURCE", "name %s of code %d was removed: code using it fails to compile; keep it in " +
		"deprecated_names"},
	"ALIAS_REMOVED":           {"SOURCE", "alias %s of code %d was removed: Parse and parseCloseCode fail on text holding it"},
	"DEPRECATED_NAME_REMOVED": {"SOURCE", "deprecated name %s of code %d was removed: code still using it fails to compile"},
	"GO_PACKAGE_CHANGED":      {"SOURCE", "go_package is now %s, was %s: code naming the Go package fails to compile"},
	"GO_TYPE_CHANGED":         {"SOURCE", "go_type is now %s, was %s: code naming the Go type fails to compile"},
	"NPM_PACKAGE_CHANGED":     {"SOURCE", "ts_package is now %s, was %s: code importing the npm package fails to compile"},
	// Code rebuilt from the new registry answers otherwise than deployed code.
	"WIRE_VALID_CHANGED": {"BEHAVIOR", "code %d %s: wire_valid is now %s, was %s: rebuilt and deployed peers disagree " +
		"whether it may close a connection, and the one that says no fails the connection"},
	"BROWSER_CAN_SEND_CHANGED": {"BEHAVIOR", "code %d %s: browser_can_send is now %s, was %s: rebuilt and deployed " +
		"pages disagree whether WebSocket.close() takes it"},
	"RECONNECT_CHANGED": {"BEHAVIOR", "code %d %s: reconnect is now %s, was %s: deployed clients still follow %q, " +
		"rebuilt clients %q"},
	"RETRY_AFTER_CHANGED": {"BEHAVIOR", "code %d %s: retry_after is now %s, was %s: rebuilt clients wait otherwise " +
		"than deployed ones before they reconnect"},
	"RANGE_CHANGED": {"BEHAVIOR", "%s (%d-%d): for %s, %s: rebuilt code answers otherwise than deployed peers"},
	// Nobody breaks.
	"CODE_ADDED":     {"INFO", "code %d %s was added: deployed peers read it as an unnamed code"},
	"NAME_ADDED":     {"INFO", "code %d has a new name, %s"},
	"ALIAS_ADDED":    {"INFO", "code %d has a new alias, %s"},
	"LANGUAGE_ADDED": {"INFO", "texts in %s were added"},
	"TEXT_CHANGED":   {"INFO", "code %d %s: its label, description, references or notes changed: programs show them"},
}

// Finding is one change, placed where the new registry makes it, or where the old one had what the
// new one lacks.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	ID       string `json:"id"`
	Category string `json:"category"`
	Message  string `json:"message"`
}

type comparison struct {
	old, new *registry.Registry
	findings []Finding
}

func (c *comparison) add(file string, pos registry.Pos, id string, args ...any) {
	rule := Rules[id]
	c.findings = append(c.findings, Finding{file, pos.Line, pos.Col, id, rule.Category, fmt.Sprintf(rule.Message, args...)})
}

// fileOf names the file that holds an entry of reg: the extended registry's for an inherited one.
func fileOf(reg *registry.Registry, inherited bool) string {
	if inherited {
		return registry.StandardFile
	}
	return reg.File
}

// Compare returns the changes from old to new, sorted by file and position. defaults are the output
// settings, by key, of a registry that does not set them.
func Compare(old, new *registry.Registry, defaults map[string]string) []Finding {
	c := &comparison{old: old, new: new}
	// What changed for the codes neither registry names, their facts and advice, and for every code the
	// range that holds it, is reported once a block rather than once a code.
	type group struct {
		block *registry.Block
		file  string
	}
	changes, codes := map[group][]string{}, map[group]generator.CodeSet{}
	for _, p := range generator.Pieces(old, new) { // every code of a piece fares alike
		code, last := uint16(p.First), len(fields)
		was, now := state(old, code), state(new, code)
		if o, n := old.Named(code), new.Named(code); o != nil || n != nil {
			c.code(o, n, was, now)
			last = 1 // the range: the code's own facts and advice are its findings
		}
		if slices.Equal(was[:last], now[:last]) {
			continue
		}
		g := group{new.BlockOf(code), fileOf(new, new.Extends != "")}
		if g.block == nil {
			g = group{old.BlockOf(code), fileOf(old, old.Extends != "")}
		}
		for i, field := range fields[:last] {
			text := field + " is now " + now[i] + ", was " + was[i]
			if was[i] != now[i] && !slices.Contains(changes[g], text) {
				changes[g] = append(changes[g], text)
			}
		}
		codes[g] = codes[g].Add(p)
	}
	for g, set := range codes { // in any order: the findings are sorted below
		b := g.block
		c.add(g.file, b.Pos, "RANGE_CHANGED", b.Label.English, b.First, b.Last, set, strings.Join(changes[g], "; "))
	}
	for key, id := range map[string]string{"go_package": "GO_PACKAGE_CHANGED", "go_type": "GO_TYPE_CHANGED",
		"ts_package": "NPM_PACKAGE_CHANGED"} {
		file, setting := new.File, new.Output[key]
		if _, set := new.Output[key]; !set {
			file, setting = old.File, old.Output[key]
		}
		was, now := cmp.Or(old.Output[key].Value, defaults[key]), cmp.Or(new.Output[key].Value, defaults[key])
		if was != now {
			c.add(file, setting.Pos, id, now, was)
		}
	}
	for _, lang := range new.Languages() {
		if !slices.Contains(old.Languages(), lang) {
			c.add(new.File, registry.Pos{Line: 1, Col: 1}, "LANGUAGE_ADDED", lang)
		}
	}
	slices.SortFunc(c.findings, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			strings.Compare(a.ID, b.ID), strings.Compare(a.Message, b.Message))
	})
	return c.findings
}

// code compares a code that one registry names at least, o in the old one and n in the new one; was
// and now are what holds for it in each, as state returns them.
func (c *comparison) code(o, n *registry.Code, was, now []string) {
	if n == nil {
		file := fileOf(c.old, o.Inherited)
		c.add(file, o.Pos, "CODE_REMOVED", o.Value, o.Name)
		for _, name := range o.Names() {
			c.moved(file, o.Pos, o, name)
		}
		return
	}
	file, at := fileOf(c.new, n.Inherited), func(key string) registry.Pos { return cmp.Or(n.KeyPos[key], n.Pos) }
	last := len(fields)
	if o == nil {
		// Its advice is new by nature, but a peer that refuses or sends it as an unnamed code breaks.
		// Compared with itself below, it shows only those two facts.
		c.add(file, n.Pos, "CODE_ADDED", n.Value, n.Name)
		o, last = n, slices.Index(fields, "reconnect")
	}
	if o.Name != n.Name && o.Description.English != n.Description.English {
		c.add(file, n.Pos, "CODE_MEANING_CHANGED", n.Value, n.Name, n.Description.English, o.Name, o.Description.English)
	}
	// Go names are constants and members; parsing reads those and the aliases.
	oldGo, newGo := o.GoNames(), n.GoNames()
	for _, name := range oldGo {
		key, id := "deprecated_names", "DEPRECATED_NAME_REMOVED"
		if name == o.Name {
			key, id = "name", "NAME_REMOVED"
		}
		// A name that moved compiles still if it is a Go name of the code it moved to, not an alias.
		if to := c.moved(file, at(key), o, name); !slices.Contains(newGo, name) &&
			(to == nil || !slices.Contains(to.GoNames(), name)) {
			c.add(file, at(key), id, name, n.Value)
		}
	}
	newPos := append([]registry.Pos{n.NamePos}, n.DeprecatedPos...)
	for i, name := range newGo {
		if !slices.Contains(oldGo, name) {
			c.add(file, newPos[i], "NAME_ADDED", n.Value, name)
		}
	}
	for _, alias := range o.Aliases {
		if !slices.Contains(n.Names(), alias) && c.moved(file, at("aliases"), o, alias) == nil {
			c.add(file, at("aliases"), "ALIAS_REMOVED", alias, n.Value)
		}
	}
	for i, alias := range n.Aliases {
		if !slices.Contains(o.Names(), alias) {
			c.add(file, n.AliasPos[i], "ALIAS_ADDED", n.Value, alias)
		}
	}
	if !reflect.DeepEqual([]any{o.Label, o.Description, o.Reference, o.RuleException, o.ReconnectReference},
		[]any{n.Label, n.Description, n.Reference, n.RuleException, n.ReconnectReference}) {
		c.add(file, n.Pos, "TEXT_CHANGED", n.Value, n.Name)
	}
	meaning := messages.For("en").PolicyMeaning
	for i := 1; i < last; i++ { // its facts and advice, at their fields, by the rules FIELD_CHANGED
		field, args := fields[i], []any{n.Value, n.Name, now[i], was[i]}
		if field == "reconnect" {
			args = append(args, meaning[was[i]], meaning[now[i]])
		}
		if was[i] != now[i] {
			c.add(file, at(field), strings.ToUpper(field)+"_CHANGED", args...)
		}
	}
}

// moved reports NAME_MOVED, at file and pos, where another code than o's in the new registry has
// name, one of o's names, deprecated names or aliases, and returns that code; else it returns nil.
func (c *comparison) moved(file string, pos registry.Pos, o *registry.Code, name string) *registry.Code {
	for i, to := range c.new.Codes {
		if to.Value != o.Value && slices.Contains(to.Names(), name) {
			kind := "alias"
			switch {
			case name == o.Name:
				kind = "name"
			case slices.Contains(o.DeprecatedNames, name):
				kind = "deprecated name"
			}
			c.add(file, pos, "NAME_MOVED", kind, name, o.Value, to.Value)
			return &c.new.Codes[i]
		}
	}
	return nil
}

// fields are what Compare compares for a code, by their keys in a registry: the range that holds it,
// its two facts, then its advice.
var fields = []string{"range", "wire_valid", "browser_can_send", "reconnect", "retry_after"}

// state returns what holds for v in reg, by fields, in words.
func state(reg *registry.Registry, v uint16) []string {
	facts, policy := reg.Facts(v), reg.Policy(v)
	words := []string{"none", strconv.FormatBool(facts.WireValid), strconv.FormatBool(facts.BrowserCanSend),
		policy.Reconnect, "none"}
	if r := reg.RangeOf(v); r != nil {
		words[0] = fmt.Sprintf("%s (%d-%d)", r.Name, r.First, r.Last)
	}
	if policy.RetryAfter != nil {
		words[4] = policy.RetryAfter.String()
	}
	return words
}

// Formats are the forms Write prints findings in.
var Formats = []string{"text", "github", "json"}

// GitHub Actions reads a workflow command to the end of its line, and each property to the next comma.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// Write prints findings in format: "text", a line FILE:LINE:COL: ID (CATEGORY): message each;
// "github", GitHub Actions annotations, notices for INFO and errors for the others; "json", a list
// of Finding objects.
func Write(w io.Writer, findings []Finding, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(append([]Finding{}, findings...))
	}
	for _, f := range findings {
		line := fmt.Sprintf("%s:%d:%d: %s (%s): %s\n", f.File, f.Line, f.Col, f.ID, f.Category, f.Message)
		if format == "github" {
			level := "error"
			if f.Category == "INFO" {
				level = "notice"
			}
			line = fmt.Sprintf("::%s file=%s,line=%d,col=%d,title=%s::%s\n", level, githubProperty.Replace(f.File),
				f.Line, f.Col, githubProperty.Replace(f.ID+" ("+f.Category+")"), githubData.Replace(f.Message))
		}
		if _, err := io.WriteString(w, line); err != nil {
			return err
		}
	}
	return nil
}
