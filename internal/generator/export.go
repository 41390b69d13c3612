package generator

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"

	"github.com/closecodes/closecodes/internal/registry"
)

// Export is closecodes.json: the registry as data for programs in any language. AllCodes holds,
// for each fact, the spans of codes from 0 to 65535 that have it, so that no reader needs the
// range rules. closecodes.schema.json describes it.
type Export struct {
	Notice    string        `json:"//"`
	Schema    string        `json:"$schema"`
	Reason    ExportReason  `json:"reason"`
	Languages []string      `json:"languages"`
	Ranges    []ExportRange `json:"ranges"`
	Codes     []ExportCode  `json:"codes"`
	AllCodes  ExportSets    `json:"all_codes"`
}

// ExportReason is the rule for a Close frame's reason.
type ExportReason struct {
	MaxBytes  int    `json:"max_bytes"`
	Reference string `json:"reference"`
}

// ExportBlock is a range or a part of one, with the rule for its codes that are not named.
type ExportBlock struct {
	First          int    `json:"first"`
	Last           int    `json:"last"`
	Label          string `json:"label"`
	Description    string `json:"description"`
	Reference      string `json:"reference"`
	WireValid      bool   `json:"wire_valid"`
	BrowserCanSend bool   `json:"browser_can_send"`
	Reconnect      string `json:"reconnect"`
}

// ExportRange is a range with its parts.
type ExportRange struct {
	Name string `json:"name"`
	ExportBlock
	Parts []ExportBlock `json:"parts"`
}

// ExportCode is a named code.
type ExportCode struct {
	Code    int      `json:"code"`
	Name    string   `json:"name"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases"`
	// Description is the meaning by language tag; a language without one falls back to "en".
	Description        map[string]string `json:"description"`
	Reference          string            `json:"reference"`
	RuleException      string            `json:"rule_exception"`
	WireValid          bool              `json:"wire_valid"`
	BrowserCanSend     bool              `json:"browser_can_send"`
	Reconnect          string            `json:"reconnect"`
	ReconnectReference string            `json:"reconnect_reference"`
	RetryAfter         *ExportDelay      `json:"retry_after"`
}

// ExportDelay is a delay before reconnecting, in milliseconds.
type ExportDelay struct {
	MinMs int64 `json:"min_ms"`
	MaxMs int64 `json:"max_ms"`
}

// ExportSets are the codes, named or not, for which each fact holds.
type ExportSets struct {
	WireValid      CodeSet `json:"wire_valid"`
	BrowserCanSend CodeSet `json:"browser_can_send"`
	// Reconnect holds the codes of each reconnect value; each code is in exactly one.
	Reconnect  map[string]CodeSet `json:"reconnect"`
	RetryAfter []ExportDelaySet   `json:"retry_after"`
}

// ExportDelaySet is a delay and the codes it holds for.
type ExportDelaySet struct {
	ExportDelay
	Spans CodeSet `json:"spans"`
}

// MarshalJSON writes a span as [first, last].
func (s Span) MarshalJSON() ([]byte, error) { return json.Marshal([2]int{s.First, s.Last}) }

// UnmarshalJSON reads a span written as [first, last].
func (s *Span) UnmarshalJSON(data []byte) error {
	var pair [2]int
	err := json.Unmarshal(data, &pair)
	s.First, s.Last = pair[0], pair[1]
	return err
}

func exportBlock(b registry.Block) ExportBlock {
	return ExportBlock{First: int(b.First), Last: int(b.Last), Label: b.Label.English,
		Description: b.Description.English, Reference: b.Reference, WireValid: b.WireValid,
		BrowserCanSend: b.BrowserCanSend, Reconnect: b.Reconnect}
}

func exportDelay(r registry.RetryAfter) ExportDelay {
	return ExportDelay{MinMs: r.Min.Milliseconds(), MaxMs: r.Max.Milliseconds()}
}

// exportJSON renders m as closecodes.json.
func exportJSON(m *Model) []byte {
	ex := Export{Notice: m.Notice(), Schema: "./closecodes.schema.json", Languages: m.Languages,
		Reason: ExportReason{MaxBytes: m.Reason.MaxBytes, Reference: m.Reason.Reference},
		AllCodes: ExportSets{WireValid: append(CodeSet{}, m.WireValid...),
			BrowserCanSend: append(CodeSet{}, m.BrowserCanSend...), Reconnect: map[string]CodeSet{}},
	}
	for _, r := range m.Ranges {
		er := ExportRange{Name: r.Name, ExportBlock: exportBlock(r.Block), Parts: []ExportBlock{}}
		for _, p := range r.Parts {
			er.Parts = append(er.Parts, exportBlock(p.Block))
		}
		ex.Ranges = append(ex.Ranges, er)
	}
	for _, c := range m.Codes {
		ec := ExportCode{Code: int(c.Value), Name: c.Name, Label: c.Label, Aliases: append([]string{}, c.Aliases...),
			Description: map[string]string{"en": c.Description.English}, Reference: c.Reference,
			RuleException: c.RuleException.English, WireValid: c.WireValid, BrowserCanSend: c.BrowserCanSend,
			Reconnect: c.Reconnect, ReconnectReference: c.ReconnectReference}
		maps.Copy(ec.Description, c.Description.Translations)
		if c.RetryAfter != nil {
			d := exportDelay(*c.RetryAfter)
			ec.RetryAfter = &d
		}
		ex.Codes = append(ex.Codes, ec)
	}
	for _, r := range m.Reconnects {
		ex.AllCodes.Reconnect[r.Word] = append(CodeSet{}, r.Codes...)
	}
	ex.AllCodes.RetryAfter = []ExportDelaySet{}
	for _, d := range m.Delays {
		ex.AllCodes.RetryAfter = append(ex.AllCodes.RetryAfter, ExportDelaySet{exportDelay(d.RetryAfter), d.Codes})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	_ = enc.Encode(ex) // strings, numbers and bools always encode
	// A span reads better on one line, as [1000, 1003]; JSON strings hold no raw line break, so
	// the pattern matches spans only.
	return spanRE.ReplaceAll(buf.Bytes(), []byte("[$1, $2]"))
}

var spanRE = regexp.MustCompile(`\[\s+(\d+),\s+(\d+)\s+\]`)
