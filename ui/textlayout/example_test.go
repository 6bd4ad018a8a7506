package textlayout_test

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"
	"policyreader/ui/textlayout"
)

// Wrap returns rune offsets, so highlight spans (also rune offsets) can be
// cut per line; sanitise document text first, which keeps those offsets.
func ExampleWrap() {
	text := textlayout.Sanitize("城区常住人口300万以下的城市全面取消落户限制。")
	runes := []rune(text)
	for _, l := range textlayout.Wrap(text, 20) {
		line := string(runes[l.Start:l.End])
		fmt.Printf("%2d-%2d %2d|%s\n", l.Start, l.End, lipgloss.Width(line), line)
	}
	// Output:
	//  0-11 19|城区常住人口300万以
	// 11-21 20|下的城市全面取消落户
	// 21-24  6|限制。
}

// Table lines all have the same width (padded; | marks the end here), so
// they can be placed in a pane as they are. At 60 columns this prints
//
//	序号 │ 指标             │ 单位 │ 2025年 |
//	─────┼──────────────────┼──────┼────────|
//	一、就业                                |
//	1    │ 城镇新增就业人数 │ 万人 │ [550]  |
//	2    │ 城镇调查失业率   │ %    │ 5.5左右|
//
// (with | - + instead of box drawing under RUNEWIDTH_EASTASIAN=1, so the
// example has no checked output; TestTableCases pins the same layout).
func ExampleTable() {
	rows := [][]string{
		{"序号", "指标", "单位", "2025年"},
		{"一、就业"},
		{"1", "城镇新增就业人数", "万人", "[550]"},
		{"2", "城镇调查失业率", "%", "5.5左右"},
	}
	for _, l := range textlayout.Table(rows, 60) {
		fmt.Println(l + "|")
	}
}
