package generator

import (
	"encoding/json"
	"regexp"

	"github.com/closecodes/closecodes/internal/registry"
)

// export is closecodes.json: the registry as data for programs in any language, the Model's
// codes, ranges and sets by their JSON names. closecodes.schema.json describes it.
type export struct {
	Notice    string           `json:"//"`
	Schema    string           `json:"$schema"`
	Reason    registry.Reason  `json:"reason"`
	Languages []string         `json:"languages"`
	Ranges    []registry.Range `json:"ranges"`
	Codes     []Code           `json:"codes"`
	// AllCodes holds, for each fact, the codes from 0 to 65535 that have it, so that no reader
	// needs the range rules.
	AllCodes struct {
		WireValid      CodeSet            `json:"wire_valid"`
		BrowserCanSend CodeSet            `json:"browser_can_send"`
		Reconnect      map[string]CodeSet `json:"reconnect"`
		RetryAfter     []Delay            `json:"retry_after"`
	} `json:"all_codes"`
}

// MarshalJSON writes a span as [first, last].
func (s Span) MarshalJSON() ([]byte, error) { return json.Marshal([2]int{s.First, s.Last}) }

// MarshalJSON writes a set as a list of spans, [] when empty.
func (s CodeSet) MarshalJSON() ([]byte, error) { return json.Marshal(append([]Span{}, s...)) }

// MarshalJSON writes a delay in milliseconds with its codes: {"min_ms", "max_ms", "spans"}.
func (d Delay) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Min   int64   `json:"min_ms"`
		Max   int64   `json:"max_ms"`
		Spans CodeSet `json:"spans"`
	}{d.Min.Milliseconds(), d.Max.Milliseconds(), d.Codes})
}

// exportJSON renders m as closecodes.json.
func exportJSON(m *Model) []byte {
	ex := export{Notice: m.Notice(), Schema: "./closecodes.schema.json", Reason: m.Reason, Languages: m.Languages,
		Ranges: m.Ranges, Codes: m.Codes}
	ex.AllCodes.WireValid, ex.AllCodes.BrowserCanSend = m.WireValid, m.BrowserCanSend
	ex.AllCodes.Reconnect = map[string]CodeSet{}
	for _, r := range m.Reconnects {
		ex.AllCodes.Reconnect[r.Word] = r.Codes
	}
	ex.AllCodes.RetryAfter = append([]Delay{}, m.Delays...)
	data, _ := json.MarshalIndent(ex, "", "  ") // strings, numbers and bools always marshal
	// A span reads better on one line, as [1000, 1003]; JSON strings hold no raw line break, so
	// the pattern matches spans only.
	return spanRE.ReplaceAll(append(data, '\n'), []byte("[$1, $2]"))
}

var spanRE = regexp.MustCompile(`\[\s+(\d+),\s+(\d+)\s+\]`)
