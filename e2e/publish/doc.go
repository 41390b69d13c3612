// Package publish holds closecodes to the lines a user types to install it:
// `go get -tool` and `go run` of gencodes from a module proxy that serves this
// repository as a published version, and `npm install` of the generated
// package packed as npm would publish it. The lines themselves are in
// commands.txt, which README.md shows as written.
//
// It is a module of its own so that golang.org/x/mod, which builds the module
// zip, never becomes a requirement of the closecodes module.
package publish
