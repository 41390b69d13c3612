// Passratio reads `go test -bench` output made of several passes over the
// same benchmarks and prints, for every benchmark with an impl=closecode
// case, each other implementation's time over closecode's, pass by pass:
// the median of those ratios, the quartiles and the range. Above 1,
// closecode is faster. -base names another case to divide by, such as vet.
//
// Usage:
//
//	passratio [-base closecode] < go.txt
//
// benchstat compares the two sides' medians, each with its own spread; on a
// shared machine that spread is wide. Within one pass the two cases ran
// moments apart, so their ratio is steadier than either time.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// procsSuffix is the -N that go test appends to a benchmark's name when GOMAXPROCS is N > 1.
var procsSuffix = regexp.MustCompile(`-\d+$`)

func main() {
	base := flag.String("base", "closecode", "the `impl` to divide the others by")
	flag.Parse()
	// samples[benchmark][impl] lists ns/op in the order of the passes.
	samples := map[string]map[string][]float64{}
	var order []string
	scan := bufio.NewScanner(os.Stdin)
	for scan.Scan() {
		f := strings.Fields(scan.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
			continue
		}
		name, impl, ok := strings.Cut(f[0], "/impl=")
		if !ok {
			continue
		}
		impl = procsSuffix.ReplaceAllString(impl, "") // go test leaves it off when GOMAXPROCS is 1
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			fail(fmt.Errorf("%q: %v", scan.Text(), err))
		}
		if samples[name] == nil {
			samples[name] = map[string][]float64{}
			order = append(order, name)
		}
		samples[name][impl] = append(samples[name][impl], ns)
	}
	if err := scan.Err(); err != nil {
		fail(err)
	}
	for _, name := range order {
		ours, ok := samples[name][*base]
		if !ok {
			continue
		}
		for _, impl := range slices.Sorted(maps.Keys(samples[name])) {
			theirs := samples[name][impl]
			if impl == *base {
				continue
			}
			if len(theirs) != len(ours) {
				fail(fmt.Errorf("%s: %d samples of %s, %d of %s", name, len(theirs), impl, len(ours), *base))
			}
			r := make([]float64, len(ours))
			for i := range ours {
				r[i] = theirs[i] / ours[i]
			}
			slices.Sort(r)
			fmt.Printf("%s\t%s / %s\tmedian %.2fx\tquartiles %.2f-%.2fx\tmin %.2fx\tmax %.2fx\tpasses %d\n",
				strings.TrimPrefix(name, "Benchmark"), impl, *base, r[len(r)/2], r[len(r)/4], r[len(r)*3/4], r[0], r[len(r)-1], len(r))
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "passratio:", err)
	os.Exit(1)
}
