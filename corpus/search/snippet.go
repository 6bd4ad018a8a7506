package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetRunes is the width of a snippet window.
const snippetRunes = 80

// snippet returns s on one line, cut to a window around pos when long, and
// pos shifted into it.
func snippet(s string, pos []int) (string, []int) {
	n := utf8.RuneCountInString(s)
	from, to := 0, n
	if n > snippetRunes {
		first := 0
		if len(pos) > 0 {
			first = pos[0]
		}
		from = max(0, first-snippetRunes/4)
		to = min(n, from+snippetRunes)
		from = max(0, to-snippetRunes)
	}
	lo, hi := byteRange(s, from, to)
	var b strings.Builder
	shift := -from
	if from > 0 {
		b.WriteString("…")
		shift++
	}
	for _, r := range s[lo:hi] {
		if unicode.IsControl(r) {
			r = ' ' // newlines, tabs, escapes: one line, safe to print
		}
		b.WriteRune(r) // an invalid byte becomes U+FFFD, still one rune
	}
	if to < n {
		b.WriteString("…")
	}
	var sm []int
	for _, p := range pos {
		if p >= from && p < to {
			sm = append(sm, p+shift)
		}
	}
	return b.String(), sm
}
