// Package coder closes coder/websocket connections. It imports the standard
// generated package, so that is its registry.
package coder

import (
	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/coder/websocket"
)

func Mistakes(conn *websocket.Conn, err error) {
	// coder/websocket refuses to send 1006, and sends no Close frame at all.
	conn.Close(websocket.StatusAbnormalClosure, "lost") // want `unsendable code: 1006 \(AbnormalClosure\) may not be sent in a Close frame`
	// coder/coder#779: a reason over 123 bytes, and again no Close frame.
	conn.Close(websocket.StatusInternalError, err.Error())                    // want `unbounded reason: .* pass it through closecode.TruncateReason`
	conn.Close(1001, "going")                                                 // want `unnamed code: 1001 is closecode.GoingAway`
	conn.Close(websocket.StatusCode(closecode.TLSHandshake), "")              // want `unsendable code: 1015 \(TLSHandshake\) may not be sent in a Close frame`
	conn.Close(2500, "")                                                      // want `unsendable code: 2500 may not be sent in a Close frame`
	conn.Close(websocket.StatusCode(closecode.NoStatusReceived), "timed out") // want `lost reason: 1005 \(NoStatusReceived\) sends a Close frame without a code, so Close drops the reason "timed out"`
}

func Right(conn *websocket.Conn, err error) {
	conn.Close(websocket.StatusNoStatusRcvd, "")
	conn.Close(websocket.StatusCode(closecode.ServiceRestart), "restarting")
	conn.Close(websocket.StatusCode(closecode.InternalError), closecode.TruncateReason(err.Error()))
	var reason = closecode.TruncateReason("failed: " + err.Error())
	go func() {
		conn.Close(websocket.StatusGoingAway, reason)
	}()
	conn.Close(4001, "a code the standard registry leaves to apps")
}
