package ui

import (
	"strconv"
	"strings"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/targets"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// collectTargetsCmd gathers the corpus's targets off the event loop. A
// library read on first use is read a document at a time apart from the
// reader's (corpus.Corpus.EachApart): collecting reads and annotates every
// document, and this way it holds a document per processor and the
// reader's own documents stay undecoded; its targets keep node IDs, each
// found in the reader's corpus when the target is opened.
func collectTargetsCmd(c *corpus.Corpus) tea.Cmd {
	return func() tea.Msg {
		if c.OnDemand() {
			per := make([][]targets.Target, len(c.Docs))
			err := c.EachApart(func(k int, d *corpus.Document) {
				ts := targets.CollectDoc(d)
				targets.Detach(ts, c)
				per[k] = ts
			})
			if err == nil {
				return targetsReadyMsg{targets: targets.Join(per)}
			}
		}
		return targetsReadyMsg{targets: targets.Collect(c)}
	}
}

// targetsOrder is how the targets table is sorted.
type targetsOrder int

const (
	byDocument targetsOrder = iota // corpus order
	byYear                         // deadline year, undated last
)

// String names the order as the status line shows it.
func (o targetsOrder) String() string {
	if o == byYear {
		return "year"
	}
	return "document"
}

// targetsHeaderRows is the filter input, the status line and the column
// header above the rows.
const targetsHeaderRows = 3

// Column widths of the targets table that do not depend on the text.
const (
	targetsPointerWidth = 2 // "▸ "
	targetsYearWidth    = 4 // 2025
	targetsGap          = 2 // between columns
	// targetsClauseMinWidth is the narrowest screen that still shows the
	// clause column; below it the table is document, target, year.
	targetsClauseMinWidth = 60
	// targetsDocMinWidth is the narrowest screen that still shows the
	// document column.
	targetsDocMinWidth = 30
	// targetsDocMaxWidth caps the document column.
	targetsDocMaxWidth = 8
)

// targetsModel is the targets view (t): every target of the corpus in one
// table — document, clause, phrase, deadline year — filtered by what is
// typed in the input on top and sorted by document or by year. Enter sends
// jumpTargetMsg; Esc sends closeViewMsg.
type targetsModel struct {
	input textinput.Model
	all   []targets.Target // corpus order; nil until collected
	ready bool
	// collecting: the targets of a library read on first use are being
	// collected (see viewsInit).
	collecting bool
	shown      []targets.Target // filtered and sorted
	order      targetsOrder
	query      string // the filter shown applies
	docW       int    // natural width of the document column
	// exportDir is where ctrl+e writes the shown targets as CSV.
	exportDir string
	listCursor
	width  int
	height int
	styles *Styles
	keys   targetsKeys
}

// targetsKeys are the targets view's keys: no letters, which the filter
// takes.
type targetsKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Jump, Sort, Export, Close  key.Binding
}

func newTargetsKeys(tr msg.Printer) targetsKeys {
	b := binder(tr)
	return targetsKeys{
		Up: b("↑/ctrl+p", "previous", "up", "ctrl+p"), Down: b("↓/ctrl+n", "next", "down", "ctrl+n"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn", "page down", "pgdown"),
		Jump:   b("enter", "jump", "enter"),
		Sort:   b("ctrl+s", "sort doc/year", "ctrl+s"),
		Export: b("ctrl+e", "export CSV", "ctrl+e"),
		Close:  b("esc", "close", "esc"),
	}
}

// ShortHelp is the status bar's line.
func (k targetsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Jump, k.Down, k.Sort, k.Export, k.Close}
}

// FullHelp is the help overlay's columns.
func (k targetsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Jump, k.Sort, k.Export, k.Close}}
}

func newTargets(styles *Styles) targetsModel {
	return targetsModel{input: newFilterInput(styles, styles.tr.T("filter › "), styles.tr.T("type to filter targets")),
		styles: styles, keys: newTargetsKeys(styles.tr)}
}

// Title implements pane.
func (m targetsModel) Title() string { return "TARGETS" } // a message: the bar translates it

// KeyMap implements pane.
func (m targetsModel) KeyMap() help.KeyMap { return m.keys }

