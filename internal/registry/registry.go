// Package registry reads a close code registry (codes.yaml), checks it strictly and returns its typed model.
//
// Every problem is reported as FILE:LINE:COL: message, all of them at once where the file can be read at
// all, so that one run shows everything to fix. A model is returned only when the registry has no problem.
package registry

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/closecodes/closecodes"
)

// MaxFileBytes is the largest registry accepted: room for thousands of codes, little for a hostile file.
const MaxFileBytes = 1 << 20

// Registry is a validated close code registry.
type Registry struct {
	// File is the registry's path as given, used in messages and headers.
	File string
	// Extends is StandardName when the file extends the standard registry, whose entries it holds too.
	Extends string
	Output  Output
	Reason  Reason
	// Ranges are sorted by First and never overlap.
	Ranges []Range
	// Codes are sorted by Value; values and names are unique.
	Codes []Code
}

// Reason describes the reason text of a Close frame.
type Reason struct {
	MaxBytes  int    `json:"max_bytes"`
	Reference string `json:"reference"`
}

// Facts say whether a code is valid on the wire and whether a browser's WebSocket.close() accepts it. On
// a block, they are the rule for every code in it that the registry does not list.
type Facts struct {
	WireValid      bool `json:"wire_valid"`
	BrowserCanSend bool `json:"browser_can_send"`
}

// Block is what ranges and parts share: a span of codes with a purpose and a rule.
type Block struct {
	Label       Text   `json:"label"`
	First       uint16 `json:"first"`
	Last        uint16 `json:"last"`
	Description Text   `json:"description"`
	Reference   string `json:"reference"`
	Facts
	// Policy on a part that sets none is its range's, filled in when read.
	Policy
	Pos Pos `json:"-"`
}

// Contains reports whether v lies in the block.
func (b *Block) Contains(v uint16) bool { return b.First <= v && v <= b.Last }

// Range is a block of codes such as 4000-4999 for private use.
type Range struct {
	Name string `json:"name"`
	Block
	// Extendable lets a registry that extends this one add codes here.
	Extendable bool `json:"extendable"`
	// Parts are blocks with rules of their own, sorted and not overlapping.
	Parts []Part `json:"parts,omitempty"`
}

// Part is a block inside a range with a rule of its own, such as 1016-1999 kept for future standards.
type Part struct{ Block }

// Code is one named close code.
type Code struct {
	Value uint16
	// Name is the Go and TypeScript identifier, such as NormalClosure.
	Name string
	// Label is IANA's name, such as "Normal Closure", where IANA gives one, or an app's label.
	Label string
	// Aliases are further names that parsing accepts, such as CLOSE_NORMAL.
	Aliases []string
	// DeprecatedNames are former names kept so that code using them still compiles, after a rename.
	DeprecatedNames []string
	Description     Text
	Reference       string
	Facts
	// Policy is empty when its part's or range's holds.
	Policy
	// RuleException says why the facts differ from the block's rule, if they do.
	RuleException Text
	// Inherited marks a code of the extended registry; its positions are there.
	Inherited               bool
	Pos, NamePos, LabelPos  Pos
	AliasPos, DeprecatedPos []Pos
	// KeyPos is where each of the entry's fields is, by key.
	KeyPos map[string]Pos
}

// ReconnectValues are the values reconnect may take, the fallback first; internal/messages says what
// each asks of a client, in each language.
var ReconnectValues = []string{Unspecified, "never", "retry", "reauthenticate", "user"}

// Unspecified is the advice for a code the registry gives none for: the application decides.
const Unspecified = "unspecified"

// Policy is what a registry advises a client to do after a close, and why. On a code, an empty
// Reconnect means its part's or range's advice holds; Registry.Policy resolves it.
type Policy struct {
	// Reconnect is one of ReconnectValues; ReconnectReference cites the source.
	Reconnect          string `json:"reconnect"`
	ReconnectReference string `json:"reconnect_reference"`
	// RetryAfter is the delay the source asks for, or nil.
	RetryAfter *RetryAfter `json:"retry_after"`
}

// RetryAfter is a delay before reconnecting: a random time from Min to Max.
type RetryAfter struct{ Min, Max time.Duration }

// String writes the delay as a registry does: "5s-30s".
func (r RetryAfter) String() string { return r.Min.String() + "-" + r.Max.String() }

// MarshalJSON writes the delay in milliseconds: {"min_ms": 5000, "max_ms": 30000}.
func (r RetryAfter) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Min int64 `json:"min_ms"`
		Max int64 `json:"max_ms"`
	}{r.Min.Milliseconds(), r.Max.Milliseconds()})
}

