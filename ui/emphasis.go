package ui

import (
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/cite"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/x/ansi"
)

// emphasis is a run of one node's text drawn louder than its highlight:
// the target the targets view jumped to. The zero value emphasises nothing.
type emphasis struct {
	node       *corpus.Node
	start, end int // rune offsets into node.Text, end exclusive
}

// render returns the rows of lines that show part of the emphasised run,
// redrawn with it in st.TargetFocus, keyed by row. The cached rendering
// stays untouched, so leaving the clause drops the emphasis for free.
func (e emphasis) render(lines []detailLine, st *Styles, cites *cite.Resolver) map[int]string {
	if e.node == nil || e.start >= e.end {
		return nil
	}
	if e.node.Kind == corpus.Table && len(e.node.Rows) > 0 {
		return e.renderTable(lines, st)
	}
	var runes []rune
	var r *detailRenderer
	var spans []corpus.Span
	out := map[int]string{}
	for i, l := range lines {
		if l.node != e.node || l.heading || l.end <= e.start || l.start >= e.end {
			continue
		}
		if r == nil {
			runes = []rune(textlayout.Sanitize(e.node.Text))
			rr := newDetailRenderer(st, cites)
			r = &rr
			spans = r.spans(e.node)
		}
		if l.end > len(runes) {
			continue
		}
		s, en := max(e.start, l.start), min(e.end, l.end)
		var b strings.Builder
		b.WriteString(r.styled(runes, l.start, s, spans))
		b.WriteString(newPainter(st.TargetFocus).paint(string(runes[s:en])))
		b.WriteString(r.styled(runes, en, l.end, spans))
		out[i] = b.String()
	}
	return out
}

// renderTable emphasises the target in a table, whose rows are laid out
// from the cells rather than from the text offsets. Cells keep their order,
// so the target is the phrase's k-th occurrence in the rendered rows when
// it is its k-th in the text (a phrase wrapped inside a cell is not found).
func (e emphasis) renderTable(lines []detailLine, st *Styles) map[int]string {
	runes := []rune(textlayout.Sanitize(e.node.Text))
	if e.end > len(runes) {
		return nil
	}
	phrase := oneLine(string(runes[e.start:e.end]))
	k := strings.Count(string(runes[:e.start]), phrase)
	for i, l := range lines {
		if l.node != e.node {
			continue
		}
		plain := ansi.Strip(l.text)
		for from := 0; ; {
			j := strings.Index(plain[from:], phrase)
			if j < 0 {
				break
			}
			j += from
			if k == 0 {
				return map[int]string{i: st.Table.Render(plain[:j]) + st.TargetFocus.Render(phrase) + st.Table.Render(plain[j+len(phrase):])}
			}
			k--
			from = j + len(phrase)
		}
	}
	return nil
}

// Emphasize draws runes [start, end) of n's text emphasised until the
// pane shows another node, and scrolls them into view.
func (m detailModel) Emphasize(n *corpus.Node, start, end int) detailModel {
	m.emph = emphasis{node: n, start: start, end: end}
	m.emphLines = m.emph.render(m.lines, m.styles, m.cites)
	m = m.ScrollTo(n, "text", start)
	first := -1
	for row := range m.emphLines {
		if first < 0 || row < first {
			first = row
		}
	}
	if first >= 0 && (first < m.offset || first >= m.offset+m.height) {
		m.offset = clamp(first-min(2, m.height/4), 0, m.maxOffset())
	}
	return m
}

// SetCitations gives the pane the citation resolver, so citations that
// lead somewhere are drawn as links: every cached rendering is dropped.
func (m detailModel) SetCitations(r *cite.Resolver) detailModel {
	m.cites = r
	m.cache = map[detailKey][]detailLine{}
	return m.relayout()
}

// SetRelated gives the pane the related-clause index, so clauses end with
// their closest relatives: cached renderings of nodes are dropped, those
// of whole documents (which have no related section) kept.
func (m detailModel) SetRelated(src *relatedSource) detailModel {
	m.rel = src
	cache := make(map[detailKey][]detailLine, len(m.cache))
	for k, v := range m.cache {
		if strings.HasPrefix(k.id, "doc:") {
			cache[k] = v
		}
	}
	m.cache = cache
	return m.relayout()
}

// ClearEmphasis drops the emphasis without moving the view.
func (m detailModel) ClearEmphasis() detailModel {
	m.emph = emphasis{}
	m.emphLines = nil
	return m
}
