// Package codes looks like a generated registry package but has no gencodes
// header: closecheck must not take it for one.
package codes

type Code uint16

const SessionExpired Code = 4001

const MaxReasonBytes = 123

func (c Code) IsValid() bool {
	switch {
	case c == 4001:
		return true
	}
	return false
}

func TruncateReason(reason string) string { return reason }
