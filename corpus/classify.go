package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// lineKind is what a cleaned line looks like on its own.
type lineKind int

const (
	lineText lineKind = iota
	lineChapter
	lineSection
	linePart
	lineClause
	lineItem // 一是 / 1. / 1、
	lineBox
	lineTable
)

// classified is a cleaned line with its numbering split off.
type classified struct {
	kind   lineKind
	number string // as printed, without surrounding spaces
	value  int    // numeric value of the number, 0 when none
	rest   string // the line after the number
}

const cnDigits = `〇零一二两三四五六七八九十百`

var (
	reChapter = regexp.MustCompile(`^(第[` + cnDigits + `0-9]+章)\s*(.*)$`)
	reSection = regexp.MustCompile(`^(第[` + cnDigits + `0-9]+节)\s*(.*)$`)
	rePart    = regexp.MustCompile(`^([` + cnDigits + `]+)\s*、\s*(.*)$`)
	reClause  = regexp.MustCompile(`^([（(])\s*([` + cnDigits + `]+)\s*([）)])\s*(.*)$`)
	reShi     = regexp.MustCompile(`^([一二三四五六七八九十]+是)(.*)$`)
	reArabic  = regexp.MustCompile(`^([0-9]{1,3})\s*([.、．])\s*(.*)$`)
	reBox     = regexp.MustCompile(`^(专栏\s*[0-9` + cnDigits + `]+)\s*(.*)$`)
)

// classify decides the kind of a cleaned, non-empty line.
func classify(line string) classified {
	if isTableLine(line) && !strings.HasPrefix(line, "专栏") {
		return classified{kind: lineTable, rest: line}
	}
	line = strings.TrimRight(line, "\t ")
	// Cheap first-rune checks keep the regular expressions off the bulk of
	// lines, which are plain text.
	first, _ := utf8.DecodeRuneInString(line)
	switch {
	case first == '第':
		if m := reChapter.FindStringSubmatch(line); m != nil {
			return numbered(lineChapter, m[1], strings.TrimPrefix(strings.TrimSuffix(m[1], "章"), "第"), m[2])
		}
		if m := reSection.FindStringSubmatch(line); m != nil {
			return numbered(lineSection, m[1], strings.TrimPrefix(strings.TrimSuffix(m[1], "节"), "第"), m[2])
		}
	case first == '专':
		if m := reBox.FindStringSubmatch(line); m != nil {
			return numbered(lineBox, m[1], strings.TrimSpace(strings.TrimPrefix(m[1], "专栏")), m[2])
		}
	case first == '(' || first == '（':
		if m := reClause.FindStringSubmatch(line); m != nil {
			return numbered(lineClause, m[1]+m[2]+m[3], m[2], m[4])
		}
	case strings.ContainsRune(cnDigits, first):
		if m := rePart.FindStringSubmatch(line); m != nil {
			return numbered(linePart, m[1]+"、", m[1], m[2])
		}
		if m := reShi.FindStringSubmatch(line); m != nil && m[2] != "" {
			return numbered(lineItem, m[1], strings.TrimSuffix(m[1], "是"), m[2])
		}
	case first >= '0' && first <= '9':
		if m := reArabic.FindStringSubmatch(line); m != nil && m[3] != "" && !startsWithDigitOrUnit(m[3]) {
			return numbered(lineItem, m[1]+m[2], m[1], m[3])
		}
	}
	return classified{kind: lineText, rest: line}
}

func numbered(k lineKind, printed, digits, rest string) classified {
	v, ok := chineseNumber(strings.ReplaceAll(digits, " ", ""))
	if !ok {
		return classified{kind: lineText}
	}
	return classified{kind: k, number: strings.ReplaceAll(printed, " ", ""), value: v, rest: strings.TrimSpace(rest)}
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
