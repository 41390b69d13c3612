// Package templates_test tests the example templates beside it: each is
// rendered as `gencodes -templates examples/templates` would, and what it
// makes is run and compared with the Go package.
package templates_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/generated/go/closecode"
	"github.com/closecodes/closecodes/internal/generator"
	"github.com/closecodes/closecodes/internal/registry"
)

// TestPythonExampleTemplate renders this directory with the same view
// model as the built-in outputs, as `gencodes -templates` does, runs the
// Python module it makes with python3, and requires it to agree with this
// package on all 65,536 codes.
func TestPythonExampleTemplate(t *testing.T) {
	python, err := exec.LookPath("python3")
	require.NoError(t, err, "python3 is required to test the example Python template")

	reg, err := registry.Load("../../codes.yaml")
	require.NoError(t, err)
	out := t.TempDir()
	opts := generator.Config{
		GoPackage: "closecode", GoType: "Code", TSStyle: generator.TSStyleConst, TSPackage: "closecodes",
		TemplatesDir: ".", TemplatesOut: out,
	}
	files, err := generator.Generate(reg, opts)
	require.NoError(t, err)
	require.Len(t, files, 1, "only the custom template renders when the built-in outputs are off")
	assert.Equal(t, filepath.Join(out, "closecodes.py"), files[0].Path)
	_, err = generator.Write(files)
	require.NoError(t, err)

	locales := []string{"zh-CN", "zh_cn", "zh", "en-US", "fr", ""}
	input, err := json.Marshal(map[string]any{"locales": locales})
	require.NoError(t, err)
	cmd := exec.Command(python, "dump.py", out)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "python3 dump.py: %s", stderr.String())

	var py struct {
		Codes          [][]any        `json:"codes"`
		Names          map[string]int `json:"names"`
		MaxReasonBytes int            `json:"maxReasonBytes"`
	}
	require.NoError(t, json.Unmarshal(stdout, &py))
	assert.Equal(t, closecode.MaxReasonBytes, py.MaxReasonBytes)
	compareCodes(t, py.Codes, locales)
	want := map[string]int{}
	for _, c := range reg.Codes {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			want[name] = int(c.Value)
		}
	}
	assert.Equal(t, want, py.Names, "Python knows every name and alias, and no other")
	for name, value := range py.Names {
		c, err := closecode.Parse(name)
		require.NoError(t, err, name)
		assert.Equal(t, int(c), value, name)
	}
}

// compareCodes requires the Python module's answers for all 65,536 codes to
// equal the Go package's, in the order dump.py prints them.
func compareCodes(t *testing.T, theirs [][]any, locales []string) {
	t.Helper()
	require.Len(t, theirs, 65536)
	for v := 0; v <= 0xffff; v++ {
		c := closecode.Code(v)
		name := ""
		if c.IsKnown() {
			name = c.String()
		}
		ours := []any{name, c.Label(), c.Description(), c.Reference(),
			c.IsKnown(), c.IsValid(), c.BrowserCanSend(), c.Range().Name}
		for _, locale := range locales {
			ours = append(ours, c.DescriptionIn(locale))
		}
		x, err := json.Marshal(ours)
		require.NoError(t, err)
		y, err := json.Marshal(theirs[v])
		require.NoError(t, err)
		if !bytes.Equal(x, y) {
			t.Fatalf("code %d: Go says %s, Python says %s", v, x, y)
		}
	}
}

// TestPythonTemplateRefusesKeywords: a code named like a Python keyword
// cannot be an IntEnum member, so the template stops with a message at its
// own line rather than writing a module that does not parse.
func TestPythonTemplateRefusesKeywords(t *testing.T) {
	for _, name := range []string{"None", "True", "False"} {
		reg, err := registry.Parse("app.yaml", []byte("extends: standard\ncodes:\n  - {code: 4001, name: '"+name+
			"', label: K, description: K., reference: R, wire_valid: true, browser_can_send: true}\n"))
		require.NoError(t, err)
		_, err = generator.Generate(reg, generator.Config{GoPackage: "closecode", GoType: "Code",
			TSStyle: generator.TSStyleConst, TSPackage: "closecodes", TemplatesDir: ".", TemplatesOut: t.TempDir()})
		assert.EqualError(t, err, `closecodes.py.tmpl:4:4: code 4001 name "`+name+`" is a Python keyword, `+
			"which no IntEnum member can be; rename the code or leave this template out", name)
	}
}
