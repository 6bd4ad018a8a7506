package cache

import (
	"os"
	"syscall"
)

// fileIdentity returns the file's status change time (ns), inode and
// device.
func fileIdentity(info os.FileInfo) (ctime int64, inode, dev uint64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Sec*1e9 + st.Ctim.Nsec, uint64(st.Ino), uint64(st.Dev)
	}
	return 0, 0, 0
}
