package corpus

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

var (
	reDocNumber  = lazyre.New(`[\p{Han}]{1,10}[〔\[［(（【]\s*(19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号`)
	reDateLine   = lazyre.New(`^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	reDateLineCN = lazyre.New(`^([〇零○OoＯ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$`)
	reDateline   = lazyre.New(`(\d{1,2})\s*月\s*(\d{1,2})\s*日电`)
	// reIssuedBy is a news lead's issuer: 近日，国务院办公厅印发了…; never a
	// name inside a citation (《中共中央印发…》).
	reIssuedBy   = lazyre.New(`(?:^|[，。；：:,\s])([^，。；：:,\s《》（）()〔〕]+)印发`)
	reYearInName = lazyre.New(`(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)`)
)

// provinces lists the provincial-level names a Short label is drawn from.
var provinces = []string{"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}

// extractMetadata fills title, issuers, 文号, date, history and the short
// label from the front matter, the closing matter (the signature block),
// and the body (a signature inside it).
func extractMetadata(d *Document, front, body, closing []unit) {
	lines, tail := trimmedTexts(front), trimmedTexts(closing)
	signers, signed := bodySignature(body)
	title, titleEnd := findTitle(front, lines)
	d.Title = title
	if d.Title == "" {
		d.Title = fileTitle(d.Source)
	}
	// The history may follow the title printed again over a line or two.
	history, _ := historyBlock(lines, titleEnd)
	for skip := 1; len(history) == 0 && skip <= maxTitleLines && titleEnd+skip < len(lines); skip++ {
		if titleLike(lines[titleEnd+skip-1]) {
			history, _ = historyBlock(lines, titleEnd+skip)
		}
	}
	d.History = history
	issuers, date := lawFacts(history)
	d.Issuers = issuers
	if len(d.Issuers) == 0 {
		d.Issuers = findIssuers(lines, tail, signers, d.Title)
	}
	d.DocNumber = findDocNumber(append(append([]string{}, lines...), tail...))
	if d.DocNumber == "" {
		d.DocNumber = bareDecreeNumber(lines)
	}
	d.Date = date
	if d.Date == "" {
		d.Date = findDate(lines, tail, signed, len(signers) > 0, d.Source)
	}
	d.Short = shortLabel(d)
}

// findDocNumber returns the first 文号 (粤府办〔2021〕32号, 国令第707号) on a
// short line: a long line cites other documents' numbers.
func findDocNumber(lines []string) string {
	for i, l := range lines {
		// A decree printed as a line of the header, not one a sentence
		// cites.
		if d := decreeAt(lines, i); d != "" {
			return d
		}
		// Both numbers end in 号: most lines are passed over on bytes.
		if !strings.Contains(l, "号") || utf8.RuneCountInString(l) >= 60 {
			continue
		}
		if m := reDocNumber.FindString(l); m != "" {
			return strings.ReplaceAll(m, " ", "")
		}
	}
	return ""
}

// trimmedTexts returns the units' texts without surrounding tabs and
// spaces, what the metadata passes read: a history, date, 文号 or decree
// line in full-width digits with ASCII ones (halfWidthDigits), so they
// read, and are kept, as any other; a title keeps its digits as printed.
func trimmedTexts(us []unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		t := strings.Trim(u.text, "\t ")
		if f := halfWidthDigits(t); f != t && (reHistoryLine.MatchString(f) || dateLine(f) != "" || reDocNumber.MatchString(f) || reDecree.MatchString(f)) {
			t = f
		}
		out[i] = t
	}
	return out
}

// bodySignature reads the first signature inside the body — a date alone
// on its line, organ lines over it and another document's title under it
// — for a file that holds more than one document (a compilation): the
// organs and the date, or nothing. That signature names the document's
// issuers before the closing matter does, which in such a file is the
// last document's.
func bodySignature(body []unit) (organs []string, date string) {
	for i, u := range body {
		if u.cls.marker != MarkText {
			continue
		}
		if date = dateLine(strings.Trim(u.text, "\t ")); date == "" {
			continue
		}
		from := i
		for from > 0 && i-from < maxSignatureLines && body[from-1].cls.marker == MarkText && isOrganLine(strings.Trim(body[from-1].text, "\t ")) {
			from--
		}
		rest := body[i+1:]
		if !titleFollows(rest) && (from == i || !onlyStub(rest)) {
			// No document after it, nor organs over it and only a
			// fragment under it: a date in a table (责任单位 /
			// 市住房城乡建设局 / 2024年12月31日) or in a sentence.
			date = ""
			continue
		}
		return signatureOrgans(trimmedTexts(body[from:i+1]), true), date
	}
	return nil, ""
}

// titleFollows reports a title over the first lines of us: another
// document starts there.
func titleFollows(us []unit) bool {
	n := min(len(us), maxTitleLines)
	return firstTitleRun(trimmedTexts(us[:n])) != ""
}

// onlyStub reports a few title-like lines and nothing else: the start of
// another document cut off where the file ends.
func onlyStub(us []unit) bool {
	if len(us) == 0 || len(us) > maxTitleLines {
		return false
	}
	for _, u := range us {
		if u.cls.marker != MarkText || !titleLike(strings.Trim(u.text, "\t ")) {
			return false
		}
	}
	return true
}

// findIssuers returns the issuers a signature block names (signers, of
// one inside the body, else the closing matter's), else organ lines in
// the front matter, else an 印发 sentence's organs, else the organ a
// title opens with (国家发展改革委关于…).
func findIssuers(front, tail, signers []string, title string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	// A signature block names the issuers; without one, organ lines in the
	// front matter: a transmittal's signature (over its date: not the
	// issued text's own list of issuers under its title), else an issuer
	// line over the title.
	for _, group := range [][]string{signers, signatureOrgans(tail, true), signatureOrgans(front, true), signatureOrgans(front, false)} {
		for _, o := range group {
			add(o)
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, l := range front {
		if m := reIssuedBy.FindStringSubmatch(l); m != nil {
			for _, org := range strings.Split(m[1], "、") {
				if endsOrgan(org) {
					add(org)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	// The title's issuers (国家发展改革委 国家数据局关于…, 财政部、税务总局关于…),
	// unless it shortens them (市教委关于…) where a red-headed document's
	// letterhead (天津市教育委员会文件) names them in full.
	var named []string
	if i := strings.Index(title, "关于"); i > 0 && endsOrgan(strings.TrimSpace(title[:i])) {
		prefix := strings.TrimSpace(title[:i])
		named = spacedOrgans(front, title[:i])
		if named == nil && strings.Contains(prefix, "、") {
			named = organNames(prefix)
		}
		if named == nil {
			named = []string{prefix}
		}
	}
	if len(named) == 0 || len(named) == 1 && shortened(named[0]) {
		for _, o := range letterheadOrgans(front) {
			add(o)
		}
		if len(out) > 0 {
			return out
		}
	}
	if len(named) > 0 {
		for _, o := range named {
			add(o)
		}
		return out
	}
	// A rule published by decree (上海市人民政府令 / （第19号）, signed by
	// the mayor): the organ whose decree it is — a decree printed as the
	// header, not one a sentence cites.
	add(decreeOrgan(decreeHeader(front)))
	if len(out) == 0 {
		// Its order's sentence names the government whose meeting
		// passed it where the decree's header is not printed as text.
		add(promulgatingOrgan(front, title))
	}
	return out
}

// shortened reports an organ a title names without its place, by its
// level and a short form (市教委, 省政府): a letterhead says more.
func shortened(organ string) bool {
	r, _ := utf8.DecodeRuneInString(organ)
	return strings.ContainsRune("省市县区", r) && utf8.RuneCountInString(organ) <= 5
}

// maxLetterheadLine is how far down the front matter a letterhead is
// looked for.
const maxLetterheadLine = 4

// letterheadOrgans returns the organs a red-headed document's letterhead
// names (某某委员会文件; 中共某市委 某市人民政府文件), or nil.
func letterheadOrgans(front []string) []string {
	for _, l := range front[:min(len(front), maxLetterheadLine)] {
		name, ok := strings.CutSuffix(strings.TrimSpace(l), "文件")
		if !ok || name == "" {
			continue
		}
		if organs := organNames(strings.TrimSpace(name)); organs != nil {
			return organs
		}
	}
	return nil
}

// spacedOrgans returns the organs a title's issuers (prefix, its text
// before 关于 with spaces squeezed) name when the title's line prints them
// apart with spaces (国家发展改革委 国家数据局关于…): each a name of its
// own. Nil when no front line prints prefix so, or a piece is no organ.
func spacedOrgans(front []string, prefix string) []string {
	for _, l := range front {
		l = strings.Trim(l, " \t")
		if !strings.Contains(l, " ") || !strings.HasPrefix(noSpaces(l), noSpaces(prefix)) {
			continue
		}
		i := strings.Index(l, "关于")
		if i < 0 || noSpaces(l[:i]) != noSpaces(prefix) {
			continue
		}
		pieces := strings.Fields(l[:i])
		for _, o := range pieces {
			if utf8.RuneCountInString(o) < 2 || !endsOrgan(o) {
				return nil
			}
		}
		if len(pieces) > 1 {
			return pieces
		}
	}
	return nil
}

// noSpaces is s without its spaces.
func noSpaces(s string) string { return strings.ReplaceAll(s, " ", "") }

// decreeHeader returns the decree number printed as a line of the header
// (国务院令第709号, or 某市人民政府令 over （第19号）), or "".
func decreeHeader(lines []string) string {
	for i := range lines {
		if d := decreeAt(lines, i); d != "" {
			return d
		}
	}
	return ""
}

// decreeAt returns the decree number lines[i] is, alone in brackets or
// not, or begins over the next line (中华人民共和国主席令 / （第五号）), or "".
func decreeAt(lines []string, i int) string {
	l := strings.Trim(lines[i], " \t")
	if !strings.Contains(l, "令") {
		return ""
	}
	if i+1 < len(lines) && strings.HasSuffix(l, "令") && utf8.RuneCountInString(l) < 20 {
		l += strings.Trim(lines[i+1], "（）() \t")
	}
	if m := reDecree.FindString(l); m != "" && strings.Trim(strings.Replace(l, m, "", 1), "（）() \t") == "" {
		return decreeNumber(m)
	}
	return ""
}

// fileTitle is what stands for a title the text does not give: the
// file's name without its extension.
func fileTitle(source string) string {
	return strings.TrimSuffix(path.Base(source), path.Ext(source))
}

// decreeOrgan returns the organ a decree number names (上海市人民政府令第19号
// → 上海市人民政府, 国务院令第709号 → 国务院), or "" for none or a
// president's order.
func decreeOrgan(number string) string {
	m := reDecree.FindStringSubmatch(number)
	if m == nil || m[2] == "主席令" {
		return ""
	}
	if m[2] == "国令" || m[2] == "国务院令" {
		return "国务院"
	}
	organ := strings.TrimPrefix(strings.TrimSuffix(m[2], "令"), "中华人民共和国")
	if !endsOrgan(organ) {
		return ""
	}
	return organ
}

// findDate returns the date of the signature (signed, of one inside the
// body when it names organs; the closing matter's; the front matter's;
// signed when it names none), else a news dateline's with the year from
// the file name. A saved page's time of publication (发布时间：…, 日期：
// 2014-04-29, a date and time alone on a line) is the site's, not the
// document's: a text that prints no date has none.
func findDate(front, tail []string, signed string, organs bool, source string) string {
	if organs && signed != "" {
		return signed
	}
	for _, group := range [][]string{tail, front} {
		for _, l := range group {
			if date := dateLine(l); date != "" {
				return date
			}
		}
	}
	if signed != "" {
		return signed
	}
	// A news dateline (新华社北京 12 月 25 日电) gives month and day; the year
	// comes from the file name when it names one.
	for _, l := range front {
		if m := reDateline.FindStringSubmatch(l); m != nil {
			if y := reYearInName.FindStringSubmatch(path.Base(source)); y != nil {
				return isoDate(y[1], m[1], m[2])
			}
			break
		}
	}
	return ""
}

// maxDateLineRunes bounds a line dateLine reads with its spaces taken out.
const maxDateLineRunes = 24

// dateLine reads a line that is only a date (2019年1月24日, 二〇一九年一月二十四日)
// as YYYY-MM-DD, or returns "".
func dateLine(l string) string {
	l = halfWidthDigits(strings.Trim(l, " \t"))
	if m := reDateLine.FindStringSubmatch(l); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	if strings.Contains(l, " ") && utf8.RuneCountInString(l) <= maxDateLineRunes {
		// A date set with spaces between its numerals (二○ 一一年十二月).
		l = noSpaces(l)
	}
	if m := reDateLineCN.FindStringSubmatch(l); m != nil {
		var y strings.Builder
		for _, r := range m[1] {
			v, _ := chineseNumber(string(r))
			y.WriteByte(byte('0' + v))
		}
		mo, ok1 := chineseNumber(m[2])
		da, ok2 := chineseNumber(m[3])
		if ok1 && ok2 {
			return isoDate(y.String(), strconv.Itoa(mo), strconv.Itoa(da))
		}
	}
	return ""
}

func isoDate(y, m, d string) string {
	mi, err1 := strconv.Atoi(m)
	di, err2 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mi, di)
}

// shortLabel names the level or province that issued the document: 中央 for
// central organs, else the first province named by an issuer or the title.
func shortLabel(d *Document) string {
	for _, is := range d.Issuers {
		is = strings.TrimPrefix(is, "中华人民共和国")
		if strings.HasPrefix(is, "中共中央") || strings.HasPrefix(is, "国务院") || strings.HasPrefix(is, "全国人") {
			return "中央"
		}
	}
	for _, s := range append(append([]string{}, d.Issuers...), d.Title) {
		for _, p := range provinces {
			if strings.HasPrefix(s, p) || strings.HasPrefix(s, "中共"+p) {
				return p
			}
		}
	}
	return ""
}

// organSuffixes end the name of an organ (办公厅, 人民政府, 部 …).
var organSuffixes = []string{"办公厅", "人民政府", "委员会", "办公室", "厅", "局", "部", "院", "委", "署", "政府", "司", "会", "办", "行", "社", "中心", "小组", "工作组", "综合组"}

// endsOrgan reports a string ending the way an organ's name does.
func endsOrgan(s string) bool { return hasAnySuffix(s, organSuffixes) }

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
