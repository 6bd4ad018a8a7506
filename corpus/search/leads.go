package search

import "strings"

// A run of letters typed as pinyin must start at a character whose reading
// begins with the run's first unit: lu can only start at 路, 律 or 落, not
// at every character read l…. When no split of the run begins with a
// single letter, that unit has two letters or more, and the entries that
// hold such a character are the union of those characters' posting lists —
// a far narrower set than the entries whose initials include the first
// letter, which is all the letter masks can tell.

// leadUnit returns the shortest unit a split of run into reading prefixes
// can begin with, or "" when none exists or the shortest is one letter
// (which constrains nothing the letter masks do not).
func leadUnit(run string, prefixes map[string]bool) string {
	for l := 1; l <= 6 && l <= len(run); l++ {
		if !prefixes[run[:l]] {
			return "" // a longer unit has this one as its prefix
		}
		if splits(run[l:], prefixes) {
			if l == 1 {
				return ""
			}
			return run[:l]
		}
	}
	return ""
}

// splits reports whether s splits into reading prefixes (an empty s does).
func splits(s string, prefixes map[string]bool) bool {
	ok := make([]bool, len(s)+1) // ok[i]: s[i:] splits
	ok[len(s)] = true
	for i := len(s) - 1; i >= 0; i-- {
		for l := 1; l <= 6 && i+l <= len(s); l++ {
			if !prefixes[s[i:i+l]] {
				break
			}
			if ok[i+l] {
				ok[i] = true
				break
			}
		}
	}
	return ok[0]
}

// leadEntries returns a bitmap of the entries holding a character with a
// reading that starts with unit, or nil when one of those characters is a
// stop rune (its entries are not listed, so nothing can be excluded).
func (ix *Index) leadEntries(unit string) []uint64 {
	if ix.only != nil {
		return nil // an index for one query lists no other characters
	}
	bm := make([]uint64, (len(ix.entries)+63)/64)
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
		for _, e := range ix.post.get(c) {
			bm[e/64] |= 1 << (e % 64)
		}
	}
	return bm
}
