package ui

import (
	"context"
	"fmt"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/related"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// relatedLimit is how many related clauses the pane lists.
const relatedLimit = 20

// relatedSectionLimit is how many related clauses the detail pane lists
// under a clause.
const relatedSectionLimit = 3

// relatedRowsPerMatch is the height of one entry of the related pane:
// score and heading, the document label and path, and the start of the
// clause's text.
const relatedRowsPerMatch = 3

// relatedSource answers related-clause queries for the reader once the
// index is built, remembering each node's answer: the detail pane asks on
// every selection and the pane asks again on r. The detail pane reads the
// documents of the few clauses it shows, not of all it counts, so reading
// a library opened on demand does not read the documents of every clause
// ever counted. It is used on the event loop only.
type relatedSource struct {
	index *related.Index
	cache map[string]related.Scored
}

func newRelatedSource(x *related.Index) *relatedSource {
	return &relatedSource{index: x, cache: map[string]related.Scored{}}
}

// scored returns up to relatedLimit clauses related to n, ranked, not yet
// read.
func (s *relatedSource) scored(n *corpus.Node) related.Scored {
	if s == nil || s.index == nil || n == nil {
		return related.Scored{}
	}
	sc, ok := s.cache[n.ID]
	if !ok {
		sc = s.index.Score(n.ID, relatedLimit)
		s.cache[n.ID] = sc
	}
	return sc
}

// matches returns up to relatedLimit clauses related to n, best first.
func (s *relatedSource) matches(n *corpus.Node) []related.Match {
	return s.scored(n).Matches(0)
}

// buildRelatedCmd gets the related-clause index of c off the event loop,
// from relatedFor (nil: built from the text); cancelling ctx (the reader
// quitting) abandons it.
func buildRelatedCmd(ctx context.Context, c *corpus.Corpus, relatedFor func(context.Context, *corpus.Corpus) (*related.Index, error)) tea.Cmd {
	if relatedFor == nil {
		relatedFor = related.Build
	}
	return func() tea.Msg {
		x, err := relatedFor(ctx, c)
		return relatedReadyMsg{index: x, err: err}
	}
}

// hasRelatedSection reports whether the detail of n ends with a short list
// of related clauses: clauses and their items, the nodes people compare.
func hasRelatedSection(n *corpus.Node) bool {
	if n == nil {
		return false
	}
	return n.Kind.ClauseLike()
}

// relatedSection renders the "Related" lines at the bottom of the detail
// of n at width: the best relatedSectionLimit clauses of other documents,
// one line each. It renders nothing until src is ready or when no clause
// is similar enough.
func relatedSection(src *relatedSource, n *corpus.Node, width int, st *Styles) []detailLine {
	if src == nil || !hasRelatedSection(n) || width <= 0 {
		return nil
	}
	sc := src.scored(n)
	ms := sc.Matches(relatedSectionLimit)
	if len(ms) == 0 {
		return nil
	}
	lines := []detailLine{{text: textlayout.Truncate(st.Heading.Render(st.tr.T("Related in other documents")), width)}}
	for _, m := range ms {
		l := st.Dim.Render(fmt.Sprintf("%.2f ", m.Score)) +
			st.Location.Render(shortDocLabel(m.Node.Doc)+" ") +
			st.Text.Render(oneLine(textlayout.Sanitize(m.Node.Title())))
		lines = append(lines, detailLine{text: textlayout.Truncate(l, width)})
	}
	more := st.tr.T("r: all related clauses")
	if sc.Len() > relatedSectionLimit {
		more = st.tr.F("r: all %d related clauses", sc.Len())
	}
	lines = append(lines, detailLine{text: textlayout.Truncate(st.Dim.Render(more), width)})
	return lines
}

// shortDocLabel is the short label of d (广东, 江西, 中央), or the start of
// its title when it has none, sanitised for the screen.
func shortDocLabel(d *corpus.Document) string {
	if d == nil {
		return ""
	}
	s := d.Short
	if s == "" {
		r := []rune(d.Title)
		s = string(r[:min(8, len(r))])
	}
	return oneLine(textlayout.Sanitize(s))
}

// relatedKeys are the related pane's keys.
type relatedKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Jump, Close                             key.Binding
}

func newRelatedKeys(tr msg.Printer) relatedKeys {
	b := binder(tr)
	return relatedKeys{
		Up: b("↑/k", "up", "up", "k"), Down: b("↓/j", "down", "down", "j"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn/space", "page down", "pgdown", " "),
		Top: b("g", "top", "g", "home"), Bottom: b("G", "bottom", "G", "end"),
		Jump:  b("enter", "jump", "enter"),
		Close: b("esc", "close", "esc"),
	}
}

// ShortHelp is the status bar's line.
func (k relatedKeys) ShortHelp() []key.Binding { return []key.Binding{k.Jump, k.Close, k.Down} }

// FullHelp is the help overlay's columns.
func (k relatedKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Jump, k.Close}}
}

// relatedModel is the related-clauses pane (r): the clauses of other
// documents most similar to origin, ranked, with score, document label and
// heading. Enter sends a jumpMsg; Esc sends closeViewMsg.
type relatedModel struct {
	origin  *corpus.Node
	src     *relatedSource // nil while the index is being built
	err     error          // why the index could not be built
	matches []related.Match
	listCursor
	width  int
	height int
	styles *Styles
	keys   relatedKeys
}

