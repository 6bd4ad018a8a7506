package search

import "context"

// searchRune answers a one-rune query without scoring: every match is one
// contiguous rune, so the order is headings, then texts, each in document
// order, and the first limit are taken straight from the postings (or, for
// a letter, from the per-entry letter masks).
func (ix *Index) searchRune(ctx context.Context, q query, limit int) ([]Result, error) {
	t := &q.terms[0]
	r := t.runes[0]
	var cands []int32
	if b := letterBit(r); b != 0 {
		// Counted first: a letter is in most entries, and growing the
		// list to them copied it over and over.
		n := 0
		for _, m := range ix.letters {
			if (uint32(m)|uint32(m>>32))&b != 0 {
				n++
			}
		}
		cands = make([]int32, 0, n)
		for e, m := range ix.letters {
			if (uint32(m)|uint32(m>>32))&b != 0 {
				cands = append(cands, int32(e))
			}
		}
	} else if ix.post.stopped(r) {
		cands = ix.allEntries()
	} else {
		cands = ix.post.get(r)
	}
	ix.remember(q.key, cands)
	score := [3]int{fieldHeading: composeScore(true, 0, true, 1, 0), fieldText: composeScore(true, 0, false, 1, 0), fieldNumber: composeScore(true, 0, true, 1, 0)}
	seen := map[int32]bool{}
	var out []Result
	for _, field := range []uint8{fieldNumber, fieldHeading, fieldText} {
		for i, e := range cands {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			if limit > 0 && len(out) >= limit {
				return out, nil
			}
			en := &ix.entries[e]
			if en.field != field || seen[en.node] {
				continue
			}
			p := ix.firstRune(en, r)
			if p < 0 {
				continue
			}
			seen[en.node] = true
			out = append(out, ix.result(hit{entry: e, score: score[field], pos: []int{p}}))
		}
	}
	return out, nil
}

// firstRune returns the rune position of the first rune of en that is r
// (folded) or, for a letter, whose reading starts with r.
func (ix *Index) firstRune(en *entry, r rune) int {
	b := letterBit(r)
	i := 0
	for _, c := range en.str {
		if foldRune(c) == r || (b != 0 && ix.py.initialMask(c)&b != 0) {
			return i
		}
		i++
	}
	return -1
}
