package bench

import (
	"testing"

	"github.com/coder/websocket"
	"github.com/gobwas/ws"

	"github.com/closecodes/closecodes/bench/gorillastyle"
	"github.com/closecodes/closecodes/bench/stringercodes"
	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Inputs: each a power-of-two long, so a benchmark loop picks its next code
// with a mask rather than a division, keeping the loop's own cost near zero.
type input struct {
	name  string
	codes []uint16
}

var inputs = []input{
	{"named", namedCodes()},
	{"mixed", mixedCodes()},
	{"sweep", sweepCodes()},
}

// namedCodes: the 19 registry codes, repeated to 32.
func namedCodes() []uint16 {
	all := closecode.Codes()
	codes := make([]uint16, 32)
	for i := range codes {
		codes[i] = uint16(all[i%len(all)])
	}
	return codes
}

// mixedCodes: named codes, unnamed codes that are valid (4001, 3500),
// reserved and never-sent ones (1004-1006, 1015), codes of the future and
// extension blocks (1500, 2500), and codes outside every range (0, 999,
// 5000, 65535), 1024 in a fixed shuffled order.
func mixedCodes() []uint16 {
	pool := []uint16{1000, 1001, 1002, 1008, 1011, 3000, 3008, 4001, 3500, 4999,
		1004, 1005, 1006, 1015, 1500, 2500, 0, 999, 5000, 65535}
	codes := make([]uint16, 1024)
	x := uint32(2463534242) // xorshift: the same order every run
	for i := range codes {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		codes[i] = pool[x%uint32(len(pool))]
	}
	return codes
}

// sweepCodes: 0 to 5000 in order, spread over 8192 entries.
func sweepCodes() []uint16 {
	codes := make([]uint16, 8192)
	for i := range codes {
		codes[i] = uint16(i * 5000 / (len(codes) - 1))
	}
	return codes
}

var sink int

func BenchmarkString(b *testing.B) {
	for _, in := range inputs {
		codes, mask := in.codes, len(in.codes)-1
		b.Run("input="+in.name+"/impl=closecode", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n += len(closecode.Code(codes[i&mask]).String())
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=stringer", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n += len(stringercodes.Code(codes[i&mask]).String())
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=coder-websocket", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n += len(websocket.StatusCode(codes[i&mask]).String())
			}
			sink += n
		})
	}
}

// floorBits is the floor for a validity check: one load from a bitmap of
// all 65,536 codes and a mask, with nothing else.
var floorWire, floorBrowser = func() (wire, browser [1024]uint64) {
	for v := 0; v <= 0xffff; v++ {
		if closecode.Code(v).IsValid() {
			wire[v>>6] |= 1 << (v & 63)
		}
		if closecode.Code(v).BrowserCanSend() {
			browser[v>>6] |= 1 << (v & 63)
		}
	}
	return
}()

func BenchmarkIsValid(b *testing.B) {
	for _, in := range inputs {
		codes, mask := in.codes, len(in.codes)-1
		b.Run("input="+in.name+"/impl=closecode", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				if closecode.Code(codes[i&mask]).IsValid() {
					n++
				}
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=floor-bitmap", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				c := codes[i&mask]
				n += int(floorWire[c>>6] >> (c & 63) & 1)
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=map-gorilla-style", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				if gorillastyle.IsValidReceivedCloseCode(int(codes[i&mask])) {
					n++
				}
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=gobwas-ws", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				if ws.CheckCloseFrameData(ws.StatusCode(codes[i&mask]), "") == nil {
					n++
				}
			}
			sink += n
		})
	}
}

func BenchmarkBrowserCanSend(b *testing.B) {
	for _, in := range inputs {
		codes, mask := in.codes, len(in.codes)-1
		b.Run("input="+in.name+"/impl=closecode", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				if closecode.Code(codes[i&mask]).BrowserCanSend() {
					n++
				}
			}
			sink += n
		})
		b.Run("input="+in.name+"/impl=floor-bitmap", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				c := codes[i&mask]
				n += int(floorBrowser[c>>6] >> (c & 63) & 1)
			}
			sink += n
		})
	}
}

func BenchmarkRange(b *testing.B) {
	for _, in := range inputs {
		codes, mask := in.codes, len(in.codes)-1
		b.Run("input="+in.name+"/impl=closecode", func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n += int(closecode.Code(codes[i&mask]).Range().First)
			}
			sink += n
		})
	}
}

func BenchmarkParse(b *testing.B) {
	texts := make([]string, 0, 64)
	for _, c := range closecode.Codes() {
		texts = append(texts, c.String())
	}
	texts = append(texts, "CLOSE_NORMAL", "CLOSE_TOO_LARGE", "4001", "1000", "65535", "nope", "70000")
	for len(texts) < 32 {
		texts = append(texts, texts[len(texts)%len(closecode.Codes())])
	}
	texts = texts[:32]
	mask := len(texts) - 1
	b.Run("input=mixed/impl=closecode", func(b *testing.B) {
		n := 0
		for i := 0; i < b.N; i++ {
			c, _ := closecode.Parse(texts[i&mask])
			n += int(c)
		}
		sink += n
	})
}

func BenchmarkValidateReason(b *testing.B) {
	reasons := []string{"", "bye", "server restarting for maintenance", "会话已过期，请重新登录。",
		string(make([]byte, 123)), string(make([]byte, 124)), "bad \xff byte", "😀😀😀😀"}
	mask := len(reasons) - 1
	b.Run("input=mixed/impl=closecode", func(b *testing.B) {
		n := 0
		for i := 0; i < b.N; i++ {
			if closecode.ValidateReason(reasons[i&mask]) == nil {
				n++
			}
		}
		sink += n
	})
}

// TestStringerBaselineIsTheRegistry: the stringer baseline names exactly
// the codes the generated package names, so that the two String methods
// are timed over the same set.
func TestStringerBaselineIsTheRegistry(t *testing.T) {
	for c := 0; c <= 0xffff; c++ {
		ours, theirs := closecode.Code(c).String(), stringercodes.Code(c).String()
		if ours != theirs {
			t.Fatalf("code %d: closecode says %q, stringercodes %q; update bench/stringercodes", c, ours, theirs)
		}
	}
}
