package publish

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// commandsFile holds the install lines; README.md shows its blocks as they are.
const commandsFile = "commands.txt"

// installBlocks reads commandsFile: each block's lines, each ending in \n, by
// the block's name.
func installBlocks(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(commandsFile)
	require.NoError(t, err)
	blocks := map[string]string{}
	name := ""
	scanner := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; scanner.Scan(); n++ {
		line := scanner.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== ") && strings.HasSuffix(line, " =="):
			name = strings.TrimSuffix(strings.TrimPrefix(line, "== "), " ==")
			_, seen := blocks[name]
			require.False(t, seen, "%s:%d: block %q is there twice", commandsFile, n, name)
			blocks[name] = ""
		case strings.TrimSpace(line) == "":
		default:
			require.NotEmpty(t, name, "%s:%d: a line before the first block", commandsFile, n)
			blocks[name] += line + "\n"
		}
	}
	require.NoError(t, scanner.Err())
	for _, want := range []string{"go", "go run", "npm", "ts"} {
		require.NotEmpty(t, blocks[want], "%s has no block %q, or an empty one", commandsFile, want)
	}
	return blocks
}

// repoRoot is the closecodes repository, two directories up.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "codes.yaml"), "the repository is not two directories up")
	return root
}

// shell runs script with sh -e in dir, as a reader pasting it into a
// terminal would, stopping at the first command that fails. env is added to
// the test's own environment; GOWORK=off keeps a go.work above the scratch
// directories out and GOTOOLCHAIN=local keeps Go from downloading another
// toolchain.
func shell(dir string, env []string, script string) (stdout, stderr string, err error) {
	cmd := exec.Command("sh", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local"), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// writeFile writes text to path below dir, making its directories.
func writeFile(t *testing.T, dir, path, text string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(path))
	require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
	require.NoError(t, os.WriteFile(full, []byte(text), 0o644))
}

// TestReadmeShowsInstallLines: README.md shows each block of commandsFile
// as a fenced block of its own, line for line, so that the lines a reader
// copies are the lines these tests run.
func TestReadmeShowsInstallLines(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	require.NoError(t, err)
	var fenced []string
	current, inside := "", false
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```") && !inside:
			current, inside = "", true
		case trimmed == "```" && inside:
			fenced, inside = append(fenced, current), false
		case inside:
			current += trimmed + "\n"
		}
	}
	for name, block := range installBlocks(t) {
		require.Contains(t, fenced, block, "README.md shows no fenced block holding exactly the %q lines of %s", name, commandsFile)
	}
}
