package corpus

// chineseNumber converts a Chinese numeral as used in document numbering
// (一 … 九十九, 百, 千, 零/〇, or ASCII digits) to its value; ok is false for
// anything else.
func chineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	seenUnit := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if seenUnit {
				return 0, false
			}
			cur = cur*10 + int(r-'0')
			if cur > 100000 {
				return 0, false
			}
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
			seenUnit = true
		case r == '百' || r == '千':
			if cur == 0 {
				if i != 0 {
					return 0, false
				}
				cur = 1
			}
			if r == '百' {
				total += cur * 100
			} else {
				total += cur * 1000
			}
			cur = 0
			seenUnit = true
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			cur = d
		}
	}
	return total + cur, true
}

// Numeral converts a Chinese numeral as printed in document numbering and
// cross-references (二十, 一百零三, 两, or ASCII digits) to its value; ok
// is false for anything else.
func Numeral(s string) (int, bool) { return chineseNumber(s) }
