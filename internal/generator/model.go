package generator

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/closecodes/closecodes/internal/registry"
)

// Model is the view model every template renders: all names, tables and
// escaped strings, computed once from a registry. Templates print its fields
// and make no decisions of their own, so that what the Go and TypeScript
// outputs say is decided here, in one place, where tests can see it.
type Model struct {
	// Source is the registry's file name, for file headers. It is the base
	// name only, so that output does not depend on the directory gencodes
	// runs from.
	Source string
	// GoPackage is the generated Go package's name.
	GoPackage string
	// GoType is the generated Go type's name.
	GoType string
	// TSPackageJSON and HeaderJSON are the npm package name and the
	// generated-file notice as JSON string literals, for package.json.
	TSPackageJSON string
	HeaderJSON    string

	Codes []CodeView
	// Example is the first code, for examples in documentation.
	Example CodeView
	Ranges  []RangeView
	// Languages are the description languages, English first.
	Languages []LanguageView
	// ParseNames holds every name and alias that parsing accepts, in byte
	// order, so that a lookup can binary-search it.
	ParseNames []NameView
	Reason     ReasonView

	// Lookup maps a code to its index in Codes (plus one; zero when the
	// code is unnamed) in two loads: a page number from the code's high
	// byte, then a slot in that page from the low byte. Only pages holding
	// named codes are stored, so the tables stay small however sparse the
	// registry is, and a lookup costs the same for every code.
	Lookup Lookup

	// WireValid and BrowserCanSend are bitmaps over the codes from 0 up to
	// the highest code with the fact set: one load and a mask answer them.
	WireValid      Bitmap
	BrowserCanSend Bitmap
}

// Text is one registry text ready for every output.
type Text struct {
	// Raw is the text as the registry holds it.
	Raw string
	// Go is a Go string literal.
	Go string
	// TS is a double-quoted string literal that reads back the same in
	// TypeScript, JavaScript, JSON and Python.
	TS string
	// MD is the text escaped for Markdown, safe inside a table cell.
	MD string
}

func newText(s string) Text {
	var esc uint8
	for i := 0; i < len(s); i++ {
		esc |= byteEscapes[s[i]]
	}
	t := Text{Raw: s, MD: s}
	if esc&escQuoted == 0 {
		// Most texts are plain ASCII: both literals are the text in quotes.
		t.Go = `"` + s + `"`
		t.TS = t.Go
	} else {
		t.Go, t.TS = strconv.Quote(s), jsString(s)
	}
	if esc&escMarkdown != 0 {
		t.MD = markdownText(s)
	}
	return t
}

// The escapes a byte of registry text may need: escQuoted in a Go or
// JavaScript string literal, escMarkdown in Markdown. Bytes from 0x80 up, the
// parts of non-ASCII characters, take the full path of both.
const (
	escQuoted = 1 << iota
	escMarkdown
)

// byteEscapes maps each byte to the escapes it needs, so that newText can
// find in one pass that a text needs none.
var byteEscapes = func() (table [256]uint8) {
	for b := range table {
		if b < 0x20 || b >= 0x7f || strings.IndexByte(`"\<>`, byte(b)) >= 0 {
			table[b] |= escQuoted
		}
		if b < 0x20 || b >= 0x7f || strings.IndexByte("\\`*_{}[]()#+!|~$<>&", byte(b)) >= 0 {
			table[b] |= escMarkdown
		}
	}
	return table
}()

// CodeView is one named code, with its texts ready for each output.
type CodeView struct {
	Value int
	// Name is the Go and TypeScript identifier; NameText is it as a text.
	Name     string
	NameText Text
	// Slot is the code's index in the generated name and text tables;
	// slot 0 stands for "not named".
	Slot        int
	Label       Text
	Description Text
	Reference   Text
	// RuleException says why the code's facts differ from its range's.
	RuleException Text
	// DocLines is the code's documentation, one sentence a line, for Go
	// comments; JSDocLines is the same made safe inside /** */.
	DocLines   []string
	JSDocLines []string
	Facts      registry.Facts
	// WireValid and BrowserCanSend are the facts in words: "yes" or "no".
	WireValid      string
	BrowserCanSend string
}

