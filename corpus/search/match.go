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
}

// matcher matches terms against strings; each goroutine owns one, so its
// buffers are reused without locking.
type matcher struct {
	py  *readingTable
	buf []rune
}

// maxSpan is the quality floor: the widest span, in runes, a match of m
// query runes may cover. Headings are short, so they get more slack.
func maxSpan(field uint8, m int) int {
	if field == fieldHeading {
		return 3*m + 2
	}
	return 2*m + 1
}

// match finds t in s. relaxed reports an in-order match of any width (used
// to narrow the next keystroke); ok reports a match that also passes the
// quality floor, described by tm.
func (mt *matcher) match(t *term, s string, upper bool, field uint8) (tm termMatch, ok, relaxed bool) {
	if upper {
		s = asciiLower(s)
	}
	m := len(t.runes)
	if m == 0 {
		return tm, false, false
	}
	if i := strings.Index(s, t.text); i >= 0 {
		start := utf8.RuneCountInString(s[:i])
		tm = termMatch{pos: seq(start, m), span: m, contiguous: true, occ: strings.Count(s, t.text)}
		tm.fuzzy = fuzzyBonus(t, s[i:i+len(t.text)], m)
		return tm, true, true
	}
	rs := mt.runes(s)
	if t.letters {
		if start, end, occ := mt.pinyin(t.runes, rs); start >= 0 {
			n := end - start + 1
			return termMatch{pos: seq(start, n), span: n, contiguous: true, occ: occ}, true, true
		}
	}
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
	s = asciiLower(s)
	if strings.Contains(s, t.text) {
		return true
	}
	if !t.letters {
		return false
	}
	start, _, _ := mt.pinyin(t.runes, mt.runes(s))
	return start >= 0
}

func (mt *matcher) runes(s string) []rune {
	mt.buf = mt.buf[:0]
	for _, r := range s {
		mt.buf = append(mt.buf, r)
	}
	return mt.buf
}

// pinyin finds the first contiguous run of rs that spells q, where a Han
// rune consumes any non-empty prefix of one of its readings (a full
// syllable, an initial, or the start of a syllable still being typed) and
// any other rune consumes itself. It returns the run's first and last rune
// positions (start -1 when there is none) and the number of runs.
func (mt *matcher) pinyin(q []rune, rs []rune) (start, end, occ int) {
	n := len(q)
	if n == 0 || n > maxTermRunes {
		return -1, -1, 0
	}
	start, end = -1, -1
	firstBit := letterBit(q[0])
	done := uint64(1) << n
	for i0, r := range rs {
		if foldRune(r) != q[0] && mt.py.initialMask(r)&firstBit == 0 {
			continue
		}
		set := uint64(1)
		for i := i0; i < len(rs) && set != 0; i++ {
			set = mt.step(set, rs[i], q)
			if set&done != 0 {
				if start < 0 {
					start, end = i0, i
				}
				occ++
				break
			}
		}
	}
	return start, end, occ
}

// step advances the set of matched query prefixes over one target rune:
// bit j of set means q[:j] is matched so far.
func (mt *matcher) step(set uint64, r rune, q []rune) uint64 {
	var next uint64
	r = foldRune(r)
	rds := mt.py.readings(r)
	n := len(q)
	for s := set; s != 0; s &= s - 1 {
		j := trailingZeros(s)
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

func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }

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

func seq(start, n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = start + i
	}
	return p
}

// asciiLower folds ASCII capitals only, so rune positions do not move.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
