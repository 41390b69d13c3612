// Gencodes turns a WebSocket close code registry into a Go package and a
// TypeScript module that agree on every code, and explains codes to people.
//
// Usage:
//
//	gencodes [flags]
//	gencodes explain [-registry file] [-lang tag] CODE
//
// It reads the registry, checks it strictly, and writes:
//
//	GO-OUT/closecode.go            the Go package: constants, String, validators, parsing
//	TS-OUT/closecodes.ts           the TypeScript module
//	TS-OUT/js/closecodes.js        the same as plain JavaScript (an ES module)
//	TS-OUT/js/closecodes.d.ts      its types
//	TS-OUT/package.json            so TS-OUT can be vendored, used as a workspace package or published
//	DOCS-OUT/close-codes.md        the table of codes and ranges, in Markdown
//	DOCS-OUT/close-codes.TAG.md    the same in each other language of the descriptions
//	TEMPLATES-OUT/NAME             for each NAME.tmpl in the -templates directory
//
// The registry is the -registry file, else codes.yaml in the current
// directory, else the standard registry that gencodes carries. A registry
// may extend the standard one with "extends: standard", adding its own codes
// in the ranges marked extendable (3000-4999).
//
// Every setting below can also be made in the registry's output section,
// under the flag's name with "_" for "-" (go_out, ts_version, ...), except
// -registry, -templates, -templates-out and -check. A flag given on the
// command line wins over the registry, and the registry over the defaults.
// Paths in the registry are relative to its directory and must stay inside
// it; paths given as flags are taken as given.
//
// All files are rendered before any is written, and then written all or
// none: each to a temporary file beside it (.gencodes-NAME-*.tmp), synced,
// then renamed over it, and only when its content changes. The next run
// removes temporary files that an interrupted run left. gencodes never
// overwrites a file that lacks a "Code generated ... DO NOT EDIT." line in
// its first five lines, which every file it writes has; custom templates
// must write one too.
//
// With -check nothing is written: each file that differs from what would be
// generated is shown as a unified diff; leftover temporary files, and files
// of gencodes' in the output directories that it would no longer write,
// are listed with what to do; and the exit status is 1.
//
// The flags are:
//
//	-registry file
//		the registry to read; "" finds it as above (default "")
//	-go-out dir
//		directory of the Go package; "" skips Go (default generated/go)
//	-go-package name
//		name of the Go package, not main; "" is an error (default closecode)
//	-go-type name
//		name of the Go code type, exported; "" is an error (default Code)
//	-ts-out dir
//		directory of the TypeScript module; "" skips TypeScript (default generated/ts)
//	-ts-style const|enum
//		declare CloseCode as an object with "as const" or as a classic enum;
//		"" is an error (default const)
//	-ts-package name
//		npm package name in TS-OUT/package.json; "" is an error (default closecodes)
//	-ts-version version
//		npm package version, a semantic version; "" makes the package
//		private, at version 0.0.0 (default "")
//	-ts-license spdx
//		npm package license, such as MIT; "" leaves it out (default "")
//	-ts-description text
//		npm package description; "" leaves it out (default "")
//	-ts-repository url
//		npm package repository, such as git+https://github.com/you/app.git;
//		"" leaves it out (default "")
//	-docs-out dir
//		directory of the Markdown tables; "" skips them (default generated/docs)
//	-templates dir
//		also render every *.tmpl in dir; "" renders none (default "")
//	-templates-out dir
//		where the -templates outputs go; "" is the current directory (default .)
//	-check
//		write nothing; report stale files and exit 1 if any
//
// "gencodes explain CODE" prints what a person needs to know about a code,
// given as a number, name, alias or label: name, label, meaning, range,
// whether it is valid on the wire and whether a browser may send it, and its
// reference. Its flags may come before or after CODE: -registry, found as
// above, and -lang, the language of the meaning (default en).
//
// Problems in the registry are printed as FILE:LINE:COL: message, all at
// once. The exit status is 0 on success; 1 when the registry is invalid, a
// file cannot be written, -check finds stale files or explain is asked about
// something that is not a code; and 2 on misuse, such as a bad flag value.
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

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usageLines = "usage: gencodes [flags]\n       gencodes explain [-registry file] [-lang tag] CODE\n"

