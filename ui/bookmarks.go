package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// BookmarkStore is what the reader needs from a bookmark store;
// *bookmark.Store provides it. The reader reads it once, in New, and then
// keeps its own copy: it calls the writing methods only from commands, one
// at a time, never from Update or View, so a slow disk never freezes the
// screen.
type BookmarkStore interface {
	// List returns the bookmarks.
	List() []bookmark.Bookmark
	// PositionFor returns the last reading position saved in the corpus
	// with the given key (see corpus.Corpus.Key).
	PositionFor(corpus string) (bookmark.Position, bool)
	// Add saves a bookmark (also to undo a Remove).
	Add(b bookmark.Bookmark) error
	// Remove deletes the bookmark of nodeID.
	Remove(nodeID string) error
	// SetNote replaces the note of nodeID's bookmark.
	SetNote(nodeID, note string) error
	// SetPosition saves the reading position.
	SetPosition(p bookmark.Position) error
	// Warnings returns, and forgets, what writes found on the way (a
	// corrupt file moved aside, say).
	Warnings() []string
}

// bookmarkRows is the height of one entry in the list: title and age,
// document and path (or the saved text of an orphan), note.
const bookmarkRows = 3

// deletedEntry is a deletion that u can undo while the list is open.
type deletedEntry struct {
	entry bookmark.Entry
	index int
}

// bookmarksModel is the reader's copy of the bookmarks and the bookmarks
// list (B). The copy is what the tree marks and the list shows; every
// change to it is also sent to the store through the persister, so the
// screen never waits for the disk and a failed write loses nothing from
// the session.
type bookmarksModel struct {
	corpus  *corpus.Corpus
	persist persister
	entries []bookmark.Entry // in reading order (see bookmark.Entries)
	order   bookmark.Order

	listCursor
	width, height int
	now           time.Time // ages are counted to it; set when the list opens
	editing       bool
	input         textinput.Model
	deleted       []deletedEntry // undo stack, emptied when the list closes
	styles        *Styles
	keys          listKeys
}

// listKeys are the bookmarks list's keys; while a note is edited only
// Enter and Esc act, every other key types.
type listKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Jump, Edit, Delete, Undo, Close         key.Binding
	Save, Cancel                            key.Binding
}

func newListKeys(tr msg.Printer) listKeys {
	b := binder(tr)
	return listKeys{
		Up: b("↑/k", "up", "up", "k"), Down: b("↓/j", "down", "down", "j"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn/space", "page down", "pgdown", " "),
		Top: b("g", "top", "g", "home"), Bottom: b("G", "bottom", "G", "end"),
		Jump:   b("enter", "jump", "enter"),
		Edit:   b("e", "edit note", "e"),
		Delete: b("d", "delete", "d"),
		Undo:   b("u", "undo delete", "u"),
		Close:  b("esc", "close", "esc"),
		Save:   b("enter", "save note", "enter"),
		Cancel: b("esc", "cancel", "esc"),
	}
}

// ShortHelp is the status bar's line.
func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.Cancel, k.Jump, k.Edit, k.Delete, k.Undo, k.Close}
}

// FullHelp is the help overlay's columns.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Jump, k.Edit, k.Delete, k.Undo, k.Close, k.Save, k.Cancel}}
}

// syncKeys enables the keys that act now.
func (m bookmarksModel) syncKeys() bookmarksModel {
	k := &m.keys
	browsing := !m.editing
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Close} {
		b.SetEnabled(browsing)
	}
	has := len(m.entries) > 0
	k.Jump.SetEnabled(browsing && has)
	k.Edit.SetEnabled(browsing && has)
	k.Delete.SetEnabled(browsing && has)
	k.Undo.SetEnabled(browsing && len(m.deleted) > 0)
	k.Save.SetEnabled(m.editing)
	k.Cancel.SetEnabled(m.editing)
	return m
}

// Title implements pane.
func (m bookmarksModel) Title() string { return "BOOKMARKS" } // a message: the bar translates it

// KeyMap implements pane.
func (m bookmarksModel) KeyMap() help.KeyMap { return m.keys }

// Typing reports a note being edited: q and ? are typed.
func (m bookmarksModel) Typing() bool { return m.editing }

// Position is the entry selected of how many.
func (m bookmarksModel) Position() string { return m.position() }

// newBookmarks returns the bookmarks of store resolved against c; a nil
// store switches bookmarks off.
func newBookmarks(c *corpus.Corpus, store BookmarkStore, styles *Styles) bookmarksModel {
	m := bookmarksModel{corpus: c, persist: newPersister(store), input: newFilterInput(styles, styles.tr.T("note: "), styles.tr.T("type a note")),
		styles: styles, keys: newListKeys(styles.tr)}
	if store == nil {
		return m
	}
	m.order = bookmark.NewOrder(c)
	m.entries = bookmark.Entries(c, store.List())
	return m
}

