package mutants

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// repoFiles lists the files of the repository at root that git tracks or
// would track (untracked files that no .gitignore excludes), so that a
// change not yet committed is in the copy too.
func repoFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %v: %s", root, err, strings.TrimSpace(stderr.String()))
	}
	var files []string
	for _, f := range strings.Split(string(out), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("git ls-files lists no files in %s", root)
	}
	return files, nil
}

// copyRepo copies files from root into dir and links each node_modules
// that root holds beside a package.json, so that no copy runs npm.
func copyRepo(root, dir string, files []string) error {
	for _, f := range files {
		from, to := filepath.Join(root, f), filepath.Join(dir, f)
		info, err := os.Lstat(from)
		if errors.Is(err, fs.ErrNotExist) {
			continue // tracked, but deleted in the working tree
		}
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(from)
			if err == nil {
				err = os.Symlink(target, to)
			}
			if err != nil {
				return err
			}
			continue
		}
		if err := copyFile(from, to, info.Mode().Perm()); err != nil {
			return err
		}
		if filepath.Base(f) == "package.json" {
			modules := filepath.Join(filepath.Dir(from), "node_modules")
			if info, err := os.Stat(modules); err == nil && info.IsDir() {
				if err := os.Symlink(modules, filepath.Join(filepath.Dir(to), "node_modules")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func copyFile(from, to string, perm fs.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return errors.Join(err, out.Close())
}

// fingerprint returns a hash of every file below dir, by path, so that a
// change to any of them shows.
func fingerprint(dir string) (map[string][32]byte, error) {
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		sums[path] = sha256.Sum256(data)
		return err
	})
	return sums, err
}
