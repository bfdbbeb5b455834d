//go:build unix

package model

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with the pid exists on this host.
// Signal 0 checks existence without sending anything; EPERM means it exists
// but belongs to another user.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
