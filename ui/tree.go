package ui

import (
	"policyreader/ui/textlayout"

	"strings"

	"policyreader/corpus"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// treeRow is one visible line of the tree: a document (node nil) or a node.
type treeRow struct {
	doc   *corpus.Document
	node  *corpus.Node
	depth int
}

// id is the row's key in the expanded and bookmarked sets.
func (r treeRow) id() string {
	if r.node == nil {
		return "doc:" + r.doc.ID
	}
	return r.node.ID
}

// treeModel is the outline pane: documents ▸ parts/chapters ▸ sections ▸
// clauses. Its selection drives the detail pane through selectNodeMsg.
type treeModel struct {
	docs     []*corpus.Document
	expanded map[string]bool
	marked   map[string]bool // bookmarked node IDs, drawn with a marker
	filter   string          // rows whose titles hold it, with their parents (F)
	rows     []treeRow
	// rowsFor is the filter rows were found for ("" for the expanded
	// tree): the rows of a filter do not depend on what is expanded, so
	// they are found once per filter and documents, not at every rebuild.
	rowsFor string
	listCursor
	width  int
	height int
	styles *Styles
}

// inTree reports whether a node gets its own row; items, paragraphs,
// tables and box items are read in their parent's detail — except the
// paragraphs of a flat document, which are all it has.
func inTree(n *corpus.Node) bool { return n.InOutline() }

func hasTreeChildren(children []*corpus.Node) bool {
	for _, c := range children {
		if inTree(c) {
			return true
		}
	}
	return false
}

// newTree returns a tree of docs with every document collapsed except the
// first.
func newTree(docs []*corpus.Document, styles *Styles) treeModel {
	m := treeModel{docs: docs, expanded: map[string]bool{}, marked: map[string]bool{}, styles: styles}
	if len(docs) > 0 {
		m.expanded["doc:"+docs[0].ID] = true
	}
	m.rebuild()
	return m
}

// rebuild flattens the expanded tree into rows: under a filter, the rows
// that match and those above them, all open.
func (m *treeModel) rebuild() {
	if m.filter != "" {
		if m.rowsFor != m.filter {
			m.rows, m.rowsFor = filteredRows(m.docs, m.filter), m.filter
		}
		m.fit(len(m.rows), m.visible())
		return
	}
	// A new array: the one before may be a filter's, kept by a copy.
	m.rows, m.rowsFor = make([]treeRow, 0, len(m.rows)), ""
	var add func(nodes []*corpus.Node, doc *corpus.Document, depth int)
	add = func(nodes []*corpus.Node, doc *corpus.Document, depth int) {
		for _, n := range nodes {
			if !inTree(n) {
				continue
			}
			m.rows = append(m.rows, treeRow{doc: doc, node: n, depth: depth})
			if m.expanded[n.ID] {
				add(n.Children, doc, depth+1)
			}
		}
	}
	for _, d := range m.docs {
		m.rows = append(m.rows, treeRow{doc: d})
		if m.expanded["doc:"+d.ID] {
			add(d.TopLevel(), d, 1)
		}
	}
	m.fit(len(m.rows), m.visible())
}

// visible is how many rows the pane shows.
func (m treeModel) visible() int { return max(m.height, 1) }

// scrollToCursor scrolls the selected row into view.
func (m *treeModel) scrollToCursor() { m.scrollTo(len(m.rows), m.visible()) }

// SetSize sets the pane's content size.
func (m treeModel) SetSize(w, h int) treeModel {
	m.width, m.height = w, h
	m.scrollToCursor()
	return m
}

// Selected returns the row under the cursor.
func (m treeModel) Selected() (treeRow, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return treeRow{}, false
	}
	return m.rows[m.cursor], true
}

// selectCmd tells the parent about the current selection.
func (m treeModel) selectCmd() tea.Cmd {
	r, ok := m.Selected()
	if !ok {
		return nil
	}
	return send(selectNodeMsg{doc: r.doc, node: r.node})
}

