package ui

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"policyreader/corpus"
	"policyreader/corpus/compare"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

const (
	centralFour    = "central-2019-social-mobility-opinions/pt3/c4"
	guangdongSeven = "guangdong-social-mobility-implementation/pt3/c7"
	jiangxiFive    = "jiangxi-2020-social-mobility-implementation/pt2/c5"
)

// openCentralFour lands the reader on the central (四) by search.
func openCentralFour(t *testing.T, m Model) Model {
	t.Helper()
	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("以户籍制度和公共服务牵引"))
	m = update(m, keyEnter)
	if m.detail.node == nil || m.detail.node.ID != centralFour {
		t.Fatalf("search did not land on the central (四): %v", m.detail.node)
	}
	return m
}

// comparing returns the open compare pane or fails.
func comparing(t *testing.T, m Model) comparePane {
	t.Helper()
	p, ok := m.pane.(comparePane)
	if !ok || m.mode != modePane {
		t.Fatalf("compare pane not open (mode %v)", m.mode)
	}
	return p
}

// TestCompareCycleAndJump: c sets the central (四) beside its best
// counterpart (Jiangxi's (五)), ] moves to Guangdong's (七), Enter opens
// it and Esc comes back to the central clause, ← opens the central clause
// itself; every screen fits, at 100×30 and 40×12.
func TestCompareCycleAndJump(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		m := openCentralFour(t, started(t, size[0], size[1]))
		m = update(m, keyRunes("c"))
		p := comparing(t, m)
		if len(p.counterparts) < 2 || p.counterparts[0].ID != jiangxiFive || p.result == nil {
			t.Fatalf("%v: counterparts %v, result %v", size, p.counterparts, p.result)
		}
		if got := m.position(); got != "1/"+strconv.Itoa(len(p.counterparts)) {
			t.Errorf("%v: position %q", size, got)
		}
		checkFits(t, "compare", m.View(), size[0], size[1])
		m = update(m, keyRunes("]"))
		p = comparing(t, m)
		if p.counterparts[p.idx].ID != guangdongSeven {
			t.Fatalf("%v: ] shows %s", size, p.counterparts[p.idx].ID)
		}
		view := ansi.Strip(m.View())
		for _, want := range []string{"⇄", "广东", "(七)", "similarity 0.48"} {
			if !strings.Contains(view, want) {
				t.Errorf("%v: compare view lacks %q:\n%s", size, want, view)
			}
		}
		checkFits(t, "compare guangdong", m.View(), size[0], size[1])
		// A resize rewraps and keeps the counterpart.
		m = update(m, tea.WindowSizeMsg{Width: size[0] + 7, Height: size[1] + 1})
		checkFits(t, "compare resized", m.View(), size[0]+7, size[1]+1)
		m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = update(m, keyEnter)
		if m.mode != modeBrowse || m.detail.node == nil || m.detail.node.ID != guangdongSeven || m.pane != nil {
			t.Fatalf("%v: enter did not open Guangdong's (七): mode %v node %v", size, m.mode, m.detail.node)
		}
		m = update(m, keyEsc)
		if m.detail.node == nil || m.detail.node.ID != centralFour {
			t.Fatalf("%v: esc did not come back to the central (四): %v", size, m.detail.node)
		}
		m = update(m, keyRunes("c"))
		m = update(m, keyRunes("h"))
		if m.mode != modeBrowse || m.detail.node.ID != centralFour {
			t.Errorf("%v: ← did not open the central clause", size)
		}
		// Esc in the pane closes it where the reader was.
		m = update(m, keyRunes("c"))
		m = update(m, keyEsc)
		if m.mode != modeBrowse || m.pane != nil || m.detail.node.ID != centralFour {
			t.Errorf("%v: esc did not close the pane", size)
		}
	}
}

// fstestOne is a file system holding one plain-text document.
func fstestOne(text string) fstest.MapFS {
	return fstest.MapFS{"one.txt": &fstest.MapFile{Data: []byte(text)}}
}

// TestCompareMarksDrawn: Guangdong's own 广州、深圳 is drawn in the
// only-one-side style and Jiangxi's two-working-day target in the
// own-target style, in colour and in NO_COLOR, and shared wording is not.
func TestCompareMarksDrawn(t *testing.T) {
	c := loadSeeds(t)
	for _, noColor := range []bool{false, true} {
		st := testStyles(noColor)
		if st.Only.Render("x") == st.Text.Render("x") || st.OnlyTarget.Render("x") == st.Target.Render("x") || st.OnlyBody.Render("x") == st.Body.Render("x") {
			t.Errorf("noColor=%v: compare marks look like plain text or the detail highlights", noColor)
		}
		p := comparePane{styles: &st, width: 200, height: 40}
		r := compare.Compare(mustNode(t, c, centralFour), mustNode(t, c, guangdongSeven))
		var right []string
		for k := range r.Right.Sentences {
			right = append(right, p.sideLines(r.Right, []int{k}, 200)...)
		}
		out := strings.Join(right, "\n")
		if !strings.Contains(out, newPainter(st.Only).paint("调整完善广州、深圳")) {
			t.Errorf("noColor=%v: 广州、深圳 not drawn as Guangdong's own:\n%q", noColor, out)
		}
		if strings.Contains(out, newPainter(st.Only).paint("确保社会保险缴纳年限")) {
			t.Errorf("noColor=%v: shared wording drawn as one side's", noColor)
		}
		r = compare.Compare(mustNode(t, c, "central-2019-social-mobility-opinions/pt2/c3"), mustNode(t, c, "jiangxi-2020-social-mobility-implementation/pt1/c3"))
		right = nil
		for k := range r.Right.Sentences {
			right = append(right, p.sideLines(r.Right, []int{k}, 400)...)
		}
		if !strings.Contains(strings.Join(right, "\n"), newPainter(st.OnlyTarget).paint("确保企业开办时间压缩至 2 个工作日内")) {
			t.Errorf("noColor=%v: Jiangxi's own target not drawn", noColor)
		}
	}
}

