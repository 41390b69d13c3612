// Package stringercodes holds the 19 registry codes as plain constants, with
// a String method that golang.org/x/tools/cmd/stringer writes: the baseline
// the generated closecode package's String is measured against.
package stringercodes

//go:generate go run golang.org/x/tools/cmd/stringer -type=Code

// Code is a WebSocket close code.
type Code uint16

// The same 19 codes as codes.yaml names.
const (
	NormalClosure           Code = 1000
	GoingAway               Code = 1001
	ProtocolError           Code = 1002
	UnsupportedData         Code = 1003
	Reserved                Code = 1004
	NoStatusReceived        Code = 1005
	AbnormalClosure         Code = 1006
	InvalidFramePayloadData Code = 1007
	PolicyViolation         Code = 1008
	MessageTooBig           Code = 1009
	MandatoryExtension      Code = 1010
	InternalError           Code = 1011
	ServiceRestart          Code = 1012
	TryAgainLater           Code = 1013
	BadGateway              Code = 1014
	TLSHandshake            Code = 1015
	Unauthorized            Code = 3000
	Forbidden               Code = 3003
	Timeout                 Code = 3008
)
