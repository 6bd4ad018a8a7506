package corpus

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A signature block closes a notice: the issuing organ(s), one a line or
// several side by side, often spaced out for layout (国 家 能 源 局) and,
// in text taken from a PDF, sometimes broken over two lines (国家发 /
// 展改革委); then the date; then a note such as （此件公开发布）. Some
// copies repeat the issuer under the date (a seal's caption).

// maxSignatureLines bounds the issuer lines of a signature block; joint
// documents of many departments set several names on a line.
const maxSignatureLines = 8

// maxTrailingOrgans bounds the issuer lines printed under the date.
const maxTrailingOrgans = 2

// signatureStart returns where the signature block at the end of body
// begins, or len(body) when it has none. A date line alone at the end
// counts: it is the document's, not the last clause's; so does a
// publication note alone.
func signatureStart(body []unit) int {
	plain := func(i int) bool { return body[i].cls.marker == MarkText }
	text := func(i int) string { return strings.TrimSpace(body[i].text) }
	i := len(body)
	for i > 1 && plain(i-1) && reNoteLine.MatchString(text(i-1)) {
		i--
	}
	j := i
	for j > 1 && i-j < maxTrailingOrgans && plain(j-1) && isOrganLine(text(j-1)) {
		j--
	}
	if j <= 1 || !plain(j-1) || dateLine(text(j-1)) == "" {
		return i
	}
	j--
	for k := j; k > 1 && j-k < maxSignatureLines && plain(k-1); k-- {
		l := text(k - 1)
		switch {
		case k == j && reSealNote.MatchString(l):
			j = k - 1 // under the signer, over the date
		case isOrganLine(l):
			j = k - 1
		case k == j && !isOrganLine(l) && joinsName(l, text(k)):
			j = k - 1 // a name broken over two lines
		default:
			return j
		}
	}
	return j
}

// organFragment reports a short line with no punctuation that may be half
// of an organ name broken over two lines.
func organFragment(l string) bool {
	n := utf8.RuneCountInString(l)
	return n >= 1 && n <= maxFragment && !strings.ContainsAny(l, "，。、：:；《》（）() ")
}

// maxFragment bounds half of an organ name broken over two lines
// (国家税务总局广东省 / 税务局).
const maxFragment = 16

