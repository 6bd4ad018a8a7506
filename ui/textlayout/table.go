package textlayout

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// minReadable is the narrowest a shrunk column may get (two CJK characters)
// before Table gives up on columns and stacks each row as a record.
const minReadable = 4

// Table renders rows as aligned columns at most width cells wide and returns
// the rendered lines, all of the same display width (as x/ansi and lipgloss
// measure it), padded with spaces. A width below 1 is treated as 1.
//
// Cells are passed through [Sanitize] and laid out with [Wrap], so a cell
// may take several lines and a wide character is never split. Rows may be
// ragged (missing cells are empty) and cells may be empty. Columns are sized
// by display width; when the natural widths do not fit, the widest columns
// shrink first and their cells wrap. Columns are separated by " │ " and the
// header is underlined with ─ and ┼ (ASCII | - + instead if the process
// measures box drawing as two cells, with RUNEWIDTH_EASTASIAN=1); there is
// no outer border, so no wide rune ever sits next to a border.
//
// A row whose only non-empty cell is its first one, such as the 一、就业 group
// rows of a policy indicator table or a 专栏 title row, spans the whole table.
// The first row that does not span is the header. When even columns of four
// cells cannot fit, each row after the header is printed as a record, one
// "header：cell" line group per non-empty cell, records separated by a rule.
//
// Table returns nil when rows has no cells. A lone grapheme wider than width
// (a wide character when width is 1) is the only thing that can overflow.
func Table(rows [][]string, width int) []string {
	if width < 1 {
		width = 1
	}
	t := newTable(rows)
	if t.ncols == 0 {
		return nil
	}
	cw, ok := t.columnWidths(width)
	if !ok || t.header < 0 {
		return t.stacked(width)
	}
	return t.grid(cw)
}

// tableChars are the separators a table is drawn with.
type tableChars struct {
	sep, rule, cross string
}

// chooseChars returns box-drawing separators, or ASCII ones when box drawing
// is measured as two cells (RUNEWIDTH_EASTASIAN=1).
func chooseChars() tableChars {
	if ansi.StringWidth("│─┼") == 3 {
		return tableChars{sep: " │ ", rule: "─", cross: "─┼─"}
	}
	return tableChars{sep: " | ", rule: "-", cross: "-+-"}
}

// table is a sanitised, rectangular copy of a Table call's rows.
type table struct {
	cells  [][]string
	span   []bool // row spans the whole width
	header int    // index of the header row, -1 if every row spans
	ncols  int
	chars  tableChars
}

// newTable sanitises rows, pads them to a common column count and marks
// spanning rows and the header.
func newTable(rows [][]string) *table {
	t := &table{header: -1, chars: chooseChars()}
	for _, r := range rows {
		t.ncols = max(t.ncols, len(r))
	}
	if t.ncols == 0 {
		return t
	}
	t.cells = make([][]string, len(rows))
	t.span = make([]bool, len(rows))
	for i, r := range rows {
		row := make([]string, t.ncols)
		nonEmpty := 0
		for j, c := range r {
			row[j] = Sanitize(c)
			if strings.TrimSpace(row[j]) != "" {
				nonEmpty++
			}
		}
		t.cells[i] = row
		t.span[i] = t.ncols > 1 && nonEmpty == 1 && strings.TrimSpace(row[0]) != ""
		if !t.span[i] && t.header < 0 {
			t.header = i
		}
	}
	return t
}

