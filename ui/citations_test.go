package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/cite"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

// loadCitingLaw loads a real regulation whose penalty articles cite the
// paragraphs of its own articles (本条例第四十三条第一款、第二款) and two
// national laws the corpus does not hold.
func loadCitingLaw(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	c, errs := corpus.LoadPaths([]string{filepath.Join("..", "corpus", "testdata", "laws", "027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md")})
	if len(errs) > 0 {
		tb.Fatalf("loading the regulation: %v", errs)
	}
	return c
}

// TestFollowCitation: ] selects the first resolved citation of the article
// shown and says where it leads, [ wraps to the last, Enter follows it to
// the cited article and Esc comes back to the citing one, at any size.
func TestFollowCitation(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := startedWith(t, loadCitingLaw(t), nil, size[0], size[1])
		m = update(m, keyRunes("/"))
		m = update(m, keyRunes("第九十四条"))
		m = update(m, keyEnter)
		if m.detail.node == nil || m.detail.node.Number != "第九十四条" {
			t.Fatalf("%v: search did not land on 第九十四条", size)
		}
		m = update(m, keyRunes("]"))
		l, ok := m.selectedCitation()
		if !ok || l.link.Text != "本条例第四十三条第一款" || l.link.Target.Number != "第四十三条" {
			t.Fatalf("%v: ] selected %+v", size, l.link.Citation)
		}
		if st := ansi.Strip(m.View()); size[0] == 100 && !strings.Contains(st, "→") {
			t.Errorf("%v: the status bar does not say where the citation leads:\n%s", size, st)
		}
		checkFits(t, "citation selected", m.View(), size[0], size[1])
		// A resize rewraps the text but keeps the selection and its place.
		m = update(m, tea.WindowSizeMsg{Width: size[0] + 10, Height: size[1]})
		if l, ok := m.selectedCitation(); !ok || l.link.Text != "本条例第四十三条第一款" {
			t.Fatalf("%v: a resize lost the selected citation", size)
		}
		m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = update(m, keyRunes("["))
		if l, _ := m.selectedCitation(); l.link.Text != "本条例第四十三条第三款" {
			t.Errorf("%v: [ from the first selected %q, want the last resolved one", size, l.link.Text)
		}
		m = update(m, keyRunes("["))
		m = update(m, keyRunes("]"))
		m = update(m, keyEnter)
		if m.detail.node == nil || m.detail.node.Number != "第四十三条" {
			t.Fatalf("%v: enter did not follow to 第四十三条 (shows %v)", size, m.detail.node)
		}
		// The third paragraph is printed after the article's items.
		if e := m.detail.emph; e.node == nil || !strings.HasPrefix(e.node.Text, "医疗机构不得炮制") || e.start != 0 || e.end == 0 {
			t.Errorf("%v: the cited paragraph is not marked: %+v", size, e)
		}
		checkFits(t, "citation followed", m.View(), size[0], size[1])
		m = update(m, keyEsc)
		if m.detail.node == nil || m.detail.node.Number != "第九十四条" {
			t.Fatalf("%v: esc did not come back to 第九十四条 (shows %v)", size, m.detail.node)
		}
	}
}

// TestNoCitationSaysSo: ] on a clause without a resolvable citation leaves
// the view as it was and says why.
func TestNoCitationSaysSo(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, tea.KeyMsg{Type: tea.KeyTab})
	before := m.detail.offset
	m = update(m, keyRunes("]"))
	if _, ok := m.selectedCitation(); ok || m.detail.offset != before {
		t.Fatal("] selected something on a document with no resolvable citation")
	}
	if !strings.Contains(ansi.Strip(m.View()), "no citation here") {
		t.Errorf("no message:\n%s", ansi.Strip(m.View()))
	}
}

// TestCitationGolden pins the selected and followed citation at 100×30
// and 40×12.
func TestCitationGolden(t *testing.T) {
	// selectFirst searches 第九十四条, opens it and selects its first citation.
	selectFirst := func(t *testing.T, tm *teatest.TestModel) {
		waitFor(t, tm, "Documents")
		tm.Type("/")
		tm.Send(keyRunes("第九十四条"))
		waitFor(t, tm, "1 result")
		tm.Send(keyEnter)
		waitFor(t, tm, "TEXT") // the jump arrives as a message of its own
		tm.Type("]")
		waitFor(t, tm, "1/3 →")
	}
	screens := []goldenScreen{
		{"selected", selectFirst},
		{"followed", func(t *testing.T, tm *teatest.TestModel) {
			selectFirst(t, tm)
			tm.Send(keyEnter)
			waitFor(t, tm, "esc goes back")
		}},
	}
	runGoldenScreens(t, loadCitingLaw(t), screens)
}

// TestCitationsDrawnAsLinks: in an article that cites its own articles,
// the citations that resolve are drawn in the link style — distinct from
// every highlight, in colour and in NO_COLOR — and those naming laws the
// corpus does not hold are not.
func TestCitationsDrawnAsLinks(t *testing.T) {
	c := loadCitingLaw(t)
	n := mustNode(t, c, "027-guang-dong-di-fang-fa-gui-shen-zhen-jing-ji-te-qu-zhong-yi-yao-tiao-li-2023-01-06/ch7/a94")
	for _, noColor := range []bool{false, true} {
		st := testStyles(noColor)
		for _, other := range []lipgloss.Style{st.Target, st.Body, st.Figure, st.Text, st.Owner} {
			if other.Render("x") == st.Link.Render("x") {
				t.Errorf("noColor=%v: links look like another style", noColor)
			}
		}
		var all []string
		for _, l := range renderDetail(n.Doc, n, 200, &st, cite.NewResolver(c)) {
			all = append(all, l.text)
		}
		out := strings.Join(all, "\n")
		link := newPainter(st.Link)
		for _, want := range []string{"本条例第四十三条第一款", "第二款", "本条例第四十三条第三款"} {
			if !strings.Contains(out, link.paint(want)) {
				t.Errorf("noColor=%v: %q not drawn as a link", noColor, want)
			}
		}
		if strings.Contains(out, link.paint("《中华人民共和国中医药法》")) {
			t.Errorf("noColor=%v: an unresolved citation is drawn as a link", noColor)
		}
		// Without a resolver (still indexing) nothing is a link.
		for _, l := range renderDetail(n.Doc, n, 200, &st, nil) {
			if strings.Contains(l.text, link.paint("第二款")) {
				t.Errorf("noColor=%v: link drawn with no resolver", noColor)
			}
		}
	}
}
