package main

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/registry"
)

// setting is one setting of what gencodes writes: a flag and, unless flagOnly, a key of a
// registry's output section. The flag's name is the key with "-" for "_".
type setting struct {
	key   string
	field string // the generator.Config field it fills
	help  string // says what the value does, and what "" does; -h names the value by the `word`
	def   string
	// flagOnly settings name files a registry has no say over.
	flagOnly bool
	// check says what is wrong with a value, or "".
	check func(value string) string
}

// settings are every setting, in the order -h lists them and their values are checked.
var settings = []setting{
	{key: "go_out", field: "GoOut", def: "generated/go/closecode",
		help: "`dir`ectory of the Go package; \"\" skips Go"},
	{key: "go_package", field: "GoPackage", def: "closecode", check: goPackageProblem,
		help: "`name` of the Go package, not main; \"\" is an error"},
	{key: "go_type", field: "GoType", def: "Code", check: goTypeProblem,
		help: "`name` of the Go code type, exported; \"\" is an error"},
	{key: "ts_out", field: "TSOut", def: "generated/ts",
		help: "`dir`ectory of the TypeScript module; \"\" skips TypeScript"},
	{key: "ts_style", field: "TSStyle", def: generator.TSStyleConst, check: tsStyleProblem,
		help: "`const|enum`: CloseCode as an \"as const\" object or an enum; \"\" is an error"},
	{key: "ts_package", field: "TSPackage", def: "closecodes", check: npmNameProblem,
		help: "npm package `name` in TS-OUT/package.json; \"\" is an error"},
	{key: "ts_version", field: "TSVersion", check: semverProblem,
		help: "npm package `version`, semantic; \"\" makes the package private, at 0.0.0"},
	{key: "ts_license", field: "TSLicense",
		help: "npm package license, an `spdx` expression such as MIT; \"\" leaves it out"},
	{key: "ts_description", field: "TSDescription",
		help: "npm package description `text`; \"\" leaves it out"},
	{key: "ts_repository", field: "TSRepository", check: repositoryProblem,
		help: "npm package repository `url`, such as git+https://github.com/you/app.git; \"\" leaves it out"},
	{key: "docs_out", field: "DocsOut", def: "generated/docs",
		help: "`dir`ectory of the Markdown tables; \"\" skips them"},
	{key: "json_out", field: "JSONOut", def: "generated/json",
		help: "`dir`ectory of closecodes.json and its schema; \"\" skips them"},
	{key: "templates", field: "TemplatesDir", flagOnly: true,
		help: "also render every *.tmpl in `dir`; \"\" renders none"},
	{key: "templates_out", field: "TemplatesOut", def: ".", flagOnly: true,
		help: "`dir`ectory of the -templates outputs; \"\" is the current directory"},
}

func (s setting) flag() string { return strings.ReplaceAll(s.key, "_", "-") }

// outputKeys are the keys a registry's output section may hold.
func outputKeys() []string {
	var keys []string
	for _, s := range settings {
		if !s.flagOnly {
			keys = append(keys, s.key)
		}
	}
	return keys
}

// configFor returns the settings for reg, each from the first that makes it: the flags, by flag
// name, with paths as given; the registry's output section, whose paths are relative to the file
// and must stay in its directory, so that a registry from elsewhere cannot make gencodes write
// outside its tree; the defaults. errs holds every problem of the output section, even of a
// setting a flag overrides; flagErr is the first flag whose value cannot work, a misuse.
func configFor(reg *registry.Registry, flags map[string]string) (
	cfg generator.Config, errs registry.ErrorList, flagErr error) {
	for key, s := range reg.Output {
		switch i := slices.IndexFunc(settings, func(s setting) bool { return s.key == key }); {
		case i >= 0 && settings[i].flagOnly:
			errs = append(errs, &registry.Error{File: reg.File, Pos: s.KeyPos, Msg: fmt.Sprintf(
				"%s cannot be set in output, only with the flag -%s; remove it", key, settings[i].flag())})
		case i < 0:
			errs = append(errs, &registry.Error{File: reg.File, Pos: s.KeyPos, Msg: fmt.Sprintf("unknown field %q in output; %s",
				key, cmp.Or(suggest(key, outputKeys(), "did you mean %q?"), "known fields: "+strings.Join(outputKeys(), ", ")))})
		}
	}
	for _, s := range settings {
		value := s.def
		if file, ok := reg.Output[s.key]; ok && !s.flagOnly {
			v, msg := file.Value, s.problem(file.Value)
			if strings.HasSuffix(s.key, "_out") && v != "" && msg == "" {
				v, msg = insideDir(filepath.Dir(reg.File), s.flag(), v)
			}
			if msg != "" {
				errs = append(errs, &registry.Error{File: reg.File, Pos: file.Pos, Msg: "output " + s.key + ": " + msg})
			}
			value = v
		}
		if v, ok := flags[s.flag()]; ok {
			if msg := s.problem(v); msg != "" {
				return cfg, nil, fmt.Errorf("-%s: %s", s.flag(), msg)
			}
			value = v
		}
		reflect.ValueOf(&cfg).Elem().FieldByName(s.field).SetString(value)
	}
	errs.Sort()
	return cfg, errs, nil
}

