package generator

import (
	"strings"

	"github.com/closecodes/closecodes/internal/registry"
)

// The code map, close-codes.svg: the codes 0-65535 as a row of columns, one for each part of a range,
// each range without parts and each stretch outside every range, with the named codes marked. The
// columns share the width equally, since the spans differ too much in size (16 codes to 60,536) to
// be drawn to scale.
const mapWidth, mapMargin = 960, 10

// mapColumn is one column of the code map: Label and Range title it, First to Last are its codes,
// Facts colour it. Outside is true for codes that no range holds.
type mapColumn struct {
	X, W          int
	Label, Range  string
	First, Last   int
	Facts         registry.Facts
	Outside, Head bool // Head: the first column of its range, which carries the range's title
}

// mapMark is a named code on the code map, at X.
type mapMark struct {
	X int
	Code
}

// Columns lays the code map out in the page's language.
func (p page) Columns() []mapColumn {
	var cols []mapColumn
	next := 0
	gap := func(to int) {
		if next < to {
			cols = append(cols, mapColumn{First: next, Last: to - 1, Outside: true, Head: true})
		}
	}
	for _, r := range p.Ranges {
		gap(int(r.First))
		if len(r.Parts) == 0 {
			cols = append(cols, mapColumn{Range: r.Label.In(p.Lang), First: int(r.First), Last: int(r.Last),
				Facts: r.Facts, Head: true})
		}
		for i, part := range r.Parts {
			cols = append(cols, mapColumn{Label: part.Label.In(p.Lang), Range: r.Label.In(p.Lang),
				First: int(part.First), Last: int(part.Last), Facts: part.Facts, Head: i == 0})
		}
		next = int(r.Last) + 1
	}
	gap(0x10000)
	w := (mapWidth - 2*mapMargin) / len(cols)
	for i := range cols {
		cols[i].X, cols[i].W = mapMargin+i*w, w
	}
	return cols
}

// Marks places each named code in its column, by its place among the column's codes.
func (p page) Marks() []mapMark {
	cols := p.Columns()
	var marks []mapMark
	for _, c := range p.Codes {
		for _, col := range cols {
			if col.First <= c.Value && c.Value <= col.Last {
				at := col.X + 2 + (col.W-4)*(c.Value-col.First)/(col.Last-col.First+1)
				marks = append(marks, mapMark{at, c})
			}
		}
	}
	return marks
}

// Fill is the colour of codes with facts f: green where a browser may send them, amber where only
// the wire carries them, grey where nothing does; mid tones, readable on light and dark pages.
func (page) Fill(wireValid, browserCanSend bool) string {
	switch {
	case browserCanSend:
		return "#2da44e"
	case wireValid:
		return "#d4a72c"
	}
	return "#8c959f"
}

// MapFile names the code map of the page's language: close-codes.svg, close-codes.TAG.svg.
func (p page) MapFile() string { return strings.TrimSuffix(docsFile(p.Lang), ".md") + ".svg" }
