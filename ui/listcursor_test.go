package ui

import (
	"policyreader/ui/msg"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestListCursor moves over 10 rows shown 4 at a time: the cursor stays on
// a row, the window follows it by the least scroll, and keys a pane does
// not offer are not moves.
func TestListCursor(t *testing.T) {
	keys := defaultKeyMap(msg.Printer{})
	nav := listNav{up: keys.Up, down: keys.Down, pageUp: keys.PageUp, pageDown: keys.PageDown, top: keys.Top, bottom: keys.Bottom}
	steps := []struct {
		key            tea.KeyMsg
		cursor, offset int
	}{
		{tea.KeyMsg{Type: tea.KeyUp}, 0, 0},     // already at the top
		{tea.KeyMsg{Type: tea.KeyPgDown}, 3, 0}, // a page is visible-1 rows
		{keyRunes("j"), 4, 1},                   // one past the window scrolls one
		{tea.KeyMsg{Type: tea.KeyEnd}, 9, 6},    // last row at the bottom of the window
		{tea.KeyMsg{Type: tea.KeyPgDown}, 9, 6}, // no further
		{tea.KeyMsg{Type: tea.KeyPgUp}, 6, 6},   // still in view: no scroll
		{keyRunes("k"), 5, 5},
		{keyRunes("g"), 0, 0},
	}
	var c listCursor
	for i, s := range steps {
		if !c.navigate(s.key, nav, 10, 4) {
			t.Fatalf("step %d: %v is not a move", i, s.key)
		}
		if c.cursor != s.cursor || c.offset != s.offset {
			t.Fatalf("step %d (%v): cursor %d offset %d, want %d %d", i, s.key, c.cursor, c.offset, s.cursor, s.offset)
		}
	}
	if c.navigate(keyRunes("g"), listNav{up: keys.Up, down: keys.Down}, 10, 4) {
		t.Error("g moved a list that offers no top")
	}
	for _, n := range []int{0, 1} {
		c := listCursor{cursor: 7, offset: 5}
		if !c.navigate(tea.KeyMsg{Type: tea.KeyEnd}, nav, n, 4) || c.cursor != 0 || c.offset != 0 {
			t.Errorf("end on %d rows: cursor %d offset %d, want 0 0", n, c.cursor, c.offset)
		}
	}
	c = listCursor{cursor: 8, offset: 6}
	c.fit(3, 4) // the list shrank to 3 rows
	if c.cursor != 2 || c.offset != 0 {
		t.Errorf("fit to 3 rows: cursor %d offset %d, want 2 0", c.cursor, c.offset)
	}
}
