// Package websocket is a stub of nhooyr.io/websocket with the names closecheck's tests use,
// declared as the library declares them (close.go).
package websocket

type StatusCode int

const (
	StatusNormalClosure   StatusCode = 1000
	StatusGoingAway       StatusCode = 1001
	StatusPolicyViolation StatusCode = 1008
	StatusInternalError   StatusCode = 1011
	StatusNoStatusRcvd    StatusCode = 1005
	StatusAbnormalClosure StatusCode = 1006
)

type Conn struct{}

func (c *Conn) Close(code StatusCode, reason string) error { return nil }
func (c *Conn) CloseNow() error                            { return nil }
