package registry

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHugeValuesAreNotEchoed: a value that fills a line of most of a
// megabyte is refused with a message that quotes at most its start. (YAML
// itself refuses a key longer than 1024 characters, without quoting it.)
func TestHugeValuesAreNotEchoed(t *testing.T) {
	huge := strings.Repeat("x", MaxFileBytes-1000)
	entry := "extends: standard\ncodes:\n  - code: 4001\n    name: SessionExpired\n    label: Session expired\n" +
		"    description: The session ran out.\n    reference: App spec\n    wire_valid: true\n    browser_can_send: true\n"
	for name, registry := range map[string]string{
		"unknown field":  entry + "    " + huge + ": 1\n",
		"name":           strings.Replace(entry, "SessionExpired", "s"+huge, 1),
		"alias":          entry + "    aliases: [" + huge + "!]\n",
		"language tag":   strings.Replace(entry, "description: The session ran out.", "description: {en: Ran out., zh-"+huge+": x}", 1),
		"extends":        strings.Replace(entry, "extends: standard", "extends: "+huge, 1),
		"code":           strings.Replace(entry, "code: 4001", "code: 0x"+strings.Repeat("1", len(huge)), 1),
		"anchor":         strings.Replace(entry, "reference: App spec", "reference: &"+huge+" App spec", 1),
		"unknown anchor": strings.Replace(entry, "reference: App spec", "reference: *"+huge, 1),
		"tag":            strings.Replace(entry, "reference: App spec", "reference: !"+huge+" App spec", 1),
	} {
		_, err := Parse("app.yaml", []byte(registry))
		require.Error(t, err, name)
		for _, line := range strings.Split(err.Error(), "\n") {
			assert.Less(t, len(line), 300, "%s: %.300s", name, line)
		}
	}
}

// An alias after a huge comment full of look-alikes is found at its place,
// in one pass over the file.
func TestAliasAfterAHugeComment(t *testing.T) {
	data := "# " + strings.Repeat("*a ", 300000) + "\nx: *a\n"
	_, err := Parse("hostile.yaml", []byte(data))
	require.EqualError(t, err, "hostile.yaml:2:4: YAML alias *a is not allowed in a registry; write the value out")
}
