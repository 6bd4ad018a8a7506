package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

// loadWorkPlan loads the work plan annotated the way State Council work
// plans are (the bodies package's test document).
func loadWorkPlan(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	c, errs := corpus.LoadPaths([]string{filepath.Join("..", "corpus", "bodies", "testdata", "workplan.txt")})
	if len(errs) > 0 {
		tb.Fatalf("loading the work plan: %v", errs)
	}
	return c
}

// listing returns the open bodies pane or fails.
func listing(t *testing.T, m Model) bodiesPane {
	t.Helper()
	p, ok := m.pane.(bodiesPane)
	if !ok || m.mode != modePane {
		t.Fatalf("bodies pane not open (mode %v)", m.mode)
	}
	return p
}

// TestBodiesFilterListJump: o lists the bodies, the ministry that leads
// most first with its counts; typing its pinyin filters (q is typed, not
// quit); Enter lists its clauses lead first in document order, Enter on
// one jumps there with the mention marked and Esc comes back; every
// screen fits at 100×30 and 40×12.
func TestBodiesFilterListJump(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := startedWith(t, loadWorkPlan(t), nil, size[0], size[1])
		m = update(m, keyRunes("o"))
		p := listing(t, m)
		if len(p.shown) == 0 || p.shown[0].Name != "人力资源社会保障部" {
			t.Fatalf("%v: first body %v", size, p.shown)
		}
		view := ansi.Strip(m.View())
		if !strings.Contains(view, "   4    6     ·  人力资源社会保障部") {
			t.Errorf("%v: the ministry's counts are not shown:\n%s", size, view)
		}
		checkFits(t, "bodies", m.View(), size[0], size[1])
		m = update(m, keyRunes("tuiyiq"))
		p = listing(t, m)
		if m.mode != modePane || p.input.Value() != "tuiyiq" {
			t.Fatalf("%v: q was not typed into the filter (mode %v, %q)", size, m.mode, p.input.Value())
		}
		m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
		p = listing(t, m)
		if len(p.shown) != 1 || p.shown[0].Name != "退役军人事务部" {
			t.Fatalf("%v: tuiyi kept %d bodies", size, len(p.shown))
		}
		// Esc clears the filter before it closes the pane.
		m = update(m, keyEsc)
		if p = listing(t, m); p.input.Value() != "" || len(p.shown) != len(p.all) {
			t.Fatalf("%v: esc did not clear the filter", size)
		}
		m = update(m, keyRunes("人社"))
		m = update(m, keyEnter)
		p = listing(t, m)
		if p.body == nil || p.body.Name != "人力资源社会保障部" || len(p.body.Refs) != 10 {
			t.Fatalf("%v: enter listed %+v", size, p.body)
		}
		view = ansi.Strip(m.View())
		if !strings.Contains(view, "leads 4 · takes part in 6") || !strings.Contains(view, "[lead]") {
			t.Errorf("%v: the body's clauses lack counts or roles:\n%s", size, view)
		}
		checkFits(t, "body clauses", m.View(), size[0], size[1])
		m = update(m, keyDown)
		want := p.body.Refs[1].Node
		m = update(m, keyEnter)
		if m.mode != modeBrowse || m.detail.node != want {
			t.Fatalf("%v: enter did not jump to %s (shows %v)", size, want.ID, m.detail.node)
		}
		m = update(m, keyEsc)
		if m.mode != modeBrowse || m.detail.node == want {
			t.Errorf("%v: esc did not go back", size)
		}
	}
}

// TestBodiesOnSeeds: the seeds' ministry is one row however it is written.
func TestBodiesOnSeeds(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, keyRunes("o"))
	m = update(m, keyRunes("renshebu"))
	p := listing(t, m)
	if len(p.shown) == 0 || p.shown[0].Name != "人社部" || strings.Join(p.shown[0].Aliases, "") != "人力资源社会保障部" {
		t.Fatalf("renshebu: %+v", p.shown)
	}
	if !strings.Contains(ansi.Strip(m.View()), "人社部 = 人力资源社会保障部") {
		t.Errorf("aliases not shown:\n%s", ansi.Strip(m.View()))
	}
}

// TestBodiesGolden pins the list, the filtered list and a body's clauses.
func TestBodiesGolden(t *testing.T) {
	open := func(t *testing.T, tm *teatest.TestModel) {
		waitFor(t, tm, "Documents")
		tm.Type("o")
		// The count line, not the "collecting bodies…" status before it.
		waitFor(t, tm, " bodies · ")
	}
	screens := []goldenScreen{
		{"list", open},
		{"filtered", func(t *testing.T, tm *teatest.TestModel) {
			open(t, tm)
			tm.Type("rs")
			waitFor(t, tm, "body › rs")
		}},
		{"clauses", func(t *testing.T, tm *teatest.TestModel) {
			open(t, tm)
			tm.Send(keyEnter)
			waitFor(t, tm, "leads 4")
		}},
	}
	runGoldenScreens(t, loadWorkPlan(t), screens)
}
