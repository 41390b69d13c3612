package closecheck_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

// The version the README installs, which both modules will be published with.
const version = "v0.1.0"

// TestReadmeCommands runs every sh block of README.md as it is written, with
// bash, in a copy of the mistakes module, which must fail with the reports
// of expected.txt (without those of the unbounded reason rule where the block
// turns it off) or, with -fix, be left as the .golden files say; and those
// without -fix or a flag in a copy of examples/websocket too, which must pass. Both closecodes modules come at
// v0.1.0 from a module proxy made of this checkout's files; the libraries come
// from the real proxy.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the Go module proxy for the libraries, and builds closecheck from a module proxy")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	expected := readLines(t, "testdata/mistakes/expected.txt")
	for _, line := range codeBlocks(string(readme), "") {
		if !slices.Contains(expected, line) {
			t.Errorf("README shows a report that expected.txt does not hold: %s", line)
		}
	}
	// A module cache of its own, so that no v0.1.0 from an earlier run, made
	// of other files, stands in for this one; the real cache's downloads
	// serve as a proxy before the network.
	gobin, gomodcache := t.TempDir(), t.TempDir()
	goenv, err := exec.Command("go", "env", "GOPROXY", "GOMODCACHE", "GOFLAGS").Output()
	if err != nil {
		t.Fatal(err)
	}
	e := strings.Split(string(goenv), "\n")
	env := append(os.Environ(), "GOWORK=off", "GOBIN="+gobin, "PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOPROXY=file://"+filepath.ToSlash(localProxy(t))+",file://"+filepath.ToSlash(filepath.Join(e[1], "cache/download"))+","+e[0],
		"GONOSUMDB=github.com/closecodes/closecodes", "GOMODCACHE="+gomodcache, "GOFLAGS="+e[2]+" -modcacherw")
	blocks := codeBlocks(string(readme), "sh")
	if len(blocks) < 4 {
		t.Fatalf("README.md has %d sh blocks, want the install, run, fix and flag ones", len(blocks))
	}
	// In the README's order, since the later blocks use the closecheck the
	// first installs. The blocks that run closecheck as it comes also run in
	// examples/websocket, at the same time.
	for _, block := range blocks {
		mistakes := copyModule(t, "testdata/mistakes")
		done := make(chan struct{})
		go func() {
			defer close(done)
			if strings.Contains(block, " -fix ") || strings.Contains(block, "unbounded=false") {
				return
			}
			if out, err := runBlock(copyModule(t, "../examples/websocket"), env, block); err != nil {
				t.Errorf("in examples/websocket:\n%s\nfailed: %v\n%s", block, err, out)
			}
		}()
		out, err := runBlock(mistakes, env, block)
		got := reports(out, mistakes)
		switch {
		case strings.Contains(block, " -fix "):
			for _, pkg := range mistakePackages() {
				compareGolden(t, mistakes, strings.TrimPrefix(pkg, "example.com/mistakes/"))
			}
		case err == nil:
			t.Errorf("in the mistakes module:\n%s\nsucceeded, want a failure\n%s", block, out)
		case strings.Contains(block, "unbounded=false"):
			want := slices.DeleteFunc(slices.Clone(expected), func(s string) bool { return strings.Contains(s, "unbounded reason") })
			equalLines(t, block, out, got, want)
		default:
			equalLines(t, block, out, got, expected)
		}
		<-done
	}
}

func runBlock(dir string, env []string, block string) (string, error) {
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", block)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

var reportRE = regexp.MustCompile(`(?m)^(.+\.go:\d+:\d+: .*)$`)

// reports returns the reports in out, sorted, with paths relative to dir.
func reports(out, dir string) []string {
	var lines []string
	for _, m := range reportRE.FindAllStringSubmatch(out, -1) {
		lines = append(lines, strings.TrimPrefix(m[1], dir+string(filepath.Separator)))
	}
	slices.Sort(lines)
	return lines
}

func equalLines(t *testing.T, block, out string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("in the mistakes module:\n%s\nreported\n%s\nwant\n%s\nits whole output:\n%s",
			block, strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}

func compareGolden(t *testing.T, dir, pkg string) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, pkg, pkg+".go"))
	if err != nil {
		return // a package without fixes, such as clean
	}
	want, err := os.ReadFile(filepath.Join("testdata/mistakes", pkg, pkg+".go.golden"))
	if err != nil {
		want, _ = os.ReadFile(filepath.Join("testdata/mistakes", pkg, pkg+".go"))
	}
	if string(got) != string(want) {
		t.Errorf("-fix made %s/%s.go\n%s\nwant its .golden file\n%s", pkg, pkg, got, want)
	}
}

