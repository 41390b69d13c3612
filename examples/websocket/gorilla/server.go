// Package gorilla shows closecodes with github.com/gorilla/websocket: a Hub
// that ends its connections with a code and a checked reason, and Listen, a
// client that reads the code the server closed with and decides from the
// registry whether to reconnect.
package gorilla

import (
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Hub accepts WebSockets and keeps them open until CloseAll.
type Hub struct {
	upgrader websocket.Upgrader

	mu    sync.Mutex
	conns map[*websocket.Conn]bool
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	h.mu.Lock()
	if h.conns == nil {
		h.conns = map[*websocket.Conn]bool{}
	}
	h.conns[conn] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.conns, conn)
		h.mu.Unlock()
	}()
	// Read, and drop, what the client sends until the connection ends: after
	// CloseAll, when the client answers the Close frame.
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

// Len returns how many connections are open.
func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.conns)
}

// CloseAll sends every connection a Close frame with code and reason, such
// as ServiceRestart and "restarting" before the server stops. A reason that
// does not fit a Close frame is left out, and its error returned: given
// one, gorilla/websocket sends no Close frame, and the client never learns
// that it should go.
func (h *Hub) CloseAll(code closecode.Code, reason string) error {
	if !code.IsValid() {
		// 1005, 1006 and 1015 are only reported, never sent; others are reserved.
		return fmt.Errorf("close code %d (%v) may not be sent in a Close frame", int(code), code)
	}
	err := closecode.ValidateReason(reason)
	if err != nil {
		reason = ""
	}
	frame := websocket.FormatCloseMessage(int(code), reason)
	h.mu.Lock()
	defer h.mu.Unlock()
	for conn := range h.conns {
		conn.WriteControl(websocket.CloseMessage, frame, time.Now().Add(5*time.Second))
	}
	return err
}
