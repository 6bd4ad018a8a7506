package ui

import (
	"sort"
	"strings"

	"policyreader/ui/textlayout"

	"policyreader/corpus"
	"policyreader/corpus/cite"
	"policyreader/corpus/highlight"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// detailLine is one rendered row of the detail pane. Rows that show a
// node's text remember which runes of node.Text they hold, so a search hit
// can be scrolled into view.
type detailLine struct {
	text       string
	node       *corpus.Node
	heading    bool // the node's number and heading
	start, end int  // runes [start, end) of node.Text; 0,0 for other rows
}

// detailKey identifies one rendering in the cache.
type detailKey struct {
	id    string
	width int
}

// maxDetailCache bounds how many renderings are kept.
const maxDetailCache = 32

// detailModel is the reading pane: the selected document or node with its
// whole subtree, wrapped for CJK and highlighted, under a breadcrumb.
type detailModel struct {
	doc    *corpus.Document
	node   *corpus.Node // nil shows the whole document
	width  int
	height int // text rows, without the breadcrumb
	offset int
	lines  []detailLine
	cache  map[detailKey][]detailLine
	styles *Styles

	rel       *relatedSource // the related index; nil until built
	cites     *cite.Resolver // resolves the citations drawn as links; nil until built
	emph      emphasis       // a target to draw emphasised
	emphLines map[int]string // rows of lines redrawn for emph
	marks     findMarks      // the last search's matches in the document (n, N)
	markLines map[int]string // rows of lines redrawn for marks
}

func newDetail(styles *Styles) detailModel {
	return detailModel{cache: map[detailKey][]detailLine{}, styles: styles}
}

func (m detailModel) key() detailKey {
	if m.node != nil {
		return detailKey{m.node.ID, m.width}
	}
	if m.doc != nil {
		return detailKey{"doc:" + m.doc.ID, m.width}
	}
	return detailKey{"", m.width}
}

// Show displays doc (node nil) or node from the top.
func (m detailModel) Show(doc *corpus.Document, node *corpus.Node) detailModel {
	// A document read without its annotations gets them when first shown.
	doc.EnsureAnnotations()
	if node != nil {
		node.Doc.EnsureAnnotations()
	}
	m.doc, m.node, m.offset = doc, node, 0
	m.emph = emphasis{}
	return m.relayout()
}

// SetSize sets the pane size; a new width drops every cached rendering.
func (m detailModel) SetSize(w, h int) detailModel {
	if w != m.width {
		m.cache = map[detailKey][]detailLine{}
	}
	m.width, m.height = w, h
	return m.relayout()
}

func (m detailModel) relayout() detailModel {
	if m.doc == nil || m.width <= 0 {
		m.lines = nil
		return m
	}
	k := m.key()
	lines, ok := m.cache[k]
	if !ok {
		lines = renderDetail(m.doc, m.node, m.width, m.styles, m.cites)
		lines = append(lines, relatedSection(m.rel, m.node, m.width, m.styles)...)
		if len(m.cache) >= maxDetailCache {
			m.cache = map[detailKey][]detailLine{}
		}
		m.cache[k] = lines
	}
	m.lines = lines
	m.emphLines = m.emph.render(lines, m.styles, m.cites)
	m.markLines = m.marks.render(lines, m.styles, m.cites)
	m.offset = clamp(m.offset, 0, m.maxOffset())
	return m
}

func (m detailModel) maxOffset() int { return max(len(m.lines)-max(m.height, 1), 0) }

// ScrollTo brings the row showing rune offset of node's field to the top
// third of the pane (offset < 0: the node's first row).
func (m detailModel) ScrollTo(n *corpus.Node, field string, offset int) detailModel {
	first, best := -1, -1
	for i, l := range m.lines {
		if l.node != n {
			continue
		}
		if first < 0 {
			first = i
		}
		if field == "heading" && l.heading || field == "text" && !l.heading && offset >= l.start && offset < l.end {
			best = i
			break
		}
	}
	if best < 0 {
		best = first
	}
	if best < 0 {
		return m
	}
	top := best - min(2, m.height/4)
	if first >= 0 && best-first < m.height/2 {
		top = first // the node's heading fits above the match: show it
	}
	if top <= 2 {
		top = 0 // keep the metadata line when it costs nothing
	}
	m.offset = clamp(top, 0, m.maxOffset())
	return m
}

// Scroll moves the view by delta rows.
func (m detailModel) Scroll(delta int) detailModel {
	m.offset = clamp(m.offset+delta, 0, m.maxOffset())
	return m
}

// Update scrolls on the pane's keys (sent only when it has focus).
func (m detailModel) Update(msg tea.Msg, keys keyMap) (detailModel, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	page := max(m.height-1, 1)
	switch {
	case key.Matches(km, keys.Up):
		m = m.Scroll(-1)
	case key.Matches(km, keys.Down):
		m = m.Scroll(1)
	case key.Matches(km, keys.PageUp):
		m = m.Scroll(-page)
	case key.Matches(km, keys.PageDown):
		m = m.Scroll(page)
	case key.Matches(km, keys.Top):
		m.offset = 0
	case key.Matches(km, keys.Bottom):
		m.offset = m.maxOffset()
	}
	return m, nil
}

// TopNode is the node the first row shown belongs to — or, for a blank
// row, the node above it — what the reader is reading when the pane shows
// a whole document or chapter; nil while the document's own header is at
// the top.
func (m detailModel) TopNode() *corpus.Node {
	for i := min(m.offset, len(m.lines)-1); i >= 0; i-- {
		if n := m.lines[i].node; n != nil {
			return n
		}
	}
	return nil
}

// following is the node the breadcrumb names: the node shown, or — when
// the pane shows a document or a node with the text of its children —
// the node at the top of the view inside it.
func (m detailModel) following() *corpus.Node {
	top := m.TopNode()
	if top == nil {
		return m.node
	}
	if m.node == nil {
		return top
	}
	for p := top; p != nil; p = p.Parent {
		if p == m.node {
			return top
		}
	}
	return m.node
}

// ScrollPercent is how far down the text the view is, 0–100.
func (m detailModel) ScrollPercent() int {
	if m.maxOffset() == 0 {
		return 100
	}
	return m.offset * 100 / m.maxOffset()
}

// Breadcrumb is doc › chapter › section › clause cut to width, dropping
// outer parts first so the current node stays readable.
func (m detailModel) Breadcrumb(width int) string {
	if m.doc == nil {
		return ""
	}
	var parts []string
	if n := m.following(); n != nil {
		parts = append(parts, n.Path()...)
		parts = append(parts, n.Title())
	}
	for i := range parts {
		parts[i] = oneLine(textlayout.Sanitize(parts[i]))
	}
	join := func(doc string, parts []string) string {
		return strings.Join(append([]string{doc}, parts...), " › ")
	}
	s := join(oneLine(textlayout.Sanitize(m.doc.Label())), parts)
	if ansi.StringWidth(s) <= width {
		return s
	}
	if len(parts) == 0 {
		return docLabel(m.doc, width)
	}
	short := m.doc.Short
	if short == "" {
		short = string([]rune(m.doc.Title)[:min(8, len([]rune(m.doc.Title)))])
	}
	short = oneLine(textlayout.Sanitize(short))
	s = join(short, parts)
	for len(parts) > 1 && ansi.StringWidth(s) > width {
		parts = parts[1:]
		s = join(short+" › …", parts)
	}
	return ansi.Truncate(s, width, "…")
}

// View draws the visible text rows.
func (m detailModel) View() string {
	var b strings.Builder
	for i := 0; i < m.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if j := m.offset + i; j < len(m.lines) {
			if s, ok := m.emphLines[j]; ok {
				b.WriteString(s)
			} else if s, ok := m.markLines[j]; ok {
				b.WriteString(s)
			} else {
				b.WriteString(m.lines[j].text)
			}
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// renderDetail lays out doc or node at width: metadata, legend, then every
// node of the subtree with its heading, text, table and responsible line.
func renderDetail(doc *corpus.Document, node *corpus.Node, width int, st *Styles, cites *cite.Resolver) []detailLine {
	r := newDetailRenderer(st, cites)
	r.width = width
	r.meta(doc, node == nil)
	nodes := doc.TopLevel()
	if node != nil {
		nodes = []*corpus.Node{node}
	}
	r.legend(nodes)
	for _, n := range nodes {
		r.node(n)
	}
	return r.lines
}

type detailRenderer struct {
	width                                 int
	st                                    *Styles
	cites                                 *cite.Resolver // nil draws no links
	lines                                 []detailLine
	plainText, target, body, figure, link painter
	spent                                 int  // bytes of node text laid out so far
	cut                                   bool // the budget ran out; the rest is left out
}

func newDetailRenderer(st *Styles, cites *cite.Resolver) detailRenderer {
	return detailRenderer{st: st, cites: cites, plainText: newPainter(st.Text), target: newPainter(st.Target),
		body: newPainter(st.Body), figure: newPainter(st.Figure), link: newPainter(st.Link)}
}

// detailBudget bounds the text one detail view lays out (bytes): a
// whole seed document is at most 121 KB, while a document from a hostile
// folder can be 64 MB and would stall the event loop on every select and
// resize. Past the budget the view ends with a note pointing to the tree,
// where each section shows in full.
const detailBudget = 512 << 10

// nodeCost is what each node adds to the budget beyond its text: the blank
// line and bookkeeping every node brings.
const nodeCost = 64

// painter applies a style as the SGR prefix and suffix lipgloss produces
// for it, computed once: lipgloss's Render costs microseconds per call and
// a long section has thousands of runs. Only for inline styles without
// padding, width or margins.
type painter struct{ pre, post string }

func newPainter(s lipgloss.Style) painter {
	out := s.Render("x")
	i := strings.Index(out, "x")
	if i < 0 {
		return painter{}
	}
	return painter{pre: out[:i], post: out[i+1:]}
}

func (p painter) paint(s string) string {
	if p.pre == "" && p.post == "" {
		return s
	}
	return p.pre + s + p.post
}

func (r *detailRenderer) plain(text string, style func(...string) string) {
	runes := []rune(text)
	for _, l := range textlayout.Wrap(text, r.width) {
		r.lines = append(r.lines, detailLine{text: style(string(runes[l.Start:l.End]))})
	}
}

func (r *detailRenderer) blank() {
	if n := len(r.lines); n > 0 && r.lines[n-1].text != "" {
		r.lines = append(r.lines, detailLine{})
	}
}

func (r *detailRenderer) meta(doc *corpus.Document, whole bool) {
	if parts := doc.Facts(); len(parts) > 0 {
		r.plain(oneLine(textlayout.Sanitize(strings.Join(parts, "  "))), r.st.Meta.Render)
	}
	// A law's history (adopted, amended, promulgated) reads under its
	// facts in the view of the whole document; a chapter or an article
	// opens on its own text.
	if whole {
		for _, h := range doc.History {
			r.plain(oneLine(textlayout.Sanitize(h)), r.st.Meta.Render)
		}
	}
}

func (r *detailRenderer) legend(nodes []*corpus.Node) {
	var has [3]bool
	for _, n := range nodes {
		n.Walk(func(c *corpus.Node) bool {
			for _, s := range c.Spans {
				if s.Kind >= 0 && int(s.Kind) < len(has) {
					has[s.Kind] = true
				}
			}
			return true
		})
	}
	items := []string{}
	if has[highlight.Target] {
		items = append(items, r.st.Target.Render(r.st.tr.T("target")))
	}
	if has[highlight.Body] {
		items = append(items, r.st.Body.Render(r.st.tr.T("body")))
	}
	if has[highlight.Figure] {
		items = append(items, r.st.Figure.Render(r.st.tr.T("figure")))
	}
	if len(items) > 0 {
		l := r.st.Legend.Render(r.st.tr.T("legend: ")) + strings.Join(items, r.st.Legend.Render(" · "))
		r.lines = append(r.lines, detailLine{text: ansi.Truncate(l, r.width, "…")})
	}
	r.blank()
}

func (r *detailRenderer) node(n *corpus.Node) {
	if r.cut {
		return
	}
	if r.spent > detailBudget {
		r.cut = true
		r.plain(r.st.tr.T("… the rest is not shown here: select a later entry in the tree to read on."), r.st.Dim.Render)
		return
	}
	// Every node costs its heading, text and table cells plus a fixed
	// amount, so a file of fifty thousand headings is bounded like one of
	// a single huge paragraph.
	r.spent += len(n.Number) + len(n.Heading) + len(n.Text) + nodeCost
	if head := n.Number + n.Heading; head != "" {
		head = oneLine(textlayout.Sanitize(head))
		runes := []rune(head)
		for _, l := range textlayout.Wrap(head, r.width) {
			r.lines = append(r.lines, detailLine{text: r.st.Heading.Render(string(runes[l.Start:l.End])), node: n, heading: true})
		}
	}
	if n.Kind == corpus.Table && len(n.Rows) > 0 {
		rows := make([][]string, len(n.Rows))
		for i, row := range n.Rows {
			rows[i] = make([]string, len(row))
			for j, c := range row {
				rows[i][j] = oneLine(textlayout.Sanitize(c))
			}
		}
		for _, l := range textlayout.Table(rows, r.width) {
			r.lines = append(r.lines, detailLine{text: r.st.Table.Render(l), node: n})
		}
	} else if n.Text != "" {
		r.text(n)
	}
	if len(n.Responsible) > 0 {
		r.plain(oneLine(textlayout.Sanitize(r.st.tr.T("responsible: ")+strings.Join(n.Responsible, "、"))), r.st.Owner.Render)
	}
	r.blank()
	for _, c := range n.Children {
		r.node(c)
	}
}

// text wraps n.Text paragraph by paragraph and styles its spans.
func (r *detailRenderer) text(n *corpus.Node) {
	runes := []rune(textlayout.Sanitize(n.Text))
	spans := r.spans(n)
	paraStart := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		para := runes[paraStart:i]
		if len(para) == 0 {
			r.blank()
		}
		for _, l := range textlayout.Wrap(string(para), r.width) {
			s, e := paraStart+l.Start, paraStart+l.End
			r.lines = append(r.lines, detailLine{text: r.styled(runes, s, e, spans), node: n, start: s, end: e})
		}
		paraStart = i + 1
	}
}

// linkKind marks, in the spans the renderer draws, a citation that leads
// somewhere in the corpus; it is never a highlight kind.
const linkKind highlight.Kind = -1

// spans returns n's highlight spans with its followable citations added
// where no highlight covers them (a highlight inside a citation wins), in
// order.
func (r *detailRenderer) spans(n *corpus.Node) []corpus.Span {
	links := citeRanges(r.cites, n)
	if len(links) == 0 {
		return n.Spans
	}
	out := make([]corpus.Span, 0, len(n.Spans)+len(links))
	out = append(out, n.Spans...)
	for _, l := range links {
		pos := l[0]
		for _, sp := range n.Spans {
			if sp.End <= pos || sp.Start >= l[1] {
				continue
			}
			if sp.Start > pos {
				out = append(out, corpus.Span{Start: pos, End: sp.Start, Kind: linkKind})
			}
			pos = max(pos, sp.End)
		}
		if pos < l[1] {
			out = append(out, corpus.Span{Start: pos, End: l[1], Kind: linkKind})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// styled renders runes[start:end] with the spans that overlap it.
func (r *detailRenderer) styled(runes []rune, start, end int, spans []corpus.Span) string {
	var b strings.Builder
	pos := start
	for _, sp := range spans {
		s, e := max(sp.Start, pos), min(sp.End, end)
		if s >= e {
			continue
		}
		if s > pos {
			b.WriteString(r.plainText.paint(string(runes[pos:s])))
		}
		b.WriteString(r.spanPainter(sp.Kind).paint(string(runes[s:e])))
		pos = e
	}
	if pos < end {
		b.WriteString(r.plainText.paint(string(runes[pos:end])))
	}
	return b.String()
}

func (r *detailRenderer) spanPainter(k highlight.Kind) painter {
	switch k {
	case highlight.Target:
		return r.target
	case highlight.Body:
		return r.body
	case highlight.Figure:
		return r.figure
	case linkKind:
		return r.link
	}
	return r.plainText
}

// followScroll moves the tree's cursor to what the top of a whole
// document or chapter shows, so the tree, the breadcrumb and b follow the
// reading; a single clause leaves the tree where it is.
func (m Model) followScroll() Model {
	if m.detail.doc == nil {
		return m
	}
	top := m.detail.following()
	if top == nil || top == m.detail.node {
		if m.detail.node == nil {
			m.tree = m.tree.PointDoc(m.detail.doc) // back at the document's head
		}
		return m
	}
	m.tree = m.tree.Point(top)
	return m
}