func (s setting) problem(value string) string {
	if s.check == nil {
		return ""
	}
	return s.check(value)
}

// insideDir joins dir, from the output section, to the registry's directory base, or says why not:
// it is absolute, leads out of base, or passes through a symbolic link.
func insideDir(base, flag, dir string) (joined, msg string) {
	fix := "or remove the setting and pass -" + flag + " on the command line"
	switch {
	case filepath.IsAbs(dir) || strings.HasPrefix(filepath.ToSlash(dir), "/"):
		return "", fmt.Sprintf("%q is an absolute path; name a directory relative to this file, %s", dir, fix)
	case !filepath.IsLocal(filepath.FromSlash(dir)):
		return "", fmt.Sprintf("%q leads outside this file's directory; name a directory inside it, %s", dir, fix)
	}
	joined = base
	for _, part := range strings.Split(filepath.Clean(filepath.FromSlash(dir)), string(filepath.Separator)) {
		joined = filepath.Join(joined, part)
		if info, err := os.Lstat(joined); err == nil && part != "." && info.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Sprintf("%q leads through the symbolic link %s, which may point outside this file's "+
				"directory; name a real directory inside it, %s", dir, joined, fix)
		}
	}
	return joined, ""
}

// isASCIIIdentifier reports whether s is a Go identifier of ASCII letters, digits and underscores
// that is neither a keyword nor one of Go's predeclared names, such as string or len.
func isASCIIIdentifier(s string) bool {
	ascii := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
	return ascii && token.IsIdentifier(s) && types.Universe.Lookup(s) == nil
}

func goPackageProblem(value string) string {
	switch {
	case value == "main":
		return `Go package name "main" makes a command, which needs a func main the generated package lacks; ` +
			"use a name such as closecode"
	case !isASCIIIdentifier(value) || value == "_":
		return fmt.Sprintf("Go package name %q is not a valid package name; "+
			"use a lower-case identifier such as closecode", value)
	}
	return ""
}

func goTypeProblem(value string) string {
	switch {
	case !isASCIIIdentifier(value) || value[0] < 'A' || value[0] > 'Z':
		return fmt.Sprintf("Go type name %q is not an exported identifier; use a name such as Code", value)
	case generator.GoAPI()[value]:
		return fmt.Sprintf("Go type name %q collides with a name the generated package declares; choose another type name", value)
	}
	return ""
}

func tsStyleProblem(value string) string {
	if value != generator.TSStyleConst && value != generator.TSStyleEnum {
		return fmt.Sprintf("unknown TypeScript style %q; use %q or %q", value, generator.TSStyleConst, generator.TSStyleEnum)
	}
	return ""
}

// npmNameRE is npm's rule for new package names, but for the length limit and the reserved names.
var npmNameRE = regexp.MustCompile(`^(@[a-z0-9._-]+/)?[a-z0-9-][a-z0-9._-]*$`)

func npmNameProblem(name string) string {
	if len(name) > 214 || name == "node_modules" || name == "favicon.ico" || !npmNameRE.MatchString(name) {
		return fmt.Sprintf(`npm package name %q breaks npm's rule: NAME or @SCOPE/NAME, `+
			`at most 214 characters, only lower-case letters, digits, "-", "." and "_", `+
			`NAME not starting with "." or "_", not node_modules or favicon.ico; `+
			"use a name such as closecodes or @scope/closecodes", name)
	}
	return ""
}

// semverRE is semver.org's pattern for a version.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

func semverProblem(value string) string {
	if value != "" && !semverRE.MatchString(value) {
		return fmt.Sprintf(`npm version %q is not a semantic version; use MAJOR.MINOR.PATCH such as 1.0.0, `+
			`or "" for a private package`, value)
	}
	return ""
}

func repositoryProblem(value string) string {
	if u, err := url.Parse(value); value != "" && (err != nil || u.Scheme == "") {
		return fmt.Sprintf(`repository %q is not a URL; use one such as git+https://github.com/you/app.git, `+
			`or "" for none`, value)
	}
	return ""
}
