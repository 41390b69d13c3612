package registry

import (
	"encoding/csv"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labelNotFromIANA lists the codes whose label is not IANA's name, and why.
var labelNotFromIANA = map[uint16]string{
	// IANA gives a sentence for 1014 where other codes have a name.
	1014: "Bad Gateway",
}

// ianaCitation turns a reference as IANA brackets it into the text that
// codes.yaml must contain to cite the same source.
var ianaCitation = strings.NewReplacer("RFC6455", "RFC 6455")

// TestCodesMatchIANA compares codes.yaml with the copy of IANA's registry in
// testdata: the same codes, each with IANA's name as its label and a
// reference that cites what IANA cites. A code registered without a
// reference must say that IANA is its source.
func TestCodesMatchIANA(t *testing.T) {
	f, err := os.Open("testdata/iana-close-codes.csv")
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = 3
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"code", "name", "reference"}, rows[0])

	reg, err := Load("../../codes.yaml")
	require.NoError(t, err)
	named := map[uint16]*Code{}
	for i := range reg.Codes {
		named[reg.Codes[i].Value] = &reg.Codes[i]
	}
	brackets := regexp.MustCompile(`\[([^\]]+)\]`)
	for _, row := range rows[1:] {
		if strings.Contains(row[0], "-") {
			continue // a span, such as 1016-2999 Unassigned
		}
		n, err := strconv.ParseUint(row[0], 10, 16)
		require.NoError(t, err, row[0])
		v := uint16(n)
		code := named[v]
		if !assert.NotNil(t, code, "IANA registers %d %q; codes.yaml must name it", v, row[1]) {
			continue
		}
		delete(named, v)
		wantLabel := row[1]
		if label, ok := labelNotFromIANA[v]; ok {
			wantLabel = label
		}
		assert.Equal(t, wantLabel, code.Label, "label of %d", v)
		cites := brackets.FindAllStringSubmatch(row[2], -1)
		if len(cites) == 0 {
			assert.Contains(t, code.Reference, "IANA", "%d is registered without a reference, so IANA is its source", v)
		}
		for _, cite := range cites {
			assert.Contains(t, code.Reference, ianaCitation.Replace(cite[1]), "reference of %d", v)
		}
	}
	for v := range named {
		t.Errorf("codes.yaml names %d, which IANA does not register", v)
	}
}
