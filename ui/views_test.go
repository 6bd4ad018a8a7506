package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
	"policyreader/corpus/related"
	"policyreader/corpus/targets"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

// Node IDs of the central opinions' clause (四) and of the two provincial
// clauses that implement it, read off the seeds: the Jiangxi opinions'
// (五) 优化户籍制度和公共服务，促进区域流动 and the Guangdong opinions' (七)
// 深化户籍制度改革畅通流动渠道.
const (
	centralHukou   = "central-2019-social-mobility-opinions/pt3/c4"
	jiangxiHukou   = "jiangxi-2020-social-mobility-implementation/pt2/c5"
	guangdongHukou = "guangdong-social-mobility-implementation/pt3/c7"
)

// onClause returns m with tree and detail on the node id, focus on the text.
func onClause(tb testing.TB, m Model, id string) Model {
	tb.Helper()
	n := mustNode(tb, m.corpus, id)
	m = update(m, jumpMsg{node: n, field: "heading", offset: -1})
	if m.detail.node != n {
		tb.Fatalf("detail shows %v, want %s", m.detail.node, id)
	}
	return m
}

func selectedNode(m Model) *corpus.Node {
	r, _ := m.tree.Selected()
	return r.node
}

// TestRelatedPane: r on central (四) lists the Jiangxi (五) and Guangdong (七)
// first, with scores and document labels; ↓ Enter lands tree and detail on
// the second; Esc from the pane restores selection and scroll.
func TestRelatedPane(t *testing.T) {
	m := onClause(t, started(t, 100, 30), centralHukou)
	m = update(m, keyRunes("r"))
	if !inRelated(m) {
		t.Fatalf("after r: mode %v, want related", m.mode)
	}
	ms := relatedOf(m).matches
	if len(ms) < 2 {
		t.Fatalf("%d related clauses, want at least 2", len(ms))
	}
	top := []string{ms[0].ID, ms[1].ID}
	slices.Sort(top)
	if want := []string{guangdongHukou, jiangxiHukou}; !slices.Equal(top, want) {
		t.Errorf("top two related = %v, want %v", top, want)
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Score > ms[i-1].Score {
			t.Errorf("not ranked: %s %.3f after %s %.3f", ms[i].ID, ms[i].Score, ms[i-1].ID, ms[i-1].Score)
		}
		if ms[i].Node.Doc == mustNode(t, m.corpus, centralHukou).Doc {
			t.Errorf("%s is in the same document", ms[i].ID)
		}
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Related to", "优化户籍制度和公共服务，促进区域流动", "深化户籍制度改革畅通流动渠道",
		fmt.Sprintf("%.2f", ms[0].Score), "· 江西", "· 广东", "RELATED"} {
		if !strings.Contains(v, want) {
			t.Errorf("related pane lacks %q:\n%s", want, v)
		}
	}

	m = update(m, keyRunes("j"))
	if relatedOf(m).cursor != 1 {
		t.Fatalf("after j: cursor %d, want 1", relatedOf(m).cursor)
	}
	want := ms[1].Node
	m = update(m, keyEnter)
	if m.mode != modeBrowse || m.focus != focusDetail {
		t.Fatalf("after Enter: mode %v focus %v, want browse/detail", m.mode, m.focus)
	}
	if got := selectedNode(m); got != want {
		t.Errorf("tree on %v, want %s", got, want.ID)
	}
	if m.detail.node != want {
		t.Errorf("detail on %v, want %s", m.detail.node, want.ID)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, want.Heading) {
		t.Errorf("detail does not show %s:\n%s", want.Heading, v)
	}
}

