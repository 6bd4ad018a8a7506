package ui

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
	"policyreader/corpus/related"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	flag.Parse()
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var sizes = [][2]int{{40, 12}, {60, 20}, {100, 30}, {200, 50}}

// TestGolden drives the reader through its main screens at two sizes and
// compares the final View with testdata/TestGolden/<screen>_<size>.golden.
func TestGolden(t *testing.T) {
	c := loadSeeds(t)
	screens := []goldenScreen{
		{"start", func(t *testing.T, tm *teatest.TestModel) { waitFor(t, tm, "Documents") }},
		{"search", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			tm.Type("/")
			tm.Send(keyRunes("落户"))
			waitFor(t, tm, "results")
		}},
		{"detail", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			// The detail ends with related clauses once the background
			// index arrives; hand it over now so the golden never depends
			// on which of the two finishes first.
			x, err := related.Build(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			tm.Send(relatedReadyMsg{index: x})
			tm.Type("/")
			tm.Send(keyRunes("落户"))
			waitFor(t, tm, "results")
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, "TEXT")
		}},
		{"help", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			tm.Type("?")
			waitFor(t, tm, "HELP")
		}},
	}
	runGoldenScreens(t, c, screens)
}

// TestDetailShowsClauseAfterSearch checks the jump lands on the central
// clause (四) about 城区常住人口 300 万 and 落户, in tree and detail.
func TestDetailShowsClauseAfterSearch(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("落户"))
	if len(searchOf(m).hits) == 0 {
		t.Fatal("no results for 落户")
	}
	want := searchOf(m).hits[0].Node
	m = update(m, tea.KeyMsg{Type: tea.KeyEnter})
	if m.mode != modeBrowse || m.focus != focusDetail {
		t.Fatalf("after Enter: mode %v focus %v, want browse/detail", m.mode, m.focus)
	}
	if r, _ := m.tree.Selected(); r.node != want {
		t.Errorf("tree selection %v, want %s", r.node, want.ID)
	}
	if m.detail.node != want {
		t.Errorf("detail shows %v, want %s", m.detail.node, want.ID)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "城区常住人口") || !strings.Contains(v, "落户") {
		t.Errorf("detail does not show the matched clause:\n%s", v)
	}
}

// TestIMEInput types 落户 as one key message, as an IME delivers it.
func TestIMEInput(t *testing.T) {
	m := started(t, 60, 20)
	m = update(m, keyRunes("/"))
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("落户")})
	if got := searchOf(m).input.Value(); got != "落户" {
		t.Fatalf("input = %q, want 落户", got)
	}
	if searchOf(m).query != "落户" || len(searchOf(m).hits) == 0 {
		t.Fatalf("query %q gave %d hits, want results for 落户", searchOf(m).query, len(searchOf(m).hits))
	}
	for _, h := range searchOf(m).hits {
		field := h.Node.Text
		if h.Field == "heading" {
			field = h.Node.Heading
		}
		r := []rune(field)
		var got []rune
		for _, p := range h.Matched {
			if p < 0 || p >= len(r) {
				t.Fatalf("%s: matched rune %d outside field of %d runes", h.Node.ID, p, len(r))
			}
			got = append(got, r[p])
		}
		if !strings.ContainsRune(string(got), '落') || !strings.ContainsRune(string(got), '户') {
			t.Errorf("%s: matched runes %q, want 落 and 户", h.Node.ID, string(got))
		}
	}
}

// TestStaleResultsDropped: a result for an older query never replaces the
// newer one.
func TestStaleResultsDropped(t *testing.T) {
	m := started(t, 60, 20)
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("落户"))
	seq, hits := searchOf(m).seq, len(searchOf(m).hits)
	stale := searchResultsMsg{seq: seq - 1, query: "落", hits: nil}
	m = update(m, stale)
	if searchOf(m).query != "落户" || len(searchOf(m).hits) != hits {
		t.Errorf("stale result replaced the current one: query %q, %d hits", searchOf(m).query, len(searchOf(m).hits))
	}
}

// TestSearchCancelsPrevious: starting a query cancels the context of the
// one before, and the earlier query's result is stale.
func TestSearchCancelsPrevious(t *testing.T) {
	m := started(t, 60, 20)
	m = update(m, keyRunes("/"))
	s := searchOf(m)
	var errs []error
	s.find = func(ctx context.Context, q string, limit int) ([]searchHit, error) {
		errs = append(errs, ctx.Err())
		return nil, ctx.Err()
	}
	var cmd1, cmd2 tea.Cmd
	s, cmd1 = s.update(keyRunes("落"))
	s, cmd2 = s.update(keyRunes("户"))
	r1, r2 := resultOf(t, cmd1), resultOf(t, cmd2)
	if len(errs) != 2 || errs[0] != context.Canceled || errs[1] != nil {
		t.Fatalf("context errors of the two searches = %v, want [canceled <nil>]", errs)
	}
	if r1.seq == s.seq || r2.seq != s.seq {
		t.Errorf("seq: first %d, second %d, current %d", r1.seq, r2.seq, s.seq)
	}
	s, _ = s.update(r2)
	s, _ = s.update(r1)
	if s.query != "落户" {
		t.Errorf("query after a late stale result = %q, want 落户", s.query)
	}
}

// resultOf runs cmd (flattening batches) and returns its searchResultsMsg.
func resultOf(t *testing.T, cmd tea.Cmd) searchResultsMsg {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case searchResultsMsg:
			return msg
		}
	}
	t.Fatal("command produced no search result")
	return searchResultsMsg{}
}

