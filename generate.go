// Package closecodes is the root of the closecodes module: one registry of
// WebSocket close codes (codes.yaml) and the generator that turns it into a
// Go package (generated/go) and a TypeScript module (generated/ts).
//
// Run `go generate ./...` from the repository root after editing codes.yaml.
package closecodes

//go:generate go run ./cmd/gencodes