// TestRelatedEscRestores: moving in the pane and leaving it with Esc puts
// back the tree row, the node shown, the detail scroll and the focus, also
// across a resize while the pane was open.
func TestRelatedEscRestores(t *testing.T) {
	for _, focusText := range []bool{false, true} {
		m := onClause(t, started(t, 100, 12), centralHukou)
		if !focusText {
			m = update(m, tea.KeyMsg{Type: tea.KeyTab})
		}
		m = update(m, keyRunes("j"))
		if focusText && m.detail.offset == 0 {
			t.Fatal("the detail did not scroll; pick a longer clause")
		}
		before := struct {
			sel    *corpus.Node
			node   *corpus.Node
			offset int
			focus  focus
		}{selectedNode(m), m.detail.node, m.detail.offset, m.focus}
		m = update(m, keyRunes("r"))
		m = update(m, keyRunes("j"))
		m = update(m, keyDown)
		m = update(m, tea.WindowSizeMsg{Width: 100, Height: 12})
		m = update(m, keyEsc)
		if m.mode != modeBrowse {
			t.Fatalf("after Esc: mode %v", m.mode)
		}
		if selectedNode(m) != before.sel || m.detail.node != before.node || m.detail.offset != before.offset || m.focus != before.focus {
			t.Errorf("Esc did not restore: tree %v detail %v offset %d focus %v, want %v %v %d %v",
				selectedNode(m), m.detail.node, m.detail.offset, m.focus, before.sel, before.node, before.offset, before.focus)
		}
	}
}

// TestRelatedComputing: r before the index is built says so, and the list
// fills in when it arrives; the reader keeps answering keys meanwhile.
func TestRelatedComputing(t *testing.T) {
	c := loadSeeds(t)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = onClause(t, m, centralHukou)
	m = update(m, keyRunes("r"))
	if !inRelated(m) || !strings.Contains(m.View(), "computing") {
		t.Fatalf("r before the index: mode %v, view:\n%s", m.mode, m.View())
	}
	m = update(m, keyDown) // does not block or panic on an empty list
	m = update(m, relatedReadyMsg{index: related.New(c)})
	if len(relatedOf(m).matches) == 0 || strings.Contains(m.View(), "computing") {
		t.Errorf("index arrived but the pane shows no clauses:\n%s", m.View())
	}
}

// TestRelatedReadyIsBuiltByInit: Init's commands deliver the related
// index, and the detail of a clause then ends with its top three relatives.
func TestRelatedSectionInDetail(t *testing.T) {
	m := started(t, 100, 30)
	if m.rel == nil {
		t.Fatal("Init did not build the related index")
	}
	if slices.ContainsFunc(m.detail.lines, func(l detailLine) bool { return strings.Contains(l.text, "Related in") }) {
		t.Error("the document view has a related section; only clauses should")
	}
	m = onClause(t, m, centralHukou)
	var section []string
	in := false
	for _, l := range m.detail.lines {
		s := ansi.Strip(l.text)
		if strings.Contains(s, "Related in other documents") {
			in = true
			continue
		}
		if in {
			section = append(section, s)
		}
	}
	if len(section) != relatedSectionLimit+1 {
		t.Fatalf("related section = %q, want %d clauses and a hint", section, relatedSectionLimit)
	}
	joined := strings.Join(section, "\n")
	for _, want := range []string{"江西 (五)优化户籍制度和公共服务，促进区域流动", "广东 (七)深化户籍制度改革畅通流动渠道", "r: all"} {
		if !strings.Contains(joined, want) {
			t.Errorf("related section lacks %q:\n%s", want, joined)
		}
	}
	if _, ok := m.rel.cache[centralHukou]; !ok {
		t.Error("the related clauses of the shown clause are not cached")
	}
}

