package generator

import (
	"fmt"

	"github.com/closecodes/closecodes/internal/registry"
)

// CheckNames returns the problems of names the outputs of cfg cannot carry: with Go, a code named
// like a name of GoAPI or like the Go type; with TypeScript, a code named like a global that a member
// of that name would shadow and an enum refuses, Infinity or NaN. Deprecated names are held to the same
// rules, being constants and members too. reg may hold problems of its own, so that a run can report
// these beside them.
func CheckNames(reg *registry.Registry, cfg Config) registry.ErrorList {
	var errs registry.ErrorList
	for _, c := range reg.Codes {
		for i, name := range append([]string{c.Name}, c.DeprecatedNames...) {
			msg := ""
			switch {
			case cfg.GoOut != "" && name == cfg.GoType:
				msg = "is also the Go type name; choose another name, or another Go type name"
			case cfg.GoOut != "" && GoAPI()[name]:
				msg = "collides with the generated Go API's " + name + "; choose another name"
			case cfg.TSOut != "" && (name == "Infinity" || name == "NaN"):
				msg = "is a JavaScript global, which a TypeScript member of that name would shadow; choose another name"
			}
			kind, pos := "name", c.NamePos
			if i > 0 {
				kind, pos = "deprecated name", c.DeprecatedPos[i-1]
			}
			if msg != "" {
				errs = append(errs, &registry.Error{File: reg.File, Pos: pos,
					Msg: fmt.Sprintf("code %d %s %q %s", c.Value, kind, name, msg)})
			}
		}
	}
	errs.Sort()
	return errs
}

// GoAPI returns the exported names the generated Go package declares at package level besides its
// codes and its type: the names a code or the Go type could collide with, since a code's name is
// an exported identifier. A test reads them from the Go templates, rendered, so that the list
// cannot drift from them; a list rather than that rendering keeps it off every run's time.
func GoAPI() map[string]bool { return goAPI }

var goAPI = map[string]bool{
	"All": true, "Codes": true, "DescriptionLanguages": true, "ErrReasonNotUTF8": true,
	"ErrReasonTooLong": true, "ErrUnknown": true, "FromInt": true, "MaxReasonBytes": true,
	"Parse": true, "Range": true, "Ranges": true, "Reconnect": true, "ReconnectNever": true,
	"ReconnectReauthenticate": true, "ReconnectRetry": true, "ReconnectUnspecified": true,
	"ReconnectUser": true, "TruncateReason": true, "ValidateReason": true,
}
