package search

import (
	"container/heap"
	"sync/atomic"
	"unicode"
)

// WordCutter cuts Chinese text into words, in order (package words wraps
// a real segmenter).
type WordCutter func(text string) []string

// SetWords gives the index a word cutter: from then on, a query of
// letters only (pinyin or initials: lh, luohu) ranks a match that is not
// made of whole words — 力弘 in 大力|弘扬, 流合 in 交流|合作 — below the
// contiguous matches that are. Safe to call while searches run.
func (ix *Index) SetWords(cut WordCutter) {
	if cut == nil {
		ix.words.Store(nil)
		return
	}
	ix.words.Store(&cut)
}

// wordsHolder is the Index's word cutter, swapped atomically.
type wordsHolder = atomic.Pointer[WordCutter]

// wordWindow is how many runes on each side of a match are cut into
// words to judge it: enough for the words it touches.
const wordWindow = 8

// straddles reports whether the run of Han runes h matched cuts across
// words: it does not start at a word's start, or it ends inside a word
// other than the one it starts in. Matches of other runes are never
// judged.
func (ix *Index) straddles(h hit, cut WordCutter) bool {
	if len(h.pos) == 0 {
		return false
	}
	s := ix.entries[h.entry].str
	first, last := h.pos[0], h.pos[len(h.pos)-1]
	from := max(first-wordWindow, 0)
	lo, hi := byteRange(s, from, last+1+wordWindow)
	window := []rune(s[lo:hi])
	a, b := first-from, last-from // the match within the window
	if b >= len(window) {
		return false
	}
	for _, r := range window[a : b+1] {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	// Word starts and ends by rune offset in the window.
	starts, ends := map[int]bool{}, map[int]bool{}
	wordOf := make([]int, len(window))
	at := 0
	for i, w := range cut(string(window)) {
		n := len([]rune(w))
		starts[at] = true
		for k := at; k < at+n && k < len(wordOf); k++ {
			wordOf[k] = i
		}
		at += n
		ends[at] = true
	}
	if at != len(window) {
		return false // the cutter lost text: no judgement
	}
	if !starts[a] {
		return true
	}
	return wordOf[a] != wordOf[b] && !ends[b+1]
}

// wholeWordResults is results for a letters-only query with a word
// cutter: best first, a hit is judged when it comes up, and one that
// straddles words drops out of the contiguous tier and goes back in line,
// so only as many hits are cut into words as it takes to fill limit. whole
// counts the results still in the top tier (scoreTop).
//
// At most judgeBudget(limit) hits are judged: where most contiguous
// matches straddle words (jyy: 就业|与, 就|业余), judging every one would
// take a keystroke's time many times over. The hits past the budget keep
// their scores: they come after every hit judged (the best are judged
// first), but a whole word deeper in the list may lose its place to one
// of them. Demoting them all instead costs a pass over every hit — 15 →
// 22 ms for jy on 100 MB — for results below the judged ones anyway.
func (ix *Index) wholeWordResults(hits []hit, limit int, cut WordCutter) (rs []Result, whole int) {
	h := hitHeapBest(hits)
	heap.Init(&h)
	judged := map[int32]bool{}
	budget := judgeBudget(limit)
	var kept []hit
	seen := map[int32]bool{}
	for h.Len() > 0 && (limit <= 0 || len(kept) < limit) {
		x := heap.Pop(&h).(hit)
		if x.score >= scoreContiguous && !judged[x.entry] && len(judged) < budget {
			judged[x.entry] = true
			if ix.straddles(x, cut) {
				x.score = broken(x.score)
				heap.Push(&h, x)
				continue
			}
		}
		n := ix.entries[x.entry].node
		if seen[n] {
			continue
		}
		seen[n] = true
		kept = append(kept, x)
	}
	out := make([]Result, 0, len(kept))
	for _, x := range kept {
		out = append(out, ix.result(x))
		if x.score >= scoreTop {
			whole++
		}
	}
	return out, whole
}

// judgeBudget is how many hits a query of limit results judges at most:
// enough for the results shown to be judged when a few of every four
// candidates are whole words.
func judgeBudget(limit int) int {
	if limit <= 0 {
		return 1 << 30
	}
	return 4 * limit
}

// hitHeapBest is a max-heap: the best hit on top.
type hitHeapBest []hit

func (h hitHeapBest) Len() int           { return len(h) }
func (h hitHeapBest) Less(i, j int) bool { return compareHits(h[i], h[j]) < 0 }
func (h hitHeapBest) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeapBest) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *hitHeapBest) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
