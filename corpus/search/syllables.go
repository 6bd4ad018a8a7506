package search

import (
	"slices"
	"strings"

	"policyreader/corpus/internal/hanzi"
)

// mandarinSyllables holds every toneless reading go-pinyin gives any
// character, lower-case ASCII, sorted (from package hanzi's table).
var mandarinSyllables = hanzi.Syllables()

// joinSyllables reads pinyin typed with its syllables apart as one word:
// an apostrophe inside a run of letters separates syllables (dang'an,
// xi'an) and is dropped, and consecutive terms that are each a Mandarin
// syllable (luo hu, jiu ye you xian) are joined (luohu), so they must
// match one run of characters rather than each anywhere. A syllable is
// any reading go-pinyin knows, whatever the corpus holds, so a query
// reads the same over any part of a library. Terms with other characters, initials that are no syllable
// (jy), and Han text are left as they are.
func joinSyllables(query string) string {
	fields := strings.Fields(query)
	if len(fields) == 0 {
		return query
	}
	isSyllable := func(f string) bool {
		_, ok := slices.BinarySearch(mandarinSyllables, strings.ToLower(f))
		return ok
	}
	var out []string
	run := []string{}
	flush := func() {
		if len(run) >= 2 {
			out = append(out, strings.Join(run, ""))
		} else {
			out = append(out, run...)
		}
		run = run[:0]
	}
	for _, f := range fields {
		if letters, ok := withoutApostrophes(f); ok {
			f = letters
		}
		if isSyllable(f) {
			run = append(run, f)
			continue
		}
		flush()
		out = append(out, f)
	}
	flush()
	return strings.Join(out, " ")
}

// withoutApostrophes returns f with the apostrophes between its letters
// removed, when f is ASCII letters separated by single apostrophes (' or
// ’); ok is false otherwise.
func withoutApostrophes(f string) (string, bool) {
	if !strings.ContainsAny(f, "'’") {
		return f, false
	}
	var b strings.Builder
	prevLetter := false
	for _, r := range f {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			b.WriteRune(r)
			prevLetter = true
		case (r == '\'' || r == '’') && prevLetter:
			prevLetter = false
		default:
			return f, false
		}
	}
	if !prevLetter {
		return f, false // a trailing apostrophe
	}
	return b.String(), true
}
