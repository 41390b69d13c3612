// Gencodes turns a WebSocket close code registry into a Go package, a TypeScript module, Markdown
// tables and JSON that agree on every code, and explains codes to people.
//
// Usage:
//
//	gencodes [flags]
//	gencodes explain [-registry file] [-lang tag] CODE
//
// It reads the registry, checks it strictly, and writes:
//
//	GO-OUT/closecode.go        the Go package: constants, String, validators, ranges; beside it
//	                           encoding.go (Parse, text, JSON), reconnect.go and texts.go
//	TS-OUT/closecodes.ts       the TypeScript module, with package.json and, in js/, plain JavaScript
//	DOCS-OUT/close-codes.md    the codes and ranges in Markdown; close-codes.TAG.md in other languages
//	JSON-OUT/closecodes.json   every code, range and fact, for any language, with its JSON Schema
//	TEMPLATES-OUT/NAME         for each NAME.tmpl in the -templates directory
//
// The registry is the -registry file, else ./codes.yaml, else the standard registry; one that says
// "extends: standard" adds codes in the ranges codes.yaml marks extendable. Its output section may
// make the settings of the flags, named with "_" for "-" (go_out, ...), but for -registry,
// -templates, -templates-out and -check; its paths are relative to it and must stay inside its
// directory. Flags win over the registry, which wins over the defaults.
//
// Nothing is written unless every file can be, and only files that change, each replaced whole;
// gencodes never overwrites a file without a "Code generated ... DO NOT EDIT." line in its first five
// lines, so custom templates must write one. -check writes nothing: it shows stale files as unified
// diffs, lists leftovers, exits 1.
//
// The flags, with their defaults, are as follows; "" leaves -ts-license, -ts-description and
// -ts-repository out of package.json, and is an error for -go-package, -go-type, -ts-style and -ts-package:
//
//	-registry file         the registry to read; "" finds it as above (default "")
//	-go-out dir            directory of the Go package; "" skips Go (default generated/go/closecode)
//	-go-package name       name of the Go package, not main (default closecode)
//	-go-type name          name of the Go code type, exported (default Code)
//	-ts-out dir            directory of the TypeScript module; "" skips TypeScript (default generated/ts)
//	-ts-style const|enum   declare CloseCode as an "as const" object or a classic enum (default const)
//	-ts-package name       npm package name in TS-OUT/package.json (default closecodes)
//	-ts-version version    npm package version, semantic; "" makes it private, at 0.0.0 (default "")
//	-ts-license spdx       npm package license, such as MIT (default "")
//	-ts-description text   npm package description (default "")
//	-ts-repository url     npm package repository, such as git+https://github.com/you/app.git (default "")
//	-docs-out dir          directory of the Markdown tables; "" skips them (default generated/docs)
//	-json-out dir          directory of closecodes.json and its schema; "" skips them (default generated/json)
//	-templates dir         also render every *.tmpl in dir; "" renders none (default "")
//	-templates-out dir     where the -templates outputs go; "" is the current directory (default .)
//	-check                 write nothing; report stale files and exit 1 if any
//
// "gencodes explain CODE" tells what a code (number, name, alias or label) means, whether it may be
// sent, its range, reconnect advice and reference. Its flags, which may also follow CODE, are
// -registry and -lang (default en).
//
// Exit status: 0 on success; 1 for an invalid registry (each problem as FILE:LINE:COL: message), a
// failed write, stale files under -check or an unknown code; 2 on misuse, such as a bad flag value.
//
// Examples, from the repository root (as "go generate ./..." runs it):
//
//	go run ./cmd/gencodes
//	go run ./cmd/gencodes -check
//	go run ./cmd/gencodes explain 1006
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/closecodes/closecodes/internal/explain"
	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/registry"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const registryHelp = "registry `file` to read; \"\" means ./codes.yaml, else the standard one (default \"\")"

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "explain" {
		return runExplain(args[1:], stdout, stderr)
	}
	def := generator.DefaultConfig()
	flags := newFlagSet("gencodes", stderr,
		"Generates Go, TypeScript, Markdown and JSON from a close code registry.\n"+
			"A flag wins over the registry's output section, which wins over the defaults.")
	registryPath := flags.String("registry", "", registryHelp)
	// No flag defaults: a flag left out leaves the registry's setting, or the default, in place.
	for _, f := range [][3]string{
		{"go-out", "`dir`ectory of the Go package; \"\" skips Go", def.GoOut},
		{"go-package", "`name` of the Go package, not main; \"\" is an error", def.GoPackage},
		{"go-type", "`name` of the Go code type, exported; \"\" is an error", def.GoType},
		{"ts-out", "`dir`ectory of the TypeScript module; \"\" skips TypeScript", def.TSOut},
		{"ts-style", "`const|enum`: CloseCode as an \"as const\" object or an enum; \"\" is an error", def.TSStyle},
		{"ts-package", "npm package `name` in TS-OUT/package.json; \"\" is an error", def.TSPackage},
		{"ts-version", "npm package `version`, semantic; \"\" makes the package private, at 0.0.0", `""`},
		{"ts-license", "npm package license, an `spdx` expression such as MIT; \"\" leaves it out", `""`},
		{"ts-description", "npm package description `text`; \"\" leaves it out", `""`},
		{"ts-repository", "npm package repository `url`, such as git+https://github.com/you/app.git; " +
			"\"\" leaves it out", `""`},
		{"docs-out", "`dir`ectory of the Markdown tables; \"\" skips them", def.DocsOut},
		{"json-out", "`dir`ectory of closecodes.json and its schema; \"\" skips them", def.JSONOut},
		{"templates", "also render every *.tmpl in `dir`; \"\" renders none", `""`},
		{"templates-out", "`dir`ectory of the -templates outputs; \"\" is the current directory", def.TemplatesOut},
	} {
		flags.String(f[0], "", f[1]+" (default "+f[2]+")")
	}
	check := flags.Bool("check", false, "write nothing; report stale files and exit 1 if any")
	if status, ok := parse(flags, args); !ok {
		return status
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "gencodes: unexpected argument %q\n", flags.Arg(0))
		flags.Usage()
		return exitUsage
	}
	given := map[string]string{}
	flags.Visit(func(f *flag.Flag) { given[f.Name] = f.Value.String() })

	reg, err := findRegistry(*registryPath)
	if err != nil {
		return fail(stderr, err)
	}
	cfg, err := generator.NewConfig(reg, given)
	if err != nil {
		return fail(stderr, err)
	}
	files, err := generator.Generate(reg, cfg)
	if err != nil {
		return fail(stderr, err)
	}
	if !*check {
		if _, err := generator.Write(files); err != nil {
			return fail(stderr, err)
		}
		return exitOK
	}
	stale, extra, err := generator.Check(files, stdout)
	if err != nil {
		return fail(stderr, err)
	}
	for _, path := range extra {
		fmt.Fprintf(stderr, "gencodes: %s: a file gencodes did not write or no longer wants here; "+
			"move it away or delete it\n", path)
	}
	if n := len(stale) + len(extra); n > 0 {
		fmt.Fprintf(stderr, "gencodes: %d generated file(s) out of date with %s; run `go generate ./...`\n",
			n, reg.File)
		return exitFailure
	}
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("gencodes explain", stderr,
		"Explains a close code given as a number, name, alias or label.\nFlags may come before or after CODE.")
	registryPath := flags.String("registry", "", registryHelp)
	lang := flags.String("lang", "en", "language `tag` of the meaning, such as zh-CN; \"\" means en")
	if status, ok := parse(flags, args); !ok {
		return status
	}
	// Flags may follow CODE too, unless "--" ended them.
	codes := flags.Args()
	if n := len(args) - len(codes); len(codes) > 0 && (n == 0 || args[n-1] != "--") {
		if status, ok := parse(flags, codes[1:]); !ok {
			return status
		}
		codes = append([]string{codes[0]}, flags.Args()...)
	}
	if len(codes) != 1 {
		fmt.Fprintf(stderr, "gencodes explain: name one code, such as 1006 or AbnormalClosure\n")
		flags.Usage()
		return exitUsage
	}
	reg, err := findRegistry(*registryPath)
	if err != nil {
		return fail(stderr, err)
	}
	if err := explain.Explain(stdout, reg, codes[0], *lang); err != nil {
		return exitFailure
	}
	return exitOK
}

func newFlagSet(name string, stderr io.Writer, about string) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: gencodes [flags]\n       gencodes explain [-registry file] [-lang tag] CODE\n"+
			"\n%s\n\nFlags:\n", about)
		flags.PrintDefaults()
	}
	return flags
}

// parse parses args, or returns false and the exit status: 0 after -h, else 2.
func parse(flags *flag.FlagSet, args []string) (int, bool) {
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return exitOK, false
	} else if err != nil {
		return exitUsage, false
	}
	return exitOK, true
}

// findRegistry loads path, else ./codes.yaml, else the standard registry.
func findRegistry(path string) (*registry.Registry, error) {
	if _, err := os.Stat("codes.yaml"); path == "" && err == nil {
		path = "codes.yaml"
	}
	if path == "" {
		return registry.Standard()
	}
	return registry.Load(path)
}

// fail prints err and returns its exit status. Registry problems are bare lines, FILE:LINE:COL: message,
// for editors to jump to; a bad flag value is misuse.
func fail(stderr io.Writer, err error) int {
	var list registry.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
		return exitFailure
	}
	fmt.Fprintf(stderr, "gencodes: %v\n", err)
	if errors.As(err, new(*generator.FlagError)) {
		return exitUsage
	}
	return exitFailure
}
