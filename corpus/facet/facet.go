// Package facet classifies documents for filtering the library: by
// issuer, year, level of government (central, provincial, municipal,
// county) and kind (law, regulation, judicial interpretation, policy
// document), and holds the filter the reader applies.
//
// Level comes from the issuers — 国务院 and the ministries are central,
// an issuer that opens with a province-level name (广东省, 北京市, 广西壮族
// 自治区) is provincial unless a city or county follows it, 深圳市 and 洛阳市
// are municipal — and from the title when no issuer is known. Kind comes
// from the grammar the document was read with and its title: a law read
// as articles whose title ends in 法 is a law, other article-built
// documents are regulations, those the supreme court or procuratorate
// issue are judicial interpretations, and the rest are policy documents.
package facet

import (
	"slices"
	"strings"
	"unicode"

	"policyreader/corpus"
)

// Level is the tier of government a document comes from.
type Level int

const (
	// LevelUnknown: no issuer or title names a tier.
	LevelUnknown Level = iota
	// Central: the State Council, the NPC, the Party centre, ministries, the courts.
	Central
	// Provincial: provinces, autonomous regions and the four municipalities.
	Provincial
	// Municipal: cities, prefectures and special economic zones.
	Municipal
	// County: counties and districts.
	County
)

// Levels lists the levels in display order.
var Levels = []Level{Central, Provincial, Municipal, County, LevelUnknown}

// String names the level.
func (l Level) String() string {
	switch l {
	case Central:
		return "central"
	case Provincial:
		return "provincial"
	case Municipal:
		return "municipal"
	case County:
		return "county"
	}
	return "unknown level"
}

// Kind is what sort of instrument a document is.
type Kind int

const (
	// Policy: notices, opinions, plans, letters.
	Policy Kind = iota
	// Law: a statute (…法).
	Law
	// Regulation: administrative and local regulations and rules (条例, 规定, 办法 …).
	Regulation
	// Interpretation: a judicial interpretation of the supreme court or procuratorate.
	Interpretation
)

// Kinds lists the kinds in display order.
var Kinds = []Kind{Law, Regulation, Interpretation, Policy}

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Law:
		return "law"
	case Regulation:
		return "regulation"
	case Interpretation:
		return "interpretation"
	}
	return "policy"
}

// Facets are one document's values.
type Facets struct {
	// Issuers are the document's issuers, spaces removed.
	Issuers []string
	// Year is the year of the document's date, 0 when it has none.
	Year  int
	Level Level
	Kind  Kind
}

// Of classifies d.
func Of(d *corpus.Document) Facets {
	f := Facets{Year: year(d.Date)}
	for _, is := range d.Issuers {
		if s := strings.Join(strings.Fields(is), ""); s != "" && !slices.Contains(f.Issuers, s) {
			f.Issuers = append(f.Issuers, s)
		}
	}
	for _, is := range f.Issuers {
		if l := levelOf(is); l != LevelUnknown {
			f.Level = l
			break
		}
	}
	if f.Level == LevelUnknown {
		f.Level = titleLevel(d.Title)
	}
	f.Kind = kindOf(d, f.Issuers)
	if f.Level == LevelUnknown && f.Kind != Policy {
		// A local law or regulation always names its place; one that
		// names none is national (互联网信息服务算法推荐管理规定).
		f.Level = Central
	}
	return f
}

