package corpus

import (
	"strings"
	"unicode/utf8"
)

// A page that sets each part of a date in its own element saves the
// signature's date one piece a line (2019 / 年 / 11 / 月 / 15 / 日).
// joinSplitDates puts such a date back on one line, so it reads as the
// date it is.

// maxDatePieces bounds the lines a split date is spread over: year, 年,
// month, 月, day, 日.
const maxDatePieces = 6

// maxDatePieceRunes bounds one piece: a year, with or without its 年
// (二〇〇九年).
const maxDatePieceRunes = 5

// joinSplitDates joins runs of short date pieces that make a date line.
func joinSplitDates(us []unit) []unit {
	out := us[:0:0]
	for i := 0; i < len(us); i++ {
		if n := splitDateAt(us, i); n > 0 {
			u := us[i]
			var b strings.Builder
			for _, p := range us[i : i+n] {
				b.WriteString(strings.TrimSpace(p.text))
			}
			u.text = b.String()
			out = append(out, u)
			i += n - 1
			continue
		}
		out = append(out, us[i])
	}
	return out
}

// splitDateAt returns how many units from i join into a date line, or 0.
func splitDateAt(us []unit, i int) int {
	var b strings.Builder
	for n := 1; n <= maxDatePieces && i+n <= len(us); n++ {
		p := strings.TrimSpace(us[i+n-1].text)
		if !datePiece(p) {
			return 0
		}
		b.WriteString(p)
		if n > 1 && dateLine(b.String()) != "" {
			return n
		}
	}
	return 0
}

// datePiece reports a short piece of a date: digits, a Chinese numeral,
// or 年 月 日.
func datePiece(s string) bool {
	if len(s) > maxDatePieceRunes*utf8.UTFMax {
		return false
	}
	n := utf8.RuneCountInString(s)
	if n == 0 || n > maxDatePieceRunes {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune("年月日〇零○一二三四五六七八九十", r) {
			return false
		}
	}
	return true
}
