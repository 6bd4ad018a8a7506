package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

var (
	reQuoted = lazyre.New(`《([^《》]{4,80})》`)
	// reAddressee is a 主送 line: 各省、自治区、直辖市人民政府，国务院各部委：
	reAddressee = lazyre.New(`^[\p{Han}、，,（）() ]{2,200}[:：]$`)
	// reNoteLine is the publication note under a signature: （此件公开发布）,
	// （2019年5月31日印发）.
	reNoteLine = lazyre.New(`^[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*[）)]$|^[（(]\s*此件[^（）()]{0,12}[）)]$|^[（(]\s*此页无正文\s*[）)]$|^[（(]\s*(信息)?公开(形式|方式|属性|选项)\s*[:：][^（）()]{1,12}[）)]$`)
	// reSealNote is the line under a signature saying whose seal stands
	// for the signer's: （国家卫生健康委代章）.
	reSealNote = lazyre.New(`^[（(][^（）()]{2,24}代章[）)]$`)
	// reTitleJunk is a lone label above a title block (附件, 附录, 附件2).
	reTitleJunk = lazyre.New(`^(附件|附录|附錄)\s*[0-9一二三四五六七八九十]*\s*[:：]?$`)
)

// maxTitleLines bounds a title block: State Council titles run to three
// lines, a fourth for an issuer line over them.
const maxTitleLines = 4

// maxTitleLineRunes bounds one line of a title: a long title on one line
// runs to about a hundred characters; running text has punctuation.
const maxTitleLineRunes = 110

// maxHeaderLines bounds how far down the front matter a 文号 or 主送 line
// anchors the title block.
const maxHeaderLines = 16

// findTitle returns the document's title and the index of the first
// front line after it: a markdown level-1 heading if there is one; else
// the title block at the top — the lines before the 文号, the 主送 line,
// the history, a date or the first paragraph, joined even when the title
// wraps mid-word; else a document that a news lead says was issued
// (印发了《…》, 《…》全文如下). It never takes a 《》 citation from a
// law's history or a document's body, and returns "" when the text has
// no title.
func findTitle(front []unit, lines []string) (string, int) {
	lines = withoutMenus(withoutTrailingNumbers(lines))
	for i, u := range front {
		if u.title {
			t := strings.TrimSpace(lines[i])
			// A heading over a transmittal that issues it (# 某办法, then
			// 某部关于印发《某办法》的通知): the transmittal's title is the
			// document's.
			if t2, end := titleBlock(lines[i+1:]); issuedBy(t, t2) {
				return t2, i + 1 + end
			}
			return t, i + 1
		}
	}
	if t, end := titleBlock(lines); t != "" {
		return t, end
	}
	if t := publishedTitle(lines); t != "" {
		return t, 0
	}
	return "", 0
}

// maxDocNumberRunes bounds a 文号 at the end of a title's line.
const maxDocNumberRunes = 24

// withoutTrailingNumbers returns lines with a 文号 set at the end of a
// title's line (国务院关于…的决定 国发〔2008〕17号, as a Word file's table or
// tab puts them side by side) taken off that line, so the title reads as
// one; lines itself is left as it is (the 文号 is read from it).
func withoutTrailingNumbers(lines []string) []string {
	var out []string
	for i, l := range lines[:min(len(lines), maxHeaderLines)] {
		if !strings.HasSuffix(l, "号") || utf8.RuneCountInString(l) > maxTitleLineRunes+maxDocNumberRunes {
			continue // most lines are passed over on bytes
		}
		loc := reDocNumber.FindStringIndex(l)
		if loc == nil || loc[1] != len(l) || loc[0] == 0 {
			continue
		}
		head := strings.TrimRight(l[:loc[0]], " \t")
		if len(head) == loc[0] || !titleShaped(head) {
			continue // no space before the number: 国发〔2008〕17号 is part of a name
		}
		out = cloneOnce(out, lines)
		out[i] = head
	}
	return orLines(out, lines)
}

// cloneOnce returns out, or a copy of lines when out is nil: the lines a
// header pass edits, copied on its first edit so the caller's stay as
// they are.
func cloneOnce(out, lines []string) []string {
	if out == nil {
		return slices.Clone(lines)
	}
	return out
}

