package closecode_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

// Go's fuzzer runs these with `go test -fuzz=FuzzParse` and so on; plain
// `go test` runs their seeds and the corpus in testdata/fuzz.

func FuzzParse(f *testing.F) {
	for _, seed := range []string{"NormalClosure", "CLOSE_NORMAL", "4001", "0", "65535", "65536", "01000", "", "-1", "Code(1000)", "constructor"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := closecode.Parse(s)
		if err != nil {
			if c != 0 {
				t.Fatalf("Parse(%q) failed but returned %d", s, c)
			}
			return
		}
		// Text that parses is the code's name, an alias of it, or its
		// decimal number written canonically.
		if s != c.String() && s != strconv.Itoa(int(c)) {
			if !c.IsKnown() {
				t.Fatalf("Parse(%q) = %d, an unnamed code, from text that is not its number", s, c)
			}
		}
		back, err := closecode.Parse(c.String())
		if c.IsKnown() && (err != nil || back != c) {
			t.Fatalf("Parse(String()) of %d gives %d, %v", c, back, err)
		}
	})
}

func FuzzUnmarshalText(f *testing.F) {
	for _, seed := range []string{"GoingAway", "CLOSE_TOO_LARGE", "1000", "4999", "70000", "\xff", ""} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		var c closecode.Code
		err := c.UnmarshalText(text)
		want, wantErr := closecode.Parse(string(text))
		if (err == nil) != (wantErr == nil) || (err == nil && c != want) {
			t.Fatalf("UnmarshalText(%q) = %d, %v; Parse gives %d, %v", text, c, err, want, wantErr)
		}
		if err != nil {
			return
		}
		out, err := c.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%d): %v", c, err)
		}
		var back closecode.Code
		if err := back.UnmarshalText(out); err != nil || back != c {
			t.Fatalf("round trip of %d through %q gives %d, %v", c, out, back, err)
		}
	})
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, seed := range []string{`1000`, `"GoingAway"`, `"4001"`, `null`, `1000.5`, `"\u0047oingAway"`, `-1`, `[]`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c closecode.Code
		if err := c.UnmarshalJSON(data); err == nil && string(data) != "null" {
			out, err := c.MarshalText()
			if err != nil {
				t.Fatalf("MarshalText(%d): %v", c, err)
			}
			var back closecode.Code
			if err := back.UnmarshalText(out); err != nil || back != c {
				t.Fatalf("round trip of %d gives %d, %v", c, back, err)
			}
		}
	})
}

func FuzzValidateReason(f *testing.F) {
	for _, seed := range []string{"", "bye", string(make([]byte, 123)), string(make([]byte, 124)), "\xff", "€€€"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, reason string) {
		err := closecode.ValidateReason(reason)
		want := len(reason) <= closecode.MaxReasonBytes && utf8.ValidString(reason)
		if (err == nil) != want {
			t.Fatalf("ValidateReason(%q) = %v; want valid=%t", reason, err, want)
		}
	})
}

// FuzzTruncateReason: the result always passes ValidateReason, keeps what
// fits of valid text, and cuts nothing that would have fitted.
func FuzzTruncateReason(f *testing.F) {
	for _, seed := range []string{"", "bye", strings.Repeat("€", 42), strings.Repeat("a", 122) + "\xff", "\xe2\x82"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, reason string) {
		got := closecode.TruncateReason(reason)
		if err := closecode.ValidateReason(got); err != nil {
			t.Fatalf("TruncateReason(%q) = %q: %v", reason, got, err)
		}
		if !utf8.ValidString(reason) {
			return
		}
		rest, ok := strings.CutPrefix(reason, got)
		if !ok {
			t.Fatalf("TruncateReason(%q) = %q, not a prefix of valid text", reason, got)
		}
		if r, n := utf8.DecodeRuneInString(rest); n > 0 && len(got)+len(string(r)) <= closecode.MaxReasonBytes {
			t.Fatalf("TruncateReason(%q) = %q cut %q, which fits", reason, got, rest)
		}
	})
}