// TestCompareWaitsAndHasNone: opened before the related index is built,
// the pane says it is finding counterparts and fills in when the index
// arrives; a clause with no counterpart says so.
func TestCompareWaitsAndHasNone(t *testing.T) {
	c := loadSeeds(t)
	m := New(c, Options{})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	n := mustNode(t, c, centralFour)
	m = update(m, selectNodeMsg{doc: n.Doc, node: n})
	m = update(m, keyRunes("c"))
	if !strings.Contains(ansi.Strip(m.View()), "finding counterparts") {
		t.Fatalf("no waiting message:\n%s", ansi.Strip(m.View()))
	}
	m = update(m, buildRelatedCmd(m.bg.ctx, c, nil)())
	if p := comparing(t, m); p.waiting || p.result == nil && len(p.counterparts) > 0 {
		t.Fatalf("the pane did not fill in: %+v", p)
	}

	one, errs := corpus.LoadFS(fstestOne("（一）只此一条。加强就业服务。\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m = startedWith(t, one, nil, 40, 12)
	m = update(m, keyDown)
	m = update(m, keyRunes("c"))
	if !strings.Contains(ansi.Strip(m.View()), "no counterpart") {
		t.Errorf("no 'no counterpart' message:\n%s", ansi.Strip(m.View()))
	}
	checkFits(t, "no counterpart", m.View(), 40, 12)
}

// TestCompareGolden pins the compare pane on the central (四) beside
// Guangdong's (七) at 100×30 and 40×12.
func TestCompareGolden(t *testing.T) {
	screens := []goldenScreen{{"guangdong", func(t *testing.T, tm *teatest.TestModel) {
		waitFor(t, tm, "Documents")
		tm.Type("/")
		tm.Send(keyRunes("以户籍制度和公共服务牵引"))
		waitFor(t, tm, "1 result")
		tm.Send(keyEnter)
		waitFor(t, tm, "TEXT")
		tm.Type("c")
		waitFor(t, tm, "similarity")
		tm.Type("]")
		waitFor(t, tm, "2/")
	}}}
	runGoldenScreens(t, loadSeeds(t), screens)
}

// TestHelpOverPane: ? over the compare pane lists the pane's keys first
// and closes back to the pane; q there quits.
func TestHelpOverPane(t *testing.T) {
	m := openCentralFour(t, started(t, 100, 30))
	m = update(m, keyRunes("c"))
	m = update(m, keyRunes("?"))
	view := ansi.Strip(m.View())
	if !m.helpOpen || !strings.Contains(view, "next counterpart") || !strings.Contains(view, "open this clause") {
		t.Fatalf("help over the pane lacks its keys:\n%s", view)
	}
	m = update(m, keyRunes("?"))
	comparing(t, m)
	if !strings.Contains(ansi.Strip(m.View()), "COMPARE") {
		t.Errorf("status bar does not name the pane")
	}
	next, cmd := m.Update(keyRunes("q"))
	if cmd == nil || next.(Model).pane == nil {
		t.Errorf("q in the pane did not quit")
	}
}

// TestCompareLabelsTellDocumentsApart: two national regulations share the
// label 中央, so the sides are named by the starts of their titles.
func TestCompareLabelsTellDocumentsApart(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../corpus/testdata/laws"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var a, b *corpus.Node
	for _, d := range c.Docs {
		if d.Short != "中央" || len(d.Children) == 0 {
			continue
		}
		if a == nil {
			a = d.Children[0]
		} else if d != a.Doc {
			b = d.Children[0]
			break
		}
	}
	if a == nil || b == nil {
		t.Fatal("fewer than two central documents")
	}
	p := comparePane{origin: a, counterparts: []*corpus.Node{b}}
	l, r := p.sideLabels()
	if l == r || l == "甲" || l == "中央" {
		t.Errorf("labels %q and %q do not tell %s and %s apart", l, r, a.Doc.Title, b.Doc.Title)
	}
	if l, r := (comparePane{origin: a, counterparts: []*corpus.Node{a}}).sideLabels(); l != "甲" || r != "乙" {
		t.Errorf("one document: %q %q", l, r)
	}
}
