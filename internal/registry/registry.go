// Package registry reads a close code registry (codes.yaml), checks it
// strictly and returns its typed model.
//
// Every problem is reported as FILE:LINE:COL: message, all of them at once
// where the file can be read at all, so that one run shows everything to fix.
// A model is returned only when the registry has no problem.
package registry

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/closecodes/closecodes"
)

// MaxFileBytes is the largest registry file accepted. The standard registry is
// a few kilobytes; a megabyte leaves room for thousands of codes while keeping
// a runaway or hostile file from costing memory and time.
const MaxFileBytes = 1 << 20

// Registry is a validated close code registry.
type Registry struct {
	// File is the registry's path as given, used in messages and headers.
	File string
	// Extends is StandardName when the file extends the standard registry,
	// whose reason, ranges and codes it then holds too.
	Extends string
	// Output holds the output settings the file makes, if any.
	Output Output
	Reason Reason
	// Ranges are sorted by First and never overlap.
	Ranges []Range
	// Codes are sorted by Value; values and names are unique.
	Codes []Code
}

// Reason describes the reason text of a Close frame.
type Reason struct {
	MaxBytes  int
	Reference string
}

// Facts are what the registry says of a code: whether it may be sent in a
// Close frame and be accepted by the receiver, and whether a browser's
// WebSocket.close() accepts it. On a range or part, they are the rule for
// every code in it that the registry does not list.
type Facts struct {
	WireValid      bool
	BrowserCanSend bool
}

// Block is what ranges and parts share: a span of codes with a purpose,
// and the rule for every code in it that the registry does not list.
type Block struct {
	// Label is the block's English title; LabelTranslations holds it in
	// other languages, by canonical BCP 47 tag.
	Label             string
	LabelTranslations map[string]string
	First, Last       uint16
	Description       string
	// Translations holds the description in other languages, by BCP 47 tag
	// in canonical case, such as zh-CN.
	Translations map[string]string
	Reference    string
	Facts
	// Policy is what a client should do after a close with a code in the
	// block; a part without one takes its range's.
	Policy
	Pos Pos
}

// Contains reports whether v lies in the block.
func (b *Block) Contains(v uint16) bool { return b.First <= v && v <= b.Last }

// Range is a block of codes with a shared purpose and rule, such as
// 4000-4999 for private use.
type Range struct {
	Name string
	Block
	// Extendable allows a registry that extends this one to add codes in
	// the range.
	Extendable bool
	// Parts split the range into smaller blocks with rules of their own,
	// sorted by First, not overlapping, and inside the range.
	Parts []Part
}

// Part is a block inside a range whose rule differs from, or refines, the
// range's, such as 1016-1999 kept for future standards.
type Part struct {
	Block
}

// Code is one named close code.
type Code struct {
	Value uint16
	// Name is the Go and TypeScript identifier, such as NormalClosure.
	Name string
	// Label is the IANA registry's name for the code, such as "Normal Closure",
	// or an app's label for its own codes.
	Label string
	// Aliases are further names that parsing accepts, such as CLOSE_NORMAL.
	Aliases []string
	// Description is the English description; Translations holds it in
	// other languages, by BCP 47 tag in canonical case.
	Description  string
	Translations map[string]string
	Reference    string
	Facts
	// Policy is what a client should do after a close with the code; when
	// its Reconnect is empty, its part's or range's holds.
	Policy
	// RuleException says why the code's facts differ from its range's rule;
	// it is empty when they agree.
	RuleException string
	// RuleExceptionTranslations holds RuleException in other languages.
	RuleExceptionTranslations map[string]string
	// Inherited marks a code that comes from the registry this one extends;
	// its positions are in that registry.
	Inherited bool
	Pos       Pos
	NamePos   Pos
	AliasPos  []Pos
}

// StandardName is the name by which a registry extends the standard one:
// `extends: standard`.
const StandardName = "standard"

// Output holds the output settings a registry file makes, as written: the
// generator checks them and reads paths relative to the registry file's
// directory. Pos tells which are set, since "" is a setting too.
type Output struct {
	GoOut, GoPackage, GoType  string
	TSOut, TSPackage, TSStyle string
	// TSVersion, TSLicense, TSDescription and TSRepository fill the npm
	// package.json.
	TSVersion, TSLicense, TSDescription, TSRepository string
	DocsOut, JSONOut                                  string
	// Pos holds the position of each setting made, by its YAML key.
	Pos map[string]Pos
}

func (o *Output) set(key string, pos Pos) {
	if o.Pos == nil {
		o.Pos = map[string]Pos{}
	}
	o.Pos[key] = pos
}

// Rule returns the facts that hold for v when the registry does not list it,
// with the label of the block that sets them. ok is false when no range
// holds v.
func (r *Registry) Rule(v uint16) (facts Facts, block string, ok bool) {
	for i := range r.Ranges {
		rg := &r.Ranges[i]
		if !rg.Contains(v) {
			continue
		}
		for j := range rg.Parts {
			if p := &rg.Parts[j]; p.Contains(v) {
				return p.Facts, p.Label, true
			}
		}
		return rg.Facts, rg.Label, true
	}
	return Facts{}, "", false
}

// RangeOf returns the range holding v, or nil.
func (r *Registry) RangeOf(v uint16) *Range {
	for i := range r.Ranges {
		if r.Ranges[i].Contains(v) {
			return &r.Ranges[i]
		}
	}
	return nil
}

// Load reads and validates the registry at path.
func Load(path string) (*Registry, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// readFile reads at most MaxFileBytes, so that an endless or huge file is
// refused before it costs memory.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("registry %s does not exist; pass its path with -registry", path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read registry: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read registry: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, ErrorList{{File: path, Pos: Pos{1, 1},
			Msg: fmt.Sprintf("file is larger than %d bytes, the most a registry may be", MaxFileBytes)}}
	}
	return data, nil
}

// Parse decodes and validates a registry held in data. file names it in
// messages. The error, when not nil, is an ErrorList.
func Parse(file string, data []byte) (*Registry, error) {
	c := &errorCollector{file: file}
	if len(data) > MaxFileBytes {
		c.addf(Pos{1, 1}, "file is larger than %d bytes, the most a registry may be", MaxFileBytes)
		return nil, c.err()
	}
	root := parseYAML(c, data)
	if root == nil {
		return nil, c.err()
	}
	reg, rangesComplete := decodeRegistry(c, root, Standard)
	reg.File = file
	validate(c, reg, rangesComplete)
	if err := c.err(); err != nil {
		return nil, err
	}
	return reg, nil
}

// StandardFile names the standard registry in messages.
const StandardFile = "standard registry (codes.yaml)"

var standard struct {
	once sync.Once
	reg  *Registry
	err  error
}

// Standard returns the standard registry that gencodes carries: the
// repository's codes.yaml. Callers must not modify it.
func Standard() (*Registry, error) {
	standard.once.Do(func() {
		standard.reg, standard.err = Parse(StandardFile, closecodes.StandardRegistry)
	})
	return standard.reg, standard.err
}
