// Package closecodes is the root of the closecodes module: one registry of
// WebSocket close codes (codes.yaml) and the generator that turns it into a
// Go package (generated/go/closecode) and a TypeScript module (generated/ts).
//
// Run `go generate ./...` from the repository root after editing codes.yaml.
package closecodes

import _ "embed" // for StandardRegistry

//go:generate go run ./cmd/gencodes

// StandardRegistry is codes.yaml: every code and range of RFC 6455, the IANA
// registry and the WHATWG close() rule. App registries extend it with
// `extends: standard`, and gencodes carries it so they need no copy.
//
//go:embed codes.yaml
var StandardRegistry []byte
