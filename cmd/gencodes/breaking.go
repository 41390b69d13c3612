package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/closecodes/closecodes/internal/breaking"
	"github.com/closecodes/closecodes/internal/registry"
)

func runBreaking(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("gencodes breaking", stderr, "Reports what changed from the registry OLD to this one, "+
		"and who it breaks: exit status 1 when a change is of the category -fail-on or a more severe one.")
	against := flags.String("against", "", "the older `registry`: a file, or REV:PATH as git show reads it here, "+
		"PATH relative to the repository's root or ./PATH to this directory; \"\" is an error")
	registryPath := flags.String("registry", "", registryHelp)
	format := flags.String("format", "text", "`text|github|json`: lines FILE:LINE:COL: ID (CATEGORY): message, "+
		"GitHub Actions annotations, or a JSON list; \"\" is an error")
	failOn := flags.String("fail-on", "BEHAVIOR", "the least `category` that fails: WIRE, SOURCE, BEHAVIOR or INFO, "+
		"in any case; \"\" is an error")
	if status, ok := parse(flags, args); !ok {
		return status
	}
	least := slices.Index(breaking.Categories, strings.ToUpper(*failOn))
	var misuse string
	switch {
	case *against == "":
		misuse = "give -against the older registry"
	case !slices.Contains(breaking.Formats, *format):
		misuse = fmt.Sprintf("-format %q: give text, github or json", *format)
	case least < 0:
		misuse = fmt.Sprintf("-fail-on %q: give WIRE, SOURCE, BEHAVIOR or INFO", *failOn)
	case flags.NArg() > 0:
		misuse = fmt.Sprintf("%q: breaking takes no argument", flags.Arg(0))
	}
	if misuse != "" {
		fmt.Fprintf(stderr, "gencodes breaking: %s\n", misuse)
		flags.Usage()
		return exitUsage
	}
	old, err := readAgainst(*against)
	var reg *registry.Registry
	if err == nil {
		reg, err = findRegistry(*registryPath, false, stderr)
	}
	if err != nil {
		fail(stderr, err)
		return exitUsage
	}
	defaults := map[string]string{}
	for _, s := range settings {
		defaults[s.key] = s.def
	}
	findings := breaking.Compare(old, reg, defaults)
	if err := breaking.Write(stdout, findings, *format); err != nil {
		return fail(stderr, err)
	}
	if slices.ContainsFunc(findings, func(f breaking.Finding) bool {
		return slices.Index(breaking.Categories, f.Category) >= least
	}) {
		return exitFailure
	}
	return exitOK
}

// readAgainst reads the registry that -against names: a file, or REV:PATH from git.
func readAgainst(spec string) (*registry.Registry, error) {
	if _, err := os.Stat(spec); err == nil || !strings.Contains(spec, ":") {
		return registry.Load(spec)
	}
	var errOut bytes.Buffer
	cmd := exec.Command("git", "show", "--end-of-options", spec)
	cmd.Stderr = &errOut
	data, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s with git show: %s", spec, cmp.Or(strings.TrimSpace(errOut.String()),
			err.Error()))
	}
	return registry.Parse(spec, data)
}
