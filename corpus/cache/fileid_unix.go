//go:build unix && !linux

package cache

import (
	"os"
	"syscall"
)

// fileIdentity returns the file's inode and device; the status change
// time is read on Linux only (its field differs between the BSDs), so
// size, mtime and the content hash of recent files decide with them.
func fileIdentity(info os.FileInfo) (ctime int64, inode, dev uint64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return 0, uint64(st.Ino), uint64(st.Dev)
	}
	return 0, 0, 0
}
