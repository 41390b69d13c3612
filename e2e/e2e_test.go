package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

type serverClose struct {
	Query string `json:"query"`
	Asked string `json:"asked"`
}

type pageClose struct {
	ID     string `json:"id"`
	Code   int    `json:"code"`
	Reason string `json:"reason"`
}

type plan struct {
	Chromium     string        `json:"chromium"`
	URL          string        `json:"url"`
	Screenshot   string        `json:"screenshot"`
	ServerCloses []serverClose `json:"serverCloses"`
	PageCloses   []pageClose   `json:"pageCloses"`
}

type closeSeen struct {
	Code     int     `json:"code"`
	Reason   string  `json:"reason"`
	WasClean bool    `json:"wasClean"`
	Name     *string `json:"name"`
	Valid    bool    `json:"valid"`
}

type results struct {
	Browser      string      `json:"browser"`
	ServerCloses []closeSeen `json:"serverCloses"`
	Codes        struct {
		Threw          string   `json:"threw"`
		Ours           string   `json:"ours"`
		CloseWebSocket string   `json:"closeWebSocket"`
		OtherErrors    []string `json:"otherErrors"`
	} `json:"codes"`
	Reasons []struct {
		Kind           string   `json:"kind"`
		Bytes          int      `json:"bytes"`
		Threw          *string  `json:"threw"`
		Ours           bool     `json:"ours"`
		CloseWebSocket string   `json:"closeWebSocket"`
		OtherErrors    []string `json:"otherErrors"`
	} `json:"reasons"`
	PageCloses []struct {
		Code     int  `json:"code"`
		WasClean bool `json:"wasClean"`
	} `json:"pageCloses"`
	ConsoleErrors []string `json:"consoleErrors"`
}

// requireTools fails, rather than skips, when a part of the real scene is
// missing: the suite proves nothing without a browser. It returns node and
// servePage serves the test page and the generated module on a free local
// port until the test ends, and returns the server and its base URL.
func servePage(t *testing.T) (*Server, string) {
	t.Helper()
	srv := NewServer("page", "../generated/ts/js/closecodes.js")
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	httpServer := &http.Server{Handler: srv, ReadHeaderTimeout: 5 * time.Second}
	go httpServer.Serve(listener)
	t.Cleanup(func() { httpServer.Close() })
	return srv, "http://" + listener.Addr().String()
}

// the Chromium to drive.
func requireTools(t *testing.T) (node, chromium string) {
	t.Helper()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	chromium, err = findChromium(debianChromium)
	require.NoError(t, err)
	_, err = os.Stat("node_modules/playwright-core/package.json")
	require.NoError(t, err, "playwright-core is required: run npm ci in e2e/ (the README's test command does)")
	return node, chromium
}

// multiByteReason is 123 bytes of UTF-8, the most a Close frame carries,
// mixing two-, three- and four-byte characters.
var multiByteReason = strings.Repeat("é€😀", 13) + "ééé"

