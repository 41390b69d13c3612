// Package templates holds the text/template sources that gencodes renders,
// embedded so the generator binary carries them.
//
// A file named NAME.tmpl renders one output; a file whose name starts with
// an underscore only defines blocks that the others use. Templates print
// what the generator's view model computed and decide nothing themselves.
package templates

import "embed"

// FS holds every *.tmpl file of this directory.
//
//go:embed *.tmpl
var FS embed.FS
