package ui

import (
	"fmt"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/bodies"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// bodiesHeaderRows is the filter (or the body's name), a status line and
// the column header.
const bodiesHeaderRows = 3

// bodiesClauseRows is the height of one clause in a body's list: role,
// document and clause; then the text where it names the body.
const bodiesClauseRows = 2

// bodiesCountsWidth is the width of the lead, part and named columns.
const bodiesCountsWidth = 15

// bodiesKeys are the keys of the who-is-responsible pane.
type bodiesKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Open, Jump                 key.Binding
	Clear, Back, Close         key.Binding
}

func newBodiesKeys(tr msg.Printer) bodiesKeys {
	b := binder(tr)
	return bodiesKeys{
		Up: b("↑", "up", "up", "ctrl+p"), Down: b("↓", "down", "down", "ctrl+n"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn", "page down", "pgdown"),
		Open:  b("enter", "list its clauses", "enter"),
		Jump:  b("enter", "jump", "enter"),
		Clear: b("esc", "clear filter", "esc"),
		Back:  b("esc", "back to bodies", "esc"),
		Close: b("esc", "close", "esc"),
	}
}

// ShortHelp is the status bar's line.
func (k bodiesKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Jump, k.Clear, k.Back, k.Close, k.Down}
}

// FullHelp is the help overlay's columns.
func (k bodiesKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Open, k.Jump, k.Clear, k.Back, k.Close}}
}

// bodiesReadyMsg delivers the corpus's bodies once collected.
type bodiesReadyMsg struct{ bodies []*bodies.Body }

// bodiesPane (o) answers "who is responsible": every body of the corpus
// with the clauses it leads, takes part in and is only named in, filtered
// by typing (characters or pinyin); Enter lists a body's clauses with
// their text, and Enter on one jumps there with the way back.
type bodiesPane struct {
	all    []*bodies.Body // nil until collected
	shown  []*bodies.Body
	input  textinput.Model
	list   listCursor
	body   *bodies.Body // the body whose clauses are listed, or nil
	refs   listCursor
	width  int
	height int
	styles *Styles
	keys   bodiesKeys
}

// newBodiesPane opens the pane and collects the bodies of c off the
// event loop.
// newBodiesPane opens the pane on collected, the bodies of c, or collects
// them off the event loop when nil (the first opening).
func newBodiesPane(c *corpus.Corpus, collected []*bodies.Body, st *Styles) (bodiesPane, tea.Cmd) {
	in := newFilterInput(st, st.tr.T("body › "), st.tr.T("type to filter: 人社, renshe, rsb"))
	p := bodiesPane{input: in, styles: st, keys: newBodiesKeys(st.tr)}
	cmd := p.input.Focus()
	if collected != nil {
		p.all = collected
		return p.refilter().syncKeys(), cmd
	}
	return p.syncKeys(), tea.Batch(cmd, func() tea.Msg { return bodiesReadyMsg{bodies: bodies.Collect(c)} })
}

// SetSize implements pane.
func (p bodiesPane) SetSize(w, h int) pane {
	p.width, p.height = w, h
	p.input.Width = max(w-len([]rune(p.input.Prompt))-1, 1)
	p.list.fit(len(p.shown), p.visibleBodies())
	p.refs.fit(p.refCount(), p.visibleRefs())
	return p
}

// Title implements pane.
func (p bodiesPane) Title() string { return "BODIES" } // a message: the bar translates it

// KeyMap implements pane.
func (p bodiesPane) KeyMap() help.KeyMap { return p.keys }

// Typing reports that the filter has focus: q and ? are typed.
func (p bodiesPane) Typing() bool { return p.body == nil }

// Position is the row selected of how many.
func (p bodiesPane) Position() string {
	if p.body != nil {
		return listPosition(p.refs.cursor, len(p.body.Refs))
	}
	return listPosition(p.list.cursor, len(p.shown))
}

func (p bodiesPane) refCount() int {
	if p.body == nil {
		return 0
	}
	return len(p.body.Refs)
}

func (p bodiesPane) visibleBodies() int { return max(p.height-bodiesHeaderRows, 1) }

