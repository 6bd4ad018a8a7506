package search

import (
	"unicode"

	"policyreader/corpus/internal/hanzi"
)

// readingTable maps each Han rune of a corpus to all its pinyin readings
// (every heteronym, tone-less, lower-case ASCII). It is filled once while
// the index is built and read-only afterwards, so searches share it
// without locking.
type readingTable struct {
	dense    []uint16        // rune-denseBase -> 1-based index into list, for the main CJK blocks
	other    map[rune]uint16 // the same for Han runes outside them
	list     [][]string      // readings per id
	runeOf   []rune          // the rune per id
	initials []uint32        // per id: bit (c-'a') set when a reading starts with c
	// denseInitials repeats initials by rune for the dense blocks, saving
	// an indirection in the hot loop of the pinyin matcher.
	denseInitials []uint32
}

func newReadingTable() *readingTable {
	return &readingTable{
		dense:         make([]uint16, denseEnd-denseBase),
		denseInitials: make([]uint32, denseEnd-denseBase),
		other:         map[rune]uint16{},
		list:          [][]string{nil},
		runeOf:        []rune{0},
		initials:      []uint32{0},
	}
}

// The CJK Unified Ideographs and Extension A blocks get a dense lookup.
const (
	denseBase = 0x3400
	denseEnd  = 0xA000
)

func (t *readingTable) id(r rune) uint16 {
	if r >= denseBase && r < denseEnd {
		return t.dense[r-denseBase]
	}
	if r < denseBase {
		return 0
	}
	return t.other[r]
}

// add records the readings of r if r is a Han character go-pinyin reads
// (package hanzi). Runes below denseBase have no id (see id).
func (t *readingTable) add(r rune) {
	if r < denseBase || t.id(r) != 0 || !unicode.Is(unicode.Han, r) || len(t.list) >= 1<<16-1 {
		return
	}
	var clean []string
	var mask uint32
	for _, s := range hanzi.Readings(r) {
		if isLowerASCII(s) { // not the interjections m̀, ê̄
			clean = append(clean, s)
			mask |= 1 << (s[0] - 'a')
		}
	}
	if len(clean) == 0 {
		return
	}
	t.put(r, clean, mask)
}

// put gives r the next id, with its readings and their initials.
func (t *readingTable) put(r rune, clean []string, mask uint32) {
	id := uint16(len(t.list))
	if r >= denseBase && r < denseEnd {
		t.dense[r-denseBase] = id
		t.denseInitials[r-denseBase] = mask
	} else {
		t.other[r] = id
	}
	t.list = append(t.list, clean)
	t.runeOf = append(t.runeOf, r)
	t.initials = append(t.initials, mask)
}

// readings returns every reading of r, or nil for a rune without one.
func (t *readingTable) readings(r rune) []string {
	return t.list[t.id(r)]
}

// initialMask returns the letters the readings of r start with.
func (t *readingTable) initialMask(r rune) uint32 {
	if r >= denseBase && r < denseEnd {
		return t.denseInitials[r-denseBase]
	}
	return t.initials[t.id(r)]
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// letterBit returns the mask bit of an ASCII letter (folded), or 0.
func letterBit(r rune) uint32 {
	r = foldRune(r)
	if r >= 'a' && r <= 'z' {
		return 1 << (r - 'a')
	}
	return 0
}

// prefixes returns every non-empty prefix of every reading in the table,
// and every reading whole.
func (t *readingTable) prefixes() (prefixes, whole map[string]bool) {
	prefixes, whole = map[string]bool{}, map[string]bool{}
	for _, rs := range t.list {
		for _, r := range rs {
			whole[r] = true
			for i := 1; i <= len(r); i++ {
				prefixes[r[:i]] = true
			}
		}
	}
	return prefixes, whole
}
