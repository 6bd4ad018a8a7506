//go:build unix

package cache

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps f read-only. The mapping is never unmapped: the documents
// decoded from it point into it for as long as the process may use them.
// A segment is only ever replaced by renaming a new file over it, so the
// mapped inode never changes under the reader.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size == 0 {
		return nil, nil
	}
	if int64(int(size)) != size {
		return nil, fmt.Errorf("segment of %d bytes is too large to map", size)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("map segment: %w", err)
	}
	return data, nil
}

// inode returns the file's inode number, or 0 when the platform has none.
func inode(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
