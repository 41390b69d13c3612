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

// rows prints one line for each element of list, a slice: format with each
// %s replaced, in order, by the named fields of the element, such as
// "Label.TS"; with no fields, the element itself fills the one %s. Fields
// must be strings or integers. Every line starts with a line break, so that
//
//	const NAMES = [
//	  "",
//	{{- rows "  %s," .Codes "NameText.TS"}}
//	];
//
// prints what the same block written with {{- range}} prints. It exists for
// speed: a table of 4,000 codes takes text/template about half a
// microsecond an action, and rows prints a whole line in less than a tenth
// of that, which is most of what rendering a large registry costs.
func rows(format string, list any, fields ...string) (string, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", fmt.Errorf("rows: list is %s, not a slice", v.Kind())
	}
	parts := strings.Split(format, "%s")
	holes := max(len(fields), 1)
	if len(parts)-1 != holes {
		return "", fmt.Errorf("rows: format %q has %d %%s for %d values a row", format, len(parts)-1, holes)
	}
	elemType := v.Type().Elem()
	paths := make([][]int, len(fields))
	for i, field := range fields {
		path, err := fieldPath(elemType, field)
		if err != nil {
			return "", err
		}
		paths[i] = path
	}
	if len(fields) == 0 && !printable(elemType) {
		return "", fmt.Errorf("rows: the list holds %s; name the fields to print", elemType)
	}
	cell := func(elem reflect.Value, hole int) reflect.Value {
		if len(paths) == 0 {
			return elem
		}
		return elem.FieldByIndex(paths[hole])
	}
	// Measure first, so that the text is built in one allocation: the
	// tables of a large registry run to megabytes.
	size := v.Len() * (len(format) - 2*holes + 1)
	for i := 0; i < v.Len(); i++ {
		for j := 0; j < holes; j++ {
			size += cellLen(cell(v.Index(i), j))
		}
	}
	var out strings.Builder
	out.Grow(size)
	for i := 0; i < v.Len(); i++ {
		elem := v.Index(i)
		out.WriteByte('\n')
		out.WriteString(parts[0])
		for j := 0; j < holes; j++ {
			writeCell(&out, cell(elem, j))
			out.WriteString(parts[j+1])
		}
	}
	return out.String(), nil
}

// fieldPath finds the field that a dotted name such as "Label.TS" names in
// struct type t, as an index path for FieldByIndex.
func fieldPath(t reflect.Type, name string) ([]int, error) {
	var path []int
	for _, part := range strings.Split(name, ".") {
		if t.Kind() != reflect.Struct {
			return nil, fmt.Errorf("rows: %s: %s is not a struct", name, t)
		}
		f, ok := t.FieldByName(part)
		if !ok || !f.IsExported() {
			return nil, fmt.Errorf("rows: %s has no field %s", t, part)
		}
		path = append(path, f.Index...)
		t = f.Type
	}
	if !printable(t) {
		return nil, fmt.Errorf("rows: field %s is %s; rows prints strings and integers", name, t)
	}
	return path, nil
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

// cellLen is the length of v, a string or an integer, printed.
func cellLen(v reflect.Value) int {
	if v.Kind() == reflect.String {
		return v.Len()
	}
	var scratch [20]byte
	return len(appendInteger(scratch[:0], v))
}

// writeCell prints v, a string or an integer.
func writeCell(out *strings.Builder, v reflect.Value) {
	if v.Kind() == reflect.String {
		out.WriteString(v.String())
		return
	}
	var scratch [20]byte
	out.Write(appendInteger(scratch[:0], v))
}

func appendInteger(buf []byte, v reflect.Value) []byte {
	if v.CanInt() {
		return strconv.AppendInt(buf, v.Int(), 10)
	}
	return strconv.AppendUint(buf, v.Uint(), 10)
}
