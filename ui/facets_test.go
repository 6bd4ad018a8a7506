package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/facet"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

func loadLaws(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	c, errs := corpus.LoadPaths([]string{filepath.Join("..", "corpus", "testdata", "laws")})
	if len(errs) > 0 {
		tb.Fatalf("loading the laws: %v", errs)
	}
	return c
}

// TestFacetsNarrowTree: f opens the facets; choosing interpretation
// leaves the 21 judicial interpretations in the tree at once, adding law
// widens to 31, adding provincial narrows to none; the header says so
// while active; x clears; a search jump into a hidden document clears the
// filter and says so.
func TestFacetsNarrowTree(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := startedWith(t, loadLaws(t), nil, size[0], size[1])
		m = update(m, keyRunes("f"))
		p, ok := m.pane.(facetsPane)
		if !ok {
			t.Fatalf("%v: facets pane not open", size)
		}
		checkFits(t, "facets", m.View(), size[0], size[1])
		if r := p.rows[p.cursor]; r.value == nil || r.value.Key != "law" {
			t.Fatalf("%v: cursor on %+v", size, r)
		}
		m = update(m, keyDown)
		m = update(m, keyDown)
		m = update(m, keyRunes(" "))
		if len(m.tree.docs) != 21 || !strings.Contains(m.treeTitle(), "21/95 · interpretation") {
			t.Fatalf("%v: interpretation kept %d docs, title %q", size, len(m.tree.docs), m.treeTitle())
		}
		if got := m.position(); got != "21/95 docs" {
			t.Errorf("%v: position %q", size, got)
		}
		m = update(m, keyRunes("g"))
		m = update(m, keyRunes(" "))
		if len(m.tree.docs) != 31 {
			t.Errorf("%v: law or interpretation kept %d", size, len(m.tree.docs))
		}
		// Past the kind heading to the first level, then provincial.
		for range 4 {
			m = update(m, keyDown)
		}
		m = update(m, keyRunes(" "))
		if len(m.tree.docs) != 0 {
			t.Errorf("%v: provincial laws or interpretations: %d", size, len(m.tree.docs))
		}
		checkFits(t, "facets chosen", m.View(), size[0], size[1])
		m = update(m, keyRunes("x"))
		if m.facets.Active() || len(m.tree.docs) != 95 {
			t.Errorf("%v: x did not clear", size)
		}
		m = update(m, keyRunes("g"))
		m = update(m, keyDown)
		m = update(m, keyRunes(" ")) // regulation
		m = update(m, keyEsc)
		if m.mode != modeBrowse || m.detail.doc == nil || !m.tree.Shows(m.detail.doc) {
			t.Fatalf("%v: after closing, the detail shows a hidden document", size)
		}
		head := ansi.Strip(m.View())
		if !strings.Contains(head, "Documents 64/95 · regulation") {
			t.Errorf("%v: the header does not show the filter:\n%s", size, head)
		}
		checkFits(t, "tree filtered", m.View(), size[0], size[1])
		// A search jump to a law, hidden by the filter, clears it.
		m = update(m, keyRunes("/"))
		m = update(m, keyRunes("中华人民共和国国防交通法"))
		m = update(m, keyEnter)
		if m.facets.Active() || m.detail.doc == nil || !strings.Contains(m.detail.doc.Title, "国防交通法") {
			t.Errorf("%v: the jump did not clear the filter and land (%v)", size, m.detail.doc)
		}
	}
}

// TestFacetsGolden pins the facets pane with a value chosen and the tree
// it narrows, at 100×30 and 40×12.
func TestFacetsGolden(t *testing.T) {
	choose := func(t *testing.T, tm *teatest.TestModel) {
		waitFor(t, tm, "Documents")
		tm.Type("f")
		waitFor(t, tm, "FACETS")
		tm.Send(keyDown)
		tm.Send(keyDown)
		tm.Type(" ")
		waitFor(t, tm, "21/95 docs")
	}
	screens := []goldenScreen{
		{"chosen", choose},
		{"tree", func(t *testing.T, tm *teatest.TestModel) {
			choose(t, tm)
			tm.Send(keyEsc)
			waitFor(t, tm, "TREE")
		}},
	}
	runGoldenScreens(t, loadLaws(t), screens)
}

// TestFacetsChangeAfterClose: a facet change that reaches the reader after
// its pane closed (the message queued behind the Esc) leaves the detail on
// a document the tree shows, not on one it now hides.
func TestFacetsChangeAfterClose(t *testing.T) {
	c := loadLaws(t)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	shown := m.detail.doc
	if shown == nil {
		t.Fatal("no document shown at start")
	}
	var f facet.Filter
	for _, v := range facet.Values(c.Docs) {
		if g := (facet.Filter{}).Toggle(v); !g.Match(shown) {
			f = g
			break
		}
	}
	if !f.Active() {
		t.Fatal("every facet value keeps the first document")
	}
	m = update(m, facetsChangedMsg{filter: f})
	if m.detail.doc == shown || !m.tree.Shows(m.detail.doc) {
		t.Errorf("the detail stayed on %q, which the filter hides", shown.Title)
	}
}
