// Package compare sets one clause beside another — a central clause beside
// a province's implementation of it — aligned sentence by sentence, with
// what only one side says marked at phrase level and the targets and
// bodies only one side names emphasised.
//
// Alignment pairs sentences by character-bigram overlap (Dice), best pairs
// first and one to one, so a province that reorders the centre's sentences
// still lines up; a sentence left over that is mostly contained in one of
// the other side's sentences joins that sentence's row (one side split a
// sentence the other did not). Marking works on phrases (text between
// ，；：。 and the like): a phrase with no close counterpart anywhere in the
// other clause is marked whole; a phrase with one is diffed against it
// character by character and only the runs the other lacks are marked.
package compare

import (
	"sort"
	"strings"
	"unicode"

	"policyreader/corpus"
)

// MarkKind says why a run of one side is marked.
type MarkKind int

const (
	// Only marks wording only this side has.
	Only MarkKind = iota
	// OnlyTarget marks a target (300 万以下, 到2025年) the other side does not state.
	OnlyTarget
	// OnlyBody marks a responsible body the other side does not name.
	OnlyBody
)

// String names the kind as JSON and tests spell it.
func (k MarkKind) String() string {
	switch k {
	case OnlyTarget:
		return "target"
	case OnlyBody:
		return "body"
	}
	return "only"
}

// Mark is a marked run of a side's text, in rune offsets (end exclusive).
type Mark struct {
	Start, End int
	Kind       MarkKind
}

// Range is a run of a side's text in rune offsets (end exclusive).
type Range struct{ Start, End int }

// Side is one clause of a comparison.
type Side struct {
	// Node is the clause.
	Node *corpus.Node
	// Sentences split Node.Text, in order; together they cover every
	// non-blank rune.
	Sentences []Range
	// Marks are sorted by Start; Only marks do not overlap each other, and
	// target and body marks do not overlap each other.
	Marks []Mark
}

// OnlyPhrases returns the text of the side's Only marks, in order.
func (s Side) OnlyPhrases() []string {
	r := []rune(s.Node.Text)
	var out []string
	for _, m := range s.Marks {
		if m.Kind == Only {
			out = append(out, strings.TrimSpace(string(r[m.Start:m.End])))
		}
	}
	return out
}

// Sentence returns the text of sentence i.
func (s Side) Sentence(i int) string {
	r := []rune(s.Node.Text)
	return string(r[s.Sentences[i].Start:s.Sentences[i].End])
}

// Row is one line of the alignment: the sentences of each side that say
// the same thing (either may be empty: what only one side says).
type Row struct {
	Left, Right []int
	// Similarity is the Dice overlap of the two sides' bigrams, 0 when a
	// side is empty.
	Similarity float64
}

// Result is a comparison of two clauses.
type Result struct {
	Left, Right Side
	Rows        []Row
	// Similarity is the Dice overlap of the whole clauses' bigrams.
	Similarity float64
}

// Thresholds of the alignment, tuned on the seeds' central clauses and
// their Guangdong and Jiangxi implementations.
const (
	// pairMin is the least overlap that pairs two sentences.
	pairMin = 0.2
	// joinMin is the share of a leftover sentence's bigrams that must be
	// in another sentence for it to join that sentence's row.
	joinMin = 0.6
	// phraseMin is the least overlap for two phrases to be diffed against
	// each other instead of the phrase being marked whole.
	phraseMin = 0.3
	// minMarked is the fewest content runes (Han, letters, digits) a
	// marked run needs; a lone 的 or 和 is wording, not a difference.
	minMarked = 2
)

// Compare sets a beside b. Either may be nil or empty: the other side is
// then all its own.
func Compare(a, b *corpus.Node) Result {
	left, right := newText(a), newText(b)
	res := Result{Left: Side{Node: a}, Right: Side{Node: b}}
	if a == nil || b == nil {
		return res
	}
	a.Doc.EnsureAnnotations()
	b.Doc.EnsureAnnotations()
	res.Left.Sentences, res.Right.Sentences = left.sentenceRanges(), right.sentenceRanges()
	res.Similarity = dice(left.bigrams(0, len(left.runes)), right.bigrams(0, len(right.runes)))
	res.Rows = align(left, right, res.Left.Sentences, res.Right.Sentences)
	res.Left.Marks = marks(left, right, a.Spans)
	res.Right.Marks = marks(right, left, b.Spans)
	return res
}

