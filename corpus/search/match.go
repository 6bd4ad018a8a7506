package search

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// termMatch is where one query term matched in one field.
type termMatch struct {
	pos        []int // rune positions in the field, ascending
	span       int   // runes from the first to the last matched position
	contiguous bool
	occ        int // how many times the term occurs contiguously (at least 1)
	fuzzy      int // sahilm/fuzzy's bonus per query rune, 0..99
	misfit     int // how far a pinyin run is from a plain spelling (see misfit)
}

// matcher matches terms against strings; each goroutine owns one, so its
// buffers are reused without locking.
type matcher struct {
	py    *readingTable
	sk    *skeleton
	buf   []rune
	arena []int // positions are cut from it, saving an allocation per hit
	// startTab[c] is skeleton code c's byte length, plus canStart when
	// the code can start a match of a term whose first letter is startBit
	// (and, when startLead is nonzero, whose characters' readings may
	// begin with that term.lead).
	startTab  [256]uint8
	startBit  uint32
	startLead int
	// startOff is the byte offset of the first match's first rune found
	// by the last pinyin scan (pinyin, pinyinSkel), or -1.
	startOff int
	// floor is the term's cutFloor, which misfit allows for.
	floor int
	// fit is the misfit of the run the last pinyin scan found: of all
	// the runs it met, the first of the least misfit.
	fit    int
	fitBuf []int
	// unsummed counts the fields whose codes did not add up to their text
	// (walked again by decoding): none but in a damaged stored index.
	unsummed int
}

// seq returns start, start+1, … (n values) in arena memory.
func (mt *matcher) seq(start, n int) []int {
	if cap(mt.arena)-len(mt.arena) < n {
		mt.arena = make([]int, 0, max(4096, n))
	}
	l := len(mt.arena)
	for i := 0; i < n; i++ {
		mt.arena = append(mt.arena, start+i)
	}
	return mt.arena[l : l+n : l+n]
}

// maxSpan is the quality floor: the widest span, in runes, a match of m
// query runes may cover. Headings are short, so they get more slack.
func maxSpan(field uint8, m int) int {
	if titled(field) {
		return 3*m + 2
	}
	return 2*m + 1
}