// enabled reports whether a store is wired in.
func (m bookmarksModel) enabled() bool { return m.persist.store != nil }

// ids returns the bookmarked node IDs for the tree's markers.
func (m bookmarksModel) ids() []string {
	var ids []string
	for _, e := range m.entries {
		if e.Node != nil {
			ids = append(ids, e.Node.ID)
		}
	}
	return ids
}

// Toggle bookmarks n, or removes its bookmark; it reports whether n is now
// bookmarked and returns the command that saves the change. b on a node
// whose bookmark was orphaned under the same ID re-attaches it.
func (m bookmarksModel) Toggle(n *corpus.Node, now time.Time) (bookmarksModel, bool, tea.Cmd) {
	if !m.enabled() || n == nil {
		return m, false, nil
	}
	for i, e := range m.entries {
		if e.Node == n {
			m.entries = slices.Delete(slices.Clone(m.entries), i, i+1)
			m.clampCursor()
			var cmd tea.Cmd
			m.persist, cmd = m.persist.enqueue(storeOp{kind: opRemove, nodeID: e.NodeID})
			return m, false, cmd
		}
	}
	b := bookmark.FromNode(n, now.UTC().Truncate(time.Millisecond))
	entries := slices.Clone(m.entries)
	for i, e := range entries {
		if e.Orphan && e.NodeID == n.ID { // the store refreshes it: keep note and age
			b.Note, b.Created = e.Note, e.Created
			entries = slices.Delete(entries, i, i+1)
			break
		}
	}
	m.entries = m.insert(entries, bookmark.Entry{Bookmark: b, Node: n})
	var cmd tea.Cmd
	m.persist, cmd = m.persist.enqueue(storeOp{kind: opAdd, bookmark: b})
	return m, true, cmd
}

// insert returns entries with e in its reading-order place.
func (m bookmarksModel) insert(entries []bookmark.Entry, e bookmark.Entry) []bookmark.Entry {
	i := 0
	for i < len(entries) && !m.order.Before(e, entries[i]) {
		i++
	}
	return slices.Insert(entries, i, e)
}

// SavePosition returns the command that saves p.
func (m bookmarksModel) SavePosition(p bookmark.Position) (bookmarksModel, tea.Cmd) {
	var cmd tea.Cmd
	m.persist, cmd = m.persist.enqueue(storeOp{kind: opPosition, position: p})
	return m, cmd
}

// Done takes the reply of a store command and starts the next one.
func (m bookmarksModel) Done(msg storeDoneMsg) (bookmarksModel, tea.Cmd) {
	var cmd tea.Cmd
	m.persist, cmd = m.persist.done(msg)
	return m, cmd
}

// Slow notes that the running store command is taking long.
func (m bookmarksModel) Slow(msg storeSlowMsg) (bookmarksModel, tea.Cmd) {
	var cmd tea.Cmd
	m.persist, cmd = m.persist.slow(msg)
	return m, cmd
}

// Open shows the list with the cursor on the bookmark of node, if any;
// ages are counted to now.
func (m bookmarksModel) Open(node *corpus.Node, now time.Time) bookmarksModel {
	m.now, m.editing, m.deleted = now, false, nil
	m.input.Blur()
	for i, e := range m.entries {
		if node != nil && e.Node == node {
			m.cursor = i
		}
	}
	m.clampCursor()
	return m.syncKeys()
}

// Close leaves the list; deletions can no longer be undone.
func (m bookmarksModel) Close() bookmarksModel {
	m.editing, m.deleted = false, nil
	m.input.Blur()
	return m
}

// SetSize implements pane.
func (m bookmarksModel) SetSize(w, h int) pane { return m.resized(w, h) }

// resized sets the list's size (the whole body of the screen).
func (m bookmarksModel) resized(w, h int) bookmarksModel {
	m.width, m.height = w, h
	m.input.Width = max(w-2-ansi.StringWidth(m.input.Prompt)-1, 1)
	m.clampCursor()
	return m
}

func (m bookmarksModel) visible() int { return max((m.height-1)/bookmarkRows, 1) }

// clampCursor keeps the cursor on an entry and in view.
func (m *bookmarksModel) clampCursor() { m.fit(len(m.entries), m.visible()) }

