package search

import "strings"

// Limits that keep hostile queries cheap: extra terms and runes are dropped.
const (
	maxTerms     = 8
	maxTermRunes = 63 // the pinyin matcher keeps its state in a uint64
)

// term is one whitespace-separated part of a query, ASCII-folded.
type term struct {
	text       string
	runes      []rune
	letters    bool   // holds an ASCII letter, so it may be pinyin
	letterMask uint32 // its letters as letterBit bits
	// fold holds the fold kinds of text the term could meet (see
	// foldNeeds): only those are folded before a literal match.
	fold uint8
	// contigFuzzy is sahilm/fuzzy's normalised bonus for the term matched
	// as one unbroken run.
	contigFuzzy int
	// filter is the pinyin prefilter of a term with letters, set by Search.
	filter *pinyinFilter
	// chains are the initials sequences a term of letters only may spell
	// (nil: unconstrained), set by Search.
	chains *chainTable
	// lead is 1 + the index in prefix2s of the first two letters every
	// character that starts a match by its readings must begin with (lu
	// for luohu: no split starts with a one-letter unit), or 0 when any
	// character with the first letter may; set by Search.
	lead int
	// floor is the fewest readings a term of letters cuts short
	// (cutFloor), set by Search.
	floor int
	// pairs are its pair tables for skeleton walks, shared by the workers
	// (nil: none), set by Search.
	pairs *termPairs
}

// query is a parsed search query.
type query struct {
	terms []term
	key   string // the normalised query, for narrowing
}

// parseQuery splits s at Unicode white space (the ideographic space too) and
// folds each rune (see foldRune): capitals and full-width forms.
func parseQuery(s string) query {
	var q query
	for _, f := range strings.Fields(s) {
		if len(q.terms) == maxTerms {
			break
		}
		rs := []rune(f)
		if len(rs) > maxTermRunes {
			rs = rs[:maxTermRunes]
		}
		t := term{runes: rs}
		for i, r := range rs {
			rs[i] = foldRune(r)
			t.fold |= foldNeeds(rs[i])
			if b := letterBit(rs[i]); b != 0 {
				t.letters = true
				t.letterMask |= b
			}
		}
		t.text = string(rs)
		t.contigFuzzy = fuzzyBonus(&t, t.text, len(rs))
		q.terms = append(q.terms, t)
	}
	keys := make([]string, len(q.terms))
	for i, t := range q.terms {
		keys[i] = t.text
	}
	q.key = strings.Join(keys, " ")
	return q
}

// extends reports whether q is prev with its last term grown (or equal), so
// every match of q is among the matches of prev.
func (q query) extends(prev string) bool {
	if prev == "" || !strings.HasPrefix(q.key, prev) {
		return false
	}
	return !strings.Contains(q.key[len(prev):], " ")
}
