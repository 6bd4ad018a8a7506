package ui

import (
	"context"
	"fmt"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/search"
	"policyreader/corpus/words"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// searchHit is one search result.
type searchHit = search.Result

// searchFunc runs one query; it honours ctx cancellation.
type searchFunc func(ctx context.Context, query string, limit int) ([]searchHit, error)

// searchLimit caps the results of one query.
const searchLimit = 100

// rowsPerHit is the height of one result: title line and location/snippet line.
const rowsPerHit = 2

// searchModel is the search pane: a text input and ranked results that
// follow every keystroke. Each query runs as a command numbered seq; a
// result whose seq is not the latest is dropped, and starting a query
// cancels the previous one.
type searchModel struct {
	input textinput.Model
	find  searchFunc // nil until the index is built
	index *search.Index
	// words is asked for on the first query of letters; wordsAsked keeps
	// it from being asked twice.
	words      *words.Dictionary
	wordsAsked bool
	seq        int
	cancel     context.CancelFunc
	query      string // the query the current hits answer
	pending    string // the query typed, maybe not answered yet
	hits       []searchHit
	err        error
	// selected is true when the pane reopened on the previous query: the
	// first typed character replaces it, as in a browser's address bar.
	selected bool
	// jumpOnArrival is set by Enter pressed before the results of the
	// query typed have arrived: the first of them is opened when they do,
	// as a reader typing fast and pressing Enter expects.
	jumpOnArrival bool
	// past are the queries searched before, oldest first; recall is the
	// one shown by alt+↑/↓ (len(past) when none).
	past   []string
	recall int
	// reading is the document the reader shows; with scoped, results
	// come from it alone.
	reading *corpus.Document
	scoped  bool
	listCursor
	width  int
	height int
	styles *Styles
	keys   searchKeys
}

func newSearch(styles *Styles) searchModel {
	return searchModel{input: newFilterInput(styles, "/ ", styles.tr.T("search headings and text")), styles: styles,
		keys: newSearchKeys(styles.tr)}
}

// searchKeys are the search pane's keys: no letters, which the input
// takes.
type searchKeys struct {
	Up, Down, Jump, Close key.Binding
	Older, Newer, Scope   key.Binding
}

func newSearchKeys(tr msg.Printer) searchKeys {
	b := binder(tr)
	return searchKeys{
		Up:    b("↑/ctrl+p", "previous", "up", "ctrl+p"),
		Down:  b("↓/ctrl+n", "next", "down", "ctrl+n"),
		Jump:  b("enter", "jump", "enter"),
		Close: b("esc", "close search", "esc"),
		Older: b("alt+↑", "earlier search", "alt+up"),
		Newer: b("alt+↓", "later search", "alt+down"),
		Scope: b("ctrl+t", "this document/all", "ctrl+t"),
	}
}

// ShortHelp is the status bar's line.
func (k searchKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Jump, k.Down, k.Close, k.Scope, k.Older}
}

// FullHelp is the help overlay's columns.
func (k searchKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Jump, k.Close}, {k.Older, k.Newer, k.Scope}}
}

// Title implements pane.
func (m searchModel) Title() string { return "SEARCH" } // a message: the bar translates it

// KeyMap implements pane.
func (m searchModel) KeyMap() help.KeyMap { return m.keys }

// Typing reports that the input has focus: q and ? are typed.
func (m searchModel) Typing() bool { return true }

// searchHistoryLimit bounds the queries alt+↑ recalls.
const searchHistoryLimit = 50

// Open focuses the input on the last query and results, the query
// selected so typing replaces it.
func (m searchModel) Open(reading *corpus.Document) (searchModel, tea.Cmd) {
	var run tea.Cmd
	if m.reading != reading {
		m.reading = reading
		if m.scoped {
			m, run = m.run() // the scope follows the document now read
		}
	}
	m.selected = m.input.Value() != ""
	m.recall = len(m.past)
	if m.recall > 0 && m.past[m.recall-1] == strings.TrimSpace(m.input.Value()) {
		m.recall-- // the query shown is the newest: alt+↑ goes before it
	}
	m.input.CursorEnd()
	focus := m.input.Focus() // before m is copied out
	return m, tea.Batch(focus, run)
}

