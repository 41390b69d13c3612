// Closecheck reports WebSocket close codes and reasons that a Go program would
// send wrong. Run it as "closecheck ./..." or as go vet's tool,
// "go vet -vettool=$(command -v closecheck) ./..."; "closecheck -help" lists its rules.
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/closecodes/closecodes/closecheck"
)

func main() { singlechecker.Main(closecheck.Analyzer) }
