// Package websocket is a stub of github.com/gorilla/websocket v1.5.3 with
// the names closecheck's tests use, declared as the library declares them
// (conn.go).
package websocket

import "time"

const (
	CloseNormalClosure     = 1000
	CloseGoingAway         = 1001
	CloseNoStatusReceived  = 1005
	CloseAbnormalClosure   = 1006
	CloseInternalServerErr = 1011
)

const CloseMessage = 8

type Conn struct{}

func (c *Conn) Close() error                                                        { return nil }
func (c *Conn) WriteControl(messageType int, data []byte, deadline time.Time) error { return nil }
func (c *Conn) WriteMessage(messageType int, data []byte) error                     { return nil }

// FormatCloseMessage returns an empty payload for CloseNoStatusReceived.
func FormatCloseMessage(closeCode int, text string) []byte {
	if closeCode == CloseNoStatusReceived {
		return []byte{}
	}
	return append([]byte{byte(closeCode >> 8), byte(closeCode)}, text...)
}
