package coder_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/closecodes/closecodes/examples/websocket/coder"
	"github.com/closecodes/closecodes/generated/go/closecode"
)

func TestListenDecidesFromTheServersCode(t *testing.T) {
	for _, tc := range []struct {
		code   closecode.Code
		reason string
		want   closecode.Reconnect
	}{
		{closecode.ServiceRestart, "restarting", closecode.ReconnectRetry},
		{closecode.PolicyViolation, "too many messages", closecode.ReconnectNever},
		{closecode.Unauthorized, "token expired", closecode.ReconnectReauthenticate},
		{closecode.TryAgainLater, "busy", closecode.ReconnectUser},
		{4001, "kicked by a moderator", closecode.ReconnectUnspecified},
	} {
		t.Run(tc.code.String(), func(t *testing.T) {
			hub := &coder.Hub{}
			got := listen(t, hub, func() {
				if err := hub.CloseAll(tc.code, tc.reason); err != nil {
					t.Errorf("CloseAll(%v, %q): %v", tc.code, tc.reason, err)
				}
			})
			want := coder.Ended{Code: tc.code, Reason: tc.reason, Reconnect: tc.want}
			if got != want {
				t.Errorf("Listen ended with %+v, want %+v", got, want)
			}
		})
	}
}

func TestCloseAllLeavesOutAReasonTooLong(t *testing.T) {
	hub := &coder.Hub{}
	tooLong := strings.Repeat("é", 62) // 124 bytes
	got := listen(t, hub, func() {
		if err := hub.CloseAll(closecode.ServiceRestart, tooLong); !errors.Is(err, closecode.ErrReasonTooLong) {
			t.Errorf("CloseAll with a reason of 124 bytes: error %v, want ErrReasonTooLong", err)
		}
	})
	want := coder.Ended{Code: closecode.ServiceRestart, Reason: "", Reconnect: closecode.ReconnectRetry}
	if got != want {
		t.Errorf("Listen ended with %+v, want %+v: the code arrives without the reason", got, want)
	}
	if min, max, ok := got.Code.RetryAfter(); !ok || min != 5*time.Second || max != 30*time.Second {
		t.Errorf("%v.RetryAfter() = %v, %v, %t; want 5s, 30s, true", got.Code, min, max, ok)
	}
}

func TestListenReadsADroppedConnectionAsAbnormalClosure(t *testing.T) {
	// A server that dies right after the handshake: no Close frame.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if conn, err := websocket.Accept(w, r, nil); err == nil {
			conn.CloseNow()
		}
	}))
	defer srv.Close()
	got, err := coder.Listen(timeout(t), "ws"+strings.TrimPrefix(srv.URL, "http"))
	if err != nil {
		t.Fatal(err)
	}
	want := coder.Ended{Code: closecode.AbnormalClosure, Reconnect: closecode.ReconnectRetry}
	if got != want {
		t.Errorf("Listen ended with %+v, want %+v", got, want)
	}
}

// listen runs Listen against hub on 127.0.0.1, calls act once the hub has
// the connection, and returns how Listen ended.
func listen(t *testing.T, hub *coder.Hub, act func()) coder.Ended {
	t.Helper()
	srv := httptest.NewServer(hub)
	defer srv.Close()
	type result struct {
		ended coder.Ended
		err   error
	}
	done := make(chan result, 1)
	go func() {
		ended, err := coder.Listen(timeout(t), "ws"+strings.TrimPrefix(srv.URL, "http"))
		done <- result{ended, err}
	}()
	for hub.Len() == 0 {
		select {
		case r := <-done:
			t.Fatalf("Listen ended before the hub saw it: %+v, %v", r.ended, r.err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	act()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.ended
	case <-time.After(10 * time.Second):
		t.Fatal("Listen still reading 10s after the server closed")
		return coder.Ended{}
	}
}

func timeout(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestCloseAllRefusesACodeNotSent(t *testing.T) {
	err := new(coder.Hub).CloseAll(closecode.AbnormalClosure, "")
	if err == nil || err.Error() != "close code 1006 (AbnormalClosure) may not be sent in a Close frame" {
		t.Errorf("CloseAll(AbnormalClosure): error %v, want one that names the code", err)
	}
}
