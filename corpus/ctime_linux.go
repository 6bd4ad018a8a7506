package corpus

import (
	"io/fs"
	"syscall"
	"time"
)

// changeTime returns the file's status change time (ctime), when the
// system gives one.
func changeTime(info fs.FileInfo) (time.Time, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return time.Unix(st.Ctim.Sec, st.Ctim.Nsec), true
	}
	return time.Time{}, false
}
