package ui

import (
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