// TestTargetsView: t lists every target; ↓ PgDn PgUp move; Enter lands on
// the clause with the target emphasised and in view; Esc restores.
func TestTargetsView(t *testing.T) {
	m := started(t, 100, 30)
	all := targets.Collect(m.corpus)
	if len(all) < 20 {
		t.Fatalf("only %d targets on the seeds", len(all))
	}
	before := selectedNode(m)
	m = update(m, keyRunes("t"))
	if !inTargets(m) || len(targetsOf(m).shown) != len(all) {
		t.Fatalf("after t: mode %v, %d rows, want targets with %d", m.mode, len(targetsOf(m).shown), len(all))
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"document", "clause", "target", "year", fmt.Sprintf("%d of %d targets", len(all), len(all)), "TARGETS"} {
		if !strings.Contains(v, want) {
			t.Errorf("targets view lacks %q:\n%s", want, v)
		}
	}
	m = update(m, keyDown)
	m = update(m, keyDown)
	m = update(m, keyPgDn)
	m = update(m, keyPgUp)
	m = update(m, keyUp)
	if targetsOf(m).cursor != 1 {
		t.Fatalf("cursor after ↓↓ PgDn PgUp ↑ = %d, want 1", targetsOf(m).cursor)
	}
	m = update(m, keyPgDn)
	cur := targetsOf(m).cursor
	if cur != targetsOf(m).visible()-1+1 {
		t.Fatalf("cursor after PgDn = %d, want %d", cur, targetsOf(m).visible())
	}
	m2 := update(m, keyEsc)
	if m2.mode != modeBrowse || selectedNode(m2) != before {
		t.Errorf("Esc: mode %v, tree on %v, want browse on %v", m2.mode, selectedNode(m2), before)
	}

	tg := targetsOf(m).shown[cur]
	m = update(m, keyEnter)
	if m.mode != modeBrowse || m.focus != focusDetail {
		t.Fatalf("after Enter: mode %v focus %v", m.mode, m.focus)
	}
	if !m.detail.showsNode(tg.Node) {
		t.Fatalf("detail shows %v, which does not hold %s", m.detail.node, tg.Node.ID)
	}
	if m.detail.emph.node != tg.Node || len(m.detail.emphLines) == 0 {
		t.Fatalf("target %q not emphasised", tg.Phrase)
	}
	for row := range m.detail.emphLines {
		if row < m.detail.offset || row >= m.detail.offset+m.detail.height {
			t.Errorf("emphasised row %d outside the view [%d, %d)", row, m.detail.offset, m.detail.offset+m.detail.height)
		}
	}
	if v := ansi.Strip(m.View()); !strings.Contains(strings.ReplaceAll(v, "\n", ""), firstRunes(tg.Phrase, 4)) {
		t.Errorf("view does not show the target %q:\n%s", tg.Phrase, v)
	}
	// Moving on drops the emphasis.
	m = update(m, tea.KeyMsg{Type: tea.KeyTab})
	m = update(m, keyRunes("j"))
	if m.detail.emph.node != nil || len(m.detail.emphLines) > 0 {
		t.Error("emphasis kept after moving to another node")
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// showsNode reports whether the pane's rendering holds n.
func (m detailModel) showsNode(n *corpus.Node) bool {
	return slices.ContainsFunc(m.lines, func(l detailLine) bool { return l.node == n })
}

// TestTargetEmphasisVisible: with attributes on (the NO_COLOR theme on an
// ANSI renderer), the jumped-to target is drawn reverse, unlike the others.
func TestTargetEmphasisVisible(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI)
	m := New(loadSeeds(t), Options{NoColor: true, Renderer: r})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	m = update(m, keyRunes("t"))
	m = update(m, keyRunes("万人"))
	if len(targetsOf(m).shown) == 0 {
		t.Fatal("no target matches 万人")
	}
	tg := targetsOf(m).shown[0]
	m = update(m, keyEnter)
	focus := newPainter(m.styles.TargetFocus)
	if focus.pre == "" || !strings.Contains(focus.pre, "7") {
		t.Fatalf("TargetFocus is not reverse: %q", focus.pre)
	}
	v := m.View()
	if !strings.Contains(v, focus.pre+firstRunes(tg.Phrase, 1)) {
		t.Errorf("target %q not drawn with the emphasis %q:\n%q", tg.Phrase, focus.pre, v)
	}
	if strings.Count(v, focus.pre) > strings.Count(tg.Phrase, "\n")+3 {
		t.Errorf("emphasis drawn %d times, want only the jumped-to target", strings.Count(v, focus.pre))
	}
}

// TestTargetsFilterCJK types 万人 as one key message, as an IME sends it,
// then more: the filter narrows, matches targets.Filter, and letters that
// are keys elsewhere (q, j, ?) are typed, not acted on.
func TestTargetsFilterCJK(t *testing.T) {
	m := started(t, 60, 20)
	all := targetsOf(m).all
	m = update(m, keyRunes("t"))
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("万人")})
	if got := targetsOf(m).input.Value(); got != "万人" {
		t.Fatalf("filter = %q, want 万人", got)
	}
	shown := targetsOf(m).shown
	if len(shown) == 0 || len(shown) >= len(all) || len(shown) != len(targets.Filter(all, "万人")) {
		t.Fatalf("万人 shows %d of %d targets, targets.Filter gives %d", len(shown), len(all), len(targets.Filter(all, "万人")))
	}
	for _, tg := range shown {
		if !strings.Contains(tg.Label()+tg.Clause+tg.DocLabel, "万人") {
			t.Errorf("%q (%s) does not contain 万人", tg.Phrase, tg.Clause)
		}
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "filter › 万人") || !strings.Contains(v, fmt.Sprintf("%d of %d", len(shown), len(all))) {
		t.Errorf("view does not show the filter and the count:\n%s", v)
	}
	m = update(m, keyRunes("qj?"))
	if !inTargets(m) || targetsOf(m).input.Value() != "万人qj?" {
		t.Errorf("q j ? while filtering: mode %v, filter %q", m.mode, targetsOf(m).input.Value())
	}
	if len(targetsOf(m).shown) != 0 || !strings.Contains(ansi.Strip(m.View()), "no target matches") {
		t.Errorf("nonsense filter shows %d rows:\n%s", len(targetsOf(m).shown), ansi.Strip(m.View()))
	}
	for range 4 {
		m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
	}
	if got := targetsOf(m).input.Value(); got != "万" || len(targetsOf(m).shown) != len(targets.Filter(all, "万")) {
		t.Errorf("after backspaces: filter %q, %d rows", got, len(targetsOf(m).shown))
	}
}

