// Package nhooyr closes nhooyr.io/websocket connections. It imports no
// generated package, so the standard registry applies, from closecheck's own
// copy, and no fix can name a code.
package nhooyr

import (
	"fmt"

	"nhooyr.io/websocket"
)

func Mistakes(conn *websocket.Conn, user string) {
	conn.Close(websocket.StatusNoStatusRcvd, "bye")                                           // want `lost reason: 1005 \(NoStatusReceived\) sends a Close frame without a code, so Close drops the reason "bye"`
	conn.Close(websocket.StatusCode(1004), "")                                                // want `unsendable code: 1004 \(Reserved\) may not be sent in a Close frame`
	conn.Close(1000, fmt.Sprintf("goodbye, %s", user))                                        // want `unnamed code: 1000 is closecode.NormalClosure` `unbounded reason: .*closecode.TruncateReason`
	conn.Close(websocket.StatusPolicyViolation, "日本語の理由日本語の理由日本語の理由日本語の理由日本語の理由日本語の理由日本語の理由") // want `reason too long: 126 bytes, but a Close frame holds at most 123`
}

func Named(conn *websocket.Conn) {
	conn.Close(3000, "") // want `unnamed code: 3000 is closecode.Unauthorized`
}

func Right(conn *websocket.Conn) {
	conn.Close(websocket.StatusNormalClosure, "")
	conn.Close(4999, "the last private code")
}
