package coder

import (
	"context"
	"errors"

	"github.com/coder/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Ended is how a connection ended and what to do about it.
type Ended struct {
	Code      closecode.Code
	Reason    string
	Reconnect closecode.Reconnect
}

// Listen connects to url and reads until the connection ends. A dial error
// is returned as is; every end after that is an Ended.
func Listen(ctx context.Context, url string) (Ended, error) {
	conn, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return Ended{}, err
	}
	defer conn.CloseNow()
	for {
		if _, _, err = conn.Read(ctx); err != nil {
			return ended(err), nil
		}
	}
}

// ended reads the close code from the error Read returned. CloseStatus
// gives -1 when err is not a CloseError, which FromInt refuses:
// the connection ended without a Close frame, what the registry calls 1006
// Abnormal Closure. (A Close frame without a code is 1005.)
func ended(err error) Ended {
	code, ok := closecode.FromInt(int(websocket.CloseStatus(err)))
	if !ok {
		code = closecode.AbnormalClosure
	}
	var ce websocket.CloseError
	errors.As(err, &ce)
	return Ended{Code: code, Reason: ce.Reason, Reconnect: code.Reconnect()}
}