// RangeView is one range of the registry.
type RangeView struct {
	Name        string
	NameText    Text
	First, Last int
	Label       Text
	Description Text
	Reference   Text
	// WireValid and BrowserCanSend are the rule in words: "yes" or "no".
	WireValid      string
	BrowserCanSend string
	Parts          []PartView
}

// PartView is a block inside a range with its own rule.
type PartView struct {
	First, Last    int
	Label          Text
	Description    Text
	Reference      Text
	WireValid      string
	BrowserCanSend string
}

// LanguageView is one language of the registry's descriptions.
type LanguageView struct {
	// Tag is the BCP 47 tag, such as "zh-CN"; TagText is it as a text.
	Tag     string
	TagText Text
	// Descriptions holds each code's description in this language, in
	// code order; a code without one has the empty text, and lookups fall
	// back to English.
	Descriptions []Text
}

// NameView is one name or alias that parsing accepts.
type NameView struct {
	// Name is the name or alias as the registry spells it.
	Name string
	// Const is the Go constant and TypeScript member of the code it names.
	Const string
	Value int
	// Go and TS are the name as a string literal of each language.
	Go, TS string
}

// ReasonView describes the Close frame's reason text.
type ReasonView struct {
	MaxBytes  int
	Reference string
}

// Lookup holds the two-level code-to-slot table, as rows of literal numbers.
type Lookup struct {
	// PageType and SlotType are the smallest Go unsigned types that hold a
	// page number and a slot number.
	PageType string
	SlotType string
	// PageRows are the 256 page numbers, 16 a row; SlotRows are the pages'
	// slots, 256 a page, 16 a row. Page 0 is all zeros, for unnamed codes.
	PageRows []string
	SlotRows []string
	// SlotCount is the number of entries in SlotRows.
	SlotCount int
	// Limit is one past the highest named code, and JSArray the smallest
	// JavaScript typed array that holds a slot number: the JavaScript
	// output builds a dense code-to-slot table of that size once, at load,
	// so a lookup there is a single load.
	Limit   int
	JSArray string
	// PageEntries and SlotEntries are the non-zero entries alone, keyed by
	// index ("3: 1,"), for languages with keyed array literals: Go's
	// compiler and gofmt then see a few dozen numbers, not thousands.
	PageEntries []string
	SlotEntries []string
	// Runs are the named codes as runs of consecutive values, ascending.
	// ByRuns says there are few enough of them (at most maxRuns) that the
	// Go output finds a slot by comparing with each run, which is faster
	// than the page table's two dependent loads; otherwise it uses the page
	// table.
	Runs   []RunView
	ByRuns bool
}

// RunView is a run of consecutive named codes, First to Last, whose slots
// run from FirstSlot up. Single says the run is one code.
type RunView struct {
	First, Last int
	FirstSlot   int
	Single      bool
}

// maxRuns is the most runs of consecutive codes for which slot lookups
// compare with each run rather than use the page table.
const maxRuns = 8

// Bitmap is a set of codes as 32-bit words, lowest code in the lowest bit.
type Bitmap struct {
	// Words is the number of words; codes from Words*32 up are not in it.
	Words int
	// AllWords is the number of words that cover every uint16 code, for
	// languages where a table of that size costs only its non-zero entries
	// in the source: a lookup then needs no bounds check at all.
	AllWords int
	Rows     []string
	// Entries holds the non-zero words alone, keyed by index ("31: 0xff,").
	Entries []string
	// SignedRows holds the same words as signed 32-bit decimals. JavaScript
	// engines keep small integers unboxed; a word above 2^31-1 would turn
	// the whole array into boxed doubles and slow every lookup.
	SignedRows []string
	// Spans lists the set's runs of codes for people: "1000-1003 and 3000".
	Spans string
}