// match finds t in s. relaxed reports an in-order match of any width (used
// to narrow the next keystroke); ok reports a match that also passes the
// quality floor, described by tm. lit holds the ASCII letters s contains
// (letterBit bits); a term whose letters are not all there can only match
// by pinyin. fold holds the fold kinds of s's runes: s is folded (one rune
// for one, so positions hold) only where the term could meet a folded rune.
// codes are the skeleton codes of s (nil when s is not an entry).
func (mt *matcher) match(t *term, s string, fold uint8, field uint8, lit uint32, codes []byte) (tm termMatch, ok, relaxed bool) {
	m := len(t.runes)
	if m == 0 {
		return tm, false, false
	}
	// The literal scan and the fuzzy window need s folded; the pinyin scan
	// folds rune by rune and walks s as its skeleton codes describe it
	// (folding would shrink full-width forms and shift their offsets).
	raw := s
	folded := false
	foldOnce := func() {
		if !folded && fold&t.fold != 0 {
			s = foldString(raw, t.fold)
		}
		folded = true
	}
	// A term with a letter the field does not hold literally (lit) cannot
	// occur in it as typed: skip the scan (most pinyin terms, most fields).
	i := -1
	if !t.letters || t.letterMask&^lit == 0 {
		foldOnce()
		i = strings.Index(s, t.text)
	}
	if i >= 0 {
		start := utf8.RuneCountInString(s[:i])
		// sahilm's score of a contiguous match is the same wherever it is:
		// the term's own, computed once.
		tm = termMatch{pos: mt.seq(start, m), span: m, contiguous: true, occ: strings.Count(s, t.text), fuzzy: t.contigFuzzy}
		return tm, true, true
	}
	if t.letters {
		mt.floor = t.floor
		var start, end, occ int
		// Literal letters may fill any unit: the codes' constraints hold
		// only for a field without the term's letters as letters.
		g := walkGuide{sk: mt.sk}
		if lit&t.letterMask == 0 {
			g.chains, g.lead = t.chains, t.lead
		}
		if codes != nil {
			g.pairs = t.pairTable(mt.sk, g.lead)
			start, end, occ = mt.pinyinSkel(t.runes, raw, codes, g, true)
		} else {
			start, end, occ = mt.pinyin(t.runes, raw)
		}
		if start >= 0 {
			// A run spelled mostly with rarer readings (网格化 for luohu:
			// 格 luò, 化 huō) ranks below one spelled with first readings:
			// prefer such a run, and demote the match when there is none
			// and more than half its characters need a rarer reading —
			// 长期 for changqi (长 is listed zhǎng first) stays.
			common := true
			// An initials match over characters of one initial each
			// spells the term with their first readings.
			simple := codes != nil && lit&t.letterMask == 0 && t.chains != nil && t.chains.initials && simpleCodes(codes[start:end+1])
			if !simple && !mt.spellsPrimary(t.runes, raw, start, end, mt.startOff) {
				chosen := mt.fit // the primary scan below sets mt.fit anew
				var ps, pe int
				if codes != nil {
					ps, pe = mt.pinyinPrimarySkel(t.runes, raw, codes, g)
				} else {
					ps, pe = mt.pinyinPrimary(t.runes, raw)
				}
				pf := chosen
				if ps >= 0 && ps != start {
					pf = mt.misfit(t.runes, raw, advanceRunes(raw, 0, ps), t.floor)
				}
				mt.fit = chosen
				if ps >= 0 && pf <= chosen {
					// The first-readings run, unless it fits worse (落或
					// for luohu in a field that also holds 果互).
					start, end, mt.fit = ps, pe, pf
				} else {
					common = mt.mostlyPrimary(t.runes, raw, start, end)
				}
			}
			n := end - start + 1
			return termMatch{pos: mt.seq(start, n), span: n, contiguous: common, occ: occ, misfit: mt.fit}, true, true
		}
		if t.letterMask&^lit != 0 {
			return tm, false, false
		}
	}
	foldOnce()
	rs := mt.runes(s)
	b, e, found := minWindow(rs, t.runes)
	if !found {
		return tm, false, false
	}
	span := e - b + 1
	if span > maxSpan(field, m) {
		return tm, false, true
	}
	lo, hi := byteRange(s, b, e+1)
	win := s[lo:hi]
	tm = termMatch{span: span, occ: 1}
	if ms := fuzzy.Find(t.text, []string{win}); len(ms) == 1 && len(ms[0].MatchedIndexes) == m {
		tm.pos = byteToRune(win, ms[0].MatchedIndexes)
		for i := range tm.pos {
			tm.pos[i] += b
		}
		tm.fuzzy = normaliseFuzzy(ms[0].Score, len(win), utf8.RuneCountInString(win), m)
	} else {
		tm.pos = windowPositions(rs, t.runes, b, e)
	}
	tm.span = tm.pos[m-1] - tm.pos[0] + 1
	return tm, true, true
}

// contains reports a contiguous match of t in s, literal or by pinyin; it is
// how a term matches a node's context (document label, path).
func (mt *matcher) contains(t *term, s string) bool {
	mt.floor = t.floor
	s = foldString(s, t.fold)
	if strings.Contains(s, t.text) {
		return true
	}
	if !t.letters {
		return false
	}
	start, _, _ := mt.pinyin(t.runes, s)
	return start >= 0
}

func (mt *matcher) runes(s string) []rune {
	mt.buf = mt.buf[:0]
	for _, r := range s {
		mt.buf = append(mt.buf, r)
	}
	return mt.buf
}

