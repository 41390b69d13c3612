//go:build !unix

package mutants

import "os/exec"

// killGroupOnCancel leaves cmd as it is: without Unix process groups, a
// timeout kills the shell only.
func killGroupOnCancel(cmd *exec.Cmd) {}
