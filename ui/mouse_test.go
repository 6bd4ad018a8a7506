package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestClickSelectsRow: a click on a tree row moves the cursor there and
// returns the selection as a command, which Update routes like the tree's
// own: the detail shows the row's node once its message is fed back.
func TestClickSelectsRow(t *testing.T) {
	m := started(t, 100, 30)
	want := m.tree.rows[2]
	if want.node == nil {
		t.Fatalf("row 2 is a document; the test wants a node")
	}
	click := tea.MouseMsg{X: 3, Y: paneHeaderHeight + 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	next, cmd := m.Update(click)
	m = next.(Model)
	if r, _ := m.tree.Selected(); r != want || m.focus != focusTree {
		t.Fatalf("click: tree on %+v focus %v, want row 2 (%s) and the tree", r.node, m.focus, want.node.ID)
	}
	if cmd == nil {
		t.Fatal("click on a new row returned no command")
	}
	msg := cmd()
	if sel, ok := msg.(selectNodeMsg); !ok || sel.node != want.node {
		t.Fatalf("click command delivered %#v, want the selection of %s", msg, want.node.ID)
	}
	next, _ = m.Update(msg)
	if m = next.(Model); m.detail.node != want.node {
		t.Errorf("after the selection message the detail shows %v, want %s", m.detail.node, want.node.ID)
	}
	// A second click on the same row toggles it and selects nothing new.
	next, cmd = m.Update(click)
	if m = next.(Model); cmd != nil || m.detail.node != want.node {
		t.Errorf("second click: command %v, detail %v", cmd != nil, m.detail.node)
	}
}

// TestWheelKeepsDetailOnCursor: scrolling the tree with the wheel pushes
// the cursor along when it would leave the window, and the detail pane
// follows it, so tree and detail never show different things.
func TestWheelKeepsDetailOnCursor(t *testing.T) {
	m := started(t, 100, 12)
	// Open every document so the tree is longer than the window.
	for i := 0; i < 30; i++ {
		m = update(m, keyRunes("l"))
		m = update(m, keyRunes("j"))
	}
	m = update(m, keyRunes("g"))
	wheel := tea.MouseMsg{X: 3, Y: paneHeaderHeight + 1, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}
	moved := false
	for i := 0; i < 10; i++ {
		before, _ := m.tree.Selected()
		m = update(m, wheel)
		after, _ := m.tree.Selected()
		moved = moved || after != before
		if after.node != m.detail.node || after.doc != m.detail.doc {
			t.Fatalf("after %d wheel steps the tree is on %v but the detail shows %v", i+1, after.node, m.detail.node)
		}
	}
	if !moved {
		t.Fatal("the wheel never moved the cursor; the test does not exercise the case")
	}
}
