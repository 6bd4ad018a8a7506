package ui

import (
	"strings"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"

	tea "github.com/charmbracelet/bubbletea"
)

// How the root model drives bookmarks and the reading position: b on the
// tree's selection, B opens the list, the store's replies land in the
// status bar, and the reading position is saved after each jump and on
// quit and restored by New.

// resumeState is the root's part of the reading position.
type resumeState struct {
	scroll   int  // detail offset to restore once the pane has a size
	quitting bool // q was pressed; quit once the store has caught up
}

// toggleBookmark bookmarks the tree's selection (any chapter, section,
// clause or box: whatever the tree shows as a node), or removes its
// bookmark.
func (m Model) toggleBookmark() (Model, tea.Cmd) {
	r, ok := m.tree.Selected()
	if !ok || r.node == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("select a chapter, section or clause to bookmark it"), false)
		return m, nil
	}
	var added bool
	var cmd tea.Cmd
	m.bookmarks, added, cmd = m.bookmarks.Toggle(r.node, time.Now())
	m.tree = m.tree.SetMarked(m.bookmarks.ids())
	title := cleanLine(r.node.Title())
	if added {
		m.status = m.status.SetMessage(m.styles.tr.F("bookmarked %s · B lists bookmarks", title), false)
	} else {
		m.status = m.status.SetMessage(m.styles.tr.F("bookmark removed: %s", title), false)
	}
	return m, cmd
}

// openBookmarks shows the list, its cursor on the selection's bookmark.
func (m Model) openBookmarks() (Model, tea.Cmd) {
	r, _ := m.tree.Selected()
	return m.openPane(m.bookmarks.Open(r.node, time.Now()), nil)
}

// marks is the bookmarks as they are now: the list's while it is open
// (its edits and its persister live there), else the reader's.
func (m Model) marks() bookmarksModel {
	if p, ok := m.pane.(bookmarksModel); ok {
		return p
	}
	return m.bookmarks
}

// setMarks stores b where marks reads it, and marks the tree.
func (m Model) setMarks(b bookmarksModel) Model {
	if _, ok := m.pane.(bookmarksModel); ok {
		m.pane = b
	} else {
		m.bookmarks = b
	}
	m.tree = m.tree.SetMarked(b.ids())
	return m
}

// handleStore takes a store reply: a failure or a warning goes to the
// status bar (the change stays in the session, and the store retries it
// with its next write), and a pending quit completes.
func (m Model) handleStore(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case storeDoneMsg:
		var b bookmarksModel
		b, cmd = m.marks().Done(msg)
		m = m.setMarks(b)
		var notes []string
		if msg.err != nil {
			notes = append(notes, m.styles.tr.F("could not %s (kept for this session): %v", m.styles.tr.T(msg.kind.String()), msg.err))
		}
		notes = append(notes, msg.warnings...)
		if len(notes) > 0 {
			m.status = m.status.SetMessage(strings.Join(notes, "; "), true)
		}
	case storeSlowMsg:
		var b bookmarksModel
		b, cmd = m.marks().Slow(msg)
		m = m.setMarks(b)
		if m.resume.quitting {
			m.status = m.status.SetMessage(m.styles.tr.F("q again quits without saving · still trying to %s (slow disk, or another policyreader has the bookmarks)", m.styles.tr.T(msg.kind.String())), true)
		} else {
			m.status = m.status.SetMessage(m.styles.tr.F("still trying to %s (the disk is slow or another policyreader has the bookmarks); reading goes on", m.styles.tr.T(msg.kind.String())), true)
		}
	}
	if m.resume.quitting && m.marks().persist.idle() {
		return m, tea.Quit
	}
	return m, cmd
}

// finish saves the reading position and quits once the store has written
// every change (at once when there is no store, or on a second quit key).
// While a write waits — a slow disk, another policyreader holding the
// bookmarks — the status bar says so and a second q quits without waiting;
// what is left unsaved is then reported after the reader leaves the screen
// (see SaveQueued and bookmark.Store.Unsaved).
func (m Model) finish() (Model, tea.Cmd) {
	if !m.bookmarks.enabled() || m.resume.quitting {
		return m, tea.Quit
	}
	m.resume.quitting = true
	m, cmd := m.savePosition()
	if cmd == nil && m.bookmarks.persist.idle() {
		return m, tea.Quit
	}
	if m.bookmarks.persist.stalled {
		m.status = m.status.SetMessage(m.styles.tr.T("q again quits without saving · still saving (slow disk, or another policyreader has the bookmarks)"), true)
	} else {
		m.status = m.status.SetMessage(m.styles.tr.T("saving…"), false)
	}
	return m, cmd
}

