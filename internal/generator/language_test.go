package generator

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
	"github.com/closecodes/closecodes/internal/registry"
)

// languageSets are the sets of cases in the registry's language vectors.
func languageSets(t *testing.T) []struct {
	Languages []string
	Cases     []struct{ Tag, Want, Why string }
} {
	t.Helper()
	data, err := os.ReadFile("../registry/testdata/language-vectors.json")
	require.NoError(t, err)
	var v struct {
		Sets []struct {
			Languages []string
			Cases     []struct{ Tag, Want, Why string }
		}
	}
	require.NoError(t, json.Unmarshal(data, &v))
	require.GreaterOrEqual(t, len(v.Sets), 3)
	return v.Sets
}

// speakingRegistry names one code, 4000, whose description in each of
// languages is the language's tag, so that a lookup shows which language it
// chose; a second code, 4001, has only English.
func speakingRegistry(t *testing.T, languages []string) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString("reason: {max_bytes: 123, reference: R}\nranges:\n" +
		"  - {name: All, label: All, first: 0, last: 65535, description: Every code., reference: R, " +
		"wire_valid: true, browser_can_send: true, reconnect: unspecified}\ncodes:\n" +
		"  - code: 4000\n    name: Speaks\n    label: Speaks\n    reference: R\n    wire_valid: true\n" +
		"    browser_can_send: true\n    description:\n")
	for _, lang := range languages {
		fmt.Fprintf(&b, "      %s: %s\n", lang, lang)
	}
	b.WriteString("  - {code: 4001, name: English, label: English, description: en, reference: R, " +
		"wire_valid: true, browser_can_send: true}\n")
	reg, err := registry.Parse("languages.yaml", []byte(b.String()))
	require.NoError(t, err)
	require.Equal(t, languages, reg.Languages())
	return reg
}

// TestLanguageVectorsInEveryOutput runs every set of language cases against
// the generated Go, JavaScript and TypeScript of a registry in that set's
// languages: each must choose the language the vectors say, and fall back
// to English for a code without a text in it.
func TestLanguageVectorsInEveryOutput(t *testing.T) {
	sets := languageSets(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module langs\n\ngo 1.23\n"), 0o644))
	var main, js strings.Builder
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	var body strings.Builder
	var want []string
	for i, set := range sets {
		cfg := testConfig()
		pkg := fmt.Sprintf("set%d", i)
		cfg.GoOut, cfg.GoPackage = filepath.Join(dir, pkg), pkg
		cfg.TSOut, cfg.DocsOut, cfg.JSONOut = filepath.Join(dir, "ts", pkg), "", ""
		files, err := Generate(speakingRegistry(t, set.Languages), cfg)
		require.NoError(t, err)
		_, err = Write(files)
		require.NoError(t, err)
		fmt.Fprintf(&main, "\t%q\n", "langs/"+pkg)
		fmt.Fprintf(&js, "const %s = await import(%q);\n", pkg, "./ts/"+pkg+"/js/texts.js")
		for _, tc := range set.Cases {
			fmt.Fprintf(&body, "\tfmt.Println(%s.Code(4000).DescriptionIn(%q), %s.Code(4001).DescriptionIn(%q))\n", pkg, tc.Tag, pkg, tc.Tag)
			fmt.Fprintf(&js, "console.log(%s.describeCloseCode(4000, %q), %s.describeCloseCode(4001, %q));\n", pkg, tc.Tag, pkg, tc.Tag)
			want = append(want, fmt.Sprintf("%s en  %v %q: %s", tc.Want, set.Languages, tc.Tag, tc.Why))
		}
	}
	main.WriteString(")\n\nfunc main() {\n" + body.String() + "}\n")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(main.String()), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "run.mjs"), []byte(js.String()), 0o644))

	check := func(what string, out []byte, err error) {
		t.Helper()
		require.NoError(t, err, "%s: %s", what, out)
		got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		require.Len(t, got, len(want), what)
		for i, line := range got {
			w, why, _ := strings.Cut(want[i], "  ")
			assert.Equal(t, w, line, "%s: %s", what, why)
		}
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	check("Go", out, err)

	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	cmd = exec.Command(node, "run.mjs")
	cmd.Dir = dir
	out, err = cmd.CombinedOutput()
	check("JavaScript", out, err)

	// The TypeScript, compiled as written, in place of the JavaScript.
	tsc := npmtools.Path(t, ".bin/tsc")
	var sources []string
	for i := range sets {
		sources = append(sources, filepath.Join(dir, "ts", fmt.Sprintf("set%d", i), "texts.ts"))
	}
	cmd = exec.Command(tsc, append([]string{"--target", "es2020", "--module", "es2020", "--lib", "es2020",
		"--strict", "--outDir", filepath.Join(dir, "compiled")}, sources...)...)
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "tsc: %s", out)
	compiled := strings.ReplaceAll(js.String(), "/js/texts.js", "/texts.js")
	compiled = strings.ReplaceAll(compiled, "./ts/", "./compiled/")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "run-ts.mjs"), []byte(compiled), 0o644))
	cmd = exec.Command(node, "run-ts.mjs")
	cmd.Dir = dir
	out, err = cmd.CombinedOutput()
	check("TypeScript", out, err)
}