// TestTargetsNarrowing: typing a query one rune at a time, in either
// order, shows exactly what filtering everything for it shows, in order.
func TestTargetsNarrowing(t *testing.T) {
	for _, byYearFirst := range []bool{false, true} {
		m := update(started(t, 100, 30), keyRunes("t"))
		if byYearFirst {
			m = update(m, keySort)
		}
		full := slices.Clone(targetsOf(m).all)
		if byYearFirst {
			targets.SortByYear(full)
		}
		same := func(a, b targets.Target) bool { return a.Node == b.Node && a.Start == b.Start }
		q := ""
		for _, r := range "万人 以上" {
			m = update(m, keyRunes(string(r)))
			q += string(r)
			if want := targets.Filter(full, q); !slices.EqualFunc(targetsOf(m).shown, want, same) {
				t.Fatalf("by year %v, after %q: %d rows, want %d", byYearFirst, q, len(targetsOf(m).shown), len(want))
			}
		}
		m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
		m = update(m, tea.KeyMsg{Type: tea.KeyBackspace})
		if want := targets.Filter(full, "万人 "); !slices.EqualFunc(targetsOf(m).shown, want, same) {
			t.Errorf("after backspaces: %d rows, want %d", len(targetsOf(m).shown), len(want))
		}
	}
}

// TestTargetsSort: ctrl+s sorts by year, ascending with undated targets
// last, and back to document (corpus) order; the cursor stays on its target.
func TestTargetsSort(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, keyRunes("t"))
	corpusOrder := slices.Clone(targetsOf(m).shown)
	m = update(m, keyDown)
	m = update(m, keyDown)
	cur := targetsOf(m).shown[targetsOf(m).cursor]
	m = update(m, keySort)
	if targetsOf(m).order != byYear {
		t.Fatalf("order after ctrl+s = %v", targetsOf(m).order)
	}
	ys := targetsOf(m).shown
	dated, undated := 0, 0
	for i, tg := range ys {
		if tg.Year == 0 {
			undated++
			continue
		}
		dated++
		if undated > 0 {
			t.Fatalf("row %d: dated %d after an undated target", i, tg.Year)
		}
		if i > 0 && ys[i-1].Year > tg.Year {
			t.Fatalf("row %d: year %d after %d", i, tg.Year, ys[i-1].Year)
		}
	}
	if dated == 0 || undated == 0 {
		t.Fatalf("seeds give %d dated and %d undated targets; the test needs both", dated, undated)
	}
	if got := targetsOf(m).shown[targetsOf(m).cursor]; got.Node != cur.Node || got.Start != cur.Start {
		t.Errorf("cursor moved to %q, want %q", got.Phrase, cur.Phrase)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "by year") {
		t.Errorf("status does not say by year:\n%s", v)
	}
	m = update(m, keySort)
	same := func(a, b targets.Target) bool { return a.Node == b.Node && a.Start == b.Start }
	if !slices.EqualFunc(targetsOf(m).shown, corpusOrder, same) {
		t.Error("second ctrl+s does not restore document order")
	}
}