func (m treeModel) expandable(r treeRow) bool {
	if r.node == nil {
		if !r.doc.Decoded() {
			// A document not read yet (a library opened on demand) is
			// not read just to draw its marker: one with no outline
			// rows at all is too rare to read every row drawn for it.
			return true
		}
		return hasTreeChildren(r.doc.TopLevel())
	}
	return hasTreeChildren(r.node.Children)
}

// Update handles the tree's keys (the parent only sends keys when the tree
// has focus).
func (m treeModel) Update(msg tea.Msg, keys keyMap) (treeModel, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	old := m.cursor
	switch {
	case key.Matches(km, keys.Expand):
		if r, ok := m.Selected(); ok && m.expandable(r) {
			if m.expanded[r.id()] {
				m.cursor++ // already open: step into it
			} else {
				m.expanded[r.id()] = true
				m.rebuild()
			}
		}
	case key.Matches(km, keys.Collapse):
		m.collapseOrParent()
	case key.Matches(km, keys.ExpandAll):
		if cmd := m.readAllCmd(); cmd != nil {
			return m, cmd
		}
		m = m.ExpandAll()
	case key.Matches(km, keys.CollapseAll):
		m = m.CollapseAll()
	default:
		m.navigate(km, rowNav(keys), len(m.rows), m.visible())
	}
	m.fit(len(m.rows), m.visible())
	if m.cursor != old {
		return m, m.selectCmd()
	}
	return m, nil
}

// expandAllMsg arrives once every document of the tree is read, for
// ExpandAll; read is how many were read for it.
type expandAllMsg struct{ read int }

// readAllCmd reads the documents of the tree not read yet (a library
// opened on demand) off the event loop, then asks for ExpandAll; nil when
// every one is read.
func (m treeModel) readAllCmd() tea.Cmd {
	todo := m.unreadDocs()
	if len(todo) == 0 {
		return nil
	}
	return func() tea.Msg {
		corpus.LoadAll(todo)
		return expandAllMsg{read: len(todo)}
	}
}

// unreadDocs are the documents of the tree not read yet.
func (m treeModel) unreadDocs() []*corpus.Document {
	var todo []*corpus.Document
	for _, d := range m.docs {
		if !d.Decoded() {
			todo = append(todo, d)
		}
	}
	return todo
}

// unread is how many documents of the tree are not read yet.
func (m treeModel) unread() int { return len(m.unreadDocs()) }

// ToggleSelected expands or collapses the row under the cursor.
func (m treeModel) ToggleSelected() treeModel {
	if r, ok := m.Selected(); ok && m.expandable(r) {
		m.expanded[r.id()] = !m.expanded[r.id()]
		m.rebuild()
	}
	return m
}

func (m *treeModel) collapseOrParent() {
	r, ok := m.Selected()
	if !ok {
		return
	}
	if m.expanded[r.id()] && m.expandable(r) {
		m.expanded[r.id()] = false
		m.rebuild()
		return
	}
	for i := m.cursor - 1; i >= 0; i-- {
		if m.rows[i].depth < r.depth {
			m.cursor = i
			return
		}
	}
}

// Reveal expands the ancestors of n, moves the cursor to the nearest row
// that shows n (n itself or an ancestor, or its document) and returns that
// row.
func (m treeModel) Reveal(n *corpus.Node) (treeModel, treeRow) {
	if n == nil || n.Doc == nil {
		return m, treeRow{}
	}
	m.expanded["doc:"+n.Doc.ID] = true
	var target *corpus.Node
	for p := n; p != nil; p = p.Parent {
		if inTree(p) {
			target = p
			break
		}
	}
	if target != nil {
		for p := target.Parent; p != nil; p = p.Parent {
			m.expanded[p.ID] = true
		}
	}
	m.rebuild()
	for i, r := range m.rows {
		if (target == nil && r.node == nil && r.doc == n.Doc) || (target != nil && r.node == target) {
			m.cursor = i
			break
		}
	}
	m.scrollToCursor()
	r, _ := m.Selected()
	return m, r
}

