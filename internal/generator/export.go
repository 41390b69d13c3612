package generator

import (
	"slices"

	"github.com/closecodes/closecodes/internal/registry"
)

// exportView is the Model as closecodes.json and its schema need it: with the fallback's spans filled in,
// so that every code lies in the spans of exactly one reconnect value.
type exportView struct {
	*Model
	Reconnects []ReconnectView
}

func buildExport(reg *registry.Registry, m *Model) *exportView {
	v := &exportView{Model: m, Reconnects: slices.Clone(m.Reconnects)}
	v.Reconnects[0].Spans = spansOf(func(c int) bool { return reg.Policy(uint16(c)).Reconnect == m.Fallback.Word })
	return v
}