// orLines returns out, or lines when no edit made a copy.
func orLines(out, lines []string) []string {
	if out == nil {
		return lines
	}
	return out
}

// titleBlock finds the title printed over one to four lines above the
// first line that is not a title (a 文号, 主送, history, date, note or
// sentence).
func titleBlock(lines []string) (string, int) {
	// A 文号 or 主送 line near the top anchors the block, even under a
	// preface (a saved page's note on where it came from); without one,
	// the first line that cannot be part of a title does.
	anchor := -1
	for i := 1; i < len(lines) && i < maxHeaderLines; i++ {
		// A law's history under its title ends the block too: what
		// reads as a 主送 line below it (…特作如下决定：) is its preamble.
		if isHeaderAnchor(lines[i]) || isHistoryLine(lines[i]) && firstTitleRun(lines[:i]) != "" {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		anchor = len(lines)
		for i, l := range lines {
			if !titleLike(l) {
				anchor = i
				break
			}
		}
	}
	if t := firstTitleRun(lines[:anchor]); t != "" {
		return t, anchor
	}
	// A red-headed document (发文机关 文件 over its 文号) prints its title
	// under the 文号, before the 主送 line.
	if anchor < len(lines) && isHeaderAnchor(lines[anchor]) {
		start := anchor + 1
		for start < len(lines) && ruleLine(lines[start]) {
			start++ // the red line under the 文号
		}
		end := start
		for end < len(lines) && end-start < maxTitleLines && titleLike(lines[end]) {
			end++
		}
		if t := firstTitleRun(lines[start:end]); t != "" {
			return t, end
		}
	}
	return "", 0
}

// firstTitleRun returns the first run of title lines that reads as a
// title: lines under it (〔A类〕, a secrecy mark) and labels over it (附件)
// are not part of it. A run is every title-like line in a row, however
// many: a saved page's navigation (首页 / 政务公开 / 规范性文件) runs
// straight into the title, which is found nearest the run's end.
func firstTitleRun(lines []string) string {
	for start := 0; start < len(lines); {
		if !titleLike(lines[start]) {
			start++
			continue
		}
		end := start
		for end < len(lines) && titleLike(lines[end]) {
			end++
		}
		if t := shapedRun(lines[start:end]); t != "" {
			return t
		}
		start = end
	}
	return ""
}

// shapedRun returns the longest stretch of at most maxTitleLines lines of
// run, nearest its end, that joins into a title with nothing but its
// issuers over its 关于, or "".
func shapedRun(run []string) string {
	for end := len(run); end > 0; end-- {
		for k := max(0, end-maxTitleLines); k < end; k++ {
			if reTitleJunk.MatchString(run[k]) {
				continue
			}
			if t := joinTitle(run[k:end]); titleShaped(t) && issuersOver(run[k:end]) {
				return printedTwice(run[k:end], t)
			}
		}
	}
	return ""
}

// printedTwice returns the title the lines of a run print twice — a
// printed page's running header or a saved page's heading over the title
// set over its own lines, the first maybe with a note in brackets after
// it (某规范(居住证办理) / 某规范 over two lines) — once; else t, the run
// joined.
func printedTwice(run []string, t string) string {
	for j := 1; j < len(run); j++ {
		head, tail := joinTitle(run[:j]), joinTitle(run[j:])
		if !titleShaped(tail) || !strings.HasPrefix(head, tail) {
			continue
		}
		if note := head[len(tail):]; note == "" || reBracketNote.MatchString(note) {
			return tail
		}
	}
	return t
}

// reBracketNote is a short note in brackets after a title: (居住证办理).
var reBracketNote = lazyre.New(`^\s*[（(][^（）()]{1,12}[）)]$`)

// issuersOver reports whether whatever a title's lines print before its
// 关于 names its issuers, as a title does ([国家发展改革委办公厅 /
// 国家能源局综合司]关于…的通知): the lines above the one 关于 is on are
// organ names, and so is that line's text before it (or, a name broken
// over the lines, the line above with it). Navigation over a
// title (在线办事 / 专题专栏 / 关于…的通知) is not. A 关于 inside a cited
// title (印发《关于…》的通知) and a title without 关于 are not judged.
func issuersOver(lines []string) bool {
	for i, l := range lines {
		j := strings.Index(l, "关于")
		if j < 0 {
			continue
		}
		before := strings.TrimSpace(l[:j])
		if strings.ContainsAny(before, "《〈") {
			return true
		}
		above := lines[:i]
		if before != "" && !isOrganLine(before) && len(above) > 0 {
			// A name broken at a narrow column's edge (国家发展改革委
			// 国家能源 / 局关于…): the line above finishes with it.
			if !isOrganLine(above[len(above)-1] + before) {
				return false
			}
			above, before = above[:len(above)-1], ""
		}
		for _, a := range above {
			if !isOrganLine(a) && !forwards(a) {
				return false
			}
		}
		if before != "" && !isOrganLine(before) {
			return false
		}
		// A second title's 关于 further down (a page's heading over the
		// document's own title): two titles, not one — unless this one
		// transmits another (…关于转发 / 省发展改革委关于…).
		if transmits(l[j:]) {
			return true
		}
		for _, l := range lines[i+1:] {
			if opensTitle(l) {
				return false
			}
		}
		return true
	}
	return true
}

// forwards reports the head of a title that forwards another's document
// over its 关于 (某省人民政府办公厅转发省教育厅等部门): organs, 转发, then
// organs or a short list ending in 等部门 or 等单位.
func forwards(l string) bool {
	by, rest, ok := strings.Cut(l, "转发")
	if !ok || !isOrganLine(by) {
		return false
	}
	for _, etc := range []string{"等部门", "等单位"} {
		if r, cut := strings.CutSuffix(rest, etc); cut && r != "" && isOrganLine(r) {
			return true
		}
	}
	return isOrganLine(rest)
}

// transmits reports a title's 关于 that transmits or issues another
// document: 关于转发…, 关于印发….
func transmits(s string) bool {
	s = strings.TrimPrefix(s, "关于")
	return strings.HasPrefix(s, "转发") || strings.HasPrefix(s, "印发")
}

// opensTitle reports a line that starts a title of its own: 关于 at its
// start or after organ names only (国家发展改革委关于…), not a
// transmittal's (转发国家发展改革委关于…) nor a cited one's (印发《关于…》).
func opensTitle(l string) bool {
	j := strings.Index(l, "关于")
	if j < 0 {
		return false
	}
	before := strings.TrimSpace(l[:j])
	if strings.ContainsAny(before, "《〈") || strings.HasPrefix(before, "转发") || strings.HasPrefix(before, "印发") {
		return false
	}
	return before == "" || isOrganLine(before)
}

// titleLike reports a line that can be part of a title block: short, no
// sentence punctuation, and not a 文号, date, history or organ-list line.
func titleLike(l string) bool {
	n := utf8.RuneCountInString(l)
	if n == 0 || n > maxTitleLineRunes || strings.ContainsAny(l, "。，,；;：:！？") {
		return false
	}
	if ruleLine(l) {
		return false
	}
	// A line opening with a full date opens a history, even one whose
	// event the next line finishes.
	return !isHeaderAnchor(l) && dateLine(l) == "" && !reHistoryLine.MatchString(l) && !reNoteLine.MatchString(l)
}

// ruleLine reports a line drawn with dashes or box rules (the red line
// under a letterhead: ━━━━, ———, ----).
func ruleLine(l string) bool {
	return strings.TrimFunc(l, func(r rune) bool {
		return r >= 0x2500 && r <= 0x257F || strings.ContainsRune("-—－=＝_＿~～·", r) || r == ' '
	}) == ""
}

// withoutMenus returns lines with a site's menus blanked: a run of link
// lines (linkList) one of which holds a toolbar or menu item (首页 广东概况
// 政务公开 网上办事, then 热词 省政府权责清单 政府工作报告, as a page printed
// to PDF keeps them). A title printed with spaces between its words
// (某某市 2024年 政府工作报告) names no menu item and stays. lines itself is
// left as it is.
func withoutMenus(lines []string) []string {
	var out []string
	for i := 0; i < len(lines) && i < maxHeaderLines; {
		j := i
		marked := false
		for j < len(lines) && linkList(lines[j]) {
			marked = marked || slices.ContainsFunc(strings.Fields(lines[j]), toolbarItem)
			j++
		}
		if marked {
			out = cloneOnce(out, lines)
			for k := i; k < j; k++ {
				out[k] = ""
			}
		}
		i = max(j, i+1)
	}
	return orLines(out, lines)
}

// linkList reports a line of items set apart by spaces, as a site's links
// are: three or more items of two to eight characters, none a piece of a
// title (关于, 《》), not organ names side by side.
func linkList(l string) bool {
	items := strings.Fields(l)
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		n := utf8.RuneCountInString(it)
		if n < 2 || n > 8 || strings.Contains(it, "关于") || strings.ContainsAny(it, "《》〈〉") {
			return false
		}
	}
	return organNames(l) == nil
}

