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
	if !ix.reusesScratch() {
		// Not even asked: a pool used once is registered with the
		// runtime until the next collection, and holds its index — and
		// the documents it points into — as long.
		return &scratch{}
	}
	if sc, ok := ix.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// putScratch keeps sc for the next search — not for an index built for
// one query (NewForQuery), which has no next search: a pool keeps what it
// holds alive for two collections after its index is dropped, and a
// library searched a batch at a time would carry every batch's buffers.
func (ix *Index) putScratch(sc *scratch) {
	if ix.reusesScratch() {
		ix.scratch.Put(sc)
	}
}

// reusesScratch reports whether the index keeps a search's buffers for
// the next: not when it is built for one query, whose search lets the
// workers' buffers go as soon as their hits are merged.
func (ix *Index) reusesScratch() bool { return ix.only == nil }

// reuse returns buf emptied, with room for n elements.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, 0, n)
	}
	return buf[:0]
}
