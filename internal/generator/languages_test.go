package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/npmtools"
	"github.com/closecodes/closecodes/internal/registry"
)

// languageCase is one vector of testdata/languages/vectors.json: the
// description of Code that a request for Locale must give.
type languageCase struct {
	Code   int    `json:"code"`
	Locale string `json:"locale"`
	Want   string `json:"want"`
	Why    string `json:"why"`
}

func loadLanguageCases(t *testing.T) (languages []string, cases []languageCase) {
	t.Helper()
	data, err := os.ReadFile("testdata/languages/vectors.json")
	require.NoError(t, err)
	var v struct {
		Languages []string       `json:"languages"`
		Cases     []languageCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Cases)
	return v.Languages, v.Cases
}

// TestLanguageVectorsAgreeWithTheRegistry holds the vectors to the rule the
// registry package states, MatchLanguage then Text.In, so that the
// vectors and the rule cannot drift apart.
func TestLanguageVectorsAgreeWithTheRegistry(t *testing.T) {
	languages, cases := loadLanguageCases(t)
	reg := loadRegistry(t, "testdata/languages/registry.yaml")
	require.Equal(t, languages, reg.Languages())
	for _, tc := range cases {
		c := reg.Named(uint16(tc.Code))
		require.NotNil(t, c, "code %d", tc.Code)
		got := c.Description.In(registry.MatchLanguage(languages, tc.Locale))
		assert.Equal(t, tc.Want, got, "code %d in %q: %s", tc.Code, tc.Locale, tc.Why)
	}
}

// TestGeneratedLanguageLookups renders the five-language registry of
// testdata/languages and runs every vector against the generated Go
// package, the JavaScript module and the compiled TypeScript: the order of
// the lookup's steps and the fall back to English must show in each.
func TestGeneratedLanguageLookups(t *testing.T) {
	languages, cases := loadLanguageCases(t)
	dir := t.TempDir()
	cfg := testConfig()
	cfg.GoOut, cfg.TSOut, cfg.DocsOut, cfg.JSONOut = filepath.Join(dir, "closecode"), filepath.Join(dir, "ts"), "", ""
	files, err := Generate(loadRegistry(t, "testdata/languages/registry.yaml"), cfg)
	require.NoError(t, err)
	_, err = Write(files)
	require.NoError(t, err)
	input, err := json.Marshal(cases)
	require.NoError(t, err)

	check := func(t *testing.T, got languageAnswers) {
		t.Helper()
		assert.Equal(t, languages, got.Languages)
		require.Len(t, got.Descriptions, len(cases))
		for i, tc := range cases {
			assert.Equal(t, tc.Want, got.Descriptions[i], "code %d in %q: %s", tc.Code, tc.Locale, tc.Why)
		}
	}
	t.Run("go", func(t *testing.T) {
		check(t, describeInGo(t, dir, input))
	})
	t.Run("js", func(t *testing.T) {
		check(t, describeInJS(t, filepath.Join(dir, "ts/js/texts.js"), input))
	})
	t.Run("ts", func(t *testing.T) {
		tsc := npmtools.Path(t, ".bin/tsc")
		tsconfig := fmt.Sprintf(`{"compilerOptions": {"target": "es2022", "module": "nodenext", "strict": true,
		"rootDir": %q, "outDir": %q, "types": []}, "files": ["ts/closecodes.ts", "ts/texts.ts"]}`,
			filepath.Join(dir, "ts"), filepath.Join(dir, "out"))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(tsconfig), 0o644))
		out, err := exec.Command(tsc, "-p", filepath.Join(dir, "tsconfig.json")).CombinedOutput()
		require.NoError(t, err, "tsc: %s", out)
		check(t, describeInJS(t, filepath.Join(dir, "out/texts.js"), input))
	})
}

// languageAnswers is what a generated package says: its languages, and the
// description for each case, "" for none.
type languageAnswers struct {
	Languages    []string `json:"languages"`
	Descriptions []string `json:"descriptions"`
}

// describeInGo runs a program against the Go package in dir/closecode that
// reads the cases on standard input and prints its answers as JSON.
func describeInGo(t *testing.T, dir string, cases []byte) languageAnswers {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module langvec\n\ngo 1.23\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(`package main

import (
	"encoding/json"
	"os"

	"langvec/closecode"
)

func main() {
	var cases []struct {
		Code   closecode.Code
		Locale string
	}
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	out := map[string][]string{"languages": closecode.DescriptionLanguages(), "descriptions": {}}
	for _, c := range cases {
		out["descriptions"] = append(out["descriptions"], c.Code.DescriptionIn(c.Locale))
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`), 0o644))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	return runAnswers(t, cmd, cases)
}

// describeInJS imports a generated texts module in Node and answers the
// cases on standard input as JSON.
func describeInJS(t *testing.T, module string, cases []byte) languageAnswers {
	t.Helper()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is required: install Node.js 20 or later")
	abs, err := filepath.Abs(module)
	require.NoError(t, err)
	script := fmt.Sprintf(`import { readFileSync } from "node:fs";
const m = await import(%q);
const cases = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  languages: m.closeCodeLanguages(),
  descriptions: cases.map((c) => m.describeCloseCode(c.code, c.locale) ?? ""),
}));`, "file://"+filepath.ToSlash(abs))
	return runAnswers(t, exec.Command(node, "--input-type=module", "-e", script), cases)
}

func runAnswers(t *testing.T, cmd *exec.Cmd, input []byte) languageAnswers {
	t.Helper()
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s: %s", cmd, stderr.String())
	var got languageAnswers
	require.NoError(t, json.Unmarshal(out, &got), "%s", out)
	return got
}
