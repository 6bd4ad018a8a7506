// Package hanzi gives the pinyin readings of Chinese characters: go-pinyin's
// table, generated into an embedded table read in place, so the program
// neither links go-pinyin nor builds its 40,000-entry map when it starts.
// The answers are go-pinyin's own (a test compares every character).
package hanzi

import _ "embed" // the reading table

//go:generate go run ./gen table.bin syllables_table.go

// table is go-pinyin's table as gen lays it out (see there).
//
//go:embed table.bin
var table string

// Readings returns the toneless readings of r — every heteronym, in
// go-pinyin's order, the first the one it lists first — or nil when
// go-pinyin has none. A reading is lower-case ASCII but for a few
// interjections (m̀, ê̄). The slice is the caller's.
func Readings(r rune) []string {
	i, n, ok := find(r)
	if !ok {
		return nil
	}
	offs := 4 + 4*n
	from, to := int(u32At(offs+4*i)), int(u32At(offs+4*i+4))
	ids := offs + 4*(n+1)
	if from > to || ids+2*to > len(table) {
		return nil
	}
	out := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		if j := int(table[ids+2*k]) | int(table[ids+2*k+1])<<8; j < len(syllables) {
			out = append(out, syllables[j])
		}
	}
	return out
}

// First returns the reading go-pinyin lists first for r, or "".
func First(r rune) string {
	i, n, ok := find(r)
	if !ok {
		return ""
	}
	offs := 4 + 4*n
	from, to := int(u32At(offs+4*i)), int(u32At(offs+4*i+4))
	ids := offs + 4*(n+1)
	if from >= to || ids+2*from+2 > len(table) {
		return ""
	}
	if j := int(table[ids+2*from]) | int(table[ids+2*from+1])<<8; j < len(syllables) {
		return syllables[j]
	}
	return ""
}

// Syllables returns the readings of the table that are lower-case ASCII
// (every syllable of Mandarin but a few interjections), sorted.
func Syllables() []string {
	out := make([]string, 0, len(syllables))
	for _, s := range syllables {
		if lowerASCII(s) {
			out = append(out, s)
		}
	}
	return out
}

// lowerASCII reports a non-empty string of a-z.
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// find returns r's index among the table's n characters.
func find(r rune) (i, n int, ok bool) {
	if len(table) < 4 {
		return 0, 0, false
	}
	n = int(u32At(0))
	if n < 0 || 4+8*n+4 > len(table) {
		return 0, 0, false
	}
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rune(u32At(4+4*m)) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, n, lo < n && rune(u32At(4+4*lo)) == r
}

// u32At reads the little-endian uint32 at table[i:].
func u32At(i int) uint32 {
	return uint32(table[i]) | uint32(table[i+1])<<8 | uint32(table[i+2])<<16 | uint32(table[i+3])<<24
}
