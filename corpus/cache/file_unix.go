//go:build unix

package cache

import (
	"fmt"
	"os"
	"syscall"
)

// openRegular opens path for reading only if it is a regular file: a FIFO
// or device put in the cache directory must not block or be read. The
// open does not block (O_NONBLOCK), and the type is checked on the open
// file, so a file swapped in between cannot slip through.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: not a regular file", path)
	}
	return f, fi, nil
}

// readRegular reads the regular file at path whole, refusing anything
// else and files over limit bytes. It uses the system calls directly —
// open, fstat, read, close — without the os.File machinery (which would
// first try to register the non-blocking descriptor with the poller): a
// warm start reads one segment per document.
func readRegular(path string, limit int64) ([]byte, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if st.Size > limit {
		return nil, fmt.Errorf("%s: %d bytes, over %d", path, st.Size, limit)
	}
	data := make([]byte, st.Size)
	for n := 0; n < len(data); {
		k, err := syscall.Read(fd, data[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if k == 0 {
			return nil, fmt.Errorf("%s: %d of %d bytes read (truncated while read)", path, n, len(data))
		}
		n += k
	}
	return data, nil
}

// mapFile maps f read-only. A mapping that is used (an index read in
// place) is never unmapped: the index points into it for as long as the
// process may search. Files are only ever replaced by renaming a new one
// over them, so the mapped inode does not change under the reader; a tool
// that truncated one in place would fault the process (SIGBUS), which is
// why only packs are mapped and segments are read.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size == 0 {
		return nil, nil
	}
	if size > maxMapped || int64(int(size)) != size {
		return nil, fmt.Errorf("file of %d bytes is too large to map", size)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("map file: %w", err)
	}
	return data, nil
}

// unmapFile releases a mapping that turned out unusable.
func unmapFile(data []byte) {
	if len(data) > 0 {
		syscall.Munmap(data)
	}
}
