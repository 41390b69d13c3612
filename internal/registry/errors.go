package registry

import (
	"fmt"
	"sort"
	"strings"
)

// maxErrors caps how many problems one run reports. A registry with more than
// this has a systematic fault, and a wall of messages hides the first one.
// collectLimit bounds the memory a hostile file can make the collector use.
const (
	maxErrors    = 50
	collectLimit = 10000
)

// Pos is a position in the registry file, 1-based.
type Pos struct {
	Line, Col int
}

// Error is one problem in a registry, at a position in its file.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList is every problem found in a registry, sorted by position.
// Its Error method prints one problem a line, in compiler style.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Sort orders the problems by position in the file.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// errorCollector gathers problems while a registry is decoded and validated.
type errorCollector struct {
	file string
	list ErrorList
	more int // problems dropped past collectLimit
}

func (c *errorCollector) addf(pos Pos, format string, args ...any) {
	if len(c.list) >= collectLimit {
		c.more++
		return
	}
	c.list = append(c.list, &Error{File: c.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// count returns how many problems have been reported so far, so that a
// decoder can tell whether an entry it read had any.
func (c *errorCollector) count() int { return len(c.list) + c.more }

// err returns the problems sorted by position, or nil when there are none.
func (c *errorCollector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	c.list.Sort()
	list := c.list
	if hidden := len(list) - maxErrors + c.more; hidden > 0 {
		list = append(list[:maxErrors:maxErrors], &Error{File: c.file, Pos: list[maxErrors-1].Pos,
			Msg: fmt.Sprintf("too many problems: %d more not shown; fix these and run again", hidden)})
	}
	return list
}

// maxEcho is how many characters of a value a message repeats: enough to
// find it in the file, while a value that fills a megabyte line stays out
// of the terminal.
const maxEcho = 40

// short returns s cut to maxEcho characters, marked with … when it was
// longer.
func short(s string) string {
	count := 0
	for i := range s {
		if count == maxEcho {
			return s[:i] + "…"
		}
		count++
	}
	return s
}
