package closecheck_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/appends"
	"golang.org/x/tools/go/analysis/passes/asmdecl"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/buildtag"
	"golang.org/x/tools/go/analysis/passes/cgocall"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/defers"
	"golang.org/x/tools/go/analysis/passes/directive"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/framepointer"
	"golang.org/x/tools/go/analysis/passes/hostport"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/slog"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stdversion"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/testinggoroutine"
	"golang.org/x/tools/go/analysis/passes/tests"
	"golang.org/x/tools/go/analysis/passes/timeformat"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unsafeptr"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/go/analysis/passes/waitgroup"
	"golang.org/x/tools/go/packages"

	"github.com/closecodes/closecodes/closecheck"
)

// vetSuite is go vet's default suite, as cmd/vet of Go 1.26 lists it.
var vetSuite = []*analysis.Analyzer{
	appends.Analyzer, asmdecl.Analyzer, assign.Analyzer, atomic.Analyzer, bools.Analyzer, buildtag.Analyzer,
	cgocall.Analyzer, composite.Analyzer, copylock.Analyzer, defers.Analyzer, directive.Analyzer,
	errorsas.Analyzer, framepointer.Analyzer, httpresponse.Analyzer, hostport.Analyzer, ifaceassert.Analyzer,
	loopclosure.Analyzer, lostcancel.Analyzer, nilfunc.Analyzer, printf.Analyzer, shift.Analyzer,
	sigchanyzer.Analyzer, slog.Analyzer, stdmethods.Analyzer, stdversion.Analyzer, stringintconv.Analyzer,
	structtag.Analyzer, tests.Analyzer, testinggoroutine.Analyzer, timeformat.Analyzer, unmarshal.Analyzer,
	unreachable.Analyzer, unsafeptr.Analyzer, unusedresult.Analyzer, waitgroup.Analyzer,
}

// BenchmarkVet measures closecheck next to go vet's default passes over the
// packages of one module (CLOSECHECK_BENCH_DIR, by default
// examples/websocket) and all their dependencies, as go vet analyses them
// for facts. The packages are parsed and type-checked once, outside the
// timing. impl=vet runs the default suite on them, impl=vet+closecheck the
// suite with closecheck, as a multichecker or golangci-lint would, and
// impl=closecheck closecheck alone; impl=load then times the loading, which
// go vet, or closecheck as its own vet tool, does for every package too.
func BenchmarkVet(b *testing.B) {
	dir := os.Getenv("CLOSECHECK_BENCH_DIR")
	if dir == "" {
		dir = "../examples/websocket"
	}
	load := func(b *testing.B) []*packages.Package {
		cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true,
			Env: append(os.Environ(), "GOWORK=off")}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil {
			b.Fatal(err)
		}
		if packages.PrintErrors(pkgs) > 0 {
			b.Fatalf("%s does not load", dir)
		}
		return pkgs
	}
	pkgs := load(b)
	module := "module=" + filepath.Base(dir)
	for _, c := range []struct {
		impl      string
		analyzers []*analysis.Analyzer
	}{
		{"vet", vetSuite},
		{"vet+closecheck", append(vetSuite[:len(vetSuite):len(vetSuite)], closecheck.Analyzer)},
		{"closecheck", []*analysis.Analyzer{closecheck.Analyzer}},
	} {
		b.Run(module+"/impl="+c.impl, func(b *testing.B) {
			runtime.GC() // so that no case pays for the garbage of the one before
			b.ResetTimer()
			for b.Loop() {
				if _, err := checker.Analyze(c.analyzers, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	pkgs = nil
	if testing.Short() {
		return // bench/run.sh --quick: the cases above prove that it runs; loading again is 10 s of CI
	}
	b.Run(module+"/impl=load", func(b *testing.B) {
		runtime.GC()
		b.ResetTimer()
		for b.Loop() {
			load(b)
		}
	})
}