// Update implements pane: a key while the list is open. It sends jumpMsg
// for Enter and closeViewMsg for Esc; edits and deletions change the copy
// here and go to the store through the returned command.
func (m bookmarksModel) Update(msg tea.Msg) (pane, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	var cmd tea.Cmd
	if m.editing {
		m, cmd = m.handleEditing(km)
	} else {
		m, cmd = m.handleBrowsing(km)
	}
	return m.syncKeys(), cmd
}

func (m bookmarksModel) handleBrowsing(msg tea.KeyMsg) (bookmarksModel, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(msg, keys.Close):
		return m.Close(), send(closeViewMsg{})
	case key.Matches(msg, keys.Jump):
		return m.jump()
	case key.Matches(msg, keys.Edit):
		if m.cursor >= len(m.entries) {
			return m, nil
		}
		m.editing = true
		m.input.SetValue(cleanLine(m.entries[m.cursor].Note))
		m.input.CursorEnd()
		cmd := m.input.Focus() // before m is copied out
		return m, cmd
	case key.Matches(msg, keys.Delete):
		return m.delete()
	case key.Matches(msg, keys.Undo):
		return m.undo()
	}
	nav := listNav{up: keys.Up, down: keys.Down, pageUp: keys.PageUp, pageDown: keys.PageDown, top: keys.Top, bottom: keys.Bottom}
	m.navigate(msg, nav, len(m.entries), m.visible())
	return m, nil
}

func (m bookmarksModel) handleEditing(msg tea.KeyMsg) (bookmarksModel, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(msg, keys.Cancel):
		m.editing = false
		m.input.Blur()
		return m, nil
	case key.Matches(msg, keys.Save):
		m.editing = false
		m.input.Blur()
		if m.cursor >= len(m.entries) {
			return m, nil
		}
		e := m.entries[m.cursor]
		note := strings.TrimSpace(m.input.Value())
		if note == cleanLine(e.Note) {
			return m, nil // unchanged: keep the note as stored (its lines, say)
		}
		e.Note, e.Updated = note, m.now.UTC().Truncate(time.Millisecond)
		m.entries = slices.Clone(m.entries)
		m.entries[m.cursor] = e
		var cmd tea.Cmd
		m.persist, cmd = m.persist.enqueue(storeOp{kind: opNote, nodeID: e.NodeID, note: note})
		return m, cmd
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m bookmarksModel) jump() (bookmarksModel, tea.Cmd) {
	if m.cursor >= len(m.entries) {
		return m, nil
	}
	e := m.entries[m.cursor]
	if e.Orphan || e.Node == nil {
		return m, send(statusMsg(m.styles.tr.T("this clause is no longer in the document; its saved text is shown here")))
	}
	return m.Close(), send(jumpMsg{node: e.Node, offset: -1})
}

func (m bookmarksModel) delete() (bookmarksModel, tea.Cmd) {
	if m.cursor >= len(m.entries) {
		return m, nil
	}
	e := m.entries[m.cursor]
	m.deleted = append(slices.Clone(m.deleted), deletedEntry{entry: e, index: m.cursor})
	m.entries = slices.Delete(slices.Clone(m.entries), m.cursor, m.cursor+1)
	m.clampCursor()
	var cmd tea.Cmd
	m.persist, cmd = m.persist.enqueue(storeOp{kind: opRemove, nodeID: e.NodeID})
	return m, cmd
}

func (m bookmarksModel) undo() (bookmarksModel, tea.Cmd) {
	if len(m.deleted) == 0 {
		return m, nil
	}
	d := m.deleted[len(m.deleted)-1]
	m.deleted = slices.Clone(m.deleted[:len(m.deleted)-1])
	i := clamp(d.index, 0, len(m.entries))
	m.entries = slices.Insert(slices.Clone(m.entries), i, d.entry)
	m.cursor = i
	m.clampCursor()
	var cmd tea.Cmd
	m.persist, cmd = m.persist.enqueue(storeOp{kind: opAdd, bookmark: d.entry.Bookmark})
	return m, cmd
}

// position is the list's place for the status bar, "2/5".
func (m bookmarksModel) position() string {
	if len(m.entries) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", m.cursor+1, len(m.entries))
}

// View draws the list: a title line, then three rows per bookmark.
func (m bookmarksModel) View() string {
	st := m.styles
	title := st.PaneTitleFocused.Render(st.tr.F("Bookmarks (%d)", len(m.entries)))
	if n := len(m.deleted); n > 0 {
		last := m.deleted[n-1].entry
		title += st.Dim.Render(st.tr.F(" · deleted %s · u undoes", cleanLine(last.Title())))
	}
	lines := []string{ansi.Truncate(title, m.width, "…")}
	if len(m.entries) == 0 {
		lines = append(lines, "")
		for _, l := range wrapLines(st.tr.T("No bookmarks yet. Select a clause and press b to bookmark it; press b again to remove it."), m.width) {
			lines = append(lines, st.Dim.Render(l))
		}
	}
	end := min(m.offset+m.visible(), len(m.entries))
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.entryView(m.entries[i], i == m.cursor)...)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:min(len(lines), max(m.height, 0))], "\n")
}

