// Package e2e proves the scene closecodes exists for: a Go server closes a
// WebSocket with a code from the generated closecode package, and a page in
// a real browser, using the generated JavaScript module, reads the same code
// and name from CloseEvent. Its tests drive headless Chromium through
// Playwright; see e2e_test.go.
package e2e

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Server serves the test page, the generated JavaScript module, and
// WebSocket endpoints that close as each request asks.
type Server struct {
	mux *http.ServeMux

	mu       sync.Mutex
	received map[string]Received
	sessions map[string]*session
}

// A session is what the server does with, and saw of, the connections to
// /ws/reconnect that give the same ?session.
type session struct {
	closes   []closecode.Code // how to end each connection, in order
	seen     []string         // "connect token=T" and "token T", in order
	connects int              // connections so far
	tokens   int              // tokens handed out so far
}

// Received is what the server read from a Close frame that a page sent.
type Received struct {
	Code   closecode.Code
	Name   string
	Reason string
}

// NewServer serves the page in pageDir at / and the generated JavaScript
// module at /closecodes.js.
func NewServer(pageDir, moduleFile string) *Server {
	s := &Server{mux: http.NewServeMux(), received: map[string]Received{}, sessions: map[string]*session{}}
	s.mux.Handle("/", http.FileServer(http.Dir(pageDir)))
	s.mux.HandleFunc("/closecodes.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, moduleFile)
	})
	s.mux.HandleFunc("/ws/close", s.serverCloses)
	s.mux.HandleFunc("/ws/listen", s.pageCloses)
	s.mux.HandleFunc("/ws/reconnect", s.reconnects)
	s.mux.HandleFunc("/token", s.token)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// serverCloses accepts a WebSocket and ends it as the query says:
// mode=close sends a Close frame with ?code and ?reason, mode=nostatus sends
// a Close frame without a code, and mode=drop closes the TCP connection
// without any Close frame.
func (s *Server) serverCloses(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	switch q.Get("mode") {
	case "drop":
		conn.CloseNow()
	case "nostatus":
		conn.Close(websocket.StatusNoStatusRcvd, "")
	default:
		code, err := closecode.Parse(q.Get("code"))
		if err != nil {
			conn.Close(websocket.StatusCode(closecode.InternalError), "bad code")
			return
		}
		conn.Close(websocket.StatusCode(code), q.Get("reason"))
	}
}

// pageCloses accepts a WebSocket, waits for the page to close it, and
// records the code and reason it sent under the request's ?id.
func (s *Server) pageCloses(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	_, _, err = conn.Read(ctx)
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		code := closecode.Code(ce.Code)
		s.mu.Lock()
		s.received[id] = Received{Code: code, Name: code.String(), Reason: ce.Reason}
		s.mu.Unlock()
	}
}

// ReceivedFrom returns what the page with the given id sent when it closed.
func (s *Server) ReceivedFrom(id string) (Received, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.received[id]
	return r, ok
}

// Script sets how the server ends the connections to /ws/reconnect of the
// named session: the first with closes[0], the next with closes[1], and so
// on, each with a Close frame, except AbnormalClosure, which drops the
// connection without one. Connections after the last close with
// NormalClosure.
func (s *Server) Script(name string, closes ...closecode.Code) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[name] = &session{closes: closes}
}

// Seen returns, in order, what the server saw of the named session:
// "connect token=T" for each connection to /ws/reconnect, with its ?token,
// and "token T" for each token that /token handed out.
func (s *Server) Seen(name string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.sessions[name]; ss != nil {
		return append([]string(nil), ss.seen...)
	}
	return nil
}

// reconnects accepts a WebSocket of the ?session that Script set up and
// ends it as the script says.
func (s *Server) reconnects(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	ss := s.sessions[q.Get("session")]
	if ss == nil {
		s.mu.Unlock()
		http.Error(w, "no such session: the test calls Script first", http.StatusNotFound)
		return
	}
	code := closecode.NormalClosure
	if ss.connects < len(ss.closes) {
		code = ss.closes[ss.connects]
	}
	ss.connects++
	ss.seen = append(ss.seen, "connect token="+q.Get("token"))
	s.mu.Unlock()

	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	if code == closecode.AbnormalClosure {
		conn.CloseNow()
		return
	}
	conn.Close(websocket.StatusCode(code), "closed with "+code.String())
}

// token hands the ?session a new token, as a sign-in would.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("session")
	s.mu.Lock()
	ss := s.sessions[name]
	if ss == nil {
		s.mu.Unlock()
		http.Error(w, "no such session: the test calls Script first", http.StatusNotFound)
		return
	}
	ss.tokens++
	token := name + "-" + strconv.Itoa(ss.tokens)
	ss.seen = append(ss.seen, "token "+token)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte(token))
}

// CodeParam formats a code for the ?code query parameter.
func CodeParam(c closecode.Code) string { return strconv.Itoa(int(c)) }