// newRelated lists the clauses related to n; with src nil the pane says
// it is computing until the index arrives (sourcesMsg), or why it could
// not be built (err).
func newRelated(n *corpus.Node, src *relatedSource, err error, st *Styles) relatedModel {
	m := relatedModel{origin: n, err: err, styles: st, keys: newRelatedKeys(st.tr)}
	if src != nil {
		m = m.setSource(src)
	}
	return m.syncKeys()
}

// setSource supplies the built index and fills the list.
func (m relatedModel) setSource(src *relatedSource) relatedModel {
	m.src = src
	m.matches = src.matches(m.origin)
	m.fit(len(m.matches), m.visible())
	return m
}

// syncKeys offers Enter only when there is a clause to jump to.
func (m relatedModel) syncKeys() relatedModel {
	m.keys.Jump.SetEnabled(len(m.matches) > 0)
	return m
}

// SetSize implements pane.
func (m relatedModel) SetSize(w, h int) pane {
	m.width, m.height = w, h
	m.scrollTo(len(m.matches), m.visible())
	return m
}

// Title implements pane.
func (m relatedModel) Title() string { return "RELATED" } // a message: the bar translates it

// KeyMap implements pane.
func (m relatedModel) KeyMap() help.KeyMap { return m.keys }

// Position is the clause selected of how many.
func (m relatedModel) Position() string { return listPosition(m.cursor, len(m.matches)) }

// relatedHeaderRows is the title and the status line above the list.
const relatedHeaderRows = 2

func (m relatedModel) visible() int {
	return max((m.height-relatedHeaderRows)/relatedRowsPerMatch, 1)
}

// Selected returns the match under the cursor.
func (m relatedModel) Selected() (related.Match, bool) {
	if m.cursor < 0 || m.cursor >= len(m.matches) {
		return related.Match{}, false
	}
	return m.matches[m.cursor], true
}

// Update implements pane: the index arriving, and the keys that move
// the cursor, jump or close.
func (m relatedModel) Update(msg tea.Msg) (pane, tea.Cmd) {
	switch msg := msg.(type) {
	case sourcesMsg:
		if msg.rel != nil && m.src == nil {
			m = m.setSource(msg.rel)
		}
		if msg.relErr != nil {
			m.err = msg.relErr
		}
		return m.syncKeys(), nil
	case tea.KeyMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Close):
			return m, send(closeViewMsg{})
		case key.Matches(msg, k.Jump):
			if s, ok := m.Selected(); ok {
				return m, send(jumpMsg{node: s.Node, field: "heading", offset: -1})
			}
			return m, nil
		}
		nav := listNav{up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom}
		m.navigate(msg, nav, len(m.matches), m.visible())
	}
	return m, nil
}

// View draws the title, a status line and the ranked clauses, exactly
// height lines of at most width cells.
func (m relatedModel) View() string {
	st := m.styles
	w := m.width
	title := st.tr.T("Related clauses")
	if m.origin != nil {
		title = st.tr.F("Related to %s · %s", oneLine(textlayout.Sanitize(m.origin.Title())), shortDocLabel(m.origin.Doc))
	}
	lines := []string{textlayout.Truncate(st.PaneTitleFocused.Render(title), w)}
	var status string
	switch {
	case m.src == nil && m.err != nil:
		status = st.tr.F("related clauses unavailable: %v", oneLine(textlayout.Sanitize(m.err.Error())))
	case m.src == nil:
		status = st.tr.T("computing related clauses…")
	case len(m.matches) == 0:
		status = st.tr.T("no similar clauses in the other documents")
	default:
		status = st.tr.F(plural(len(m.matches), "%d clause of other documents, most similar first", "%d clauses of other documents, most similar first"), len(m.matches))
	}
	lines = append(lines, textlayout.Truncate(st.Dim.Render(status), w))
	end := min(m.offset+m.visible(), len(m.matches))
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.matchView(m.matches[i], i == m.cursor)...)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(min(len(lines), m.height), 0)], "\n")
}

// matchView is three rows: pointer, score and clause title; the document
// label and the clause's path; the start of the clause's text.
func (m relatedModel) matchView(mt related.Match, selected bool) []string {
	st := m.styles
	base, pointer := st.Result, "  "
	if selected {
		base, pointer = st.ResultSelected, "▸ "
	}
	score := fmt.Sprintf("%.2f ", mt.Score)
	line1 := base.Render(pointer) + st.Dim.Render(score) + base.Render(oneLine(textlayout.Sanitize(mt.Node.Title())))
	indent := strings.Repeat(" ", lipgloss.Width(pointer)+lipgloss.Width(score))
	loc := ""
	if mt.Node.Doc != nil {
		loc = docLabel(mt.Node.Doc, max(m.width-len(indent), 1))
	}
	if p := mt.Node.Path(); len(p) > 0 {
		loc += " › " + oneLine(textlayout.Sanitize(strings.Join(p, " › ")))
	}
	line2 := indent + st.Location.Render(loc)
	line3 := indent + st.Dim.Render(oneLine(textlayout.Sanitize(snippet(mt.Node, m.width))))
	return []string{fitWidth(textlayout.Truncate(line1, m.width), m.width, base), textlayout.Truncate(line2, m.width), textlayout.Truncate(line3, m.width)}
}

// snippet is the start of n's text, or of its first descendant with text
// (a clause made of items), about width runes: enough for one line.
func snippet(n *corpus.Node, width int) string {
	text := ""
	n.Walk(func(c *corpus.Node) bool {
		if text == "" && c.Kind != corpus.Table {
			text = c.Text
		}
		return text == ""
	})
	r := []rune(text)
	return string(r[:min(len(r), max(width, 1))])
}
