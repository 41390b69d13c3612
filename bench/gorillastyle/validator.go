// Package gorillastyle is a close code validator written by this project in
// the way gorilla/websocket's isValidReceivedCloseCode works: a map[int]bool
// of the defined codes plus a range check for 3000-4999. It is not gorilla's
// code; it exists only as the map-based baseline for the benchmarks.
package gorillastyle

var validReceivedCloseCodes = map[int]bool{
	1000: true, 1001: true, 1002: true, 1003: true,
	1007: true, 1008: true, 1009: true, 1010: true, 1011: true, 1012: true, 1013: true,
}

// IsValidReceivedCloseCode reports whether code may appear in a received
// Close frame, the map-based way.
func IsValidReceivedCloseCode(code int) bool {
	return validReceivedCloseCodes[code] || (code >= 3000 && code <= 4999)
}
