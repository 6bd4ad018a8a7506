package ui

import (
	"context"
	"sort"

	"policyreader/corpus"
	"policyreader/corpus/search"
	"policyreader/ui/textlayout"

	tea "github.com/charmbracelet/bubbletea"
)

// findState is n/N's walk through the matches of the last search in the
// document being read, as less walks its matches: one stop per matching
// node, in reading order.
type findState struct {
	query string
	doc   *corpus.Document
	hits  []searchHit // in reading order
	order map[*corpus.Node]int
	at    int // the hit shown, -1 before the first step
	// left is where the last step left the reader: while the reader is
	// still there, the next step goes on from hit at.
	left viewOrigin
}

// findReadyMsg delivers the matches of query in doc, then steps dir.
type findReadyMsg struct {
	query string
	doc   *corpus.Document
	hits  []searchHit
	err   error
	dir   int
}

// lastQuery is the query n and N walk: the one searched last.
func (m searchModel) lastQuery() string {
	if m.query != "" {
		return m.query
	}
	if len(m.past) > 0 {
		return m.past[len(m.past)-1]
	}
	return ""
}

// findStep moves to the next (dir 1) or previous (dir -1) match of the
// last search in the document being read, collecting the matches first
// off the event loop.
func (m Model) findStep(dir int) (Model, tea.Cmd) {
	q := m.search.lastQuery()
	d := m.detail.doc
	switch {
	case q == "":
		m.status = m.status.SetMessage(m.styles.tr.T("n: search first (/); n and N then walk its matches in this document"), false)
		return m, nil
	case d == nil:
		m.status = m.status.SetMessage(m.styles.tr.T("n: open a document first"), false)
		return m, nil
	case m.search.find == nil:
		m.status = m.status.SetMessage(m.styles.tr.T("n: the search index is still being built"), false)
		return m, nil
	}
	if m.finder.query == q && m.finder.doc == d {
		return m.findMove(dir), nil
	}
	find := m.search.find
	return m, func() tea.Msg {
		hits, err := find(context.Background(), q, 0)
		var mine []searchHit
		for _, h := range hits {
			if h.Node != nil && h.Node.Doc == d {
				mine = append(mine, h)
			}
		}
		return findReadyMsg{query: q, doc: d, hits: mine, err: err, dir: dir}
	}
}

// findReady keeps the matches, in reading order, and takes the step.
func (m Model) findReady(msg findReadyMsg) Model {
	if msg.err != nil {
		m.status = m.status.SetMessage(m.styles.tr.F("find: %v", msg.err), true)
		return m
	}
	order := map[*corpus.Node]int{}
	i := 0
	msg.doc.Walk(func(n *corpus.Node) bool {
		order[n] = i
		i++
		return true
	})
	hits := msg.hits
	sort.SliceStable(hits, func(a, b int) bool { return order[hits[a].Node] < order[hits[b].Node] })
	m.finder = findState{query: msg.query, doc: msg.doc, hits: hits, order: order, at: -1}
	marks := findMarks{}
	for _, h := range hits {
		if h.Field == search.FieldText {
			marks[h.Node] = append(marks[h.Node], markRuns(h.Matched)...)
		}
	}
	m.detail = m.detail.SetFindMarks(marks)
	if m.mode != modeBrowse || m.helpOpen || m.gotoBox.open || m.treeFilter.open {
		return m // the reader has moved on to something else: the next n steps
	}
	return m.findMove(msg.dir)
}

// findMove shows the next or previous match after the place shown,
// wrapping at the ends, with its matched runes emphasised.
func (m Model) findMove(dir int) Model {
	f := m.finder
	label := oneLine(textlayout.Sanitize(f.query))
	if len(f.hits) == 0 {
		m.status = m.status.SetMessage(m.styles.tr.F("no match for %s in %s", label, shortDocLabel(f.doc)), false)
		return m
	}
	// Where the reader is: the node marked, else the node shown.
	here := -1
	if m.detail.emph.node != nil {
		here = f.order[m.detail.emph.node]
	} else if m.detail.node != nil {
		here = f.order[m.detail.node]
	}
	next := -1
	wrapped := false
	if f.at >= 0 && f.at < len(f.hits) && m.here() == f.left {
		next = f.at + dir // stepping on from the match shown
	} else if dir > 0 {
		for i, h := range f.hits {
			if f.order[h.Node] > here {
				next = i
				break
			}
		}
		if next < 0 {
			next = len(f.hits)
		}
	} else {
		next = -1
		for i, h := range f.hits {
			if f.order[h.Node] < here {
				next = i
			}
		}
	}
	if next >= len(f.hits) {
		next, wrapped = 0, true
	} else if next < 0 {
		next, wrapped = len(f.hits)-1, true
	}
	h := f.hits[next]
	m.finder.at = next
	off := -1
	if len(h.Matched) > 0 {
		off = h.Matched[0]
	}
	m = m.jump(jumpMsg{node: h.Node, field: h.Field, offset: off})
	if h.Field == search.FieldText && len(h.Matched) > 0 {
		m.detail = m.detail.Emphasize(h.Node, h.Matched[0], h.Matched[len(h.Matched)-1]+1)
	}
	m.finder.left = m.here()
	msg := m.styles.tr.F("%d/%d %s in %s · n next · N previous", next+1, len(f.hits), label, shortDocLabel(f.doc))
	if wrapped && len(f.hits) > 1 {
		msg += m.styles.tr.T(" · wrapped")
	}
	m.status = m.status.SetMessage(msg, false)
	return m
}
