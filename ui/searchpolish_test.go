package ui

import (
	"strings"
	"testing"

	"policyreader/corpus/search"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// matchedText is the runes of title at positions.
func matchedText(title string, positions []int) string {
	r := []rune(title)
	var b strings.Builder
	for _, p := range positions {
		if p >= 0 && p < len(r) {
			b.WriteRune(r[p])
		}
	}
	return b.String()
}

// TestHeadingMatchPositions: jyyx on 第一节 强化就业优先政策 highlights 就业优先
// — the positions account for the number and the space the title adds —
// and so does every heading hit of a few queries on the seeds.
func TestHeadingMatchPositions(t *testing.T) {
	m := started(t, 100, 30)
	ix := search.New(m.corpus)
	found := false
	for q, want := range map[string]string{"jyyx": "就业优先", "就业优先": "就业优先", "lh": "", "户籍": "户籍"} {
		hits, err := ix.Search(t.Context(), q, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Field != search.FieldHeading {
				continue
			}
			title, pos := titleMatches(h)
			got := matchedText(title, pos)
			heading := matchedText(h.Node.Heading, h.Matched)
			if got != heading {
				t.Errorf("%s on %q: title highlights %q, the heading match is %q", q, title, got, heading)
			}
			if want != "" && strings.HasPrefix(h.Node.Number, "第") && strings.Contains(h.Node.Heading, want) {
				found = found || got == want
			}
		}
	}
	if !found {
		t.Error("no 第X节 heading hit checked")
	}
}

// TestSearchReopensSelected: / reopens on the previous query, selected —
// the first key typed replaces it (not 落户luohu) — and alt+↑ recalls the
// earlier queries.
func TestSearchReopensSelected(t *testing.T) {
	m := searchJump(t, started(t, 100, 30), "落户")
	m = update(m, keyRunes("/"))
	if searchOf(m).input.Value() != "落户" || !searchOf(m).selected {
		t.Fatalf("reopened on %q, selected %v", searchOf(m).input.Value(), searchOf(m).selected)
	}
	m = update(m, keyRunes("luohu"))
	if got := searchOf(m).input.Value(); got != "luohu" {
		t.Fatalf("typing after reopening gave %q, want luohu", got)
	}
	m = update(m, keyEnter)
	m = update(m, keyRunes("/"))
	// Arrow keys keep the selection's text and move through the results.
	m = update(m, keyDown)
	if searchOf(m).input.Value() != "luohu" || searchOf(m).cursor != 1 {
		t.Errorf("↓ after reopening: %q, cursor %d", searchOf(m).input.Value(), searchOf(m).cursor)
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyUp, Alt: true})
	if got := searchOf(m).input.Value(); got != "落户" {
		t.Errorf("alt+↑ recalled %q, want 落户", got)
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
	if got := searchOf(m).input.Value(); got != "" {
		t.Errorf("backspace on a recalled (selected) query left %q", got)
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyDown, Alt: true})
	if got := searchOf(m).input.Value(); got != "luohu" {
		t.Errorf("alt+↓ gave %q, want the newer luohu", got)
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyDown, Alt: true})
	if got := searchOf(m).input.Value(); got != "" {
		t.Errorf("alt+↓ past the newest gave %q", got)
	}
}

// TestSnippetCentred: at every width from 40 to 100 columns, each text
// result's snippet line shows its first match.
func TestSnippetCentred(t *testing.T) {
	for _, w := range []int{40, 52, 64, 80, 100} {
		m := started(t, w, 30)
		m = update(m, keyRunes("/"))
		m = update(m, keyRunes("落户"))
		for _, h := range searchOf(m).hits {
			if h.Field != search.FieldText || len(h.SnippetMatched) == 0 {
				continue
			}
			lines := searchOf(m).hitView(h, false)
			if !strings.Contains(ansi.Strip(lines[1]), "落户") {
				t.Errorf("width %d: snippet %q hides the match", w, ansi.Strip(lines[1]))
			}
		}
	}
	s, at := centreSnippet("一二三四五六七八九十落户甲乙丙丁戊己庚辛", []int{10, 11}, 12)
	if matchedText(s, at) != "落户" || !strings.HasPrefix(s, "…") {
		t.Errorf("centreSnippet: %q %v", s, at)
	}
	if s, at := centreSnippet("落户一二三", []int{0, 1}, 4); s != "落户一二三" || matchedText(s, at) != "落户" {
		t.Errorf("a match at the start moved: %q", s)
	}
}

// TestSearchLoadsWordsForLetters: the first query of letters loads the
// word segmenter off the loop and the results re-rank by whole words: lh
// lists no 力弘 (大力|弘扬) or 流合 (交流|合作) in its first ten.
func TestSearchLoadsWordsForLetters(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("落户"))
	if searchOf(m).wordsAsked {
		t.Fatal("a Han query loaded the word segmenter")
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyCtrlU})
	m = update(m, keyRunes("lh"))
	if searchOf(m).words == nil {
		t.Fatal("lh did not load the word segmenter")
	}
	for i, h := range searchOf(m).hits[:min(10, len(searchOf(m).hits))] {
		title, pos := titleMatches(h)
		got := matchedText(title, pos)
		if h.Field == search.FieldText {
			got = matchedText(h.Node.Text, h.Matched)
		}
		if got == "力弘" || got == "流合" || got == "力和" {
			t.Errorf("lh result %d matches the fragment %s", i+1, got)
		}
	}
}

// TestSearchScope: ctrl+t keeps the results to the document being read,
// says so, and toggles back to all documents.
func TestSearchScope(t *testing.T) {
	m := searchJump(t, started(t, 100, 30), "以户籍制度和公共服务牵引")
	doc := m.detail.doc
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("落户"))
	all := len(searchOf(m).hits)
	m = update(m, tea.KeyMsg{Type: tea.KeyCtrlT})
	if len(searchOf(m).hits) == 0 || len(searchOf(m).hits) >= all {
		t.Fatalf("scoped: %d results of %d", len(searchOf(m).hits), all)
	}
	for _, h := range searchOf(m).hits {
		if h.Node.Doc != doc {
			t.Errorf("scoped result in %s", h.Node.Doc.ID)
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "in 中央 only") {
		t.Errorf("the scope is not shown:\n%s", ansi.Strip(m.View()))
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyCtrlT})
	if len(searchOf(m).hits) != all {
		t.Errorf("unscoped again: %d results, want %d", len(searchOf(m).hits), all)
	}
}
