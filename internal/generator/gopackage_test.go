package generator

import (
	"fmt"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/closecodes/closecodes/internal/registry"
)

// TestNamesTheGoPackageDeclares refuses every code name and -go-type that
// the generated package already declares, read from the package itself.
func TestNamesTheGoPackageDeclares(t *testing.T) {
	for _, name := range []string{"Range", "Ranges", "Codes", "Parse", "ErrUnknown", "ErrReasonTooLong",
		"MaxReasonBytes", "ValidateReason", "DescriptionLanguages", "Reconnect", "ReconnectRetry"} {
		reg := registryWithNames(t, map[int]string{4000: name})
		_, err := Generate(reg, testConfig())
		assert.EqualError(t, err, fmt.Sprintf("codes.yaml:%d:11: code 4000 name %q collides with the generated Go API's %s; choose another name",
			reg.Codes[0].NamePos.Line, name, name), name)

		assert.True(t, GoAPI()[name], "%s is a name of the Go API, which a Go type may not take either", name)
	}
	assert.False(t, GoAPI()["Code"], "the type is not part of the API: it is the setting")
	// A code named like the Go type is reported at the code, whichever was
	// chosen.
	opts := testConfig()
	opts.GoType = "C4000"
	reg := registryWithCodes(t, []int{4000})
	_, err := Generate(reg, opts)
	assert.EqualError(t, err, fmt.Sprintf(`codes.yaml:%d:11: code 4000 name "C4000" is also the Go type name; choose another name, or another Go type name`,
		reg.Codes[len(reg.Codes)-1].NamePos.Line))
	_, err = Generate(registryWithNames(t, map[int]string{4000: "Code"}), testConfig())
	assert.ErrorContains(t, err, `code 4000 name "Code" is also the Go type name`)
	// Methods are not package-level names: a code may be called String.
	_, err = Generate(registryWithNames(t, map[int]string{4000: "String", 4001: "IsValid"}), testConfig())
	assert.NoError(t, err)
}

// registryWithNames returns codes.yaml with its codes replaced by the given
// ones, by value and name, all in 3000-4999.
func registryWithNames(t *testing.T, names map[int]string) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString(codesYAMLHead(t) + "\ncodes:\n")
	for c := 0; c <= 0xffff; c++ {
		if name, ok := names[c]; ok {
			fmt.Fprintf(&b, "  - code: %d\n    name: %s\n    label: Label %d\n    description: Code %d.\n"+
				"    reference: Test\n    wire_valid: true\n    browser_can_send: true\n", c, name, c, c)
		}
	}
	reg, err := registry.Parse("codes.yaml", []byte(b.String()))
	require.NoError(t, err)
	return reg
}

// registryWithCodes returns codes.yaml with its codes replaced by the given
// ones, all in 3000-4999 where every code is valid and sendable.
func registryWithCodes(t *testing.T, codes []int) *registry.Registry {
	t.Helper()
	var b strings.Builder
	b.WriteString(codesYAMLHead(t) + "\ncodes:\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "  - code: %d\n    name: C%d\n    label: Label %d\n    description: Code %d.\n"+
			"    reference: Test\n    wire_valid: true\n    browser_can_send: true\n", c, c, c, c)
	}
	reg, err := registry.Parse("codes.yaml", []byte(b.String()))
	require.NoError(t, err)
	return reg
}