// entryView is one bookmark: title and age; document › path (or, for an
// orphan, the saved text); the note (or the note input while editing).
func (m bookmarksModel) entryView(e bookmark.Entry, selected bool) []string {
	st := m.styles
	base := st.Result
	pointer := "  "
	if selected {
		base, pointer = st.ResultSelected, "▸ "
	}
	age := " " + ageString(m.styles.tr, m.now, e.Created)
	suffix := ""
	if e.Orphan {
		suffix = st.tr.T(" (orphaned)")
	}
	left := ansi.Truncate(pointer+cleanLine(e.Title()), max(m.width-ansi.StringWidth(age)-ansi.StringWidth(suffix), 0), "…")
	left = ansi.Truncate(left+suffix, max(m.width-ansi.StringWidth(age), 0), "…")
	gap := strings.Repeat(" ", max(m.width-ansi.StringWidth(left)-ansi.StringWidth(age), 0))
	line1 := ansi.Truncate(base.Render(left+gap+age), m.width, "")

	var line2 string
	if e.Orphan {
		text := e.Text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[:i]
		}
		line2 = "  " + st.Warning.Render(st.tr.T("not found")) + st.Dim.Render(st.tr.F(" · %s · saved text: %s", m.orphanDoc(e), cleanLine(text)))
	} else {
		line2 = "  " + st.Location.Render(entryPlace(e, m.width-2))
	}
	line2 = ansi.Truncate(line2, m.width, "…")

	var line3 string
	switch {
	case selected && m.editing:
		line3 = ansi.Truncate("  "+m.input.View(), m.width, "")
	case strings.TrimSpace(e.Note) != "":
		line3 = ansi.Truncate("  "+st.Prompt.Render(st.tr.T("note: "))+st.Text.Render(cleanLine(e.Note)), m.width, "…")
	default:
		line3 = ansi.Truncate("  "+st.Dim.Render(st.tr.T("no note")), m.width, "…")
	}
	return []string{line1, line2, line3}
}

// orphanDoc names an orphan's document: its short label (中央, 广东) when
// the document is still there, else the saved title.
func (m bookmarksModel) orphanDoc(e bookmark.Entry) string {
	if m.corpus != nil {
		if d, ok := m.corpus.Doc(e.DocID); ok && d.Short != "" {
			return cleanLine(d.Short)
		}
	}
	return cleanLine(e.DocTitle)
}

// entryPlace is the document label › path of a resolved entry, fitted to
// width: when the whole label does not fit, the document's short label
// (中央, 广东, 江西) stands for it, which tells same-titled documents apart.
func entryPlace(e bookmark.Entry, width int) string {
	path := cleanLine(strings.Join(e.Node.Path(), " › "))
	join := func(doc string) string {
		if path == "" {
			return doc
		}
		return doc + " › " + path
	}
	s := join(cleanLine(e.DocLabel()))
	if ansi.StringWidth(s) <= width || e.Node.Doc == nil {
		return s
	}
	if e.Node.Doc.Short != "" && path != "" {
		return join(cleanLine(e.Node.Doc.Short))
	}
	return docLabel(e.Node.Doc, width)
}

// cleanLine makes document or user text safe and single-line.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(textlayout.Sanitize(s)), " ")
}

// wrapLines wraps plain text to width.
func wrapLines(s string, width int) []string {
	r := []rune(s)
	var out []string
	for _, l := range textlayout.Wrap(s, max(width, 1)) {
		out = append(out, string(r[l.Start:l.End]))
	}
	return out
}

// ageString says how long ago t was, counted to now: "just now", "5m ago",
// "3h ago", "3d ago", "4mo ago", "2y ago".
func ageString(tr msg.Printer, now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return ""
	case d < time.Minute:
		return tr.T("just now")
	case d < time.Hour:
		return tr.F("%dm ago", int(d/time.Minute))
	case d < 24*time.Hour:
		return tr.F("%dh ago", int(d/time.Hour))
	case d < 60*24*time.Hour:
		return tr.F("%dd ago", int(d/(24*time.Hour)))
	case d < 365*24*time.Hour:
		return tr.F("%dmo ago", int(d/(30*24*time.Hour)))
	}
	return tr.F("%dy ago", int(d/(365*24*time.Hour)))
}