func TestBrowserAndServerAgree(t *testing.T) {
	node, chromium := requireTools(t)
	require.Equal(t, closecode.MaxReasonBytes, len(multiByteReason))

	srv, base := servePage(t)

	// Scenario 1: every wire-valid registry code and unnamed samples of the
	// ranges a code may be sent in.
	var sent []closecode.Code
	for c := range closecode.All() {
		if c.IsValid() {
			sent = append(sent, c)
		}
	}
	sent = append(sent, 3999, 4000, 4321, 4999)
	reasons := map[closecode.Code]string{}
	var p plan
	for _, c := range sent {
		reason := "closed with " + c.String()
		if c == 4321 {
			reason = multiByteReason
		}
		reasons[c] = reason
		p.ServerCloses = append(p.ServerCloses, serverClose{
			Query: url.Values{"code": {CodeParam(c)}, "reason": {reason}}.Encode(),
			Asked: CodeParam(c),
		})
	}
	// Scenario 2: no Close frame at all, and a Close frame without a code.
	p.ServerCloses = append(p.ServerCloses,
		serverClose{Query: "mode=drop", Asked: "drop"},
		serverClose{Query: "mode=nostatus", Asked: "nostatus"})
	// Scenario 4: the page closes with codes a browser may send.
	for _, c := range []closecode.Code{1000, 3000, 4999} {
		p.PageCloses = append(p.PageCloses, pageClose{ID: "page-" + CodeParam(c), Code: int(c), Reason: "page says " + c.String()})
	}
	artifacts, err := filepath.Abs("artifacts")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	p.Chromium = chromium
	p.URL = base + "/index.html"
	p.Screenshot = filepath.Join(artifacts, "server-closes.png")

	var res results
	runDriver(t, node, "driver.mjs", p, &res)
	t.Logf("browser %s; screenshot %s", res.Browser, p.Screenshot)
	assert.Empty(t, res.ConsoleErrors, "the page logged errors")

	t.Run("server closes with each code", func(t *testing.T) {
		require.Len(t, res.ServerCloses, len(sent)+2)
		for i, c := range sent {
			seen := res.ServerCloses[i]
			assert.Equal(t, int(c), seen.Code, "code")
			if c.IsKnown() {
				require.NotNil(t, seen.Name, "closeCodeName(%d) in the page", c)
				assert.Equal(t, c.String(), *seen.Name, "the page's name for %d", c)
			} else {
				assert.Nil(t, seen.Name, "closeCodeName(%d) of an unnamed code", c)
			}
			assert.Equal(t, reasons[c], seen.Reason, "reason of %d arrives intact", c)
			assert.True(t, seen.Valid, "isValidCloseCode(%d) in the page", c)
			assert.True(t, seen.WasClean, "code %d closes cleanly", c)
		}
	})

	t.Run("dropped connection and Close frame without a code", func(t *testing.T) {
		dropped, noStatus := res.ServerCloses[len(sent)], res.ServerCloses[len(sent)+1]
		assert.Equal(t, int(closecode.AbnormalClosure), dropped.Code)
		require.NotNil(t, dropped.Name)
		assert.Equal(t, closecode.AbnormalClosure.String(), *dropped.Name)
		assert.False(t, dropped.Valid)
		assert.False(t, dropped.WasClean)
		assert.Equal(t, int(closecode.NoStatusReceived), noStatus.Code)
		require.NotNil(t, noStatus.Name)
		assert.Equal(t, closecode.NoStatusReceived.String(), *noStatus.Name)
		assert.False(t, noStatus.Valid)
	})

	t.Run("the browser's close() agrees with BrowserCanSend for all 65,536 codes", func(t *testing.T) {
		require.Len(t, res.Codes.Threw, 65536)
		assert.Empty(t, res.Codes.OtherErrors, "close(code) may throw only InvalidAccessError, and closeWebSocket only a RangeError naming the code")
		disagree := 0
		for code := 0; code <= 0xffff; code++ {
			browserAccepts := res.Codes.Threw[code] == '0'
			if browserAccepts != closecode.Code(code).BrowserCanSend() || res.Codes.Threw[code] != res.Codes.Ours[code] {
				if disagree < 10 {
					t.Errorf("code %d: browser accepts=%t, Go BrowserCanSend=%t, JS browserCanSend=%t",
						code, browserAccepts, closecode.Code(code).BrowserCanSend(), res.Codes.Ours[code] == '0')
				}
				disagree++
			}
		}
		assert.Zero(t, disagree, "codes where the browser and closecodes disagree")
	})

	t.Run("closeWebSocket throws exactly where the browser's close() does, for all 65,536 codes", func(t *testing.T) {
		require.Len(t, res.Codes.CloseWebSocket, 65536)
		disagree := 0
		for code := 0; code <= 0xffff; code++ {
			if res.Codes.CloseWebSocket[code] != res.Codes.Threw[code] {
				if disagree < 10 {
					t.Errorf("code %d: browser's close() threw=%c, closeWebSocket threw=%c (0 no, 1 RangeError naming the code, x other)",
						code, res.Codes.Threw[code], res.Codes.CloseWebSocket[code])
				}
				disagree++
			}
		}
		assert.Zero(t, disagree, "codes where closeWebSocket and the browser disagree")
	})

	// Lone surrogates have no UTF-8 form: the browser sends U+FFFD, 3 bytes,
	// in their place, closeWebSocket counts them so, and isValidCloseReason
	// calls a reason with one invalid at any length. The page builds a reason
	// from one piece repeated, padded with ASCII; loneSurrogatePiece is the
	// piece's size in bytes, so a reason of at least that size has one.
	loneSurrogatePiece := map[string]int{"loneHigh": 3, "loneLow": 3, "loneHighThenEuro": 6}
	kinds := []string{"ascii", "twoByte", "threeByte", "fourByte", "loneHigh", "loneLow", "loneHighThenEuro"}

	t.Run("the browser's close() agrees with isValidCloseReason for reasons of 0 to 130 bytes", func(t *testing.T) {
		require.Len(t, res.Reasons, len(kinds)*131)
		for i, r := range res.Reasons {
			require.Equal(t, kinds[i/131], r.Kind, "reason %d", i)
			require.Equal(t, i%131, r.Bytes, "%s reason %d: its size in the bytes the browser sends", r.Kind, i%131)
			browserAccepts := r.Threw == nil
			if r.Threw != nil {
				assert.Equal(t, "SyntaxError", *r.Threw)
			}
			assert.Equal(t, r.Bytes <= closecode.MaxReasonBytes, browserAccepts, "%s reason of %d bytes", r.Kind, r.Bytes)
			if piece := loneSurrogatePiece[r.Kind]; piece > 0 && r.Bytes >= piece {
				assert.False(t, r.Ours, "isValidCloseReason of a %s reason of %d bytes", r.Kind, r.Bytes)
			} else {
				assert.Equal(t, browserAccepts, r.Ours, "%s reason of %d bytes: browser threw %s", r.Kind, r.Bytes, thrown(r.Threw))
			}
		}
	})

	t.Run("closeWebSocket throws exactly where the browser's close() does, for reasons of 0 to 130 bytes", func(t *testing.T) {
		require.Len(t, res.Reasons, len(kinds)*131)
		for _, r := range res.Reasons {
			browser := "0"
			if r.Threw != nil {
				browser = "1"
			}
			assert.Empty(t, r.OtherErrors, "%s reason of %d bytes", r.Kind, r.Bytes)
			assert.Equal(t, browser, r.CloseWebSocket,
				"%s reason of %d bytes: browser's close() threw=%s, closeWebSocket threw=%s (0 no, 1 RangeError naming code and size, x other)",
				r.Kind, r.Bytes, browser, r.CloseWebSocket)
		}
	})

	t.Run("page closes and the server names the code", func(t *testing.T) {
		require.Len(t, res.PageCloses, len(p.PageCloses))
		for i, pc := range p.PageCloses {
			got, ok := srv.ReceivedFrom(pc.ID)
			require.True(t, ok, "server received no Close frame from %s", pc.ID)
			assert.Equal(t, closecode.Code(pc.Code), got.Code)
			assert.Equal(t, closecode.Code(pc.Code).String(), got.Name)
			assert.Equal(t, pc.Reason, got.Reason)
			assert.Equal(t, pc.Code, res.PageCloses[i].Code, "the page's own close event")
		}
	})
}

// thrown shows an error name the page reported, or "nothing".
func thrown(name *string) string {
	if name == nil {
		return "nothing"
	}
	return *name
}

// runDriver runs `node script` with plan as JSON on its standard input and
// decodes its standard output, JSON too, into results.
func runDriver(t *testing.T, node, script string, plan, results any) {
	t.Helper()
	input, err := json.Marshal(plan)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s failed:\n%s", script, stderr.String())
	require.NoError(t, json.Unmarshal(out, results), "%s output: %s", script, out)
}
