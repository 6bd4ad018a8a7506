package ui

import (
	"fmt"
	"strings"
	"testing"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// longestSection returns the five-year plan's section with the most text
// in its subtree (falling back to its longest node of any kind).
func longestSection(tb testing.TB, c *corpus.Corpus) *corpus.Node {
	tb.Helper()
	var plan *corpus.Document
	for _, d := range c.Docs {
		if strings.Contains(d.ID, "five-year-plan") {
			plan = d
		}
	}
	if plan == nil {
		tb.Fatal("five-year plan not loaded")
	}
	size := func(n *corpus.Node) int {
		total := 0
		n.Walk(func(c *corpus.Node) bool { total += len([]rune(c.Text)); return true })
		return total
	}
	var best, bestAny *corpus.Node
	plan.Walk(func(n *corpus.Node) bool {
		if bestAny == nil || size(n) > size(bestAny) && n.Kind != corpus.Chapter {
			bestAny = n
		}
		if n.Kind == corpus.Section && (best == nil || size(n) > size(best)) {
			best = n
		}
		return true
	})
	if best == nil {
		tb.Logf("no sections parsed; using %s", bestAny.ID)
		return bestAny
	}
	return best
}

func detailModelAt(tb testing.TB, w, h int) (Model, *corpus.Node) {
	c := loadSeeds(tb)
	n := longestSection(tb, c)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: w, Height: h})
	m = update(m, jumpMsg{node: n, field: "text", offset: 0})
	if m.detail.node != n {
		tb.Fatalf("detail shows %v, want %s", m.detail.node, n.ID)
	}
	return m, n
}

// BenchmarkDetailView draws the longest section of the five-year plan at 100×30.
func BenchmarkDetailView(b *testing.B) {
	m, n := detailModelAt(b, 100, 30)
	b.Logf("section %s: %d rendered lines", n.ID, len(m.detail.lines))
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkResize resizes around 100×30 with that section shown: every
// iteration changes the width, so the wrapped lines are rebuilt.
func BenchmarkResize(b *testing.B) {
	m, _ := detailModelAt(b, 100, 30)
	w := 100
	for b.Loop() {
		w = 201 - w // 100 ↔ 101
		m = update(m, tea.WindowSizeMsg{Width: w, Height: 30})
		_ = m.View()
	}
}

// BenchmarkStartup is New plus the first frame on the loaded seeds.
func BenchmarkStartup(b *testing.B) {
	c := loadSeeds(b)
	for b.Loop() {
		m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
		_ = m.View()
	}
}

// BenchmarkStartupWithLoad adds loading and parsing the seeds.
func BenchmarkStartupWithLoad(b *testing.B) {
	for b.Loop() {
		m := update(New(loadSeeds(b), Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
		_ = m.View()
	}
}

// hugeParagraphCorpus is one document whose only node is a paragraph of
// about 10 MB of Chinese text with no line break, as a hostile or badly
// converted file gives.
// hugeParagraphCorpus parses a hostile 10 MB file that is one paragraph
// and returns its corpus and first node.
func hugeParagraphCorpus(tb testing.TB) (*corpus.Corpus, *corpus.Node) {
	unit := "推进基本公共服务均等化，常住人口享有与户籍人口同等的基本公共服务。"
	d, err := corpus.Parse("huge.txt", strings.Repeat(unit, 10<<20/len(unit)))
	if err != nil {
		tb.Fatal(err)
	}
	return corpus.NewCorpus([]*corpus.Document{d}), d.Children[0]
}

// BenchmarkDetailHugeParagraph is what the event loop spends when a 10 MB
// one-paragraph file is open at 100×30 and the width changes: every
// iteration resizes (100 ↔ 101 columns), which lays the document view out
// again, and draws a frame. The parser splits the paragraph into 32 KB
// nodes and the document view stops at its budget.
func BenchmarkDetailHugeParagraph(b *testing.B) {
	c, n := hugeParagraphCorpus(b)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, jumpMsg{node: n, field: "text", offset: 0})
	w := 100
	for b.Loop() {
		w = 201 - w
		m = update(m, tea.WindowSizeMsg{Width: w, Height: 30})
		_ = m.View()
	}
}

// TestDetailOfHugeDocumentIsBounded opens the documents of hostile files —
// one 10 MB paragraph, twenty thousand headings, a table of sixty
// thousand rows: each detail lays out about its budget and says where the
// rest is, and the tree reaches the rest of the paragraph file.
func TestDetailOfHugeDocumentIsBounded(t *testing.T) {
	st := defaultStyles(lipgloss.DefaultRenderer(), false)
	c, _ := hugeParagraphCorpus(t)
	var headings, table strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&headings, "%s、推进就业创业工作促进劳动力和人才社会性流动体制机制改革第%d项\n", []string{"一", "二", "三"}[i%3], i)
	}
	table.WriteString("一、总体\n")
	for i := range 60000 {
		fmt.Fprintf(&table, "%d\t城镇新增就业人数\t万人\t%d\n", i, i)
	}
	docs := []*corpus.Document{c.Docs[0]}
	for name, text := range map[string]string{"headings.txt": headings.String(), "table.txt": table.String()} {
		d, err := corpus.Parse(name, text)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	for _, d := range docs {
		lines := renderDetail(d, nil, 80, &st, nil)
		var text int
		for _, l := range lines {
			text += len(ansi.Strip(l.text))
		}
		if text > 2*detailBudget {
			t.Errorf("%s: the document view laid out %d bytes of text, budget %d", d.ID, text, detailBudget)
		}
		if last := ansi.Strip(lines[len(lines)-1].text); !strings.Contains(last, "the rest is not shown") {
			t.Errorf("%s: no note where the view stops; last line %q", d.ID, last)
		}
	}
	// The paragraph file is flat: the tree lists its 32 KB pieces, so every
	// byte can be reached.
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	if rows := len(m.tree.rows); rows < 300 {
		t.Errorf("the tree of a flat 10 MB file has %d rows; its paragraphs must be listed", rows)
	}
	// A seed document is shown whole: no note.
	for _, d := range loadSeeds(t).Docs {
		for _, l := range renderDetail(d, nil, 80, &st, nil) {
			if strings.Contains(ansi.Strip(l.text), "the rest is not shown") {
				t.Errorf("%s is cut short", d.ID)
			}
		}
	}
}
