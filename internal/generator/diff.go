package generator

import (
	"bytes"
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around each change.
const diffContext = 3

// maxEditDistance bounds the work of the line diff. Past it, two files are
// shown as one whole replacement: still a correct diff, only a longer one.
const maxEditDistance = 1000

type editKind int

const (
	editKeep editKind = iota
	editDelete
	editInsert
)

type edit struct {
	kind editKind
	line string
}

// unifiedDiff returns the changes from a to b in unified format, or "" when
// they are equal.
func unifiedDiff(nameA, nameB string, a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	edits := diffLines(splitLines(a), splitLines(b))
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	for start := 0; start < len(edits); {
		// Find the next change, then grow the hunk while changes are
		// within twice the context of each other.
		first := start
		for first < len(edits) && edits[first].kind == editKeep {
			first++
		}
		if first == len(edits) {
			break
		}
		last := first
		for i := first; i < len(edits); i++ {
			if edits[i].kind != editKeep {
				last = i
			} else if i-last > 2*diffContext {
				break
			}
		}
		lo := max(first-diffContext, start)
		hi := min(last+diffContext+1, len(edits))
		writeHunk(&out, edits, lo, hi)
		start = hi
	}
	return out.String()
}

func writeHunk(out *strings.Builder, edits []edit, lo, hi int) {
	// Line numbers of the hunk's first line in each file.
	aLine, bLine := 1, 1
	for _, e := range edits[:lo] {
		if e.kind != editInsert {
			aLine++
		}
		if e.kind != editDelete {
			bLine++
		}
	}
	var aCount, bCount int
	var body strings.Builder
	for _, e := range edits[lo:hi] {
		switch e.kind {
		case editKeep:
			aCount++
			bCount++
			body.WriteString(" " + e.line)
		case editDelete:
			aCount++
			body.WriteString("-" + e.line)
		case editInsert:
			bCount++
			body.WriteString("+" + e.line)
		}
		if !strings.HasSuffix(e.line, "\n") {
			body.WriteString("\n\\ No newline at end of file\n")
		}
	}
	if aCount == 0 {
		aLine--
	}
	if bCount == 0 {
		bLine--
	}
	fmt.Fprintf(out, "@@ -%d,%d +%d,%d @@\n%s", aLine, aCount, bLine, bCount, body.String())
}

// splitLines splits data after each newline, keeping the newlines.
func splitLines(data []byte) []string {
	var lines []string
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		lines = append(lines, string(data[:i]))
		data = data[i:]
	}
	return lines
}

// diffLines finds a shortest edit script from a to b with Myers' algorithm.
func diffLines(a, b []string) []edit {
	n, m := len(a), len(b)
	limit := min(n+m, maxEditDistance)
	offset := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	found := false
	for d := 0; d <= limit && !found; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[offset+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return replaceAll(a, b)
	}
	// Walk the trace back from the end to recover the edits.
	var edits []edit
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[offset+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			edits = append(edits, edit{editKeep, a[x]})
		}
		if x == prevX {
			y--
			edits = append(edits, edit{editInsert, b[y]})
		} else {
			x--
			edits = append(edits, edit{editDelete, a[x]})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		edits = append(edits, edit{editKeep, a[x]})
	}
	for i, j := 0, len(edits)-1; i < j; i, j = i+1, j-1 {
		edits[i], edits[j] = edits[j], edits[i]
	}
	return edits
}

func replaceAll(a, b []string) []edit {
	edits := make([]edit, 0, len(a)+len(b))
	for _, l := range a {
		edits = append(edits, edit{editDelete, l})
	}
	for _, l := range b {
		edits = append(edits, edit{editInsert, l})
	}
	return edits
}
