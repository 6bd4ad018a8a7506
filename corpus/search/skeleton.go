package search

// skeleton keeps one byte per rune of every entry: the rune's UTF-8 length
// (bits 6-7, minus one) and an index into a table of initial masks (bits
// 0-5). The pinyin matcher walks it instead of decoding text, and decodes
// only where a match can start.
type skeleton struct {
	codes []byte // every entry's codes, concatenated in entry order
	start []int  // per entry: its first code; one extra at the end
	masks [64]uint32
	// maskIdx maps a reading table id to its mask index.
	maskIdx []byte
}

// anyMask stands for every letter; it is the last mask slot, used when a
// corpus has more distinct initial masks than fit.
const anyMaskIdx = 63

// newSkeleton lays out the codes for entries of the given rune counts and
// assigns mask indexes: 0 no letter, 1-26 one letter, then the masks of
// heteronyms with several initials.
func newSkeleton(py *readingTable, runes []int32) *skeleton {
	sk := &skeleton{start: make([]int, len(runes)+1)}
	for i, n := range runes {
		sk.start[i+1] = sk.start[i] + int(n)
	}
	sk.codes = make([]byte, sk.start[len(runes)])
	for i := 0; i < 26; i++ {
		sk.masks[i+1] = 1 << i
	}
	sk.masks[anyMaskIdx] = 1<<26 - 1
	next := 27
	idx := map[uint32]byte{0: 0}
	for i := 0; i < 26; i++ {
		idx[1<<i] = byte(i + 1)
	}
	sk.maskIdx = make([]byte, len(py.initials))
	for id, m := range py.initials {
		k, ok := idx[m]
		if !ok {
			if next < anyMaskIdx {
				k = byte(next)
				sk.masks[next] = m
				next++
			} else {
				k = anyMaskIdx
			}
			idx[m] = k
		}
		sk.maskIdx[id] = k
	}
	return sk
}

// code returns the byte for rune r of UTF-8 length size.
func (sk *skeleton) code(py *readingTable, r rune, size int) byte {
	var k byte
	if r < 0x80 {
		if b := letterBit(r); b != 0 {
			k = byte(foldRune(r)-'a') + 1
		}
	} else {
		k = sk.maskIdx[py.id(r)]
	}
	return byte(size-1)<<6 | k
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
				if sk.masks[c&63]&need != 0 {
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
// starts a reading and the chain of initials can follow.
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
			can[c] = sk.masks[c&63]&firstBit != 0
		}
		mt.startBit = firstBit
	}
	off := 0
	for ri, c := range codes {
		size := int(c>>6) + 1
		if can[c] && chains.at(codes[ri:]) && off < len(s) {
			set := uint64(1)
			k, rk := off, ri-1
			for set != 0 && set&done == 0 && k < len(s) {
				rr, sz := decodeRune(s, k)
				set = mt.step(set, rr, q)
				k += sz
				rk++
			}
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