// TestSlotLookupEitherWay compiles the Go output of a registry whose codes
// form few runs and of one whose codes are scattered, and checks String and
// IsKnown for every uint16 code against the registry.
func TestSlotLookupEitherWay(t *testing.T) {
	var scattered []int
	for c := 3000; c <= 4999; c += 97 {
		scattered = append(scattered, c)
	}
	for _, tc := range []struct {
		name  string
		codes []int
	}{
		{"runs", []int{3000, 3001, 3002, 3500, 4000, 4001, 4002, 4003, 4999}},
		{"scattered", append(scattered, 4998, 4999)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := registryWithCodes(t, tc.codes)
			dir := t.TempDir()
			opts := testConfig()
			opts.GoOut, opts.TSOut, opts.DocsOut, opts.JSONOut = filepath.Join(dir, "closecode"), "", "", ""
			files, err := Generate(reg, opts)
			require.NoError(t, err)
			requireGofmt(t, files[0].Path, files[0].Data)
			_, err = Write(files)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module slots\n\ngo 1.23\n"), 0o644))
			require.NoError(t, os.MkdirAll(filepath.Join(dir, "cmd"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "cmd", "main.go"), []byte(`package main

import (
	"fmt"

	"slots/closecode"
)

func main() {
	for c := 0; c <= 0xffff; c++ {
		if code := closecode.Code(c); code.IsKnown() {
			fmt.Println(c, code.String(), code.Label())
		}
	}
}
`), 0o644))
			cmd := exec.Command("go", "run", "./cmd")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			var want strings.Builder
			for _, c := range tc.codes {
				fmt.Fprintf(&want, "%d C%d Label %d\n", c, c, c)
			}
			assert.Equal(t, want.String(), string(out))
		})
	}
}

// TestNoCodeHasAFact renders a registry in which no code is valid on the
// wire or sendable by a browser: the checks are then plain "false".
func TestNoCodeHasAFact(t *testing.T) {
	reg, err := registry.Parse("codes.yaml", []byte(`reason: {max_bytes: 123, reference: RFC 6455}
ranges:
  - {name: Protocol, label: Protocol, first: 1000, last: 2999, description: Kept., reference: RFC 6455,
     wire_valid: false, browser_can_send: false, reconnect: unspecified}
codes:
  - {code: 1005, name: NoStatusReceived, label: No Status Rcvd, description: Never sent., reference: RFC 6455,
     wire_valid: false, browser_can_send: false}
`))
	require.NoError(t, err)
	cfg := testConfig()
	cfg.TSOut, cfg.DocsOut, cfg.JSONOut = "", "", ""
	files, err := Generate(reg, cfg)
	require.NoError(t, err)
	assert.Contains(t, string(files[0].Data), "func (c Code) IsValid() bool {\n\treturn false\n}")
}

func isSwitch(s ast.Stmt) bool {
	_, ok := s.(*ast.SwitchStmt)
	return ok
}

// TestHalfOldPackageDoesNotCompile: a run killed between its writes can
// leave texts.go from one registry beside closecode.go from another. When
// they name different numbers of codes, the package must fail to build,
// not index past a table or read another code's text.
func TestHalfOldPackageDoesNotCompile(t *testing.T) {
	render := func(codes []int) map[string][]byte {
		opts := testConfig()
		opts.GoOut, opts.TSOut, opts.DocsOut, opts.JSONOut = "closecode", "", "", ""
		files, err := Generate(registryWithCodes(t, codes), opts)
		require.NoError(t, err)
		byName := map[string][]byte{}
		for _, f := range files {
			byName[filepath.Base(f.Path)] = f.Data
		}
		return byName
	}
	fewer, more := render([]int{3000, 4000}), render([]int{3000, 3500, 4000})
	for name, pkg := range map[string]map[string][]byte{
		"texts.go with fewer codes": {"closecode.go": more["closecode.go"], "texts.go": fewer["texts.go"]},
		"texts.go with more codes":  {"closecode.go": fewer["closecode.go"], "texts.go": more["texts.go"]},
		"both from one run":         {"closecode.go": more["closecode.go"], "texts.go": more["texts.go"]},
	} {
		dir := t.TempDir()
		pkg["encoding.go"], pkg["reason.go"], pkg["reconnect.go"] = fewer["encoding.go"], fewer["reason.go"], fewer["reconnect.go"]
		pkg["go.mod"] = []byte("module halfold\n\ngo 1.23\n")
		for file, data := range pkg {
			require.NoError(t, os.WriteFile(filepath.Join(dir, file), data, 0o644))
		}
		cmd := exec.Command("go", "build", "./...")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if name == "both from one run" {
			assert.NoError(t, err, "%s: %s", name, out)
			continue
		}
		assert.Error(t, err, name)
		assert.Regexp(t, `texts\.go:\d+:\d+: invalid argument: index .*(out of bounds|must not be negative)`, string(out), name)
	}
}
