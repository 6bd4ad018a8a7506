package ui

import (
	"fmt"
	"testing"
	"time"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
)

// place is what Esc after a jump must put back.
type place struct {
	sel    *corpus.Node
	node   *corpus.Node
	offset int
	focus  focus
}

func placeOf(m Model) place {
	return place{selectedNode(m), m.detail.node, m.detail.offset, m.focus}
}

// String names the place by node IDs, for failure messages.
func (p place) String() string {
	id := func(n *corpus.Node) string {
		if n == nil {
			return "<none>"
		}
		return n.ID
	}
	return fmt.Sprintf("tree %s, detail %s at row %d, focus %v", id(p.sel), id(p.node), p.offset, p.focus)
}

// TestEscReturnsAfterRelatedJump is issue 7's repro: search the central
// clause (四), r, Enter lands on the Jiangxi (五); Esc returns to the
// central clause with its selection, scroll and focus.
func TestEscReturnsAfterRelatedJump(t *testing.T) {
	m := searchJump(t, started(t, 100, 12), "以户籍制度和公共服务牵引")
	if m.detail.node == nil || m.detail.node.ID != centralHukou {
		t.Fatalf("search landed on %v, want %s", placeOf(m), centralHukou)
	}
	m = update(m, keyRunes("j"))
	if m.detail.offset == 0 {
		t.Fatal("the detail did not scroll; pick a longer clause")
	}
	before := placeOf(m)
	m = update(m, keyRunes("r"))
	jx := -1
	for i, mt := range relatedOf(m).matches {
		if mt.ID == jiangxiHukou {
			jx = i
		}
	}
	if jx < 0 {
		t.Fatalf("Jiangxi (五) not among the related clauses")
	}
	for range jx {
		m = update(m, keyDown)
	}
	m = update(m, keyEnter)
	if m.mode != modeBrowse || m.detail.node == nil || m.detail.node.ID != jiangxiHukou {
		t.Fatalf("Enter landed on %v in mode %v, want %s", placeOf(m), m.mode, jiangxiHukou)
	}
	m = update(m, keyEsc)
	if got := placeOf(m); got != before || m.mode != modeBrowse {
		t.Errorf("Esc after the jump: %v in mode %v, want %v", got, m.mode, before)
	}
	// One level only: the next Esc is the ordinary one (focus to the tree).
	m = update(m, keyEsc)
	if m.detail.node != before.node || m.focus != focusTree {
		t.Errorf("second Esc: %v, want %s and the tree", placeOf(m), centralHukou)
	}
}

// TestEscReturnsAfterTargetJump: the same from the targets view, where the
// target lands in another document.
func TestEscReturnsAfterTargetJump(t *testing.T) {
	m := onClause(t, started(t, 100, 12), centralHukou)
	m = update(m, keyRunes("j"))
	before := placeOf(m)
	rowsBefore := len(m.tree.rows)
	m = update(m, keyRunes("t"))
	for i := 0; i < len(targetsOf(m).shown) && targetsOf(m).shown[targetsOf(m).cursor].Node.Doc == before.node.Doc; i++ {
		m = update(m, keyDown)
	}
	tg := targetsOf(m).shown[targetsOf(m).cursor]
	m = update(m, keyEnter)
	if m.mode != modeBrowse || !m.detail.showsNode(tg.Node) {
		t.Fatalf("Enter: mode %v, %v, want the target's clause %s", m.mode, placeOf(m), tg.Node.ID)
	}
	if len(m.tree.rows) == rowsBefore {
		t.Fatal("the jump to another document opened nothing in the tree; the test does not exercise Esc's undo of it")
	}
	m = update(m, keyEsc)
	if got := placeOf(m); got != before || m.detail.emph.node != nil {
		t.Errorf("Esc after the jump: %v (emphasis kept: %v), want %v", got, m.detail.emph.node != nil, before)
	}
	// Where you were includes the tree as it was: the document the jump
	// opened is closed again.
	if len(m.tree.rows) != rowsBefore {
		t.Errorf("Esc after the jump: the tree has %d rows, had %d before", len(m.tree.rows), rowsBefore)
	}
}

