package corpus

import (
	"strings"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

// classified is a cleaned line with its numbering split off.
type classified struct {
	marker Marker
	number string // as printed, without surrounding spaces
	value  int    // numeric value of the number, 0 when none
	sub    int    // the 之一 of 第X条之一, 0 when none
	rest   string // the line after the number
}

const cnDigits = `〇零一二两三四五六七八九十百千`

var (
	reDivision = lazyre.New(`^(第[` + cnDigits + `0-9]+(分编|编|章|节))\s*`)
	rePart     = lazyre.New(`^([` + cnDigits + `]+)\s*、\s*`)
	reClause   = lazyre.New(`^([（(])\s*([` + cnDigits + `]+)\s*([）)])\s*`)
	reShi      = lazyre.New(`^([一二三四五六七八九十]+是)`)
	reArabic   = lazyre.New(`^([0-9]{1,3})\s*([.、．])\s*`)
	reBox      = lazyre.New(`^(专栏\s*[0-9` + cnDigits + `]+)\s*`)
)

var divisionMarkers = map[string]Marker{"编": MarkVolume, "分编": MarkSubVolume, "章": MarkChapter, "节": MarkSection}

// classify reads the numbering a cleaned, non-empty line opens with. It
// says what the line looks like; the document's grammar says what that
// makes it.
func classify(line string) classified {
	if isTableLine(line) && !strings.HasPrefix(line, "专栏") {
		return classified{marker: MarkTable, rest: line}
	}
	line = strings.TrimRight(line, "\t ")
	// Cheap first-rune checks keep the regular expressions off the bulk of
	// lines, which are plain text.
	first, _ := utf8.DecodeRuneInString(line)
	switch {
	case first == '第':
		if m := matchPrefix(reDivision, line, 3); m != nil && !continuesText(line[len(m[1]):]) {
			digits := strings.TrimSuffix(strings.TrimPrefix(m[1], "第"), m[2])
			return numbered(line, divisionMarkers[m[2]], m[1], digits, m[3])
		}
		if c, ok := classifyArticle(line); ok {
			return c
		}
	case first == '专':
		if m := matchPrefix(reBox, line, 2); m != nil {
			return numbered(line, MarkBox, m[1], strings.TrimSpace(strings.TrimPrefix(m[1], "专栏")), m[2])
		}
	case first == '(' || first == '（':
		if m := matchPrefix(reClause, line, 4); m != nil {
			return numbered(line, MarkParen, m[1]+m[2]+m[3], m[2], m[4])
		}
	case strings.ContainsRune(cnDigits, first):
		if m := matchPrefix(rePart, line, 2); m != nil {
			return numbered(line, MarkEnum, m[1]+"、", m[1], m[2])
		}
		if m := matchPrefix(reShi, line, 2); m != nil && m[2] != "" {
			return numbered(line, MarkShi, m[1], strings.TrimSuffix(m[1], "是"), m[2])
		}
	case first >= '0' && first <= '9':
		if m := matchPrefix(reArabic, line, 3); m != nil && m[3] != "" && !startsWithDigitOrUnit(m[3]) {
			return numbered(line, MarkArabic, m[1]+m[2], m[1], m[3])
		}
	}
	return classified{marker: MarkText, rest: line}
}

// matchPrefix matches re, anchored at the start and with no trailing
// `(.*)$`, against line and returns its submatches with the rest of the
// line after the match as submatch rest (the last one): what
// FindStringSubmatch of re followed by `(.*)$` gave, without the
// backtracker walking every long line to its end.
func matchPrefix(re *lazyre.RE, line string, rest int) []string {
	m := re.FindStringSubmatch(line)
	if len(m) != rest { // no match (the group count is fixed per expression)
		return nil
	}
	return append(m, line[len(m[0]):])
}

// foreignWords are the runes after 外 of the words an article may open
// with: 外交, 外国, 外商, 外汇, 外资, 外籍, 外贸.
const foreignWords = "交国商汇资籍贸"

// articleContinuations are the runes that, right after 第X条 with no space,
// show running text that a page break left at the start of a line
// (第九条规定的…, 第九条第二款, 第九条、第十条) rather than an article.
const articleContinuations = "第、，。；：的规至款项和或及与所之外后前起）)》〉”"

// continuesText reports what follows a 第X章 or 第X条 with no space when it
// is running text a line break left there (第二章规定的…, 第九条中的), not a
// title or an article's own text (第三条中华人民共和国公民…).
func continuesText(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if after == "" || r == ' ' {
		return false
	}
	if r == '外' {
		// 除第九条外，… and 第九条外还应当… continue a sentence; 第十条外交
		// 活动…, 第十条外国人… and 第三条外商投资… are the article's own
		// text: 外 opens one of the words foreign affairs are named by.
		next, _ := utf8.DecodeRuneInString(after[len("外"):])
		return !strings.ContainsRune(foreignWords, next)
	}
	if strings.ContainsRune(articleContinuations, r) {
		return true
	}
	for _, p := range []string{"中的", "中规定", "中所", "中列"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// maxArticleDigits bounds the numeral of an article (第一千二百六十条).
const maxArticleDigits = 8

// classifyArticle reads 第X条 (第X条之一) as an article heading when a space
// or the article's own text follows, and as running text otherwise.
func classifyArticle(line string) (classified, bool) {
	rest, ok := strings.CutPrefix(line, "第")
	if !ok {
		return classified{}, false
	}
	digits, rest := leadingRunes(rest, cnDigits+"0123456789", maxArticleDigits)
	rest, ok = strings.CutPrefix(rest, "条")
	if digits == "" || !ok {
		return classified{}, false
	}
	number := "第" + digits + "条"
	sub := ""
	if after, ok := strings.CutPrefix(rest, "之"); ok {
		if sub, after = leadingRunes(after, "一二三四五六七八九十", 3); sub != "" {
			number += "之" + sub
			rest = after
		}
	}
	text := strings.TrimLeft(rest, " \t")
	if text == rest && (rest == "" || continuesText(rest)) {
		return classified{}, false
	}
	c := numbered(line, MarkArticle, number, digits, text)
	if c.marker != MarkArticle {
		return classified{}, false
	}
	if sub != "" {
		c.sub, _ = chineseNumber(sub)
	}
	return c, true
}

// leadingRunes splits off the longest prefix of s, at most max runes, made
// of runes in set.
func leadingRunes(s, set string, max int) (prefix, rest string) {
	i, n := 0, 0
	for i < len(s) && n < max {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(set, r) {
			break
		}
		i += size
		n++
	}
	return s[:i], s[i:]
}

// numbered builds the classification of a numbered line; a number that is
// not one (百二、) leaves the whole line as text.
func numbered(line string, m Marker, printed, digits, rest string) classified {
	v, ok := chineseNumber(strings.ReplaceAll(digits, " ", ""))
	if !ok {
		return classified{marker: MarkText, rest: line}
	}
	return classified{marker: m, number: strings.ReplaceAll(printed, " ", ""), value: v, rest: strings.TrimSpace(rest)}
}

// startsWithDigitOrUnit rejects "2.5 以内" style decimals read as "2." items.
func startsWithDigitOrUnit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r == '%'
}

// isTableLine reports a tab-separated row: at least two tabs.
func isTableLine(line string) bool { return strings.Count(line, "\t") >= 2 }

// splitRow splits a table line into trimmed cells, dropping empty trailing cells.
func splitRow(line string) []string {
	cells := strings.Split(line, "\t")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// sentenceEnd reports whether a paragraph ends a sentence, so a following
// line is a new paragraph rather than the continuation of a page-broken one.
func sentenceEnd(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '：', ':', '…':
		return true
	case '”', '’', '」', '』', '）', ')', '】', ']':
		prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		return prev == '。' || prev == '！' || prev == '？' || prev == '；' || prev == '.' || r == '）' || r == ')'
	case '.':
		return true
	}
	return false
}

// maxLeadRunes bounds a lead phrase: "（三）强化就业优先政策创造流动机会。" has a
// 14-rune lead; a 40-rune first sentence is a sentence, not a heading.
const maxLeadRunes = 40

// splitLead splits "强化就业优先政策创造流动机会。建立…" into its lead phrase
// and the remaining text. The lead ends at the first 。 (or ！？); it must
// be at most maxLeadRunes long. ok is false when there is no such lead.
func splitLead(s string) (lead, rest string, ok bool) {
	i := strings.IndexAny(s, "。！？")
	if i < 0 {
		return "", s, false
	}
	lead = strings.TrimSpace(s[:i])
	_, size := utf8.DecodeRuneInString(s[i:])
	rest = strings.TrimSpace(s[i+size:])
	n := utf8.RuneCountInString(lead)
	if n == 0 || n > maxLeadRunes {
		return "", s, false
	}
	return lead, rest, true
}
