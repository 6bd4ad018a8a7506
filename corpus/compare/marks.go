package compare

import (
	"sort"
	"strings"

	"policyreader/corpus/highlight"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// marks finds what own says that other does not: phrases with no close
// counterpart in other, the runs of the rest that their counterpart lacks,
// and own's targets and bodies whose wording other never uses.
func marks(own, other text, spans []highlight.Span) []Mark {
	var out []Mark
	otherPhrases := other.split(phraseEnd)
	ob := make([][]uint64, len(otherPhrases))
	for j, p := range otherPhrases {
		ob[j] = other.bigrams(p.Start, p.End)
	}
	idx := newPostings(ob)
	dmp := diffmatchpatch.New()
	for _, p := range own.split(phraseEnd) {
		b := own.bigrams(p.Start, p.End)
		best, bestSim := -1, 0.0
		for j, shared := range idx.overlaps(b) {
			if shared == 0 {
				continue
			}
			if s := idx.diceWith(b, j, shared); s > bestSim {
				best, bestSim = j, s
			}
		}
		if best < 0 || bestSim < phraseMin {
			if s, e, ok := own.trim(p.Start, p.End); ok {
				out = append(out, Mark{s, e, Only})
			}
			continue
		}
		q := otherPhrases[best]
		diffs := dmp.DiffMain(string(own.runes[p.Start:p.End]), string(other.runes[q.Start:q.End]), false)
		diffs = dmp.DiffCleanupSemantic(diffs)
		pos, equalStart := p.Start, p.Start
		for _, d := range diffs {
			n := len([]rune(d.Text))
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				equalStart = pos
				pos += n
			case diffmatchpatch.DiffDelete:
				s, e := own.shiftLeft(pos, pos+n, equalStart)
				if s, e, ok := own.trim(s, e); ok {
					out = append(out, Mark{s, e, Only})
				}
				pos += n
				equalStart = pos
			}
		}
	}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(own.runes) || s.Start >= s.End {
			continue
		}
		kind := OnlyTarget
		switch s.Kind {
		case highlight.Target:
		case highlight.Body:
			kind = OnlyBody
		default:
			continue
		}
		w := strings.Join(strings.Fields(string(own.runes[s.Start:s.End])), "")
		if w != "" && !strings.Contains(other.bare, w) {
			out = append(out, Mark{s.Start, s.End, kind})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// trim narrows [s, e) to its first and last content runes; ok is false
// when fewer than minMarked content runes remain.
func (t text) trim(s, e int) (int, int, bool) {
	for s < e && !content(t.runes[s]) {
		s++
	}
	for e > s && !content(t.runes[e-1]) {
		e--
	}
	n := 0
	for _, r := range t.runes[s:e] {
		if content(r) {
			n++
		}
	}
	return s, e, n >= minMarked
}

// shiftLeft moves a run [s, e) of own text that the diff found after
// shared text starting at floor as far left as it goes unchanged: while
// the rune before the run equals the run's last rune, the same difference
// can be drawn one rune earlier. The diff has no notion of words and
// leaves 全面取消城[区常住人口300万以下的城]市 for what reads
// 全面取消[城区常住人口300万以下的]城市; in Chinese the added modifier
// comes before the head it shares, so the leftmost drawing is the one
// that reads as a phrase.
func (t text) shiftLeft(s, e, floor int) (int, int) {
	for s > floor && s < e && t.runes[s-1] == t.runes[e-1] {
		s--
		e--
	}
	return s, e
}
