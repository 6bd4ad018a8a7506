package search

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

// skeleton keeps one byte per rune of every entry: a code that says which
// letters the rune's readings start with (its initial mask) and how many
// bytes the rune takes in the entry's text. The pinyin matcher walks the
// codes instead of decoding text, keeps its byte offset by adding the
// lengths, and decodes only where a match can start.
type skeleton struct {
	codes []byte // every entry's codes, concatenated in entry order
	start []int  // per entry: its first code; one extra at the end
	masks [256]uint32
	// maskIdx maps a reading table id to its code.
	maskIdx []byte
	// denseIdx is maskIdx by rune for the dense CJK blocks.
	denseIdx []byte
}

// The code layout. A code's byte length is fixed by its range (codeLen),
// so the masks table is all a stored skeleton needs.
const (
	codeNone3 = 0 // no letter, three bytes (CJK punctuation, most of them)
	codeNone1 = 1 // no letter, one byte (ASCII digits, spaces, punctuation)
	codeNone2 = 2 // no letter, two bytes
	codeNone4 = 3 // no letter, four bytes
	// codeLetter+i is the ASCII letter 'a'+i (or a capital).
	codeLetter = 4
	// codeInitial+i is a three-byte rune read with initial 'a'+i only but
	// its readings' first two letters unknown: a heteronym such as 落
	// (luo, la), or a full-width letter.
	codeInitial = 30
	// codePrefix+i is a three-byte character whose readings all begin with
	// prefix2s[i] (lu for 路 律 绿, zh for 中 政 …): the walk can tell lu
	// from li without decoding the text.
	codePrefix = 56
	// codeMulti onwards are the masks of three-byte characters with
	// several initials, most frequent first, up to codeAny4.
	codeMulti = codePrefix + 107
	// codeAny4 is a four-byte character with a reading, and anyMaskIdx a
	// three-byte one whose mask did not fit: both stand for every letter.
	codeAny4   = 254
	anyMaskIdx = 255
)

// codeLen returns the byte length of the rune a code stands for.
func codeLen(c byte) int {
	switch {
	case c == codeNone1 || c >= codeLetter && c < codeInitial:
		return 1
	case c == codeNone2:
		return 2
	case c == codeNone4 || c == codeAny4:
		return 4
	}
	return 3
}

// canStart marks, in a matcher's table of code lengths, the codes a match
// can start at.
const canStart = 0x80

