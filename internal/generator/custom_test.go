package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func customConfig(dir string) Config {
	opts := DefaultConfig()
	opts.GoOut, opts.TSOut, opts.DocsOut = "", "", ""
	opts.TemplatesDir = dir
	opts.TemplatesOut = "out"
	return opts
}

func writeTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

func TestCustomTemplatesRender(t *testing.T) {
	dir := writeTemplates(t, map[string]string{
		"codes.txt.tmpl": `{{range .Codes}}{{template "line" .}}{{end}}`,
		"_line.tmpl":     `{{define "line"}}{{.Value}} {{.Name}} {{.Label.TS}}{{"\n"}}{{end}}`,
		"README":         "not a template",
	})
	files, err := Generate(loadRegistry(t, "testdata/golden/registry.yaml"), customConfig(dir))
	require.NoError(t, err)
	require.Len(t, files, 1, "partials and other files render nothing")
	assert.Equal(t, filepath.Join("out", "codes.txt"), files[0].Path)
	assert.Equal(t, "1000 NormalClosure \"Normal Closure\"\n4100 Custom \"Custom\"\n4999 Last \"Quote \\\" backslash \\\\ apostrophe ' end\"\n", string(files[0].Data))
}

func TestCustomTemplateErrorsNameFileAndLine(t *testing.T) {
	reg := loadRegistry(t, "testdata/golden/registry.yaml")
	for _, tc := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"a.tmpl": "ok\n{{range .Codes}}\n{{end"}, `a.tmpl:3: unclosed action`},
		{map[string]string{"b.tmpl": "line one\n  {{.NoSuchField}}"}, `b.tmpl:2:4: executing "b.tmpl" at <.NoSuchField>: can't evaluate field NoSuchField`},
		{map[string]string{"c.tmpl": "{{template \"missing\" .}}"}, `c.tmpl:1:11: executing "c.tmpl" at <{{template "missing" .}}>: template "missing" not defined`},
		{map[string]string{"d.tmpl": "{{nosuchfunc 1}}"}, `d.tmpl:1: function "nosuchfunc" not defined`},
	} {
		dir := writeTemplates(t, tc.files)
		_, err := Generate(reg, customConfig(dir))
		require.Error(t, err)
		var te *TemplateError
		require.ErrorAs(t, err, &te)
		assert.Contains(t, err.Error(), filepath.Join(dir, tc.want))
	}

	_, err := Generate(reg, customConfig(t.TempDir()))
	assert.ErrorContains(t, err, "holds no *.tmpl file")
	_, err = Generate(reg, customConfig(filepath.Join(t.TempDir(), "nope")))
	assert.ErrorContains(t, err, "cannot be read")
}