func (p bodiesPane) visibleRefs() int {
	return max((p.height-bodiesHeaderRows+1)/bodiesClauseRows, 1)
}

// syncKeys enables the keys that act now.
func (p bodiesPane) syncKeys() bodiesPane {
	inList := p.body == nil
	p.keys.Open.SetEnabled(inList && len(p.shown) > 0)
	p.keys.Jump.SetEnabled(!inList)
	p.keys.Clear.SetEnabled(inList && p.input.Value() != "")
	p.keys.Back.SetEnabled(!inList)
	p.keys.Close.SetEnabled(inList && p.input.Value() == "")
	return p
}

// Update implements pane.
func (p bodiesPane) Update(msg tea.Msg) (pane, tea.Cmd) {
	switch msg := msg.(type) {
	case bodiesReadyMsg:
		p.all = msg.bodies
		return p.refilter().syncKeys(), nil
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p bodiesPane) refilter() bodiesPane {
	p.shown = bodies.Filter(p.all, p.input.Value())
	p.list.cursor = 0
	p.list.fit(len(p.shown), p.visibleBodies())
	return p
}

func (p bodiesPane) handleKey(msg tea.KeyMsg) (pane, tea.Cmd) {
	k := p.keys
	nav := listNav{up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown}
	if p.body != nil {
		// A body's clauses: j and k move too, nothing is typed.
		nav.up = key.NewBinding(key.WithKeys("up", "k", "ctrl+p"))
		nav.down = key.NewBinding(key.WithKeys("down", "j", "ctrl+n"))
		nav.top = key.NewBinding(key.WithKeys("g", "home"))
		nav.bottom = key.NewBinding(key.WithKeys("G", "end"))
		switch {
		case key.Matches(msg, k.Back):
			p.body = nil
			cmd := p.input.Focus()
			return p.syncKeys(), cmd
		case key.Matches(msg, k.Jump):
			r := p.body.Refs[p.refs.cursor]
			return p, send(jumpMsg{node: r.Node, field: "text", offset: mentionAt(r)})
		}
		p.refs.navigate(msg, nav, len(p.body.Refs), p.visibleRefs())
		return p, nil
	}
	switch {
	case key.Matches(msg, k.Close):
		return p, send(closeViewMsg{})
	case key.Matches(msg, k.Clear):
		p.input.SetValue("")
		return p.refilter().syncKeys(), nil
	case key.Matches(msg, k.Open):
		p.body = p.shown[p.list.cursor]
		p.refs = listCursor{}
		p.input.Blur()
		return p.syncKeys(), nil
	}
	if p.list.navigate(msg, nav, len(p.shown), p.visibleBodies()) {
		return p, nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p = p.refilter()
	}
	return p.syncKeys(), cmd
}

// mentionAt is the rune offset of the body's first mention in the
// clause's text, or -1 (the clause's start) when the text does not spell
// it as the reference does.
func mentionAt(r bodies.Ref) int {
	i := strings.Index(r.Node.Text, r.As)
	if i < 0 {
		return -1
	}
	return len([]rune(r.Node.Text[:i]))
}

// View implements pane.
func (p bodiesPane) View() string {
	var lines []string
	if p.body != nil {
		lines = p.refsView()
	} else {
		lines = p.listView()
	}
	for i := range lines {
		lines[i] = textlayout.Truncate(lines[i], p.width)
	}
	for len(lines) < p.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(p.height, 0)], "\n")
}

// counts lays out the lead, part and named columns, right-aligned by
// display width (牵头 is four cells, like lead).
func counts(lead, part, named string) string {
	pad := func(s string, w int) string {
		return strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) + s
	}
	return pad(lead, 4) + " " + pad(part, 4) + " " + pad(named, 5) + "  "
}