// remember adds the query shown to the history (not twice in a row).
func (m searchModel) remember() searchModel {
	q := strings.TrimSpace(m.input.Value())
	if q == "" || len(m.past) > 0 && m.past[len(m.past)-1] == q {
		return m
	}
	m.past = append(m.past, q)
	if len(m.past) > searchHistoryLimit {
		m.past = m.past[len(m.past)-searchHistoryLimit:]
	}
	return m
}

// Close blurs the input, remembers the query and cancels a running one.
func (m searchModel) Close() searchModel {
	m = m.remember()
	m.selected, m.jumpOnArrival = false, false
	m.input.Blur()
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	return m
}

// SetSize implements pane.
func (m searchModel) SetSize(w, h int) pane { return m.resized(w, h) }

// resized is SetSize keeping the type.
func (m searchModel) resized(w, h int) searchModel {
	m.width, m.height = w, h
	m.input.Width = max(w-ansi.StringWidth(m.input.Prompt)-1, 1)
	m.scrollTo(len(m.hits), m.visibleHits())
	return m
}

func (m searchModel) visibleHits() int { return max((m.height-2)/rowsPerHit, 1) }

// Update implements pane.
func (m searchModel) Update(msg tea.Msg) (pane, tea.Cmd) { return m.update(msg) }

// update handles keys while searching, results and the index arriving.
func (m searchModel) update(msg tea.Msg) (searchModel, tea.Cmd) {
	switch msg := msg.(type) {
	case indexReadyMsg:
		m.find, m.index = msg.search, msg.index
		if m.index != nil && m.words != nil {
			m.index.SetWords(m.words.Cut)
		}
		return m.run()
	case wordsReadyMsg:
		if msg.err != nil {
			return m, send(errMsg{fmt.Errorf(m.styles.tr.T("whole-word ranking is off: %w"), msg.err)})
		}
		m.words = msg.words
		if m.index != nil {
			m.index.SetWords(m.words.Cut)
		}
		return m.run() // the query shown, ranked by whole words now
	case searchResultsMsg:
		if msg.seq != m.seq {
			return m, nil // stale: a newer query is on its way
		}
		m.query, m.hits, m.err = msg.query, msg.hits, msg.err
		m.cursor, m.offset = 0, 0
		if m.jumpOnArrival && m.query == m.pending {
			m.jumpOnArrival = false
			return m.jump()
		}
		return m, nil
	case tea.KeyMsg:
		if !key.Matches(msg, m.keys.Jump) {
			m.jumpOnArrival = false // the reader did something else since
		}
		return m.handleKey(msg)
	}
	return m, nil
}

// jump opens the selected hit, closing the pane; with no hit it does
// nothing.
func (m searchModel) jump() (searchModel, tea.Cmd) {
	if m.cursor >= len(m.hits) {
		return m, nil
	}
	h := m.hits[m.cursor]
	off := -1
	if len(h.Matched) > 0 {
		off = h.Matched[0]
	}
	return m.Close(), send(jumpMsg{node: h.Node, field: h.Field, offset: off})
}

func (m searchModel) handleKey(msg tea.KeyMsg) (searchModel, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(msg, keys.Close):
		return m.Close(), send(closeViewMsg{})
	case key.Matches(msg, keys.Jump):
		if m.pending != m.query && strings.TrimSpace(m.pending) != "" {
			// The hits shown answer an older query: open the first of
			// the typed one's when they come.
			m.jumpOnArrival = true
			return m, nil
		}
		return m.jump()
	}
	if key.Matches(msg, keys.Scope) {
		if m.reading == nil {
			return m, nil
		}
		m.scoped = !m.scoped
		return m.run()
	}
	if key.Matches(msg, keys.Older) || key.Matches(msg, keys.Newer) {
		return m.recallQuery(key.Matches(msg, keys.Older))
	}
	if m.navigate(msg, listNav{up: keys.Up, down: keys.Down}, len(m.hits), m.visibleHits()) {
		return m, nil
	}
	if m.selected {
		m.selected = false
		switch msg.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyBackspace, tea.KeyDelete, tea.KeyCtrlU:
			// Typing replaces the selected query; deleting deletes it.
			m.input.SetValue("")
			if msg.Type != tea.KeyRunes && msg.Type != tea.KeySpace {
				return m.run()
			}
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == m.pending {
		return m, cmd
	}
	var run tea.Cmd
	m, run = m.run()
	return m, tea.Batch(cmd, run)
}

