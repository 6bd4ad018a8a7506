package cache

import (
	"runtime/debug"
	"sync"
)

// packGCPercent is the collector's target while a pack is decoded: the
// decoding allocates little that dies, so collecting at the default 100 %
// would mostly re-scan the same live nodes (measured: a third of a warm
// search of 10 MB). It is raised for the decoding only — not for reading
// files one by one, or building and writing a pack, which make garbage
// (a first read of 100 MB peaked at 2 GB under a raised target).
const packGCPercent = 400

// gcRaise counts the decodings under way: the collector's target is one
// setting for the whole process, so the first raises it and the last puts
// back what it was, however decodings of several stores overlap.
var gcRaise struct {
	sync.Mutex
	n   int
	old int
}

// raiseGC raises the collector's target until the returned function is
// called.
func raiseGC() (restore func()) {
	gcRaise.Lock()
	if gcRaise.n == 0 {
		gcRaise.old = debug.SetGCPercent(packGCPercent)
	}
	gcRaise.n++
	gcRaise.Unlock()
	return func() {
		gcRaise.Lock()
		if gcRaise.n--; gcRaise.n == 0 {
			debug.SetGCPercent(gcRaise.old)
		}
		gcRaise.Unlock()
	}
}