// text is one side's runes with the helpers the comparison needs.
type text struct {
	runes []rune
	// bare is the text without spaces, for substring checks of spans.
	bare string
}

func newText(n *corpus.Node) text {
	if n == nil {
		return text{}
	}
	return text{runes: []rune(n.Text), bare: strings.Join(strings.Fields(n.Text), "")}
}

// content reports whether r carries meaning for overlap: Han, letters and
// digits, not spaces or punctuation.
func content(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sentenceEnd reports runes that end a sentence.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '\n':
		return true
	}
	return false
}

// phraseEnd reports runes that end a phrase: sentence ends and the commas
// and colons inside a sentence (not 、, which lists within a phrase).
func phraseEnd(r rune) bool {
	return sentenceEnd(r) || r == '，' || r == ',' || r == '：' || r == ':'
}

// split cuts the text into runs ending at the runes end accepts; runs with
// no content rune are dropped, and each run is trimmed of spaces.
func (t text) split(end func(rune) bool) []Range {
	var out []Range
	start := 0
	flush := func(i int) {
		s, e := start, i
		for s < e && unicode.IsSpace(t.runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(t.runes[e-1]) {
			e--
		}
		for k := s; k < e; k++ {
			if content(t.runes[k]) {
				out = append(out, Range{s, e})
				break
			}
		}
		start = i
	}
	for i, r := range t.runes {
		if end(r) {
			flush(i + 1)
		}
	}
	flush(len(t.runes))
	return out
}

func (t text) sentenceRanges() []Range { return t.split(sentenceEnd) }

// bigrams returns the distinct bigrams of content runes in [start, end),
// sorted: pairs of neighbouring content runes, spaces and punctuation
// skipped (300 万 and 300万 give the same bigrams).
func (t text) bigrams(start, end int) []uint64 {
	var out []uint64
	prev := rune(-1)
	for _, r := range t.runes[start:end] {
		if !content(r) {
			if !unicode.IsSpace(r) {
				prev = -1 // punctuation breaks the chain; a space does not
			}
			continue
		}
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return dedupe(out)
}

func dedupe(s []uint64) []uint64 {
	if len(s) < 2 {
		return s
	}
	w := 1
	for _, v := range s[1:] {
		if v != s[w-1] {
			s[w] = v
			w++
		}
	}
	return s[:w]
}

// common counts the bigrams two sorted sets share.
func common(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// dice is the Dice coefficient of two bigram sets, 0 when both are empty.
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// postings indexes bigram sets so one set's overlap with all of them is
// counted in one pass over its bigrams, not one merge per set: the
// pairwise merges dominated comparing long clauses.
type postings struct {
	sets  [][]uint64
	index map[uint64][]int32
	count []int // scratch: shared bigrams per set for the current query
}

func newPostings(sets [][]uint64) *postings {
	p := &postings{sets: sets, index: map[uint64][]int32{}, count: make([]int, len(sets))}
	for j, s := range sets {
		for _, g := range s {
			p.index[g] = append(p.index[g], int32(j))
		}
	}
	// A bigram in very many sentences or phrases says nothing about which
	// pair up, and walking its list for every one of them would make a
	// long repetitive text quadratic: such lists are dropped.
	for g, l := range p.index {
		if len(l) > maxPosting {
			delete(p.index, g)
		}
	}
	return p
}

// maxPosting is the most sentences or phrases one bigram is followed in.
const maxPosting = 64

// overlaps counts, for every indexed set, the bigrams it shares with b;
// the slice is reused by the next call.
func (p *postings) overlaps(b []uint64) []int {
	clear(p.count)
	for _, g := range b {
		for _, j := range p.index[g] {
			p.count[j]++
		}
	}
	return p.count
}

// diceWith is the Dice coefficient of b and set j given their overlap.
func (p *postings) diceWith(b []uint64, j, shared int) float64 {
	if len(b)+len(p.sets[j]) == 0 {
		return 0
	}
	return 2 * float64(shared) / float64(len(b)+len(p.sets[j]))
}