// Output holds the settings of a registry's output section, by key, as written: strings, which
// gencodes checks against the settings it knows.
type Output map[string]Setting

// Setting is one value of the output section, where it is, and where its key is.
type Setting struct {
	Value       string
	Pos, KeyPos Pos
}

// GoNames returns the code's Go identifiers: its name, then its deprecated names.
func (c *Code) GoNames() []string { return append([]string{c.Name}, c.DeprecatedNames...) }

// Names returns every name that parsing reads for the code: its Go names, then its aliases.
func (c *Code) Names() []string { return append(c.GoNames(), c.Aliases...) }

// Named returns the code v when the registry names it, else nil.
func (r *Registry) Named(v uint16) *Code {
	i, ok := slices.BinarySearchFunc(r.Codes, v, func(c Code, v uint16) int { return cmp.Compare(c.Value, v) })
	if !ok {
		return nil
	}
	return &r.Codes[i]
}

// Facts returns what holds for v: a named code's own facts, else the rule of the block holding it; no
// fact holds outside every range.
func (r *Registry) Facts(v uint16) Facts {
	if c := r.Named(v); c != nil {
		return c.Facts
	}
	if b := r.BlockOf(v); b != nil {
		return b.Facts
	}
	return Facts{}
}

// Policy returns the advice that holds for v: a named code's own, else its part's, else its range's, else
// "unspecified". A policy is taken whole, so a code that sets reconnect does not inherit a part's delay.
func (r *Registry) Policy(v uint16) Policy {
	if c := r.Named(v); c != nil && c.Reconnect != "" {
		return c.Policy
	}
	if b := r.BlockOf(v); b != nil {
		return b.Policy
	}
	return Policy{Reconnect: Unspecified}
}

// RangeOf returns the range holding v, or nil.
func (r *Registry) RangeOf(v uint16) *Range {
	if i := slices.IndexFunc(r.Ranges, func(rg Range) bool { return rg.Contains(v) }); i >= 0 {
		return &r.Ranges[i]
	}
	return nil
}

// BlockOf returns the block whose rule holds for v when the registry does not name it: the part of its
// range that holds v, else the range; nil when no range holds v.
func (r *Registry) BlockOf(v uint16) *Block {
	rg := r.RangeOf(v)
	if rg == nil {
		return nil
	}
	if i := slices.IndexFunc(rg.Parts, func(p Part) bool { return p.Contains(v) }); i >= 0 {
		return &rg.Parts[i].Block
	}
	return &rg.Block
}

// Load reads and validates the registry at path.
func Load(path string) (*Registry, error) {
	f, err := os.Open(path)
	var data []byte
	if err == nil {
		defer f.Close()
		// A byte past the limit is enough for Parse to refuse a huge file.
		data, err = io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("registry %s does not exist; check the path", path)
	case err != nil:
		return nil, fmt.Errorf("cannot read registry: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates the registry in data, named file in messages. Its error is an ErrorList.
// Where the file reads as YAML at all, the registry comes back even with problems, holding the entries
// that have none, so that a caller can check what it needs too and report every problem at once; such a
// registry must not be used otherwise.
func Parse(file string, data []byte) (*Registry, error) {
	c := &errorCollector{file: file}
	if len(data) > MaxFileBytes {
		c.addf(Pos{1, 1}, "file is larger than %d bytes, the most a registry may be", MaxFileBytes)
		return nil, c.problems()
	}
	root := parseYAML(c, data)
	if root == nil {
		return nil, c.problems()
	}
	reg, rangesComplete := decodeRegistry(c, root)
	reg.File = file
	validateRanges(c, reg)
	validateNames(c, reg)
	validateCodes(c, reg, rangesComplete)
	if c.count > 0 {
		return reg, c.problems()
	}
	return reg, nil
}

// StandardName is how a registry extends the standard one: `extends: standard`.
const StandardName = "standard"

// StandardFile names the standard registry in messages.
const StandardFile = "standard registry (codes.yaml)"

// standard is read once; a sync.OnceValues calling Parse, which calls Standard, would be an init cycle.
var standard struct {
	once sync.Once
	reg  *Registry
	err  error
}

// Standard returns the standard registry gencodes carries, codes.yaml. Callers must not modify it.
func Standard() (*Registry, error) {
	standard.once.Do(func() {
		if standard.reg, standard.err = Parse(StandardFile, closecodes.StandardRegistry); standard.err != nil {
			standard.reg = nil
		}
	})
	return standard.reg, standard.err
}
