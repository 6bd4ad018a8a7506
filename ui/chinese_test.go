package ui

import (
	"strings"
	"testing"
	"unicode"

	"policyreader/ui/msg"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestChineseGolden pins the reader in Chinese: the start, help, search,
// compare, the responsible bodies, facets, go-to and find, at 100×30 and
// 40×12.
func TestChineseGolden(t *testing.T) {
	zh := Options{Lang: msg.Chinese}
	start := func(t *testing.T, tm *teatest.TestModel) { waitFor(t, tm, "文档（5）") }
	toCentralFour := func(t *testing.T, tm *teatest.TestModel) {
		start(t, tm)
		tm.Type("/")
		tm.Send(keyRunes("以户籍制度和公共服务牵引"))
		waitFor(t, tm, "1 个结果")
		tm.Send(keyEnter)
		waitFor(t, tm, "正文")
	}
	runGoldenScreensWith(t, loadSeeds(t), zh, []goldenScreen{
		{"start", start},
		{"help", func(t *testing.T, tm *teatest.TestModel) {
			start(t, tm)
			tm.Type("?")
			waitFor(t, tm, "按键")
		}},
		{"search", func(t *testing.T, tm *teatest.TestModel) {
			start(t, tm)
			tm.Type("/")
			tm.Send(keyRunes("落户"))
			waitFor(t, tm, "4 个结果")
		}},
		{"compare", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type("c")
			waitFor(t, tm, "相似度")
		}},
		{"bodies", func(t *testing.T, tm *teatest.TestModel) {
			start(t, tm)
			tm.Type("o")
			waitFor(t, tm, "个主体")
		}},
		{"goto", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type(":")
			waitFor(t, tm, "跳到 ›")
		}},
		{"find", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type("n")
			waitFor(t, tm, "1/1")
		}},
	})
	runGoldenScreensWith(t, loadLaws(t), zh, []goldenScreen{
		{"facets", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "文档（95）")
			tm.Type("f")
			tm.Send(keyDown)
			tm.Type(" ")
			waitFor(t, tm, "64/95 篇")
		}},
	})
}

// TestChineseHasNoEnglish: in Chinese, the chrome of every screen — the
// status bar, titles, the help — holds no English word beyond key names,
// IDs and what the documents themselves print.
func TestChineseHasNoEnglish(t *testing.T) {
	m := New(loadSeeds(t), Options{Lang: msg.Chinese})
	m = update(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = update(m, m.Init()())
	allowed := map[string]bool{"tab": true, "enter": true, "esc": true, "pgup": true, "pgdn": true, "space": true, "shift": true,
		"ctrl": true, "alt": true, "bksp": true, "q": true, "b": true, "B": true, "t": true, "c": true, "o": true, "r": true, "f": true,
		"y": true, "Y": true, "n": true, "N": true, "m": true, "g": true, "G": true, "h": true, "j": true, "k": true, "l": true,
		"e": true, "d": true, "u": true, "x": true, "s": true, "p": true, "F": true, "CSV": true, "Esc": true, "Shift": true, "OSC": true}
	check := func(name, line string) {
		words := strings.FieldsFunc(line, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) })
		for _, w := range words {
			if !allowed[w] {
				t.Errorf("%s: English %q in %q", name, w, line)
			}
		}
	}
	bar := func(m Model) string { return lastLine(m.View()) }
	check("tree bar", bar(m))
	text := update(m, tea.KeyMsg{Type: tea.KeyTab})
	check("text bar", bar(text))
	help := update(m, keyRunes("?"))
	for _, l := range strings.Split(ansi.Strip(help.View()), "\n") {
		check("help", l)
	}
	cmp := update(searchJump(t, m, "以户籍制度和公共服务牵引"), keyRunes("c"))
	lines := strings.Split(ansi.Strip(cmp.View()), "\n")
	check("compare header", lines[2])
	check("compare bar", bar(cmp))
}