// Typing reports that the filter has focus: q and ? are typed.
func (m targetsModel) Typing() bool { return true }

// Position is the row selected of how many.
func (m targetsModel) Position() string { return listPosition(m.cursor, len(m.shown)) }

// SetTargets supplies the collected targets (in corpus order).
func (m targetsModel) SetTargets(ts []targets.Target) targetsModel {
	m.all, m.ready = ts, true
	m.docW = 0
	for _, t := range ts {
		if t.Doc != nil {
			m.docW = max(m.docW, lipgloss.Width(shortDocLabel(t.Doc)))
		}
	}
	m.docW = clamp(m.docW, len("doc"), targetsDocMaxWidth)
	return m.refilter(false)
}

// Open focuses the filter, keeping the last query, order and cursor.
func (m targetsModel) Open() (targetsModel, tea.Cmd) {
	cmd := m.input.Focus() // before m is copied out
	return m, cmd
}

// Close blurs the filter.
func (m targetsModel) Close() targetsModel {
	m.input.Blur()
	return m
}

// SetSize implements pane.
func (m targetsModel) SetSize(w, h int) pane { return m.resized(w, h) }

// resized is SetSize keeping the type.
func (m targetsModel) resized(w, h int) targetsModel {
	m.width, m.height = w, h
	m.input.Width = max(w-lipgloss.Width(m.input.Prompt)-1, 1)
	m.scrollTo(len(m.shown), m.visible())
	return m
}

// refilter recomputes the shown rows from the query and the order,
// keeping the cursor on the same target when it is still shown. With
// narrow, a query that extends the one shown filters the rows already
// shown (every word of the longer query contains one of the shorter, so
// its matches are a subset, in the same order): typing stays cheap on a
// large corpus.
func (m targetsModel) refilter(narrow bool) targetsModel {
	var cur *targets.Target
	if m.cursor >= 0 && m.cursor < len(m.shown) {
		t := m.shown[m.cursor]
		cur = &t
	}
	q := m.input.Value()
	narrow = narrow && m.query != "" && strings.HasPrefix(q, m.query)
	if narrow {
		m.shown = targets.Filter(m.shown, q)
	} else {
		m.shown = targets.Filter(m.all, q)
		if m.order == byYear {
			targets.SortByYear(m.shown)
		}
	}
	m.query = q
	m.cursor = 0
	if cur != nil {
		for i, t := range m.shown {
			if t.NodeID == cur.NodeID && t.Start == cur.Start {
				m.cursor = i
				break
			}
		}
	}
	m.scrollTo(len(m.shown), m.visible())
	return m
}

func (m targetsModel) visible() int { return max(m.height-targetsHeaderRows, 1) }

