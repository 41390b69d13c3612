// Gencodes turns a WebSocket close code registry into a Go package, a TypeScript module, Markdown
// tables and JSON that agree on every code, and explains codes to people.
//
// Usage:
//
//	gencodes [flags]
//	gencodes explain [-registry file] [-lang tag] CODE
//	gencodes breaking -against OLD [-registry file] [-format text|github|json] [-fail-on category]
//	gencodes -version
//
// Gencodes reads the registry (the -registry file, else ./closecodes.yaml, else ./codes.yaml),
// checks it strictly, and writes the outputs that its flags and the registry's output section ask
// for: only files that change, and none unless every one can be. -check writes nothing and shows
// what is stale. "gencodes explain CODE" tells what a code means, whether it may be sent, and
// whether to reconnect after it; "gencodes breaking -against OLD" reports each change from an
// older registry that breaks programs built from it. gencodes -h lists every flag with its
// default, and docs/cli.md says the rest.
//
// Exit status: 0 on success; 1 for an invalid registry (each problem as FILE:LINE:COL: message), a
// failed write, stale files under -check, an unknown code or a breaking change; 2 on misuse, and
// when breaking cannot read a registry.
//
// Examples, from the repository root (as "go generate ./..." runs it):
//
//	go run ./cmd/gencodes
//	go run ./cmd/gencodes -check
//	go run ./cmd/gencodes explain 1006
package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/closecodes/closecodes/internal/explain"
	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
	"github.com/closecodes/closecodes/internal/spell"
	"golang.org/x/text/language"
)

func main() {
	// A run takes milliseconds and allocates a few megabytes: collecting
	// garbage only past a generous limit saves a fifth of its time, and a
	// registry of any allowed size stays far below the limit.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(512 << 20)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// commands are the subcommands, each with what it does.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"explain":  runExplain,
	"breaking": runBreaking,
}

const registryHelp = "registry `file` to read, or standard; \"\" means ./closecodes.yaml, else ./codes.yaml (default \"\")"

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if cmd, ok := commands[args[0]]; ok {
			return cmd(args[1:], stdout, stderr)
		}
		fmt.Fprintf(stderr, "gencodes: unknown command %q%s\nrun gencodes -h for the usage\n",
			args[0], suggest(args[0], slices.Collect(maps.Keys(commands)), "; did you mean gencodes %s?"))
		return exitUsage
	}
	flags := newFlagSet("gencodes", stderr,
		"Generates Go, TypeScript, Markdown and JSON from a close code registry.\n"+
			"A flag wins over the registry's output section, which wins over the defaults.")
	registryPath := flags.String("registry", "", registryHelp)
	// No flag defaults: a flag left out leaves the registry's setting, or the default, in place.
	for _, s := range settings {
		flags.String(s.flag(), "", s.help+" (default "+cmp.Or(s.def, `""`)+")")
	}
	check := flags.Bool("check", false, "write nothing; report stale files and exit 1 if any")
	version := flags.Bool("version", false, "print gencodes' version and exit")
	if status, ok := parse(flags, args); !ok {
		return status
	}
	if *version {
		// The module version the go command recorded: v0.1.0 when installed from it, (devel) in a clone.
		v := "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok {
			v = cmp.Or(info.Main.Version, v)
		}
		fmt.Fprintln(stdout, "gencodes", v)
		return exitOK
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "gencodes: unexpected argument %q\n", flags.Arg(0))
		flags.Usage()
		return exitUsage
	}
	given := map[string]string{}
	flags.Visit(func(f *flag.Flag) { given[f.Name] = f.Value.String() })

	// Parse the templates and the pages' texts while the registry is read: each takes milliseconds.
	go generator.GoAPI()
	go messages.For("en")
	// Every problem at once: the registry's, its settings', and the names its outputs cannot carry.
	reg, err := findRegistry(*registryPath, false, stderr)
	if reg == nil {
		return fail(stderr, err)
	}
	var problems registry.ErrorList
	errors.As(err, &problems)
	cfg, cfgProblems, err := configFor(reg, given)
	if err != nil {
		fmt.Fprintf(stderr, "gencodes: %v\n", err)
		return exitUsage
	}
	if problems = slices.Concat(problems, cfgProblems, generator.CheckNames(reg, cfg)); len(problems) > 0 {
		return fail(stderr, problems)
	}
	files, err := generator.Generate(reg, cfg)
	if err != nil {
		return fail(stderr, err)
	}
	if !*check {
		plan, err := generator.Write(files)
		if err != nil {
			return fail(stderr, err)
		}
		for _, path := range plan.Orphans {
			fmt.Fprintf(stderr, "gencodes: removed %s, which it no longer generates from %s\n", path, reg.File)
		}
		return exitOK
	}
	plan, err := generator.Inspect(files)
	if err == nil {
		err = plan.Diff(stdout)
	}
	if err != nil {
		return fail(stderr, err)
	}
	for _, list := range []struct {
		paths []string
		why   string
	}{
		{plan.LineEndings, " differs only in its line endings, CRLF for LF, as a checkout with core.autocrlf makes it: " +
			`not stale, since git commits it as generated (a .gitattributes file in its directory ` +
			`holding the line "* text eol=lf" keeps LF)`},
		{plan.Foreign, ": a file gencodes did not write is in the way; move it away or delete it"},
		{plan.Orphans, ": gencodes no longer generates it; a run without -check removes it"},
		{plan.Temps, ": the temporary file of an interrupted run; a run removes it"},
	} {
		for _, path := range list.paths {
			fmt.Fprintf(stderr, "gencodes: %s%s\n", path, list.why)
		}
	}
	if n := len(plan.Changed) + len(plan.Foreign) + len(plan.Orphans) + len(plan.Temps); n > 0 {
		hint := "run the same command without -check to regenerate them"
		checkFlags := []string{"-check", "--check", "-check=true", "--check=true"}
		isCheck := func(arg string) bool { return slices.Contains(checkFlags, arg) }
		if rest := slices.DeleteFunc(slices.Clone(args), isCheck); len(rest) > 0 {
			hint += ": gencodes " + strings.Join(rest, " ")
		}
		fmt.Fprintf(stderr, "gencodes: %d generated file(s) out of date with %s; %s\n", n, reg.File, hint)
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
	// The lookups read any string, a malformed one as English; a person asking gets told.
	if _, err := language.Parse(strings.ReplaceAll(*lang, "_", "-")); *lang != "" && err != nil {
		fmt.Fprintf(stderr, "gencodes explain: -lang %q is not a BCP 47 language tag; use one such as zh-CN\n", *lang)
		return exitUsage
	}
	reg, err := findRegistry(*registryPath, true, stderr)
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
		fmt.Fprintf(flags.Output(), "usage: gencodes [flags]\n       gencodes explain [-registry file] [-lang tag] CODE\n"+
			"       gencodes breaking -against OLD [-registry file] [-format text|github|json] [-fail-on category]\n"+
			"       gencodes -version\n\n%s\n\nFlags:\n", about)
		flags.PrintDefaults()
	}
	return flags
}

