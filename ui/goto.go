package ui

import (
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// gotoModel is the go-to prompt (:) in the status line: type 第20条, 20条,
// （三） or 3 and Enter jumps there in the document being read.
type gotoModel struct {
	input textinput.Model
	open  bool
}

func newGoto(st *Styles) gotoModel {
	return gotoModel{input: newFilterInput(st, st.tr.T("go to › "), "第20条, 20条, （三）, 3, 第三章")}
}

// openGoto shows the prompt.
func (m Model) openGoto() (Model, tea.Cmd) {
	if m.detail.doc == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("go to: open a document first"), false)
		return m, nil
	}
	m.gotoBox.open = true
	m.gotoBox.input.SetValue("")
	cmd := m.gotoBox.input.Focus() // before m is copied out
	return m, cmd
}

// handleGotoKey types into the prompt; Enter goes, Esc cancels.
func (m Model) handleGotoKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		return m.closeGoto(), nil
	case tea.KeyEnter:
		q := m.gotoBox.input.Value()
		m = m.closeGoto()
		d := m.detail.doc
		n, ok := d.Locate(q, m.detail.node)
		if !ok {
			m.status = m.status.SetMessage(m.styles.tr.F("go to: no %s in %s", oneLine(textlayout.Sanitize(q)), shortDocLabel(d)), true)
			return m, nil
		}
		return m, send(jumpMsg{node: n, field: "text", offset: -1})
	}
	var cmd tea.Cmd
	m.gotoBox.input, cmd = m.gotoBox.input.Update(msg)
	return m, cmd
}

func (m Model) closeGoto() Model {
	m.gotoBox.open = false
	m.gotoBox.input.Blur()
	return m
}

// gotoView is the prompt drawn over the status line.
func (m Model) gotoView(width int) string {
	return ansi.Truncate(m.gotoBox.input.View(), width, "")
}
