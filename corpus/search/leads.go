package search

import "strings"

// A run of letters typed as pinyin spells one reading prefix per
// character: luohu is 落户 (luo|hu) or some lu|o|hu. Each unit of two
// letters or more can only be spelled by a character whose reading starts
// with it, and the entries holding such characters are the union of their
// posting lists: an entry can match the run only if, for some split, it
// holds a character for every such unit. That is far narrower than the
// letter and pair masks (every entry with an l initial followed by an h
// one) for full pinyin; a unit of one letter (an initial, as in lh)
// constrains nothing the masks do not.

// runEntries returns a bitmap of the entries that can spell a run of the
// given splits (splitUnits) by the rule above, or nil when it constrains
// nothing (some split has no unit of two letters that can be looked up,
// or there are none listed).
func (ix *Index) runEntries(splits [][]string) []uint64 {
	if len(splits) == 0 {
		return nil
	}
	units := map[string][]uint64{}
	words := (len(ix.entries) + 63) / 64
	var out []uint64
	for _, split := range splits {
		var and []uint64
		for _, u := range split {
			if len(u) < 2 {
				continue
			}
			bm, seen := units[u]
			if !seen {
				bm = ix.leadEntries(u)
				units[u] = bm
			}
			if bm == nil {
				continue
			}
			if and == nil {
				and = append(make([]uint64, 0, words), bm...)
				continue
			}
			for i := range and {
				and[i] &= bm[i]
			}
		}
		if and == nil {
			return nil // this split is unconstrained, so the run is
		}
		if out == nil {
			out = and
			continue
		}
		for i := range out {
			out[i] |= and[i]
		}
	}
	return out
}

// splitUnits lists the ways run splits into reading prefixes, each as its
// units; ok is false when there are too many to list (maxUnitSplits,
// maxSplitSteps).
func splitUnits(run string, prefixes map[string]bool) (splits [][]string, ok bool) {
	steps := 0
	ok = true
	var units []string
	var walk func(pos int)
	walk = func(pos int) {
		if !ok {
			return
		}
		if steps++; steps > maxSplitSteps {
			ok = false
			return
		}
		if pos == len(run) {
			splits = append(splits, append([]string(nil), units...))
			if len(splits) > maxUnitSplits {
				ok = false
			}
			return
		}
		for l := 1; l <= 6 && pos+l <= len(run); l++ {
			if !prefixes[run[pos:pos+l]] {
				break // a longer unit has this one as its prefix
			}
			units = append(units, run[pos:pos+l])
			walk(pos + l)
			units = units[:len(units)-1]
		}
	}
	walk(0)
	if !ok {
		return nil, false
	}
	return splits, true
}

// leadEntries returns a bitmap of the entries holding a character with a
// reading that starts with unit, or nil when one of those characters is a
// stop rune (its entries are not listed, so nothing can be excluded) or
// their lists hold more than leadBudget postings per entry of the index
// (a short unit read by many common characters — zh, yi — would cost more
// to gather than it saves).
func (ix *Index) leadEntries(unit string) []uint64 {
	if ix.only != nil {
		return nil // an index for one query lists no other characters
	}
	var lists [][]int32
	total := 0
	for id := 1; id < len(ix.py.list); id++ {
		lead := false
		for _, r := range ix.py.list[id] {
			if strings.HasPrefix(r, unit) {
				lead = true
				break
			}
		}
		if !lead {
			continue
		}
		c := ix.py.runeOf[id]
		if ix.post.stopped(c) {
			return nil
		}
		l := ix.post.get(c)
		lists = append(lists, l)
		total += len(l)
		if total > leadBudget*len(ix.entries) {
			return nil
		}
	}
	bm := make([]uint64, (len(ix.entries)+63)/64)
	for _, l := range lists {
		for _, e := range l {
			bm[e/64] |= 1 << (e % 64)
		}
	}
	return bm
}

// leadBudget bounds the postings leadEntries gathers, per entry.
const leadBudget = 2