// columnWidths chooses a width for each column so that the grid fits in
// width, shrinking the widest columns first. It reports false when columns
// would get narrower than minReadable cells (or than their widest grapheme).
func (t *table) columnWidths(width int) ([]int, bool) {
	natural := make([]int, t.ncols)
	floor := make([]int, t.ncols)
	for i, row := range t.cells {
		if t.span[i] {
			continue
		}
		for j, c := range row {
			natural[j] = max(natural[j], textWidth(c))
			floor[j] = max(floor[j], widestCluster(c))
		}
	}
	avail := width - ansi.StringWidth(t.chars.sep)*(t.ncols-1)
	sum, need := 0, 0
	for j := range natural {
		natural[j] = max(natural[j], 1)
		floor[j] = max(floor[j], min(natural[j], minReadable))
		sum += natural[j]
		need += floor[j]
	}
	if sum <= avail {
		return natural, true
	}
	if need > avail {
		return nil, false
	}
	// Largest cap c such that capping every column at c (but not below its
	// floor) fits; found by binary search over [0, widest column].
	capped := func(c int) ([]int, int) {
		cw, total := make([]int, t.ncols), 0
		for j := range cw {
			cw[j] = max(floor[j], min(natural[j], c))
			total += cw[j]
		}
		return cw, total
	}
	lo, hi := 0, 0
	for _, n := range natural {
		hi = max(hi, n)
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if _, total := capped(mid); total <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cw, total := capped(lo)
	// Hand the cells left over to the columns that were cut, left to right.
	for j := 0; total < avail && j < len(cw); j++ {
		if cw[j] < natural[j] {
			cw[j]++
			total++
		}
	}
	return cw, true
}

// grid renders the table as columns of the given widths.
func (t *table) grid(cw []int) []string {
	sep := t.chars.sep
	full := ansi.StringWidth(sep) * (len(cw) - 1)
	for _, w := range cw {
		full += w
	}
	var out []string
	for i, row := range t.cells {
		if t.span[i] {
			for _, l := range wrapStrings(row[0], full) {
				out = append(out, pad(l, full))
			}
		} else {
			out = append(out, t.gridRow(row, cw)...)
		}
		if i == t.header && i < len(t.cells)-1 {
			parts := make([]string, len(cw))
			for j, w := range cw {
				parts[j] = strings.Repeat(t.chars.rule, w)
			}
			out = append(out, strings.Join(parts, t.chars.cross))
		}
	}
	return out
}

// gridRow renders one row: each cell wrapped to its column, padded, and the
// columns joined side by side.
func (t *table) gridRow(row []string, cw []int) []string {
	wrapped := make([][]string, len(row))
	height := 1
	for j, c := range row {
		wrapped[j] = wrapStrings(c, cw[j])
		height = max(height, len(wrapped[j]))
	}
	out := make([]string, height)
	var b strings.Builder
	for k := range height {
		b.Reset()
		for j := range row {
			if j > 0 {
				b.WriteString(t.chars.sep)
			}
			l := ""
			if k < len(wrapped[j]) {
				l = wrapped[j][k]
			}
			b.WriteString(pad(l, cw[j]))
		}
		out[k] = b.String()
	}
	return out
}

// stacked renders each row as a record of "header：cell" lines, for widths
// too narrow for columns, records separated by a rule.
func (t *table) stacked(width int) []string {
	var (
		lines []string
		rules []int // indices of the separator lines in lines
	)
	for i, row := range t.cells {
		if i == t.header && i < len(t.cells)-1 {
			continue // its cells label the records below
		}
		if len(lines) > 0 {
			rules = append(rules, len(lines))
			lines = append(lines, "")
		}
		for j, c := range row {
			if strings.TrimSpace(c) == "" {
				continue
			}
			if t.header >= 0 && i != t.header && !t.span[i] {
				if h := strings.TrimSpace(t.cells[t.header][j]); h != "" {
					c = h + "：" + c
				}
			}
			lines = append(lines, wrapStrings(c, width)...)
		}
	}
	full := 1
	for _, l := range lines {
		full = max(full, ansi.StringWidth(l))
	}
	for i, l := range lines {
		lines[i] = pad(l, full)
	}
	rule := strings.Repeat(t.chars.rule, full/ansi.StringWidth(t.chars.rule))
	for _, i := range rules {
		lines[i] = pad(rule, full)
	}
	return lines
}

// wrapStrings wraps s to width and returns the text of each line.
func wrapStrings(s string, width int) []string {
	runes := []rune(s)
	ls := Wrap(s, width)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(runes[l.Start:l.End])
	}
	return out
}

// textWidth returns the width of the widest hard line of s.
func textWidth(s string) int {
	w := 0
	for l := range strings.SplitSeq(s, "\n") {
		w = max(w, ansi.StringWidth(strings.TrimRight(l, " ")))
	}
	return w
}

// widestCluster returns the width of the widest grapheme cluster in s.
func widestCluster(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 { // below U+1100 every character is at most 1 cell
			w = 2
			break
		}
		w = 1
	}
	return w
}

// pad right-pads s with spaces to width cells.
func pad(s string, width int) string {
	if n := width - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
