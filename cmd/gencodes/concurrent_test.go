package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentGenerators runs two gencodes at once on the same outputs.
// Each may take the other's temporary files for the leftovers of an
// interrupted run and remove them, so one may fail, saying why; but every
// file stays whole, and the next run puts everything right.
func TestConcurrentGenerators(t *testing.T) {
	newRegistry := largeRegistry("new")
	want := generateIn(t, t.TempDir(), newRegistry)
	other := generateIn(t, t.TempDir(), largeRegistry("other"))

	// The two runs write the same bytes, so only a reader during the runs
	// can see a torn write: the directory starts with the other registry's
	// outputs, and a reader reads every output over and over while the runs
	// replace them, each time finding the old file or the new one whole.
	t.Run("same registry", func(t *testing.T) {
		dir := t.TempDir()
		generateIn(t, dir, largeRegistry("other"))
		for round := 0; round < 5; round++ {
			restore(t, dir, other)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(newRegistry), 0o644))
			done := make(chan struct{})
			reads, torn := make(chan int), make(chan string, 1)
			go func() {
				n := 0
				defer func() { reads <- n }()
				for {
					for f := range want {
						select {
						case <-done:
							return
						default:
						}
						data, err := os.ReadFile(filepath.Join(dir, f))
						n++
						if content := string(data); err != nil || content != want[f] && content != other[f] {
							torn <- fmt.Sprintf("%s read during the runs is neither old nor new (%d bytes, %v): a torn write", f, len(data), err)
							return
						}
					}
				}
			}()
			runTwo(t, []string{dir, dir}, nil)
			close(done)
			t.Logf("round %d: %d reads during the runs", round, <-reads)
			select {
			case msg := <-torn:
				t.Fatal(msg)
			default:
			}
			for f, content := range snapshot(t, dir) {
				assert.True(t, content == want[f] || content == other[f], "%s is whole, new or still old", f)
			}
			assert.Equal(t, want, generateIn(t, dir, newRegistry))
			assert.Empty(t, tempFiles(t, dir))
		}
	})
	t.Run("different registries", func(t *testing.T) {
		dir := t.TempDir()
		// Both name their registry codes.yaml in headers, from their own directories.
		a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		require.NoError(t, os.MkdirAll(a, 0o755))
		require.NoError(t, os.MkdirAll(b, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(a, "codes.yaml"), []byte(newRegistry), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(b, "codes.yaml"), []byte(largeRegistry("other")), 0o644))
		out := filepath.Join(dir, "out")
		runTwo(t, []string{a, b}, []string{
			"-go-out", filepath.Join(out, "generated/go/closecode"), "-ts-out", filepath.Join(out, "generated/ts"),
			"-json-out", filepath.Join(out, "generated/json"),
		})
		for f, content := range snapshot(t, out) {
			assert.True(t, content == want[f] || content == other[f] || content == "",
				"%s is whole: one run's output or the other's, or not yet written", f)
		}
	})
}

// runTwo runs gencodes with args in both dirs at once. A run may fail only
// for the other's removing its temporary file.
func runTwo(t *testing.T, dirs []string, args []string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, len(dirs))
	outs := make([][]byte, len(dirs))
	for i, dir := range dirs {
		wg.Add(1)
		go func(i int, dir string) {
			defer wg.Done()
			cmd := exec.Command(gencodesBinary(t), args...)
			cmd.Dir = dir
			outs[i], errs[i] = cmd.CombinedOutput()
		}(i, dir)
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil {
			assert.Regexp(t, `^gencodes: cannot replace \S+: its temporary file is gone, removed perhaps by another gencodes `+
				`writing the same outputs at the same time; run gencodes again\n$`, string(outs[i]))
			t.Logf("one run failed as expected: %s", outs[i])
		}
	}
}