// In the help texts, the first word in backquotes names the flag's value.
const registryHelp = "the registry `file` to read; \"\" means codes.yaml when present, else the standard registry (default \"\")"

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "explain" {
		return runExplain(args[1:], stdout, stderr)
	}
	def := generator.DefaultConfig()
	flags := flag.NewFlagSet("gencodes", flag.ContinueOnError)
	flags.SetOutput(stderr)
	registryPath := flags.String("registry", "", registryHelp)
	// The settings have no flag defaults: a flag left out leaves the
	// registry's setting, or the default, in place.
	setting := func(name, help string) { flags.String(name, "", help) }
	setting("go-out", fmt.Sprintf("`dir`ectory of the Go package; \"\" skips Go (default %s)", def.GoOut))
	setting("go-package", fmt.Sprintf("`name` of the Go package, not main; \"\" is an error (default %s)", def.GoPackage))
	setting("go-type", fmt.Sprintf("`name` of the Go code type, exported; \"\" is an error (default %s)", def.GoType))
	setting("ts-out", fmt.Sprintf("`dir`ectory of the TypeScript module; \"\" skips TypeScript (default %s)", def.TSOut))
	setting("ts-style", fmt.Sprintf("declare CloseCode as an object with \"as const\" or as a classic enum: `const|enum`; \"\" is an error (default %s)", def.TSStyle))
	setting("ts-package", fmt.Sprintf("npm package `name` in TS-OUT/package.json; \"\" is an error (default %s)", def.TSPackage))
	setting("ts-version", "npm package `version`, a semantic version; \"\" makes the package private, at version 0.0.0 (default \"\")")
	setting("ts-license", "npm package license, an `spdx` expression such as MIT; \"\" leaves it out (default \"\")")
	setting("ts-description", "npm package description `text`; \"\" leaves it out (default \"\")")
	setting("ts-repository", "npm package repository `url`, such as git+https://github.com/you/app.git; \"\" leaves it out (default \"\")")
	setting("docs-out", fmt.Sprintf("`dir`ectory of the Markdown tables; \"\" skips them (default %s)", def.DocsOut))
	setting("templates", "also render every *.tmpl in `dir`; \"\" renders none (default \"\")")
	setting("templates-out", fmt.Sprintf("`dir`ectory of the -templates outputs; \"\" is the current directory (default %s)", def.TemplatesOut))
	check := flags.Bool("check", false, "write nothing; report stale files and exit 1 if any")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "%s\nGenerates Go, TypeScript and Markdown from a close code registry.\n"+
			"A flag wins over the registry's output section, which wins over the defaults.\n\nFlags:\n", usageLines)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "gencodes: unexpected argument %q\n", flags.Arg(0))
		flags.Usage()
		return exitUsage
	}
	given := map[string]string{}
	flags.Visit(func(f *flag.Flag) {
		if f.Name != "registry" && f.Name != "check" {
			given[f.Name] = f.Value.String()
		}
	})

	reg, err := findRegistry(*registryPath)
	if err != nil {
		return fail(stderr, err)
	}
	cfg, err := generator.NewConfig(reg, given)
	if err != nil {
		var flagErr *generator.FlagError
		if errors.As(err, &flagErr) {
			fmt.Fprintf(stderr, "gencodes: %v\n", err)
			return exitUsage
		}
		return fail(stderr, err)
	}
	files, err := generator.Generate(reg, cfg)
	if err != nil {
		return fail(stderr, err)
	}
	if *check {
		stale, err := generator.Check(files, stdout)
		if err != nil {
			return fail(stderr, err)
		}
		for _, s := range stale {
			if s.Hint != "" {
				fmt.Fprintf(stderr, "gencodes: %s: %s\n", s.Path, s.Hint)
			}
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "gencodes: %d generated file(s) out of date with %s; run `go generate ./...`\n", len(stale), reg.File)
			return exitFailure
		}
		return exitOK
	}
	if _, err := generator.Write(files); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gencodes explain", flag.ContinueOnError)
	flags.SetOutput(stderr)
	registryPath := flags.String("registry", "", registryHelp)
	lang := flags.String("lang", "en", "language `tag` of the meaning, such as zh-CN; \"\" means en")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "%s\nExplains a close code given as a number, name, alias or label.\n"+
			"Flags may come before or after CODE.\n\nFlags:\n", usageLines)
		flags.PrintDefaults()
	}
	// The flag package stops at the first argument that is not a flag; go
	// on after it, so that "explain 4001 -lang zh-CN" works too. After
	// "--", everything is an argument.
	var codes []string
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		rest := flags.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			codes = append(codes, rest...)
			break
		}
		codes, args = append(codes, rest[0]), rest[1:]
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

// findRegistry loads the registry gencodes reads: the one named, else
// codes.yaml in the current directory, else the standard registry.
func findRegistry(path string) (*registry.Registry, error) {
	if path != "" {
		return registry.Load(path)
	}
	if _, err := os.Stat("codes.yaml"); err == nil {
		return registry.Load("codes.yaml")
	}
	return registry.Standard()
}

// fail prints err and returns the failure status. Registry problems are
// printed bare, one a line, as FILE:LINE:COL: message, so that editors can
// jump to them; other errors carry the tool's name.
func fail(stderr io.Writer, err error) int {
	var list registry.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
	} else {
		fmt.Fprintf(stderr, "gencodes: %v\n", err)
	}
	return exitFailure
}
