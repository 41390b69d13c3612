package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// tempPrefix starts the name of every temporary file Write makes, followed
// by the writing process's ID: ".gencodes-1234-closecode.go-567890". A
// process killed mid-write leaves its temporary file behind; the next Write
// into the same directory removes it once that process is gone.
const tempPrefix = ".gencodes-"

// Write stores files so that each target holds either its old or its new
// content, never a mix, and leaves files whose content is unchanged
// untouched (their modification times too).
//
// It works in two phases. First every changed file is written in full to a
// temporary file beside its target and synced; if any of that fails, the
// temporary files are removed and no target has been touched. Then each
// temporary file is renamed over its target, which the operating system
// does atomically.
func Write(files []File) (written []string, err error) {
	type pending struct{ temp, target string }
	var todo []pending
	defer func() {
		if err != nil {
			for _, p := range todo {
				os.Remove(p.temp)
			}
		}
	}()
	cleaned := map[string]bool{}
	for _, f := range files {
		if dir := filepath.Dir(f.Path); !cleaned[dir] {
			cleaned[dir] = true
			removeStaleTemps(dir)
		}
		old, readErr := os.ReadFile(f.Path)
		if readErr == nil && bytes.Equal(old, f.Data) {
			continue
		}
		temp, err := writeTemp(f)
		if err != nil {
			return nil, err
		}
		todo = append(todo, pending{temp, f.Path})
	}
	for i, p := range todo {
		if err := os.Rename(p.temp, p.target); err != nil {
			todo = todo[i:]
			return written, fmt.Errorf("cannot replace %s: %w", p.target, err)
		}
		written = append(written, p.target)
	}
	return written, nil
}

// writeTemp writes f's content to a synced temporary file in f's directory
// and returns its name.
func writeTemp(f File) (string, error) {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create output directory %s: %w; check the output flags", dir, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, fmt.Sprintf("%s%d-%s-*", tempPrefix, os.Getpid(), filepath.Base(f.Path)))
	if err != nil {
		return "", fmt.Errorf("cannot write to %s: %w; check the output flags", dir, unwrapPath(err))
	}
	name := tmp.Name()
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("cannot write %s: %w", f.Path, err)
	}
	return name, nil
}

// removeStaleTemps removes the temporary files in dir that were left by
// writers that no longer run. Files of running writers, such as a second
// gencodes working at the same time, are left alone.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ok := tempOwner(e.Name())
		if ok && pid != os.Getpid() && !processAlive(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempOwner returns the process ID in a temporary file's name.
func tempOwner(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}

// unwrapPath drops the operation and path from a *fs.PathError, which the
// caller's message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Check compares files with what is on disk. For each one that differs or is
// missing it prints a unified diff to w, from the file on disk to the file as
// it should be. It returns the paths of the stale files, and writes nothing.
func Check(files []File, w io.Writer) (stale []string, err error) {
	for _, f := range files {
		old, readErr := os.ReadFile(f.Path)
		missing := errors.Is(readErr, fs.ErrNotExist)
		if readErr != nil && !missing {
			return stale, fmt.Errorf("cannot read %s: %w", f.Path, readErr)
		}
		if !missing && bytes.Equal(old, f.Data) {
			continue
		}
		stale = append(stale, f.Path)
		from := filepath.ToSlash(f.Path)
		if missing {
			from = "/dev/null"
		}
		if _, err := io.WriteString(w, unifiedDiff(from, filepath.ToSlash(f.Path)+" (generated)", old, f.Data)); err != nil {
			return stale, err
		}
	}
	return stale, nil
}

// unifiedDiff returns the changes from a to b in unified format, or "" when
// they are equal.
func unifiedDiff(from, to string, a, b []byte) string {
	// The only error would come from writing to the string.
	text, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: diffLines(a), B: diffLines(b), FromFile: from, ToFile: to, Context: 3,
	})
	return text
}

// diffLines splits data into lines for difflib, marking a last line without
// a line break as diff does.
func diffLines(data []byte) []string {
	lines := strings.SplitAfter(string(data), "\n")
	if last := lines[len(lines)-1]; last == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n\\ No newline at end of file\n"
	return lines
}
