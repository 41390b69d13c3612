// Mutants checks that the tests catch the bugs they claim to: it makes each
// deliberate bug of a list in a scratch copy of the repository, runs the
// tests that should catch it there, and reports the bugs that lived.
//
// It is a test of the tests, slow, and skipped unless CLOSECODES_MUTANTS is
// 1, as the test command sets it:
//
//	CLOSECODES_MUTANTS=1 go test -count=1 -timeout 30m ./internal/mutants -run TestMutants -mutants.run regexp -mutants.p n -mutants.keep
//
// The list is internal/mutants/mutants.yaml. Each mutant names edits, each
// replacing the one occurrence of a text in a file; whether to run gencodes
// in the copy afterwards, so that the generated files carry the bug; and
// kill commands, run with bash in the copy's root. A mutant is killed when
// every kill command fails and prints what its want pattern matches, such
// as "--- FAIL: TestName": a command that fails for another reason, such as
// a compile error, proves nothing about the test and does not count.
//
// Before anything runs, every find text must occur exactly once in its
// file. One that occurs no more, or twice, is a stale mutant: the code has
// moved, the mutant no longer makes its bug, and the test says so and fails,
// so that a stale mutant can never pass for a killed one.
//
// To add a mutant, copy an entry of the list: make the bug by hand, see the
// test that should catch it fail, and write down the edit, the test's
// command (with -count=1, so Go's test cache cannot answer for it) and the
// pattern its failure prints. Keep the commands to the tests that concern
// the bug; byte-for-byte comparisons such as TestGolden prove no behaviour
// and do not belong.
//
// The flags, after the package:
//
//	-mutants.run regexp   run only the mutants whose names match (default: all)
//	-mutants.p n          run n mutants at once (default: the number of CPUs)
//	-mutants.keep         keep the scratch copies and print where they are
//
// Each copy holds the files git tracks or would track, and links to the
// node_modules directories of the repository, which must be installed (npm
// ci) for the commands that need them. The commands run with
// CLOSECODES_REQUIRE_NPM_TOOLS=1, so a missing npm tool fails, never skips.
//
// The test fails when a mutant lived, was not killed as its pattern says,
// is stale, or the list is invalid.
package mutants

import (
	"bytes"
	"testing"

	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/stretchr/testify/require"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"
)

const listPath = "internal/mutants/mutants.yaml" // from the repository root

var (
	onlyFlag     = flag.String("mutants.run", "", "run only the mutants whose names match `regexp`")
	parallelFlag = flag.Int("mutants.p", runtime.NumCPU(), "run `n` mutants at once")
	keepFlag     = flag.Bool("mutants.keep", false, "keep the scratch copies and print where they are")
)

