// Package bounded holds the variables that the unbounded reason rule must
// tell apart: each Mistake sends a reason that may not fit, each Right one
// that is known to fit. A variable is bounded by its last write or check
// before the call.
package bounded

import (
	"github.com/gorilla/websocket"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

const code = websocket.CloseGoingAway

// A later write replaces the truncated reason.
func MistakeOverwritten(s string, err error) []byte {
	reason := closecode.TruncateReason(s)
	reason = err.Error()
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason: a reason made at run time may not fit in 123 bytes; pass it through closecode.TruncateReason`
}

// A write in one branch makes it longer.
func MistakeOverwrittenInBranch(err error, detail bool) []byte {
	var reason = closecode.TruncateReason(err.Error())
	if detail {
		reason += ": " + err.Error()
	}
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

// A range loop writes each element over it.
func MistakeRange(reasons []string) {
	reason := closecode.TruncateReason(reasons[0])
	for _, reason = range reasons {
		websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
	}
}

// The error of ValidateReason is thrown away.
func MistakeDiscarded(reason string) []byte {
	_ = closecode.ValidateReason(reason)
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

func MistakeDiscardedStatement(reason string) []byte {
	closecode.ValidateReason(reason)
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

// ValidateReason checks another variable.
func MistakeOtherChecked(reason, other string) []byte {
	if closecode.ValidateReason(other) != nil {
		return nil
	}
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

// The reason is checked after it is sent.
func MistakeCheckedLate(reason string) []byte {
	frame := websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
	if closecode.ValidateReason(reason) != nil {
		return nil
	}
	return frame
}

// A constant longer than a Close frame holds is written to the variable.
func MistakeLongConstant(detail bool) []byte {
	reason := "short"
	if detail {
		reason = "a reason that goes on and on, past the one hundred and twenty-three bytes that a Close frame holds, and so on, and on, and on"
	}
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

// A constant that is not UTF-8 is written to the variable.
func MistakeInvalidConstant() []byte {
	var reason string
	reason = "caf\xe9"
	return websocket.FormatCloseMessage(code, reason) // want `unbounded reason`
}

// The write that replaces the truncated reason is truncated too.
func RightOverwritten(s string, err error) []byte {
	reason := closecode.TruncateReason(s)
	reason = closecode.TruncateReason(err.Error())
	return websocket.FormatCloseMessage(code, reason)
}

// The reason is truncated after the write that made it.
func RightTruncatedLast(err error) []byte {
	reason := err.Error()
	reason = closecode.TruncateReason(reason)
	return websocket.FormatCloseMessage(code, reason)
}

// Every write is a constant or truncated.
func RightBranches(err error, detail bool) []byte {
	var reason string
	if detail {
		reason = closecode.TruncateReason(err.Error())
	} else {
		reason = "failed"
	}
	return websocket.FormatCloseMessage(code, reason)
}

// The error of ValidateReason is returned, or kept and checked.
func RightChecked(reason string) ([]byte, error) {
	if err := closecode.ValidateReason(reason); err != nil {
		return nil, err
	}
	return websocket.FormatCloseMessage(code, reason), nil
}

func RightCheckedKept(reason string) []byte {
	err := closecode.ValidateReason(reason)
	frame := websocket.FormatCloseMessage(code, reason)
	if err != nil {
		return nil
	}
	return frame
}

// A thrown-away check after a truncation leaves the reason truncated.
func RightDiscardedAfterTruncate(err error) []byte {
	reason := closecode.TruncateReason(err.Error())
	_ = closecode.ValidateReason(reason)
	return websocket.FormatCloseMessage(code, reason)
}

// A write after the call does not reach it.
func RightWrittenAfter(err error) []byte {
	reason := closecode.TruncateReason(err.Error())
	frame := websocket.FormatCloseMessage(code, reason)
	reason = err.Error()
	return append(frame, reason...)
}

// A read is not a write: other = reason leaves reason bounded.
func RightRead(err error) []byte {
	reason := closecode.TruncateReason(err.Error())
	var other = reason
	other = reason + other
	return websocket.FormatCloseMessage(code, reason)
}

// A function literal outside any function declaration.
var RightLiteral = func(err error) []byte {
	reason := closecode.TruncateReason(err.Error())
	return websocket.FormatCloseMessage(code, reason)
}