// TestBackClearedByNavigation: after a jump from the related pane, any
// other move (scrolling the text, tab, the wheel) ends Esc's way back, and
// Esc acts as usual; Backspace still steps back through the history.
func TestBackClearedByNavigation(t *testing.T) {
	moves := map[string][]tea.Msg{
		"scroll": {keyRunes("j")},
		"tab":    {tea.KeyMsg{Type: tea.KeyTab}},
		"wheel":  {tea.MouseMsg{X: 80, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}},
	}
	for name, keys := range moves {
		m := onClause(t, started(t, 100, 12), centralHukou)
		m = update(m, keyRunes("r"))
		m = update(m, keyEnter)
		landed := m.detail.node
		if landed == nil || landed.ID == centralHukou {
			t.Fatalf("%s: the related jump did not move", name)
		}
		jumped := placeOf(m)
		for _, k := range keys {
			m = update(m, k)
		}
		if placeOf(m) == jumped {
			t.Fatalf("%s did not move the reader: %v", name, jumped)
		}
		shown := m.detail.node
		m = update(m, keyEsc)
		if m.detail.node != shown || m.focus != focusTree {
			t.Errorf("%s then Esc: %v, want %s and the tree (no way back)", name, placeOf(m), shown.ID)
		}
		m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
		if m.detail.node == nil || m.detail.node.ID != centralHukou {
			t.Errorf("%s then Backspace: %v, want %s", name, placeOf(m), centralHukou)
		}
	}
}

// TestHistoryBackAndForward: every jump is recorded — two search jumps
// and a bookmark-free related jump — Backspace steps back through them to
// the start, alt+→ forward again to the last, and a new jump after a step
// back drops the places ahead, as a browser does.
func TestHistoryBackAndForward(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := started(t, size[0], size[1])
		start := placeOf(m)
		m = searchJump(t, m, "以户籍制度和公共服务牵引")
		a := placeOf(m)
		m = searchJump(t, m, "以档案服务改革畅通职业转换")
		b := placeOf(m)
		m = update(m, keyRunes("r"))
		m = update(m, keyEnter)
		c := placeOf(m)
		if a == start || b == a || c == b {
			t.Fatalf("%v: the jumps did not move: %v %v %v", size, a, b, c)
		}
		back := tea.KeyMsg{Type: tea.KeyBackspace}
		fwd := tea.KeyMsg{Type: tea.KeyRight, Alt: true}
		for i, want := range []place{b, a, start} {
			m = update(m, back)
			if got := placeOf(m); got.node != want.node || got.sel != want.sel {
				t.Fatalf("%v: back %d: %v, want %v", size, i+1, got, want)
			}
		}
		if m.hist.canBack() {
			t.Errorf("%v: history goes back past the start", size)
		}
		for i, want := range []place{a, b, c} {
			m = update(m, fwd)
			if got := placeOf(m); got.node != want.node {
				t.Fatalf("%v: forward %d: %v, want %v", size, i+1, got, want)
			}
		}
		checkFits(t, "after history", m.View(), size[0], size[1])
		m = update(m, back)
		m = update(m, back)
		m = searchJump(t, m, "落户")
		if m.hist.canForward() {
			t.Errorf("%v: a new jump kept the places ahead", size)
		}
		m = update(m, keyEsc) // right after a jump Esc steps back too
		if got := placeOf(m); got.node != a.node {
			t.Errorf("%v: esc after the search jump: %v, want %v", size, got, a)
		}
	}
}

// TestBackSurvivesHelp: help is not navigation; Esc closes it and the
// next Esc still returns.
func TestBackSurvivesHelp(t *testing.T) {
	m := onClause(t, started(t, 100, 30), centralHukou)
	m = update(m, keyRunes("r"))
	m = update(m, keyEnter)
	m = update(m, keyRunes("?"))
	m = update(m, keyEsc)
	m = update(m, keyEsc)
	if m.detail.node == nil || m.detail.node.ID != centralHukou {
		t.Errorf("Esc after help: %v, want %s", placeOf(m), centralHukou)
	}
}

// TestJumpLandingFlashed: a search jump marks the sentence it lands on
// (the one holding the match), a timed flash ends when its tick arrives, and a newer
// flash is not ended by an older tick.
func TestJumpLandingFlashed(t *testing.T) {
	m := New(loadSeeds(t), Options{FlashFor: time.Hour})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("门诊费用异地直接结算"))
	next, cmd := m.Update(keyEnter) // the jump arrives as a message
	m = next.(Model)
	next, flash := m.Update(cmd())
	m = next.(Model)
	e := m.detail.emph
	if e.node == nil || e.node.ID != centralHukou {
		t.Fatalf("no flash on the landing: %+v", e)
	}
	if got := string([]rune(e.node.Text)[e.start:e.end]); got != "稳妥有序探索推进门诊费用异地直接结算，提升就医费用报销便利程度。" {
		t.Errorf("flashed %q", got)
	}
	if flash == nil {
		t.Fatal("no command ends the flash")
	}
	seq := m.flash.seq
	m = update(m, flashDoneMsg{seq: seq - 1})
	if m.detail.emph.node == nil {
		t.Error("an older tick ended the flash")
	}
	m = update(m, flashDoneMsg{seq: seq})
	if m.detail.emph.node != nil {
		t.Error("the flash outlived its tick")
	}
}