// joinsName reports whether line a, which is no name, starts a name that
// line b finishes: a short stub (国家发 / 展改革委) or one that ends on a
// place (国家税务总局广东省 / 税务局) — not a document's name, or the end
// of one, above its issuer (省级电网输配电价定价办法 / 国家发展改革委).
func joinsName(a, b string) bool {
	if !organFragment(a) || !organFragment(b) || organNames(a+b) == nil {
		return false
	}
	if endsLikeTitle(a) {
		return false // the end of an attachment's name wrapped over it (…管理 / 办法)
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	return utf8.RuneCountInString(a) <= 4 || strings.ContainsRune("省市县区州盟旗", last) || hasAnyPrefix(a, nationalHeads)
}

// nationalHeads open a national organ's name, so a line opening with one
// that is no document's name starts a signer's name the next line ends
// (国务院应对新型冠状病毒肺炎 / 疫情联防联控机制综合组).
var nationalHeads = []string{"国务院", "国家", "中共中央", "中央", "全国"}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isOrganLine(l string) bool { return len(organNames(l)) > 0 }

// organNames returns the organs a signature line names — one, or several
// side by side (国务院办公厅 中央军委办公厅, 卫生健康委 教 育 部) or joined by
// 、 — or nil
// when the line is not only organ names. Letters spaced out for layout
// are put back together (教 育 部 → 教育部), and two names run together
// that way are split again (医 保 局 药 监 局 → 医保局, 药监局).
func organNames(l string) []string {
	if strings.Contains(l, "、") {
		// Names joined by 、 (某市教育局、某市财政局): each a name.
		var out []string
		for _, piece := range strings.Split(l, "、") {
			piece = strings.TrimSpace(piece)
			names := organNames(piece)
			if utf8.RuneCountInString(piece) < 2 || names == nil {
				return nil
			}
			out = append(out, names...)
		}
		return out
	}
	var out []string
	for _, f := range mergeSpacedRunes(strings.Fields(l)) {
		var names []string
		switch {
		case f.spaced:
			names = splitRunTogether(f.text)
		case isOrganName(f.text):
			names = []string{f.text}
		}
		if names == nil {
			return nil
		}
		out = append(out, names...)
	}
	return out
}

// field is a word of a signature line; spaced marks one put together
// from letters spaced out for layout.
type field struct {
	text   string
	spaced bool
}

// mergeSpacedRunes joins runs of one-character fields: 国 家 能 源 局.
func mergeSpacedRunes(fields []string) []field {
	var out []field
	for i, f := range fields {
		one := utf8.RuneCountInString(f) == 1
		if one && i > 0 && utf8.RuneCountInString(fields[i-1]) == 1 {
			out[len(out)-1].text += f
			out[len(out)-1].spaced = true
			continue
		}
		out = append(out, field{text: f})
	}
	return out
}

// maxOrganRunes bounds an organ's name: a leading group's office
// (安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室) runs to 33.
const maxOrganRunes = 40

// isOrganName reports a string that reads as one organ's name.
func isOrganName(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= maxOrganRunes && endsOrgan(s) && !strings.ContainsAny(s, "，。、：:；《》") && !strings.Contains(s, "关于") &&
		!strings.HasSuffix(s, "社会") && !slices.Contains(notOrgans, s) && !containsAny(s, pageWords)
}

// notOrgans end like organs and are none: 内部, 全部, a bare 政府.
var notOrgans = []string{"内部", "外部", "全部", "局部", "政府", "中心", "全社会"}

// pageWords mark a site's menu or a page's field, not an organ: 网站首页新闻中心,
// 面向全社会 (国家新闻出版署 is an organ).
var pageWords = []string{"网站", "首页", "新闻中心", "新闻动态", "面向", "栏目"}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// splitRunTogether returns the organ names in s, a name spelled out
// letter by letter: s itself, or two names of three or more characters
// each that the spacing ran together (医保局药监局); nil when s is neither.
func splitRunTogether(s string) []string {
	rs := []rune(s)
	for i := 3; i <= len(rs)-3; i++ {
		a, b := string(rs[:i]), string(rs[i:])
		if strings.ContainsRune("局部委厅署办", rs[i-1]) && isOrganName(a) && isOrganName(b) {
			return []string{a, b}
		}
	}
	if isOrganName(s) {
		return []string{s}
	}
	return nil
}

// signatureOrgans returns the organs named by the organ lines among
// lines, in order, rejoining a name broken over two lines. With signed
// set, only organ lines that sign — over a date line, or under it — count:
// a name in an attached form or a 抄送 list does not.
func signatureOrgans(lines []string, signed bool) []string {
	var out []string
	var run []string // organ names since the last line that was not one
	flush := func(dated bool) {
		if dated || !signed {
			out = append(out, run...)
		}
		run = nil
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if reSealNote.MatchString(strings.TrimSpace(l)) {
			continue // whose seal stands for the signer's: not a signer
		}
		if names := organNames(l); names != nil {
			run = append(run, names...)
			continue
		}
		// A line that is no name but makes one with the next: a name
		// broken over two lines (国家发 / 展改革委, 国家税务总局广东省 / 税务局).
		if i+1 < len(lines) && joinsName(l, lines[i+1]) {
			run = append(run, organNames(l+lines[i+1])...)
			i++
			continue
		}
		dated := dateLine(l) != ""
		flush(dated)
		if dated && signed {
			// An issuer repeated under the date (a seal's caption) signs too.
			for i+1 < len(lines) && organNames(lines[i+1]) != nil && len(out) > 0 {
				i++
			}
		}
	}
	flush(false)
	return out
}
