package corpus

import (
	"strings"
	"testing"
)

// TestTitleBlock: the title block at the top of a document, joined over
// the lines it wraps across, whatever is printed around it.
func TestTitleBlock(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"two lines over the 文号", []string{"国务院办公厅关于进一步优化营商环境", "更好服务市场主体的实施意见", "国办发〔2020〕24号", "各省、自治区、直辖市人民政府："}, "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见"},
		{"three lines, 的通知 alone", []string{"国家发展改革委办公厅 国家能源局综合司印发", "《关于深化电力现货市场建设试点工作的意见》", "的通知", "发改办能源规〔2019〕828号"}, "国家发展改革委办公厅 国家能源局综合司印发《关于深化电力现货市场建设试点工作的意见》的通知"},
		{"issuer line over the title", []string{"广东省人民政府办公厅", "关于印发广东省就业规划的通知", "粤府办〔2021〕32号"}, "广东省人民政府办公厅关于印发广东省就业规划的通知"},
		{"no 文号: the 主送 line anchors", []string{"国务院关于加强数字政府建设的", "指导意见", "各省、自治区、直辖市人民政府："}, "国务院关于加强数字政府建设的指导意见"},
		{"under a preface and a label", []string{"（以下附录节录自某网站，全文可参阅）", "附录", "某省人民政府", "关于印发某规划的通知", "某府〔2021〕1号"}, "某省人民政府关于印发某规划的通知"},
		{"a mark under the title", []string{"某厅关于某建议的答复函", "〔A类〕", "某人社案〔2021〕142号"}, "某厅关于某建议的答复函"},
		{"red header, title under the 文号", []string{"发展改革委办公厅 文件", "税务总局办公厅", "发改办财金规〔2019〕860号", "关于加强个人所得税纳税信用建设的通知", "各省、自治区、直辖市："}, "关于加强个人所得税纳税信用建设的通知"},
		{"a 规范 with a version note", []string{"某某数据授权运营实施规范（试行）", "某发〔2025〕27号"}, "某某数据授权运营实施规范（试行）"},
		{"joint issuers printed apart, over two lines", []string{"卫生健康委 教育部 财政部 人力资源社会保障部", "医保局 药监局关于印发某意见的通知", "国卫医发〔2020〕2号"}, "卫生健康委 教育部 财政部 人力资源社会保障部 医保局 药监局关于印发某意见的通知"},
		{"joint issuers printed apart over 关于", []string{"国家安全监管总局 保监会 财政部", "关于印发《某办法》的通知", "安监总办〔2017〕140号"}, "国家安全监管总局 保监会 财政部关于印发《某办法》的通知"},
		{"a title in book-title marks over its history", []string{"《深圳经济特区某条例》", "(2014年10月30日深圳市第五届人民代表大会", "常务委员会第三十二次会议通过)"}, "深圳经济特区某条例"},
		{"a metadata table as text over the title", []string{"发文机关：\t国务院\t成文日期：\t2015年11月25日", "发文字号：\t国发〔2015〕67号\t发布日期：\t2015年11月28日", "国务院关于某事项的", "通知", "国发〔2015〕67号"}, "国务院关于某事项的通知"},
		{"spaced title", []string{"国 务 院 关 于 印 发 某 方 案 的 通 知", "国发〔2019〕4号"}, "国务院关于印发某方案的通知"},
		{"law title over its history", []string{"中华人民共和国某法", "（2010年7月29日第十一届全国人民代表大会常务委员会第十九次会议通过）"}, "中华人民共和国某法"},
		{"a citation in the preamble is not the title", []string{"为贯彻落实《中共中央国务院关于打赢脱贫攻坚战三年行动的指导意见》，结合本省实际，提出如下意见。"}, ""},
		{"a news lead names the document issued", []string{"新华社北京12月25日电 近日，中共中央办公厅、国务院办公厅印发了《关于促进劳动力和人才社会性流动体制机制改革的意见》，并发出通知。"}, "关于促进劳动力和人才社会性流动体制机制改革的意见"},
	} {
		units := unitsOf(tc.lines...)
		if got, _ := findTitle(units, tc.lines); got != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestMarkdownTitleWins(t *testing.T) {
	d, err := Parse("x.md", "# 某市物业管理条例\n\n2020年1月1日 某市第十五届人民代表大会常务委员会第三次会议《关于修改〈某市供水条例〉的决定》修正\n\n第一条 为了…，制定本条例。\n第二条 本条例适用于…。")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "某市物业管理条例" {
		t.Errorf("title %q: a # heading is the title, never a 《》 citation from the history", d.Title)
	}
}

func TestLawFacts(t *testing.T) {
	for _, tc := range []struct {
		name          string
		history       []string
		issuers, date string
	}{
		{"adopted once", []string{"2021年5月27日 北京市第十五届人民代表大会常务委员会第三十一次会议通过"}, "北京市人民代表大会常务委员会", "2021-05-27"},
		// The version printed is the standing committee's: it revised
		// the text last (the national law database names it so).
		{"amended: the text is the latest", []string{"（1992年4月3日第七届全国人民代表大会第五次会议通过", "2022年10月30日第十三届全国人民代表大会常务委员会第三十七次会议修订）"}, "全国人民代表大会常务委员会", "2022-10-30"},
		{"amended by the body that adopted it", []string{"（1979年7月1日第五届全国人民代表大会第二次会议通过", "根据1982年12月10日第五届全国人民代表大会第五次会议《关于修改〈中华人民共和国全国人民代表大会和地方各级人民代表大会选举法〉的若干规定的决议》第一次修正）"}, "全国人民代表大会", "1982-12-10"},
		{"an amendment naming no body keeps the enacting one", []string{"2004年8月18日 国务院第61次常务会议通过", "2004年9月1日 中华人民共和国国务院令第420号公布", "根据2011年1月8日《国务院关于废止和修改部分行政法规的决定》修订"}, "国务院", "2011-01-08"},
		{"a city's regulation approved by the province", []string{"2018年12月27日 德州市第十八届人民代表大会常务委员会第十八次会议通过", "2019年2月12日 山东省第十三届人民代表大会常务委员会第十次会议批准"}, "德州市人民代表大会常务委员会", "2019-02-12"},
		{"a city's amendment approved by the province", []string{"2008年10月22日 宁波市第十三届人民代表大会常务委员会第十二次会议通过", "2008年12月19日 浙江省第十一届人民代表大会常务委员会第八次会议批准根据2020年8月28日宁波市第十五届人民代表大会常务委员会第三十二次会议通过", "2020年9月24日 浙江省第十三届人民代表大会常务委员会第二十四次会议通过批准的《宁波市人民代表大会常务委员会关于修改〈宁波市职业教育校企合作促进条例〉的决定》修正"}, "宁波市人民代表大会常务委员会", "2020-09-24"},
		{"State Council decree", []string{"2007年10月9日 中华人民共和国国务院令第508号公布", "根据2019年3月2日《国务院关于修改部分行政法规的决定》修订"}, "国务院", "2019-03-02"},
		{"coming into force is not a version", []string{"2023年11月13日 最高人民法院审判委员会第1905次会议通过", "2024年2月1日 施行"}, "最高人民法院", "2023-11-13"},
		{"joint interpretation", []string{"2021年12月13日 最高人民法院审判委员会第1856次会议、2021年12月29日最高人民检察院第十三届检察委员会第八十四次会议通过"}, "最高人民法院|最高人民检察院", "2021-12-29"},
		{"issued by the State Council's predecessor", []string{"1949年12月23日 政务院发布", "2024年11月10日 《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第四次修订）"}, "国务院", "2024-11-10"},
		{"events run together on one line", []string{"2010年11月25日山东省第十一届人民代表大会常务委员会第二十次会议通过  根据2015年7月24日山东省第十二届人民代表大会常务委员会第十五次会议《关于修改〈山东省农村可再生能源条例〉等十二件地方性法规的决定》第一次修正  根据2022年3月30日山东省第十三届人民代表大会常务委员会第三十四次会议《关于修改〈山东省机动车排气污染防治条例〉等四件地方性法规的决定》第二次修正"}, "山东省人民代表大会常务委员会", "2022-03-30"},
		{"events as sentences, decree numbers with a year", []string{"（2020年1月14日农业农村部令2020年第1号公布，自2020年3月1日起施行。2021年12月21日农业农村部令2021年第4号修订，自2022年2月1日起施行）"}, "农业农村部", "2021-12-21"},
		{"president's order", []string{"2019年3月15日第十三届全国人民代表大会第二次会议通过", "2019年3月15日中华人民共和国主席令第二十六号公布"}, "全国人民代表大会", "2019-03-15"},
	} {
		is, date := lawFacts(historyEvents2(tc.history))
		if strings.Join(is, "|") != tc.issuers || date != tc.date {
			t.Errorf("%s: %q %q, want %q %q", tc.name, is, date, tc.issuers, tc.date)
		}
	}
}

// historyEvents2 reads history lines the way the parser's front matter
// pass does: as a block, brackets and wrapped entries handled.
func historyEvents2(lines []string) []string {
	block, _ := historyBlock(lines, 0)
	return block
}

func TestOrganNames(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"国务院办公厅", "国务院办公厅"},
		{"国务院办公厅 中央军委办公厅", "国务院办公厅|中央军委办公厅"},
		{"国 家 能 源 局", "国家能源局"},
		{"卫生健康委 教 育 部", "卫生健康委|教育部"},
		{"医 保 局 药 监 局", "医保局|药监局"},
		{"国家能源局综合司", "国家能源局综合司"},
		{"中国保监会", "中国保监会"},
		{"中国人民银行", "中国人民银行"},
		{"各省、自治区、直辖市人民政府：", ""},
		{"请认真贯彻执行。", ""},
		{"关于某事的通知", ""},
	} {
		if got := strings.Join(organNames(tc.line), "|"); got != tc.want {
			t.Errorf("organNames(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestSignatureBlock: the signature at the end of the body is closing
// matter, in its printed variants, and is where issuers and date come from.
func TestSignatureBlock(t *testing.T) {
	body := "一、总体要求\n（一）指导思想。坚持…。\n"
	for _, tc := range []struct {
		name, sig, issuers, date string
	}{
		{"one issuer, note", "国务院\n2019年1月24日\n（此件公开发布）", "国务院", "2019-01-24"},
		{"joint, one a line", "国家发展改革委\n国家能源局\n2018年4月26日", "国家发展改革委|国家能源局", "2018-04-26"},
		{"spaced and broken", "国家发\n展改革委\n国 家 能 源 局\n2020年5月28日", "国家发展改革委|国家能源局", "2020-05-28"},
		{"issuer repeated under the date", "国务院办公厅\n2015年2月9日\n国务院办公厅", "国务院办公厅", "2015-02-09"},
		{"Chinese numeral date", "某省人民政府\n二〇二一年三月五日\n（此件主动公开）", "某省人民政府", "2021-03-05"},
	} {
		d, err := Parse("x.txt", body+tc.sig)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(d.Issuers, "|"); got != tc.issuers || d.Date != tc.date {
			t.Errorf("%s: issuers %q date %q, want %q %q", tc.name, got, d.Date, tc.issuers, tc.date)
		}
		var clause *Node
		d.Walk(func(n *Node) bool {
			if n.Kind == Clause {
				clause = n
			}
			return true
		})
		if clause == nil || clause.Text != "坚持…。" {
			t.Errorf("%s: the signature leaked into the last clause: %+v", tc.name, clause)
		}
	}
}

// TestSignatureNameBrokenOnAPlace: a signatory broken after its place
// (国家税务总局广东省 / 税务局) is one issuer; a document's name above the
// issuer is not part of it.
func TestSignatureNameBrokenOnAPlace(t *testing.T) {
	d, err := Parse("x.txt", "关于做好税收工作的通知\n粤税发〔2021〕1号\n各市税务局：\n一、总体要求\n（一）加强领导。做好工作。\n国家税务总局广东省\n税务局\n2021年3月1日\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Issuers, "|"); got != "国家税务总局广东省税务局" {
		t.Errorf("issuers %q", got)
	}
}

// TestHistoryDateWrapped: a history entry whose event wraps to the next
// line (…第二次 / 会议通过）) is read whole.
func TestHistoryDateWrapped(t *testing.T) {
	d, err := Parse("x.md", "# 中华人民共和国某某法\n\n2019年3月15日 第十三届全国人民代表大会第二次\n\n<!-- INFO END -->\n\n会议通过）\n\n第一条 为了…，制定本法。\n\n第二条 本法适用于…。\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Issuers, "|") != "全国人民代表大会" || d.Date != "2019-03-15" || len(d.History) != 1 {
		t.Errorf("issuers %q date %q history %q", d.Issuers, d.Date, d.History)
	}
}

// TestDecreeOverTwoLines: 中华人民共和国主席令 / （第五号） is one 文号.
func TestDecreeOverTwoLines(t *testing.T) {
	d, err := Parse("x.txt", "中华人民共和国主席令\n（第五号）\n《中华人民共和国某某法》已由第十三届全国人民代表大会常务委员会第二十次会议于2020年6月20日通过，现予公布。\n第一条 为了…，制定本法。\n第二条 本法适用于…。\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.DocNumber != "主席令第五号" || d.Title != "中华人民共和国某某法" {
		t.Errorf("doc number %q, title %q", d.DocNumber, d.Title)
	}
}

// TestSpacedJointIssuers: issuers a title prints apart with spaces over its
// 关于 — in the text, or in a saved page's <title> where the page's text
// ran them together — are each an issuer; one organ's name, spaced out
// or not, is not split.
func TestSpacedJointIssuers(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             []string
	}{
		{"text", "a.txt", "国家发展改革委 国家数据局关于建立某机制的通知\n发改价格〔2025〕65号\n\n各省发展改革委：\n一、总体要求\n（一）某项工作。\n", []string{"国家发展改革委", "国家数据局"}},
		{"page title", "a.html", "<html><head><title>国家发展改革委 国家数据局关于建立某机制的通知_国务院部门文件</title></head><body><h1>国家发展改革委 国家数据局关于建立某机制的通知</h1><p>发改价格〔2025〕65号</p><p>各省发展改革委：</p><p>一、总体要求</p><p>（一）某项工作。</p></body></html>", []string{"国家发展改革委", "国家数据局"}},
		{"one organ", "a.txt", "国家发展改革委关于建立某机制的通知\n发改价格〔2025〕65号\n\n各省发展改革委：\n一、总体要求\n（一）某项工作。\n", []string{"国家发展改革委"}},
		{"a space before 关于", "a.txt", "广东省人民政府 关于做好某事的通知\n粤府〔2024〕1号\n\n各地级以上市人民政府：\n一、总体要求\n（一）某项工作。\n", []string{"广东省人民政府"}},
		{"letter-spaced", "a.txt", "国 家 发 展 改 革 委 关 于 建 立 某 机 制 的 通 知\n发改价格〔2025〕65号\n\n各省发展改革委：\n一、总体要求\n（一）某项工作。\n", []string{"国家发展改革委"}},
	} {
		d, err := ParseBytes(tc.file, []byte(tc.text))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if strings.Join(d.Issuers, "、") != strings.Join(tc.want, "、") {
			t.Errorf("%s: issuers %q, want %q", tc.name, d.Issuers, tc.want)
		}
	}
}

// TestPlacelessMetadataIssuer: a page's metadata naming the issuer
// without its place (发布机构：市政府) gives way to the full name the
// document signs with; metadata naming it in full still wins.
func TestPlacelessMetadataIssuer(t *testing.T) {
	page := func(organ string) string {
		return "<html><body><table><tr><td>发布机构</td><td>" + organ + "</td><td>成文日期</td><td>2023-10-16</td></tr></table><h1>某市人民政府关于某事项的通知</h1><p>某政发〔2023〕30号</p><p>各区人民政府：</p><p>一、总体要求</p><p>（一）做好工作。</p><p>某市人民政府</p><p>2023年10月16日</p></body></html>"
	}
	for organ, want := range map[string]string{"市政府": "某市人民政府", "县委": "某市人民政府", "某市人民政府办公室": "某市人民政府办公室", "市场局": "市场局"} {
		d, err := ParseBytes("a.html", []byte(page(organ)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(d.Issuers, "、") != want {
			t.Errorf("发布机构 %s: issuers %q, want %s", organ, d.Issuers, want)
		}
	}
}

// TestSavedLawAndPrintingNote: a law saved from a site with its chrome
// between title and history ([内容纠错], 信息提供日期：…) keeps its history's
// issuer and date; a notice whose signature ends with its printing note
// （2019年5月31日印发） keeps its signature's date.
func TestSavedLawAndPrintingNote(t *testing.T) {
	law, err := Parse("a.txt", "《某市某条例》\n[内容纠错]\n信息提供日期：2015-06-04\n(2014年10月30日某市第五届人民代表大会\n常务委员会第三十二次会议通过)\n第一章 总则\n第一条 为了规范管理，制定本条例。\n")
	if err != nil {
		t.Fatal(err)
	}
	if law.Title != "某市某条例" || strings.Join(law.Issuers, "") != "某市人民代表大会常务委员会" || law.Date != "2014-10-30" {
		t.Errorf("law: %q %q %q", law.Title, law.Issuers, law.Date)
	}
	notice, err := Parse("b.txt", "某委员会关于某事项的通知\n某发〔2019〕509号\n各市：\n一、实行范围\n（一）做好工作。\n某委员会\n2019年5月31日\n（2019年5月31日印发）\n")
	if err != nil {
		t.Fatal(err)
	}
	if notice.Date != "2019-05-31" {
		t.Errorf("notice date %q", notice.Date)
	}
}

// TestDatedSentenceIsNoHistory: a sentence that opens with a date and
// names an event verb (…通过审核的名单。) is no history, and gives the
// document no date; a history printed as sentences has two dated events.
func TestDatedSentenceIsNoHistory(t *testing.T) {
	d, err := Parse("x.txt", "某市人民政府办公室关于做好就业工作的通知\n\n2020年12月31日前，各地应当完成清理工作，并于2021年1月31日前报送通过审核的名单。\n\n一、总体要求\n做好工作。\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.History) > 0 || d.Date != "" {
		t.Errorf("history %q, date %q", d.History, d.Date)
	}
	for _, l := range []string{"2020年12月31日前，各地应当完成清理工作，并于2021年1月31日前报送通过审核的名单。", "2023年5月10日，市政府第十次常务会议审议通过了《某某办法》，现印发给你们。"} {
		if isHistoryLine(l) {
			t.Errorf("%s: read as a history line", l)
		}
	}
}

// TestLawHeaderShapes: a law's header as sites print it — the history as
// a markdown blockquote, in full-width digits, its last event closed with
// a full stop, over a preamble that ends with a colon — gives issuer and
// date; a sentence with a deadline stays no history.
func TestLawHeaderShapes(t *testing.T) {
	for _, c := range []struct{ name, text, issuers, date string }{
		{"blockquote", "# 中华人民共和国某某法\n\n> （2010年10月28日第十一届全国人民代表大会常务委员会第十七次会议通过\n> 根据2018年12月29日第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国某某法〉的决定》修正）\n\n**第一条**　为了规范某某关系，制定本法。\n\n**第二条**　国家建立某某制度。",
			"全国人民代表大会常务委员会", "2018-12-29"},
		{"full-width digits, preamble with a colon", "全国人民代表大会常务委员会关于加强某某保护的决定\n\n（２０１２年１２月２８日第十一届全国人民代表大会常务委员会第三十次会议通过）\n\n为了保护某某安全，特作如下决定：\n\n一、国家保护某某信息。\n\n二、任何组织不得窃取某某信息。",
			"全国人民代表大会常务委员会", "2012-12-28"},
		{"last event with a full stop", "# 某某程序规定\n\n２０１２年１２月３日 公安部部长办公会议通过\n\n２０１２年１２月１９日 中华人民共和国公安部令第１２５号发布，\n\n２０１８年１１月２５日 公安部令第１４９号《公安部关于修改〈某某程序规定〉的决定》第二次修正。\n\n第一条 为了规范程序，制定本规定。\n\n第二条 本规定适用于某某。",
			"公安部", "2018-11-25"},
	} {
		d, err := Parse(c.name+".md", c.text)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(d.Issuers, "|") != c.issuers || d.Date != c.date {
			t.Errorf("%s: issuers %q, date %q; want %q, %q (history %q)", c.name, d.Issuers, d.Date, c.issuers, c.date, d.History)
		}
	}
	if isHistoryLine("2020年12月31日前，各地应当将通过审核的名单报送省厅。") || isHistoryLine("2021年1月1日起，本市统一通过平台办理。") {
		t.Error("a sentence with a deadline read as a history line")
	}
	if !isHistoryLine("2018年11月25日 公安部令第149号修正。") {
		t.Error("one event closed with a full stop is a history line")
	}
}

// TestTitleIssuersJoined: a joint notice's title naming its issuers with
// 、 (财政部、税务总局关于…) is its title; the letterhead of a red-headed
// document names its issuer in full where the title shortens it.
func TestTitleIssuersJoined(t *testing.T) {
	d, err := Parse("joint.txt", "财政部、税务总局关于延续实施小微企业增值税政策的公告\n财税〔2023〕1号\n\n为支持小微企业发展，现将有关政策公告如下：\n\n一、对月销售额10万元以下的增值税小规模纳税人，免征增值税。\n\n二、本公告执行至2027年12月31日。\n\n财政部 税务总局\n2023年8月1日")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "财政部、税务总局关于延续实施小微企业增值税政策的公告" {
		t.Errorf("title %q", d.Title)
	}
	if isOrganLine("财政部、某某会议纪要") || !isOrganLine("中共某某市委办公厅、某某市人民政府办公厅") {
		t.Error("organs joined by 、")
	}
	d, err = Parse("red.txt", "天津市教育委员会文件\n津教委〔2016〕10号\n市教委关于印发某某工作指导意见的通知\n各区教育局：\n现将《某某工作指导意见》印发给你们，请遵照执行。\n2016年4月1日\n一、总体要求\n做好招生工作。")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Issuers, "|") != "天津市教育委员会" {
		t.Errorf("issuers %q, want the letterhead's organ", d.Issuers)
	}
}

// TestRuleWithItsOrder: a government rule printed under the order that
// publishes it (某省人民政府令 / （〔2011〕第20号）, the order's sentence, the
// governor's name and the date, then the rule) takes its title from the
// order's 《》 (a title it cites in 〈〉 given back its 《》), its issuer and
// 文号 from the order, its date from the order's date — set with spaces
// between its numerals or not; an order whose header is an image leaves
// its bare number, and the government whose meeting passed it.
func TestRuleWithItsOrder(t *testing.T) {
	for _, c := range []struct{ name, text, title, issuers, number, date string }{
		{"bracketed year", "河北省人民政府令\n（〔2011〕第20号）\n\n《河北省某某服务管理规定》已经 2011年 12月 28日 省政府第99次常务会议通过，现予公布，自 2012年 3月 1日 起施行。\n\n代省长　　某某某\n二○ 一一年十二月三十一日\n\n河北省某某服务管理规定\n\n第一章  总则\n\n第一条  为了规范某某服务管理，制定本规定。\n\n第二条  本规定适用于本省。",
			"河北省某某服务管理规定", "河北省人民政府", "河北省人民政府令〔2011〕第20号", "2011-12-31"},
		{"no title line", "北京市人民政府令\n\n第270号\n\n《北京市实施〈某某暂行条例〉办法》已经2016年4月26日市人民政府第114次常务会议审议通过，现予公布，自2016年10月1日起施行。\n\n市长 某某某\n\n2016年5月17日\n\n第一条 为了推进某某工作，制定本办法。\n\n第二条 本办法适用于本市。",
			"北京市实施《某某暂行条例》办法", "北京市人民政府", "北京市人民政府令第270号", "2016-05-17"},
		{"header as an image", "第281号\n\n《辽宁省某某服务管理办法》业经2013年1月14日辽宁省第十一届人民政府第65次常务会议审议通过，现予公布，自2013年4月1日起施行。\n\n省长 某某某\n\n2013年2月4日\n\n辽宁省某某服务管理办法\n\n第一条 为了加强某某服务管理，制定本办法。\n\n第二条 本办法适用于本省。",
			"辽宁省某某服务管理办法", "辽宁省人民政府", "第281号", "2013-02-04"},
	} {
		d, err := Parse(c.name+".txt", c.text)
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != c.title || strings.Join(d.Issuers, "|") != c.issuers || d.DocNumber != c.number || d.Date != c.date {
			t.Errorf("%s: %q %q %q %q, want %q %q %q %q", c.name, d.Title, d.Issuers, d.DocNumber, d.Date, c.title, c.issuers, c.number, c.date)
		}
	}
	if got := dateLine("二○ 一一年十二月三十一日"); got != "2011-12-31" {
		t.Errorf("spaced date: %q", got)
	}
}

// TestTitleShapesOfNotices: a 文号 set at the end of the title's line is
// no part of the title; a title printed twice (a printed page's running
// header over the title set over two lines, or a saved page's heading
// with a note) is read once; a title forwarding others' document
// (某省人民政府办公厅转发省教育厅等部门 / 关于…的通知) keeps its head; the
// transmittal's signature names the issuers, not the list of organs under
// the title of the text it forwards.
func TestTitleShapesOfNotices(t *testing.T) {
	for _, c := range []struct{ name, text, title, issuers string }{
		{"文号 on the title's line", "国务院关于加强某某工作的决定 国发〔2008〕17号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为加强某某工作，现作如下决定：\n一、充分认识某某工作的重要性\n某某工作十分重要。\n二、加强组织领导\n各地要加强领导。\n中华人民共和国国务院\n2008年5月12日",
			"国务院关于加强某某工作的决定", "中华人民共和国国务院"},
		{"running header", "国务院办公厅关于转发某某委等部门某某工作规划（2015—2020年）的通知\n国务院办公厅关于转发某某委等部门\n某某工作规划（2015—2020年）的通知\n国办发〔2015〕44号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n某某委、教育部、公安部《某某工作规划（2015—2020年）》已经国务院同意，现转发给你们，请结合实际认真贯彻执行。\n国务院办公厅\n2015年6月4日\n某某工作规划（2015—2020年）\n某某委 教育部 公安部\n一、规划背景\n某某工作取得进展。\n二、总体要求\n坚持某某原则。",
			"国务院办公厅关于转发某某委等部门某某工作规划（2015—2020年）的通知", "国务院办公厅"},
		{"heading with a note", "江西省某某登记和某某办理工作规范(某某办理)\n江西省某某登记和\n某某办理工作规范\n第一条 为规范某某登记工作，制定本规范。\n第二条 本规范适用于本省。",
			"江西省某某登记和某某办理工作规范", ""},
		{"forwarding", "河南省人民政府办公厅转发省教育厅等部门\n关于做好某某工作\n实施意见的通知\n豫政办〔2012〕180号\n各省辖市人民政府，省人民政府各部门：\n省教育厅、发展改革委制定的《关于某某工作的实施意见》已经省政府同意，现转发给你们，请认真贯彻执行。\n河南省人民政府办公厅\n2012年12月31日\n关于某某工作的实施意见\n省教育厅 省发展改革委 省公安厅\n一、充分认识做好某某工作的重要性\n某某工作十分重要。\n二、工作原则\n坚持某某原则。",
			"河南省人民政府办公厅转发省教育厅等部门关于做好某某工作实施意见的通知", "河南省人民政府办公厅"},
	} {
		d, err := Parse(c.name+".txt", c.text)
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != c.title || strings.Join(d.Issuers, "|") != c.issuers {
			t.Errorf("%s: title %q, issuers %q; want %q, %q", c.name, d.Title, d.Issuers, c.title, c.issuers)
		}
	}
	if !forwards("某省人民政府办公厅转发省教育厅等部门") || forwards("请各地转发有关部门") {
		t.Error("forwards")
	}
}

// TestOrderWithoutItsHeader: a city's rule printed with the order's
// sentence alone names its government by level (市人民政府第121次常务会议),
// and the place comes from the rule's title; a date written with a Latin
// O for zero (二O一O年) is a date.
func TestOrderWithoutItsHeader(t *testing.T) {
	d, err := Parse("order.txt", "厦门市某某文件管理办法\n\n《厦门市某某文件管理办法》已经2010年12月24日市人民政府第121次常务会议通过，现予公布，自2011年3月1日起施行。\n\n市长 某某某\n\n二O一O年十二月三十一日\n\n厦门市某某文件管理办法\n\n第一章 总则\n\n第一条 为了规范某某文件管理，制定本办法。\n\n第二条 本办法适用于本市。")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Issuers, "|") != "厦门市人民政府" || d.Date != "2010-12-31" {
		t.Errorf("issuers %q, date %q", d.Issuers, d.Date)
	}
	for title, level := range map[string]rune{"《某某条例》实施办法": '市', "城市房屋拆迁管理办法": '市', "社区矫正工作实施办法": '区', "关于加强城市管理的若干规定": '市'} {
		if got := titlePlace(title, level); got != "" {
			t.Errorf("titlePlace(%q) = %q, want none", title, got)
		}
	}
}

// TestHeaderRulesKeepTheirPlace: the rules for laws' histories, orders
// and letterheads leave other documents as they were — a report whose
// first sentence dates a law's passing, a notice implementing a law
// already published, a joint notice on one organ's letterhead — and a
// title's or a signature's organs joined by 、 are each an issuer.
func TestHeaderRulesKeepTheirPlace(t *testing.T) {
	for _, c := range []struct{ name, text, title, issuers, date string }{
		{"report dating a law", "关于某某条例实施情况的报告\n2019年3月1日省人大常委会通过的《某某条例》实施以来成效明显。\n一、主要做法\n加强宣传。\n二、下步打算\n继续推进。\n某某省人民政府\n2024年3月10日",
			"关于某某条例实施情况的报告", "某某省人民政府", "2024-03-10"},
		{"implementing a law", "《某某省物业管理条例》已经2019年9月27日某某省第十三届人民代表大会常务委员会第十四次会议通过并公布，自2020年1月1日起施行。为做好贯彻实施工作，现就有关事项通知如下：\n一、加强学习宣传\n组织学习。\n二、抓好配套制度\n制定办法。",
			"", "", ""},
		{"joint notice on one letterhead", "某某市教育委员会文件\n某教〔2020〕1号\n某某市教育委员会 某某市财政局关于做好某某工作的通知\n各区教育局：\n现将有关事项通知如下：\n一、工作目标\n做好某某工作。\n二、保障措施\n加强领导。\n2020年3月1日",
			"某某市教育委员会 某某市财政局关于做好某某工作的通知", "某某市教育委员会|某某市财政局", "2020-03-01"},
		{"joint title, bare date", "财政部、税务总局关于延续实施某某政策的公告\n一、对某某纳税人，免征增值税。\n二、本公告执行至2027年12月31日。\n2023年8月1日",
			"财政部、税务总局关于延续实施某某政策的公告", "财政部|税务总局", "2023-08-01"},
		{"signature joined by 、", "关于做好某某工作的通知\n各区：\n一、工作目标\n做好某某工作。\n二、保障措施\n加强领导。\n某某市教育局、某某市财政局\n2021年5月6日",
			"关于做好某某工作的通知", "某某市教育局|某某市财政局", "2021-05-06"},
	} {
		d, err := Parse(c.name+".txt", c.text)
		if err != nil {
			t.Fatal(err)
		}
		if c.title == "" {
			c.title = fileTitle(c.name + ".txt")
		}
		if d.Title != c.title || strings.Join(d.Issuers, "|") != c.issuers || d.Date != c.date {
			t.Errorf("%s: %q %q %q, want %q %q %q (history %q)", c.name, d.Title, d.Issuers, d.Date, c.title, c.issuers, c.date, d.History)
		}
	}
}
