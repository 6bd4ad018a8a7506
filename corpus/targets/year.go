package targets

// deadline is one deadline expression found in a text.
type deadline struct {
	year  int
	start int // rune offset of the expression
}

// Year returns the deadline year a phrase commits to, or 0 when it names
// none: 到2025年 and 到 2025 年底 → 2025; 2022年底前, 于2022年前 → 2022;
// “十四五”期末, “十四五”时期 and 十四五期间 → 2025 (the last year of the
// five-year plan; 十三五 → 2020 and so on). Digits may be ASCII, full-width
// or Chinese (二〇二五年). A year that is a point of comparison or a past
// reference is not a deadline: 比“十二五”期末, 截至2020年底, 较2020年 → 0, and
// so is a bare year with neither 到/至/于 before it nor 前 after it. With
// several deadlines the first counts.
func Year(s string) int {
	if ds := deadlines([]rune(s)); len(ds) > 0 {
		return ds[0].year
	}
	return 0
}

// deadlines returns the deadline expressions of rs in order.
func deadlines(rs []rune) []deadline {
	var out []deadline
	for i := 0; i < len(rs); i++ {
		if y, ok := planAt(rs, i); ok {
			out = append(out, deadline{y, i})
			i += 2
			continue
		}
		if y, n, ok := yearAt(rs, i); ok {
			out = append(out, deadline{y, i})
			i += n - 1
		}
	}
	return out
}

// planAt matches 十X五 at i (X 一 to 五), optionally in quotes, followed by
// 期末, 末, 时期 or 期间, and not preceded by a word of comparison.
func planAt(rs []rune, i int) (int, bool) {
	if i+2 >= len(rs) || rs[i] != '十' || rs[i+2] != '五' {
		return 0, false
	}
	x := 0
	switch rs[i+1] {
	case '一':
		x = 1
	case '二':
		x = 2
	case '三':
		x = 3
	case '四':
		x = 4
	case '五':
		x = 5
	default:
		return 0, false
	}
	j := skip(rs, i+3, isCloseQuote)
	switch {
	case at(rs, j, "期末"), at(rs, j, "末"), at(rs, j, "时期"), at(rs, j, "期间"):
	default:
		return 0, false
	}
	if comparison(rs, back(rs, i-1, isOpenQuote)) {
		return 0, false
	}
	return 2005 + 5*x, true
}

// yearAt matches a four-digit year followed by 年 at i, and reports the
// year and the length of the match when it is a deadline.
func yearAt(rs []rune, i int) (year, n int, ok bool) {
	if i > 0 && digit(rs[i-1]) >= 0 {
		return 0, 0, false
	}
	if i+4 > len(rs) {
		return 0, 0, false
	}
	for k := range 4 {
		d := digit(rs[i+k])
		if d < 0 {
			return 0, 0, false
		}
		year = year*10 + d
	}
	j := skip(rs, i+4, isSpace)
	if j >= len(rs) || rs[j] != '年' || year < 1900 || year > 2199 {
		return 0, 0, false
	}
	j++
	// Before: 到, 至 or 于, but not 截至 or 截止到.
	p := back(rs, i-1, isSpace)
	pre := p >= 0 && (rs[p] == '到' || rs[p] == '至' || rs[p] == '于') && !comparison(rs, p)
	// After: 前, 以前, 之前, optionally after 底 or 末.
	k := skip(rs, j, isSpace)
	if at(rs, k, "底") || at(rs, k, "末") {
		k++
	}
	post := at(rs, k, "前") || at(rs, k, "以前") || at(rs, k, "之前")
	if !pre && !post || comparison(rs, p) {
		return 0, 0, false
	}
	return year, j - i, true
}

// comparison reports whether the runes ending at p (inclusive) introduce a
// reference point rather than a deadline: 比, 较, 截至, 截止, 截止到.
func comparison(rs []rune, p int) bool {
	if p < 0 {
		return false
	}
	switch rs[p] {
	case '比', '较':
		return true
	case '至', '止':
		return p > 0 && rs[p-1] == '截'
	case '到':
		return p > 1 && rs[p-1] == '止' && rs[p-2] == '截'
	}
	return false
}

// digit returns the value of an ASCII, full-width or Chinese digit, or -1.
func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// at reports whether rs has the runes of w at i.
func at(rs []rune, i int, w string) bool {
	for _, r := range w {
		if i < 0 || i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// skip returns the first index from i whose rune is not matched by f.
func skip(rs []rune, i int, f func(rune) bool) int {
	for i < len(rs) && f(rs[i]) {
		i++
	}
	return i
}

// back returns the last index at or before i whose rune is not matched by f, or -1.
func back(rs []rune, i int, f func(rune) bool) int {
	for i >= 0 && i < len(rs) && f(rs[i]) {
		i--
	}
	return i
}

func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' }

func isCloseQuote(r rune) bool {
	return r == '”' || r == '"' || r == '」' || r == '』' || r == '\'' || r == '’' || isSpace(r)
}

func isOpenQuote(r rune) bool {
	return r == '“' || r == '"' || r == '「' || r == '『' || r == '\'' || r == '‘' || isSpace(r)
}