// TestViewsFit: every line of both views fits, and there are exactly
// height lines, at each size, also when go-runewidth (the filter input)
// reads a Chinese locale.
func TestViewsFit(t *testing.T) {
	inEachLocale(t, viewsFit)
}

func viewsFit(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {100, 30}} {
		w, h := sz[0], sz[1]
		m := onClause(t, started(t, w, h), centralHukou)
		screens := map[string]Model{"detail-related": update(update(m, keyRunes("G")), keyRunes("G"))}
		r := update(m, keyRunes("r"))
		screens["related"] = r
		screens["related-end"] = update(r, keyRunes("G"))
		tg := update(m, keyRunes("t"))
		screens["targets"] = tg
		screens["targets-end"] = update(update(update(tg, keyPgDn), keyPgDn), keyPgDn)
		screens["targets-year"] = update(tg, keySort)
		screens["targets-filter"] = update(tg, keyRunes("万人"))
		screens["targets-none"] = update(tg, keyRunes("无此目标"))
		screens["targets-long-filter"] = update(tg, keyRunes(strings.Repeat("“十四五”期末", 12)))
		screens["target-jump"] = update(screens["targets-end"], keyEnter)
		for name, sm := range screens {
			checkFits(t, fmt.Sprintf("%s %dx%d", name, w, h), sm.View(), w, h)
		}
	}
}

// TestTargetsColumns: the table drops columns as the screen narrows and
// every row is exactly as wide as the view.
func TestTargetsColumns(t *testing.T) {
	for _, tc := range []struct {
		w                 int
		doc, clause, year bool
	}{{100, true, true, true}, {60, true, true, true}, {59, true, false, true}, {40, true, false, true}, {29, false, false, true}} {
		m := started(t, tc.w, 20)
		m = update(m, keyRunes("t"))
		c := targetsOf(m).columns()
		if (c.doc > 0) != tc.doc || (c.clause > 0) != tc.clause || c.phrase < 1 {
			t.Errorf("width %d: columns %+v", tc.w, c)
		}
		lines := strings.Split(m.View(), "\n")
		for _, l := range lines[targetsHeaderRows : targetsHeaderRows+5] {
			if lw := lipgloss.Width(l); lw != tc.w {
				t.Errorf("width %d: row is %d wide: %q", tc.w, lw, ansi.Strip(l))
			}
		}
	}
}

// TestViewsGolden compares the targets view and the related pane with
// testdata/TestViewsGolden/<screen>_<size>.golden (regenerate with -update).
func TestViewsGolden(t *testing.T) {
	c := loadSeeds(t)
	screens := []goldenScreen{
		{"targets", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			tm.Type("t")
			waitFor(t, tm, "targets · by document")
		}},
		{"targets_year", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			tm.Type("t")
			waitFor(t, tm, "targets · by document")
			tm.Send(keySort)
			waitFor(t, tm, "targets · by year")
		}},
		{"related", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Documents")
			tm.Send(jumpMsg{node: mustNode(t, c, centralHukou), field: "heading", offset: -1})
			waitFor(t, tm, "TEXT")
			tm.Type("r")
			waitFor(t, tm, "clauses of other")
		}},
	}
	runGoldenScreens(t, c, screens)
}

