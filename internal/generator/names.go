package generator

import (
	"fmt"

	"github.com/closecodes/closecodes/internal/registry"
)

// goAPINames are the exported identifiers the Go template declares besides
// the code constants and the code type. A code named like one of them would
// not compile.
var goAPINames = []string{
	"Range", "Parse", "Codes", "Ranges", "ValidateReason", "MaxReasonBytes",
	"ErrUnknown", "ErrReasonTooLong", "ErrReasonNotUTF8",
}

// checkNames reports code names that the registry allows in general but that
// collide with the identifiers these outputs declare.
func checkNames(reg *registry.Registry, opts Config) error {
	if len(reg.Codes) == 0 {
		return fmt.Errorf("registry %s names no codes", reg.File)
	}
	var errs registry.ErrorList
	for _, c := range reg.Codes {
		for _, taken := range append([]string{opts.GoType}, goAPINames...) {
			if c.Name == taken {
				errs = append(errs, &registry.Error{File: reg.File, Pos: c.NamePos,
					Msg: fmt.Sprintf("code %d name %q collides with the generated Go API's %s; choose another name", c.Value, c.Name, taken)})
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// isASCIIIdentifier reports whether s is a Go identifier, not a keyword,
// made of ASCII letters, digits and underscores.
func isASCIIIdentifier(s string) bool {
	if s == "" || registry.IsGoKeyword(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}
