//go:build !linux

package corpus

import (
	"io/fs"
	"time"
)

// changeTime reports no status change time where it is not read here; the
// modification time stands alone.
func changeTime(fs.FileInfo) (time.Time, bool) { return time.Time{}, false }
