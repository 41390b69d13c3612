package closecheck_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/closecodes/closecodes/closecheck"
)

// The packages of the mistakes module, which the real run checks against the
// real libraries, and analysistest against their stubs in testdata/src.
var mistakes = []string{"chat", "clean", "coder", "gobwas", "gorilla", "nhooyr"}

// mistakePackages returns the import paths of the mistakes packages, without
// chatcodes, whose package fact TestRegistryFacts checks.
func mistakePackages() []string {
	var paths []string
	for _, pkg := range mistakes {
		paths = append(paths, "example.com/mistakes/"+pkg)
	}
	return paths
}

// TestDiagnostics checks the reports on the mistakes packages, on a package
// whose helpers only look generated, and on the variables that the unbounded
// reason rule must tell apart (example.com/bounded).
func TestDiagnostics(t *testing.T) {
	dir := gopath(t)
	analysistest.Run(t, dir, closecheck.Analyzer, append(mistakePackages(), "example.com/notgenerated/user", "example.com/bounded")...)
}

func TestSuggestedFixes(t *testing.T) {
	dir := gopath(t)
	analysistest.RunWithSuggestedFixes(t, dir, closecheck.Analyzer, mistakePackages()...)
}

// TestUnboundedFlag turns rule 4 off: the package flagoff wants only the
// other reports.
func TestUnboundedFlag(t *testing.T) {
	dir := gopath(t)
	setFlag(t, "unbounded", "false")
	analysistest.Run(t, dir, closecheck.Analyzer, "example.com/flagoff")
}

func setFlag(t *testing.T, name, value string) {
	f := closecheck.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestRegistryFacts checks the package facts of the generated packages: the
// app's, read from gencodes' output for testdata/mistakes/closecodes.yaml,
// and the standard one, read from the copy of generated/go/closecode, which
// must agree with what closecheck computes from the closecode it imports.
func TestRegistryFacts(t *testing.T) {
	dir := gopath(t)
	for pkg, want := range map[string]string{
		"example.com/mistakes/chatcodes":                          "registry chatcodes: 22 named codes, valid [{1000 1003} {1007 1014} {3000 4999}], reasons up to 123 bytes",
		"github.com/closecodes/closecodes/generated/go/closecode": closecheck.StandardRegistry(),
	} {
		var got errorList
		analysistest.Run(&got, dir, closecheck.Analyzer, pkg)
		if len(got) != 1 || !strings.Contains(got[0], "unexpected fact: ") || !strings.HasSuffix(got[0], want+"}") {
			t.Errorf("%s: analysistest says %q, want one unexpected package fact %q", pkg, got, want)
		}
	}
	if want := "registry closecode: 19 named codes, valid [{1000 1003} {1007 1014} {3000 4999}], reasons up to 123 bytes"; closecheck.StandardRegistry() != want {
		t.Errorf("the standard registry is %q, want %q", closecheck.StandardRegistry(), want)
	}
}

// TestMistakesGenerated checks that the mistakes module's chatcodes is what
// gencodes makes of its registry now.
func TestMistakesGenerated(t *testing.T) {
	out, err := exec.Command(gencodes(t), "-registry", "testdata/mistakes/closecodes.yaml", "-check").CombinedOutput()
	if err != nil {
		t.Fatalf("gencodes -check: %v\n%s\nrun, at the repository root: go run ./cmd/gencodes -registry closecheck/testdata/mistakes/closecodes.yaml", err, out)
	}
}

// errorList is an analysistest.Testing that keeps the errors.
type errorList []string

func (e *errorList) Errorf(format string, args ...any) { *e = append(*e, fmt.Sprintf(format, args...)) }

// gopath returns a GOPATH tree for analysistest: the library stubs of
// testdata/src, the packages of the mistakes module, the standard generated
// package copied from generated/go/closecode, and the app package chatcodes
// generated now by gencodes from testdata/mistakes/closecodes.yaml.
func gopath(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	copyDir(t, "testdata/src", src, "")
	for _, pkg := range mistakes {
		copyDir(t, filepath.Join("testdata/mistakes", pkg), filepath.Join(src, "example.com/mistakes", pkg), "")
	}
	copyDir(t, "../generated/go/closecode", filepath.Join(src, "github.com/closecodes/closecodes/generated/go/closecode"), "_test.go")
	out, err := exec.Command(gencodes(t), "-registry", "testdata/mistakes/closecodes.yaml",
		"-go-out", filepath.Join(src, "example.com/mistakes/chatcodes")).CombinedOutput()
	if err != nil {
		t.Fatalf("gencodes: %v\n%s", err, out)
	}
	return dir
}

// gencodes returns the path of the gencodes command, built once from the
// root module of this checkout (closecheck/go.work uses it).
func gencodes(t *testing.T) string {
	return buildCommand(t, "github.com/closecodes/closecodes/cmd/gencodes")
}

var commands sync.Map // package path -> *command

type command struct {
	once sync.Once
	path string
	err  error
}

func buildCommand(t *testing.T, pkg string) string {
	t.Helper()
	v, _ := commands.LoadOrStore(pkg, new(command))
	c := v.(*command)
	c.once.Do(func() {
		dir, err := os.MkdirTemp("", "closecheck-test-")
		if err != nil {
			c.err = err
			return
		}
		c.path = filepath.Join(dir, filepath.Base(pkg))
		if out, err := exec.Command("go", "build", "-o", c.path, pkg).CombinedOutput(); err != nil {
			c.err = fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.path
}

// copyDir copies the files of from, and of its subdirectories, to to, but
// for those whose names end in skip (if skip is not "").
func copyDir(t *testing.T, from, to, skip string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || skip != "" && strings.HasSuffix(path, skip) {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		data, err := os.ReadFile(path)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(to, rel), data, 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