// recallQuery shows an older (or newer) query of the history in the input
// and searches it.
func (m searchModel) recallQuery(older bool) (searchModel, tea.Cmd) {
	if older && m.recall > 0 {
		m.recall--
	} else if !older && m.recall < len(m.past) {
		m.recall++
	}
	q := ""
	if m.recall < len(m.past) {
		q = m.past[m.recall]
	}
	m.input.SetValue(q)
	m.input.CursorEnd()
	m.selected = q != ""
	return m.run()
}

// run starts the query in the input, cancelling the one before.
func (m searchModel) run() (searchModel, tea.Cmd) {
	m.pending = m.input.Value()
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.seq++
	if strings.TrimSpace(m.pending) == "" {
		m.query, m.hits, m.err = m.pending, nil, nil
		return m, nil
	}
	if m.find == nil {
		return m, nil // indexReadyMsg runs it
	}
	var load tea.Cmd
	if !m.wordsAsked && hasLetters(m.pending) {
		// Pinyin and initials rank whole words first; the dictionary
		// takes a tenth of a second to read, so only now and off the
		// loop.
		m.wordsAsked = true
		load = func() tea.Msg {
			w, err := words.NewDictionary()
			return wordsReadyMsg{words: w, err: err}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	seq, q, find := m.seq, m.pending, m.find
	var scope *corpus.Document
	if m.scoped {
		scope = m.reading
	}
	return m, tea.Batch(func() tea.Msg {
		if scope == nil {
			hits, err := find(ctx, q, searchLimit)
			return searchResultsMsg{seq: seq, query: q, hits: hits, err: err}
		}
		// This document only: rank every match, keep the document's.
		all, err := find(ctx, q, 0)
		var hits []searchHit
		for _, h := range all {
			if h.Node != nil && h.Node.Doc == scope && len(hits) < searchLimit {
				hits = append(hits, h)
			}
		}
		return searchResultsMsg{seq: seq, query: q, hits: hits, err: err}
	}, load)
}

// hasLetters reports an ASCII letter in q: it may be pinyin.
func hasLetters(q string) bool {
	for _, r := range q {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// View draws the input, a count line and the results.
func (m searchModel) View() string {
	st := m.styles
	in := m.input.View()
	if m.selected {
		// The query is selected: typing replaces it.
		in = st.Prompt.Render(m.input.Prompt) + st.ResultSelected.Render(textlayout.Sanitize(m.input.Value()))
	}
	lines := []string{ansi.Truncate(in, m.width, "")}
	var status string
	switch {
	case m.err != nil && m.err != context.Canceled:
		status = st.Warning.Render(st.tr.F("search failed: %s", oneLine(m.err.Error())))
	case m.find == nil && m.pending != "":
		status = st.Dim.Render(st.tr.T("building the index…"))
	case m.pending != m.query:
		status = st.Dim.Render(st.tr.T("searching…"))
	case m.query == "":
		status = st.Dim.Render(st.tr.T("type to search; ↑↓ move, enter jumps, alt+↑↓ earlier searches, esc closes"))
	case len(m.hits) == 0:
		status = st.Dim.Render(st.tr.F("no match for %s", textlayout.Sanitize(m.query)))
	default:
		status = st.Dim.Render(st.tr.F(plural(len(m.hits), "%d result", "%d results"), len(m.hits)))
	}
	if m.scoped && m.reading != nil {
		status = st.Prompt.Render(st.tr.F("in %s only · ", shortDocLabel(m.reading))) + status
	}
	lines = append(lines, ansi.Truncate(status, m.width, "…"))
	end := min(m.offset+m.visibleHits(), len(m.hits))
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.hitView(m.hits[i], i == m.cursor)...)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:min(len(lines), max(m.height, 0))], "\n")
}

// hitView is two rows: number+heading (matches highlighted) then document
// label › path, followed by the snippet for a text match.
func (m searchModel) hitView(h searchHit, selected bool) []string {
	st := m.styles
	n := h.Node
	base := st.Result
	if selected {
		base = st.ResultSelected
	}
	pointer := "  "
	if selected {
		pointer = "▸ "
	}
	title, matched := titleMatches(h)
	doc := ""
	if n.Doc != nil {
		doc = n.Doc.Short
		if doc == "" {
			doc = string([]rune(n.Doc.Title)[:min(8, len([]rune(n.Doc.Title)))])
		}
		doc = oneLine(textlayout.Sanitize(doc))
	}
	match := st.Match
	if selected {
		// Keep the row's background under the match: no hole in the bar.
		match = st.Match.Inherit(base)
	}
	line1 := base.Render(pointer) + st.Location.Render(doc+" › ") + highlightRunes(title, matched, base, match)
	var loc []string
	if n.Doc != nil {
		loc = append(loc, n.Doc.Label())
	}
	loc = append(loc, n.Path()...)
	line2 := "  " + st.Location.Render(oneLine(textlayout.Sanitize(strings.Join(loc, " › "))))
	if h.Field == "text" {
		snip, at := centreSnippet(oneLine(textlayout.Sanitize(h.Snippet)), h.SnippetMatched, m.width-2)
		line2 = "  " + highlightRunes(snip, at, st.Dim, st.Match)
	}
	return []string{fitWidth(line1, m.width, base), ansi.Truncate(line2, m.width, "…")}
}

// titleMatches is the title a result row shows and the positions of the
// matched runes in it.
func titleMatches(h searchHit) (string, []int) {
	n := h.Node
	title := oneLine(textlayout.Sanitize(n.Title()))
	var matched []int
	switch {
	case h.Field == search.FieldHeading && n.Heading != "":
		// The title is the number, maybe a space (第一节 ), then the
		// heading: shift the heading's positions by what comes before it.
		shift := len([]rune(title)) - len([]rune(oneLine(textlayout.Sanitize(n.Heading))))
		for _, p := range h.Matched {
			matched = append(matched, p+shift)
		}
	case h.Field == search.FieldNumber:
		matched = h.Matched // the title opens with the number
	}
	return title, matched
}

// fitWidth truncates s to w columns and pads it with style's background.
func fitWidth(s string, w int, pad lipgloss.Style) string {
	s = ansi.Truncate(s, w, "…")
	if gap := w - ansi.StringWidth(s); gap > 0 {
		s += pad.Render(strings.Repeat(" ", gap))
	}
	return s
}

// highlightRunes renders s with the runes at positions matched in match
// style and the rest in base.
func highlightRunes(s string, matched []int, base, match lipgloss.Style) string {
	if len(matched) == 0 {
		return base.Render(s)
	}
	set := make(map[int]bool, len(matched))
	for _, p := range matched {
		set[p] = true
	}
	var b strings.Builder
	runes := []rune(s)
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i < len(runes) && set[i] == set[start] {
			continue
		}
		seg := string(runes[start:i])
		if set[start] {
			b.WriteString(match.Render(seg))
		} else {
			b.WriteString(base.Render(seg))
		}
		start = i
	}
	return b.String()
}

// centreSnippet cuts s to width cells around its matches: when the first
// match would fall past the middle, the start is dropped (shown as …) so
// the match sits near the middle, at any width. It returns the cut text
// and the match positions in it.
func centreSnippet(s string, matched []int, width int) (string, []int) {
	runes := []rune(s)
	if width <= 0 || len(matched) == 0 || ansi.StringWidth(s) <= width {
		return s, matched
	}
	first := matched[0]
	// Cells before the first match.
	before := ansi.StringWidth(string(runes[:min(first, len(runes))]))
	if before <= width/2 {
		return s, matched
	}
	// Drop runes from the start until the match is near the middle.
	drop, cut := 0, 0
	for drop < first && before-cut > width/3 {
		cut += ansi.StringWidth(string(runes[drop]))
		drop++
	}
	out := make([]int, 0, len(matched))
	for _, p := range matched {
		if p >= drop {
			out = append(out, p-drop+1) // +1 for the ellipsis
		}
	}
	return "…" + string(runes[drop:]), out
}
