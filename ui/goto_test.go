package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestGoToArticle: in a law, : 第3条 Enter lands on 第三条, : 43 on 第四十三条,
// then : （二） on that article's item (二); an unknown place says so; Esc
// cancels; Backspace returns through the jumps. At 100×30 and 40×12.
func TestGoToArticle(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := startedWith(t, loadCitingLaw(t), nil, size[0], size[1])
		m = update(m, keyRunes(":"))
		if !strings.Contains(ansi.Strip(m.View()), "go to ›") {
			t.Fatalf("%v: no prompt:\n%s", size, ansi.Strip(m.View()))
		}
		checkFits(t, "go to prompt", m.View(), size[0], size[1])
		m = update(m, keyRunes("第3条"))
		m = update(m, keyEnter)
		if m.detail.node == nil || m.detail.node.Number != "第三条" {
			t.Fatalf("%v: 第3条 landed on %v", size, m.detail.node)
		}
		m = update(m, keyRunes(":"))
		m = update(m, keyRunes("43"))
		m = update(m, keyEnter)
		if m.detail.node == nil || m.detail.node.Number != "第四十三条" {
			t.Fatalf("%v: 43 landed on %v", size, m.detail.node)
		}
		m = update(m, keyRunes(":"))
		m = update(m, keyRunes("（二）"))
		m = update(m, keyEnter)
		if e := m.detail.emph; e.node == nil || e.node.Number != "（二）" || e.node.Parent == nil || e.node.Parent.Number != "第四十三条" {
			t.Errorf("%v: （二） did not land on 第四十三条's item: %+v", size, e.node)
		}
		m = update(m, keyRunes(":"))
		m = update(m, keyRunes("第999条"))
		m = update(m, keyEnter)
		if !strings.Contains(ansi.Strip(m.View()), "go to: no 第999条") {
			t.Errorf("%v: no message for a missing article", size)
		}
		m = update(m, keyRunes(":"))
		m = update(m, keyRunes("q"))
		if m.mode != modeBrowse || !m.gotoBox.open {
			t.Fatalf("%v: q in the prompt did not type", size)
		}
		m = update(m, keyEsc)
		if m.gotoBox.open {
			t.Errorf("%v: esc did not cancel", size)
		}
		// Back through 第四十三条 (and its item, when going there moved the
		// view) to 第三条.
		for i := 0; i < 2 && (m.detail.node == nil || m.detail.node.Number != "第三条"); i++ {
			m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
		}
		if m.detail.node == nil || m.detail.node.Number != "第三条" {
			t.Errorf("%v: back landed on %v, want 第三条", size, m.detail.node)
		}
	}
}

// TestJumpClearsTreeFilter: a go-to whose article the tree filter hides
// drops the filter and lands there, saying so.
func TestJumpClearsTreeFilter(t *testing.T) {
	m := startedWith(t, loadCitingLaw(t), nil, 100, 30)
	m = update(m, keyRunes("F"))
	m = update(m, keyRunes("总则"))
	m = update(m, keyEnter)
	if m.tree.filter != "总则" {
		t.Fatalf("filter %q", m.tree.filter)
	}
	m = update(m, keyRunes(":"))
	m = update(m, keyRunes("43"))
	m = update(m, keyEnter)
	if m.detail.node == nil || m.detail.node.Number != "第四十三条" || m.tree.filter != "" {
		t.Errorf("landed on %v with filter %q", m.detail.node, m.tree.filter)
	}
	if !strings.Contains(ansi.Strip(m.View()), "tree filter cleared") {
		t.Errorf("no message:\n%s", ansi.Strip(m.View()))
	}
}

// TestTreeFilterPending: a filter typed and kept with Enter before its
// rows arrive still hides what it hides from a jump (the jump applies it
// and clears it, as when the rows are in), its late rows are then not
// shown; and rows arriving after Enter bring the detail to the row the
// cursor lands on.
func TestTreeFilterPending(t *testing.T) {
	c := loadCitingLaw(t)
	// The rows arrive after Enter: the detail follows the cursor.
	m := startedWith(t, c, nil, 100, 30)
	for range 6 {
		m = update(m, keyDown)
	}
	m = update(m, keyRunes("F"))
	next, find := m.Update(keyRunes("总则"))
	m = next.(Model)
	m = update(m, keyEnter)
	var rows tea.Msg
	for _, msg := range batchMsgs(find) {
		if _, ok := msg.(treeFilteredMsg); ok {
			rows = msg
		}
	}
	if rows == nil {
		t.Fatal("no rows found")
	}
	m = update(m, rows)
	sel, _ := m.tree.Selected()
	if m.tree.filter != "总则" || m.detail.node != sel.node || m.detail.doc != sel.doc {
		t.Errorf("filter %q; the detail shows %v, the cursor is on %v", m.tree.filter, m.detail.node, sel.node)
	}

	// A jump before the rows arrive.
	m = startedWith(t, c, nil, 100, 30)
	m = update(m, keyRunes("F"))
	next, find = m.Update(keyRunes("总则"))
	m = update(next.(Model), keyEnter)
	m = update(m, keyRunes(":"))
	m = update(m, keyRunes("43"))
	m = update(m, keyEnter)
	for _, msg := range batchMsgs(find) {
		m = update(m, msg)
	}
	if m.detail.node == nil || m.detail.node.Number != "第四十三条" || m.tree.filter != "" || !m.tree.holds(m.detail.node) {
		t.Errorf("landed on %v with filter %q", m.detail.node, m.tree.filter)
	}
	if !strings.Contains(ansi.Strip(m.View()), "tree filter cleared") {
		t.Errorf("no message:\n%s", ansi.Strip(m.View()))
	}
}
