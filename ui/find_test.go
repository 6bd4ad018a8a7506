package ui

import (
	"policyreader/corpus"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFindInDocument: after searching 就业 and jumping into the central
// opinions, n walks its matches in that document in reading order, each
// emphasised, N walks back, and the walk wraps at the end, saying so.
func TestFindInDocument(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := started(t, size[0], size[1])
		m = update(m, keyRunes("n"))
		if !strings.Contains(ansi.Strip(m.View()), "search first") && size[0] == 100 {
			t.Errorf("%v: n before any search says nothing", size)
		}
		m = searchJump(t, m, "就业")
		doc := m.detail.doc
		var seen []string
		m = update(m, keyRunes("n"))
		n := len(m.finder.hits)
		if n < 2 {
			t.Fatalf("%v: only %d matches of 就业 in %s", size, n, doc.ID)
		}
		seen = append(seen, m.finder.hits[m.finder.at].Node.ID)
		wrapped := false
		for range n {
			m = update(m, keyRunes("n"))
			h := m.finder.hits[m.finder.at]
			if h.Node.Doc != doc || !m.detail.showsNode(h.Node) {
				t.Fatalf("%v: n left the document or does not show its match %s", size, h.Node.ID)
			}
			if e := m.detail.emph; h.Field == "text" {
				if got := string([]rune(e.node.Text)[e.start:e.end]); e.node != h.Node || !strings.Contains(got, "就") || !strings.Contains(got, "业") {
					t.Errorf("%v: n marked %q", size, got)
				}
			}
			seen = append(seen, h.Node.ID)
			wrapped = wrapped || strings.Contains(ansi.Strip(m.View()), "wrapped")
			checkFits(t, "find", m.View(), size[0], size[1])
		}
		if size[0] == 100 && !wrapped {
			t.Errorf("%v: the walk never said it wrapped", size)
		}
		// n steps over n matches: the walk wrapped and came round.
		if seen[0] != seen[n] {
			t.Errorf("%v: after %d steps the walk is at %s, not back at %s", size, n, seen[n], seen[0])
		}
		before := m.finder.at
		m = update(m, keyRunes("N"))
		if m.finder.at != (before+len(m.finder.hits)-1)%len(m.finder.hits) {
			t.Errorf("%v: N went from %d to %d", size, before, m.finder.at)
		}
		m = update(m, keyRunes("n"))
		if m.finder.at != before {
			t.Errorf("%v: N then n did not come back", size)
		}
	}
}

// TestFindReadyOverPane: the matches of a first n arriving after the
// bookmarks list opened leave the list open and its store queue alone;
// the next n steps.
func TestFindReadyOverPane(t *testing.T) {
	store := openStore(t, t.TempDir())
	m := searchJump(t, startedWith(t, loadSeeds(t), store, 100, 30), "就业")
	next, cmd := m.Update(keyRunes("n"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("the first n did not collect its matches off the loop")
	}
	pending := cmd()
	m = update(m, keyRunes("B"))
	m = update(m, pending)
	if !inBookmarks(m) {
		t.Fatalf("matches arriving moved the reader out of the list (mode %v)", m.mode)
	}
	m = update(m, keyEsc)
	at := m.detail.node
	m = update(m, keyRunes("n"))
	if m.finder.at < 0 || m.detail.node == nil || (m.detail.node == at && m.detail.emph.node == nil) {
		t.Errorf("the next n did not step to a match")
	}
}

// TestFirstNEndsEscBack: a first n is a move like the next ones: Esc
// afterwards focuses the tree instead of undoing the search jump.
func TestFirstNEndsEscBack(t *testing.T) {
	m := searchJump(t, started(t, 100, 30), "人才")
	m = update(m, keyRunes("n"))
	shown := m.detail.node
	m = update(m, keyEsc)
	if m.focus != focusTree || m.detail.node != shown {
		t.Errorf("esc after the first n: focus %v, shows %v (was %v)", m.focus, m.detail.node, shown)
	}
}

// TestFindMarksEveryMatch: after n, every text match of the query in the
// document is drawn in the match style, as less draws its matches, in
// colour and in NO_COLOR.
func TestFindMarksEveryMatch(t *testing.T) {
	m := searchJump(t, started(t, 100, 30), "就业")
	m = update(m, keyRunes("n"))
	if len(m.detail.marks) < 2 {
		t.Fatalf("%d nodes marked", len(m.detail.marks))
	}
	for _, noColor := range []bool{false, true} {
		st := testStyles(noColor)
		d := newDetail(&st).SetSize(200, 400)
		var n *corpus.Node
		for k := range m.detail.marks {
			if k.Kind != corpus.Table && (n == nil || k.ID < n.ID) {
				n = k
			}
		}
		d = d.Show(n.Doc, n).SetFindMarks(m.detail.marks)
		want := strings.Count(n.Text, "就业")
		if got := strings.Count(d.View(), newPainter(st.Match).paint("就业")); got == 0 || got > want {
			t.Errorf("noColor=%v: %d of %d 就业 in %s drawn as matches", noColor, got, want, n.ID)
		}
	}
}