// pinyin finds the contiguous run of runes of s that spells q best (the
// first of the least misfit, kept in mt.fit), where a Han rune consumes any
// non-empty prefix of one of its readings (a full syllable, an initial, or
// the start of a syllable still being typed) and any other rune consumes
// itself. It returns the run's first and last rune positions (start -1
// when there is none) and the number of runs. It walks s once, decoding
// each rune once, and tries a run only where the first rune can start
// one.
func (mt *matcher) pinyin(q []rune, s string) (start, end, occ int) {
	n := len(q)
	if n == 0 || n > maxTermRunes {
		return -1, -1, 0
	}
	start, end = -1, -1
	mt.startOff = -1
	q0 := q[0]
	firstBit := letterBit(q0)
	done := uint64(1) << n
	ri := 0
	for i := 0; i < len(s); ri++ {
		r, size := rune(s[i]), 1
		var can bool
		if r < utf8.RuneSelf {
			can = foldRune(r) == q0
		} else {
			r, size = decodeRune(s, i)
			can = foldRune(r) == q0 || mt.py.initialMask(r)&firstBit != 0
		}
		if can {
			set, rk := mt.extend(mt.step(1, r, q), s, i+size, ri, q, done, false)
			if set&done != 0 {
				if mt.better(start, q, s, i, false) {
					start, end, mt.startOff = ri, rk, i
				}
				occ++
			}
		}
		i += size
	}
	return start, end, occ
}

// better reports whether the run that starts at byte offset off of s
// should replace the best run so far (none when start < 0): it is the
// first, or it fits better. It keeps mt.fit the best run's misfit. plain
// says the caller knows the run's misfit is 0.
func (mt *matcher) better(start int, q []rune, s string, off int, plain bool) bool {
	if start >= 0 && mt.fit == 0 {
		return false
	}
	f := 0
	if !plain {
		f = mt.misfit(q, s, off, mt.floor)
	}
	if start >= 0 && f >= mt.fit {
		return false
	}
	mt.fit = f
	return true
}

// extend feeds the runes of s from byte offset k (rune index rk) to step
// (stepReadings with primary) until the whole query is matched (set&done != 0), no prefix survives, or
// s ends; it returns the final set and the rune index after the last rune
// consumed.
func (mt *matcher) extend(set uint64, s string, k, rk int, q []rune, done uint64, primary bool) (uint64, int) {
	for set != 0 && set&done == 0 && k < len(s) {
		rr, sz := decodeRune(s, k)
		set = mt.stepReadings(set, rr, q, primary)
		k += sz
		rk++
	}
	return set, rk
}

// step advances the set of matched query prefixes over one target rune:
// bit j of set means q[:j] is matched so far.
func (mt *matcher) step(set uint64, r rune, q []rune) uint64 {
	return mt.stepReadings(set, r, q, false)
}

// stepReadings is step; with primary, a Han rune spells only its first
// reading, the one go-pinyin lists first (格 ge, not luo; 和 he, not hu).
func (mt *matcher) stepReadings(set uint64, r rune, q []rune, primary bool) uint64 {
	var next uint64
	r = foldRune(r)
	n := len(q)
	// Fast reject: no query rune this one could consume next.
	var need uint32
	literal := false
	for s := set; s != 0; s &= s - 1 {
		if j := bits.TrailingZeros64(s); j < n {
			need |= letterBit(q[j])
			literal = literal || q[j] == r
		}
	}
	if !literal && mt.py.initialMask(r)&need == 0 {
		return 0
	}
	rds := mt.py.readings(r)
	if primary && len(rds) > 1 {
		rds = rds[:1]
	}
	for s := set; s != 0; s &= s - 1 {
		j := bits.TrailingZeros64(s)
		if j >= n {
			continue
		}
		if q[j] == r {
			next |= 1 << (j + 1)
		}
		for _, rd := range rds {
			for l := 0; l < len(rd) && j+l < n && q[j+l] == rune(rd[l]); l++ {
				next |= 1 << (j + l + 1)
			}
		}
	}
	return next
}

// decodeRune decodes the rune at s[i:] like utf8.DecodeRuneInString (so
// positions agree with for-range loops), inlining the three-byte case that
// covers Han characters.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// minWindow finds the narrowest window rs[b..e] holding q as a subsequence
// (the leftmost of equal width).
func minWindow(rs, q []rune) (b, e int, ok bool) {
	best := -1
	for i := 0; i < len(rs); i++ {
		if foldRune(rs[i]) != q[0] {
			continue
		}
		j, k := 0, i
		for ; k < len(rs); k++ {
			if foldRune(rs[k]) == q[j] {
				j++
				if j == len(q) {
					break
				}
			}
		}
		if j < len(q) {
			break
		}
		s := k
		for j = len(q) - 1; ; s-- {
			if foldRune(rs[s]) == q[j] {
				j--
				if j < 0 {
					break
				}
			}
		}
		if best < 0 || k-s < best {
			best, b, e = k-s, s, k
		}
		i = s
	}
	return b, e, best >= 0
}

