package ui

import (
	"context"
	"strings"

	"policyreader/corpus"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// treeFilterModel is the tree's filter prompt (F) in the status line:
// what is typed narrows the tree at once to the rows whose titles hold
// it, with the rows above them; Enter keeps the filter, Esc drops it.
//
// The rows are found off the event loop: on a large library, every title
// of every document is matched (150–200 ms on 100 MB), and one opened on
// demand is read whole the first time. Each keystroke's search is
// numbered (seq) and cancels the one before; the rows shown change when
// the latest arrives.
type treeFilterModel struct {
	input  textinput.Model
	open   bool
	seq    int
	cancel context.CancelFunc
	// pending is the filter whose rows are being found, "" when none:
	// what the tree will show, and what a jump or a change of documents
	// meanwhile applies at once.
	pending string
}

// treeFilteredMsg carries the rows of filter number seq.
type treeFilteredMsg struct {
	seq    int
	filter string
	rows   []treeRow
}

func newTreeFilter(st *Styles) treeFilterModel {
	return treeFilterModel{input: newFilterInput(st, st.tr.T("filter tree › "), st.tr.T("a word of a title: 就业, 第三章"))}
}

// openTreeFilter shows the prompt on the filter in force.
func (m Model) openTreeFilter() (Model, tea.Cmd) {
	m.treeFilter.open = true
	f := m.tree.filter
	if m.treeFilter.pending != "" {
		f = m.treeFilter.pending
	}
	m.treeFilter.input.SetValue(f)
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
		m, _ = m.filterTree("")
		return m, m.tree.selectCmd()
	case tea.KeyEnter:
		m.treeFilter.open = false
		m.treeFilter.input.Blur()
		return m, m.tree.selectCmd()
	}
	var cmd, find tea.Cmd
	m.treeFilter.input, cmd = m.treeFilter.input.Update(msg)
	m, find = m.filterTree(m.treeFilter.input.Value())
	return m, tea.Batch(cmd, find)
}

// filterTree starts finding the rows of filter f off the event loop,
// dropping the search before; "" shows the tree unfiltered at once.
func (m Model) filterTree(f string) (Model, tea.Cmd) {
	m = m.dropTreeFilterSearch()
	f = strings.TrimSpace(f)
	if f == "" {
		m.tree = m.tree.SetFilter("")
		return m, nil
	}
	ctx, cancel := context.WithCancel(m.bg.ctx)
	m.treeFilter.cancel, m.treeFilter.pending = cancel, f
	seq, docs := m.treeFilter.seq, m.tree.docs
	return m, func() tea.Msg {
		rows, err := filteredRowsContext(ctx, docs, f)
		if err != nil {
			return nil // superseded, or the reader quit
		}
		return treeFilteredMsg{seq: seq, filter: f, rows: rows}
	}
}

// dropTreeFilterSearch cancels the rows being found, whose result is
// then ignored.
func (m Model) dropTreeFilterSearch() Model {
	m.treeFilter.seq++
	if m.treeFilter.cancel != nil {
		m.treeFilter.cancel()
	}
	m.treeFilter.cancel, m.treeFilter.pending = nil, ""
	return m
}

// settleTreeFilter applies, at once, the filter whose rows are being
// found: before a jump or a change of documents, which need the rows the
// tree will show.
func (m Model) settleTreeFilter() Model {
	if f := m.treeFilter.pending; f != "" {
		m = m.dropTreeFilterSearch()
		m.tree = m.tree.SetFilter(f)
	}
	return m
}

// treeFiltered shows the rows found, when they are the latest asked for;
// with the prompt closed meanwhile (Enter), the detail follows the row
// the cursor lands on.
func (m Model) treeFiltered(msg treeFilteredMsg) (Model, tea.Cmd) {
	if msg.seq != m.treeFilter.seq {
		return m, nil
	}
	m = m.dropTreeFilterSearch() // done: its context is released
	m.tree = m.tree.SetFilterRows(msg.filter, msg.rows)
	if !m.treeFilter.open {
		return m, m.tree.selectCmd()
	}
	return m, nil
}

// matchesFilter reports whether title holds f, spaces and case aside.
func matchesFilter(title, f string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	return strings.Contains(norm(title), norm(f))
}

// filteredRows are the rows of docs under filter f: every document or
// outline node whose title holds f, with the rows above it, all open.
func filteredRows(docs []*corpus.Document, f string) []treeRow {
	rows, _ := filteredRowsContext(context.Background(), docs, f)
	return rows
}

// filteredRowsContext is filteredRows, giving up with ctx's error when it
// is cancelled (checked at each document).
func filteredRowsContext(ctx context.Context, docs []*corpus.Document, f string) ([]treeRow, error) {
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
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		below := add(d.TopLevel(), d, 1)
		if matchesFilter(d.Label(), f) || len(below) > 0 {
			rows = append(rows, treeRow{doc: d})
			rows = append(rows, below...)
		}
	}
	return rows, nil
}
