package registry

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Past maxErrors problems, more only hide the first fault; collectLimit bounds a hostile file's cost.
const (
	maxErrors    = 50
	collectLimit = 10000
)

// Pos is a position in the registry file, 1-based.
type Pos struct{ Line, Col int }

// Error is one problem in a registry, at a position in its file.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList is every problem found in a registry, sorted by position; Error prints one a line.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by position in the file.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// errorCollector gathers problems; count tells a decoder whether an entry it read had any.
type errorCollector struct {
	file  string
	list  ErrorList // the first collectLimit problems
	count int
}

func (c *errorCollector) addf(pos Pos, format string, args ...any) {
	c.count++
	if len(c.list) < collectLimit {
		c.list = append(c.list, &Error{File: c.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
	}
}

// problems returns the problems sorted by position, the first maxErrors of them.
func (c *errorCollector) problems() ErrorList {
	c.list.Sort()
	if hidden := c.count - maxErrors; hidden > 0 {
		return append(c.list[:maxErrors:maxErrors], &Error{File: c.file, Pos: c.list[maxErrors-1].Pos,
			Msg: fmt.Sprintf("too many problems: %d more not shown; fix these and run again", hidden)})
	}
	return c.list
}

// short cuts s to 40 characters: enough to find a value, while a megabyte line stays out of the terminal.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