func year(date string) int {
	if len(date) < 4 {
		return 0
	}
	y := 0
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// provinces are the province-level divisions, as names open.
var provinces = []string{"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
	"江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
	"广西", "西藏", "宁夏", "新疆", "香港", "澳门"}

// municipality holds the four cities that are provinces (北京市 is
// provincial; 吉林市 is not).
var municipality = map[string]bool{"北京": true, "天津": true, "上海": true, "重庆": true}

// Province returns the province-level name s opens with (广东, 北京,
// 广西), and ok false when it opens with none.
func Province(s string) (string, bool) {
	for _, p := range provinces {
		if strings.HasPrefix(s, p) {
			if _, ok := cutProvince(s); ok {
				return p, true
			}
		}
	}
	return "", false
}

// provinceSuffixes follow a province's name (广东省, 北京市, 广西壮族自治区).
var provinceSuffixes = []string{"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"}

// centralOpeners open the names of central organs.
var centralOpeners = []string{"国务院", "全国人民代表大会", "全国人大", "中共中央", "中央", "党中央", "国家", "最高人民法院", "最高人民检察院",
	"中华人民共和国", "中国人民银行", "人民银行", "海关总署", "新华社"}

// levelOf is the tier of one issuer.
func levelOf(issuer string) Level {
	s := strings.TrimPrefix(issuer, "中共")
	if rest, ok := cutProvince(s); ok {
		if l := localLevel(rest); l != LevelUnknown {
			return l
		}
		return Provincial
	}
	if l := localLevel(s); l != LevelUnknown {
		return l
	}
	for _, p := range centralOpeners {
		if strings.HasPrefix(s, p) {
			return Central
		}
	}
	// A ministry or commission with no place before it: 教育部, 财政部,
	// 人力资源社会保障部, 国家发展改革委.
	for _, suf := range []string{"部", "委", "委员会", "总局", "署", "办公厅", "局"} {
		if strings.HasSuffix(s, suf) && !strings.ContainsAny(s, "省市县区州") {
			return Central
		}
	}
	return LevelUnknown
}

// cutProvince removes a province-level name from the start of s.
func cutProvince(s string) (string, bool) {
	for _, p := range provinces {
		rest, ok := strings.CutPrefix(s, p)
		if !ok {
			continue
		}
		for _, suf := range provinceSuffixes {
			if suf == "市" && !municipality[p] {
				continue // 吉林市 is a city of 吉林省
			}
			if r, ok := strings.CutPrefix(rest, suf); ok {
				return r, true
			}
		}
		if strings.HasPrefix(rest, "市") {
			return "", false // a city that shares its province's name
		}
		// 广东人社厅: the name alone, when an organ follows.
		if rest != "" {
			return rest, true
		}
	}
	return "", false
}

// organStarts open the part of a name after its place: 人民政府, 人大 …
var organStarts = []string{"人民", "人大", "政府", "委", "市委", "县委", "区委", "发展", "财政", "教育", "公安", "司法", "民政", "卫生", "住房", "自然",
	"生态", "交通", "水利", "农业", "商务", "文化", "审计", "统计", "市场", "医疗", "经济特区", "地方", "科学", "工业", "应急", "退役",
	"人力", "人社", "社会", "就业", "卫健", "城乡", "城市", "规划", "体育", "水务", "林业", "国资", "国有", "信访", "外事", "侨务", "档案",
	"机关", "经济", "税务", "劳动", "总工会", "妇女", "科技", "网信", "数据", "政务", "医保", "药品", "粮食", "海洋", "气象", "旅游", "广播"}

// localLevel is the tier of a name that opens with a city (Municipal) or
// county (County): a run of two to six Han characters ending in 市, 州,
// 盟 or 地区, or in 县, 区 or 旗, and then an organ (深圳市人民政府,
// 洛阳市人民代表大会常务委员会, 深圳经济特区…); LevelUnknown otherwise.
func localLevel(s string) Level {
	r := []rune(s)
	if strings.HasPrefix(s, "深圳经济特区") || strings.HasPrefix(s, "厦门经济特区") || strings.HasPrefix(s, "珠海经济特区") || strings.HasPrefix(s, "汕头经济特区") {
		return Municipal
	}
	for i := 1; i < len(r) && i <= 10; i++ {
		if !unicode.Is(unicode.Han, r[i-1]) {
			return LevelUnknown
		}
		var l Level
		switch r[i] {
		case '市', '州', '盟':
			l = Municipal
		case '县', '旗':
			l = County
		case '区':
			if i >= 2 && string(r[i-1:i+1]) == "地区" {
				l = Municipal
			} else {
				l = County
			}
		default:
			continue
		}
		rest := string(r[i+1:])
		for _, o := range organStarts {
			if strings.HasPrefix(rest, o) {
				return l
			}
		}
	}
	return LevelUnknown
}

// titleLevel is the tier a title names when no issuer does: 北京市中医药条例
// is provincial, 淄博市土地监察条例 municipal, 中华人民共和国…法 central.
func titleLevel(title string) Level {
	t := strings.Join(strings.Fields(title), "")
	if strings.HasPrefix(t, "中华人民共和国") || strings.HasPrefix(t, "国务院") || strings.HasPrefix(t, "最高人民") {
		return Central
	}
	if rest, ok := cutProvince(t); ok {
		if l := placeLevel(rest); l != LevelUnknown {
			return l
		}
		return Provincial
	}
	return placeLevel(t)
}

// placeLevel is the tier of a title that opens with a city or county
// name (淄博市…, 深圳经济特区…, 某某县…).
func placeLevel(t string) Level {
	r := []rune(t)
	if strings.Contains(string(r[:min(len(r), 6)]), "经济特区") {
		return Municipal
	}
	for i := 1; i < len(r) && i <= 10; i++ {
		switch r[i] {
		case '市', '州', '盟':
			return Municipal
		case '县', '旗':
			return County
		}
	}
	return LevelUnknown
}

// kindOf is the sort of instrument d is.
func kindOf(d *corpus.Document, issuers []string) Kind {
	title := strings.Join(strings.Fields(d.Title), "")
	for _, is := range issuers {
		if strings.HasPrefix(is, "最高人民法院") || strings.HasPrefix(is, "最高人民检察院") {
			return Interpretation
		}
	}
	if strings.HasPrefix(title, "最高人民法院") || strings.HasPrefix(title, "最高人民检察院") {
		return Interpretation
	}
	// 民法典（2020年修正）, 矿产资源法(2024修订): the bracket is not the name.
	core := title
	if strings.HasSuffix(core, "）") || strings.HasSuffix(core, ")") {
		if i := strings.LastIndexAny(core, "（("); i > 0 {
			core = core[:i]
		}
	}
	legislature := false
	for _, is := range issuers {
		legislature = legislature || strings.Contains(is, "人民代表大会")
	}
	switch {
	case strings.HasSuffix(core, "法") && !strings.HasSuffix(core, "办法") && (d.Grammar == "law" || legislature):
		return Law
	case d.Grammar == "law" || legislature:
		return Regulation
	}
	for _, suf := range []string{"条例", "规定", "办法", "细则", "规则"} {
		if strings.HasSuffix(core, suf) {
			return Regulation
		}
	}
	return Policy
}
