package highlight

import "strings"

// column says what the values of a table column are.
type column int

const (
	otherColumn column = iota
	targetColumn
	figureColumn
)

// cell is one tab-separated cell of a line, trimmed.
type cell struct{ start, end int }

func splitCells(text []rune, ls, le int) []cell {
	var cells []cell
	s := ls
	for k := ls; k <= le; k++ {
		if k == le || text[k] == '\t' {
			cells = append(cells, cell{s, k})
			s = k + 1
		}
	}
	return cells
}

// tableSpans marks the values of indicator tables (lines of tab-separated
// cells): a column headed by a target year or 目标值 holds targets, a column
// headed by a base year, 基期 or 完成值 holds figures. A table whose title
// row reports the past (“十三五”时期主要指标完成情况), or that reports the
// completion of its targets (2020年目标值 beside 2020年完成值), holds
// figures only.
func tableSpans(text []rune, report bool) []Span {
	var out []Span
	var cols []column
	pastTable := false
	for ls := 0; ls < len(text); {
		le, tabs := lineEnd(text, ls)
		if tabs < 2 {
			// A blank line (page break) or a short group row (一、就业)
			// keeps the table going; running text ends it.
			if n := le - ls; n > 16 || containsAny(text[ls:le], sentencePunct) {
				cols, pastTable = nil, false
			}
			ls = le + 1
			continue
		}
		cells := splitCells(text, ls, le)
		filled := 0
		for _, c := range cells {
			if c.end > c.start {
				filled++
			}
		}
		switch {
		case cols == nil && filled >= 3:
			cols = classifyHeader(text, cells)
		case cols == nil:
			seg := text[ls:le]
			if containsAny(seg, strongPast) || pastPeriodIn(seg, 0) || strings.Contains(string(seg), "完成情况") {
				pastTable = true
			}
		default:
			for k, c := range cells {
				if k >= len(cols) || cols[k] == otherColumn || !hasDigit(text[c.start:c.end]) {
					continue
				}
				kind := Figure
				if cols[k] == targetColumn && !pastTable && !report {
					kind = Target
				}
				out = append(out, Span{Start: c.start, End: c.end, Kind: kind})
			}
		}
		ls = le + 1
	}
	return out
}

// classifyHeader labels the columns of a header row; nil when the row is no
// header of an indicator table.
func classifyHeader(text []rune, cells []cell) []column {
	cols := make([]column, len(cells))
	years := make([]int, len(cells))
	maxYear, yearCols, labelled := 0, 0, false
	for k, c := range cells {
		h := string(text[c.start:c.end])
		switch {
		case strings.Contains(h, "目标") && !strings.Contains(h, "完成"):
			cols[k], labelled = targetColumn, true
		case strings.Contains(h, "基期") || strings.Contains(h, "完成") || strings.Contains(h, "现状") || strings.Contains(h, "实际"):
			cols[k], labelled = figureColumn, true
		}
		if y := headerYear(text[c.start:c.end]); y > 0 {
			years[k] = y
			yearCols++
			maxYear = max(maxYear, y)
		}
	}
	if !labelled && yearCols < 2 {
		return nil
	}
	// A column reporting completion in or after a target's year makes the
	// whole table a report: 2020年目标值 next to 2020年完成值.
	for k := range cells {
		if cols[k] != targetColumn {
			continue
		}
		for m, c := range cells {
			h := string(text[c.start:c.end])
			if (strings.Contains(h, "完成") || strings.Contains(h, "实际")) && years[m] >= years[k] {
				cols[k] = figureColumn
			}
		}
	}
	for k := range cols {
		if cols[k] != otherColumn || years[k] == 0 {
			continue
		}
		if years[k] == maxYear && !labelled {
			cols[k] = targetColumn
		} else {
			cols[k] = figureColumn
		}
	}
	return cols
}

// headerYear returns the year a header cell names (2025年, 2025), or 0.
func headerYear(h []rune) int {
	for i := 0; i+4 <= len(h); i++ {
		if i > 0 && isDigit(h[i-1]) {
			continue
		}
		e := numberEnd(h, i)
		if e-i == 4 {
			y := 0
			for _, r := range h[i:e] {
				y = y*10 + int(r-'0')
			}
			if y >= 1900 && y <= 2100 {
				return y
			}
		}
	}
	return 0
}

var sentencePunct = words("。", "；", "！", "？")

func hasDigit(s []rune) bool {
	for _, r := range s {
		if isDigit(r) {
			return true
		}
	}
	return false
}

// lineEnd returns the end of the line of text that starts at ls (the index
// of its newline, or len(text)) and how many tabs it holds: two or more make
// it a table row.
func lineEnd(text []rune, ls int) (le, tabs int) {
	le = ls
	for le < len(text) && text[le] != '\n' {
		if text[le] == '\t' {
			tabs++
		}
		le++
	}
	return le, tabs
}
