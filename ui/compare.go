package ui

import (
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/compare"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// compareSideBySide is the narrowest body that shows the two clauses in
// columns; below it they are stacked, each sentence under its side's label.
const compareSideBySide = 72

// compareHeaderRows is the height of the pane's header: the two clauses
// and the counterpart's rank.
const compareHeaderRows = 3

// compareKeys are the compare pane's keys.
type compareKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Next, Prev                              key.Binding
	OpenRight, OpenLeft                     key.Binding
	Close                                   key.Binding
}

func newCompareKeys(tr msg.Printer) compareKeys {
	b := binder(tr)
	return compareKeys{
		Up: b("↑/k", "up", "up", "k"), Down: b("↓/j", "down", "down", "j"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn/space", "page down", "pgdown", " "),
		Top: b("g", "top", "g", "home"), Bottom: b("G", "bottom", "G", "end"),
		Next:      b("]", "next counterpart", "]"),
		Prev:      b("[", "prev counterpart", "["),
		OpenRight: b("enter/→", "open counterpart", "enter", "right", "l"),
		OpenLeft:  b("←/h", "open this clause", "left", "h"),
		Close:     b("esc", "close", "esc"),
	}
}

// ShortHelp is the status bar's line.
func (k compareKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.OpenRight, k.OpenLeft, k.Close}
}

// FullHelp is the help overlay's columns.
func (k compareKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Next, k.Prev, k.OpenRight, k.OpenLeft, k.Close}}
}

// compareDoneMsg delivers the comparison numbered seq.
type compareDoneMsg struct {
	seq    int
	result compare.Result
}

// comparePane (c) sets the clause the reader shows beside its best
// counterpart in another document, aligned sentence by sentence, with
// what only one side says marked; ] and [ cycle through the other
// counterparts, Enter opens the counterpart and ← the clause itself, both
// with the way back.
type comparePane struct {
	origin       *corpus.Node
	counterparts []*corpus.Node
	waiting      bool // the related index is still being built
	idx          int  // the counterpart shown
	seq          int  // the comparison asked for last
	result       *compare.Result
	lines        []string // the rendered rows at width
	offset       int
	width        int
	height       int
	styles       *Styles
	keys         compareKeys
}

// newComparePane compares n with its counterparts from src; with src nil
// the pane waits for the related index (sourcesMsg).
func newComparePane(n *corpus.Node, src *relatedSource, st *Styles) (comparePane, tea.Cmd) {
	p := comparePane{origin: n, styles: st, keys: newCompareKeys(st.tr), waiting: src == nil}
	if src == nil {
		return p, nil
	}
	return p.setSource(src)
}

func (p comparePane) setSource(src *relatedSource) (comparePane, tea.Cmd) {
	p.waiting = false
	p.counterparts = nil
	for _, m := range src.matches(p.origin) {
		p.counterparts = append(p.counterparts, m.Node)
	}
	p.idx = 0
	return p.start()
}

// start asks for the comparison with the current counterpart off the
// event loop.
func (p comparePane) start() (comparePane, tea.Cmd) {
	p.result, p.lines, p.offset = nil, nil, 0
	p.keys.Next.SetEnabled(len(p.counterparts) > 1)
	p.keys.Prev.SetEnabled(len(p.counterparts) > 1)
	p.keys.OpenRight.SetEnabled(false)
	if len(p.counterparts) == 0 {
		return p.relayout(), nil
	}
	p.seq++
	seq, a, b := p.seq, p.origin, p.counterparts[p.idx]
	return p.relayout(), func() tea.Msg { return compareDoneMsg{seq: seq, result: compare.Compare(a, b)} }
}

// SetSize implements pane.
func (p comparePane) SetSize(w, h int) pane {
	p.width, p.height = w, h
	return p.relayout()
}

// Title implements pane.
func (p comparePane) Title() string { return "COMPARE" } // a message: the bar translates it

// KeyMap implements pane.
func (p comparePane) KeyMap() help.KeyMap { return p.keys }

// Position is the counterpart shown of how many.
func (p comparePane) Position() string {
	return listPosition(p.idx, len(p.counterparts))
}