// prefix2s lists the first two letters (the whole of a one-letter
// reading) of Mandarin's syllables, sorted: a code per entry (codePrefix).
var prefix2s = func() []string {
	var out []string
	for _, s := range mandarinSyllables {
		p := s[:min(2, len(s))]
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// prefix2Index returns the index of p in prefix2s, or -1.
func prefix2Index(p string) int {
	if i, ok := slices.BinarySearch(prefix2s, p); ok {
		return i
	}
	return -1
}

// codePrefix2 returns the index in prefix2s of the first two letters
// every reading of a code's characters begins with, or -1 when the code
// does not say.
func codePrefix2(c byte) int {
	if c >= codePrefix && c < codeMulti {
		return int(c - codePrefix)
	}
	return -1
}

// codeLens is codeLen as a table, for the matcher's walk.
var codeLens = func() (t [256]uint8) {
	for c := range t {
		t[c] = uint8(codeLen(byte(c)))
	}
	return t
}()

// allocCodes allocates the codes newSkeleton laid out, for the build to
// fill.
func (sk *skeleton) allocCodes() { sk.codes = make([]byte, sk.ncodes()) }

// ncodes is the number of codes: one per rune of every entry.
func (sk *skeleton) ncodes() int { return sk.start[len(sk.start)-1] }

// newSkeleton lays out the codes for entries of the given rune counts and
// assigns codes to the masks of the reading table: one letter, then the
// masks of heteronyms with several initials, most frequent first (freq is
// per reading table id).
func newSkeleton(py *readingTable, runes []int32, freq []int) *skeleton {
	sk := &skeleton{start: make([]int, len(runes)+1)}
	for i, n := range runes {
		sk.start[i+1] = sk.start[i] + int(n)
	}
	idx := map[uint32]byte{0: codeNone3}
	for i := 0; i < 26; i++ {
		sk.masks[codeLetter+i] = 1 << i
		sk.masks[codeInitial+i] = 1 << i
		idx[1<<i] = byte(codeInitial + i)
	}
	for i, p := range prefix2s {
		sk.masks[codePrefix+i] = 1 << (p[0] - 'a')
	}
	sk.masks[codeAny4] = 1<<26 - 1
	sk.masks[anyMaskIdx] = 1<<26 - 1
	// A character whose readings share their first two letters gets that
	// prefix's code; the others are coded by their initials.
	prefixOf := make([]int, len(py.list))
	for id, rds := range py.list {
		prefixOf[id] = -1
		for j, r := range rds {
			p := prefix2Index(r[:min(2, len(r))])
			if j > 0 && p != prefixOf[id] {
				p = -1
			}
			prefixOf[id] = p
			if p < 0 {
				break
			}
		}
	}
	multi := map[uint32]int{}
	for id, m := range py.initials {
		if _, ok := idx[m]; !ok && prefixOf[id] < 0 {
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
	next := codeMulti
	for _, m := range order {
		if next < codeAny4 {
			idx[m] = byte(next)
			sk.masks[next] = m
			next++
		} else {
			idx[m] = anyMaskIdx
		}
	}
	sk.maskIdx = make([]byte, len(py.initials))
	for id, m := range py.initials {
		if p := prefixOf[id]; p >= 0 {
			sk.maskIdx[id] = byte(codePrefix + p)
		} else {
			sk.maskIdx[id] = idx[m]
		}
	}
	sk.denseIdx = make([]byte, len(py.dense))
	for i, id := range py.dense {
		sk.denseIdx[i] = sk.maskIdx[id]
	}
	return sk
}

// code returns the code of rune r, folded (see foldRune), which took size
// bytes in the text.
func (sk *skeleton) code(py *readingTable, r rune, size int) byte {
	if r < 0x80 {
		if b := letterBit(r); b != 0 {
			if size == 1 {
				return byte(codeLetter + r - 'a')
			}
			return byte(codeInitial + r - 'a') // a full-width letter
		}
		return noneCode(size)
	}
	var c byte
	if r >= denseBase && r < denseEnd {
		c = sk.denseIdx[r-denseBase]
	} else {
		c = sk.maskIdx[py.id(r)]
	}
	switch {
	case c == codeNone3:
		return noneCode(size)
	case size == 4:
		return codeAny4
	}
	return c
}

// noneCode is the code of a rune of size bytes without a letter.
func noneCode(size int) byte {
	switch size {
	case 1:
		return codeNone1
	case 2:
		return codeNone2
	case 4:
		return codeNone4
	}
	return codeNone3
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
	// initials is set when the table is a term's whole test: a term of
	// letters that no reading spells two at a time (jy, lh — initials), no
	// longer than maxChainCheck. Its one sequence is the term, one letter a
	// character, so a chain of codes that each stand for one initial is a
	// match without decoding the text (see simpleCodes).
	initials bool
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
// UTF-8. When exact, s is the text the codes were made from, and byte
// offsets are kept by adding the codes' lengths; otherwise (a folded copy,
// whose full-width forms shrank) they are found by counting lead bytes.
func (mt *matcher) pinyinSkel(q []rune, s string, codes []byte, g walkGuide, exact bool) (start, end, occ int) {
	if len(q) == 0 || len(q) > maxTermRunes || letterBit(q[0]) == 0 {
		return mt.pinyin(q, s)
	}
	return mt.walkSkel(q, s, codes, g, exact, false)
}

// pinyinPrimarySkel is pinyinPrimary guided by the skeleton codes of s,
// the text they were made from: a run spelled with first readings starts
// where any run can, so only the positions pinyinSkel tries are tried.
func (mt *matcher) pinyinPrimarySkel(q []rune, s string, codes []byte, g walkGuide) (start, end int) {
	if len(q) == 0 || len(q) > maxTermRunes || letterBit(q[0]) == 0 {
		return mt.pinyinPrimary(q, s)
	}
	start, end, _ = mt.walkSkel(q, s, codes, g, true, true)
	return start, end
}

// walkGuide is what guides a skeleton walk for a term: the codes' masks,
// the initials sequences the term may spell (chains, nil: any), its lead
// (see term.lead; 0: none) and, for long fields, the pair table of the
// start table of its first letter and lead (nil: codes read one at a
// time).
type walkGuide struct {
	sk     *skeleton
	chains *chainTable
	lead   int
	pairs  *pairTable
}

// startTable is the table of code lengths, plus canStart on the codes a
// match of a term whose first letter is firstBit (and whose characters'
// readings begin with lead, when nonzero) can start at.
func (sk *skeleton) startTable(tab *[256]uint8, firstBit uint32, lead int) {
	for c := range tab {
		tab[c] = codeLens[c]
		p := codePrefix2(byte(c))
		if sk.masks[c]&firstBit != 0 && (lead == 0 || p < 0 || p == lead-1) {
			tab[c] |= canStart
		}
	}
}

// walkSkel is pinyinSkel's walk; with primary, a run must spell q with
// first readings and the walk stops trying after the first (occ is then
// at most 1).
func (mt *matcher) walkSkel(q []rune, s string, codes []byte, g walkGuide, exact, primary bool) (start, end, occ int) {
	n := len(q)
	firstBit := letterBit(q[0])
	chains, lead := g.chains, g.lead
	start, end = -1, -1
	mt.startOff = -1
	done := uint64(1) << n
	tab := &mt.startTab
	if mt.startBit != firstBit || mt.startLead != lead {
		g.sk.startTable(tab, firstBit, lead)
		mt.startBit, mt.startLead = firstBit, lead
	}
	try := func(ri, off int) {
		if chains.at(codes[ri:]) {
			if chains != nil && chains.initials && simpleCodes(codes[ri:ri+n]) {
				// Each character spells its initial, which all its
				// readings share: a plain spelling when no letter of
				// the term is a whole reading (cutFloor counted them
				// all).
				if mt.better(start, q, s, off, mt.floor == n) {
					start, end, mt.startOff = ri, ri+n-1, off
				}
				occ++
				return
			}
			set, rk := mt.extend(1, s, off, ri-1, q, done, primary)
			if set&done != 0 {
				if mt.better(start, q, s, off, false) {
					start, end, mt.startOff = ri, rk, off
				}
				occ++
			}
		}
	}
	if exact {
		off, ri := 0, 0
		if pt := g.pairs; pt != nil && len(codes) >= pairScanMin {
			// Eight codes at a time while none of them can start a match.
			for ; ri+8 <= len(codes); ri += 8 {
				w := binary.LittleEndian.Uint64(codes[ri : ri+8])
				a, b, c, d := pt[uint16(w)], pt[uint16(w>>16)], pt[uint16(w>>32)], pt[uint16(w>>48)]
				if (a|b|c|d)&canStart == 0 {
					off += int(a + b + c + d)
					continue
				}
				for k := ri; k < ri+8; k++ {
					x := tab[codes[k]]
					if x&canStart != 0 && off < len(s) && (!primary || start < 0) {
						try(k, off)
					}
					off += int(x &^ canStart)
				}
			}
		}
		for ; ri < len(codes); ri++ {
			x := tab[codes[ri]]
			if x&canStart != 0 && off < len(s) && (!primary || start < 0) {
				try(ri, off)
			}
			off += int(x &^ canStart)
		}
		if off != len(s) {
			// Codes that do not add up to the text (a damaged stored
			// index): decode the text instead.
			mt.unsummed++
			if primary {
				start, end = mt.pinyinPrimary(q, s)
				return start, end, min(1, start+1)
			}
			return mt.pinyin(q, s)
		}
		return start, end, occ
	}
	// Walk the codes to the next rune a match can start at, and only then
	// the text to its byte offset, words at a time (advanceRunes).
	off, at := 0, 0 // the byte offset of rune at
	for ri := 0; ri < len(codes); ri++ {
		if tab[codes[ri]]&canStart == 0 || primary && start >= 0 {
			continue
		}
		off = advanceRunes(s, off, ri-at)
		at = ri
		if off >= len(s) {
			break
		}
		try(ri, off)
	}
	return start, end, occ
}

// pairTable is a start table over two codes at a time, indexed by
// first | second<<8: the two runes' byte lengths summed, plus canStart
// when a match can start at either. At 64 KiB it is built once per term
// and start (term.pairTable) and shared by the workers.
type pairTable [1 << 16]uint8

// pairScanMin is the number of codes from which a walk reads them by
// pairs.
const pairScanMin = 64

// newPairTable builds the pair table of a start table.
func newPairTable(tab *[256]uint8) *pairTable {
	pt := new(pairTable)
	for c2 := range 256 {
		x2 := tab[c2]
		row := pt[c2<<8 : c2<<8+256]
		for c1, x1 := range tab {
			row[c1] = (x1 &^ canStart) + (x2 &^ canStart) | (x1|x2)&canStart
		}
	}
	return pt
}

// termPairs holds a term's pair tables, built on first use: for its lead
// and for none (fields holding its letters literally).
type termPairs struct {
	once [2]sync.Once
	tab  [2]*pairTable
}

// pairTable returns t's pair table for lead (t.lead or 0), or nil when t
// has none (a term Search did not set up).
func (t *term) pairTable(sk *skeleton, lead int) *pairTable {
	if t.pairs == nil || sk == nil || len(t.runes) == 0 {
		return nil
	}
	i := 0
	if lead != 0 {
		i = 1
	}
	t.pairs.once[i].Do(func() {
		var tab [256]uint8
		sk.startTable(&tab, letterBit(t.runes[0]), lead)
		t.pairs.tab[i] = newPairTable(&tab)
	})
	return t.pairs.tab[i]
}

// simpleCodes reports whether every code stands for one initial: an ASCII
// letter or a character (or full-width letter) with a single initial,
// whose readings then all begin with the letter its chain tested.
func simpleCodes(codes []byte) bool {
	for _, c := range codes {
		if c < codeLetter || c >= codeMulti {
			return false
		}
	}
	return true
}

// initialsOnly reports whether no reading spells two letters of run at a
// time (no two adjacent letters are a reading's prefix): each letter is
// then a character's initial.
func initialsOnly(run []rune, prefixes map[string]bool) bool {
	for i := 0; i+1 < len(run); i++ {
		if prefixes[string(run[i:i+2])] {
			return false
		}
	}
	return len(run) >= 2
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