// windowPositions matches q greedily inside rs[b..e].
func windowPositions(rs, q []rune, b, e int) []int {
	pos := make([]int, 0, len(q))
	for i := b; i <= e && len(pos) < len(q); i++ {
		if foldRune(rs[i]) == q[len(pos)] {
			pos = append(pos, i)
		}
	}
	return pos
}

// fuzzyBonus is sahilm/fuzzy's score of t on the matched text, normalised.
func fuzzyBonus(t *term, matched string, m int) int {
	ms := fuzzy.Find(t.text, []string{matched})
	if len(ms) != 1 {
		return 0
	}
	return normaliseFuzzy(ms[0].Score, len(matched), utf8.RuneCountInString(matched), m)
}

// normaliseFuzzy turns a sahilm/fuzzy score into a bonus per query rune.
// sahilm subtracts one point per unmatched BYTE (three per Han character);
// that penalty is added back and one point per unmatched rune taken off, so
// Chinese and ASCII candidates are judged alike. The result is clamped to
// 0..99.
func normaliseFuzzy(score, bytes, runes, m int) int {
	bonus := score + (bytes - m) - (runes - m)
	return min(max(bonus/max(m, 1), 0), 99)
}

// byteToRune converts sahilm/fuzzy's byte offsets into s to rune positions.
// Offsets must be ascending; an offset inside a rune maps to that rune.
func byteToRune(s string, offs []int) []int {
	out := make([]int, len(offs))
	r, b := 0, 0
	for i, o := range offs {
		for b < len(s) && b < o {
			_, size := utf8.DecodeRuneInString(s[b:])
			if b+size > o {
				break
			}
			b += size
			r++
		}
		out[i] = r
	}
	return out
}

// byteRange returns the byte offsets of runes [from, to) of s.
func byteRange(s string, from, to int) (lo, hi int) {
	r := 0
	lo, hi = len(s), len(s)
	for i := range s {
		if r == from {
			lo = i
		}
		if r == to {
			return lo, i
		}
		r++
	}
	return lo, hi
}

// spellsPrimary reports whether runes start..end (inclusive) of s spell q
// with first readings only.
//
// off, when not negative, is the byte offset of rune start, so the runes
// before it are not decoded.
func (mt *matcher) spellsPrimary(q []rune, s string, start, end, off int) bool {
	n := len(q)
	set := uint64(1)
	ri := 0
	i := 0
	if off >= 0 && off <= len(s) {
		ri, i = start, off
	}
	for i < len(s) && ri <= end {
		r, size := decodeRune(s, i)
		if ri >= start {
			set = mt.stepReadings(set, r, q, true)
			if set == 0 {
				return false
			}
		}
		ri++
		i += size
	}
	return set&(uint64(1)<<n) != 0
}

// pinyinPrimary is pinyin with first readings only: the first run of s
// that spells q so, or start -1.
func (mt *matcher) pinyinPrimary(q []rune, s string) (start, end int) {
	n := len(q)
	if n == 0 || n > maxTermRunes {
		return -1, -1
	}
	done := uint64(1) << n
	for i, ri := 0, 0; i < len(s); ri++ {
		set := uint64(1)
		for k, rk := i, ri; k < len(s) && set != 0; rk++ {
			r, size := decodeRune(s, k)
			set = mt.stepReadings(set, r, q, true)
			if set&done != 0 {
				return ri, rk
			}
			k += size
		}
		_, size := decodeRune(s, i)
		i += size
	}
	return -1, -1
}

// mostlyPrimary reports whether runes start..end (inclusive) of s spell q
// with at most half of them read other than their first reading: the
// least number of rarer readings over every way the run spells q.
func (mt *matcher) mostlyPrimary(q []rune, s string, start, end int) bool {
	rare, runes := mt.spellCost(q, s, advanceRunes(s, 0, start), 1, 0)
	return rare >= 0 && runes == end-start+1 && 2*rare <= runes
}