// TestMutants makes every mutant of the list and requires each killed.
func TestMutants(t *testing.T) {
	if os.Getenv("CLOSECODES_MUTANTS") != "1" {
		t.Skip("skipped: the mutants take minutes; CLOSECODES_MUTANTS=1 runs them, as bash .ci/test does")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	var out bytes.Buffer
	status := run(root, *onlyFlag, *parallelFlag, *keepFlag, io.MultiWriter(os.Stdout, &out))
	if status != 0 {
		t.Fatalf("not every mutant was killed:\n%s", out.String())
	}
}

// commandTimeout bounds one kill command: a mutant that makes a test hang
// must not hang the check.
const commandTimeout = 5 * time.Minute

// run tries the mutants of the list at root whose names match only, parallel at once, and
// returns 0 when every one was killed, 1 otherwise.
func run(root, only string, parallel int, keep bool, stdout io.Writer) int {
	stderr := stdout
	if parallel < 1 {
		fmt.Fprintln(stderr, "mutants: -mutants.p must be 1 or more")
		return 2
	}
	match, err := regexp.Compile(only)
	if err != nil {
		fmt.Fprintf(stderr, "mutants: -mutants.run: %v\n", err)
		return 2
	}
	mutants, err := loadList(filepath.Join(root, listPath))
	if err == nil {
		err = stale(root, listPath, mutants)
	}
	if err != nil {
		fmt.Fprintf(stderr, "mutants: %v\n", err)
		return 1
	}
	var chosen []*Mutant
	for _, m := range mutants {
		if match.MatchString(m.Name) {
			chosen = append(chosen, m)
		}
	}
	if len(chosen) == 0 {
		fmt.Fprintf(stderr, "mutants: no mutant's name matches %q\n", only)
		return 1
	}
	files, err := repoFiles(root)
	if err != nil {
		fmt.Fprintf(stderr, "mutants: %v\n", err)
		return 1
	}
	results := runAll(chosen, parallel, func(worker int, m *Mutant) result {
		return try(root, files, m, worker, keep)
	}, stdout)
	var failed []string
	for _, r := range results {
		if !r.killed() {
			failed = append(failed, r.mutant.Name)
		}
	}
	fmt.Fprintf(stdout, "\n%d of %d mutants killed\n", len(results)-len(failed), len(results))
	if len(failed) > 0 {
		fmt.Fprintf(stdout, "not killed: %s\n", strings.Join(failed, ", "))
		return 1
	}
	return 0
}

// result is what became of one mutant.
type result struct {
	mutant *Mutant
	err    error // the mutant could not be made, so nothing ran
	// outcomes are the kill commands' verdicts, in list order.
	outcomes []outcome
	took     time.Duration
	kept     string // the scratch copy, when kept
}

type outcome struct {
	killer *Killer
	// passed: the command succeeded, so the mutant lived through it.
	// caught: it failed and printed what its pattern matches.
	passed, caught bool
	output         string
}

func (r result) killed() bool {
	if r.err != nil || len(r.outcomes) == 0 {
		return false
	}
	for _, o := range r.outcomes {
		if !o.caught {
			return false
		}
	}
	return true
}

// runAll tries the mutants, n at once, printing each result as it comes.
// try learns which of the n workers runs it.
func runAll(mutants []*Mutant, n int, try func(worker int, m *Mutant) result, w io.Writer) []result {
	results := make([]result, len(mutants))
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for worker := range min(n, len(mutants)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = try(worker, mutants[i])
				mu.Lock()
				report(w, results[i])
				mu.Unlock()
			}
		}()
	}
	for i := range mutants {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func report(w io.Writer, r result) {
	m := r.mutant
	verdict := "killed"
	if !r.killed() {
		verdict = "NOT KILLED"
	}
	fmt.Fprintf(w, "%-10s %s (%.1fs)\n", verdict, m.Name, r.took.Seconds())
	if r.kept != "" {
		fmt.Fprintf(w, "           copy kept in %s\n", r.kept)
	}
	if r.err != nil {
		fmt.Fprintf(w, "           cannot make it: %v\n", r.err)
		return
	}
	for _, o := range r.outcomes {
		switch {
		case o.caught:
			fmt.Fprintf(w, "           caught by: %s\n", script(o.killer.Run))
		case o.passed:
			fmt.Fprintf(w, "           LIVED through: %s\n           the bug: %s\n", script(o.killer.Run), oneLine(m.Why))
		default:
			fmt.Fprintf(w, "           FAILED, but without /%s/: %s\n%s\n", o.killer.Want, script(o.killer.Run), indent(tail(o.output, 30)))
		}
	}
}

// try makes m in a new copy of the repository and runs its kill commands.
// Each worker makes its copies at one path of its own: Go's build cache
// keys hold a package's directory, so at a path used before, what m leaves
// alone is not compiled again.
func try(root string, files []string, m *Mutant, worker int, keep bool) (r result) {
	start := time.Now()
	r.mutant = m
	defer func() { r.took = time.Since(start) }()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("closecodes-mutants-%d-%d", os.Getpid(), worker))
	if keep {
		var err error
		if dir, err = os.MkdirTemp("", "closecodes-mutant-"+m.Name+"-"); err != nil {
			r.err = err
			return r
		}
		r.kept = dir
	} else {
		if err := os.RemoveAll(dir); err != nil {
			r.err = err
			return r
		}
		defer os.RemoveAll(dir)
	}
	if err := copyRepo(root, dir, files); err != nil {
		r.err = fmt.Errorf("copy the repository: %w", err)
		return r
	}
	if err := apply(dir, m); err != nil {
		r.err = err
		return r
	}
	if m.Generate {
		if err := generate(dir); err != nil {
			r.err = err
			return r
		}
	}
	for i := range m.Kill {
		k := &m.Kill[i]
		out, err := shell(dir, k.Run)
		r.outcomes = append(r.outcomes, outcome{killer: k, passed: err == nil, caught: err != nil && k.want.MatchString(out), output: out})
	}
	return r
}

// generate runs gencodes in the copy at dir, with the flags of generate.go's
// go:generate directive, and requires it to change a generated file:
// otherwise the mutant cannot be seen through them.
func generate(dir string) error {
	gen := filepath.Join(dir, "generated")
	before, err := fingerprint(gen)
	if err != nil {
		return err
	}
	if out, err := shell(dir, "go run ./cmd/gencodes"); err != nil {
		return fmt.Errorf("gencodes fails on the mutant, so no test can show what it does:\n%s", indent(tail(out, 30)))
	}
	after, err := fingerprint(gen)
	if err != nil {
		return err
	}
	if maps.Equal(before, after) {
		return errors.New("gencodes changes no generated file with this mutant: drop generate, or re-point the edits")
	}
	return nil
}

// shell runs script with bash in dir and returns its output, standard
// error and standard output together.
func shell(dir, script string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CLOSECODES_REQUIRE_NPM_TOOLS=1")
	killGroupOnCancel(cmd) // the tests a script starts go with it
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %v", commandTimeout)
		fmt.Fprintf(&out, "\nmutants: %v\n", err)
	}
	return out.String(), err
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// script shows a kill command on one line, its lines joined by "; ".
func script(run string) string {
	var lines []string
	for _, line := range strings.Split(run, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func indent(s string) string {
	return "             | " + strings.ReplaceAll(s, "\n", "\n             | ")
}