// TestViewsHostile: control characters and escape sequences in a
// document's title, headings and targets are shown harmlessly in both
// views, and broken spans or odd sizes do not panic.
func TestViewsHostile(t *testing.T) {
	doc := &corpus.Document{ID: "x", Title: "恶意\x1b[2J标题", Short: "测\x07试"}
	other := &corpus.Document{ID: "y", Title: "另一\x1b]0;pwn\x07文件", Short: "乙"}
	text := "到2025年\x1b[31m新增就业\x00100万人以上，落户\r\n。"
	a := &corpus.Node{ID: "x/c1", Kind: corpus.Clause, Number: "（一）", Heading: "就业\x1b[0m落户", Text: text, Doc: doc,
		Spans: []corpus.Span{{Start: 0, End: 7, Kind: highlight.Target}, {Start: 20, End: 999, Kind: highlight.Target}, {Start: 5, End: 2, Kind: highlight.Target}}}
	b := &corpus.Node{ID: "y/c1", Kind: corpus.Clause, Number: "（二）", Heading: "就业\x07落户", Text: text, Doc: other,
		Spans: []corpus.Span{{Start: 0, End: 7, Kind: highlight.Target}}}
	doc.Children, other.Children = []*corpus.Node{a}, []*corpus.Node{b}
	c := corpus.NewCorpus([]*corpus.Document{doc, other})
	m := New(c, Options{})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	m = update(m, jumpMsg{node: a, field: "heading", offset: -1})
	for _, sz := range [][2]int{{100, 30}, {60, 20}, {40, 12}, {10, 3}, {1, 1}} {
		m = update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, keys := range [][]tea.Msg{{keyRunes("r")}, {keyRunes("r"), keyEnter}, {keyRunes("t")}, {keyRunes("t"), keySort, keyDown, keyEnter}} {
			s := m
			for _, k := range keys {
				s = update(s, k)
			}
			v := s.View()
			if strings.ContainsAny(v, "\x1b\x07\x00\r") {
				t.Errorf("%dx%d %v: raw control characters reached the screen: %q", sz[0], sz[1], keys, v)
			}
			if sz[1] >= 12 {
				checkFits(t, fmt.Sprintf("hostile %dx%d", sz[0], sz[1]), v, sz[0], sz[1])
			}
			s = update(s, keyEsc)
		}
	}
	if len(targetsOf(m).all) != 2 {
		t.Errorf("%d targets, want the 2 whose spans fit the text", len(targetsOf(m).all))
	}
}