// ClickRow selects the row at content line y; it returns a selection
// command when the selection changed and toggles a row clicked twice.
func (m treeModel) ClickRow(y int) (treeModel, tea.Cmd) {
	i := m.offset + y
	if y < 0 || i >= len(m.rows) {
		return m, nil
	}
	if i == m.cursor {
		return m.ToggleSelected(), nil
	}
	m.cursor = i
	return m, m.selectCmd()
}

// Scroll moves the view by delta rows without moving the cursor off screen.
//
// Scrolling can push the cursor along with the window; the command then
// selects the row the cursor landed on, so the detail pane follows the
// tree.
func (m treeModel) Scroll(delta int) (treeModel, tea.Cmd) {
	before := m.cursor
	h := m.visible()
	m.offset = clamp(m.offset+delta, 0, max(len(m.rows)-h, 0))
	m.cursor = clamp(m.cursor, m.offset, m.offset+h-1)
	m.cursor = clamp(m.cursor, 0, max(len(m.rows)-1, 0))
	if m.cursor == before {
		return m, nil
	}
	return m, m.selectCmd()
}

// SetMarked replaces the set of bookmarked node IDs.
func (m treeModel) SetMarked(ids []string) treeModel {
	m.marked = make(map[string]bool, len(ids))
	for _, id := range ids {
		m.marked[id] = true
	}
	return m
}

