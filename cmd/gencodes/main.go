// Gencodes turns a WebSocket close code registry into a Go package and a
// TypeScript module that agree on every code, and explains codes to people.
//
// Usage:
//
//	gencodes [flags]
//	gencodes explain [-registry path] [-lang tag] CODE
//
// It reads the registry (codes.yaml), checks it strictly, and writes:
//
//	GO-OUT/closecode.go            the Go package: constants, String, validators, parsing
//	TS-OUT/closecodes.ts           the TypeScript module
//	TS-OUT/js/closecodes.js        the same as plain JavaScript (an ES module)
//	TS-OUT/js/closecodes.d.ts      its types
//	TS-OUT/package.json            so TS-OUT can be vendored or used as a workspace package
//	DOCS-OUT/close-codes.md        the table of codes and ranges, in Markdown
//	DOCS-OUT/close-codes.TAG.md    the same in each other language of the descriptions
//	TEMPLATES-OUT/NAME             for each NAME.tmpl in the -templates directory
//
// Each file is written atomically and only when its content changes. With
// -check nothing is written: every file that differs from what would be
// generated is shown as a unified diff, and the exit status is 1.
//
// A registry may extend the standard one, which gencodes carries, with
// `extends: standard`, adding its own codes in the ranges marked extendable
// (3000-4999), and may set its outputs in an `output` block; paths there are
// relative to the registry file. Flags given on the command line win.
//
// The flags are:
//
//	-registry path
//		the registry to read (default codes.yaml)
//	-go-out dir
//		directory of the Go package; "" skips Go (default generated/go)
//	-go-package name
//		name of the Go package (default closecode)
//	-go-type name
//		name of the Go code type (default Code)
//	-ts-out dir
//		directory of the TypeScript module; "" skips TypeScript (default generated/ts)
//	-ts-style const|enum
//		declare CloseCode as an `as const` object (default) or a classic enum
//	-ts-package name
//		package name in TS-OUT/package.json (default closecodes)
//	-docs-out dir
//		directory of the Markdown table; "" skips it (default generated/docs)
//	-templates dir
//		also render every *.tmpl in dir with the same view model
//	-templates-out dir
//		where the -templates outputs go (default .)
//	-check
//		write nothing; report stale files and exit 1 if any
//
// `gencodes explain CODE` prints what a person needs to know about a code,
// given as a number, name, alias or label: name, label, meaning, range,
// whether it is valid on the wire and whether a browser may send it, and its
// reference. It reads -registry when given, else codes.yaml when present,
// else the standard registry.
//
// Problems in the registry are printed as FILE:LINE:COL: message, all at
// once. The exit status is 0 on success, 1 when the registry is invalid, a
// file cannot be written, -check finds stale files or explain is asked about
// something that is not a code, and 2 on misuse.
//
// Examples, from the repository root (as `go generate ./...` runs it):
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

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "explain" {
		return runExplain(args[1:], stdout, stderr)
	}
	defaults := generator.DefaultOptions()
	flags := flag.NewFlagSet("gencodes", flag.ContinueOnError)
	flags.SetOutput(stderr)
	registryPath := flags.String("registry", "codes.yaml", "the registry to read")
	var given generator.Options
	flags.StringVar(&given.GoOut, "go-out", defaults.GoOut, "directory of the Go package; \"\" skips Go")
	flags.StringVar(&given.GoPackage, "go-package", defaults.GoPackage, "name of the Go package")
	flags.StringVar(&given.GoType, "go-type", defaults.GoType, "name of the Go code type")
	flags.StringVar(&given.TSOut, "ts-out", defaults.TSOut, "directory of the TypeScript module; \"\" skips TypeScript")
	flags.StringVar(&given.TSStyle, "ts-style", defaults.TSStyle, "declare CloseCode as an `as const` object (const) or a classic enum (enum)")
	flags.StringVar(&given.TSPackage, "ts-package", defaults.TSPackage, "package name in the TypeScript package.json")
	flags.StringVar(&given.DocsOut, "docs-out", defaults.DocsOut, "directory of the Markdown table; \"\" skips it")
	flags.StringVar(&given.TemplatesDir, "templates", "", "also render every *.tmpl in this directory")
	flags.StringVar(&given.TemplatesOut, "templates-out", defaults.TemplatesOut, "where the -templates outputs go")
	check := flags.Bool("check", false, "write nothing; report stale files with a diff and exit 1 if any")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: gencodes [flags]\n       gencodes explain [-registry path] [-lang tag] CODE\n\n"+
			"Generates Go and TypeScript close codes from a registry.\n\nFlags:\n")
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

	reg, err := registry.Load(*registryPath)
	if err != nil {
		return fail(stderr, err)
	}
	// The registry's output block applies over the defaults, and flags given
	// on the command line over both.
	opts, err := generator.WithRegistry(defaults, reg)
	if err != nil {
		return fail(stderr, err)
	}
	flags.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "go-out":
			opts.GoOut = given.GoOut
		case "go-package":
			opts.GoPackage = given.GoPackage
		case "go-type":
			opts.GoType = given.GoType
		case "ts-out":
			opts.TSOut = given.TSOut
		case "ts-style":
			opts.TSStyle = given.TSStyle
		case "ts-package":
			opts.TSPackage = given.TSPackage
		case "docs-out":
			opts.DocsOut = given.DocsOut
		case "templates":
			opts.TemplatesDir = given.TemplatesDir
		case "templates-out":
			opts.TemplatesOut = given.TemplatesOut
		}
	})

	files, err := generator.Generate(reg, opts)
	if err != nil {
		var optErr *generator.OptionError
		if errors.As(err, &optErr) {
			fmt.Fprintf(stderr, "gencodes: %v\n", err)
			return exitUsage
		}
		return fail(stderr, err)
	}
	if *check {
		stale, err := generator.Check(files, stdout)
		if err != nil {
			return fail(stderr, err)
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "gencodes: %d generated file(s) out of date with %s; run `go generate ./...`\n", len(stale), *registryPath)
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
	registryPath := flags.String("registry", "", "the registry to read (default codes.yaml when present, else the standard registry)")
	lang := flags.String("lang", "en", "language of the description, such as zh-CN")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: gencodes explain [-registry path] [-lang tag] CODE\n\n"+
			"Explains a close code given as a number, name, alias or label.\n\nFlags:\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if flags.NArg() != 1 {
		fmt.Fprintf(stderr, "gencodes explain: name one code, such as 1006 or AbnormalClosure\n")
		flags.Usage()
		return exitUsage
	}
	reg, err := explainRegistry(*registryPath)
	if err != nil {
		return fail(stderr, err)
	}
	if err := explain.Explain(stdout, reg, flags.Arg(0), *lang); err != nil {
		return exitFailure
	}
	return exitOK
}

// explainRegistry loads the registry explain reads: the one named, else
// codes.yaml in the current directory, else the standard registry.
func explainRegistry(path string) (*registry.Registry, error) {
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
