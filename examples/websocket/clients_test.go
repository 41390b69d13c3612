// The tests in this directory run every client against every server: the
// Go clients of coder/ and gorilla/, and client.mjs in Node.js.
package examples_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/closecodes/closecodes/examples/websocket/coder"
	"github.com/closecodes/closecodes/examples/websocket/gorilla"
	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/closecodes/closecodes/internal/npmtools"
)

// hub is what the tests need of coder.Hub and gorilla.Hub.
type hub interface {
	http.Handler
	Len() int
	CloseAll(code closecode.Code, reason string) error
}

// ended is how a client says a connection ended, whichever client it is.
type ended struct {
	Code      closecode.Code
	Reason    string
	Reconnect string
}

var hubs = map[string]func() hub{
	"coder":   func() hub { return &coder.Hub{} },
	"gorilla": func() hub { return &gorilla.Hub{} },
}

var closes = []struct {
	code   closecode.Code
	reason string
	want   string // the code's reconnect policy, as the registry documents it
}{
	{closecode.ServiceRestart, "restarting", "retry"},
	{closecode.PolicyViolation, "too many messages", "never"},
	{closecode.Unauthorized, "token expired", "reauthenticate"},
}

func TestGoClientsReadEitherServer(t *testing.T) {
	clients := map[string]func(ctx context.Context, url string) (ended, error){
		"coder": func(ctx context.Context, url string) (ended, error) {
			e, err := coder.Listen(ctx, url)
			return ended{e.Code, e.Reason, e.Reconnect.String()}, err
		},
		"gorilla": func(_ context.Context, url string) (ended, error) {
			e, err := gorilla.Listen(url)
			return ended{e.Code, e.Reason, e.Reconnect.String()}, err
		},
	}
	for serverName, newHub := range hubs {
		for clientName, listen := range clients {
			for _, c := range closes {
				t.Run(clientName+" client, "+serverName+" server, "+c.code.String(), func(t *testing.T) {
					h := newHub()
					url := serve(t, h)
					ctx := timeout(t)
					var got ended
					var err error
					done := make(chan struct{})
					go func() {
						defer close(done)
						got, err = listen(ctx, url)
					}()
					if !closeWhenConnected(t, h, c.code, c.reason, done) {
						t.Fatalf("the client ended before the server saw it: %+v, %v", got, err)
					}
					select {
					case <-done:
						want := ended{c.code, c.reason, c.want}
						if err != nil || got != want {
							t.Errorf("the client saw %+v, %v; want %+v", got, err, want)
						}
					case <-time.After(10 * time.Second):
						t.Fatal("the client was still reading 10s after the server closed")
					}
				})
			}
		}
	}
}

func TestNodeClientReadsEitherServer(t *testing.T) {
	node := requireNodeAndWS(t)
	for serverName, newHub := range hubs {
		for _, c := range closes {
			t.Run(serverName+" server, "+c.code.String(), func(t *testing.T) {
				h := newHub()
				cmd := exec.CommandContext(timeout(t), node, "client.mjs", serve(t, h))
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				var err error
				done := make(chan struct{})
				go func() {
					defer close(done)
					err = cmd.Run()
				}()
				if !closeWhenConnected(t, h, c.code, c.reason, done) {
					t.Fatalf("client.mjs ended before the server saw it (%v):\n%s", err, stderr.Bytes())
				}
				<-done
				if err != nil {
					t.Fatalf("client.mjs: %v:\n%s", err, stderr.Bytes())
				}
				line := stdout.Bytes()
				var got struct {
					Code       closecode.Code
					Name       string
					Reason     string
					Policy     string
					RetryAfter *struct{ MinMs, MaxMs int }
				}
				if err := json.Unmarshal(line, &got); err != nil {
					t.Fatalf("client.mjs printed %q: %v", line, err)
				}
				if got.Code != c.code || got.Name != c.code.String() || got.Reason != c.reason || got.Policy != c.want {
					t.Errorf("client.mjs saw %s, want code %d, name %s, reason %q, policy %s",
						line, c.code, c.code, c.reason, c.want)
				}
				min, max, ok := c.code.RetryAfter()
				if ok != (got.RetryAfter != nil) || ok && (got.RetryAfter.MinMs != int(min.Milliseconds()) || got.RetryAfter.MaxMs != int(max.Milliseconds())) {
					t.Errorf("client.mjs saw retryAfter %s; Go's RetryAfter says %v, %v, %t", line, min, max, ok)
				}
			})
		}
	}
}

// serve runs h on 127.0.0.1 until the test ends and returns its ws:// URL.
func serve(t *testing.T, h hub) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

// closeWhenConnected waits for h to have a connection, then closes it with
// code and reason. It returns false if clientDone closes first: the client
// ended without connecting.
func closeWhenConnected(t *testing.T, h hub, code closecode.Code, reason string, clientDone <-chan struct{}) bool {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for h.Len() == 0 {
		select {
		case <-clientDone:
			return false
		case <-deadline:
			t.Fatal("no client connected within 10s")
		case <-time.After(5 * time.Millisecond):
		}
	}
	if err := h.CloseAll(code, reason); err != nil {
		t.Fatal(err)
	}
	return true
}

// requireNodeAndWS returns node. Where node or the ws package is missing it
// skips the test, as on a clone that has not run npm ci here, but fails it
// under CLOSECODES_REQUIRE_NPM_TOOLS=1, as bash .ci/test runs it.
func requireNodeAndWS(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat("node_modules/ws/package.json")
	}
	if err == nil {
		return node
	}
	const require = npmtools.RequireEnv
	msg := "client.mjs needs Node.js 20 or later and the ws package (npm ci in examples/websocket): " + err.Error()
	if os.Getenv(require) == "1" {
		t.Fatalf("%s, and %s=1 requires them", msg, require)
	}
	t.Skipf("skipped: %s; bash .ci/test runs this test", msg)
	return ""
}

func timeout(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}
