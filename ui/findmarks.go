package ui

import (
	"sort"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/cite"
	"policyreader/ui/textlayout"
)

// findMarks are the runs of text a search matched in the document being
// read, by node, drawn in the match style as less draws its matches; the
// one n or N stopped on is drawn louder by the emphasis.
type findMarks map[*corpus.Node][][2]int

// markRuns turns a hit's matched rune positions into runs [start, end).
func markRuns(pos []int) [][2]int {
	var out [][2]int
	for _, p := range pos {
		if n := len(out); n > 0 && out[n-1][1] == p {
			out[n-1][1] = p + 1
			continue
		}
		out = append(out, [2]int{p, p + 1})
	}
	return out
}

// render returns the rows of lines that hold a marked run, redrawn with
// the runs in st.Match, keyed by row.
func (f findMarks) render(lines []detailLine, st *Styles, cites *cite.Resolver) map[int]string {
	if len(f) == 0 {
		return nil
	}
	out := map[int]string{}
	var r *detailRenderer
	for i, l := range lines {
		runs := f[l.node]
		if l.node == nil || l.heading || len(runs) == 0 || l.node.Kind == corpus.Table {
			continue
		}
		var in [][2]int
		for _, run := range runs {
			if run[1] > l.start && run[0] < l.end {
				in = append(in, [2]int{max(run[0], l.start), min(run[1], l.end)})
			}
		}
		if len(in) == 0 {
			continue
		}
		if r == nil {
			rr := newDetailRenderer(st, cites)
			r = &rr
		}
		runes := []rune(textlayout.Sanitize(l.node.Text))
		if l.end > len(runes) {
			continue
		}
		spans := r.spans(l.node)
		sort.Slice(in, func(a, b int) bool { return in[a][0] < in[b][0] })
		match := newPainter(st.Match)
		var b strings.Builder
		pos := l.start
		for _, run := range in {
			if run[0] < pos {
				continue
			}
			b.WriteString(r.styled(runes, pos, run[0], spans))
			b.WriteString(match.paint(string(runes[run[0]:run[1]])))
			pos = run[1]
		}
		b.WriteString(r.styled(runes, pos, l.end, spans))
		out[i] = b.String()
	}
	return out
}

// SetFindMarks draws the runs of marks in the match style until they are
// replaced; nil removes them.
func (m detailModel) SetFindMarks(marks findMarks) detailModel {
	m.marks = marks
	m.markLines = marks.render(m.lines, m.styles, m.cites)
	return m
}
