// Package chat closes connections of a chat app that keeps its own codes in
// closecodes.yaml. It imports the app's generated package, chatcodes, and the
// standard one: the app's registry wins, so the app's codes are named and a
// code it does not declare is reported.
package chat

import (
	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"

	"example.com/mistakes/chatcodes"
)

func Mistakes(conn *websocket.Conn, old *gorilla.Conn, err error) {
	conn.Close(4001, "log in again")                                                 // want `unnamed code: 4001 is chatcodes.SessionExpired`
	conn.Close(4002, "")                                                             // want `undeclared code: 4002 is valid on the wire but chatcodes does not name it; declare it in the app's registry`
	conn.Close(3001, "")                                                             // want `undeclared code: 3001 is valid on the wire but chatcodes does not name it`
	conn.Close(websocket.StatusCode(chatcodes.AbnormalClosure), "")                  // want `unsendable code: 1006 \(AbnormalClosure\) may not be sent in a Close frame`
	conn.Close(websocket.StatusGoingAway, err.Error())                               // want `unbounded reason: .*pass it through chatcodes.TruncateReason`
	conn.Close(1000, "")                                                             // want `unnamed code: 1000 is chatcodes.NormalClosure`
	old.WriteMessage(gorilla.CloseMessage, gorilla.FormatCloseMessage(4403, "full")) // want `unnamed code: 4403 is chatcodes.RoomFull`
}

func Right(conn *websocket.Conn, err error) {
	conn.Close(websocket.StatusCode(chatcodes.RoomFull), "full")
	conn.Close(websocket.StatusCode(closecode.NormalClosure), "")
	conn.Close(websocket.StatusCode(chatcodes.InternalError), chatcodes.TruncateReason(err.Error()))
	// TruncateReason of either generated package bounds a reason.
	conn.Close(websocket.StatusCode(chatcodes.InternalError), closecode.TruncateReason(err.Error()))
}
