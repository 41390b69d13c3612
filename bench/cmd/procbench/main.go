// Procbench runs commands as whole processes, taking turns, and reports for
// each its median wall time and peak resident memory: the generator
// benchmarks of run.sh.
//
// Usage:
//
//	procbench [-runs N] SPEC
//
// SPEC names a file with one command a line, fields separated by tabs:
//
//	NAME	DIR	[touch=FILE]	COMMAND	ARGS...
//
// Each round runs every command once, in order, so that a slow moment of
// the machine falls on all of them alike. With touch=FILE, FILE (relative to
// DIR) gets a fresh last comment line before each run, so that a build
// cannot be served from Go's cache; the file is restored at the end.
// Peak memory is the command's own process; children it starts are not
// counted.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

type command struct {
	name, dir, touch string
	args             []string
	original         []byte
	walls            []time.Duration
	peakKB           int64
}

func main() {
	runs := flag.Int("runs", 10, "rounds: how many times to run each command")
	flag.Parse()
	if flag.NArg() != 1 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: procbench [-runs N] SPEC")
		os.Exit(2)
	}
	cmds, err := readSpec(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	for _, c := range cmds {
		if c.touch != "" {
			if c.original, err = os.ReadFile(c.touch); err != nil {
				fail(err)
			}
		}
	}
	defer func() {
		for _, c := range cmds {
			if c.touch != "" {
				os.WriteFile(c.touch, c.original, 0o644)
			}
		}
	}()
	for round := 0; round < *runs; round++ {
		for _, c := range cmds {
			if err := c.run(round); err != nil {
				fail(err)
			}
		}
	}
	for _, c := range cmds {
		sort.Slice(c.walls, func(i, j int) bool { return c.walls[i] < c.walls[j] })
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Printf("%s\tmedian %.1f ms\tmin %.1f ms\tmax %.1f ms\tpeak RSS %.1f MiB\truns %d\n",
			c.name, ms(c.walls[len(c.walls)/2]), ms(c.walls[0]), ms(c.walls[len(c.walls)-1]),
			float64(c.peakKB)/1024, len(c.walls))
	}
}

func readSpec(path string) ([]*command, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cmds []*command
	scan := bufio.NewScanner(f)
	for line := 1; scan.Scan(); line++ {
		if strings.TrimSpace(scan.Text()) == "" {
			continue
		}
		fields := strings.Split(scan.Text(), "\t")
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s:%d: want NAME, DIR and a command, separated by tabs", path, line)
		}
		c := &command{name: fields[0], dir: fields[1], args: fields[2:]}
		if t, ok := strings.CutPrefix(c.args[0], "touch="); ok {
			c.touch = filepath.Join(c.dir, t)
			c.args = c.args[1:]
		}
		if len(c.args) == 0 {
			return nil, fmt.Errorf("%s:%d: no command", path, line)
		}
		cmds = append(cmds, c)
	}
	return cmds, scan.Err()
}

func (c *command) run(round int) error {
	if c.touch != "" {
		stamp := fmt.Sprintf("%s\n// procbench round %d %d\n", c.original, round, time.Now().UnixNano())
		if err := os.WriteFile(c.touch, []byte(stamp), 0o644); err != nil {
			return err
		}
	}
	cmd := exec.Command(c.args[0], c.args[1:]...)
	cmd.Dir = c.dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", c.name, err)
	}
	c.walls = append(c.walls, time.Since(start))
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > c.peakKB {
		c.peakKB = ru.Maxrss // kilobytes on Linux
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "procbench:", err)
	os.Exit(1)
}
