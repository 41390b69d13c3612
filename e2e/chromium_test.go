package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// debianChromium is where Debian's chromium package puts the browser, which
// the test command installs when no other Chromium is found.
const debianChromium = "/usr/bin/chromium"

// chromiumNames are the commands looked up on PATH, in this order.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome"}

// findChromium returns the browser to drive: CHROME_PATH when it is set,
// else the first of chromiumNames on PATH, else fallback. A CHROME_PATH that
// names no executable is an error rather than a reason to look elsewhere:
// the suite must run the browser it was asked to.
func findChromium(fallback string) (string, error) {
	if path := os.Getenv("CHROME_PATH"); path != "" {
		if !isExecutable(path) {
			return "", fmt.Errorf("CHROME_PATH=%q is not an executable file: point it at a Chromium or unset it", path)
		}
		return path, nil
	}
	for _, name := range chromiumNames {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	if isExecutable(fallback) {
		return fallback, nil
	}
	return "", fmt.Errorf("no Chromium found: set CHROME_PATH, put chromium, chromium-browser or google-chrome on PATH, "+
		"or install %s (apt-get install chromium; bash .ci/test does)", fallback)
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o111 != 0
}

func TestFindChromium(t *testing.T) {
	bin := t.TempDir()
	executable := func(name string) string {
		path := filepath.Join(bin, name)
		require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"), 0o755))
		return path
	}
	fallback := filepath.Join(t.TempDir(), "chromium")
	t.Setenv("PATH", bin)
	t.Setenv("CHROME_PATH", "")

	_, err := findChromium(fallback)
	require.Error(t, err)
	for _, way := range []string{"CHROME_PATH", "PATH", "chromium,", "chromium-browser", "google-chrome", fallback} {
		assert.Contains(t, err.Error(), way, "the error names every way to give a Chromium")
	}

	require.NoError(t, os.WriteFile(fallback, []byte("#!/bin/sh\n"), 0o755))
	found, err := findChromium(fallback)
	require.NoError(t, err)
	assert.Equal(t, fallback, found, "the fallback when PATH has none")

	googleChrome := executable("google-chrome")
	found, err = findChromium(fallback)
	require.NoError(t, err)
	assert.Equal(t, googleChrome, found, "PATH before the fallback")

	chromiumBrowser := executable("chromium-browser")
	found, err = findChromium(fallback)
	require.NoError(t, err)
	assert.Equal(t, chromiumBrowser, found, "chromium-browser before google-chrome")

	chromium := executable("chromium")
	found, err = findChromium(fallback)
	require.NoError(t, err)
	assert.Equal(t, chromium, found, "chromium first on PATH")

	chosen := filepath.Join(t.TempDir(), "my-chrome")
	require.NoError(t, os.WriteFile(chosen, []byte("#!/bin/sh\n"), 0o755))
	t.Setenv("CHROME_PATH", chosen)
	found, err = findChromium(fallback)
	require.NoError(t, err)
	assert.Equal(t, chosen, found, "CHROME_PATH before PATH")

	notExecutable := filepath.Join(t.TempDir(), "chrome.txt")
	require.NoError(t, os.WriteFile(notExecutable, nil, 0o644))
	for _, bad := range []string{notExecutable, filepath.Join(bin, "missing"), bin} {
		t.Setenv("CHROME_PATH", bad)
		_, err = findChromium(fallback)
		assert.ErrorContains(t, err, "CHROME_PATH=", "%s is no browser, and PATH must not be used instead", bad)
	}
}
