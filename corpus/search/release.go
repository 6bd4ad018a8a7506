package search

import "unsafe"

// ReleaseBehind sets fn to be told, as a search's workers pass them, of
// the stretches of texts and skeleton codes they have read: for a search
// run once over an index from LoadDetached (the command line), whose
// texts and arrays lie in one mapped file whose pages fn can give back,
// so that the process's resident set does not grow with the library. fn
// is called from several goroutines; what it releases may still be read
// again (a result's snippet), and must read back the same. It does
// nothing for another index, whose strings lie in many allocations, nor
// should the reader set it, which searches the same index on every
// keystroke.
func (ix *Index) ReleaseBehind(fn func([]byte)) { ix.release = fn }

// passed tells the release function, if any, of the stretch of memory
// spanned by the strings and skeleton codes of es, entries scored in
// ascending order by one worker and all of one kind (titled or not, so
// their strings lie in one region).
func (ix *Index) passed(es []int32) {
	if ix.release == nil || ix.detached == nil || len(es) == 0 {
		return
	}
	first, last := ix.entries[es[0]].str, ix.entries[es[len(es)-1]].str
	if first != "" && last != "" {
		lo := uintptr(unsafe.Pointer(unsafe.StringData(first)))
		hi := uintptr(unsafe.Pointer(unsafe.StringData(last))) + uintptr(len(last))
		if hi > lo {
			ix.release(unsafe.Slice(unsafe.StringData(first), hi-lo))
		}
	}
	if sk := ix.skel; sk != nil && int(es[len(es)-1])+1 < len(sk.start) {
		a, b := sk.start[es[0]], sk.start[es[len(es)-1]+1]
		if a < b && b <= len(sk.codes) {
			ix.release(sk.codes[a:b])
		}
	}
}
