package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const corpusFile = "testdata/bad.txtar"

// corpus holds the sections of testdata/bad.txtar by file name, in order.
type corpus struct {
	names    []string
	sections map[string][]byte
}

var markerRE = regexp.MustCompile(`(?m)^-- (\S+) --\n`)

func readCorpus(t *testing.T) corpus { return readCorpusAt(t, corpusFile) }

// readCorpusAt reads a corpus in the form of testdata/bad.txtar from path.
func readCorpusAt(t *testing.T, path string) corpus {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	c := corpus{sections: map[string][]byte{}}
	marks := markerRE.FindAllSubmatchIndex(data, -1)
	for i, m := range marks {
		end := len(data)
		if i+1 < len(marks) {
			end = marks[i+1][0]
		}
		name := string(data[m[2]:m[3]])
		require.NotContains(t, c.sections, name, "%s: %s twice", path, name)
		c.names = append(c.names, name)
		c.sections[name] = data[m[1]:end]
	}
	return c
}

// cases returns the names of the bad registries: those with an .err section.
func (c corpus) cases(t *testing.T) []string {
	t.Helper()
	var cases []string
	for _, name := range c.names {
		if base, ok := strings.CutSuffix(name, ".err"); ok {
			cases = append(cases, base)
		}
	}
	for _, name := range c.names {
		base := strings.TrimSuffix(strings.TrimSuffix(name, ".edit"), ".yaml")
		if name != base && base != "base" && base != "app" {
			require.Contains(t, cases, base, "%s: %s has no .err", corpusFile, name)
		}
	}
	return cases
}

// registry returns the registry of case name: its .yaml, or a base changed by its .edit.
func (c corpus) registry(t *testing.T, name string) []byte {
	t.Helper()
	if data, ok := c.sections[name+".yaml"]; ok {
		return data
	}
	edit, ok := c.sections[name+".edit"]
	require.True(t, ok, "%s: %s has neither .yaml nor .edit", corpusFile, name)
	base := "base.yaml"
	if rest, ok := bytes.CutPrefix(edit, []byte("< ")); ok {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		base, edit = string(line), after
	}
	text := string(c.sections[base])
	require.NotEmpty(t, text, "%s: %s edits %s, which is missing", corpusFile, name, base)
	lines := strings.SplitAfter(string(edit), "\n")
	for i := 0; i < len(lines) && lines[i] != ""; {
		var old, new string
		for ; i < len(lines) && strings.HasPrefix(lines[i], "- "); i++ {
			old += lines[i][2:]
		}
		for ; i < len(lines) && strings.HasPrefix(lines[i], "+ "); i++ {
			new += lines[i][2:]
		}
		require.NotEmpty(t, old, "%s: %s.edit: each run of + lines follows a run of - lines", corpusFile, name)
		require.Equal(t, 1, strings.Count(text, old), "%s: %s.edit: the - lines must be in %s exactly once:\n%s",
			corpusFile, name, base, old)
		text = strings.Replace(text, old, new, 1)
	}
	return []byte(text)
}

// TestBadRegistries runs every case of testdata/bad.txtar and compares
// what gencodes prints with the case's .err section. Each must fail with
// exit status 1 and write nothing, and every line must carry FILE:LINE:COL.
func TestBadRegistries(t *testing.T) {
	t.Parallel()
	c := readCorpus(t)
	cases := c.cases(t)
	require.GreaterOrEqual(t, len(cases), 70, "the corpus of bad registries")
	got := make([]string, len(cases))
	t.Run("cases", func(t *testing.T) {
		for i, name := range cases {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				require.NoError(t, os.WriteFile(filepath.Join(dir, name+".yaml"), c.registry(t, name), 0o644))
				code, stdout, stderr := runGencodes(t, dir, "-registry", name+".yaml")
				assert.Equal(t, 1, code, "exit status; stderr:\n%s", stderr)
				assert.Empty(t, stdout)
				assert.Equal(t, []string{name + ".yaml"}, listFiles(t, dir), "nothing may be written")
				got[i] = stderr
				if !*update {
					assert.Equal(t, string(c.sections[name+".err"]), stderr)
				}
				for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
					assert.Regexp(t, `^`+name+`\.yaml:\d+:\d+: \S`, line, "every problem carries FILE:LINE:COL")
				}
			})
		}
	})
	if *update {
		data, err := os.ReadFile(corpusFile)
		require.NoError(t, err)
		for i, name := range cases {
			old := "-- " + name + ".err --\n" + string(c.sections[name+".err"])
			require.Equal(t, 1, bytes.Count(data, []byte(old)), name)
			data = bytes.Replace(data, []byte(old), []byte("-- "+name+".err --\n"+got[i]), 1)
		}
		require.NoError(t, os.WriteFile(corpusFile, data, 0o644))
	}
}
