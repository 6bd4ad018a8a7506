package ui

import (
	"strings"

	"policyreader/corpus"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// treeFilterModel is the tree's filter prompt (F) in the status line:
// what is typed narrows the tree at once to the rows whose titles hold
// it, with the rows above them; Enter keeps the filter, Esc drops it.
type treeFilterModel struct {
	input textinput.Model
	open  bool
}

func newTreeFilter(st *Styles) treeFilterModel {
	return treeFilterModel{input: newFilterInput(st, st.tr.T("filter tree › "), st.tr.T("a word of a title: 就业, 第三章"))}
}

// openTreeFilter shows the prompt on the filter in force.
func (m Model) openTreeFilter() (Model, tea.Cmd) {
	m.treeFilter.open = true
	m.treeFilter.input.SetValue(m.tree.filter)
	m.treeFilter.input.CursorEnd()
	cmd := m.treeFilter.input.Focus() // before m is copied out
	return m.setMode(modeBrowse, focusTree), cmd
}

// handleTreeFilterKey types into the prompt, filtering as it goes.
func (m Model) handleTreeFilterKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		m.treeFilter.open = false
		m.treeFilter.input.Blur()
		m.tree = m.tree.SetFilter("")
		return m, m.tree.selectCmd()
	case tea.KeyEnter:
		m.treeFilter.open = false
		m.treeFilter.input.Blur()
		return m, m.tree.selectCmd()
	}
	var cmd tea.Cmd
	m.treeFilter.input, cmd = m.treeFilter.input.Update(msg)
	m.tree = m.tree.SetFilter(m.treeFilter.input.Value())
	return m, cmd
}

// matchesFilter reports whether title holds f, spaces and case aside.
func matchesFilter(title, f string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	return strings.Contains(norm(title), norm(f))
}

// filteredRows are the rows of docs under filter f: every document or
// outline node whose title holds f, with the rows above it, all open.
func filteredRows(docs []*corpus.Document, f string) []treeRow {
	var rows []treeRow
	var add func(nodes []*corpus.Node, doc *corpus.Document, depth int) []treeRow
	add = func(nodes []*corpus.Node, doc *corpus.Document, depth int) []treeRow {
		var out []treeRow
		for _, n := range nodes {
			if !inTree(n) {
				continue
			}
			below := add(n.Children, doc, depth+1)
			if matchesFilter(n.Title(), f) || len(below) > 0 {
				out = append(out, treeRow{doc: doc, node: n, depth: depth})
				out = append(out, below...)
			}
		}
		return out
	}
	for _, d := range docs {
		below := add(d.TopLevel(), d, 1)
		if matchesFilter(d.Label(), f) || len(below) > 0 {
			rows = append(rows, treeRow{doc: d})
			rows = append(rows, below...)
		}
	}
	return rows
}
