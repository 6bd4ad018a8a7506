package search

import (
	"cmp"
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
	off := 0
	for ri, c := range codes {
		if off >= len(s) {
			break
		}
		size := leadLen(s[off])
		if can[c] && chains.at(codes[ri:]) && off < len(s) {
			set, rk := mt.extend(1, s, off, ri-1, q, done)
			if set&done != 0 {
				if start < 0 {
					start, end = ri, rk
				}
				occ++
			}
		}
		off += size
	}
	return start, end, occ
}

// leadLen returns the length of the UTF-8 sequence a valid lead byte starts.
func leadLen(b byte) int {
	switch {
	case b < 0x80:
		return 1
	case b < 0xE0:
		return 2
	case b < 0xF0:
		return 3
	default:
		return 4
	}
}
