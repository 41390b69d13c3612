package registry

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the registry reader. It must never
// panic, and must either return a registry that satisfies the model's
// invariants or an ErrorList whose every entry has a position.
func FuzzParse(f *testing.F) {
	// Every section of the corpus of bad registries is a seed: whole
	// registries, and edits, which are YAML too.
	corpus, err := os.ReadFile("../../cmd/gencodes/testdata/bad.txtar")
	if err != nil {
		f.Fatal(err)
	}
	seeds := regexp.MustCompile(`(?m)^-- \S+ --\n`).Split(string(corpus), -1)
	if len(seeds) < 100 {
		f.Fatalf("found %d sections of bad registries to seed from; the corpus has moved", len(seeds))
	}
	for _, path := range []string{"../../codes.yaml", "../generator/testdata/golden/registry.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(data))
	}
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %v", err)
			}
			for _, e := range list {
				if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Msg == "" {
					t.Fatalf("problem without a position or message: %+v", e)
				}
			}
			return
		}
		checkInvariants(t, reg)
	})
}

// checkInvariants asserts what the generator relies on in a valid registry.
func checkInvariants(t *testing.T, reg *Registry) {
	t.Helper()
	if len(reg.Codes) == 0 || len(reg.Ranges) == 0 {
		t.Fatalf("valid registry with %d codes and %d ranges", len(reg.Codes), len(reg.Ranges))
	}
	for i, r := range reg.Ranges {
		if r.First > r.Last || (i > 0 && reg.Ranges[i-1].Last >= r.First) {
			t.Fatalf("ranges out of order or overlapping at %d", i)
		}
	}
	for v := 0; v <= 65535; v++ {
		if p := reg.Policy(uint16(v)); !slices.Contains(ReconnectValues, p.Reconnect) || (p.RetryAfter != nil && p.RetryAfter.Min > p.RetryAfter.Max) {
			t.Fatalf("code %d has policy %+v", v, p)
		}
	}
	names := map[string]bool{}
	for i, c := range reg.Codes {
		if i > 0 && reg.Codes[i-1].Value >= c.Value {
			t.Fatalf("codes out of order or repeated at %d", c.Value)
		}
		if reg.RangeOf(c.Value) == nil {
			t.Fatalf("code %d outside every range", c.Value)
		}
		if identifierProblem(c.Name, "") != "" {
			t.Fatalf("name %q is not an identifier", c.Name)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if names[strings.ToLower(n)] || !aliasRE.MatchString(n) {
				t.Fatalf("name or alias %q repeated, ignoring case, or malformed", n)
			}
			names[strings.ToLower(n)] = true
		}
		for _, s := range []string{c.Label, c.Description.English, c.Reference} {
			if textProblem(s) != "" {
				t.Fatalf("text %q accepted: %s", s, textProblem(s))
			}
		}
	}
}

// FuzzMatchLanguage: any tag gets one of the registry's languages, in every
// set of languages of the vectors.
func FuzzMatchLanguage(f *testing.F) {
	sets := loadLanguageVectors(f)
	for _, v := range sets {
		for _, tc := range v.Cases {
			f.Add(tc.Tag)
		}
	}
	f.Fuzz(func(t *testing.T, tag string) {
		for _, v := range sets {
			if got := MatchLanguage(v.Languages, tag); !slices.Contains(v.Languages, got) {
				t.Fatalf("MatchLanguage(%v, %q) = %q, not a registry language", v.Languages, tag, got)
			}
		}
	})
}
