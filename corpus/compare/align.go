package compare

import "sort"

// align pairs the sentences of two sides into rows: the most similar pairs
// first, one to one, then leftover sentences joined to the row of the
// sentence that contains most of them; rows follow the left side's order,
// with sentences only the right side has placed after the row of the
// right sentence before them.
func align(l, r text, ls, rs []Range) []Row {
	lb := make([][]uint64, len(ls))
	for i, s := range ls {
		lb[i] = l.bigrams(s.Start, s.End)
	}
	rb := make([][]uint64, len(rs))
	for j, s := range rs {
		rb[j] = r.bigrams(s.Start, s.End)
	}
	type cand struct {
		i, j int
		sim  float64
	}
	var cands []cand
	idx := newPostings(rb)
	for i := range lb {
		for j, shared := range idx.overlaps(lb[i]) {
			if shared == 0 {
				continue
			}
			if s := idx.diceWith(lb[i], j, shared); s >= pairMin {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].sim > cands[b].sim })
	lrow := make([]int, len(ls)) // row of each left sentence, -1 when none
	rrow := make([]int, len(rs))
	for i := range lrow {
		lrow[i] = -1
	}
	for j := range rrow {
		rrow[j] = -1
	}
	var rows []Row
	for _, c := range cands {
		if lrow[c.i] >= 0 || rrow[c.j] >= 0 {
			continue
		}
		lrow[c.i], rrow[c.j] = len(rows), len(rows)
		rows = append(rows, Row{Left: []int{c.i}, Right: []int{c.j}})
	}
	// A leftover sentence mostly contained in a paired sentence of the
	// other side joins its row: the other side said it in one sentence.
	join := func(own [][]uint64, other [][]uint64, ownRow, otherRow []int, left bool) {
		for i, b := range own {
			if ownRow[i] >= 0 || len(b) == 0 {
				continue
			}
			best, bestShare := -1, 0.0
			for j, ob := range other {
				if otherRow[j] < 0 {
					continue
				}
				if share := float64(common(b, ob)) / float64(len(b)); share > bestShare {
					best, bestShare = j, share
				}
			}
			if best < 0 || bestShare < joinMin {
				continue
			}
			k := otherRow[best]
			ownRow[i] = k
			if left {
				rows[k].Left = append(rows[k].Left, i)
				sort.Ints(rows[k].Left)
			} else {
				rows[k].Right = append(rows[k].Right, i)
				sort.Ints(rows[k].Right)
			}
		}
	}
	join(lb, rb, lrow, rrow, true)
	join(rb, lb, rrow, lrow, false)
	for k := range rows {
		rows[k].Similarity = dice(union(lb, rows[k].Left), union(rb, rows[k].Right))
	}
	return order(rows, lrow, rrow)
}

// union merges the bigram sets of the sentences idx.
func union(sets [][]uint64, idx []int) []uint64 {
	if len(idx) == 1 {
		return sets[idx[0]]
	}
	var out []uint64
	for _, i := range idx {
		out = append(out, sets[i]...)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return dedupe(out)
}

// order lays the rows out in reading order: paired rows and left-only
// sentences in the left side's order; a right-only sentence goes after the
// row holding the right sentence before it, or first when none.
func order(rows []Row, lrow, rrow []int) []Row {
	var out []Row
	emitted := make([]bool, len(rows))
	rightDone := make([]bool, len(rrow))
	// flushRight emits the right-only sentences that come before right
	// sentence limit and every row-less one after the last emitted.
	flushRight := func(limit int) {
		for j := 0; j < limit && j < len(rrow); j++ {
			if rrow[j] < 0 && !rightDone[j] {
				rightDone[j] = true
				out = append(out, Row{Right: []int{j}})
			}
		}
	}
	for i, k := range lrow {
		if k < 0 {
			out = append(out, Row{Left: []int{i}})
			continue
		}
		if emitted[k] {
			continue
		}
		emitted[k] = true
		flushRight(rows[k].Right[0])
		out = append(out, rows[k])
		for _, j := range rows[k].Right {
			rightDone[j] = true
		}
	}
	flushRight(len(rrow))
	return out
}
