package generator

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/messages"
	"github.com/closecodes/closecodes/internal/registry"
)

// markdownSyntax are the characters that CommonMark, GitHub's tables or
// its math could read as syntax: in a table cell each must be escaped, with
// a backslash or, for <, > and &, as an entity, to read as itself. The
// parentheses are syntax only after "]", itself syntax, so a cell may hold
// them unescaped, as the fixed text "retry (0s-5s)" does.
const markdownSyntax = "\\`*_{}[]()#+!|~$<>&"

const markdownLiteral = "()" // what markdownSyntax holds that reads as itself alone

var markdownEntities = map[string]string{"&lt;": "<", "&gt;": ">", "&amp;": "&"}

// readTables reads back the rows of every table of a Markdown page, header
// and delimiter rows left out, as the text each cell shows. A cell that is
// all one code span, such as `NormalClosure`, shows what it holds. A
// character of markdownSyntax left unescaped is an error: the page shows
// something other than the registry's text, or breaks the table.
func readTables(page string) (tables [][][]string, err error) {
	var table [][]string
	for i, line := range strings.Split(page, "\n") {
		if !strings.HasPrefix(line, "|") {
			if table != nil {
				tables, table = append(tables, table), nil
			}
			continue
		}
		if table == nil { // the header, then the delimiter row, which the loop skips as table stays empty
			table = [][]string{}
			continue
		}
		if strings.HasPrefix(line, "| ---") || strings.HasPrefix(line, "| :--") {
			continue
		}
		row, err := readRow(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w: %s", i+1, err, line)
		}
		table = append(table, row)
	}
	if table != nil {
		tables = append(tables, table)
	}
	return tables, nil
}

// readRow splits a table row at its unescaped pipes and reads each cell.
func readRow(line string) ([]string, error) {
	if !strings.HasSuffix(line, " |") {
		return nil, fmt.Errorf("the row does not end with \" |\"")
	}
	var cells []string
	var cell strings.Builder
	for i := 1; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			cell.WriteByte(c)
			cell.WriteByte(line[i+1])
			i++
		case c == '|':
			text, err := readCell(strings.TrimSpace(cell.String()))
			if err != nil {
				return nil, fmt.Errorf("cell %d: %w", len(cells)+1, err)
			}
			cells = append(cells, text)
			cell.Reset()
		default:
			cell.WriteByte(c)
		}
	}
	return cells, nil
}

func readCell(md string) (string, error) {
	if inner, ok := strings.CutPrefix(md, "`"); ok && strings.HasSuffix(inner, "`") && !strings.Contains(inner[:len(inner)-1], "`") {
		return inner[:len(inner)-1], nil
	}
	var text strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		switch {
		case c == '\\' && i+1 < len(md) && strings.IndexByte(markdownSyntax, md[i+1]) >= 0:
			text.WriteByte(md[i+1])
			i++
		case c == '&':
			end := strings.IndexByte(md[i:], ';')
			if end < 0 || markdownEntities[md[i:i+end+1]] == "" {
				return "", fmt.Errorf("& that is none of the entities &lt; &gt; &amp; at byte %d of %q", i, md)
			}
			text.WriteString(markdownEntities[md[i:i+end+1]])
			i += end
		case strings.IndexByte(markdownSyntax, c) >= 0 && strings.IndexByte(markdownLiteral, c) < 0:
			return "", fmt.Errorf("unescaped %q at byte %d of %q", c, i, md)
		default:
			text.WriteByte(c)
		}
	}
	return text.String(), nil
}

// docsPages renders reg's Markdown pages alone, by language tag.
func docsPages(t *testing.T, reg *registry.Registry) map[string]string {
	t.Helper()
	cfg := testConfig()
	cfg.GoOut, cfg.TSOut, cfg.JSONOut, cfg.DocsOut = "", "", "", "docs"
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	pages := map[string]string{}
	for _, lang := range reg.Languages() {
		for _, f := range files {
			if filepath.Base(f.Path) == docsFile(lang) {
				pages[lang] = string(f.Data)
			}
		}
		require.Contains(t, pages, lang, "no page in %s", lang)
	}
	return pages
}

// wantCodeRows is the code table as the registry says it in lang: code,
// name, label, meaning, valid on the wire, browser may send, reconnect,
// reference, note.
func wantCodeRows(reg *registry.Registry, lang string) [][]string {
	t := messages.For(lang)
	var rows [][]string
	for _, c := range reg.Codes {
		rows = append(rows, []string{strconv.Itoa(int(c.Value)), c.Name, c.Label,
			c.Description.In(lang),
			t.YesNo(c.WireValid), t.YesNo(c.BrowserCanSend), t.PolicyName(reg.Policy(c.Value)), c.Reference,
			c.RuleException.In(lang)})
	}
	return rows
}

// wantRangeRows is the range table as the registry says it in lang, each
// range followed by its parts: span, title, meaning, valid on the wire,
// browser may send, reconnect, reference.
func wantRangeRows(reg *registry.Registry, lang string) [][]string {
	t := messages.For(lang)
	row := func(b registry.Block, title string) []string {
		return []string{fmt.Sprintf("%d-%d", b.First, b.Last), title, b.Description.In(lang),
			t.YesNo(b.WireValid), t.YesNo(b.BrowserCanSend), t.PolicyName(b.Policy), b.Reference}
	}
	var rows [][]string
	for _, r := range reg.Ranges {
		label := r.Label.In(lang)
		rows = append(rows, row(r.Block, label))
		for _, p := range r.Parts {
			rows = append(rows, row(p.Block, label+" › "+p.Label.In(lang)))
		}
	}
	return rows
}

