// Gencodes turns a WebSocket close code registry into a Go package and a
// TypeScript module that agree on every code.
//
// Usage:
//
//	gencodes [flags]
//
// It reads the registry (codes.yaml), checks it strictly, and writes:
//
//	GO-OUT/closecode.go           the Go package: constants, String, validators, parsing
//	TS-OUT/closecodes.ts          the TypeScript module
//	TS-OUT/js/closecodes.js       the same as plain JavaScript (an ES module)
//	TS-OUT/js/closecodes.d.ts     its types
//	TS-OUT/package.json           so TS-OUT can be vendored or used as a workspace package
//
// Each file is written atomically and only when its content changes. With
// -check nothing is written: every file that differs from what would be
// generated is shown as a unified diff, and the exit status is 1.
//
// The flags are:
//
//	-registry path
//		the registry to read (default codes.yaml)
//	-go-out dir
//		directory of the Go package; "" skips Go (default generated/go)
//	-go-package name
//		name of the Go package (default closecode)
//	-ts-out dir
//		directory of the TypeScript module; "" skips TypeScript (default generated/ts)
//	-ts-style const|enum
//		declare CloseCode as an `as const` object (default) or a classic enum
//	-check
//		write nothing; report stale files and exit 1 if any
//
// Problems in the registry are printed as FILE:LINE:COL: message, all at
// once. The exit status is 0 on success, 1 when the registry is invalid, a
// file cannot be written or -check finds stale files, and 2 on misuse.
//
// Example, from the repository root (as `go generate ./...` runs it):
//
//	go run ./cmd/gencodes
//	go run ./cmd/gencodes -check
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

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
	defaults := generator.DefaultOptions()
	flags := flag.NewFlagSet("gencodes", flag.ContinueOnError)
	flags.SetOutput(stderr)
	registryPath := flags.String("registry", "codes.yaml", "the registry to read")
	opts := defaults
	flags.StringVar(&opts.GoOut, "go-out", defaults.GoOut, "directory of the Go package; \"\" skips Go")
	flags.StringVar(&opts.GoPackage, "go-package", defaults.GoPackage, "name of the Go package")
	flags.StringVar(&opts.TSOut, "ts-out", defaults.TSOut, "directory of the TypeScript module; \"\" skips TypeScript")
	flags.StringVar(&opts.TSStyle, "ts-style", defaults.TSStyle, "declare CloseCode as an `as const` object (const) or a classic enum (enum)")
	check := flags.Bool("check", false, "write nothing; report stale files with a diff and exit 1 if any")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: gencodes [flags]\n\nGenerates Go and TypeScript close codes from a registry.\n\nFlags:\n")
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
	files, err := generator.Generate(reg, opts)
	if err != nil {
		var list registry.ErrorList
		if errors.As(err, &list) {
			return fail(stderr, err)
		}
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
