//go:build unix

package cache

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// TestFIFOInCache: a named pipe where a segment belongs is passed over,
// not opened for a read that would block for ever.
func TestFIFOInCache(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	load(t, dir, s)
	for _, seg := range segments(t, s) {
		os.Remove(seg)
		if err := syscall.Mkfifo(seg, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s2 := Open(s.Dir())
		load(t, dir, s2)
		s2.Prune()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading a cache with named pipes in it hung")
	}
}
