// Package spell measures how far apart two words are, for "did you mean"
// suggestions in error messages and in gencodes explain.
package spell

import "strings"

// Distance returns the Levenshtein distance between a and b, counted in
// bytes: the fewest insertions, deletions and substitutions that turn one
// into the other.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Closest returns the words of known nearest to s, ignoring case, in the
// order of known: those at the smallest distance below within, or none.
func Closest(s string, known []string, within int) []string {
	var best []string
	for _, k := range known {
		switch d := Distance(strings.ToLower(s), strings.ToLower(k)); {
		case d < within:
			best, within = []string{k}, d
		case d == within && best != nil:
			best = append(best, k)
		}
	}
	return best
}
