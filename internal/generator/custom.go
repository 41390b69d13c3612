package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

// TemplateError is a problem in a custom template: it names the template
// file and, where text/template knows it, the line.
type TemplateError struct {
	File string
	Line int    // 0 when unknown
	Col  int    // 0 when unknown
	Msg  string // what is wrong
}

func (e *TemplateError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// templateErrRE reads text/template's errors, which look like
// `template: python.tmpl:12:5: executing "python.tmpl" at <.X>: ...`.
var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

func templateError(dir string, err error) error {
	m := templateErrRE.FindStringSubmatch(err.Error())
	if m == nil {
		return &TemplateError{File: dir, Msg: err.Error()}
	}
	te := &TemplateError{File: filepath.Join(dir, m[1]), Msg: m[4]}
	fmt.Sscan(m[2], &te.Line)
	if m[3] != "" {
		fmt.Sscan(m[3], &te.Col)
	}
	return te
}

// renderCustom renders every NAME.tmpl in dir, except those whose names start
// with "_", into out/NAME. The templates see the same Model as the built-in
// ones; docs/templates.md describes its fields.
func renderCustom(dir, out string, model *Model) ([]File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.tmpl"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		if _, statErr := os.Stat(dir); statErr != nil {
			return nil, fmt.Errorf("template directory %s cannot be read: %w", dir, unwrapPath(statErr))
		}
		return nil, fmt.Errorf("template directory %s holds no *.tmpl file", dir)
	}
	sort.Strings(paths)
	set := template.New("").Option("missingkey=error")
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read template: %w", err)
		}
		if _, err := set.New(filepath.Base(path)).Parse(string(text)); err != nil {
			return nil, templateError(dir, err)
		}
	}
	var files []File
	for _, path := range paths {
		name := filepath.Base(path)
		if strings.HasPrefix(name, "_") {
			continue
		}
		var buf bytes.Buffer
		if err := set.ExecuteTemplate(&buf, name, model); err != nil {
			return nil, templateError(dir, err)
		}
		files = append(files, File{Path: filepath.Join(out, strings.TrimSuffix(name, ".tmpl")), Data: buf.Bytes()})
	}
	return files, nil
}
