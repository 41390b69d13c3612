package main

import (
	"fmt"
	"maps"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// largeRegistry writes a registry that names every code from 3000 to 4999,
// so that the outputs are large enough for a kill to land mid-write.
// variant changes every description, so two variants differ in every file.
func largeRegistry(variant string) string {
	var b strings.Builder
	b.WriteString(`reason:
  max_bytes: 123
  reference: RFC 6455, 5.5
ranges:
  - name: Registered
    label: Registered
    first: 3000
    last: 3999
    description: For libraries and frameworks.
    reference: RFC 6455, 7.4.2
    wire_valid: true
    browser_can_send: true
    reconnect: unspecified
  - name: Private
    label: Private use
    first: 4000
    last: 4999
    description: For applications.
    reference: RFC 6455, 7.4.2
    wire_valid: true
    browser_can_send: true
    reconnect: unspecified
codes:
`)
	for c := 3000; c <= 4999; c++ {
		fmt.Fprintf(&b, "  - code: %d\n    name: Code%d\n    label: Label %s %d\n    description: Description %s of code %d.\n"+
			"    reference: Synthetic\n    wire_valid: true\n    browser_can_send: true\n", c, c, variant, c, variant, c)
	}
	return b.String()
}

// snapshot reads every file below dir/generated but the temporary ones, by
// path relative to dir: after a run, what it generated.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	for _, f := range listFiles(t, dir) {
		if strings.HasPrefix(f, "generated/") && !isTemp(f) {
			data, err := os.ReadFile(filepath.Join(dir, f))
			require.NoError(t, err)
			snap[f] = string(data)
		}
	}
	return snap
}

func restore(t *testing.T, dir string, snap map[string]string) {
	t.Helper()
	for f, content := range snap {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte(content), 0o644))
	}
}

// tempFiles lists leftover temporary files below dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var temps []string
	for _, f := range listFiles(t, dir) {
		if isTemp(f) {
			temps = append(temps, f)
		}
	}
	return temps
}

func isTemp(path string) bool {
	name := filepath.Base(path)
	return strings.HasPrefix(name, ".gencodes-") && strings.HasSuffix(name, ".tmp")
}

// generateIn runs the binary to completion in dir and returns the outputs.
func generateIn(t *testing.T, dir, registry string) map[string]string {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(registry), 0o644))
	cmd := exec.Command(gencodesBinary(t))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return snapshot(t, dir)
}

// TestKilledMidWriteLeavesOldOrNew kills gencodes with SIGKILL at random
// moments while it replaces large outputs, many times. Every target must
// then hold its old or its new content in full; and the next run removes the
// temporary files that the killed runs left.
func TestKilledMidWriteLeavesOldOrNew(t *testing.T) {
	t.Parallel()
	oldRegistry, newRegistry := largeRegistry("old"), largeRegistry("new")
	want := generateIn(t, t.TempDir(), newRegistry)
	dir := t.TempDir()
	old := generateIn(t, dir, oldRegistry)
	require.Equal(t, slices.Sorted(maps.Keys(old)), slices.Sorted(maps.Keys(want)), "both variants make the same files")
	for _, f := range slices.Sorted(maps.Keys(want)) {
		// What package.json, encoding.go, reason.go, reconnect.go, closecodes.js, texts.d.ts, the schema
		// and the code map hold is the same in both registries, which differ in labels and descriptions only.
		if !slices.Contains([]string{"generated/ts/package.json", "generated/go/closecode/encoding.go",
			"generated/go/closecode/reason.go", "generated/go/closecode/reconnect.go", "generated/ts/js/closecodes.js",
			"generated/ts/js/texts.d.ts", "generated/json/closecodes.schema.json", "generated/docs/close-codes.svg"}, f) {
			require.NotEqual(t, old[f], want[f], "%s must differ between the variants", f)
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(newRegistry), 0o644))

	// Time one full run to spread the kills across it.
	start := time.Now()
	cmd := exec.Command(gencodesBinary(t))
	cmd.Dir = dir
	require.NoError(t, cmd.Run())
	full := time.Since(start)
	restore(t, dir, old)

	const runs = 40
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	outcomes := map[string]int{}
	midWrite := 0 // runs killed while their temporary files existed
	for i := 0; i < runs; i++ {
		before := map[string]bool{}
		for _, f := range tempFiles(t, dir) {
			before[f] = true
		}
		cmd := exec.Command(gencodesBinary(t))
		cmd.Dir = dir
		require.NoError(t, cmd.Start())
		if i%2 == 0 {
			// Half the kills land at a random moment of the run.
			time.Sleep(time.Duration(rng.Int63n(int64(full) + 1)))
		} else {
			// The other half wait until the first temporary file appears,
			// then strike within the next few milliseconds: mid-write.
			waitForTempFile(dir, before, full*2)
			time.Sleep(time.Duration(rng.Int63n(int64(time.Millisecond))))
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		for _, f := range tempFiles(t, dir) {
			if !before[f] {
				midWrite++
				break
			}
		}
		got := snapshot(t, dir)
		state := ""
		for _, f := range slices.Sorted(maps.Keys(want)) {
			switch got[f] {
			case old[f]:
				state += "o"
			case want[f]:
				state += "n"
			default:
				t.Fatalf("run %d: %s is neither old nor new (%d bytes): a partial write", i, f, len(got[f]))
			}
		}
		outcomes[state]++
		restore(t, dir, old)
	}
	t.Logf("%d kills over a %v run; %d of them mid-write; outcomes (o=old, n=new per file): %v",
		runs, full, midWrite, outcomes)
	assert.Positive(t, midWrite, "no kill landed while files were being written; the test proved nothing")

	// A minute later, what the killed runs left is known for an interrupted
	// run's, and the next run removes it.
	leftAt := time.Now().Add(-2 * time.Minute)
	for _, f := range tempFiles(t, dir) {
		require.NoError(t, os.Chtimes(filepath.Join(dir, f), leftAt, leftAt))
	}
	cmd = exec.Command(gencodesBinary(t))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Equal(t, want, snapshot(t, dir))
	assert.Empty(t, tempFiles(t, dir), "the next run must remove what killed runs left")
}

// waitForTempFile polls the output directories until a temporary file that
// is not one of those before appears, or the time limit passes.
func waitForTempFile(dir string, before map[string]bool, limit time.Duration) {
	dirs := []string{"generated/go", "generated/go/closecode", "generated/ts", "generated/ts/js", "generated/docs", "generated/json"}
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); {
		for _, d := range dirs {
			entries, _ := os.ReadDir(filepath.Join(dir, d))
			for _, e := range entries {
				if f := filepath.ToSlash(filepath.Join(d, e.Name())); isTemp(f) && !before[f] {
					return
				}
			}
		}
	}
}
