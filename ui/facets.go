package ui

import (
	"fmt"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/facet"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// facetsHeaderRows is the pane's summary line and a blank line.
const facetsHeaderRows = 2

// facetKeys are the keys of the facets pane.
type facetKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Toggle, Clear, Close                    key.Binding
}

func newFacetKeys(tr msg.Printer) facetKeys {
	b := binder(tr)
	return facetKeys{
		Up: b("↑/k", "up", "up", "k"), Down: b("↓/j", "down", "down", "j"),
		PageUp: b("pgup", "page up", "pgup"), PageDown: b("pgdn", "page down", "pgdown"),
		Top: b("g", "top", "g", "home"), Bottom: b("G", "bottom", "G", "end"),
		Toggle: b("space/enter", "choose", " ", "enter"),
		Clear:  b("x", "clear all", "x"),
		Close:  b("esc", "close", "esc", "f"),
	}
}

// ShortHelp is the status bar's line.
func (k facetKeys) ShortHelp() []key.Binding { return []key.Binding{k.Toggle, k.Clear, k.Close} }

// FullHelp is the help overlay's columns.
func (k facetKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Toggle, k.Clear, k.Close}}
}

// facetsChangedMsg carries the filter after a change in the facets pane;
// the reader narrows the tree to the documents it keeps.
type facetsChangedMsg struct{ filter facet.Filter }

// facetRow is one line of the facets pane: a facet's heading or a value.
type facetRow struct {
	heading facet.Name
	value   *facet.Value
}

// facetsPane (f) filters the tree by kind, level, year and issuer: every
// value with how many documents have it; space chooses or drops one,
// values of one facet widen and facets narrow, and the tree follows at
// once.
type facetsPane struct {
	docs   []*corpus.Document
	rows   []facetRow
	filter facet.Filter
	listCursor
	width  int
	height int
	styles *Styles
	keys   facetKeys
}

func newFacetsPane(docs []*corpus.Document, f facet.Filter, st *Styles) facetsPane {
	p := facetsPane{docs: docs, filter: f, styles: st, keys: newFacetKeys(st.tr)}
	var last facet.Name = -1
	for _, v := range facet.Values(docs) {
		if v.Facet != last {
			p.rows = append(p.rows, facetRow{heading: v.Facet})
			last = v.Facet
		}
		p.rows = append(p.rows, facetRow{value: &v})
	}
	p.cursor = 1 // the first value, under its heading
	return p
}

// SetSize implements pane.
func (p facetsPane) SetSize(w, h int) pane {
	p.width, p.height = w, h
	p.fit(len(p.rows), p.visible())
	return p
}

func (p facetsPane) visible() int { return max(p.height-facetsHeaderRows, 1) }

// Title implements pane.
func (p facetsPane) Title() string { return "FACETS" } // a message: the bar translates it

// KeyMap implements pane.
func (p facetsPane) KeyMap() help.KeyMap { return p.keys }

// Position is the number of documents the filter keeps.
func (p facetsPane) Position() string {
	return p.styles.tr.F("%d/%d docs", len(p.filter.Apply(p.docs)), len(p.docs))
}

// Update implements pane.
func (p facetsPane) Update(msg tea.Msg) (pane, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.keys
	switch {
	case key.Matches(km, k.Close):
		return p, send(closeViewMsg{})
	case key.Matches(km, k.Clear):
		p.filter = facet.Filter{}
		return p, send(facetsChangedMsg{filter: p.filter})
	case key.Matches(km, k.Toggle):
		if p.cursor < len(p.rows) && p.rows[p.cursor].value != nil {
			p.filter = p.filter.Toggle(*p.rows[p.cursor].value)
			return p, send(facetsChangedMsg{filter: p.filter})
		}
		return p, nil
	}
	old := p.cursor
	nav := listNav{up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom}
	if p.navigate(km, nav, len(p.rows), p.visible()) && p.cursor < len(p.rows) && p.rows[p.cursor].value == nil {
		// Step over a heading in the direction of the move.
		if p.cursor < old && p.cursor > 0 || p.cursor == len(p.rows)-1 {
			p.cursor--
		} else {
			p.cursor++
		}
		p.fit(len(p.rows), p.visible())
	}
	return p, nil
}

// View implements pane.
func (p facetsPane) View() string {
	st := p.styles
	summary := st.tr.T("no filter: every document shown")
	if p.filter.Active() {
		summary = p.filter.StringIn(st.tr.T)
	}
	lines := []string{st.Heading.Render(st.tr.T("Filter ")) + st.Text.Render(oneLine(textlayout.Sanitize(summary))), ""}
	end := min(p.offset+p.visible(), len(p.rows))
	for i := p.offset; i < end; i++ {
		r := p.rows[i]
		if r.value == nil {
			lines = append(lines, st.PaneTitle.Render(st.tr.T(r.heading.String())))
			continue
		}
		box := "[ ] "
		if p.filter.Chosen(*r.value) {
			box = "[x] "
		}
		label := oneLine(textlayout.Sanitize(r.value.Label()))
		if r.value.Facet == facet.ByKind || r.value.Facet == facet.ByLevel || r.value.Key == "" {
			label = st.tr.T(label) // a word of ours, not a name from a document
		}
		count := fmt.Sprintf(" %d", r.value.Count)
		if i == p.cursor {
			lines = append(lines, fitWidth(st.ResultSelected.Render(textlayout.Truncate("▸ "+box+label+count, p.width)), p.width, st.ResultSelected))
			continue
		}
		lines = append(lines, "  "+st.Prompt.Render(box)+st.Result.Render(label)+st.Dim.Render(count))
	}
	for i := range lines {
		lines[i] = textlayout.Truncate(lines[i], p.width)
	}
	for len(lines) < p.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(p.height, 0)], "\n")
}

// openFacets opens the facets pane on every document of the corpus.
func (m Model) openFacets() (Model, tea.Cmd) {
	return m.openPane(newFacetsPane(m.corpus.Docs, m.facets, m.styles), nil)
}

// setFacets narrows the tree to the documents f keeps.
func (m Model) setFacets(f facet.Filter) Model {
	m.facets = f
	m = m.settleTreeFilter() // rows being found over the documents before
	m.tree = m.tree.SetDocs(f.Apply(m.corpus.Docs))
	// A change arriving after the facets pane closed (its message queued
	// behind the Esc) finds the reader on a document it may now hide: show
	// the tree's row, as closing the pane does.
	if m.pane == nil && m.detail.doc != nil && !m.tree.Shows(m.detail.doc) {
		if r, ok := m.tree.Selected(); ok {
			m.detail = m.detail.Show(r.doc, r.node)
		}
	}
	return m
}

// treeTitle is the tree pane's title: the documents shown and, while a
// facet filter is active, how many of all and the filter.
func (m Model) treeTitle() string {
	t := m.styles.tr.F("Documents (%d)", len(m.corpus.Docs))
	if m.facets.Active() {
		t = m.styles.tr.F("Documents %d/%d · %s", len(m.tree.docs), len(m.corpus.Docs), m.facets.ShortIn(m.styles.tr.T))
	}
	if m.tree.filter != "" {
		t += m.styles.tr.F(" · filter: %s", m.tree.filter)
	}
	return t
}
