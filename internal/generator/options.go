package generator

import (
	"path/filepath"

	"github.com/closecodes/closecodes/internal/registry"
)

// WithRegistry returns opts with the output settings that reg's file makes
// applied over them. Paths in the file are relative to the file's directory,
// so a registry names its outputs the same wherever gencodes runs from. A
// setting that cannot work is a registry problem, reported at its position.
func WithRegistry(opts Options, reg *registry.Registry) (Options, error) {
	out := reg.Output
	base := filepath.Dir(reg.File)
	dirs := map[string]*string{"go_out": &opts.GoOut, "ts_out": &opts.TSOut, "docs_out": &opts.DocsOut}
	values := map[string]string{"go_out": out.GoOut, "ts_out": out.TSOut, "docs_out": out.DocsOut}
	for key, dst := range dirs {
		if _, set := out.Pos[key]; !set {
			continue
		}
		switch v := values[key]; {
		case v == "":
			*dst = "" // an empty setting skips that output
		case filepath.IsAbs(v):
			*dst = v
		default:
			*dst = filepath.Join(base, filepath.FromSlash(v))
		}
	}
	for key, pair := range map[string]struct {
		dst *string
		v   string
	}{
		"go_package": {&opts.GoPackage, out.GoPackage}, "go_type": {&opts.GoType, out.GoType},
		"ts_package": {&opts.TSPackage, out.TSPackage}, "ts_style": {&opts.TSStyle, out.TSStyle},
	} {
		if _, set := out.Pos[key]; set {
			*pair.dst = pair.v
		}
	}
	// Check the settings the file made, so that a bad one is reported at
	// its line rather than as a misuse of the command.
	var errs registry.ErrorList
	for key := range out.Pos {
		probe := DefaultOptions()
		switch key {
		case "go_package":
			probe.GoPackage = opts.GoPackage
		case "go_type":
			probe.GoType = opts.GoType
		case "ts_package":
			probe.TSPackage = opts.TSPackage
		case "ts_style":
			probe.TSStyle = opts.TSStyle
		default:
			continue
		}
		if err := checkOptions(probe); err != nil {
			errs = append(errs, &registry.Error{File: reg.File, Pos: out.Pos[key], Msg: "output " + key + ": " + err.Error()})
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return opts, errs
	}
	return opts, nil
}
