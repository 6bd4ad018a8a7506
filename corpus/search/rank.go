package search

import (
	"cmp"
	"container/heap"
)

// Score layout. A Result's Score is one int, higher is better, built so
// that sorting by Score (then document order) gives the reading order:
//
//	contiguous  100,000,000  every term matched as one unbroken run
//	heading      10,000,000  the match is in the heading, not the body
//	span          1,000 × (9,999 − span)  fewer runes from first to last match
//	quality       0..999     occurrences of the term in the field (up to 5),
//	                         share of the field the match covers, and
//	                         sahilm/fuzzy's bonus normalised per rune
//
// so a contiguous body match outranks a scattered heading match, a heading
// outranks a body at equal contiguity, and so on. Ties keep document order.
// One-character queries carry no span or frequency signal and score only
// the first three parts.
const (
	scoreContiguous = 100_000_000
	scoreHeading    = 10_000_000
	scoreSpanUnit   = 1_000
	maxSpanScore    = 9_999
)

// composeScore builds a Score from its parts; see the layout above.
func composeScore(contiguous, heading bool, span, quality int) int {
	s := 0
	if contiguous {
		s += scoreContiguous
	}
	if heading {
		s += scoreHeading
	}
	s += (maxSpanScore - min(max(span, 1), maxSpanScore)) * scoreSpanUnit
	return s + min(max(quality, 0), 999)
}

// quality rates a match within its tier: repeated occurrences (0..600),
// coverage of the field in percent (0..297) and the fuzzy bonus (0..99).
func quality(occ, matched, fieldRunes, fuzzy int) int {
	q := min(max(occ-1, 0), 4) * 150
	if fieldRunes > 0 {
		q += min(matched*100/fieldRunes, 99) * 3
	}
	return q + min(max(fuzzy, 0), 99)
}

// hit is a scored entry.
type hit struct {
	entry int32
	score int
	pos   []int
}

// compareHits orders hits best first, then in document order.
func compareHits(a, b hit) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.entry, b.entry)
}

// topHits returns the k best hits, in no particular order, keeping a
// min-heap of the best so far instead of sorting them all.
func topHits(hits []hit, k int) []hit {
	h := hitHeap(append([]hit(nil), hits[:k]...))
	heap.Init(&h)
	for _, x := range hits[k:] {
		if compareHits(x, h[0]) < 0 {
			h[0] = x
			heap.Fix(&h, 0)
		}
	}
	return h
}

// hitHeap is a min-heap: the worst hit on top.
type hitHeap []hit

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return compareHits(h[i], h[j]) > 0 }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
