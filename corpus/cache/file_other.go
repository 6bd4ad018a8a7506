//go:build !unix

package cache

import (
	"fmt"
	"io"
	"os"
)

// openRegular opens path for reading only if it is a regular file.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	if fi, err := os.Lstat(path); err != nil {
		return nil, nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// readRegular reads the regular file at path whole, refusing anything
// else and files over limit bytes.
func readRegular(path string, limit int64) ([]byte, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, over %d", path, fi.Size(), limit)
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// mapFile reads f whole, from its start, where the platform offers no
// mmap here.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size > maxMapped {
		return nil, fmt.Errorf("file of %d bytes is too large to read", size)
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(f, 0, size), data); err != nil {
		return nil, fmt.Errorf("read file: %w", err)
	}
	return data, nil
}

// unmapFile does nothing: mapFile read the file.
func unmapFile([]byte) {}

// fileIdentity returns zeros: the platform's file identity is not read
// here, so size and mtime (and the content hash) decide.
func fileIdentity(os.FileInfo) (ctime int64, inode, dev uint64) { return 0, 0, 0 }
