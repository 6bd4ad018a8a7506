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

// chainAt reports whether the codes from position 0 can spell one of the
// initials sequences (nil chains: no constraint).
func (sk *skeleton) chainAt(codes []byte, chains []string) bool {
	if chains == nil {
		return true
	}
	for _, ch := range chains {
		if len(ch) > len(codes) {
			continue
		}
		ok := true
		for k := 0; k < len(ch) && ok; k++ {
			ok = sk.masks[codes[k]&63]&(1<<(ch[k]-'a')) != 0
		}
		if ok {
			return true
		}
	}
	return false
}

// pinyinSkel is matcher.pinyin over s guided by its skeleton codes: the
// same result, but runes are decoded only where the first letter of q
// starts a reading and the chain of initials can follow.
func (mt *matcher) pinyinSkel(q []rune, s string, codes []byte, sk *skeleton, chains []string) (start, end, occ int) {
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
		if can[c] && sk.chainAt(codes[ri:], chains) && off < len(s) {
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
