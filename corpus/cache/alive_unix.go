//go:build unix

package cache

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with ID pid exists (one of
// another user's counts: it cannot be signalled but is there).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
