// Bigregistry writes a registry that names every code from 1000 to 4999,
// 4,000 codes, to standard output: the standard registry's reason and
// ranges with synthetic codes whose facts follow their ranges' rules. The
// generator benchmarks use it to show how gencodes and its output scale.
//
// Usage: bigregistry < codes.yaml > big.yaml
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigregistry:", err)
		os.Exit(1)
	}
	head, _, found := strings.Cut(string(in), "\ncodes:\n")
	if !found {
		fmt.Fprintln(os.Stderr, "bigregistry: no codes: list in the input registry")
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "%s\ncodes:\n", head)
	for c := 1000; c <= 4999; c++ {
		// The rules of codes.yaml: 1000-1015 valid, not sendable by a
		// browser; 1016-2999 neither; 3000-4999 both.
		wire, browser := c <= 1015 || c >= 3000, c >= 3000
		// Every text differs, as in a real registry, so that nothing in
		// gencodes can profit from repeated strings.
		fmt.Fprintf(w, "  - code: %d\n    name: Synthetic%d\n    label: Synthetic %d\n"+
			"    description: Synthetic code %d, one of 4,000 for the scaling benchmarks.\n    reference: bench/cmd/bigregistry, code %d\n"+
			"    wire_valid: %t\n    browser_can_send: %t\n", c, c, c, c, c, wire, browser)
	}
}