// parse parses args, or returns false and the exit status: 0 after -h, else 2. A flag that does
// not exist gets the nearest that does as a suggestion.
func parse(flags *flag.FlagSet, args []string) (int, bool) {
	out := flags.Output()
	var msg bytes.Buffer
	flags.SetOutput(&msg)
	err := flags.Parse(args)
	flags.SetOutput(out)
	switch {
	case errors.Is(err, flag.ErrHelp):
		flags.Usage()
		return exitOK, false
	case err != nil:
		fmt.Fprintf(out, "%s: %v\n", flags.Name(), err)
		if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
			var names []string
			flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			fmt.Fprint(out, suggest(strings.TrimPrefix(name, "-"), names, "did you mean -%s?\n"))
		}
		fmt.Fprintf(out, "run %s -h for the usage\n", flags.Name())
		return exitUsage, false
	}
	return exitOK, true
}

// suggest formats the name of names nearest to s, if one is near, or returns "".
func suggest(s string, names []string, format string) string {
	if best := spell.Closest(s, names, 3); best != nil {
		return fmt.Sprintf(format, best[0])
	}
	return ""
}

// registryFiles are the files a registry is looked for in, in order, when -registry names none.
var registryFiles = []string{"closecodes.yaml", "codes.yaml"}

// findRegistry loads the registry that path names: a file, or the standard registry for
// "standard". Without a path it looks for registryFiles here; when none is there, explain answers
// from the standard registry, saying so, and generation refuses, so as not to write the standard
// outputs into an app that only forgot where its registry is.
func findRegistry(path string, fallback bool, stderr io.Writer) (*registry.Registry, error) {
	if path == registry.StandardName {
		return registry.Standard()
	}
	if path != "" {
		return registry.Load(path)
	}
	for _, name := range registryFiles {
		if _, err := os.Stat(name); err == nil {
			return registry.Load(name)
		}
	}
	if fallback {
		fmt.Fprintf(stderr, "gencodes: no %s here; answering from the standard registry\n",
			strings.Join(registryFiles, " or "))
		return registry.Standard()
	}
	return nil, fmt.Errorf("no registry: found no %s in this directory; pass -registry FILE, "+
		"or -registry standard for the standard registry", strings.Join(registryFiles, " or "))
}

// fail prints err and returns exitFailure: registry problems as bare lines, FILE:LINE:COL: message,
// for editors to jump to, sorted.
func fail(stderr io.Writer, err error) int {
	var list registry.ErrorList
	if errors.As(err, &list) {
		list.Sort()
		fmt.Fprintln(stderr, list.Error())
	} else {
		fmt.Fprintf(stderr, "gencodes: %v\n", err)
	}
	return exitFailure
}
