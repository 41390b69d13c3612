// Package flagoff is checked with -unbounded=false: only its code is reported.
package flagoff

import "github.com/coder/websocket"

func Close(conn *websocket.Conn, err error) {
	conn.Close(websocket.StatusAbnormalClosure, err.Error()) // want `unsendable code: 1006`
}
