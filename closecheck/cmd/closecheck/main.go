// Closecheck reports WebSocket close codes and reasons that a Go program
// would send wrong, with gorilla/websocket, coder/websocket,
// nhooyr.io/websocket and gobwas/ws.
//
// Run it alone or as go vet's tool:
//
//	closecheck ./...
//	go vet -vettool=$(command -v closecheck) ./...
//
// See the closecheck package for its rules.
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/closecodes/closecodes/closecheck"
)

func main() { singlechecker.Main(closecheck.Analyzer) }