// buildModel computes the view model of reg.
func buildModel(reg *registry.Registry, opts Config) *Model {
	source := printableSource(reg.File)
	m := &Model{
		Source:        source,
		GoPackage:     opts.GoPackage,
		GoType:        opts.GoType,
		TSPackageJSON: jsString(opts.TSPackage),
		HeaderJSON:    jsString("Code generated by gencodes from " + source + "; DO NOT EDIT."),
		Reason: ReasonView{
			MaxBytes:  reg.Reason.MaxBytes,
			Reference: reg.Reason.Reference,
		},
	}
	m.Codes = make([]CodeView, 0, len(reg.Codes))
	for i, c := range reg.Codes {
		m.Codes = append(m.Codes, codeView(c, i+1))
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			text := newText(name)
			m.ParseNames = append(m.ParseNames, NameView{
				Name: name, Const: c.Name, Value: int(c.Value), Go: text.Go, TS: text.TS,
			})
		}
	}
	for _, r := range reg.Ranges {
		rv := RangeView{
			Name: r.Name, NameText: newText(r.Name), First: int(r.First), Last: int(r.Last),
			Label: newText(r.Label), Description: newText(r.Description), Reference: newText(r.Reference),
			WireValid: yesNo(r.WireValid), BrowserCanSend: yesNo(r.BrowserCanSend),
		}
		for _, p := range r.Parts {
			rv.Parts = append(rv.Parts, PartView{
				First: int(p.First), Last: int(p.Last), Label: newText(p.Label),
				Description: newText(p.Description), Reference: newText(p.Reference),
				WireValid: yesNo(p.WireValid), BrowserCanSend: yesNo(p.BrowserCanSend),
			})
		}
		m.Ranges = append(m.Ranges, rv)
	}
	for _, tag := range reg.Languages() {
		lv := LanguageView{Tag: tag, TagText: newText(tag), Descriptions: make([]Text, len(reg.Codes))}
		for i, c := range reg.Codes {
			if tag == "en" {
				lv.Descriptions[i] = m.Codes[i].Description
			} else {
				lv.Descriptions[i] = newText(c.Translations[tag])
			}
		}
		m.Languages = append(m.Languages, lv)
	}
	sort.Slice(m.ParseNames, func(i, j int) bool { return m.ParseNames[i].Name < m.ParseNames[j].Name })
	m.Example = m.Codes[0]
	m.Lookup = buildLookup(reg.Codes)
	m.WireValid = buildBitmap(reg, func(f registry.Facts) bool { return f.WireValid })
	m.BrowserCanSend = buildBitmap(reg, func(f registry.Facts) bool { return f.BrowserCanSend })
	return m
}

// printableSource is the registry's file name as headers show it, with any
// character that could end a comment line replaced by '?'.
func printableSource(path string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return '?'
		}
		return r
	}, filepath.Base(path))
}