func (p bodiesPane) listView() []string {
	st := p.styles
	lines := []string{p.input.View()}
	var status string
	switch {
	case p.all == nil:
		status = st.tr.T("collecting bodies…")
	case len(p.shown) == 0 && p.input.Value() != "":
		status = st.tr.F("no body matches %s", oneLine(textlayout.Sanitize(p.input.Value())))
	case len(p.all) == 0:
		status = st.tr.T("no responsible bodies in these documents")
	default:
		status = st.tr.F("%d of %d bodies · clauses each leads, takes part in, names", len(p.shown), len(p.all))
	}
	lines = append(lines, st.Dim.Render(status), st.PaneTitle.Render(counts(st.tr.T("lead"), st.tr.T("part"), st.tr.T("named"))+st.tr.T("body")))
	end := min(p.list.offset+p.visibleBodies(), len(p.shown))
	for i := p.list.offset; i < end; i++ {
		b := p.shown[i]
		name := oneLine(textlayout.Sanitize(b.Label()))
		aliases := ""
		if len(b.Aliases) > 0 {
			aliases = " = " + oneLine(textlayout.Sanitize(strings.Join(b.Aliases, " = ")))
		}
		c := counts(itoaOrDash(b.Lead), itoaOrDash(b.Part), itoaOrDash(b.Named))
		if i == p.list.cursor {
			lines = append(lines, fitWidth(st.ResultSelected.Render(textlayout.Truncate(c+name+aliases, p.width)), p.width, st.ResultSelected))
			continue
		}
		lines = append(lines, st.Result.Render(c)+st.Body.Render(name)+st.Dim.Render(aliases))
	}
	return lines
}

func itoaOrDash(n int) string {
	if n == 0 {
		return "·"
	}
	return fmt.Sprint(n)
}

// roleLabel is how a clause's role shows: lead, part or named (牵头,
// 参与, 提及 in Chinese, the words of the annotations).
func roleLabel(tr msg.Printer, r bodies.Role) string {
	switch r {
	case bodies.Lead:
		return tr.T("lead")
	case bodies.Part:
		return tr.T("part")
	}
	return tr.T("named")
}

func (p bodiesPane) refsView() []string {
	st := p.styles
	b := p.body
	head := st.Heading.Render(oneLine(textlayout.Sanitize(b.Label())))
	if len(b.Aliases) > 0 {
		head += st.Dim.Render(" = " + oneLine(textlayout.Sanitize(strings.Join(b.Aliases, " = "))))
	}
	status := st.tr.F("leads %d · takes part in %d · named in %d", b.Lead, b.Part, b.Named)
	lines := []string{head, st.Dim.Render(status), ""}
	end := min(p.refs.offset+p.visibleRefs(), len(b.Refs))
	for i := p.refs.offset; i < end; i++ {
		r := b.Refs[i]
		title := "[" + roleLabel(st.tr, r.Role) + "] " + shortDocLabel(r.Node.Doc) + " " + oneLine(textlayout.Sanitize(r.Node.Title()))
		if i == p.refs.cursor {
			lines = append(lines, fitWidth(st.ResultSelected.Render(textlayout.Truncate("▸ "+title, p.width)), p.width, st.ResultSelected))
		} else {
			lines = append(lines, "  "+st.Result.Render(title))
		}
		lines = append(lines, "  "+p.excerpt(r, max(p.width-2, 1)))
	}
	return lines
}

// excerpt is one line of the clause's text from a little before the
// body's first mention, the mention drawn as a body.
func (p bodiesPane) excerpt(r bodies.Ref, width int) string {
	st := p.styles
	text := []rune(oneLine(textlayout.Sanitize(r.Node.Text)))
	at := mentionAt(r)
	if at < 0 {
		return st.Dim.Render(textlayout.Truncate(string(text), width))
	}
	start := max(at-6, 0)
	end := min(at+len([]rune(r.As)), len(text))
	prefix := ""
	if start > 0 {
		prefix = "…"
	}
	line := st.Dim.Render(prefix+string(text[start:at])) + st.Body.Render(string(text[at:end])) + st.Dim.Render(string(text[end:]))
	return textlayout.Truncate(line, width)
}

// openBodies opens the who-is-responsible pane.
func (m Model) openBodies() (Model, tea.Cmd) {
	p, cmd := newBodiesPane(m.corpus, m.bodyList, m.styles)
	return m.openPane(p, cmd)
}
