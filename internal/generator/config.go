package generator

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/closecodes/closecodes/internal/registry"
)

// Config says what gencodes renders and where; NewConfig fills it. An output directory "" skips that
// output; without TSVersion, TS-OUT/package.json is private. Each NAME.tmpl in TemplatesDir, if set,
// renders the Model into TemplatesOut/NAME, but those whose names start with "_" only define blocks.
type Config struct {
	GoOut, TSOut, DocsOut, JSONOut                               string
	GoPackage, GoType, TSStyle                                   string
	TSPackage, TSVersion, TSLicense, TSDescription, TSRepository string
	TemplatesDir, TemplatesOut                                   string
}

// DefaultConfig returns the settings for this repository's own layout.
func DefaultConfig() Config {
	return Config{
		GoOut: "generated/go/closecode", TSOut: "generated/ts", DocsOut: "generated/docs", JSONOut: "generated/json",
		GoPackage: "closecode", GoType: "Code", TSStyle: TSStyleConst, TSPackage: "closecodes", TemplatesOut: ".",
	}
}

// settingKeys are the keys of every setting in the order they are checked: a registry's, then those
// only flags make.
var settingKeys = append(slices.Clone(registry.OutputKeys), "templates", "templates_out")

// settings pairs each field of c with its key in a registry's output section, its flag with "_" for "-".
func (c *Config) settings() map[string]*string {
	return map[string]*string{
		"go_out": &c.GoOut, "go_package": &c.GoPackage, "go_type": &c.GoType, "ts_out": &c.TSOut,
		"ts_style": &c.TSStyle, "ts_package": &c.TSPackage, "ts_version": &c.TSVersion, "ts_license": &c.TSLicense,
		"ts_description": &c.TSDescription, "ts_repository": &c.TSRepository, "docs_out": &c.DocsOut,
		"json_out": &c.JSONOut, "templates": &c.TemplatesDir, "templates_out": &c.TemplatesOut,
	}
}

func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

// FlagError is a flag whose value cannot work: a misuse of the command.
type FlagError struct{ Flag, Msg string } // Flag without the dash

func (e *FlagError) Error() string { return "-" + e.Flag + ": " + e.Msg }

// NewConfig returns the settings for reg, each from the first that makes it: flags, by flag name
// ("go-out"; other names are ignored), with paths as given; the registry's output section, whose
// paths are relative to the file and must stay in its directory, so that a registry from elsewhere
// cannot make gencodes write outside its tree; and DefaultConfig. A bad flag is a *FlagError; a bad
// setting in the file, even one a flag overrides, is in a registry.ErrorList.
func NewConfig(reg *registry.Registry, flags map[string]string) (Config, error) {
	cfg := DefaultConfig()
	var errs registry.ErrorList
	settings := cfg.settings()
	for _, key := range settingKeys {
		if s, ok := reg.Output[key]; ok {
			value, msg := s.Value, problem(key, s.Value)
			if strings.HasSuffix(key, "_out") && value != "" {
				value, msg = insideDir(filepath.Dir(reg.File), key, value)
			}
			if msg != "" {
				errs = append(errs, &registry.Error{File: reg.File, Pos: s.Pos, Msg: "output " + key + ": " + msg})
			}
			*settings[key] = value
		}
		if value, ok := flags[flagName(key)]; ok {
			if msg := problem(key, value); msg != "" {
				return Config{}, &FlagError{Flag: flagName(key), Msg: msg}
			}
			*settings[key] = value
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return Config{}, errs
	}
	return cfg, nil
}

// insideDir joins dir, from the output section, to the registry's directory base, or says why not.
func insideDir(base, key, dir string) (joined, msg string) {
	fix := "or remove the setting and pass -" + flagName(key) + " on the command line"
	switch {
	case filepath.IsAbs(dir) || strings.HasPrefix(filepath.ToSlash(dir), "/"):
		return "", fmt.Sprintf("%q is an absolute path; name a directory relative to this file, %s", dir, fix)
	case !filepath.IsLocal(filepath.FromSlash(dir)):
		return "", fmt.Sprintf("%q leads outside this file's directory; name a directory inside it, %s", dir, fix)
	}
	return filepath.Join(base, filepath.FromSlash(dir)), ""
}

// check returns the first setting of a hand-filled Config that cannot work.
func (c Config) check() error {
	settings := c.settings()
	for _, key := range settingKeys {
		if msg := problem(key, *settings[key]); msg != "" {
			return fmt.Errorf("%s: %s", key, msg)
		}
	}
	return nil
}

// semverRE is semver.org's pattern for a version.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// problem returns what is wrong with value as the setting key, or "".
func problem(key, value string) string {
	switch key {
	case "go_package":
		if value == "main" {
			return `Go package name "main" makes a command, which needs a func main the generated package lacks; ` +
				"use a name such as closecode"
		}
		if !isASCIIIdentifier(value) || value == "_" {
			return fmt.Sprintf("Go package name %q is not a valid package name; "+
				"use a lower-case identifier such as closecode", value)
		}
	case "go_type":
		if !isASCIIIdentifier(value) || value[0] < 'A' || value[0] > 'Z' {
			return fmt.Sprintf("Go type name %q is not an exported identifier; use a name such as Code", value)
		}
	case "ts_style":
		if value != TSStyleConst && value != TSStyleEnum {
			return fmt.Sprintf("unknown TypeScript style %q; use %q or %q", value, TSStyleConst, TSStyleEnum)
		}
	case "ts_package":
		return npmNameProblem(value)
	case "ts_version":
		if value != "" && !semverRE.MatchString(value) {
			return fmt.Sprintf(`npm version %q is not a semantic version; use MAJOR.MINOR.PATCH such as 1.0.0, `+
				`or "" for a private package`, value)
		}
	case "ts_repository":
		if u, err := url.Parse(value); value != "" && (err != nil || u.Scheme == "") {
			return fmt.Sprintf(`repository %q is not a URL; use one such as git+https://github.com/you/app.git, `+
				`or "" for none`, value)
		}
	}
	return ""
}
