package corpus

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	reTitleSuffix = regexp.MustCompile(`(意见|通知|规划|办法|方案|决定|函|报告|纲要|条例|规定|细则|批复|公告|通告|计划|措施|指引|指南)$`)
	reQuoted      = regexp.MustCompile(`《([^《》]{4,80})》`)
	reOrgan       = regexp.MustCompile(`(办公厅|人民政府|委员会|办公室|厅|局|部|院|委|署|政府)$`)
	reDocNumber   = regexp.MustCompile(`[\p{Han}]{1,10}[〔\[［(（【]\s*(19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号`)
	reDateLine    = regexp.MustCompile(`^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	reISODate     = regexp.MustCompile(`((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})`)
	reDateline    = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*日电`)
	reIssuedBy    = regexp.MustCompile(`([^，。；：:,\s]+)印发`)
	reYearInName  = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)`)
)

// provinces lists the provincial-level names a Short label is drawn from.
var provinces = []string{"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}

// extractMetadata fills title, issuers, 文号, date and the short label from
// the front matter, the closing matter and stripped header lines.
func extractMetadata(d *Document, front, closing []unit, header []string) {
	var lines []string
	for _, u := range front {
		lines = append(lines, strings.Trim(u.text, "\t "))
	}
	var tail []string
	for _, u := range closing {
		tail = append(tail, strings.Trim(u.text, "\t "))
	}
	d.Title = findTitle(lines)
	if d.Title == "" {
		d.Title = strings.TrimSuffix(path.Base(d.Source), path.Ext(d.Source))
	}
	d.Issuers = findIssuers(lines, tail, d.Title)
	for _, l := range append(append([]string{}, lines...), tail...) {
		if m := reDocNumber.FindString(l); m != "" && utf8.RuneCountInString(l) < 60 {
			d.DocNumber = strings.ReplaceAll(m, " ", "")
			break
		}
	}
	d.Date = findDate(lines, tail, header, d.Source)
	d.Short = shortLabel(d)
}

func findTitle(lines []string) string {
	for _, l := range lines {
		if strings.ContainsAny(l, "。，,") || utf8.RuneCountInString(l) > 80 {
			continue
		}
		if strings.Contains(l, "关于") && reTitleSuffix.MatchString(l) {
			return innerTitle(l)
		}
	}
	for _, l := range lines {
		for _, m := range reQuoted.FindAllStringSubmatch(l, -1) {
			if strings.Contains(m[1], "关于") && reTitleSuffix.MatchString(m[1]) {
				return innerTitle(m[1])
			}
		}
	}
	for _, l := range lines {
		if !strings.ContainsAny(l, "。，,：:") && reTitleSuffix.MatchString(l) && utf8.RuneCountInString(l) <= 60 {
			return strings.ReplaceAll(l, " ", "")
		}
	}
	return ""
}

// innerTitle turns 关于印发《X》的通知 into X: a transmittal notice is
// titled by the document it carries.
func innerTitle(t string) string {
	t = strings.ReplaceAll(t, " ", "")
	if strings.HasPrefix(t, "关于印发") && strings.HasSuffix(t, "的通知") {
		inner := strings.TrimSuffix(strings.TrimPrefix(t, "关于印发"), "的通知")
		inner = strings.TrimSuffix(strings.TrimPrefix(inner, "《"), "》")
		if inner != "" {
			return inner
		}
	}
	return t
}

func isOrganLine(l string) bool {
	n := utf8.RuneCountInString(l)
	return n >= 3 && n <= 30 && reOrgan.MatchString(l) && !strings.ContainsAny(l, "，。、：:；《》 ") && !strings.Contains(l, "关于")
}

func findIssuers(front, tail []string, title string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, l := range append(append([]string{}, front...), tail...) {
		if isOrganLine(l) {
			add(l)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, l := range front {
		if m := reIssuedBy.FindStringSubmatch(l); m != nil {
			for _, org := range strings.Split(m[1], "、") {
				if reOrgan.MatchString(org) {
					add(org)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	if i := strings.Index(title, "关于"); i > 0 && reOrgan.MatchString(title[:i]) {
		add(title[:i])
	}
	return out
}

func findDate(front, tail, header []string, source string) string {
	for _, group := range [][]string{tail, front} {
		for _, l := range group {
			if m := reDateLine.FindStringSubmatch(l); m != nil {
				return isoDate(m[1], m[2], m[3])
			}
		}
	}
	for _, l := range header {
		if m := reISODate.FindStringSubmatch(l); m != nil {
			return isoDate(m[1], m[2], m[3])
		}
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
