package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pane is a view that takes over the body of the screen — the compare view,
// the responsible-bodies view. A pane is one file: it keeps its own state
// and key map, and talks to the reader only through messages (jumpMsg to
// land somewhere, closeViewMsg to leave, statusMsg to say something).
//
// The root model opens a pane with openPane, which remembers where the
// reader was; routes every message while it is open to Update; draws View
// over the body; lists KeyMap in the status bar and the help overlay; and
// shows Title as the status bar's label. Esc inside a pane is the pane's
// to handle (close, or clear its filter first); q and ? reach the reader
// unless the pane is typing.
//
// Search, the bookmarks list, related clauses, the targets view, compare,
// the responsible bodies and facets are panes. Adding one takes a file
// with its model (this interface, typingPane or positionPane as needed,
// and its own key map), a binding in keyMap with one case in
// handleBrowsing that calls openPane, and its messages in package msg's
// table. A pane whose state should outlive an opening (search, targets,
// bookmarks) is kept by the root between openings: see keepPanes.
type pane interface {
	// SetSize gives the pane the body's width and height.
	SetSize(width, height int) pane
	// Update handles a key or any message the reader forwards.
	Update(msg tea.Msg) (pane, tea.Cmd)
	// View draws exactly the body's height in lines of at most its width.
	View() string
	// KeyMap lists the pane's live keys, for the status bar and help.
	KeyMap() help.KeyMap
	// Title names the pane in the status bar (COMPARE, BODIES).
	Title() string
}

// typingPane is a pane with a text field: while Typing, q and ? are typed,
// not quit and help.
type typingPane interface {
	pane
	Typing() bool
}

// positionPane is a pane that shows where the reader is in it (3/12).
type positionPane interface {
	pane
	Position() string
}

// sourcesMsg is forwarded to an open pane when the reader's background
// indexes arrive, so a pane opened before them fills in.
type sourcesMsg struct {
	rel    *relatedSource
	relErr error // why the related index could not be built
}

// openPane shows p over the body, remembering where the reader was so
// closing it (closeViewMsg) puts the reader back.
func (m Model) openPane(p pane, cmd tea.Cmd) (Model, tea.Cmd) {
	m = m.saveOrigin()
	m.pane = p.SetSize(m.layout.width, m.layout.bodyHeight)
	return m.setMode(modePane, m.focus), cmd
}

// handlePaneKey gives a key to the open pane, after the reader's own q and
// ? when the pane is not typing.
func (m Model) handlePaneKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if tp, ok := m.pane.(typingPane); !ok || !tp.Typing() {
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.keys.Help):
			return m.openHelp(), nil
		}
	}
	var cmd tea.Cmd
	m.pane, cmd = m.pane.Update(msg)
	if b, ok := m.pane.(bookmarksModel); ok {
		m.tree = m.tree.SetMarked(b.ids()) // a deletion or its undo
	}
	return m, cmd
}

// paneTyping reports whether the open pane has a text field with focus.
func (m Model) paneTyping() bool {
	tp, ok := m.pane.(typingPane)
	return ok && m.mode == modePane && tp.Typing()
}

// panePosition is the open pane's position for the status bar.
func (m Model) panePosition() string {
	if pp, ok := m.pane.(positionPane); ok {
		return pp.Position()
	}
	return ""
}

// paneKeys is what the status bar and help list while a pane is open: the
// pane's keys first, then the reader's help and quit.
type paneKeys struct {
	pane help.KeyMap
	root keyMap
}

// ShortHelp lists the pane's short help, then ? and q.
func (k paneKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.pane.ShortHelp()...), k.root.Help, k.root.Quit)
}

// FullHelp lists the pane's columns, then the reader's.
func (k paneKeys) FullHelp() [][]key.Binding {
	return append(append([][]key.Binding{}, k.pane.FullHelp()...), k.root.FullHelp()...)
}

// helpKeys is what the help overlay lists: every key that works somewhere,
// with the pane's first when help opened over one.
func (m Model) helpKeys() help.KeyMap {
	k := m.keys.forHelp(m.keyState())
	if m.mode == modePane && m.pane != nil {
		return paneKeys{pane: m.pane.KeyMap(), root: k}
	}
	return k
}