// TestViewsEmptyCorpus: both views open and close on a corpus with no
// documents.
func TestViewsEmptyCorpus(t *testing.T) {
	m := New(corpus.NewCorpus(nil), Options{})
	m = update(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	m = update(m, m.Init()())
	for _, k := range []tea.Msg{keyRunes("r"), keyRunes("t"), keyDown, keySort, keyEnter, keyRunes("落户"), keyEsc, keyEsc} {
		m = update(m, k)
		checkFits(t, "empty", m.View(), 40, 12)
	}
	if m.mode != modeBrowse {
		t.Errorf("mode %v after Esc, want browse", m.mode)
	}
}

// TestRelatedBuildFailed: a failed build says so in the pane instead of
// computing forever.
func TestRelatedBuildFailed(t *testing.T) {
	m := update(New(loadSeeds(t), Options{}), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = onClause(t, m, centralHukou)
	m = update(m, relatedReadyMsg{err: fmt.Errorf("build related index: %w", context.Canceled)})
	m = update(m, keyRunes("r"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "unavailable") || strings.Contains(v, "computing") {
		t.Errorf("pane after a failed build:\n%s", v)
	}
}

// TestTargetJumpSavesPosition: landing on a target saves the reading
// position through the store, as every other jump does.
func TestTargetJumpSavesPosition(t *testing.T) {
	dir := t.TempDir()
	m := startedWith(t, loadSeeds(t), openStore(t, dir), 100, 30)
	m = update(m, keyRunes("t"))
	for range 5 {
		m = update(m, keyDown)
	}
	m = update(m, keyEnter)
	r, _ := m.tree.Selected()
	if m.mode != modeBrowse || r.node == nil {
		t.Fatalf("Enter on a target: mode %v, tree row %+v", m.mode, r)
	}
	p, ok := openStore(t, dir).Position()
	if !ok || p.NodeID != r.node.ID || p.Scroll != m.detail.offset {
		t.Errorf("saved position %+v (ok %v), want %s at row %d", p, ok, r.node.ID, m.detail.offset)
	}
}

// TestTreeMovesSavePositionOnceRested: with SavePositionAfter set, each
// tree move restarts the timer; only the latest selection's tick saves the
// reading position, an earlier one saves nothing. The ticks are delivered
// by hand, out of order, so nothing sleeps.
func TestTreeMovesSavePositionOnceRested(t *testing.T) {
	dir := t.TempDir()
	m := New(loadSeeds(t), Options{Bookmarks: openStore(t, dir), SavePositionAfter: time.Hour})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	move := func() {
		next, cmd := m.Update(keyDown)
		m = next.(Model)
		if cmd == nil {
			t.Fatal("a tree move returned no selection command")
		}
		next, tick := m.Update(cmd()) // the selection; its tick is not run
		m = next.(Model)
		if tick == nil {
			t.Fatal("a selection returned no position timer")
		}
	}
	move()
	first := m.pos.seq
	move()
	r, _ := m.tree.Selected()
	if next, cmd := m.Update(positionRestedMsg{seq: first}); cmd != nil {
		t.Fatal("the first selection's tick, arriving late, returned a save")
	} else {
		m = next.(Model)
	}
	if _, ok := openStore(t, dir).Position(); ok {
		t.Fatal("a stale tick saved a position")
	}
	m = update(m, positionRestedMsg{seq: m.pos.seq})
	if p, ok := openStore(t, dir).Position(); !ok || p.NodeID != r.node.ID {
		t.Errorf("saved position %+v (ok %v), want %s once the last selection rested", p, ok, r.node.ID)
	}
	// Without the option, tree moves start no timer and save nothing.
	dir2 := t.TempDir()
	m2 := New(loadSeeds(t), Options{Bookmarks: openStore(t, dir2)})
	m2 = update(m2, tea.WindowSizeMsg{Width: 100, Height: 30})
	m2 = update(m2, keyDown)
	if _, ok := openStore(t, dir2).Position(); ok {
		t.Error("a tree move saved the position with SavePositionAfter unset")
	}
}

// TestTreeFollowsDocumentScroll: reading a whole document, the tree's
// cursor and the breadcrumb follow the text at the top of the view, b
// bookmarks that clause, and scrolling back up returns to the document's
// row; the reading position saved is the document at its scroll.
func TestTreeFollowsDocumentScroll(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		store := openStore(t, t.TempDir())
		m := startedWith(t, loadSeeds(t), store, size[0], size[1])
		m = update(m, tea.KeyMsg{Type: tea.KeyTab})
		if m.detail.node != nil {
			t.Fatalf("%v: the start does not show a whole document", size)
		}
		for range 6 {
			m = update(m, keyPgDn)
		}
		top := m.detail.TopNode()
		r, _ := m.tree.Selected()
		if top == nil || r.node == nil {
			t.Fatalf("%v: the tree did not follow (top %v, row %v)", size, top, r.node)
		}
		for p := top; p != r.node; p = p.Parent {
			if p == nil {
				t.Fatalf("%v: the tree points at %s, not at %s or an ancestor", size, r.node.ID, top.ID)
			}
		}
		if m.detail.node != nil {
			t.Errorf("%v: following moved the reading pane to %s", size, m.detail.node.ID)
		}
		if crumb := ansi.Strip(m.detail.Breadcrumb(200)); !strings.Contains(crumb, oneLine(top.Title())) {
			t.Errorf("%v: breadcrumb %q does not name %s", size, crumb, top.Title())
		}
		m = update(m, keyRunes("b"))
		if !store.Has(r.node.ID) {
			t.Errorf("%v: b did not bookmark %s", size, r.node.ID)
		}
		next, save := m.savePosition()
		m = next
		if save != nil {
			m = update(m, save())
		}
		if p, ok := store.Position(); !ok || p.NodeID != m.detail.doc.ID || p.Scroll != m.detail.offset {
			t.Errorf("%v: saved %+v, want the document at row %d", size, p, m.detail.offset)
		}
		m = update(m, keyRunes("g"))
		if r, _ := m.tree.Selected(); r.node != nil || r.doc != m.detail.doc {
			t.Errorf("%v: back at the top the tree points at %v", size, r.node)
		}
	}
}

// TestExpandCollapseAll: + opens every document down to its clauses and
// keeps the cursor's row, - closes them all back to the documents.
func TestExpandCollapseAll(t *testing.T) {
	m := started(t, 100, 30)
	m = update(m, keyDown)
	m = update(m, keyDown)
	before, _ := m.tree.Selected()
	docs := len(m.corpus.Docs)
	m = update(m, keyRunes("+"))
	if r, _ := m.tree.Selected(); r.node != before.node {
		t.Errorf("+ moved the cursor from %v to %v", before.node, r.node)
	}
	clauses := 0
	m.corpus.Nodes(func(n *corpus.Node) bool {
		if inTree(n) {
			clauses++
		}
		return true
	})
	if len(m.tree.rows) != docs+clauses {
		t.Errorf("+ shows %d rows, want every document and outline node (%d)", len(m.tree.rows), docs+clauses)
	}
	m = update(m, keyRunes("-"))
	if len(m.tree.rows) != docs {
		t.Errorf("- leaves %d rows, want the %d documents", len(m.tree.rows), docs)
	}
	if r, _ := m.tree.Selected(); r.node != nil || r.doc != before.doc {
		t.Errorf("- put the cursor on %v, want its document", r)
	}
}

// TestTreeFilter: F then 户籍 narrows the tree, as it is typed, to the
// clauses whose titles hold it and the rows above them; Enter keeps the
// filter, shown in the title; q typed in the prompt is typed; Esc in the
// prompt drops the filter and the tree is as it was.
func TestTreeFilter(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := started(t, size[0], size[1])
		rowsBefore := len(m.tree.rows)
		m = update(m, keyRunes("F"))
		m = update(m, keyRunes("户籍"))
		var titles []string
		for _, r := range m.tree.rows {
			if r.node != nil && r.node.Kind == corpus.Clause {
				titles = append(titles, r.node.Title())
			}
		}
		if len(titles) < 3 {
			t.Fatalf("%v: 户籍 kept %d clauses: %q", size, len(titles), titles)
		}
		for _, title := range titles {
			if !strings.Contains(title, "户籍") {
				t.Errorf("%v: %q does not hold 户籍", size, title)
			}
		}
		for i, r := range m.tree.rows {
			if r.node != nil && r.node.Parent != nil && inTree(r.node.Parent) {
				found := false
				for _, q := range m.tree.rows[:i] {
					found = found || q.node == r.node.Parent
				}
				if !found {
					t.Errorf("%v: %s shown without its parent", size, r.node.ID)
				}
			}
		}
		checkFits(t, "tree filter", m.View(), size[0], size[1])
		m = update(m, keyEnter)
		if m.treeFilter.open || m.tree.filter != "户籍" || !strings.Contains(m.treeTitle(), "filter: 户籍") {
			t.Errorf("%v: enter did not keep the filter (title %q)", size, m.treeTitle())
		}
		m = update(m, keyRunes("F"))
		m = update(m, keyRunes("q"))
		if !m.treeFilter.open || m.tree.filter != "户籍q" {
			t.Errorf("%v: q in the prompt was not typed", size)
		}
		m = update(m, keyEsc)
		if m.tree.filter != "" || len(m.tree.rows) != rowsBefore {
			t.Errorf("%v: esc left %q and %d rows (had %d)", size, m.tree.filter, len(m.tree.rows), rowsBefore)
		}
	}
}

// TestTreeFilterOffTheLoop: the rows of a tree filter are found by a
// command, not while the key is handled; a keystroke cancels the search
// before it, whose rows, arriving late, are not shown.
func TestTreeFilterOffTheLoop(t *testing.T) {
	m := update(started(t, 100, 30), keyRunes("F"))
	next, first := m.Update(keyRunes("户"))
	m = next.(Model)
	if m.tree.filter != "" || first == nil {
		t.Fatalf("the filter applied while its key was handled (%q)", m.tree.filter)
	}
	stale := treeFilteredMsg{seq: m.treeFilter.seq, filter: "户", rows: filteredRows(m.tree.docs, "户")}
	next, second := m.Update(keyRunes("籍"))
	m = update(next.(Model), second())
	if m.tree.filter != "户籍" {
		t.Fatalf("filter %q, want 户籍", m.tree.filter)
	}
	rows := len(m.tree.rows)
	m = update(m, stale)
	if m.tree.filter != "户籍" || len(m.tree.rows) != rows {
		t.Errorf("the rows of a superseded filter were shown: %q", m.tree.filter)
	}
	// The first search was cancelled: it ends with nothing to show.
	for _, msg := range batchMsgs(first) {
		if _, ok := msg.(treeFilteredMsg); ok {
			t.Error("a cancelled search still sent its rows")
		}
	}
}

// batchMsgs runs cmd, and each command of a batch, and returns their
// messages.
func batchMsgs(cmd tea.Cmd) []tea.Msg {
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range batch {
		if c != nil {
			out = append(out, batchMsgs(c)...)
		}
	}
	return out
}
