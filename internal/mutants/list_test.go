package mutants

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Mutant is one deliberate bug: edits to make in a copy of the repository,
// and the commands that must each fail on it, naming the test that caught it.
type Mutant struct {
	Name string `yaml:"name"`
	// Why says what the bug is and what a test must check to catch it.
	Why   string `yaml:"why"`
	Edits []Edit `yaml:"edits"`
	// Generate runs gencodes in the copy after the edits, so that the
	// generated files carry the bug; it is an error if none changes.
	Generate bool     `yaml:"generate"`
	Kill     []Killer `yaml:"kill"`

	line int // where the mutant starts in its list file
}

// Edit replaces the one occurrence of Find in File with Replace.
type Edit struct {
	File    string `yaml:"file"` // slash-separated, from the repository root
	Find    string `yaml:"find"`
	Replace string `yaml:"replace"`
}

// Killer is a shell command that must fail on the mutant, with output that
// matches Want: the name of the test meant to catch it. A command that
// fails otherwise, as one that does not compile, has not shown that test
// works.
type Killer struct {
	Run  string `yaml:"run"`
	Want string `yaml:"want"`

	want *regexp.Regexp
}

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// loadList reads the mutants of the list file at path and checks that each
// is complete. It does not look at the files the edits name; stale does.
func loadList(path string) ([]*Mutant, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseList(path, data)
}

func parseList(path string, data []byte) ([]*Mutant, error) {
	var mutants []*Mutant
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key is an error, never an edit or a killer silently left out
	if err := dec.Decode(&mutants); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no mutants", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 1 && len(doc.Content[0].Content) == len(mutants) {
		for i, n := range doc.Content[0].Content {
			mutants[i].line = n.Line
		}
	}
	if len(mutants) == 0 {
		return nil, fmt.Errorf("%s: no mutants", path)
	}
	var problems []string
	seen := map[string]int{}
	for _, m := range mutants {
		say := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("%s:%d: mutant %q: %s", path, m.line, m.Name, fmt.Sprintf(format, args...)))
		}
		switch first, dup := seen[m.Name]; {
		case !nameRE.MatchString(m.Name):
			say("name must be lower-case words joined by -, such as js-browser-can-send-fraction")
		case dup:
			say("name is used twice (first at line %d)", first)
		default:
			seen[m.Name] = m.line
		}
		if strings.TrimSpace(m.Why) == "" {
			say("why is missing: say what the bug is and which test must catch it")
		}
		if len(m.Edits) == 0 {
			say("has no edits")
		}
		for i, e := range m.Edits {
			switch {
			case e.File == "" || filepath.IsAbs(e.File) || strings.HasPrefix(filepath.Clean(e.File), ".."):
				say("edit %d: file %q must be a path inside the repository, from its root", i+1, e.File)
			case e.Find == "":
				say("edit %d: find is empty", i+1)
			case e.Find == e.Replace:
				say("edit %d: replace equals find, so the edit changes nothing", i+1)
			}
		}
		if len(m.Kill) == 0 {
			say("has no kill commands: name the test that must catch it")
		}
		for i := range m.Kill {
			k := &m.Kill[i]
			if strings.TrimSpace(k.Run) == "" {
				say("kill %d: run is empty", i+1)
			}
			if k.Want == "" {
				say("kill %d: want is empty: give a pattern that the caught failure prints, such as --- FAIL: TestName", i+1)
				continue
			}
			var err error
			if k.want, err = regexp.Compile(k.Want); err != nil {
				say("kill %d: want: %v", i+1, err)
			}
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return mutants, nil
}

// stale reports every edit whose find text does not occur exactly once in
// its file under root. Such a mutant no longer makes the bug it names: the
// code moved, and it must be re-pointed, never counted as killed.
func stale(root, listPath string, mutants []*Mutant) error {
	var problems []string
	for _, m := range mutants {
		for i, e := range m.Edits {
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(e.File)))
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s:%d: mutant %q: edit %d: %v", listPath, m.line, m.Name, i+1, err))
				continue
			}
			if n := bytes.Count(data, []byte(e.Find)); n != 1 {
				problems = append(problems, fmt.Sprintf("%s:%d: mutant %q: edit %d: %s holds its find text %d times, not once: "+
					"the code has moved; re-point the mutant at the code that now does this", listPath, m.line, m.Name, i+1, e.File, n))
			}
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// apply makes m's edits to the copy of the repository at dir, each to the
// one place its find text occurs there.
func apply(dir string, m *Mutant) error {
	for i, e := range m.Edits {
		path := filepath.Join(dir, filepath.FromSlash(e.File))
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("edit %d: %w", i+1, err)
		}
		if n := bytes.Count(data, []byte(e.Find)); n != 1 {
			return fmt.Errorf("edit %d: %s holds its find text %d times after the edits before it, not once", i+1, e.File, n)
		}
		data = bytes.Replace(data, []byte(e.Find), []byte(e.Replace), 1)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("edit %d: %w", i+1, err)
		}
	}
	return nil
}
