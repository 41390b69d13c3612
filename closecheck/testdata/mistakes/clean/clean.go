// Package clean closes connections the way examples/websocket does, and in
// other ways that are right or that closecheck cannot judge: it must report
// nothing here.
package clean

import (
	"fmt"
	"time"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// CloseAll is the examples' gorilla Hub.CloseAll: the reason is checked with
// ValidateReason before it is sent.
func CloseAll(conns []*websocket.Conn, code closecode.Code, reason string) error {
	if !code.IsValid() {
		return fmt.Errorf("close code %d (%v) may not be sent in a Close frame", int(code), code)
	}
	err := closecode.ValidateReason(reason)
	if err != nil {
		reason = ""
	}
	frame := websocket.FormatCloseMessage(int(code), reason)
	for _, conn := range conns {
		conn.WriteControl(websocket.CloseMessage, frame, time.Now().Add(5*time.Second))
	}
	return err
}

// CloseCoder is the examples' coder Hub.CloseAll, with the check in a closure.
func CloseCoder(conns []*coder.Conn, code closecode.Code, reason string) {
	check := func() {
		if closecode.ValidateReason(reason) != nil {
			reason = ""
		}
	}
	check()
	for _, conn := range conns {
		conn.Close(coder.StatusCode(code), reason)
	}
}

// Named codes, library constants and app constants are all fine.
const appCode = 4100

func Named(conn *coder.Conn, ws *websocket.Conn) {
	conn.Close(coder.StatusNormalClosure, "")
	conn.Close(appCode, "an app constant, not a literal")
	conn.Close(coder.StatusCode(closecode.TryAgainLater), "busy")
	ws.Close() // gorilla's Close takes no code: not a Close frame call
	conn.CloseNow()
	conn.Close(closeArgs()) // both from one call: neither is known
}

func closeArgs() (coder.StatusCode, string) { return coder.StatusNormalClosure, "bye" }
