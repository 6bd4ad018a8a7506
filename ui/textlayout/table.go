package textlayout

import (
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// minReadable is the narrowest a shrunk column may get (two CJK characters)
// before Table gives up on columns and stacks each row as a record.
const minReadable = 4

// maxWordFloor caps how wide a column must stay to keep its longest
// unbreakable run (a figure such as 13.7:39:47.3) on one line; longer runs,
// such as URLs, are broken by grapheme instead.
const maxWordFloor = 16

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
// The first row that does not span is the header; it is underlined, and its
// cells are the first to wrap when space is short. When columns cannot fit
// with at least four cells each and every figure on one line, each row
// after the header is printed as a record instead, one "header：cell" line
// group per non-empty cell, records separated by a rule (the header is
// printed as a record of its own instead when a header cell would label
// nothing).
//
// Table returns nil when no cell holds anything but white space. A lone
// grapheme wider than width (a wide character when width is 1) is the only
// thing that can overflow.
func Table(rows [][]string, width int) []string {
	if width < 1 {
		width = 1
	}
	t := newTable(rows)
	if t.blank {
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
	blank  bool // no cell holds anything but white space
	chars  tableChars
}

// newTable sanitises rows, pads them to a common column count and marks
// spanning rows and the header.
func newTable(rows [][]string) *table {
	t := &table{header: -1, chars: chooseChars(), blank: true}
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
				t.blank = false
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
// width. If the natural widths (widest line of any cell) fit, they are used.
// Otherwise header cells give up their natural width first (they wrap onto
// several lines, keeping only their longest unbreakable run), and if that is
// not enough the widest columns shrink. A column keeps at least minReadable
// cells (or its natural width, if less) and its longest unbreakable run up
// to maxWordFloor cells, so figures are never broken across lines;
// columnWidths reports false when that cannot fit.
func (t *table) columnWidths(width int) ([]int, bool) {
	all := make([]int, t.ncols)     // natural widths, header included
	natural := make([]int, t.ncols) // natural widths of the body rows
	floor := make([]int, t.ncols)
	for i, row := range t.cells {
		if t.span[i] {
			continue
		}
		for j, c := range row {
			w := textWidth(c)
			all[j] = max(all[j], w)
			if i != t.header {
				natural[j] = max(natural[j], w)
			}
			floor[j] = max(floor[j], min(widestRun(c), maxWordFloor))
		}
	}
	avail := width - ansi.StringWidth(t.chars.sep)*(t.ncols-1)
	sumAll, sum, need := 0, 0, 0
	for j := range natural {
		all[j] = max(all[j], 1)
		floor[j] = max(floor[j], min(all[j], minReadable))
		natural[j] = max(natural[j], floor[j])
		sumAll += all[j]
		sum += natural[j]
		need += floor[j]
	}
	switch {
	case sumAll <= avail:
		return all, true
	case need > avail:
		return nil, false
	case sum <= avail:
		// Give the room left to the wrapped header cells, those needing
		// least first, so that as many as possible fit on one line.
		order := make([]int, t.ncols)
		for j := range order {
			order[j] = j
		}
		slices.SortStableFunc(order, func(a, b int) int {
			return (all[a] - natural[a]) - (all[b] - natural[b])
		})
		for _, j := range order {
			grow := min(all[j]-natural[j], avail-sum)
			natural[j] += grow
			sum += grow
		}
		return natural, true
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
	// Hand the cells left over to the columns that were cut, left to right;
	// fewer are left than such columns, or the cap would have been higher.
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
// too narrow for columns, records separated by a rule (none after a
// spanning row, which heads the records below it).
func (t *table) stacked(width int) []string {
	var (
		lines    []string
		rules    []int // indices of the separator lines in lines
		prevSpan = true
	)
	labels := t.labelsRecords()
	for i, row := range t.cells {
		if i == t.header && labels {
			continue // its cells label the records below
		}
		if !prevSpan {
			rules = append(rules, len(lines))
			lines = append(lines, "")
		}
		prevSpan = t.span[i]
		for j, c := range row {
			if strings.TrimSpace(c) == "" {
				continue
			}
			if labels && !t.span[i] {
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

// labelsRecords reports whether stacked records are labelled with the
// header's cells instead of printing the header: only when there are
// columns, and every header cell labels a non-empty cell of some record, so
// no header text is lost.
func (t *table) labelsRecords() bool {
	if t.header < 0 || t.ncols < 2 {
		return false
	}
	for j, h := range t.cells[t.header] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		used := false
		for i, row := range t.cells {
			if i != t.header && !t.span[i] && strings.TrimSpace(row[j]) != "" {
				used = true
				break
			}
		}
		if !used {
			return false
		}
	}
	return true
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

// widestRun returns the width of the widest run of s without a line-break
// opportunity (trailing white space excluded): the narrowest column in which
// Wrap breaks s only where Unicode allows.
func widestRun(s string) int {
	w, state := 0, -1
	for s != "" {
		var seg string
		seg, s, _, state = uniseg.FirstLineSegmentInString(s, state)
		w = max(w, ansi.StringWidth(strings.TrimRightFunc(seg, unicode.IsSpace)))
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
