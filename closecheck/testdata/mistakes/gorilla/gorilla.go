// Package gorilla closes gorilla/websocket connections, wrong in every way
// closecheck knows and right in the ways it must accept. It imports the
// standard generated package, so that is its registry.
package gorilla

import (
	"time"

	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/gorilla/websocket"
)

const (
	// fits is 123 bytes, the most a Close frame holds; longReason is one more.
	fits       = "the server is going down for maintenance and will be back in about ten minutes; please wait before you try to connect again"
	longReason = fits + "."
	notUTF8    = "bad byte \xff"
)

var deadline = time.Now().Add(time.Second)

func Mistakes(conn *websocket.Conn, err error) {
	// gorilla/websocket#424: 1006 on the wire, and a reason of any length.
	conn.WriteControl(websocket.CloseMessage,
		websocket.FormatCloseMessage(websocket.CloseAbnormalClosure, err.Error()), // want `unsendable code: 1006 \(AbnormalClosure\) may not be sent in a Close frame` `unbounded reason: a reason made at run time may not fit in 123 bytes; pass it through closecode.TruncateReason`
		deadline)
	// FormatCloseMessage returns an empty payload for 1005: the reason is lost.
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNoStatusReceived, "no heartbeat")) // want `lost reason: 1005 \(NoStatusReceived\) sends a Close frame without a code, so FormatCloseMessage drops the reason "no heartbeat"`
	// Reported once, at FormatCloseMessage, not again where its result goes.
	conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, "bye"), deadline)                // want `unnamed code: 1000 is closecode.NormalClosure`
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, longReason)) // want `reason too long: 124 bytes, but a Close frame holds at most 123`
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, notUTF8))    // want `reason not UTF-8: "bad byte \\xff" is not valid UTF-8`
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(int(closecode.Reserved), ""))          // want `unsendable code: 1004 \(Reserved\) may not be sent in a Close frame`
}

func Right(conn *websocket.Conn, code closecode.Code, reason string, err error) {
	// A Close frame without a code.
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNoStatusReceived, ""))
	// A reason made at run time, cut to fit.
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(int(closecode.InternalError), closecode.TruncateReason(err.Error())))
	short := closecode.TruncateReason(err.Error())
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseInternalServerErr, short))
	// A reason checked before it is sent, as examples/websocket does; a code
	// that is not constant is not checked.
	if closecode.ValidateReason(reason) != nil {
		reason = ""
	}
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(int(code), reason))
	// The longest reason that fits: 123 bytes.
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, fits))
}
