package related

import (
	"unicode"
	"unicode/utf8"
)

// vocab maps terms to dense IDs. A Han term is one character or a pair of
// adjacent characters packed into a uint64 (first<<32 | second, second 0 for
// a lone character); a word term is a run of ASCII letters and digits.
type vocab struct {
	han  map[uint64]int32
	word map[string]int32
	n    int32
	// A stored vocabulary (han and word nil), read in place: the Han keys
	// sorted with their IDs, and the words sorted (word i is
	// wordBytes[wordOff[i]:wordOff[i+1]]) with theirs.
	hanKeys   []uint64
	hanIDs    []int32
	wordOff   []uint32
	wordBytes []byte
	wordIDs   []int32
}

func newVocab() *vocab {
	return &vocab{han: map[uint64]int32{}, word: map[string]int32{}}
}

// hanID returns the ID of a Han term, adding it when add is set; -1 when the
// term is unknown and add is false. A stored vocabulary adds nothing.
func (v *vocab) hanID(key uint64, add bool) int32 {
	if v.han == nil {
		return v.storedHanID(key)
	}
	if id, ok := v.han[key]; ok {
		return id
	}
	if !add {
		return -1
	}
	id := v.n
	v.han[key] = id
	v.n++
	return id
}

// wordID is hanID for word terms; the map key is copied only when added.
func (v *vocab) wordID(w []byte, add bool) int32 {
	if v.word == nil {
		return v.storedWordID(w)
	}
	if id, ok := v.word[string(w)]; ok {
		return id
	}
	if !add {
		return -1
	}
	id := v.n
	v.word[string(w)] = id
	v.n++
	return id
}

// isHan reports whether r is a Han character, with a fast path for the
// CJK Unified Ideographs block that nearly all policy text uses.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// foldWord maps ASCII and full-width letters and digits to lower-case ASCII,
// and returns 0 for anything else.
func foldWord(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z':
		return byte(r)
	case r >= 'A' && r <= 'Z':
		return byte(r - 'A' + 'a')
	case r >= '０' && r <= '９':
		return byte(r - '０' + '0')
	case r >= 'ａ' && r <= 'ｚ':
		return byte(r - 'ａ' + 'a')
	case r >= 'Ａ' && r <= 'Ｚ':
		return byte(r - 'Ａ' + 'a')
	}
	return 0
}

// appendTerms appends the term IDs of s to dst: every pair of adjacent Han
// characters, a lone Han character between non-Han runes, and every run of
// letters and digits (a '.' between digits stays inside the run, so 5.5 is
// one term). Punctuation, spaces and line breaks separate runs. Unknown terms
// are added to v when add is set and skipped otherwise.
func appendTerms(dst []int32, s string, v *vocab, add bool) []int32 {
	var word [64]byte
	wn := 0
	flushWord := func() {
		if wn > 0 {
			if id := v.wordID(word[:wn], add); id >= 0 {
				dst = append(dst, id)
			}
			wn = 0
		}
	}
	var prev rune // previous Han character of the current run, or 0
	run := 0      // length of the current Han run
	endRun := func() {
		if run == 1 {
			if id := v.hanID(uint64(prev)<<32, add); id >= 0 {
				dst = append(dst, id)
			}
		}
		run, prev = 0, 0
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isHan(r) {
			flushWord()
			if run > 0 {
				if id := v.hanID(uint64(prev)<<32|uint64(r), add); id >= 0 {
					dst = append(dst, id)
				}
			}
			prev = r
			run++
			i += size
			continue
		}
		endRun()
		if b := foldWord(r); b != 0 {
			if wn < len(word) {
				word[wn] = b
				wn++
			}
		} else if r == '.' && wn > 0 && word[wn-1] <= '9' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			if wn < len(word) {
				word[wn] = '.'
				wn++
			}
		} else {
			flushWord()
		}
		i += size
	}
	endRun()
	flushWord()
	return dst
}