// isHeaderAnchor reports a line that follows a title block: a 文号 line or
// a 主送 line.
func isHeaderAnchor(l string) bool {
	// Both patterns end in 号: most lines have none. A metadata table's
	// row (发文字号：国发〔2015〕67号) sits over the title, not under it.
	if utf8.RuneCountInString(l) < 40 && strings.Contains(l, "号") && (reDocNumber.MatchString(l) || reDecree.MatchString(l)) && !reMetaRow.MatchString(l) {
		return true
	}
	return (strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：")) && reAddressee.MatchString(l)
}

// joinTitle joins the lines of a title block: a title wraps mid-word, so
// lines join with nothing between them — but for a line of issuers
// printed apart with spaces that ends on an organ's name, which joins the
// next issuer with a space (卫生健康委 教育部 财政部 人力资源社会保障部 /
// 医保局 药监局关于…), not the 关于 or 印发 after the last — and spaces
// set between Han characters for layout (国 务 院) go.
func joinTitle(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 && issuerLineEnds(lines[i-1]) && !strings.HasPrefix(l, "关于") && !strings.HasPrefix(l, "印发") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	t := squeezeHanSpaces(b.String())
	// A title printed in its book-title marks (《深圳经济特区居住证条例》).
	if inner, ok := strings.CutPrefix(t, "《"); ok && strings.HasSuffix(inner, "》") && !strings.ContainsAny(inner[:len(inner)-len("》")], "《》") {
		t = strings.TrimSuffix(inner, "》")
	}
	return t
}

// reMetaRow is a row of a metadata table printed as text: a label and its
// colon (发文字号：, 索 引 号：).
var reMetaRow = lazyre.New(`^\s*(索\s*引\s*号|发文字号|文\s*号|发文机关|成文日期|发布日期|标\s*题|主\s*题\s*词|主题分类)\s*[：:]`)

// issuerLineEnds reports a title line, before its 关于, that prints
// issuers apart with spaces and ends on the name of one.
func issuerLineEnds(l string) bool {
	l = strings.TrimSpace(l)
	if strings.Contains(l, "关于") || !strings.Contains(l, " ") {
		return false
	}
	pieces := strings.Fields(l)
	for _, p := range pieces {
		if utf8.RuneCountInString(p) < 2 || !endsOrgan(p) {
			return false
		}
	}
	return true
}

// squeezeHanSpaces drops spaces that have a Han character (or CJK
// punctuation) on either side — letter-spacing (国 务 院), a space before
// 《 or 关于, one inside a phrase (做好 就业) — keeping those between Latin
// words, and one space after an organ's name before another's: a title's
// joint issuers (国家发展改革委 国家数据局关于…), as the issuers print them.
func squeezeHanSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && (i == 0 || i == len(rs)-1 || isWide(rs[i-1]) || isWide(rs[i+1])) && !betweenHanWords(rs, i) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// betweenHanWords reports a space at rs[i] that parts two organs' names:
// a run of Han characters ending like an organ's name before it, and one
// of two characters or more after it that does not open with 关于 or 印发.
func betweenHanWords(rs []rune, i int) bool {
	from := i
	for from > 0 && unicode.Is(unicode.Han, rs[from-1]) {
		from--
	}
	to := i + 1
	for to < len(rs) && unicode.Is(unicode.Han, rs[to]) {
		to++
	}
	before, after := string(rs[from:i]), string(rs[i+1:to])
	return utf8.RuneCountInString(before) >= 2 && endsOrgan(before) && utf8.RuneCountInString(after) >= 2 &&
		!strings.HasPrefix(after, "关于") && !strings.HasPrefix(after, "印发")
}

func isWide(r rune) bool { return r >= 0x2E80 }

// titleShaped reports text that reads as a document title: it ends like
// one (…的通知, …条例, …实施意见) and is neither a fragment nor a paragraph.
func titleShaped(t string) bool {
	n := utf8.RuneCountInString(t)
	return n >= 4 && n <= 120 && endsLikeTitle(t) && !reTitleJunk.MatchString(t)
}

// publishedTitle finds the document a news lead, a transmittal or an order
// says was issued: 印发了《关于…的意见》, 《…》全文如下, 现将《…》印发给你们,
// 《…法》已由…通过，现予公布 (a government's order: 《…办法》已经…常务会议通过，
// 现予公布). A 《》 citation anywhere else is another document, not this
// one's title.
func publishedTitle(lines []string) string {
	for _, l := range lines {
		for _, m := range reQuoted.FindAllStringSubmatchIndex(l, -1) {
			inner := l[m[2]:m[3]]
			before, after := l[:m[0]], l[m[1]:]
			issued := strings.HasSuffix(before, "印发了") || strings.HasSuffix(before, "印发") ||
				strings.HasPrefix(after, "全文如下") || strings.HasPrefix(after, "已经") && strings.Contains(after, "印发给你们") ||
				strings.HasSuffix(before, "现将") && strings.Contains(after, "印发给你们") ||
				promulgates(after) // a presidential, State Council or government order
			if issued && titleShaped(inner) {
				// A title cited inside the order's 《》 is printed in 〈〉.
				return strings.NewReplacer(" ", "", "〈", "《", "〉", "》").Replace(inner)
			}
		}
	}
	return ""
}

// transmittedTitle returns X for a transmittal title 关于印发《X》的通知 (or
// 关于印发X的通知), and "" for any other title.
func transmittedTitle(t string) string {
	i := strings.Index(t, "关于印发")
	if i < 0 {
		i = strings.Index(t, "关于转发")
	}
	if i < 0 {
		return ""
	}
	rest := strings.TrimSuffix(t[i+len("关于印发"):], "的通知")
	if rest == t[i+len("关于印发"):] {
		return ""
	}
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "《"), "》")
	if rest == "" || strings.Contains(rest, "》") {
		return ""
	}
	return rest
}