// codeBlocks returns the fenced blocks of lang in markdown: each sh block as
// one string, each line of a block without a language as one.
func codeBlocks(markdown, lang string) []string {
	var blocks []string
	var block strings.Builder
	fence := "" // the line that opened the block we are in; "" outside
	for _, line := range strings.Split(markdown, "\n") {
		switch {
		case fence == "" && strings.HasPrefix(line, "```"):
			fence = line
			block.Reset()
		case fence != "" && line == "```":
			switch {
			case fence != "```"+lang:
			case lang == "":
				blocks = append(blocks, strings.Split(strings.TrimSpace(block.String()), "\n")...)
			default:
				blocks = append(blocks, block.String())
			}
			fence = ""
		case fence != "":
			block.WriteString(line + "\n")
		}
	}
	return blocks
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

// copyModule copies the module in dir to a temporary directory, pointing its
// replace of the root module at this checkout.
func copyModule(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	copyDir(t, dir, to, "")
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gomod := filepath.Join(to, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^replace github.com/closecodes/closecodes => .*$`).
		ReplaceAll(data, []byte("replace github.com/closecodes/closecodes => "+filepath.ToSlash(root)))
	if err := os.WriteFile(gomod, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// localProxy writes a module proxy directory holding the root module and the
// closecheck module at version, made of the files git tracks in this
// checkout, as they are in the work tree. The closecheck module's go.sum gets
// the root module's hashes, as its go.sum will when both are published.
func localProxy(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "-C", "..", "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var rootFiles, checkFiles []modzip.File
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		rootFiles = append(rootFiles, diskFile{filepath.Join("..", name), name})
		if rel, ok := strings.CutPrefix(name, "closecheck/"); ok && rel != "go.sum" && rel != "go.work" && rel != "go.work.sum" {
			checkFiles = append(checkFiles, diskFile{rel, rel})
		}
	}
	proxy := t.TempDir()
	rootSum := writeModule(t, proxy, "github.com/closecodes/closecodes", "../go.mod", rootFiles)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	sumFile := filepath.Join(t.TempDir(), "go.sum")
	if err := os.WriteFile(sumFile, append(sum, rootSum...), 0o644); err != nil {
		t.Fatal(err)
	}
	writeModule(t, proxy, "github.com/closecodes/closecodes/closecheck", "go.mod", append(checkFiles, diskFile{sumFile, "go.sum"}))
	return proxy
}

// writeModule writes path at version into proxy and returns its go.sum lines.
func writeModule(t *testing.T, proxy, path, gomod string, files []modzip.File) string {
	t.Helper()
	dir := filepath.Join(proxy, path, "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(gomod)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, version+".mod"), mod, 0o644)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, version+".info"), fmt.Appendf(nil, `{"Version":%q}`, version), 0o644)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "list"), []byte(version+"\n"), 0o644)
	}
	zipPath := filepath.Join(dir, version+".zip")
	var zipFile *os.File
	if err == nil {
		zipFile, err = os.Create(zipPath)
	}
	if err == nil {
		err = modzip.Create(zipFile, module.Version{Path: path, Version: version}, files)
		if cerr := zipFile.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		t.Fatalf("module %s: %v", path, err)
	}
	zipHash, err := dirhash.HashZip(zipPath, dirhash.Hash1)
	if err != nil {
		t.Fatal(err)
	}
	modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) { return os.Open(gomod) })
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s %s %s\n%s %s/go.mod %s\n", path, version, zipHash, path, version, modHash)
}

// diskFile is a file of a module zip: disk is where it is, name its path in the module.
type diskFile struct{ disk, name string }

func (f diskFile) Path() string                 { return f.name }
func (f diskFile) Lstat() (os.FileInfo, error)  { return os.Lstat(f.disk) }
func (f diskFile) Open() (io.ReadCloser, error) { return os.Open(f.disk) }
