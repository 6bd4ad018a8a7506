package cache

import (
	"os"
	"syscall"
	"unsafe"
)

// release tells the system that the process is done with the pages of b,
// a part of a read-only file mapping, for now: they leave its resident set
// and are faulted in again from the page cache (the file) if touched later.
// Only the whole pages inside b are released; the data never change.
func release(b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (start + page - 1) &^ (page - 1)
	hi := (start + uintptr(len(b))) &^ (page - 1)
	if hi <= lo {
		return
	}
	// Advice only: a failure leaves the pages resident, nothing else.
	_ = syscall.Madvise(b[lo-start:hi-start], syscall.MADV_DONTNEED)
}