// titleSuffixes end a document's title (意见, 通知, 条例 …).
var titleSuffixes = []string{"意见", "通知", "规划", "办法", "方案", "决定", "决议", "函", "报告", "纲要", "条例", "规定", "细则", "批复", "公告", "通告", "计划", "措施", "指引", "指南", "法", "解释", "规则", "规范", "标准", "实施意见", "公报", "清单", "通报", "答复", "复函"}

// endsLikeTitle reports a string ending in a document kind, before at most
// one closing bracket or a short bracketed note on the version
// (…诊疗方案（试行第十版）, …管理办法（2023年修订）).
func endsLikeTitle(t string) bool {
	closed := true
	if strings.HasSuffix(t, ")") {
		t = t[:len(t)-1]
	} else if u := strings.TrimSuffix(t, "）"); u != t {
		t = u
	} else {
		closed = false
	}
	if hasAnySuffix(t, titleSuffixes) {
		return true
	}
	i := max(strings.LastIndex(t, "（"), strings.LastIndex(t, "("))
	if !closed || i <= 0 {
		return false
	}
	note := t[i:]
	_, open := utf8.DecodeRuneInString(note)
	n := utf8.RuneCountInString(note[open:])
	return n > 0 && n <= maxVersionNote && !strings.ContainsAny(note[open:], "（()）") && hasAnySuffix(t[:i], titleSuffixes)
}

// maxVersionNote bounds a bracketed note after a title's kind, in runes.
const maxVersionNote = 10
