// Package coder shows closecodes with github.com/coder/websocket: a Hub that
// ends its connections with a code and a checked reason, and Listen, a
// client that reads the code the server closed with and decides from the
// registry whether to reconnect.
package coder

import (
	"fmt"
	"net/http"
	"sync"

	"github.com/coder/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Hub accepts WebSockets and keeps them open until CloseAll.
type Hub struct {
	mu    sync.Mutex
	conns map[*websocket.Conn]bool
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
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
	// Read, and drop, what the client sends until the connection ends.
	for {
		if _, _, err := conn.Read(r.Context()); err != nil {
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

// CloseAll closes every connection with code and reason, such as
// ServiceRestart and "restarting" before the server stops. A reason that
// does not fit a Close frame is left out, and its error returned: given
// one, coder/websocket sends no Close frame and drops the connection, which
// the client reads as 1006 Abnormal Closure, not code.
func (h *Hub) CloseAll(code closecode.Code, reason string) error {
	if !code.IsValid() {
		// 1005, 1006 and 1015 are only reported, never sent; others are reserved.
		return fmt.Errorf("close code %d (%v) may not be sent in a Close frame", int(code), code)
	}
	err := closecode.ValidateReason(reason)
	if err != nil {
		reason = ""
	}
	h.mu.Lock()
	conns := make([]*websocket.Conn, 0, len(h.conns))
	for conn := range h.conns {
		conns = append(conns, conn)
	}
	h.mu.Unlock()
	for _, conn := range conns {
		conn.Close(websocket.StatusCode(code), reason)
	}
	return err
}