// View draws the visible rows, each exactly m.width columns wide.
func (m treeModel) View() string {
	var b strings.Builder
	end := min(m.offset+m.height, len(m.rows))
	for i := m.offset; i < end; i++ {
		if i > m.offset {
			b.WriteByte('\n')
		}
		b.WriteString(m.rowView(i, i == m.cursor))
	}
	for i := end - m.offset; i < m.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func (m treeModel) rowView(i int, selected bool) string {
	r := m.rows[i]
	s := m.styles
	marker := "  "
	if m.expandable(r) {
		marker = "▸ "
		open := m.expanded[r.id()]
		if m.filter != "" { // a filter opens what holds its matches
			open = i+1 < len(m.rows) && m.rows[i+1].depth > r.depth
		}
		if open {
			marker = "▾ "
		}
	}
	pointer := " "
	if selected {
		pointer = ">"
	}
	mark := " "
	if r.node != nil && m.marked[r.node.ID] {
		mark = "*"
	}
	indent := strings.Repeat("  ", min(r.depth, max(m.width/8, 1)))
	avail := max(m.width-2, 0)
	lead := indent + marker
	var label string
	style := s.TreeDoc
	if r.node == nil {
		label = docLabel(r.doc, max(avail-ansi.StringWidth(lead), 0))
	} else {
		label = oneLine(textlayout.Sanitize(r.node.Title()))
		style = s.TreeNode
	}
	plain := ansi.Truncate(lead+label, avail, "…")
	pad := strings.Repeat(" ", max(avail-ansi.StringWidth(plain), 0))
	if selected {
		return s.TreeSelected.Render(pointer) + s.Bookmark.Render(mark) + s.TreeSelected.Render(plain+pad)
	}
	return pointer + s.Bookmark.Render(mark) + style.Render(plain) + pad
}

// docLabel is d.Label() cut to width; when it does not fit, the title is
// cut and the short label (广东, 江西, 中央) kept, since several documents
// share a title.
func docLabel(d *corpus.Document, width int) string {
	full := oneLine(textlayout.Sanitize(d.Label()))
	if ansi.StringWidth(full) <= width || d.Short == "" {
		return ansi.Truncate(full, width, "…")
	}
	tail := " · " + oneLine(textlayout.Sanitize(d.Short))
	tw := width - ansi.StringWidth(tail)
	if tw < 4 {
		return ansi.Truncate(oneLine(textlayout.Sanitize(d.Short+" "+d.ShortTitle())), width, "…")
	}
	return ansi.Truncate(oneLine(textlayout.Sanitize(d.ShortTitle())), tw, "…") + tail
}

// Open expands the selected row if it is closed (Enter: open).
func (m treeModel) Open() treeModel {
	if r, ok := m.Selected(); ok && m.expandable(r) && !m.expanded[r.id()] {
		m.expanded[r.id()] = true
		m.rebuild()
	}
	return m
}

// SetDocs shows docs (the documents a facet filter keeps), the cursor
// staying on the row it was on when that row is still there.
func (m treeModel) SetDocs(docs []*corpus.Document) treeModel {
	m.docs, m.rowsFor = docs, ""
	return m.rebuildKeepingRow()
}

// Shows reports whether d is among the documents the tree lists.
func (m treeModel) Shows(d *corpus.Document) bool {
	for _, x := range m.docs {
		if x == d {
			return true
		}
	}
	return false
}

// PointDoc moves the cursor to d's row.
func (m treeModel) PointDoc(d *corpus.Document) treeModel {
	for i, r := range m.rows {
		if r.doc == d && r.node == nil {
			m.cursor = i
			m.scrollToCursor()
			break
		}
	}
	return m
}

// Point moves the cursor to the row of n, or of its nearest ancestor in
// the outline, expanding its ancestors, without telling the detail pane:
// the tree follows what the reader scrolls to.
func (m treeModel) Point(n *corpus.Node) treeModel {
	for n != nil && !inTree(n) {
		n = n.Parent
	}
	if n == nil {
		return m
	}
	m, _ = m.Reveal(n)
	return m
}

// ExpandAll opens every document and node that has rows under it;
// CollapseAll closes them all. The cursor stays on its row when it is
// still there, else on the row that holds it.
func (m treeModel) ExpandAll() treeModel {
	for _, d := range m.docs {
		m.expanded["doc:"+d.ID] = true
		d.Walk(func(n *corpus.Node) bool {
			if inTree(n) && hasTreeChildren(n.Children) {
				m.expanded[n.ID] = true
			}
			return true
		})
	}
	return m.rebuildKeepingRow()
}

// CollapseAll closes every document and node.
func (m treeModel) CollapseAll() treeModel {
	sel, _ := m.Selected()
	m.expanded = map[string]bool{}
	m.rebuild()
	for i, r := range m.rows {
		if r.doc == sel.doc && r.node == nil {
			m.cursor = i
		}
	}
	m.fit(len(m.rows), m.visible())
	return m
}

// rebuildKeepingRow rebuilds the rows and puts the cursor back on the row
// it was on.
func (m treeModel) rebuildKeepingRow() treeModel {
	return m.keepingRow(func(t *treeModel) { t.rebuild() })
}

// keepingRow applies change to the rows, the cursor staying on its row
// when the row is still shown.
func (m treeModel) keepingRow(change func(*treeModel)) treeModel {
	sel, had := m.Selected()
	change(&m)
	if had {
		for i, r := range m.rows {
			if r.doc == sel.doc && r.node == sel.node {
				m.cursor = i
				break
			}
		}
	}
	m.fit(len(m.rows), m.visible())
	return m
}

// SetFilter narrows the rows to those whose titles hold f (and the rows
// above them); "" shows the tree as it was expanded. The cursor stays on
// its row when the row is still shown.
func (m treeModel) SetFilter(f string) treeModel {
	m.filter = strings.TrimSpace(f)
	return m.rebuildKeepingRow()
}

// SetFilterRows is SetFilter with the rows of f found already, off the
// event loop (see filterTree).
func (m treeModel) SetFilterRows(f string, rows []treeRow) treeModel {
	return m.keepingRow(func(t *treeModel) {
		t.filter, t.rows = strings.TrimSpace(f), rows
		t.rowsFor = t.filter
	})
}

// holds reports whether the rows show n or its nearest ancestor in the
// outline (under a filter, they may not).
func (m treeModel) holds(n *corpus.Node) bool {
	for n != nil && !inTree(n) {
		n = n.Parent
	}
	for _, r := range m.rows {
		if r.node == n && (n != nil || r.doc != nil) {
			return true
		}
	}
	return false
}