// TestEscClosesSearch returns to browsing with the same focus.
func TestEscClosesSearch(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, tea.KeyMsg{Type: tea.KeyTab})
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("q")) // typed into the input, not quit
	if !inSearch(m) || searchOf(m).input.Value() != "q" {
		t.Fatalf("q while searching: mode %v input %q", m.mode, searchOf(m).input.Value())
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.mode != modeBrowse || m.focus != focusDetail {
		t.Errorf("after esc: mode %v focus %v, want browse/detail", m.mode, m.focus)
	}
}

// TestViewFits: every line of every screen fits the terminal, at every
// size, also when go-runewidth reads a Chinese locale.
func TestViewFits(t *testing.T) {
	inEachLocale(t, func(t *testing.T) {
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			m := started(t, w, h)
			screens := map[string]Model{"start": m}
			s := update(update(m, keyRunes("/")), keyRunes("落户"))
			screens["search"] = s
			d := update(s, tea.KeyMsg{Type: tea.KeyEnter})
			screens["detail"] = d
			screens["detail-scrolled"] = update(update(d, tea.KeyMsg{Type: tea.KeyPgDown}), tea.KeyMsg{Type: tea.KeyPgDown})
			screens["help"] = update(m, keyRunes("?"))
			screens["tree-text"] = update(update(m, keyRunes("G")), tea.KeyMsg{Type: tea.KeyEnter})
			for name, sm := range screens {
				checkFits(t, fmt.Sprintf("%s %dx%d", name, w, h), sm.View(), w, h)
			}
		}
	})
}

// TestHostileText: control characters and escape sequences in a document
// are shown, never passed to the terminal.
func TestHostileText(t *testing.T) {
	doc := &corpus.Document{ID: "x", Title: "恶意\x1b[2J标题", Short: "测\x07试"}
	n := &corpus.Node{ID: "x/c1", Kind: corpus.Clause, Number: "（一）", Heading: "标题\x1b]0;pwn\x07",
		Text: "正文\x1b[31m红色\x1b[0m\r\n第二段\x00结束", Doc: doc,
		Spans: []corpus.Span{{Start: -3, End: 2, Kind: highlight.Target}, {Start: 5, End: 999, Kind: highlight.Body}, {Start: 4, End: 1, Kind: highlight.Figure}}}
	doc.Children = []*corpus.Node{n}
	c := corpus.NewCorpus([]*corpus.Document{doc})
	m := New(c, Options{Warnings: []string{"bad\x1b[2Jfile"}})
	for _, sz := range sizes {
		m = update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m = update(m, keyRunes("j"))
		m = update(m, tea.KeyMsg{Type: tea.KeyEnter})
		v := m.View()
		if strings.ContainsAny(v, "\x1b\x07\x00\r") {
			t.Errorf("%dx%d: raw control characters reached the screen: %q", sz[0], sz[1], v)
		}
		if !strings.Contains(v, "␛[31m") && sz[0] >= 60 {
			t.Errorf("%dx%d: escape sequence not shown as text:\n%s", sz[0], sz[1], v)
		}
		checkFits(t, fmt.Sprintf("hostile %dx%d", sz[0], sz[1]), v, sz[0], sz[1])
	}
}

// TestTinyAndEmpty: odd sizes and an empty corpus do not panic.
func TestTinyAndEmpty(t *testing.T) {
	for _, c := range []*corpus.Corpus{corpus.NewCorpus(nil), loadSeeds(t)} {
		m := New(c, Options{})
		for _, sz := range [][2]int{{0, 0}, {1, 1}, {3, 2}, {10, 3}} {
			m = update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, k := range []tea.Msg{keyRunes("j"), tea.KeyMsg{Type: tea.KeyEnter}, keyRunes("/"), keyRunes("落"), tea.KeyMsg{Type: tea.KeyEnter}, keyRunes("?"), tea.KeyMsg{Type: tea.KeyEsc}} {
				m = update(m, k)
				_ = m.View()
			}
		}
	}
}

// TestRunesReadTogether: keys the terminal sends in one read — typed
// faster than they were read, or a held key — act as if read one by one:
// "jjj" moves down three times, "/luohu" opens the search and types
// luohu, and a quit key drops what follows it.
func TestRunesReadTogether(t *testing.T) {
	one := func(m Model, s string) Model {
		for _, r := range s {
			m = update(m, keyRunes(string(r)))
		}
		return m
	}
	for _, typed := range []string{"jjj", "/luohu", "/就业", "jj/lh"} {
		together, apart := update(started(t, 80, 24), keyRunes(typed)), one(started(t, 80, 24), typed)
		if together.View() != apart.View() {
			t.Errorf("%q read together shows otherwise than typed apart:\n%s\n---\n%s", typed, together.View(), apart.View())
		}
		if strings.Contains(typed, "/") && (!inSearch(together) || searchOf(together).input.Value() != typed[strings.Index(typed, "/")+1:]) {
			t.Errorf("%q read together: in search %v, query %q", typed, inSearch(together), searchOf(together).input.Value())
		}
	}
	m := started(t, 80, 24)
	before := m.View()
	if m = update(m, keyRunes("jjj")); m.View() == before {
		t.Error("jjj read together did not move")
	}
	_, cmd := started(t, 80, 24).Update(keyRunes("qj"))
	if !quits(cmd) {
		t.Error("q read together with j did not quit")
	}
}

// quits reports whether cmd, or a command of its batch, quits.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}
