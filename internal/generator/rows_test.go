package generator

import (
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"
)

// execute runs template source src, with the functions the built-in
// templates have, on data.
func execute(src string, data any) (string, error) {
	tmpl := template.Must(template.New("t").Option("missingkey=error").Funcs(templateFuncs).Parse(src))
	var b strings.Builder
	err := tmpl.Execute(&b, data)
	return b.String(), err
}

// TestRowsPrintsWhatRangePrints renders the same table with {{range}} and
// with rows, over fields of every kind rows prints, and over a list of
// strings.
func TestRowsPrintsWhatRangePrints(t *testing.T) {
	type row struct {
		Name  string
		Value int
		Small uint8
		Label Text
	}
	data := map[string]any{
		"Rows": []row{
			{"NormalClosure", 1000, 7, newText("Normal <Closure>")},
			{"Private", 4999, 255, newText("100% \"quoted\"")},
			{"", -1, 0, newText("")},
		},
		"Lines": []string{"1: 2,", "", "%s stays"},
		"Empty": []string{},
	}
	render := func(src string) string {
		out, err := execute(src, data)
		require.NoError(t, err)
		return out
	}
	want := render("[\n{{- range .Rows}}\n  {{.Name}} = {{.Value}} ({{.Small}}) %d {{.Label.TS}};\n{{- end}}\n]")
	got := render("[\n{{- rows \"  %s = %s (%s) %d %s;\" .Rows \"Name\" \"Value\" \"Small\" \"Label.TS\"}}\n]")
	require.Equal(t, want, got)
	require.Contains(t, got, `  Private = 4999 (255) %d "100% \"quoted\"";`)

	want = render("{{- range .Lines}}\n\t{{.}}{{end}}")
	require.Equal(t, want, render(`{{- rows "\t%s" .Lines}}`))
	require.Equal(t, "", render(`{{- rows "%s" .Empty}}`), "an empty list prints nothing")
}

// TestRowsRepeatsListLines: a line whose %s is a list prints once for each
// item, and not at all for an empty list, as a nested range does.
func TestRowsRepeatsListLines(t *testing.T) {
	data := map[string]any{
		"GoType": "Code",
		"Codes": []CodeView{
			{Name: "NormalClosure", Value: 1000, DocLines: []string{"NormalClosure is code 1000.", "Reference: RFC 6455."}},
			{Name: "Bare", Value: 4000},
			{Name: "One", Value: 4001, DocLines: []string{"One line."}},
		},
	}
	render := func(src string) string {
		out, err := execute(src, data)
		require.NoError(t, err)
		return out
	}
	want := render("const (\n{{- range .Codes}}\n{{- range .DocLines}}\n\t// {{.}}\n{{- end}}\n\t{{.Name}} {{$.GoType}} = {{.Value}}\n{{end -}}\n)")
	got := render(`const (
{{- rows (print "\t// %s\n\t%s " .GoType " = %s\n") .Codes "DocLines" "Name" "Value" -}}
)`)
	require.Equal(t, want, got)
	require.Contains(t, got, "\n\tBare Code = 4000\n\n\t// One line.\n")

	want = render("{{- range .Codes}}\n  /**\n{{- range .DocLines}}\n   * {{.}}\n{{- end}}\n   */\n  {{.Name}}: {{.Value}},\n{{- end}}")
	got = render("{{- rows `  /**\n   * %s\n   */\n  %s: %s,` .Codes \"DocLines\" \"Name\" \"Value\"}}")
	require.Equal(t, want, got)
}

// TestRowsErrors: misuse is an execution error that says what is wrong.
func TestRowsErrors(t *testing.T) {
	data := map[string]any{
		"Codes":  []CodeView{{Value: 1000, Name: "NormalClosure"}},
		"Lines":  []string{"a"},
		"Flags":  []bool{true},
		"Ranges": []RangeView{{Name: "Private"}},
		"Single": "text",
	}
	for src, want := range map[string]string{
		`{{rows "%s" .Single}}`:                        "rows: list is string, not a slice",
		`{{rows "%s %s" .Codes "Name"}}`:               `format "%s %s" has 2 %s for 1 values a row`,
		`{{rows "no holes" .Lines}}`:                   `format "no holes" has 0 %s for 1 values a row`,
		`{{rows "%s" .Codes "Nmae"}}`:                  "rows: generator.CodeView has no field Nmae",
		`{{rows "%s" .Codes "Label.TS.X"}}`:            "rows: Label.TS.X: string is not a struct",
		`{{rows "%s" .Codes "Label"}}`:                 "rows: field Label is generator.Text; rows prints strings, integers and lists of them",
		`{{rows "%s" .Ranges "Parts"}}`:                "rows: field Parts is []generator.PartView; rows prints strings, integers and lists of them",
		`{{rows "// %s %s" .Codes "DocLines" "Name"}}`: `rows: format line "// %s %s" prints a list and more; give the list a line of its own`,
		`{{rows "%s" .Codes}}`:                         "rows: the list holds generator.CodeView; name the fields to print",
		`{{rows "%s" .Flags}}`:                         "rows: the list holds bool; name the fields to print",
	} {
		_, err := execute(src, data)
		require.Error(t, err, src)
		require.Contains(t, err.Error(), want, src)
	}
}
