//go:build unix

package generator

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this ID exists. Signal 0
// checks without sending anything; EPERM means it exists under another user.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
