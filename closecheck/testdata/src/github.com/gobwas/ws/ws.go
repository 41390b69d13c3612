// Package ws is a stub of github.com/gobwas/ws v1.4.0 with the names
// closecheck's tests use, declared as the library declares them (frame.go).
package ws

type StatusCode uint16

const (
	StatusNormalClosure       StatusCode = 1000
	StatusGoingAway           StatusCode = 1001
	StatusInternalServerError StatusCode = 1011
	StatusAbnormalClosure     StatusCode = 1006
	StatusNoStatusRcvd        StatusCode = 1005
)

type Frame struct{ Payload []byte }

func NewCloseFrame(p []byte) Frame { return Frame{p} }

// NewCloseFrameBody crops the reason at byte 123.
func NewCloseFrameBody(code StatusCode, reason string) []byte {
	return append([]byte{byte(code >> 8), byte(code)}, reason[:min(len(reason), 123)]...)
}
