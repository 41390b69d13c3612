package spell

import (
	"fmt"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"label", "label", 0}, {"lable", "label", 2}, {"descripton", "description", 1},
		{"", "abc", 3}, {"abc", "", 3}, {"kitten", "sitting", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"label", "level", "first", "Lapel"}
	for _, tc := range []struct {
		s      string
		within int
		want   string
	}{
		{"LABEL", 3, "[label]"}, {"lavel", 3, "[label level Lapel]"}, {"xyz", 3, "[]"}, {"frst", 2, "[first]"}, {"frst", 1, "[]"},
	} {
		if got := fmt.Sprint(Closest(tc.s, known, tc.within)); got != tc.want {
			t.Errorf("Closest(%q, %d) = %s, want %s", tc.s, tc.within, got, tc.want)
		}
	}
}
