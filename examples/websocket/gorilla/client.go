package gorilla

import (
	"errors"

	"github.com/gorilla/websocket"

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
func Listen(url string) (Ended, error) {
	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		return Ended{}, err
	}
	defer conn.Close()
	for {
		if _, _, err = conn.ReadMessage(); err != nil {
			return ended(err), nil
		}
	}
}

// ended reads the close code from the error ReadMessage returned: a
// *websocket.CloseError holds the peer's code and reason.
func ended(err error) Ended {
	var ce *websocket.CloseError
	if errors.As(err, &ce) && ce.Code != websocket.CloseAbnormalClosure {
		if code, ok := closecode.FromInt(ce.Code); ok {
			return Ended{Code: code, Reason: ce.Text, Reconnect: code.Reconnect()}
		}
	}
	// No Close frame came. gorilla reports that as 1006 in its own words
	// ("unexpected EOF"), not the peer's; any other error means the same.
	code := closecode.AbnormalClosure
	return Ended{Code: code, Reconnect: code.Reconnect()}
}
