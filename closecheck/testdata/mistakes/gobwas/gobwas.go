// Package gobwas builds Close frames with gobwas/ws, which puts every code on
// the wire as it is, 1005 too, and crops reasons at byte 123.
package gobwas

import (
	"github.com/gobwas/ws"
)

var frames []ws.Frame

func Mistakes(reason string) {
	frames = append(frames,
		ws.NewCloseFrame(ws.NewCloseFrameBody(ws.StatusNoStatusRcvd, "")),    // want `unsendable code: 1005 \(NoStatusReceived\) may not be sent in a Close frame`
		ws.NewCloseFrame(ws.NewCloseFrameBody(ws.StatusAbnormalClosure, "")), // want `unsendable code: 1006 \(AbnormalClosure\)`
		ws.NewCloseFrame(ws.NewCloseFrameBody(ws.StatusGoingAway, reason)),   // want `unbounded reason`
		ws.NewCloseFrame(ws.NewCloseFrameBody(1000, "")),                     // want `unnamed code: 1000 is closecode.NormalClosure`
		ws.NewCloseFrame(ws.NewCloseFrameBody(ws.StatusCode(999), "")),       // want `unsendable code: 999 may not be sent`
		ws.NewCloseFrame(ws.NewCloseFrameBody(ws.StatusNormalClosure, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé")), // want `reason too long: 124 bytes`
	)
}

func Right() []byte {
	return ws.NewCloseFrameBody(ws.StatusInternalServerError, "internal error")
}
