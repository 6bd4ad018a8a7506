package search

import (
	"strings"
	"unicode/utf8"
)

// Folding makes a query match text typed in another width or case: ASCII
// capitals become lower case, the full-width forms U+FF01–U+FF5E (２０２５,
// ＡＢＣ, ，（）：) become their ASCII counterparts U+0021–U+007E (then
// lower case), and the ideographic space U+3000 becomes a space. Every rune
// folds to exactly one rune, so rune positions found in a folded string
// are positions in the original.
const (
	wideFirst = 0xFF01 // ！
	wideLast  = 0xFF5E // ～
	wideShift = 0xFF01 - '!'
	ideoSpace = 0x3000
)

// foldRune folds one rune; runes outside the folded ranges are returned as
// they are.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < ideoSpace:
		return r
	case r >= wideFirst && r <= wideLast:
		r -= wideShift
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r == ideoSpace:
		return ' '
	}
	return r
}

// Fold kinds say which runes of a string fold, so a match folds a string
// only when the term could meet one of them. A term of Han characters
// matches the same runes folded or not.
const (
	foldUpper  uint8 = 1 << iota // an ASCII capital
	foldLetter                   // a full-width letter
	foldDigit                    // a full-width digit
	foldPunct                    // other full-width ASCII, or U+3000
)

// foldKind returns the fold kind of r, or 0 when r folds to itself.
func foldKind(r rune) uint8 {
	switch f := foldRune(r); {
	case f == r:
		return 0
	case r < utf8.RuneSelf:
		return foldUpper
	case f >= 'a' && f <= 'z':
		return foldLetter
	case f >= '0' && f <= '9':
		return foldDigit
	default:
		return foldPunct
	}
}

// foldNeeds returns the fold kinds of text that can change whether the
// folded rune r matches: a letter may meet a capital or a full-width
// letter, a digit a full-width digit, other ASCII full-width punctuation.
func foldNeeds(r rune) uint8 {
	switch {
	case r >= 'a' && r <= 'z':
		return foldUpper | foldLetter
	case r >= '0' && r <= '9':
		return foldDigit
	case r > ' ' && r < utf8.RuneSelf:
		return foldPunct
	}
	return 0
}

// foldString folds the runes of s whose fold kind is in kinds, one rune for
// one; it returns s itself, without allocating, when none is. Invalid bytes
// are kept as they are, so they still count as one rune each.
func foldString(s string, kinds uint8) string {
	if kinds == 0 {
		return s
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' && kinds&foldUpper != 0 {
				return foldFrom(s, i, kinds)
			}
			i++
			continue
		}
		// Only U+3000 (E3 80 80) and U+FF01–U+FF5E (EF BC 81 – EF BD 9E)
		// fold; check their lead bytes before decoding.
		if c != 0xE3 && c != 0xEF {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if k := foldKind(r); k != 0 && kinds&k != 0 {
			return foldFrom(s, i, kinds)
		}
		i += size
	}
	return s
}

// foldFrom folds s from byte offset i on, copying s[:i] as it is.
func foldFrom(s string, i int, kinds uint8) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if k := foldKind(r); k != 0 && kinds&k != 0 {
			b.WriteRune(foldRune(r))
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
