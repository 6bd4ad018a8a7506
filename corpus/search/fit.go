package search

// How plainly a pinyin run spells its term. luohu is spelled by 落户 (luò
// hù) plainly; by 果互 only through 果's rare reading luò; by 落或 (luò
// huò) only if hu stands for the start of huò; and changqi by 常供气 only
// if chan and g stand for the starts of cháng and gōng. All are unbroken
// runs; misfit tells them apart, so the plain spelling ranks first among
// headings and among texts.
//
// A reading cut short is what initials are made of (jyyx, lh), so it
// counts only beyond what the term itself calls for: its floor, the fewest
// cut readings over every way it splits into readings.

// maxMisfit caps a run's misfit in the score (see composeScore).
const maxMisfit = 9

// Costs of a run's characters: one read other than by its first reading
// (长 cháng, listed after zhǎng, in 长期), and one that spells only the
// start of its reading beyond the term's floor, the worse of the two.
const (
	misfitRare = 1
	misfitCut  = 2
)

// cutFloor returns the fewest readings cut short over every way run
// splits into units that are readings or their starts (prefixes, of which
// whole are whole readings): 0 for luohu and changqi, 1 for luoh, 2 for
// lh. A rune other than a letter is a unit of its own, never cut. It is 0
// when run does not split at all.
func cutFloor(run []rune, prefixes, whole map[string]bool) int {
	const inf = 1 << 30
	best := make([]int, len(run)+1)
	for i := range best {
		best[i] = inf
	}
	best[0] = 0
	for i, r := range run {
		if best[i] == inf {
			continue
		}
		if letterBit(r) == 0 {
			best[i+1] = min(best[i+1], best[i])
			continue
		}
		for l := 1; l <= maxSyllable && i+l <= len(run); l++ {
			u := string(run[i : i+l])
			if !prefixes[u] {
				break
			}
			c := best[i]
			if !whole[u] || l == 1 {
				c++ // one letter is an initial, even a, e or o
			}
			best[i+l] = min(best[i+l], c)
		}
	}
	if best[len(run)] == inf {
		return 0
	}
	return best[len(run)]
}

// maxSyllable is the longest reading, in letters (zhuang).
const maxSyllable = 6

// misfit rates the run of runes of s that starts at byte offset off and
// spells q (as pinyin finds it): the least cost over every way the run
// spells q (misfitRare, misfitCut per character), less the cost of floor
// cut readings, which the term calls for. 0 is a plain spelling.
func (mt *matcher) misfit(q []rune, s string, off, floor int) int {
	c, _ := mt.spellCost(q, s, off, misfitRare, misfitCut)
	if c < 0 {
		// The scan's run spells q; this walk reads runes as it does, so
		// it cannot miss — but a run it could not rate is no worse than
		// plain.
		return 0
	}
	return min(max(c-floor*misfitCut, 0), maxMisfit)
}

// spellCost walks the runes of s from byte offset off until q is spelled
// and returns the least cost of spelling it — rare per character read
// other than by its first reading, cut per character that spells only the
// start of its reading (or one letter of it) — and the runes read; cost
// -1 when no run from off spells q. Other runes spell themselves, free.
func (mt *matcher) spellCost(q []rune, s string, off, rare, cut int) (cost, runes int) {
	const inf = 1 << 30
	n := len(q)
	if cap(mt.fitBuf) < 2*(n+1) {
		mt.fitBuf = make([]int, 2*(n+1))
	}
	buf := mt.fitBuf[:2*(n+1)]
	now, next := buf[:n+1], buf[n+1:] // the least cost that spells q[:j]
	for j := range now {
		now[j] = inf
	}
	now[0] = 0
	for k := off; k < len(s) && now[n] == inf; runes++ {
		r, size := decodeRune(s, k)
		k += size
		for j := range next {
			next[j] = inf
		}
		fr := foldRune(r)
		rds := mt.py.readings(r)
		live := false
		for j := 0; j < n; j++ {
			if now[j] == inf {
				continue
			}
			if q[j] == fr {
				next[j+1] = min(next[j+1], now[j])
				live = true
			}
			for x, rd := range rds {
				c := now[j]
				if x > 0 {
					c += rare
				}
				for l := 0; l < len(rd) && j+l < n && q[j+l] == rune(rd[l]); l++ {
					cc := c
					if l+1 < len(rd) || l == 0 {
						cc += cut // one letter is an initial, even 饿's e
					}
					next[j+l+1] = min(next[j+l+1], cc)
					live = true
				}
			}
		}
		now, next = next, now
		if !live {
			break
		}
	}
	if now[n] == inf {
		return -1, runes
	}
	return now[n], runes
}
