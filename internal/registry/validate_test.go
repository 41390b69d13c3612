package registry

import "testing"

// TestPrintableASCIIIsAllowed holds the shortcut in textProblem to
// forbiddenRune: no character it lets through unchecked is forbidden.
func TestPrintableASCIIIsAllowed(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if printableASCII(string(r)) && forbiddenRune(r) != "" {
			t.Errorf("printableASCII passes %U, which forbiddenRune refuses", r)
		}
	}
	if printableASCII("tab\there") || printableASCII("é") {
		t.Error("printableASCII passes a tab or a non-ASCII character")
	}
}
