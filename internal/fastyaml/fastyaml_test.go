package fastyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// readByYAMLv3 reads data as the registry reader does when Parse declines:
// one document, its root node.
func readByYAMLv3(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("a second document, or an error after the first: %v", err)
	}
	if len(doc.Content) != 1 {
		return nil, fmt.Errorf("document holds %d nodes", len(doc.Content))
	}
	return doc.Content[0], nil
}

// sameTree returns the first difference between two trees in what a reader
// of the tree can see, comments aside, or "" when there is none.
func sameTree(path string, want, got *yaml.Node) string {
	if (want == nil) != (got == nil) {
		return fmt.Sprintf("%s: yaml.v3 has %v, Parse %v", path, want, got)
	}
	if want == nil {
		return ""
	}
	type view struct {
		Kind         yaml.Kind
		Style        yaml.Style
		Tag, Value   string
		Anchor       string
		Line, Column int
		Children     int
		Alias        bool
	}
	w := view{want.Kind, want.Style, want.Tag, want.Value, want.Anchor, want.Line, want.Column, len(want.Content), want.Alias != nil}
	g := view{got.Kind, got.Style, got.Tag, got.Value, got.Anchor, got.Line, got.Column, len(got.Content), got.Alias != nil}
	if w != g {
		return fmt.Sprintf("%s: yaml.v3 reads %+v, Parse %+v", path, w, g)
	}
	for i := range want.Content {
		if d := sameTree(fmt.Sprintf("%s/%d", path, i), want.Content[i], got.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkAgreement fails t if Parse accepts data and yaml.v3 reads anything
// else from it; it reports whether Parse accepted.
func checkAgreement(t *testing.T, data []byte) bool {
	t.Helper()
	got, ok := Parse(data)
	if !ok {
		return false
	}
	want, err := readByYAMLv3(data)
	if err != nil {
		t.Fatalf("Parse accepts %q, yaml.v3 refuses it: %v", data, err)
	}
	if d := sameTree("root", want, got); d != "" {
		t.Fatalf("Parse and yaml.v3 differ on %q\n%s", data, d)
	}
	return true
}

// repositoryYAML returns every YAML file in the repository: the registry,
// the examples, and the test registries, good and bad.
func repositoryYAML(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = data
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(files), 50, "the walk should find the registry and the test corpora")
	return files
}

// TestRepositoryRegistries holds Parse to yaml.v3 on every YAML file in the
// repository, and makes sure the real registry takes the fast path.
func TestRepositoryRegistries(t *testing.T) {
	accepted := 0
	for _, data := range repositoryYAML(t) {
		if checkAgreement(t, data) {
			accepted++
		}
	}
	// The same files as a Windows checkout writes them, CR LF.
	for _, data := range repositoryYAML(t) {
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		require.Equal(t, checkAgreement(t, data), checkAgreement(t, crlf), "CR LF line ends must not change what Parse reads")
	}
	codes, err := os.ReadFile(filepath.Join("..", "..", "codes.yaml"))
	require.NoError(t, err)
	_, ok := Parse(codes)
	require.True(t, ok, "codes.yaml must take the fast path")
	t.Logf("Parse reads %d of the repository's YAML files; yaml.v3 the rest", accepted)
}

// TestLargeRegistry builds a registry of 4,000 codes in the shape of
// codes.yaml, with quoted and commented values mixed in, and checks that
// Parse reads it, and reads it as yaml.v3 does.
func TestLargeRegistry(t *testing.T) {
	var b strings.Builder
	b.WriteString("# A large registry.\nreason:\n  max_bytes: 123\n  reference: RFC 6455, 5.5\n\ncodes:\n")
	for code := 1000; code < 5000; code++ {
		fmt.Fprintf(&b, "  - code: %d # code %d\n    name: Code%d\n    label: 'Code %d'\n", code, code, code, code)
		fmt.Fprintf(&b, "    aliases: [CODE_%d, C%d]\n    description:\n      en: \"Code %d: a test, #%d.\"\n      zh-CN: 代码 %d。\n", code, code, code, code, code)
		fmt.Fprintf(&b, "    reference: https://example.com/codes#%d\n    wire_valid: %t\n\n", code, code%2 == 0)
	}
	data := []byte(b.String())
	require.True(t, checkAgreement(t, data), "Parse must read the large registry")
}

// acceptedShapes are shapes Parse reads; each is checked against yaml.v3.
var acceptedShapes = []string{
	"a: b",
	"a: b\n",
	"  a: b\n  c: d\n",
	"a: b # comment\nc: d\n",
	"a:   spaced value   \n",
	"a: C# and F#\n",
	"a: http://example.com/x?y=1#z\n",
	"a: 'single # quoted: text'\n",
	"a: \"double # quoted: text\"  # and a comment\n",
	"a: ''\nb: \"\"\n",
	"a: []\nb: [x]\nc: [ x , y_1,z-2 ]  # list\n",
	"a: 1\nb: 0\nc: 65535\nd: 123456789012345678\n",
	"a: true\nb: False\nc: TRUE\nd: null\ne: ~\nf: Null\n",
	"true: 1\nnull: 2\n",
	"a: yes\nb: no\nc: on\nd: y\n",
	"a: 中文，文本。\nb: Ünïcödé\n",
	"a:\n  b:\n    c: d\n  e: f\n",
	"# head\n\na:\n  # between\n  - x\n  - y\n\n  # after\nb: c\n",
	"codes:\n  - code: 1000\n    name: A\n  -   code: 1001\n      name: B\n",
	"a:\n    - b: c\n      d:\n        e: f\n    - g\n    - [h]\n    - 'i'\n",
	"a:\n  - b:\n      - c: d\n",
	"a: b\n    # an indented comment\nc: d\n",
	"a: x\u00a0y\n",
	"a: b\r\nc:\r\n  - d # e\r\n\r\n  - [f, g]\r\n",
	"a: b\r",
}

// TestAcceptsAndAgrees: Parse reads every accepted shape, as yaml.v3 does.
func TestAcceptsAndAgrees(t *testing.T) {
	for _, text := range acceptedShapes {
		t.Run(text, func(t *testing.T) {
			require.True(t, checkAgreement(t, []byte(text)), "Parse should read %q", text)
		})
	}
}

// declinedShapes are shapes Parse leaves to yaml.v3: each is read
// differently, refused, or outside what Parse reads.
var declinedShapes = []string{
	"",
	"# only a comment\n",
	"- a\n- b\n",
	"plain\n",
	"a: b\rc: d\n",
	"a: b\r\r\nc: d\n",
	"\ufeffa: b\n",
	"a:\tb\n",
	"---\na: b\n",
	"a: b\n...\n",
	"%YAML 1.2\n---\na: b\n",
	"a: b\n---\nc: d\n",
	"a:\n",
	"a:\n- b\n",
	"a: b\n  c\n",
	"a: 'it''s'\n",
	"a: \"tab\\t\"\n",
	"a: |\n  text\n",
	"a: >\n  text\n",
	"a: &x b\nc: *x\n",
	"<<: {a: b}\n",
	"a: !!str 1\n",
	"a: {b: c}\n",
	"a: [b, [c]]\n",
	"a: [b,]\n",
	"a: [b\n",
	"a: b: c\n",
	"a: b:\n",
	"a:b\n",
	"a : b\n",
	"\"a\": b\n",
	"1: b\n",
	"a: 1.5\n",
	"a: 0x10\n",
	"a: 010\n",
	"a: 1_000\n",
	"a: -1\n",
	"a: +1\n",
	"a: .inf\n",
	"a: 2026-11-23\n",
	"a: 1234567890123456789\n",
	"a: @b\n",
	"a: `b`\n",
	"a: b\u2028c\n",
	"a: b\u0085c\n",
	"a: b\x7fc\n",
	"a: b\x00c\n",
	"a:\n  b: c\n d: e\n",
	"a: b\n  - c\n",
	"- a: b\n",
	"a:\n  -\n",
	"a:\n  - - b\n",
	"a: b\nb:\n  - c: d\n   e: f\n",
	"a: " + strings.Repeat("b", 10) + "\n" + strings.Repeat("k", 200) + ": v\n",
	strings.Repeat("a:\n ", 40) + "b: c\n",
}

// TestDeclines: Parse declines every declined shape.
func TestDeclines(t *testing.T) {
	for _, text := range declinedShapes {
		t.Run(text, func(t *testing.T) {
			_, ok := Parse([]byte(text))
			require.False(t, ok, "Parse should leave %q to yaml.v3", text)
		})
	}
}

// FuzzParse holds Parse to its promise: whatever it accepts, yaml.v3 reads
// as the same tree. Seeds: every YAML file in the repository, and the
// shapes the tests list.
//
//	go test ./internal/fastyaml -run='^$' -fuzz='^FuzzParse$' -fuzztime=5m
func FuzzParse(f *testing.F) {
	for _, data := range repositoryYAML(f) {
		f.Add(data)
	}
	for _, text := range append(acceptedShapes, declinedShapes...) {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgreement(t, data)
	})
}

// BenchmarkParse compares Parse with yaml.v3 on the registry
// CLOSECODES_BIG_REGISTRY names, or on codes.yaml.
//
//	CLOSECODES_BIG_REGISTRY=big.yaml go test ./internal/fastyaml -run='^$' -bench=.
func BenchmarkParse(b *testing.B) {
	path := os.Getenv("CLOSECODES_BIG_REGISTRY")
	if path == "" {
		path = filepath.Join("..", "..", "codes.yaml")
	}
	data, err := os.ReadFile(path)
	require.NoError(b, err)
	b.Run("impl=fastyaml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, ok := Parse(data); !ok {
				b.Fatal("Parse declined")
			}
		}
	})
	b.Run("impl=yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, err := readByYAMLv3(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
