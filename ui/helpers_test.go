package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/related"
	"policyreader/ui/textlayout"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/mattn/go-runewidth"
)

// loadSeeds loads the five real documents from ../seeds.
func loadSeeds(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds found: %v", err)
	}
	c, errs := corpus.LoadPaths(files)
	if len(errs) > 0 {
		tb.Fatalf("loading seeds: %v", errs)
	}
	return c
}

// update feeds msg to m and runs the resulting commands synchronously
// (batches included), feeding their messages back, like the event loop.
func update(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0 && steps < 100; steps++ {
		msg, queue = queue[0], queue[1:]
		if msg == nil {
			continue
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m
}

// started returns the reader on the seeds at w×h with the index built.
func started(tb testing.TB, w, h int) Model {
	tb.Helper()
	return startedWith(tb, loadSeeds(tb), nil, w, h)
}

// startedWith returns the reader on c with store at w×h, the index built.
func startedWith(tb testing.TB, c *corpus.Corpus, store BookmarkStore, w, h int) Model {
	tb.Helper()
	m := New(c, Options{Bookmarks: store})
	m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
	return update(m, m.Init()())
}

// Keys the tests press.
var (
	keyEnter = tea.KeyMsg{Type: tea.KeyEnter}
	keyEsc   = tea.KeyMsg{Type: tea.KeyEsc}
	keyDown  = tea.KeyMsg{Type: tea.KeyDown}
	keyUp    = tea.KeyMsg{Type: tea.KeyUp}
	keyPgDn  = tea.KeyMsg{Type: tea.KeyPgDown}
	keyPgUp  = tea.KeyMsg{Type: tea.KeyPgUp}
	keySort  = tea.KeyMsg{Type: tea.KeyCtrlS}
)

// keyRunes is the key message of typing s at once, as an IME sends it.
func keyRunes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// mustNode returns the node of c with the given ID or fails.
func mustNode(tb testing.TB, c *corpus.Corpus, id string) *corpus.Node {
	tb.Helper()
	n, ok := c.Node(id)
	if !ok {
		tb.Fatalf("node %s not in the seeds", id)
	}
	return n
}

// waitFor waits until the program has drawn every one of texts.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		s := ansi.Strip(string(b))
		for _, x := range texts {
			if !strings.Contains(s, x) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// finalView quits tm and returns its last model's View.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

// goldenScreen is one screen of a golden test: run drives the program
// there from the start.
type goldenScreen struct {
	name string
	run  func(t *testing.T, tm *teatest.TestModel)
}

// runGoldenScreens runs a teatest program on c for every screen at 100×30
// and 40×12 and compares its final View with
// testdata/<TestName>/<screen>_<w>x<h>.golden.
func runGoldenScreens(t *testing.T, c *corpus.Corpus, screens []goldenScreen) {
	runGoldenScreensWith(t, c, Options{}, screens)
}

// runGoldenScreensWith is runGoldenScreens with the reader's options (its
// language, say).
func runGoldenScreensWith(t *testing.T, c *corpus.Corpus, opts Options, screens []goldenScreen) {
	if opts.RelatedIndex == nil {
		// Built before the program starts, so the related clauses are
		// there as soon as the background work asks, whatever the
		// machine's load: a screen never depends on how fast they came.
		x := related.New(c)
		opts.RelatedIndex = func(context.Context, *corpus.Corpus) (*related.Index, error) { return x, nil }
	}
	for _, sc := range screens {
		for _, sz := range [][2]int{{100, 30}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				tm := teatest.NewTestModel(t, New(c, opts), teatest.WithInitialTermSize(sz[0], sz[1]))
				sc.run(t, tm)
				golden.RequireEqual(t, []byte(finalView(t, tm)))
			})
		}
	}
}

// checkFits fails unless view is exactly h lines, none wider than w cells
// and none holding a broken character.
func checkFits(t *testing.T, name, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%s: line %d is %d wide (> %d): %q", name, i, lw, w, ansi.Strip(l))
		}
		if strings.ContainsRune(ansi.Strip(l), '\uFFFD') {
			t.Errorf("%s: line %d holds a broken character: %q", name, i, ansi.Strip(l))
		}
	}
}

// inEachLocale runs f as a subtest under a C and a Chinese locale, with
// go-runewidth re-reading the environment (it decides the width of
// ambiguous characters, which the text inputs use), and restores it after.
func inEachLocale(t *testing.T, f func(t *testing.T)) {
	for _, lang := range []string{"C.UTF-8", "zh_CN.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			t.Setenv("LANG", lang)
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_CTYPE", "")
			saved := runewidth.DefaultCondition
			runewidth.DefaultCondition = runewidth.NewCondition()
			textlayout.AlignRunewidth(runewidth.DefaultCondition)
			t.Cleanup(func() { runewidth.DefaultCondition = saved })
			f(t)
		})
	}
}

// openPaneOf returns the open pane if it is a T.
func openPaneOf[T pane](m Model) (T, bool) {
	p, ok := m.pane.(T)
	return p, ok && m.mode == modePane
}

// relatedOf returns the open related pane (the zero pane when none is).
func relatedOf(m Model) relatedModel {
	p, _ := openPaneOf[relatedModel](m)
	return p
}

// inRelated reports whether the related pane is open.
func inRelated(m Model) bool { _, ok := openPaneOf[relatedModel](m); return ok }

// targetsOf returns the targets view: the open pane, or the state kept
// for the next time it opens.
func targetsOf(m Model) targetsModel {
	if p, ok := openPaneOf[targetsModel](m); ok {
		return p
	}
	return m.targets
}

// inTargets reports whether the targets view is open.
func inTargets(m Model) bool { _, ok := openPaneOf[targetsModel](m); return ok }

// searchOf returns the search: the open pane, or the state kept for the
// next time it opens.
func searchOf(m Model) searchModel {
	if p, ok := openPaneOf[searchModel](m); ok {
		return p
	}
	return m.search
}

// inSearch reports whether the search pane is open.
func inSearch(m Model) bool { _, ok := openPaneOf[searchModel](m); return ok }

// marksOf returns the bookmarks as they are now (the list's while open).
func marksOf(m Model) bookmarksModel { return m.marks() }

// inBookmarks reports whether the bookmarks list is open.
func inBookmarks(m Model) bool { _, ok := openPaneOf[bookmarksModel](m); return ok }