func codeView(c registry.Code, slot int) CodeView {
	label := newText(c.Label)
	doc := []string{
		c.Name + " is code " + strconv.Itoa(int(c.Value)) + ", " + label.Go + ".",
		c.Description,
		factsSentence(c.Facts, c.RuleException),
		"Reference: " + strings.TrimSuffix(c.Reference, ".") + ".",
	}
	jsdoc := make([]string, len(doc))
	for i, line := range doc {
		jsdoc[i] = jsDocText(line)
	}
	return CodeView{
		Value:          int(c.Value),
		Name:           c.Name,
		NameText:       newText(c.Name),
		Slot:           slot,
		Label:          label,
		Description:    newText(c.Description),
		Reference:      newText(c.Reference),
		RuleException:  newText(c.RuleException),
		DocLines:       doc,
		JSDocLines:     jsdoc,
		Facts:          c.Facts,
		WireValid:      yesNo(c.WireValid),
		BrowserCanSend: yesNo(c.BrowserCanSend),
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// factsSentence says in words what a code's facts are, and why they differ
// from its range's rule when they do.
func factsSentence(f registry.Facts, exception string) string {
	wire := "Not valid on the wire"
	if f.WireValid {
		wire = "Valid on the wire"
	}
	browser := "browsers may not send it"
	if f.BrowserCanSend {
		browser = "browsers may send it"
	}
	s := wire + "; " + browser + "."
	if exception != "" {
		s += " " + exception
	}
	return s
}

// pageSize is the number of codes one lookup page covers: the low byte.
const pageSize = 256

func buildLookup(codes []registry.Code) Lookup {
	pages := make([]int, pageSize)
	slots := make([]int, pageSize) // page 0: unnamed codes
	for i, c := range codes {
		hi := int(c.Value) / pageSize
		if pages[hi] == 0 {
			pages[hi] = len(slots) / pageSize
			slots = append(slots, make([]int, pageSize)...)
		}
		slots[pages[hi]*pageSize+int(c.Value)%pageSize] = i + 1
	}
	limit := 0
	if len(codes) > 0 {
		limit = int(codes[len(codes)-1].Value) + 1
	}
	runs := codeRuns(codes)
	jsArray := map[string]string{"uint8": "Uint8Array", "uint16": "Uint16Array", "uint32": "Uint32Array"}[uintType(len(codes))]
	return Lookup{
		Limit:       limit,
		JSArray:     jsArray,
		PageType:    uintType(len(slots)/pageSize - 1),
		SlotType:    uintType(len(codes)),
		PageRows:    numberRows(pages, 16, decimal),
		SlotRows:    numberRows(slots, 16, decimal),
		SlotCount:   len(slots),
		PageEntries: keyedRows(pages, 8, decimal),
		SlotEntries: keyedRows(slots, 8, decimal),
		Runs:        runs,
		ByRuns:      len(runs) <= maxRuns,
	}
}

// codeRuns groups codes, ascending, into runs of consecutive values.
func codeRuns(codes []registry.Code) []RunView {
	var runs []RunView
	for i, c := range codes {
		v := int(c.Value)
		if n := len(runs); n > 0 && runs[n-1].Last == v-1 {
			runs[n-1].Last, runs[n-1].Single = v, false
			continue
		}
		runs = append(runs, RunView{First: v, Last: v, FirstSlot: i + 1, Single: true})
	}
	return runs
}

// uintType returns the smallest unsigned Go type that holds max.
func uintType(max int) string {
	switch {
	case max <= 0xff:
		return "uint8"
	case max <= 0xffff:
		return "uint16"
	}
	return "uint32"
}

// codeSet is a set of uint16 codes, one bit a code, lowest code in the
// lowest bit of word 0.
type codeSet [0x10000 / 32]uint32

// setRange puts the codes first to last in the set, or takes them out.
func (s *codeSet) setRange(first, last int, in bool) {
	for c := first; c <= last; {
		w, bit := c/32, c%32
		n := min(32-bit, last-c+1) // codes of this word in the span
		mask := uint32(1<<n-1) << bit
		if n == 32 {
			mask = ^uint32(0)
		}
		if in {
			s[w] |= mask
		} else {
			s[w] &^= mask
		}
		c += n
	}
}

func (s *codeSet) has(c int) bool { return c < 0x10000 && s[c/32]>>(c%32)&1 != 0 }

// words returns the set as words up to the last non-zero one.
func (s *codeSet) words() []uint32 {
	n := len(s)
	for n > 0 && s[n-1] == 0 {
		n--
	}
	return s[:n]
}

// buildBitmap sets a bit for every code whose fact holds: a named code by
// its own facts, any other by the rule of the block holding it. It paints
// the rules block by block, the smaller over the larger, then the named
// codes over both, a word at a time.
func buildBitmap(reg *registry.Registry, fact func(registry.Facts) bool) Bitmap {
	var set codeSet
	for _, r := range reg.Ranges {
		set.setRange(int(r.First), int(r.Last), fact(r.Facts))
		for _, p := range r.Parts {
			set.setRange(int(p.First), int(p.Last), fact(p.Facts))
		}
	}
	for _, c := range reg.Codes {
		set.setRange(int(c.Value), int(c.Value), fact(c.Facts))
	}
	words := set.words()
	vals := make([]int, len(words))
	signed := make([]int, len(words))
	for i, w := range words {
		vals[i] = int(w)
		signed[i] = int(int32(w))
	}
	return Bitmap{Words: len(words), AllWords: len(set), Rows: numberRows(vals, 8, hexWord), Entries: keyedRows(vals, 8, hexWord),
		SignedRows: numberRows(signed, 8, decimal), Spans: spans(&set)}
}

// spans describes the set as runs of codes, such as "1000-1003, 1007 and
// 3000-4999", or "none". It steps over empty and full words whole.
func spans(set *codeSet) string {
	var runs []string
	first := -1 // the start of the run being read, or -1
	for c := 0; c <= 0x10000; {
		switch {
		case c < 0x10000 && c%32 == 0 && set[c/32] == 0 && first < 0:
			c += 32
		case c < 0x10000 && c%32 == 0 && set[c/32] == ^uint32(0) && first >= 0:
			c += 32
		case set.has(c):
			if first < 0 {
				first = c
			}
			c++
		default:
			if first >= 0 {
				if last := c - 1; first == last {
					runs = append(runs, strconv.Itoa(first))
				} else {
					runs = append(runs, strconv.Itoa(first)+"-"+strconv.Itoa(last))
				}
				first = -1
			}
			c++
		}
	}
	switch len(runs) {
	case 0:
		return "none"
	case 1:
		return runs[0]
	}
	return strings.Join(runs[:len(runs)-1], ", ") + " and " + runs[len(runs)-1]
}

// numberFormat writes one number of a table literal.
type numberFormat func(buf []byte, n int) []byte

// decimal writes n in decimal; hexWord writes it as 0x and eight hex digits.
func decimal(buf []byte, n int) []byte { return strconv.AppendInt(buf, int64(n), 10) }

func hexWord(buf []byte, n int) []byte {
	const digits = "0123456789abcdef"
	buf = append(buf, "0x"...)
	for shift := 28; shift >= 0; shift -= 4 {
		buf = append(buf, digits[n>>shift&0xf])
	}
	return buf
}

// keyedRows prints the non-zero numbers as "index: value," entries of a
// keyed array literal, perRow a row.
func keyedRows(nums []int, perRow int, format numberFormat) []string {
	var rows []string
	var row []byte
	inRow := 0
	for i, n := range nums {
		if n == 0 {
			continue
		}
		if inRow > 0 {
			row = append(row, ' ')
		}
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, ": "...)
		row = append(format(row, n), ',')
		if inRow++; inRow == perRow {
			rows, row, inRow = append(rows, string(row)), row[:0], 0
		}
	}
	if inRow > 0 {
		rows = append(rows, string(row))
	}
	return rows
}

// numberRows prints numbers as rows of a literal, each row ending in a comma.
func numberRows(nums []int, perRow int, format numberFormat) []string {
	rows := make([]string, 0, (len(nums)+perRow-1)/perRow)
	var row []byte
	for start := 0; start < len(nums); start += perRow {
		row = row[:0]
		for i, n := range nums[start:min(start+perRow, len(nums))] {
			if i > 0 {
				row = append(row, ", "...)
			}
			row = format(row, n)
		}
		rows = append(rows, string(append(row, ',')))
	}
	return rows
}
