package targets

import (
	"strings"
	"unicode"

	"policyreader/corpus"
	"policyreader/corpus/internal/lazyre"
)

var reYearCell = lazyre.New(`(?:19|20)\d{2}`)

// tableContext describes a target that sits in a cell of a Table node, as
// the indicator table of a five-year plan has them: a bare "[550]" means
// nothing without its row and column. It returns the row's indicator, the
// cell and the row's unit ("城镇新增就业人数：[550] 万人") and the year the
// cell's column heading names ("2025年"), or ok false when n is not a
// table or start lies outside its cells.
func tableContext(n *corpus.Node, rs []rune, start int) (phrase string, year int, ok bool) {
	if n.Kind != corpus.Table || len(n.Rows) == 0 {
		return "", 0, false
	}
	row, col := 0, 0
	for _, r := range rs[:start] {
		switch r {
		case '\n':
			row, col = row+1, 0
		case '\t':
			col++
		}
	}
	if row >= len(n.Rows) || col >= len(n.Rows[row]) {
		return "", 0, false
	}
	cells := n.Rows[row]
	header := tableHeader(n.Rows)
	indicator, unit := "", ""
	for i, c := range cells {
		if i == col {
			continue
		}
		if indicator == "" && hasHan(c) {
			indicator = c
		}
		if i < len(header) && strings.ReplaceAll(header[i], " ", "") == "单位" && c != "—" {
			unit = c
		}
	}
	phrase = cells[col]
	if unit != "" {
		phrase += " " + unit
	}
	if indicator != "" {
		phrase = indicator + "：" + phrase
	}
	if col < len(header) {
		if m := reYearCell.FindString(header[col]); m != "" {
			year = int(m[0]-'0')*1000 + int(m[1]-'0')*100 + int(m[2]-'0')*10 + int(m[3]-'0')
		}
	}
	return phrase, year, true
}

// tableHeader returns the first row with three or more filled cells: the
// column headings (序号 指标 单位 2020年 2025年 …).
func tableHeader(rows [][]string) []string {
	for _, r := range rows {
		filled := 0
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if filled >= 3 {
			return r
		}
	}
	return nil
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
