package textlayout

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// seedTable returns 专栏 1 of the five-year plan (its title row, header and
// indicator rows, tab-separated in the seed) as cells.
func seedTable(t testing.TB) [][]string {
	t.Helper()
	b, err := os.ReadFile("../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	in := false
	for l := range strings.SplitSeq(string(b), "\n") {
		if strings.HasPrefix(l, "专栏 1 ") {
			in = true
		}
		if in && !strings.Contains(l, "\t") {
			break
		}
		if in {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	if len(rows) != 22 || rows[1][1] != "指 标" {
		t.Fatalf("专栏 1 not found as expected: %d rows", len(rows))
	}
	return rows
}

// checkTable asserts the invariants of Table's output: every line is as wide
// as every other and fits width (a lone wide grapheme aside), and no
// non-space character of a cell is lost.
func checkTable(t *testing.T, rows [][]string, width int, out []string) {
	t.Helper()
	if len(out) == 0 {
		for _, r := range rows {
			for _, c := range r {
				if strings.TrimSpace(Sanitize(c)) != "" {
					t.Fatalf("width %d: no output for %q", width, rows)
				}
			}
		}
		return
	}
	w0 := ansi.StringWidth(out[0])
	for i, l := range out {
		if w := ansi.StringWidth(l); w != w0 {
			t.Fatalf("width %d: line %d %q is %d cells, line 0 is %d", width, i, l, w, w0)
		}
	}
	if w0 > max(width, 2) {
		t.Fatalf("width %d: lines are %d cells: %q", width, w0, out[0])
	}
	if w0 > max(width, 1) && !slices.ContainsFunc(out, func(l string) bool {
		// Trim the padding only: a leading space may carry a mark and be
		// part of the wide cluster (" ᰩ").
		c := strings.TrimRight(l, " ")
		return uniseg.GraphemeClusterCount(c) == 1 && ansi.StringWidth(c) == 2
	}) {
		t.Fatalf("width %d: %d-cell lines without a lone wide grapheme", width, w0)
	}
	for _, l := range out {
		if strings.IndexByte(l, 0x1b) >= 0 {
			t.Fatalf("width %d: escape in %q", width, l)
		}
	}
	// Every non-space rune of the cells appears in the output at least as
	// often as in the cells (the output adds separators and, stacked,
	// header labels; wrapped cells interleave, so order is not checked).
	need := map[rune]int{}
	for _, r := range rows {
		for _, c := range r {
			for _, ch := range Sanitize(c) {
				if !unicode.IsSpace(ch) {
					need[ch]++
				}
			}
		}
	}
	for _, l := range out {
		for _, ch := range l {
			need[ch]--
		}
	}
	for ch, n := range need {
		if n > 0 {
			t.Fatalf("width %d: output lost %d of %q", width, n, ch)
		}
	}
}

// isStacked reports whether Table fell back to records (no column separator).
func isStacked(out []string) bool {
	for _, l := range out {
		if strings.Contains(l, " │ ") || strings.Contains(l, " | ") {
			return false
		}
	}
	return true
}

// boxed rewrites a layout drawn with box drawing into the separators Table
// uses in this process (ASCII under RUNEWIDTH_EASTASIAN=1).
func boxed(s string) string {
	c := chooseChars()
	return strings.NewReplacer("│", strings.TrimSpace(c.sep), "─", c.rule, "┼", string([]rune(c.cross)[1])).Replace(s)
}

// separatorColumns returns the display columns at which sep occurs in l.
func separatorColumns(l string, sep rune) []int {
	var cols []int
	col := 0
	for g := range strings.SplitSeq(l, "") {
		if []rune(g)[0] == sep {
			cols = append(cols, col)
		}
		col += ansi.StringWidth(g)
	}
	return cols
}

// TestTableSeed renders 专栏 1 of the five-year plan at every test width and
// pins CJK.md #6: with wide runes in the cells every line has the same width
// and the column separators line up.
func TestTableSeed(t *testing.T) {
	rows := seedTable(t)
	for _, width := range testWidths {
		out := Table(rows, width)
		checkTable(t, rows, width, out)
		if isStacked(out) {
			if width >= 80 {
				t.Errorf("width %d: stacked, want columns", width)
			}
			continue
		}
		var cols []int
		for i, l := range out {
			seps := separatorColumns(l, []rune(boxed("│"))[0])
			if len(seps) == 0 {
				seps = separatorColumns(l, []rune(boxed("┼"))[0])
			}
			if len(seps) == 0 {
				continue // a spanning row
			}
			if cols == nil {
				cols = seps
			}
			if !slices.Equal(seps, cols) {
				t.Errorf("width %d: line %d separators at %v, want %v: %q", width, i, seps, cols, l)
			}
		}
		if len(cols) != 6 {
			t.Errorf("width %d: %d separators, want 6 for 7 columns", width, len(cols))
		}
	}
	// At 100 columns the title and the 一、就业 group rows span the table,
	// the header is underlined and the indicator rows follow, one line each.
	out := Table(rows, 100)
	if !strings.HasPrefix(out[0], "专栏 1 “十三五”时期主要指标完成情况") {
		t.Errorf("title row: %q", out[0])
	}
	if !strings.HasPrefix(out[1], boxed("序号 │ 指 标")) {
		t.Errorf("header row: %q", out[1])
	}
	rule := slices.IndexFunc(out, func(l string) bool { return strings.Contains(l, boxed("┼")) })
	if rule < 2 || rule+3 >= len(out) {
		t.Fatalf("no rule under the header:\n%s", strings.Join(out, "\n"))
	}
	if got := strings.TrimRight(out[rule+1], " "); got != "一、就业" {
		t.Errorf("group row: %q", got)
	}
	if got := strings.Fields(out[rule+2]); !slices.Equal(got, strings.Fields(boxed("1 │ 城镇新增就业人数 │ 万人 │ [824.2] │ [550] │ [717.25] │ 预期性"))) {
		t.Errorf("first indicator row: %q", out[rule+2])
	}
	if len(out) != rule+1+5+15 {
		t.Errorf("%d lines, want the header, 5 group rows and 15 one-line indicator rows", len(out))
	}
}

// TestTableCases pins hand-checked layouts.
func TestTableCases(t *testing.T) {
	cases := []struct {
		name  string
		rows  [][]string
		width int
		want  []string
	}{
		{"nil", nil, 80, nil},
		{"empty rows", [][]string{{}, {}}, 80, nil},
		{"blank cells", [][]string{{"", " "}, {"\t"}}, 80, nil},
		// 名称 and 值 pad to the widest cell of their column (16 and 3).
		{"natural widths", [][]string{{"名称", "值"}, {"城镇新增就业人数", "550"}}, 80, []string{
			"名称             │ 值 ",
			"─────────────────┼────",
			"城镇新增就业人数 │ 550",
		}},
		// 23 cells of columns need 16 + 3 + 3; at 15 the first column
		// shrinks to 9 cells (four CJK characters a line).
		{"shrunk and wrapped", [][]string{{"名称", "值"}, {"城镇新增就业人数", "550"}}, 15, []string{
			"名称      │ 值 ",
			"──────────┼────",
			"城镇新增  │ 550",
			"就业人数  │    ",
		}},
		{"ragged", [][]string{{"a", "x"}, {"b", "c", "d"}}, 80, []string{
			"a │ x │  ",
			"──┼───┼──",
			"b │ c │ d",
		}},
		// Too narrow for columns of four cells: records labelled by header.
		{"stacked", [][]string{{"指标", "单位", "目标"}, {"参保率", "%", "95"}, {"人数", "万人", "3700"}}, 14, []string{
			"指标：参保率",
			"单位：%     ",
			"目标：95    ",
			"────────────",
			"指标：人数  ",
			"单位：万人  ",
			"目标：3700  ",
		}},
		// A row with only its first cell spans the table.
		{"spanning group row", [][]string{{"序号", "指标"}, {"一、就业"}, {"1", "城镇登记失业率"}}, 80, []string{
			"序号 │ 指标          ",
			"─────┼───────────────",
			"一、就业             ",
			"1    │ 城镇登记失业率",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Table(c.rows, c.width)
			checkTable(t, c.rows, c.width, got)
			for i := range c.want {
				c.want[i] = boxed(c.want[i])
			}
			if len(got) < len(c.want) || !slices.Equal(got[:len(c.want)], c.want) {
				t.Errorf("Table(%q, %d) =\n%s\nwant prefix\n%s", c.rows, c.width, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// FuzzTable checks Table on arbitrary cells (rows split on \n, cells on \t):
// no panic, equal line widths, nothing wider than the width allows.
func FuzzTable(f *testing.F) {
	f.Add("序号\t指标\t单位\n1\t城镇新增就业人数\t万人\n二、社会保险", 24)
	f.Add("\x1b[31m红\t\t\n\n\t中", 1)
	f.Add("a", 0)
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = width%300 - 5
		var rows [][]string
		for l := range strings.SplitSeq(s, "\n") {
			rows = append(rows, strings.Split(l, "\t"))
		}
		checkTable(t, rows, width, Table(rows, width))
	})
}

// BenchmarkTable renders 专栏 1 of the five-year plan (22 rows, 7 columns)
// at 100 and at 60 columns.
func BenchmarkTable(b *testing.B) {
	rows := seedTable(b)
	for _, width := range []int{100, 60} {
		b.Run(itoa(width), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Table(rows, width)
			}
		})
	}
}

// TestTablePrependedMarks: a cell ending in a prepended concatenation mark
// (U+0600–U+0605, U+06DD, U+070F …), which joins the character after it,
// must not absorb the padding and shift the columns after it.
func TestTablePrependedMarks(t *testing.T) {
	for _, mark := range []rune{0x0600, 0x0605, 0x06dd, 0x070f, 0x0890, 0x08e2, 0x110bd, 0x110cd} {
		rows := [][]string{{"指标" + string(mark), "单位"}, {"城镇新增就业人数", "万人"}}
		checkTable(t, rows, 40, Table(rows, 40))
		if s := Sanitize("a" + string(mark)); s != "a\uFFFD" {
			t.Errorf("Sanitize leaves U+%04X: %q", mark, s)
		}
	}
}
