package search

// scratch holds the buffers a search fills and drops — each scoring
// worker's hits and relaxed entries, and every hit of the query — kept
// from one search to the next in Index.scratch. On a 100 MB library a
// keystroke's buffers run to megabytes; fresh ones cost their page faults
// and the collections they bring on, about a fifth of the keystroke.
// Nothing a search returns or remembers points into them.
type scratch struct {
	hits    [workers][]hit
	relaxed [workers][]int32
	all     []hit
}

// takeScratch returns a scratch for one search, to give back with
// putScratch once nothing of it is read.
func (ix *Index) takeScratch() *scratch {
	if sc, ok := ix.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// putScratch keeps sc for the next search.
func (ix *Index) putScratch(sc *scratch) { ix.scratch.Put(sc) }

// reuse returns buf emptied, with room for n elements.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, 0, n)
	}
	return buf[:0]
}
