package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// scratchPrefix starts the name of a scratch store's directory, followed
// by the process ID of the reader that owns it.
const scratchPrefix = "policyreader-scratch-"

// OpenScratch returns a store in a new directory of its own under the
// system's temporary directory, for a reader told not to use the cache:
// it packs the library there a batch at a time and opens it from the pack,
// as a first read into the cache does, so it never holds the library whole
// (a library read whole takes five to six times its size in memory), and
// Discard deletes it all when the reader exits. It writes no segments —
// nothing of it is read again — and the cache directory is not touched.
// Scratch directories left by readers that were killed (their process is
// gone) are removed first. An error means no directory could be made and
// written: the caller reads the library whole.
func OpenScratch() (*Store, error) {
	tmp := os.TempDir()
	SweepScratch()
	dir, err := os.MkdirTemp(tmp, scratchPrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("make a scratch directory: %w", err)
	}
	s := Open(dir)
	if !s.Writable() {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("make a scratch directory: %s cannot be written", dir)
	}
	s.scratch = true
	return s, nil
}

// Discard closes a scratch store (see Close) and deletes its directory.
// On a store opened with Open it is Close: a cache is never deleted.
func (s *Store) Discard() error {
	s.Close()
	if !s.scratch {
		return nil
	}
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("remove the scratch directory: %w", err)
	}
	return nil
}

// SweepScratch removes the scratch directories under the temporary
// directory whose reader is no longer running (killed before it could
// delete its own). One whose owner cannot be told is left alone. A reader
// calls it at every start, with a cache or not.
func SweepScratch() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), scratchPrefix+"*"))
	for _, dir := range dirs {
		pid, _, ok := strings.Cut(strings.TrimPrefix(filepath.Base(dir), scratchPrefix), "-")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || n <= 0 || n == os.Getpid() || processAlive(n) {
			continue
		}
		os.RemoveAll(dir)
	}
}
