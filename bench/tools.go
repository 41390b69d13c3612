//go:build tools

// This file records the tools the benchmarks run, so that go.mod pins them.
package bench

import _ "golang.org/x/tools/cmd/stringer"
