package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

// Government websites print a document's metadata as label–value pairs,
// in a table (索引号 | 000014349/2019-00007 | 主题分类 | …) or a list
// (发文机关：国务院). The labels are few and fixed.

// metaField says which Meta field a label fills; "" labels are known
// metadata that fill none (索引号, 主题分类) but still mark the table as
// metadata.
var metaField = map[string]string{
	"标题": "title", "名称": "title", "文件名称": "title",
	"发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "发布机关": "issuer", "发文机构": "issuer",
	"联合发文单位": "coissuer", "联合发文机关": "coissuer",
	"发文字号": "number", "文号": "number",
	"成文日期": "date", "发布日期": "published", "公开日期": "published", "发文日期": "date",
	"索引号": "", "主题分类": "", "主题词": "", "公文种类": "", "体裁分类": "", "组配分类": "", "有效性": "",
	"生效日期": "", "废止日期": "", "信息来源": "",
}

// normLabel strips the spaces, full-width spaces and colon a label is
// printed with (标　　题：).
func normLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\u00a0', '\t', '：', ':':
			return -1
		}
		return r
	}, s)
	return s
}

func isMetaLabel(s string) bool {
	_, ok := metaField[normLabel(s)]
	return ok
}

// metaPairs reads a table of label cells each followed by its value: nil
// unless at least two of its labels are known metadata labels.
func metaPairs(rows [][]string) [][2]string {
	var pairs [][2]string
	known := 0
	for _, r := range rows {
		for i := 0; i+1 < len(r); i++ {
			if isMetaLabel(r[i]) {
				pairs = append(pairs, [2]string{normLabel(r[i]), strings.TrimSpace(r[i+1])})
				known++
				i++
			}
		}
	}
	if known < 2 {
		return nil
	}
	return pairs
}

// reMetaLine is a metadata line: a short label and a colon, or a label in
// square brackets ([发文机构] 北京市农业农村局), then a value.
var reMetaLine = lazyre.New(`^(?:([\p{Han}　 ]{2,8})[：:]|[\[【]([\p{Han}　 ]{2,8})[\]】])\s*(.*)$`)

// metaLine reads a line such as 发文机关：国务院 or 成文日期：2019年01月27日.
func metaLine(l string) (label, value string, ok bool) {
	if utf8.RuneCountInString(l) > 120 {
		return "", "", false
	}
	m := reMetaLine.FindStringSubmatch(l)
	if m == nil {
		return "", "", false
	}
	label = m[1] + m[2] // one of them is empty
	if !isMetaLabel(label) {
		return "", "", false
	}
	// A field a page left empty shows dashes, or dashes before the value
	// its script would show instead (----北京市农业农村局).
	return normLabel(label), strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(m[3]), "-－—")), true
}

// reInnerLabel is a label inside a metadata line's value: a table's row of
// two fields run together (名称：某公告发文日期：2016-04-29).
var reInnerLabel = lazyre.New(`[\p{Han}]{2,6}[：:]`)

// metaLinePairs reads every field of a metadata line: the first as
// metaLine does, then each date or number field its value runs into
// (innerLabelAt), with its own value.
func metaLinePairs(l string) (pairs [][2]string, ok bool) {
	label, value, ok := metaLine(l)
	if !ok {
		return nil, false
	}
	for {
		at, next, rest := innerLabelAt(value)
		if at < 0 {
			return append(pairs, [2]string{label, strings.TrimSpace(value)}), true
		}
		pairs = append(pairs, [2]string{label, strings.TrimSpace(value[:at])})
		label, value = next, rest
	}
}

// innerLabelAt finds, in a metadata value, a date or number field run
// into it (…公告发文日期：2016-04-29; 文号：发文日期：2016-04-29, the first field
// empty): where its label starts, the label and the value after its
// colon; -1 when there is none. Only a date or a 文号 field counts, and
// only where a date or a number follows: a label word inside a value
// (关于调整企业名称：…) is text.
func innerLabelAt(value string) (int, string, string) {
	for _, m := range reInnerLabel.Regexp().FindAllStringIndex(value, -1) {
		colon := strings.LastIndexAny(value[:m[1]], "：:")
		_, size := utf8.DecodeRuneInString(value[colon:])
		rest := value[colon+size:]
		for k := m[0]; k < colon; {
			label := normLabel(value[k:colon])
			switch metaField[label] {
			case "date", "published":
				if reDateStart.MatchString(rest) && isoDate(rest) != "" {
					return k, label, rest
				}
			case "number":
				if reDocNumberStart.MatchString(strings.TrimSpace(rest)) {
					return k, label, rest
				}
			}
			_, n := utf8.DecodeRuneInString(value[k:])
			k += n
		}
	}
	return -1, "", ""
}

// reDateStart is a value that opens with a date (2016-04-29, 2016年4月).
var reDateStart = lazyre.New(`^\s*(19|20)\d{2}\s*[年\-/.]`)

// reDocNumberStart is a value that opens with a 文号 (粤府〔2021〕32号).
var reDocNumberStart = lazyre.New(`^[\p{Han}]{1,10}[〔\[［(（【]\s*(19|20)\d{2}`)

// setMeta fills the Meta field a label names: the first title, issuers
// and 文号 win; the date is the last 成文日期 (the signature's). 发布日期 and
// 公开日期 say when the site posted the page, which is not the document's
// date.
func setMeta(m *Meta, label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	switch metaField[label] {
	case "title":
		if m.Title == "" {
			m.Title = squeeze(value)
		}
	case "issuer":
		if len(m.Issuers) == 0 {
			m.Issuers = splitIssuers(value)
		}
	case "coissuer": // a joint issuer, after the lead's (finishIssuers)
		for _, o := range splitIssuers(value) {
			if o != "无" && o != "暂无" {
				m.coissuers = append(m.coissuers, o)
			}
		}
	case "number":
		if m.DocNumber == "" {
			m.DocNumber = strings.ReplaceAll(strings.ReplaceAll(value, " ", ""), "\u3000", "")
		}
	case "date":
		if d := isoDate(value); d != "" {
			m.Date = d
		}
	}
}

// finishIssuers puts the joint issuers a page names apart after the lead
// issuer, whichever field came first.
func finishIssuers(m *Meta) {
	for _, o := range m.coissuers {
		if !slices.Contains(m.Issuers, o) {
			m.Issuers = append(m.Issuers, o)
		}
	}
	m.coissuers = nil
}

// splitIssuers splits 国务院办公厅、中央军委办公厅 (or with spaces of any
// width: &ensp;, &emsp;, full-width) into names.
func splitIssuers(v string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool {
		return r == '、' || unicode.IsSpace(r) || r == '，' || r == ',' || r == ';' || r == '；'
	}) {
		out = append(out, f)
	}
	return out
}

var reDate = lazyre.New(`((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})`)

// isoDate reads 2019年01月27日, 2019-01-27 or 2019/1/27 as YYYY-MM-DD.
func isoDate(s string) string {
	m := reDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
}
