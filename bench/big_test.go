//go:build big

package bench

import (
	"testing"

	big "github.com/closecodes/closecodes/bench/big"
)

// BenchmarkBigString measures String on the 4,000-code package that run.sh
// generates into big/ (build tag big): the first, middle and last named
// codes cost the same, because the lookup is two table loads whatever the
// code.
func BenchmarkBigString(b *testing.B) {
	for _, c := range []struct {
		name string
		code big.Code
	}{{"first", 1000}, {"middle", 3000}, {"last", 4999}} {
		b.Run("code="+c.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n += len(c.code.String())
			}
			sink += n
		})
	}
}