// Update implements pane: the targets arriving, and the keys that move,
// sort, export, jump, close, or type into the filter.
func (m targetsModel) Update(msg tea.Msg) (pane, tea.Cmd) {
	switch msg := msg.(type) {
	case targetsReadyMsg:
		return m.SetTargets(msg.targets), nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m targetsModel) handleKey(km tea.KeyMsg) (pane, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(km, k.Close):
		return m.Close(), send(closeViewMsg{})
	case key.Matches(km, k.Jump):
		if m.cursor < len(m.shown) {
			return m.Close(), send(jumpTargetMsg{target: m.shown[m.cursor]})
		}
		return m, nil
	case key.Matches(km, k.Sort):
		m.order = 1 - m.order
		return m.refilter(false), nil
	case key.Matches(km, k.Export):
		if len(m.shown) == 0 {
			return m, send(statusMsg(m.styles.tr.T("export: no targets shown")))
		}
		return m, exportTargetsCmd(m.styles.tr, m.exportDir, m.shown, time.Now())
	}
	nav := listNav{up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown}
	if m.navigate(km, nav, len(m.shown), m.visible()) {
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(km)
	if m.input.Value() != m.query {
		m = m.refilter(true)
	}
	return m, cmd
}

// targetsColumns are the widths of one layout of the table; a zero width
// leaves the column out.
type targetsColumns struct {
	doc, clause, phrase int
}

// columns fits the table to the view's width: at least the phrase and the
// year; the clause column only from targetsClauseMinWidth, the document
// column only from targetsDocMinWidth.
func (m targetsModel) columns() targetsColumns {
	rest := m.width - targetsPointerWidth - targetsGap - targetsYearWidth
	var c targetsColumns
	if m.width >= targetsDocMinWidth && m.docW > 0 {
		c.doc = m.docW
		rest -= c.doc + targetsGap
	}
	if m.width >= targetsClauseMinWidth {
		rest -= targetsGap
		c.clause = rest * 2 / 5
	}
	c.phrase = max(rest-c.clause, 1)
	return c
}

// cell truncates s to w cells and pads it to exactly w.
func cell(s string, w int) string {
	s = textlayout.Truncate(s, w)
	if gap := w - lipgloss.Width(s); gap > 0 {
		s += strings.Repeat(" ", gap)
	}
	return s
}

// View draws the filter, a status line, the column header and the rows,
// exactly height lines of at most width cells.
func (m targetsModel) View() string {
	st := m.styles
	w := m.width
	lines := []string{textlayout.Truncate(m.input.View(), w)}
	var status string
	switch {
	case !m.ready:
		status = st.tr.T("collecting targets…")
	case len(m.shown) == 0 && m.query != "":
		status = st.tr.F("no target matches %s", oneLine(textlayout.Sanitize(m.query)))
	case len(m.shown) == 0:
		status = st.tr.T("no targets in these documents")
	default:
		status = st.tr.F("%d of %d targets · by %s", len(m.shown), len(m.all), st.tr.T(m.order.String()))
	}
	lines = append(lines, textlayout.Truncate(st.Dim.Render(status), w))
	cols := m.columns()
	docHead := st.tr.T("document")
	if cols.doc < lipgloss.Width(docHead) {
		docHead = st.tr.T("doc")
	}
	lines = append(lines, textlayout.Truncate(st.PaneTitle.Render(m.row(cols, docHead, st.tr.T("clause"), st.tr.T("target"), st.tr.T("year"), nil)), w))
	end := min(m.offset+m.visible(), len(m.shown))
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.targetView(cols, m.shown[i], i == m.cursor))
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(min(len(lines), m.height), 0)], "\n")
}

// Columns of the targets table, for painting.
const (
	colDoc = iota
	colClause
	colPhrase
	colYear
)

// row lays out the cells of one row (after a blank pointer) in the
// columns; paint, if not nil, styles each padded cell.
func (m targetsModel) row(c targetsColumns, doc, clause, phrase, year string, paint func(col int, s string) string) string {
	if paint == nil {
		paint = func(_ int, s string) string { return s }
	}
	gap := strings.Repeat(" ", targetsGap)
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", targetsPointerWidth))
	if c.doc > 0 {
		b.WriteString(paint(colDoc, cell(doc, c.doc)) + gap)
	}
	if c.clause > 0 {
		b.WriteString(paint(colClause, cell(clause, c.clause)) + gap)
	}
	b.WriteString(paint(colPhrase, cell(phrase, c.phrase)) + gap)
	b.WriteString(paint(colYear, cell(year, targetsYearWidth)))
	return b.String()
}

func (m targetsModel) targetView(c targetsColumns, t targets.Target, selected bool) string {
	st := m.styles
	year := "-"
	if t.Year != 0 {
		year = strconv.Itoa(t.Year)
	}
	doc := t.Doc
	clean := func(s string) string { return oneLine(textlayout.Sanitize(s)) }
	if selected {
		plain := m.row(c, shortDocLabel(doc), clean(t.Clause), clean(t.Label()), year, nil)
		return fitWidth(st.ResultSelected.Render(textlayout.Truncate("▸"+plain[1:], m.width)), m.width, st.ResultSelected)
	}
	styles := [...]lipgloss.Style{colDoc: st.Location, colClause: st.Result, colPhrase: st.Target, colYear: st.Result}
	paint := func(col int, s string) string { return styles[col].Render(s) }
	return textlayout.Truncate(m.row(c, shortDocLabel(doc), clean(t.Clause), clean(t.Label()), year, paint), m.width)
}
