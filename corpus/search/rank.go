package search

import (
	"cmp"
	"container/heap"
)

// Score layout. A Result's Score is one int, higher is better, built so
// that sorting by Score (then document order) gives the reading order:
//
//	contiguous  1,000,000,000  every term matched as one unbroken run
//	heading       100,000,000  the match is in the heading, not the body
//	fit            10,000,000 × (9 − misfit)  for an unbroken run: how
//	                           plainly its pinyin spells the terms (misfit
//	                           0 for a literal match)
//	span            1,000 × (9,999 − span)  fewer runes from first to last match
//	quality         0..999     occurrences of the term in the field (up to 5),
//	                           share of the field the match covers, and
//	                           sahilm/fuzzy's bonus normalised per rune
//
// so a contiguous body match outranks a scattered heading match, a heading
// outranks a body at equal contiguity, and among headings and among
// bodies 落户 outranks 落或 (luò huò) for luohu. Ties keep document order.
// One-character queries carry no fit, span or frequency signal: each
// scores as a contiguous, plain, one-rune match in a heading or a text.
// The largest score stays below 2³¹.
//
// Fit ranks below the heading so that once enough headings match as
// unbroken runs, no text can come above them and the texts, the bulk of
// a library, need not be matched at all (see Search).
const (
	scoreContiguous = 1_000_000_000
	scoreHeading    = 100_000_000
	scoreFitUnit    = 10_000_000
	scoreSpanUnit   = 1_000
	maxSpanScore    = 9_999
)

// scoreTop is the least score of the top tier: a contiguous heading
// match, which no text can outrank.
const scoreTop = scoreContiguous + scoreHeading

// composeScore builds a Score from its parts; see the layout above.
func composeScore(contiguous bool, misfit int, heading bool, span, quality int) int {
	s := 0
	if contiguous {
		s += scoreContiguous + (maxMisfit-min(max(misfit, 0), maxMisfit))*scoreFitUnit
	}
	if heading {
		s += scoreHeading
	}
	s += (maxSpanScore - min(max(span, 1), maxSpanScore)) * scoreSpanUnit
	return s + min(max(quality, 0), 999)
}

// broken is score as if its match were not contiguous: without the
// contiguous and fit parts.
func broken(score int) int {
	s := score % scoreFitUnit
	if score%scoreContiguous >= scoreHeading {
		s += scoreHeading
	}
	return s
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

// keepBest adds h to hits, which hold at most keep hits (0: no bound):
// once full, as a min-heap (hitHeap), the worst of them is replaced when
// h is better, and h is dropped otherwise.
func keepBest(hits []hit, h hit, keep int) []hit {
	switch {
	case keep <= 0 || len(hits) < keep-1:
		return append(hits, h)
	case len(hits) == keep-1:
		hits = append(hits, h)
		heap.Init((*hitHeap)(&hits))
		return hits
	case compareHits(h, hits[0]) < 0:
		hits[0] = h
		heap.Fix((*hitHeap)(&hits), 0)
	}
	return hits
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
