package ui

import (
	"context"
	"fmt"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
)

// viewOrigin is where the reader was when a view (targets, related) opened,
// so Esc can put it back: the tree row, the node shown, the detail scroll
// and the focused pane.
type viewOrigin struct {
	treeCursor   int
	treeRow      treeRow // the row under treeCursor, found again if rows moved
	doc          *corpus.Document
	node         *corpus.Node
	detailOffset int
	focus        focus
}

// background runs the start-up work that is not needed for the first
// frame (the related index); cancel abandons it when the reader quits.
type background struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newBackground() background {
	ctx, cancel := context.WithCancel(context.Background())
	return background{ctx: ctx, cancel: cancel}
}

// viewsInit starts building what the targets view and the related pane
// need, off the event loop.
//
// The targets are collected from every node: over a library read on first
// use (corpus.Corpus.OnDemand) that reads and annotates it all (apart from
// the reader's documents, a document per processor at a time), so they
// are collected only when the targets view first opens (openTargets).
func (m Model) viewsInit() tea.Cmd {
	cmds := []tea.Cmd{buildRelatedCmd(m.bg.ctx, m.corpus, m.relatedFor), buildCitationsCmd(m.corpus)}
	if !m.corpus.OnDemand() {
		cmds = append(cmds, collectTargetsCmd(m.corpus))
	}
	return tea.Batch(cmds...)
}

// updateViews handles the messages of the targets view and the related
// pane: their data arriving, a jump and a close.
func (m Model) updateViews(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case relatedReadyMsg:
		if msg.err != nil {
			m.relErr = msg.err
			m.status = m.status.SetMessage(m.styles.tr.F("related clauses unavailable: %v", msg.err), true)
			if m.pane != nil {
				var cmd tea.Cmd
				m.pane, cmd = m.pane.Update(sourcesMsg{relErr: msg.err})
				return m, cmd
			}
			return m, nil
		}
		m.rel = newRelatedSource(msg.index)
		m.detail = m.detail.SetRelated(m.rel)
		// An open pane fills in, under the help overlay too.
		if m.pane != nil {
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(sourcesMsg{rel: m.rel})
			return m, cmd
		}
	case targetsReadyMsg:
		m.targets = m.targets.SetTargets(msg.targets)
		if _, ok := m.pane.(targetsModel); ok {
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(msg)
			return m, cmd
		}
	case citationsReadyMsg:
		m.cites = citeState{resolver: msg.resolver, sel: -1}
		m.detail = m.detail.SetCitations(msg.resolver)
	case closeViewMsg:
		return m.closeView(), nil
	case jumpTargetMsg:
		t := msg.target
		n := t.Node
		if n == nil {
			// Collected apart from the reader's documents (see
			// collectTargetsCmd): its node is found by ID.
			var ok bool
			if n, ok = m.corpus.Node(t.NodeID); !ok {
				m.status = m.status.SetMessage(m.styles.tr.F("this target's clause could not be found: %s", t.NodeID), true)
				return m, nil
			}
		}
		m = m.jumpFrom(jumpMsg{node: n, field: "text", offset: t.Start})
		m.detail = m.detail.Emphasize(n, t.Start, t.End)
		return m.savePosition()
	}
	return m, nil
}

// saveOrigin remembers where the reader is before a view opens.
func (m Model) saveOrigin() Model {
	m.origin = m.here()
	return m
}

// here is where the reader is: tree row, node shown, scroll and focus.
func (m Model) here() viewOrigin {
	r, _ := m.tree.Selected()
	return viewOrigin{treeCursor: m.tree.cursor, treeRow: r, doc: m.detail.doc, node: m.detail.node,
		detailOffset: m.detail.offset, focus: m.focus}
}

// openRelated opens the related pane on the clause the detail pane shows.
func (m Model) openRelated() (Model, tea.Cmd) {
	n := m.detail.node
	if n == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("related: select a clause first"), false)
		return m, nil
	}
	return m.openPane(newRelated(n, m.rel, m.relErr, m.styles), nil)
}

// openTargets opens the targets view where it was left: its query, order
// and cursor.
func (m Model) openTargets() (Model, tea.Cmd) {
	t, cmd := m.targets.Open()
	if m.corpus.OnDemand() && !t.ready && !t.collecting {
		t.collecting = true
		cmd = tea.Batch(cmd, collectTargetsCmd(m.corpus))
	}
	return m.openPane(t, cmd)
}

// keepPanes keeps the state of the panes that outlive an opening — the
// targets view's query, order and cursor; the search's query, history and
// index — when the open one closes, for the next time it opens.
func (m Model) keepPanes() Model {
	switch p := m.pane.(type) {
	case targetsModel:
		m.targets = p.Close()
	case searchModel:
		m.search = p.Close()
	case bookmarksModel:
		m.bookmarks = p.Close()
	}
	return m
}

// closeView leaves the open view and puts back the selection, the node
// shown and its scroll as they were when the view opened.
func (m Model) closeView() Model {
	m = m.keepPanes()
	m.pane = nil
	return m.restore(m.origin)
}

// restore puts the reader back at o: the tree row (found by identity when
// a jump has expanded rows above it since), the node shown, its scroll
// and the focus.
func (m Model) restore(o viewOrigin) Model {
	if o.doc != nil && !m.tree.Shows(o.doc) {
		// A facet filter chosen since hides where the reader was: stay
		// on the tree's row and show it.
		if r, ok := m.tree.Selected(); ok {
			m.detail = m.detail.Show(r.doc, r.node)
		}
		return m.setMode(modeBrowse, o.focus)
	}
	cursor := o.treeCursor
	if o.treeRow.doc != nil {
		for i, r := range m.tree.rows {
			if r.doc == o.treeRow.doc && r.node == o.treeRow.node {
				cursor = i
				break
			}
		}
	}
	if cursor >= 0 && cursor < len(m.tree.rows) {
		m.tree.cursor = cursor
		m.tree.scrollToCursor()
	}
	if o.doc != nil && (m.detail.doc != o.doc || m.detail.node != o.node) {
		m.detail = m.detail.Show(o.doc, o.node)
	}
	if o.doc != nil {
		m.detail = m.detail.Scroll(o.detailOffset - m.detail.offset)
	}
	return m.setMode(modeBrowse, o.focus)
}

// stop abandons the background work.
func (b background) stop() {
	if b.cancel != nil {
		b.cancel()
	}
}

// listPosition is the status bar's "row/rows" for a list, empty when the
// list is.
func listPosition(cursor, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", cursor+1, n)
}