// savePosition saves the tree's selection and the detail pane's scroll.
func (m Model) savePosition() (Model, tea.Cmd) {
	r, ok := m.tree.Selected()
	if !ok || !m.bookmarks.enabled() {
		return m, nil
	}
	// What the reading pane shows, with its scroll: the tree may point
	// further down a document the reader scrolls through.
	id := r.doc.ID
	if r.node != nil {
		id = r.node.ID
	}
	if d := m.detail.doc; d != nil {
		id = d.ID
		if m.detail.node != nil {
			id = m.detail.node.ID
		}
	}
	focus := "tree"
	if m.focus == focusDetail {
		focus = "text"
	}
	p := bookmark.Position{NodeID: id, Scroll: m.detail.offset, Corpus: m.corpus.Key(), Focus: focus,
		Updated: time.Now().UTC().Truncate(time.Millisecond)}
	b, cmd := m.marks().SavePosition(p)
	return m.setMarks(b), cmd
}

// restorePosition reopens the reader where store says it was: the node
// selected in the tree and shown in the detail pane, which gets its scroll
// back once it has a size. A node that no longer exists falls back to its
// nearest ancestor that does (by ID: the chapter, then the document), with
// a note in the status bar; a document that is gone leaves the start
// screen.
func (m Model) restorePosition(store BookmarkStore) Model {
	if store == nil {
		return m
	}
	p, ok := store.PositionFor(m.corpus.Key())
	if !ok || p.NodeID == "" {
		return m
	}
	// Focus returns to the pane the reader quit from; positions saved
	// before the pane was recorded open the text, as they did.
	focusBack := focusDetail
	if p.Focus == "tree" {
		focusBack = focusTree
	}
	n, d, exact := findPosition(m.corpus, p.NodeID)
	switch {
	case n != nil:
		var row treeRow
		m.tree, row = m.tree.Reveal(n)
		if row.doc == nil {
			return m
		}
		m.detail = m.detail.Show(row.doc, row.node)
		m = m.setMode(modeBrowse, focusBack)
	case d != nil:
		m.tree = selectDoc(m.tree, d)
		m.detail = m.detail.Show(d, nil)
		if exact && (p.Scroll > 0 || p.Focus == "text") {
			m = m.setMode(modeBrowse, focusBack)
		}
	case p.Corpus == "":
		return m // an old file's one position, from some other documents
	default:
		return m.addStatus(m.styles.tr.F("your last place is not in these documents (%s)", p.NodeID), false)
	}
	if !exact {
		r, _ := m.tree.Selected()
		where := r.doc.Label()
		if r.node != nil {
			where = r.node.Title()
		}
		return m.addStatus(m.styles.tr.F("your last place is gone from the document; reopened at %s (was %s)", where, p.NodeID), false)
	}
	m.resume.scroll = max(p.Scroll, 0)
	return m
}

// restoreScroll gives the detail pane its saved scroll, once it has a size.
func (m Model) restoreScroll() Model {
	if m.resume.scroll > 0 && m.detail.width > 0 {
		m.detail = m.detail.Scroll(m.resume.scroll)
		m.resume.scroll = 0
	}
	return m
}

// selectDoc moves t's cursor to d's row.
func selectDoc(t treeModel, d *corpus.Document) treeModel {
	for i, r := range t.rows {
		if r.node == nil && r.doc == d {
			t.cursor = i
			break
		}
	}
	t.scrollToCursor()
	return t
}

// addStatus adds msg to the status bar's message.
func (m Model) addStatus(msg string, warning bool) Model {
	if m.status.message != "" {
		msg = m.status.message + "; " + msg
		warning = warning || m.status.warning
	}
	m.status = m.status.SetMessage(msg, warning)
	return m
}

// findPosition finds the node or document with id in c; when it is gone,
// the nearest ancestor by ID (IDs are paths: doc/pt3/c4) with exact false.
func findPosition(c *corpus.Corpus, id string) (n *corpus.Node, d *corpus.Document, exact bool) {
	exact = true
	for id != "" {
		if n, ok := c.Node(id); ok {
			return n, nil, exact
		}
		if d, ok := c.Doc(id); ok {
			return nil, d, exact
		}
		exact = false
		i := strings.LastIndexByte(id, '/')
		if i < 0 {
			break
		}
		id = id[:i]
	}
	return nil, nil, false
}

// positionTimer debounces saving the reading position on tree moves: each
// selection restarts it, and only the last one's tick saves.
type positionTimer struct {
	delay time.Duration // zero: save only on jumps and quit
	seq   int
}

// positionRestedMsg says the selection numbered seq has rested.
type positionRestedMsg struct{ seq int }

// restart numbers a new selection and returns the tick that reports it
// rested, or nil when debounced saving is off.
func (p positionTimer) restart() (positionTimer, tea.Cmd) {
	if p.delay <= 0 {
		return p, nil
	}
	p.seq++
	seq := p.seq
	return p, tea.Tick(p.delay, func(time.Time) tea.Msg { return positionRestedMsg{seq} })
}

// current reports whether msg is the tick of the latest selection.
func (p positionTimer) current(msg positionRestedMsg) bool { return msg.seq == p.seq }