// Update implements pane.
func (p comparePane) Update(msg tea.Msg) (pane, tea.Cmd) {
	switch msg := msg.(type) {
	case sourcesMsg:
		if p.waiting && msg.rel != nil {
			return p.setSource(msg.rel)
		}
	case compareDoneMsg:
		if msg.seq == p.seq {
			r := msg.result
			p.result = &r
			p.keys.OpenRight.SetEnabled(true)
			return p.relayout(), nil
		}
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p comparePane) handleKey(msg tea.KeyMsg) (pane, tea.Cmd) {
	k := p.keys
	page := max(p.bodyRows()-1, 1)
	switch {
	case key.Matches(msg, k.Close):
		return p, send(closeViewMsg{})
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		d := 1
		if key.Matches(msg, k.Prev) {
			d = -1
		}
		p.idx = (p.idx + d + len(p.counterparts)) % len(p.counterparts)
		return p.start()
	case key.Matches(msg, k.OpenRight):
		return p, send(jumpMsg{node: p.counterparts[p.idx], field: "text", offset: -1})
	case key.Matches(msg, k.OpenLeft):
		return p, send(jumpMsg{node: p.origin, field: "text", offset: -1})
	case key.Matches(msg, k.Up):
		p.offset--
	case key.Matches(msg, k.Down):
		p.offset++
	case key.Matches(msg, k.PageUp):
		p.offset -= page
	case key.Matches(msg, k.PageDown):
		p.offset += page
	case key.Matches(msg, k.Top):
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.offset = len(p.lines)
	}
	p.offset = clamp(p.offset, 0, max(len(p.lines)-p.bodyRows(), 0))
	return p, nil
}

func (p comparePane) bodyRows() int { return max(p.height-compareHeaderRows, 0) }

// View implements pane.
func (p comparePane) View() string {
	out := p.header()
	end := min(p.offset+p.bodyRows(), len(p.lines))
	if p.offset < end {
		out = append(out, p.lines[p.offset:end]...)
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	return strings.Join(out[:p.height], "\n")
}

// sideLabels are the short labels of the two documents (中央, 广东), or
// the starts of their titles when the labels agree (two national laws are
// both 中央); 甲 and 乙 for two clauses of one document.
func (p comparePane) sideLabels() (string, string) {
	l := shortDocLabel(p.origin.Doc)
	if len(p.counterparts) == 0 {
		return l, ""
	}
	od, cd := p.origin.Doc, p.counterparts[p.idx].Doc
	r := shortDocLabel(cd)
	if l != r {
		return l, r
	}
	if od != nil && cd != nil && od != cd {
		start := func(d *corpus.Document) string {
			t := []rune(oneLine(textlayout.Sanitize(strings.TrimPrefix(d.ShortTitle(), "中华人民共和国"))))
			return string(t[:min(len(t), 6)])
		}
		if a, b := start(od), start(cd); a != b {
			return a, b
		}
	}
	return "甲", "乙"
}

// header is the pane's first rows: this clause, its counterpart and the
// overlap, or why there is nothing to compare yet.
func (p comparePane) header() []string {
	st, w := p.styles, p.width
	l, r := p.sideLabels()
	first := st.Heading.Render("⇄ ") + st.Location.Render(l+" ") + st.Heading.Render(oneLine(textlayout.Sanitize(p.origin.Title())))
	var second string
	switch {
	case p.waiting:
		second = st.Dim.Render(st.tr.T("finding counterparts…"))
	case len(p.counterparts) == 0:
		second = st.Dim.Render(st.tr.T("no counterpart in the other documents"))
	default:
		second = "  " + st.Location.Render(r+" ") + st.Heading.Render(oneLine(textlayout.Sanitize(p.counterparts[p.idx].Title())))
	}
	third := ""
	if p.result != nil {
		third = st.Dim.Render(st.tr.F("similarity %.2f · ", p.result.Similarity)) + newPainter(st.Only).paint(st.tr.T("only one side")) +
			st.Dim.Render(" · ") + newPainter(st.OnlyTarget).paint(st.tr.T("target")) + st.Dim.Render(" ") + newPainter(st.OnlyBody).paint(st.tr.T("body")) + st.Dim.Render(st.tr.T(" only one side states"))
	} else if len(p.counterparts) > 0 {
		third = st.Dim.Render(st.tr.T("comparing…"))
	}
	out := []string{first, second, third}
	for i := range out {
		out[i] = ansi.Truncate(out[i], w, "…")
	}
	return out[:min(len(out), p.height)]
}

// relayout renders the aligned rows at the pane's width.
func (p comparePane) relayout() comparePane {
	p.lines = nil
	if p.result == nil || p.width <= 0 {
		return p
	}
	r := p.result
	l, rt := p.sideLabels()
	if p.width >= compareSideBySide {
		col := (p.width - 3) / 2
		sep := p.styles.Separator.Render(" │ ")
		p.lines = append(p.lines, fitWidth(p.styles.Location.Render(l), col, p.styles.Text)+sep+p.styles.Location.Render(rt))
		for _, row := range r.Rows {
			left := p.sideLines(r.Left, row.Left, col)
			right := p.sideLines(r.Right, row.Right, col)
			for i := 0; i < max(len(left), len(right)); i++ {
				a, b := "", ""
				if i < len(left) {
					a = left[i]
				}
				if i < len(right) {
					b = right[i]
				}
				p.lines = append(p.lines, fitWidth(a, col, p.styles.Text)+sep+b)
			}
			p.lines = append(p.lines, "")
		}
	} else {
		lw := max(ansi.StringWidth(l), ansi.StringWidth(rt)) + 1
		text := max(p.width-lw, 1)
		for _, row := range r.Rows {
			for _, side := range []struct {
				label string
				s     compare.Side
				idx   []int
			}{{l, r.Left, row.Left}, {rt, r.Right, row.Right}} {
				for i, line := range p.sideLines(side.s, side.idx, text) {
					label := strings.Repeat(" ", lw)
					if i == 0 {
						label = fitWidth(p.styles.Location.Render(side.label), lw, p.styles.Text)
					}
					p.lines = append(p.lines, label+line)
				}
			}
			p.lines = append(p.lines, "")
		}
	}
	for i := range p.lines {
		p.lines[i] = ansi.Truncate(p.lines[i], p.width, "")
	}
	p.offset = clamp(p.offset, 0, max(len(p.lines)-p.bodyRows(), 0))
	return p
}

// sideLines renders the sentences idx of side s wrapped at width, with
// the side's marks drawn: a target or body only it states over wording
// only it has.
func (p comparePane) sideLines(s compare.Side, idx []int, width int) []string {
	if len(idx) == 0 {
		return []string{p.styles.Dim.Render("—")}
	}
	runes := []rune(textlayout.Sanitize(s.Node.Text))
	var out []string
	for _, i := range idx {
		rg := s.Sentences[i]
		sentence := string(runes[rg.Start:rg.End])
		for _, l := range textlayout.Wrap(sentence, width) {
			out = append(out, p.paint(runes, s.Marks, rg.Start+l.Start, rg.Start+l.End))
		}
	}
	return out
}

// paint draws runes[start:end] with the marks that cover them.
func (p comparePane) paint(runes []rune, marks []compare.Mark, start, end int) string {
	kind := make([]int, end-start) // 0 plain, 1 only, 2 target, 3 body
	for _, m := range marks {
		k := 1
		switch m.Kind {
		case compare.OnlyTarget:
			k = 2
		case compare.OnlyBody:
			k = 3
		}
		for i := max(m.Start, start); i < min(m.End, end); i++ {
			kind[i-start] = max(kind[i-start], k)
		}
	}
	st := p.styles
	// Painters, not Render: lipgloss underlines rune by rune, one escape
	// sequence per character.
	painters := [...]painter{newPainter(st.Text), newPainter(st.Only), newPainter(st.OnlyTarget), newPainter(st.OnlyBody)}
	var b strings.Builder
	for i := 0; i < len(kind); {
		j := i
		for j < len(kind) && kind[j] == kind[i] {
			j++
		}
		b.WriteString(painters[kind[i]].paint(string(runes[start+i : start+j])))
		i = j
	}
	return b.String()
}

// openCompare opens the compare pane on the clause the detail pane shows.
func (m Model) openCompare() (Model, tea.Cmd) {
	n := m.detail.node
	if n == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("compare: select a clause first"), false)
		return m, nil
	}
	p, cmd := newComparePane(n, m.rel, m.styles)
	return m.openPane(p, cmd)
}
