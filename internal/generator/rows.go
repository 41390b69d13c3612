package generator

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

// templateFuncs are the functions every template, built-in or custom, may
// call. They lay out what the view model holds and decide nothing.
var templateFuncs = template.FuncMap{"rows": rows}

// rows prints a block of lines for each element of list, a slice: format,
// with each %s replaced, in order, by the named fields of the element, such
// as "Label.TS"; with no fields, the element itself fills the one %s.
// Fields are strings, integers, or lists of them: a line of the format
// whose %s is a list is printed once for each item, and not at all for an
// empty list. Every block starts with a line break, so that
//
//	const NAMES = [
//	  "",
//	{{- rows "  %s," .Codes "NameText.TS"}}
//	];
//
// prints what the same block written with {{- range}} prints. It exists for
// speed: text/template takes about half a microsecond an action, and a
// table of 4,000 codes printed an action a cell was most of what rendering
// a large registry cost; rows prints a whole line in a small part of that.
func rows(format string, list any, fields ...string) (string, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", fmt.Errorf("rows: list is %s, not a slice", v.Kind())
	}
	cells, err := compileCells(v.Type().Elem(), fields)
	if err != nil {
		return "", err
	}
	lines, err := compileLines(format, cells)
	if err != nil {
		return "", err
	}
	// The tables of a large registry run to megabytes: after a sample of
	// blocks, make room for the rest at their average size and a quarter
	// more, so the text is copied about once rather than at every doubling.
	var out strings.Builder
	const sample = 16
	for i := 0; i < v.Len(); i++ {
		if i == sample {
			out.Grow(out.Len() / sample * (v.Len() - sample) * 5 / 4)
		}
		writeBlock(&out, v.Index(i), lines, cells)
	}
	return out.String(), nil
}

// A cell is what one %s prints: the element itself (path nil), or a field
// of it; list says the value is a slice of cells.
type cell struct {
	path []int
	list bool
}

// A line is one line of a format: the text around its %s, and the cells
// they print. A line whose one cell is a list repeats for each item.
type line struct {
	text  []string // len(cells)+1 pieces
	cells []int
	list  bool
}

func compileCells(elem reflect.Type, fields []string) ([]cell, error) {
	if len(fields) == 0 {
		if !printable(elem) {
			return nil, fmt.Errorf("rows: the list holds %s; name the fields to print", elem)
		}
		return []cell{{}}, nil
	}
	cells := make([]cell, len(fields))
	for i, field := range fields {
		path, t, err := fieldPath(elem, field)
		if err != nil {
			return nil, err
		}
		switch {
		case printable(t):
			cells[i] = cell{path: path}
		case t.Kind() == reflect.Slice && printable(t.Elem()):
			cells[i] = cell{path: path, list: true}
		default:
			return nil, fmt.Errorf("rows: field %s is %s; rows prints strings, integers and lists of them", field, t)
		}
	}
	return cells, nil
}

func compileLines(format string, cells []cell) ([]line, error) {
	if holes := strings.Count(format, "%s"); holes != len(cells) {
		return nil, fmt.Errorf("rows: format %q has %d %%s for %d values a row", format, holes, len(cells))
	}
	var lines []line
	next := 0
	for _, text := range strings.Split(format, "\n") {
		l := line{text: strings.Split(text, "%s")}
		for range len(l.text) - 1 {
			l.cells = append(l.cells, next)
			l.list = l.list || cells[next].list
			next++
		}
		if l.list && len(l.cells) > 1 {
			return nil, fmt.Errorf("rows: format line %q prints a list and more; give the list a line of its own", text)
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// fieldPath finds the field that a dotted name such as "Label.TS" names in
// struct type t, as an index path for FieldByIndex, and its type.
func fieldPath(t reflect.Type, name string) ([]int, reflect.Type, error) {
	var path []int
	for _, part := range strings.Split(name, ".") {
		if t.Kind() != reflect.Struct {
			return nil, nil, fmt.Errorf("rows: %s: %s is not a struct", name, t)
		}
		f, ok := t.FieldByName(part)
		if !ok || !f.IsExported() {
			return nil, nil, fmt.Errorf("rows: %s has no field %s", t, part)
		}
		path = append(path, f.Index...)
		t = f.Type
	}
	return path, t, nil
}

// printable reports whether rows prints values of type t: strings and
// integers.
func printable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// writeBlock prints the lines of one element: a line break, then the
// lines, separated by line breaks.
func writeBlock(out *strings.Builder, elem reflect.Value, lines []line, cells []cell) {
	out.WriteByte('\n')
	first := true
	for _, l := range lines {
		if !l.list {
			if !first {
				out.WriteByte('\n')
			}
			first = false
			out.WriteString(l.text[0])
			for i, c := range l.cells {
				writeCell(out, value(elem, cells[c]))
				out.WriteString(l.text[i+1])
			}
			continue
		}
		items := value(elem, cells[l.cells[0]])
		for i := 0; i < items.Len(); i++ {
			if !first {
				out.WriteByte('\n')
			}
			first = false
			out.WriteString(l.text[0])
			writeCell(out, items.Index(i))
			out.WriteString(l.text[1])
		}
	}
}

func value(elem reflect.Value, c cell) reflect.Value {
	if c.path == nil {
		return elem
	}
	return elem.FieldByIndex(c.path)
}

// writeCell prints v, a string or an integer.
func writeCell(w *strings.Builder, v reflect.Value) {
	if v.Kind() == reflect.String {
		w.WriteString(v.String())
		return
	}
	var digits [20]byte
	if v.CanInt() {
		w.Write(strconv.AppendInt(digits[:0], v.Int(), 10))
	} else {
		w.Write(strconv.AppendUint(digits[:0], v.Uint(), 10))
	}
}
