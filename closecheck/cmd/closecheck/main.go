// Closecheck reports WebSocket close codes and reasons that a Go program would
// send wrong; "closecheck -help" lists its rules. Run it alone or as go vet's tool:
//
//	closecheck ./...
//	go vet -vettool=$(command -v closecheck) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/closecodes/closecodes/closecheck"
)

func main() { singlechecker.Main(closecheck.Analyzer) }
