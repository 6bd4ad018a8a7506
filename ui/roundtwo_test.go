package ui

import (
	"testing"

	"policyreader/ui/msg"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// roundTwoScreens are the reader's navigation screens: go to, find in the
// document, the tree filter, a search kept to this document, and the
// place a step back returns to. waitFor texts are in the language of the
// options, so the same screens serve English and Chinese.
func roundTwoScreens(zh bool) []goldenScreen {
	pick := func(en, cn string) string {
		if zh {
			return cn
		}
		return en
	}
	toCentralFour := func(t *testing.T, tm *teatest.TestModel) {
		waitFor(t, tm, pick("Documents (5)", "文档（5）"))
		tm.Type("/")
		tm.Send(keyRunes("以户籍制度和公共服务牵引"))
		waitFor(t, tm, pick("1 result", "1 个结果"))
		tm.Send(keyEnter)
		waitFor(t, tm, pick("TEXT", "正文"))
	}
	return []goldenScreen{
		{"goto", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type(":")
			tm.Send(keyRunes("（六）"))
			waitFor(t, tm, "（六）")
			tm.Send(keyEnter)
			waitFor(t, tm, "以档案服务改革畅通职业转换")
		}},
		{"find", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type("/")
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
			tm.Send(keyRunes("流动"))
			waitFor(t, tm, pick("results", "个结果"))
			tm.Send(keyEnter)
			waitFor(t, tm, pick("TEXT", "正文"))
			tm.Type("n")
			waitFor(t, tm, pick("流动 in", "流动（"))
		}},
		{"treefilter", func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, pick("Documents (5)", "文档（5）"))
			tm.Type("F")
			tm.Send(keyRunes("户籍"))
			waitFor(t, tm, "深化户籍制度改革")
			tm.Send(keyEnter)
			waitFor(t, tm, pick("TREE", "目录")) // the prompt gives way to the bar
		}},
		{"scope", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type("/")
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
			tm.Send(keyRunes("落户"))
			waitFor(t, tm, pick("4 results", "4 个结果"))
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlT})
			waitFor(t, tm, pick("only ·", "仅限"))
		}},
		{"back", func(t *testing.T, tm *teatest.TestModel) {
			toCentralFour(t, tm)
			tm.Type(":")
			tm.Send(keyRunes("（六）"))
			tm.Send(keyEnter)
			waitFor(t, tm, "以档案服务改革畅通职业转换")
			tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
			waitFor(t, tm, "全面取消城区常住人口")
		}},
	}
}

// TestRoundTwoGolden pins the navigation screens in English and Chinese
// at 100×30 and 40×12.
func TestRoundTwoGolden(t *testing.T) {
	t.Run("en", func(t *testing.T) { runGoldenScreensWith(t, loadSeeds(t), Options{}, roundTwoScreens(false)) })
	t.Run("zh", func(t *testing.T) {
		runGoldenScreensWith(t, loadSeeds(t), Options{Lang: msg.Chinese}, roundTwoScreens(true))
	})
}
