//go:build !unix

package cache

import (
	"fmt"
	"io"
	"os"
)

// mapFile reads f whole where the platform offers no mmap here.
func mapFile(f *os.File, size int64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("read segment: %w", err)
	}
	return data, nil
}

// inode returns 0: the platform's file identity is not read here.
func inode(os.FileInfo) uint64 { return 0 }
