package search

import (
	"cmp"
	"math/bits"
	"slices"
)

// skeleton keeps one byte per rune of every entry: an index into a table
// of initial masks (the letters the rune's readings start with). The
// pinyin matcher walks it instead of decoding text, and decodes only where
// a match can start.
type skeleton struct {
	codes []byte // every entry's codes, concatenated in entry order
	start []int  // per entry: its first code; one extra at the end
	masks [256]uint32
	// maskIdx maps a reading table id to its mask index.
	maskIdx []byte
	// denseIdx is maskIdx by rune for the dense CJK blocks.
	denseIdx []byte
}

// anyMaskIdx stands for every letter; it is the last slot, shared by the
// rarest masks when a corpus has more distinct ones than fit.
const anyMaskIdx = 255

// newSkeleton lays out the codes for entries of the given rune counts and
// assigns mask indexes: 0 no letter, 1-26 one letter, then the masks of
// heteronyms with several initials, most frequent first (freq is per
// reading table id).
func newSkeleton(py *readingTable, runes []int32, freq []int) *skeleton {
	sk := &skeleton{start: make([]int, len(runes)+1)}
	for i, n := range runes {
		sk.start[i+1] = sk.start[i] + int(n)
	}
	sk.codes = make([]byte, sk.start[len(runes)])
	idx := map[uint32]byte{0: 0}
	for i := 0; i < 26; i++ {
		sk.masks[i+1] = 1 << i
		idx[1<<i] = byte(i + 1)
	}
	sk.masks[anyMaskIdx] = 1<<26 - 1
	multi := map[uint32]int{}
	for id, m := range py.initials {
		if _, ok := idx[m]; !ok {
			multi[m] += freq[id]
		}
	}
	order := make([]uint32, 0, len(multi))
	for m := range multi {
		order = append(order, m)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if c := cmp.Compare(multi[b], multi[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	next := 27
	for _, m := range order {
		if next < anyMaskIdx {
			idx[m] = byte(next)
			sk.masks[next] = m
			next++
		} else {
			idx[m] = anyMaskIdx
		}
	}
	sk.maskIdx = make([]byte, len(py.initials))
	for id, m := range py.initials {
		sk.maskIdx[id] = idx[m]
	}
	sk.denseIdx = make([]byte, len(py.dense))
	for i, id := range py.dense {
		sk.denseIdx[i] = sk.maskIdx[id]
	}
	return sk
}

// code returns the byte for rune r.
func (sk *skeleton) code(py *readingTable, r rune) byte {
	switch {
	case r < 0x80:
		if b := letterBit(r); b != 0 {
			return byte(foldRune(r)-'a') + 1
		}
		return 0
	case r >= denseBase && r < denseEnd:
		return sk.denseIdx[r-denseBase]
	default:
		return sk.maskIdx[py.id(r)]
	}
}

// of returns the codes of entry e.
func (sk *skeleton) of(e int32) []byte { return sk.codes[sk.start[e]:sk.start[e+1]] }

// chainTable tests the initials sequences a term may spell against the
// skeleton codes at a position, all sequences at once: bit i of
// tab[k][code] is set when sequence i allows code at offset k.
type chainTable struct {
	tab   [][256]uint64
	lenLE []uint64 // per offset k: the sequences no longer than k
	all   uint64
}

// maxChainCheck is how many positions a chain table checks; the matcher
// verifies the rest.
const maxChainCheck = 8

// newChainTable builds the table for up to 64 sequences (nil chains: nil
// table, no constraint).
func (sk *skeleton) newChainTable(chains []string) *chainTable {
	if len(chains) == 0 || len(chains) > 64 {
		return nil
	}
	width := 0
	for _, ch := range chains {
		width = max(width, min(len(ch), maxChainCheck))
	}
	ct := &chainTable{tab: make([][256]uint64, width), lenLE: make([]uint64, width+1)}
	for i, ch := range chains {
		bit := uint64(1) << i
		ct.all |= bit
		for k := 0; k < width; k++ {
			if k >= len(ch) {
				for c := range ct.tab[k] {
					ct.tab[k][c] |= bit
				}
				continue
			}
			need := uint32(1) << (ch[k] - 'a')
			for c := range ct.tab[k] {
				if sk.masks[c]&need != 0 {
					ct.tab[k][c] |= bit
				}
			}
		}
		for k := range ct.lenLE {
			if len(ch) <= k {
				ct.lenLE[k] |= bit
			}
		}
	}
	return ct
}

// at reports whether the codes from position 0 can spell one of the
// sequences (nil table: always).
func (ct *chainTable) at(codes []byte) bool {
	if ct == nil {
		return true
	}
	m := ct.all
	for k := 0; k < len(ct.tab) && m != 0; k++ {
		if k >= len(codes) {
			return m&ct.lenLE[k] != 0
		}
		m &= ct.tab[k][codes[k]]
	}
	return m != 0
}

// pinyinSkel is matcher.pinyin over s guided by its skeleton codes: the
// same result, but runes are decoded only where the first letter of q
// starts a reading and the chain of initials can follow. s must be valid
// UTF-8 (rune lengths are read from lead bytes).
func (mt *matcher) pinyinSkel(q []rune, s string, codes []byte, sk *skeleton, chains *chainTable) (start, end, occ int) {
	n := len(q)
	firstBit := letterBit(q[0])
	if n == 0 || n > maxTermRunes || firstBit == 0 {
		return mt.pinyin(q, s)
	}
	start, end = -1, -1
	done := uint64(1) << n
	can := &mt.startTab
	if mt.startBit != firstBit {
		for c := range can {
			can[c] = sk.masks[c]&firstBit != 0
		}
		mt.startBit = firstBit
	}
	// Walk the codes to the next rune a match can start at, and only then
	// the text to its byte offset, words at a time (advanceRunes).
	off, at := 0, 0 // the byte offset of rune at
	for ri := 0; ri < len(codes); ri++ {
		if !can[codes[ri]] {
			continue
		}
		off = advanceRunes(s, off, ri-at)
		at = ri
		if off >= len(s) {
			break
		}
		if chains.at(codes[ri:]) {
			set, rk := mt.extend(1, s, off, ri-1, q, done)
			if set&done != 0 {
				if start < 0 {
					start, end = ri, rk
				}
				occ++
			}
		}
	}
	return start, end, occ
}

// advanceRunes returns the byte offset of the k-th rune after the one
// starting at off in s (valid UTF-8), or len(s) when s ends first. Runes
// start at every byte that is not a continuation byte (10xxxxxx); whole
// words of eight bytes are skipped by counting those.
func advanceRunes(s string, off, k int) int {
	if k <= 0 {
		return off
	}
	p := off + 1
	for p+8 <= len(s) {
		w := uint64(s[p]) | uint64(s[p+1])<<8 | uint64(s[p+2])<<16 | uint64(s[p+3])<<24 |
			uint64(s[p+4])<<32 | uint64(s[p+5])<<40 | uint64(s[p+6])<<48 | uint64(s[p+7])<<56
		// Bit 7 of each byte that starts a rune.
		starts := ^(w &^ (w << 1)) & 0x8080808080808080
		n := bits.OnesCount64(starts)
		if n < k {
			k -= n
			p += 8
			continue
		}
		for ; k > 1; k-- {
			starts &= starts - 1
		}
		return p + bits.TrailingZeros64(starts)/8
	}
	for ; p < len(s); p++ {
		if s[p]&0xC0 != 0x80 {
			if k--; k == 0 {
				return p
			}
		}
	}
	return len(s)
}