// TestDocsTablesSayWhatTheRegistrySays reads the code and range tables of
// every language's page back, cell by cell, and compares each with the
// registry: a column in the wrong place, a fact read from the wrong field
// or text that Markdown would read as syntax all show.
func TestDocsTablesSayWhatTheRegistrySays(t *testing.T) {
	for _, path := range []string{"../../codes.yaml", "testdata/golden/registry.yaml",
		"testdata/languages/registry.yaml", "../../examples/registries/chat.yaml"} {
		reg := loadRegistry(t, path)
		for lang, page := range docsPages(t, reg) {
			tables, err := readTables(page)
			require.NoError(t, err, "%s, %s page", path, lang)
			require.Len(t, tables, 2, "%s, %s page: the code table and the range table", path, lang)
			assert.Equal(t, wantCodeRows(reg, lang), tables[0], "%s, %s page: the code table", path, lang)
			assert.Equal(t, wantRangeRows(reg, lang), tables[1], "%s, %s page: the range table", path, lang)
		}
	}
}

// TestGoldenRegistryHoldsEveryMix keeps the golden registry, which the
// tests above read back too, able to show a mix-up: its codes hold every
// combination of facts a registry allows, a code and a block have facts
// that differ, and each of its three or more languages has a description
// of some code and lacks one of another.
func TestGoldenRegistryHoldsEveryMix(t *testing.T) {
	reg := loadRegistry(t, "testdata/golden/registry.yaml")
	seen := map[registry.Facts]bool{}
	for _, c := range reg.Codes {
		seen[c.Facts] = true
	}
	assert.Equal(t, map[registry.Facts]bool{{WireValid: true, BrowserCanSend: true}: true,
		{WireValid: true, BrowserCanSend: false}: true, {WireValid: false, BrowserCanSend: false}: true}, seen,
		"codes valid and sendable, valid only, and neither (sendable only is refused)")
	blockDiffers := false
	for _, r := range reg.Ranges {
		blockDiffers = blockDiffers || r.WireValid != r.BrowserCanSend
		for _, p := range r.Parts {
			blockDiffers = blockDiffers || p.WireValid != p.BrowserCanSend
		}
	}
	assert.True(t, blockDiffers, "no range or part whose facts differ")
	languages := reg.Languages()
	assert.GreaterOrEqual(t, len(languages), 3)
	for _, lang := range languages[1:] {
		has, lacks := false, false
		for _, c := range reg.Codes {
			_, ok := c.Description.Translations[lang]
			has, lacks = has || ok, lacks || !ok
		}
		assert.True(t, has && lacks, "%s: some code must have a description in it and some lack one", lang)
	}
}

func TestReadTables(t *testing.T) {
	tables, err := readTables("# T\n\n| A | B |\n| --- | :---: |\n| `x` | a \\| b &lt;c&gt; \\*d\\* |\n\ntext\n\n| C |\n| --- |\n| 1-2 |\n")
	require.NoError(t, err)
	assert.Equal(t, [][][]string{{{"x", "a | b <c> *d*"}}, {{"1-2"}}}, tables)
	for _, bad := range []string{"| a *b* |", "| a <b> |", "| a & b |", "| [x](y) |", "| a |b"} {
		_, err := readTables("| H |\n| --- |\n" + bad + "\n")
		assert.Error(t, err, bad)
	}
}

// TestChinesePageHasNoEnglishFixedText reads close-codes.zh-CN.md as
// generated from codes.yaml: headings, column names, facts and range
// titles must all be Chinese.
func TestChinesePageHasNoEnglishFixedText(t *testing.T) {
	reg, err := registry.Load("../../codes.yaml")
	require.NoError(t, err)
	cfg := testConfig()
	cfg.GoOut, cfg.TSOut = "", ""
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	var page string
	for _, f := range files {
		if filepath.Base(f.Path) == "close-codes.zh-CN.md" {
			page = string(f.Data)
		}
	}
	require.NotEmpty(t, page)
	english := regexp.MustCompile(`[A-Za-z]{2,}`)
	codeRows, rangeRows := 0, 0
	for _, line := range strings.Split(page, "\n") {
		cells := strings.Split(line, "|")
		switch {
		case strings.HasPrefix(line, "#"):
			for _, word := range english.FindAllString(line, -1) {
				assert.Equal(t, "WebSocket", word, "heading %q", line)
			}
		case strings.HasPrefix(line, "| 关闭码 |"):
			assert.Empty(t, english.FindAllString(line, -1), "column names %q", line)
		case len(cells) == 9 && strings.Contains(line, " › ") || len(cells) == 9 && regexp.MustCompile(`^\| \d+-\d+ \|`).MatchString(line):
			rangeRows++
			title, facts := cells[2], strings.Join(cells[4:7], "|")
			assert.Empty(t, english.FindAllString(title+facts, -1), "range row %q", line)
		case len(cells) == 11 && regexp.MustCompile(`^\| \d+ \|`).MatchString(line):
			codeRows++
			assert.Empty(t, english.FindAllString(strings.Join(cells[5:8], "|"), -1), "facts and reconnect %q", line)
			note := strings.TrimSpace(cells[9])
			assert.True(t, note == "" || regexp.MustCompile(`\p{Han}`).MatchString(note), "note in Chinese: %q", line)
		}
	}
	parts := 0
	for _, r := range reg.Ranges {
		parts += len(r.Parts)
	}
	assert.Equal(t, len(reg.Codes), codeRows, "every code row was checked")
	assert.Equal(t, len(reg.Ranges)+parts, rangeRows, "every range and part row was checked")
	assert.Contains(t, page, "## 范围")
	assert.Contains(t, page, "| 4000-4999 | 私有使用 |")
}
