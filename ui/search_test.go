package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestEnterBeforeResults: Enter pressed after typing a query but before
// its results arrive opens the first of them when they do; any other key
// in between cancels that.
func TestEnterBeforeResults(t *testing.T) {
	for _, other := range []bool{false, true} {
		m := started(t, 100, 30)
		m = update(m, keyRunes("/"))
		next, search := m.Update(keyRunes("落户")) // the search runs later
		m = next.(Model)
		next, _ = m.Update(keyEnter)
		m = next.(Model)
		if m.pane == nil {
			t.Fatal("Enter with no results yet closed the search")
		}
		if other {
			next, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
			m = next.(Model)
		}
		m = update(m, search())
		switch {
		case !other && m.pane != nil:
			t.Error("the results arrived but the first was not opened")
		case !other && (m.detail.node == nil || m.detail.node.ID == ""):
			t.Error("no clause shown after the jump")
		case other && m.pane == nil:
			t.Error("a key after Enter did not cancel the jump on arrival")
		}
	}
}
