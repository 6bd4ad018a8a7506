//go:build unix

package search

import "syscall"

// processCPU returns the CPU time (user + system) the process has used, in
// nanoseconds, so benchmarks can report work independent of how busy the
// machine is.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
