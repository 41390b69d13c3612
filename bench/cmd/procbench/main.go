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
//	NAME	DIR	COMMAND	ARGS...
//
// Each round runs every command once, in order, so that a slow moment of
// the machine falls on all of them alike. For each command it prints the
// median wall time, the quartiles, the extremes and the peak memory of the
// command's own process (children it starts are not counted). For each
// command after the first it then prints its time over the first's, taken
// round by round: the median of those ratios and their range, a comparison
// that a busy machine disturbs less than the times themselves.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

type command struct {
	name, dir string
	args      []string
	walls     []time.Duration
	peakKB    int64
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
	for round := 0; round < *runs; round++ {
		for _, c := range cmds {
			if err := c.run(); err != nil {
				fail(err)
			}
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, c := range cmds {
		w := sorted(c.walls)
		fmt.Printf("%s\tmedian %.1f ms\tquartiles %.1f-%.1f ms\tmin %.1f ms\tmax %.1f ms\tpeak RSS %.1f MiB\truns %d\n",
			c.name, ms(w[len(w)/2]), ms(w[len(w)/4]), ms(w[len(w)*3/4]), ms(w[0]), ms(w[len(w)-1]),
			float64(c.peakKB)/1024, len(w))
	}
	first := cmds[0]
	for _, c := range cmds[1:] {
		ratios := make([]float64, len(c.walls))
		for i := range c.walls {
			ratios[i] = float64(c.walls[i]) / float64(first.walls[i])
		}
		r := sorted(ratios)
		fmt.Printf("%s / %s, round by round\tmedian %.2fx\tquartiles %.2f-%.2fx\tmin %.2fx\tmax %.2fx\n",
			c.name, first.name, r[len(r)/2], r[len(r)/4], r[len(r)*3/4], r[0], r[len(r)-1])
	}
}

func sorted[T time.Duration | float64](xs []T) []T {
	s := append([]T(nil), xs...)
	slices.Sort(s)
	return s
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
		cmds = append(cmds, &command{name: fields[0], dir: fields[1], args: fields[2:]})
	}
	return cmds, scan.Err()
}

func (c *command) run() error {
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
