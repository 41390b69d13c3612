package registry

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCRLFReadsTheSame: a registry saved with Windows line ends (CR LF), as
// a checkout with autocrlf writes it, reads as the same model, and a
// problem in it is reported at the same line and column.
func TestCRLFReadsTheSame(t *testing.T) {
	lf, err := os.ReadFile("../../codes.yaml")
	require.NoError(t, err)
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))

	want, err := Parse("codes.yaml", lf)
	require.NoError(t, err)
	got, err := Parse("codes.yaml", crlf)
	require.NoError(t, err)
	require.Equal(t, want, got)

	broken := bytes.Replace(lf, []byte("code: 1001"), []byte("code: 70000"), 1)
	_, wantErr := Parse("codes.yaml", broken)
	require.Error(t, wantErr)
	_, gotErr := Parse("codes.yaml", bytes.ReplaceAll(broken, []byte("\n"), []byte("\r\n")))
	require.Error(t, gotErr)
	require.Equal(t, wantErr.Error(), gotErr.Error())
	require.Contains(t, gotErr.Error(), "code 70000 is out of range")
}
