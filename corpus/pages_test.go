package corpus

import (
	"strings"
	"testing"
)

// savedNotice is a notice as a government site's page saves it: the
// site's navigation over the title, the page's time and font controls,
// the signature's date set one piece a line, and the site's footer.
var savedNotice = strings.Join([]string{
	"华北能源监管局关于开展测试工作的通知_国家能源局华北监管局",
	"设为首页",
	"工作邮箱",
	"首页",
	"信息公开",
	"在线办事",
	"专题专栏",
	"华北能源监管局关于开展测试工作的通知",
	"2019-11-15 00:00",
	"来源：",
	"字体：",
	"国网河北省电力有限公司，各有关发电企业：",
	"为做好测试工作，现将有关事项通知如下。",
	"一、测试自11月18日起至12月底止。",
	"二、各单位要做好组织保障。",
	"联系电话：010-12345678",
	"国家能源局华北监管局",
	"2019",
	"年",
	"11",
	"月",
	"15",
	"日",
	"扫一扫在手机打开当前页",
	"网站地图",
	"联系我们",
	"通信地址：北京市西城区复兴门外大街1号",
	"邮政编码：100045",
	"主办单位: 国家能源局华北监管局",
	"京公网安备 11010202007691",
	"网站标识码：bm62000015号",
	"京ICP备11044902号",
	"国家能源局华北监管局版权所有，如需转载，请注明来源",
}, "\n")

func TestSavedNoticeHeader(t *testing.T) {
	d, err := Parse("page.txt", savedNotice)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "华北能源监管局关于开展测试工作的通知" {
		t.Errorf("title %q: the navigation joined it", d.Title)
	}
	if got := strings.Join(d.Issuers, "|"); got != "国家能源局华北监管局" {
		t.Errorf("issuers %q, want the signature's", got)
	}
	if d.Date != "2019-11-15" {
		t.Errorf("date %q", d.Date)
	}
	var all strings.Builder
	d.Walk(func(n *Node) bool {
		all.WriteString(n.Heading + n.Text + "\n")
		return true
	})
	for _, footer := range []string{"ICP备", "版权所有", "网站地图", "邮政编码", "设为首页", "工作邮箱", "专题专栏"} {
		if strings.Contains(all.String(), footer) {
			t.Errorf("footer line %q kept in the document", footer)
		}
	}
	if !strings.Contains(all.String(), "联系电话：010-12345678") {
		t.Error("the notice's own contact line above its signature was dropped")
	}
	checkNothingLost(t, savedNotice, d)
}

// TestTitleUnderNavigation: what a title prints over its 关于 must be
// its issuers — one a line, or a name broken at a narrow column's edge —
// for the lines to join it.
func TestTitleUnderNavigation(t *testing.T) {
	for _, c := range []struct{ lines, want string }{
		{"首页\n政务公开\n规范性文件\n来源：\n价格司\n国家发展改革委关于核定2020～2022年\n区域电网输电价格的通知\n发改价格规〔2020〕1441号",
			"国家发展改革委关于核定2020～2022年区域电网输电价格的通知"},
		{"国家发展改革委办公厅\n国家能源局综合司关于\n做好电力现货市场试点连续试结算\n相关工作的通知\n发改办能源规〔2020〕245号",
			"国家发展改革委办公厅国家能源局综合司关于做好电力现货市场试点连续试结算相关工作的通知"},
		{"国家发展改革委 国家能源\n局关于加强和规范电网\n规划投资管理工作的通知\n发改能源规〔2020〕816号",
			"国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知"},
		{"关于核定2020～2022年区域电网输电价格的通知(发改价格规〔2020〕1441号)\n[ 打印 ]\n国家发展改革委关于核定2020～2022年\n区域电网输电价格的通知\n发改价格规〔2020〕1441号",
			"国家发展改革委关于核定2020～2022年区域电网输电价格的通知"},
		{"在线办事\n互动回应\n专题专栏\n关于做好2019年电力市场化交易注册绑定有关工作的通知\n各有关单位：",
			"关于做好2019年电力市场化交易注册绑定有关工作的通知"},
		{"中共中央办公厅 国务院办公厅印发《关于进一步加强\n测试工作的意见》的通知\n各省、自治区、直辖市：",
			"中共中央办公厅 国务院办公厅印发《关于进一步加强测试工作的意见》的通知"},
	} {
		d, err := Parse("t.txt", c.lines+"\n一、总体要求\n做好测试工作。")
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != c.want {
			t.Errorf("%q: title %q, want %q", c.lines, d.Title, c.want)
		}
	}
}

// TestSignatureInsideTheBody: a file that goes on after its notice (the
// next notice of a compilation) takes its date and issuer from the
// notice's own signature.
func TestSignatureInsideTheBody(t *testing.T) {
	src := strings.Join([]string{
		"关于开展测试改革试点的通知",
		"（医保办函〔2025〕40 号）",
		"各省、自治区、直辖市医疗保障局：",
		"现就相关工作安排通知如下：",
		"一、工作意义",
		"通过改革试点赋能定点医药机构。",
		"二、工作要求",
		"请各省级医保局按时报送。",
		"国家医疗保障局办公室",
		"2025年4月23日",
		"国家医保局 国家卫生健康委关于建立测试机制的通知",
		"各省、自治区、直辖市医保局：",
		"一、总体要求",
		"二〇二五年五月一日",
	}, "\n")
	d, err := Parse("compiled.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2025-04-23" || strings.Join(d.Issuers, "|") != "国家医疗保障局办公室" {
		t.Errorf("date %q issuers %q, want the first notice's signature", d.Date, d.Issuers)
	}
}

func TestJoinSplitDates(t *testing.T) {
	units := func(ss ...string) []unit {
		var us []unit
		for i, s := range ss {
			us = append(us, unit{line: i + 1, text: s})
		}
		return us
	}
	texts := func(us []unit) string {
		var out []string
		for _, u := range us {
			out = append(out, u.text)
		}
		return strings.Join(out, "/")
	}
	for _, c := range []struct {
		in   []unit
		want string
	}{
		{units("国家能源局", "2019", "年", "11", "月", "15", "日", "附件"), "国家能源局/2019年11月15日/附件"},
		{units("二〇〇九年", "一月", "十九日"), "二〇〇九年一月十九日"},
		{units("12", "3", "4", "2019", "年"), "12/3/4/2019/年"},
		{units("2019年11月15日"), "2019年11月15日"},
	} {
		if got := texts(joinSplitDates(c.in)); got != c.want {
			t.Errorf("%s: %s", c.want, got)
		}
	}
}

// TestHeaderRulesKeepOrdinaryDocuments: documents the page and
// compilation rules must leave as they were — a task table with dates
// under its units, a transmittal's title broken over lines, an empty
// 发布时间 label over the title, contact lines closing a notice, button
// rows after the signature.
func TestHeaderRulesKeepOrdinaryDocuments(t *testing.T) {
	for _, c := range []struct {
		name, src, title, issuers, date string
	}{
		{"task table", "某市人民政府办公室关于印发重点任务分工的通知\n某政办发〔2024〕3号\n各区人民政府：\n现将重点任务分工印发给你们。\n一、重点任务\n推进老旧小区改造，完成50个小区。\n责任单位：\n市住房城乡建设局\n2024年12月31日\n推进数字政府建设。\n二、工作要求\n各区要按时完成。\n某市人民政府办公室\n2024年3月1日",
			"某市人民政府办公室关于印发重点任务分工的通知", "某市人民政府办公室", "2024-03-01"},
		{"transmittal over three lines", "湖北省人民政府办公厅关于转发\n省发展改革委关于进一步做好\n价格监管工作意见的通知\n鄂政办发〔2020〕12号\n各市、州人民政府：\n现转发给你们，请认真贯彻执行。\n湖北省人民政府办公厅\n2020年3月1日",
			"湖北省人民政府办公厅关于转发省发展改革委关于进一步做好价格监管工作意见的通知", "湖北省人民政府办公厅", "2020-03-01"},
		{"empty label over the title", "首页 > 政务公开\n发布时间：\n关于加强价格监管的通知\n各省、自治区、直辖市发展改革委：\n现通知如下。\n一、加强监管。\n国家发展改革委\n2024年1月1日",
			"关于加强价格监管的通知", "国家发展改革委", "2024-01-01"},
		{"buttons after the signature", "关于开展2024年度检查的通知\n各区财政局：\n现就有关事项通知如下。\n一、检查范围。全市各单位。\n市财政局\n2024年3月1日\n【打印本页】【关闭窗口】\n【大】【中】【小】",
			"关于开展2024年度检查的通知", "市财政局", "2024-03-01"},
	} {
		d, err := Parse("doc.txt", c.src)
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != c.title || strings.Join(d.Issuers, "|") != c.issuers || d.Date != c.date {
			t.Errorf("%s: %q %q %q, want %q %q %q", c.name, d.Title, d.Issuers, d.Date, c.title, c.issuers, c.date)
		}
	}
	// A notice's own contact lines after its signature are no footer.
	src := "关于征求意见的通知\n各有关单位：\n请于2024年2月1日前反馈。\n国家发展改革委办公厅\n2024年1月1日\n联系人：张三\n联系电话：010-68501234\n传真：010-68501235"
	d, err := Parse("contact.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	d.Walk(func(n *Node) bool { all.WriteString(n.Text); return true })
	if !strings.Contains(all.String(), "传真：010-68501235") {
		t.Errorf("the notice's contact lines were dropped: %q", all.String())
	}
}

// TestTitlesThatLookLikeSentences: a question is a Q&A's heading, and
// lead phrases whose words hold 需, 应, 请 bind no one.
func TestTitlesThatLookLikeSentences(t *testing.T) {
	src := "关于推动高质量发展的实施意见\n一、出台背景是什么，有哪些考虑？\n近年来，各地积极探索。\n二、总体要求\n（一）强化需方管理。引导合理消费。\n（二）完善应税产品目录。按规定执行。\n（三）保障刚需住房。加大供给。\n（四）优化请假制度。严格执行。"
	d, err := Parse("qa.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"出台背景是什么，有哪些考虑？": true, "强化需方管理": true, "完善应税产品目录": true, "保障刚需住房": true, "优化请假制度": true}
	d.Walk(func(n *Node) bool {
		delete(want, n.Heading)
		return true
	})
	for h := range want {
		t.Errorf("heading %q lost", h)
	}
}

// TestShortLinesThatAreNoMenu: a document's own short lines — a title
// spaced over lines, a list of names — are no site menu.
func TestShortLinesThatAreNoMenu(t *testing.T) {
	src := "国务院\n关于\n加强管理\n的通知\n国发〔2024〕1号\n各省人民政府：\n一、总体要求\n张三\n李四\n王五\n国务院\n2024年1月1日"
	d, err := Parse("short.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	d.Walk(func(n *Node) bool { all.WriteString(n.Heading + n.Text); return true })
	for _, w := range []string{"张三", "李四", "王五"} {
		if !strings.Contains(all.String(), w) {
			t.Errorf("%s dropped as a menu", w)
		}
	}
	if d.Title != "国务院关于加强管理的通知" {
		t.Errorf("title %q", d.Title)
	}
}

// savedRules is a district page saved as text: a site banner and its
// breadcrumbs over the document, page links and a footer with the site's
// link list under it.
var savedRules = strings.Join([]string{
	"在线客服",
	"用户登录用户注册",
	"您现在的位置：政策服务>政策推荐",
	"某新区促进总部经济发展扶持办法实施细则",
	"第一章 总则",
	"第一条 根据《某新区促进总部经济发展扶持办法》，为便于政策实施，制订本实施细则。",
	"第二条 申请总部奖励的企业，应当同时满足以下条件。",
	"为落实《中共中央印发关于深化人才发展体制机制改革的意见》，制定本条。",
	"上一篇：某新区支持新兴产业园发展的用地管理意见",
	"下一篇：某新区促进现代服务业发展扶持办法",
	"2016 © 版权归某区人民政府所有",
	"备案号：粤ICP备10041711号-3",
	"某区各镇街道",
	"万顷沙镇黄阁镇横沥镇大岗镇",
}, "\n")

// TestSavedPageBreadcrumbs: everything over a page's breadcrumbs is its
// header and the title follows them; 上一篇/下一篇 links and the link list
// under a footer are the page's; a name cited as having issued something
// (《中共中央印发…》) is not an issuer.
func TestSavedPageBreadcrumbs(t *testing.T) {
	d, err := Parse("page.txt", savedRules)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "某新区促进总部经济发展扶持办法实施细则" {
		t.Errorf("title %q", d.Title)
	}
	if len(d.Issuers) != 0 {
		t.Errorf("issuers %q, want none", d.Issuers)
	}
	d.Walk(func(n *Node) bool {
		for _, chrome := range []string{"在线客服", "用户登录", "上一篇", "下一篇", "版权", "镇街道", "黄阁镇"} {
			if strings.Contains(n.Heading+n.Text, chrome) {
				t.Errorf("%s holds the page's %q", n.ID, chrome)
			}
		}
		return true
	})
	if got := len(d.Children); got != 2 || d.Children[0].Text != d.Title || d.Children[1].Number != "第一章" {
		t.Errorf("%d top nodes, want the title's line and the chapter", got)
	}
}

// TestAppendixAfterLastArticle: an appendix a law prints after its last
// article under a label with its title (附：国旗制法说明) is closing
// matter: neither the label nor the appendix's numbered lines belong to
// the last article.
func TestAppendixAfterLastArticle(t *testing.T) {
	text := strings.Join([]string{
		"中华人民共和国国旗法",
		"第一条 为了维护国旗的尊严，制定本法。",
		"第二条 本法自1990年10月1日起施行。",
		"附：国旗制法说明",
		"（一）旗面为红色，长方形。",
		"（二）五星之位置与画法如下：",
	}, "\n")
	d, err := Parse("flag.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Children[len(d.Children)-1]
	d.Walk(func(n *Node) bool {
		if n.Number == "第二条" && (len(n.Children) > 0 || strings.Contains(n.Text, "附")) {
			t.Errorf("the last article holds the appendix: %q, %d children", n.Text, len(n.Children))
		}
		return true
	})
	if last.Kind != Paragraph || !strings.HasPrefix(last.Text, "附：国旗制法说明") {
		t.Errorf("last node %v %q, want the appendix as closing matter", last.Kind, last.Text)
	}
}

// TestDecreeHeader: a rule published by decree, as a legal database
// exports it — the database's citation code and link over the title, the
// decree's organ and number over two lines, the promulgation signed by a
// mayor — takes its issuer and 文号 from the decree.
func TestDecreeHeader(t *testing.T) {
	text := strings.Join([]string{
		"    【法宝引证码】 CLI.11.1535062",
		"原文链接：https://www.pkulaw.com/lar/7d920e1816db6cdd81e6141142bae24abdfb.html",
		"某市促进科技创新管理办法",
		"某市人民政府令",
		"",
		"（第19号）",
		"　　《某市促进科技创新管理办法》已经2019年7月30日市政府第60次常务会议通过，现予公布，自2019年8月20日起施行。",
		"市长　某某",
		"2019年8月12日",
		"第一章　总则",
		"　　第一条　为了促进科技创新，制定本办法。",
	}, "\n")
	d, err := Parse("decree.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "某市促进科技创新管理办法" || strings.Join(d.Issuers, "|") != "某市人民政府" || d.DocNumber != "某市人民政府令第19号" || d.Date != "2019-08-12" {
		t.Errorf("header %q %q %q %q", d.Title, d.Issuers, d.DocNumber, d.Date)
	}
	d.Walk(func(n *Node) bool {
		if strings.Contains(n.Text, "法宝引证码") || strings.Contains(n.Text, "pkulaw") {
			t.Errorf("%s holds the database's lines: %q", n.ID, n.Text)
		}
		return true
	})
}

// TestHistoryDecidedAndAnnounced: a rule whose history says a body's
// plenary meeting decided it and the body's notice published it names
// that body.
func TestHistoryDecidedAndAnnounced(t *testing.T) {
	text := "监察工作信息公开条例\n\n（2025年12月29日国家监察委员会全体会议决定　2026年1月20日国家监察委员会公告第3号公布）\n\n第一条　为了规范监察工作信息公开，制定本条例。\n第二条　本条例自公布之日起施行。\n"
	d, err := Parse("rule.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Issuers, "|") != "国家监察委员会" || d.Date != "2026-01-20" {
		t.Errorf("issuers %q, date %q", d.Issuers, d.Date)
	}
}

// TestTitleWithVersionNote: a title whose kind a short bracketed note on
// its version follows, on a line of its own, keeps the note.
func TestTitleWithVersionNote(t *testing.T) {
	d, err := Parse("plan.txt", "新型冠状病毒感染诊疗方案\n（试行第十版）\n\n为进一步做好诊疗工作，制定本方案。\n一、病原学特点\n新型冠状病毒为β属冠状病毒。\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "新型冠状病毒感染诊疗方案（试行第十版）" {
		t.Errorf("title %q", d.Title)
	}
}

// TestSealedSignature: a signer whose name breaks over two lines, another
// organ's seal standing for its own (（国家卫生健康委代章）) and a note on
// how the notice is published under the date: the signer is the issuer.
func TestSealedSignature(t *testing.T) {
	text := strings.Join([]string{
		"联防联控机制综发〔2022〕71号",
		"关于印发新型冠状病毒肺炎防控方案",
		"（第九版）的通知",
		"各省、自治区、直辖市应对新型冠状病毒肺炎疫情联防联控机制：",
		"为进一步指导各地做好防控工作，制定了防控方案（第九版）。现印发给你们，请认真组织实施。",
		"国务院应对新型冠状病毒肺炎",
		"疫情联防联控机制综合组",
		"（国家卫生健康委代章）",
		"2022年6月27日",
		"（信息公开形式：主动公开）",
	}, "\n")
	d, err := Parse("sealed.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Issuers, "|"); got != "国务院应对新型冠状病毒肺炎疫情联防联控机制综合组" || d.Date != "2022-06-27" {
		t.Errorf("issuers %q, date %q", got, d.Date)
	}
}

// TestPageRulesKeepDocumentText: lines that only look like a page's —
// a document's own 位置： line, a last article about copyright over the
// signature, a labelled web address the document gives — stay its text.
func TestPageRulesKeepDocumentText(t *testing.T) {
	for _, c := range []struct{ name, text, keep string }{
		{"position", "关于某地块国有建设用地使用权出让的公告\n一、地块基本情况\n位置：某区某路以东\n面积：1.2公顷\n二、竞买要求\n竞买人应当具备相应资格。", "位置：某区某路以东"},
		{"copyright article", "某市文艺作品扶持办法\n第一条 为了繁荣文艺创作，制定本办法。\n第二条 受资助作品的版权归作者所有。\n某市文化广电旅游局\n2021年3月1日", "受资助作品的版权归作者所有"},
		{"web address", "关于开展项目申报的通知\n一、申报方式\n申报网址：https://kjj.example.gov.cn/sb\n二、申报时间\n即日起至6月30日。", "申报网址"},
	} {
		d, err := Parse(c.name+".txt", c.text)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		d.Walk(func(n *Node) bool {
			found = found || strings.Contains(n.Heading+n.Text, c.keep)
			return true
		})
		if !found {
			t.Errorf("%s: %q was dropped", c.name, c.keep)
		}
	}
	d, _ := Parse("signed.txt", "某市文艺作品扶持办法\n第一条 为了繁荣文艺创作，制定本办法。\n第二条 受资助作品的版权归作者所有。\n某市文化广电旅游局\n2021年3月1日")
	if strings.Join(d.Issuers, "|") != "某市文化广电旅游局" || d.Date != "2021-03-01" {
		t.Errorf("signature lost: issuers %q, date %q", d.Issuers, d.Date)
	}
}

// TestPageTitleWeighed: a page's <title> stands in for a title the text
// does not give or that the page's menus ran into, and only when it reads
// as a document's: a section and the site's owner, printed in its banner,
// are no title.
func TestPageTitleWeighed(t *testing.T) {
	page := func(title, body string) []byte {
		return []byte("<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>")
	}
	for _, c := range []struct{ name, title, body, want string }{
		{"section and owner", "通知公告_某市人民政府办公室", "<div>某市人民政府办公室</div><p>关于做好2021年春节期间安全生产工作的通知</p><p>各区人民政府：</p><p>为做好安全生产工作，现将有关事项通知如下。</p><p>某市人民政府办公室</p><p>2021年2月1日</p>", "关于做好2021年春节期间安全生产工作的通知"},
		{"heading", "某新区促进科技创新产业发展扶持办法｜某区人民政府", "<div>首页</div><h2>某新区促进科技创新产业发展扶持办法</h2><p>来源：某区发改局</p><p>为促进科技创新，制定本办法。</p><p>一、促进高新技术企业发展</p><p>第一条 对新落户本区的国家高新技术企业，给予奖励。</p>", "某新区促进科技创新产业发展扶持办法"},
	} {
		d, err := ParseBytes(c.name+".html", page(c.title, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(d.Title, c.want) || d.Title == "某市人民政府办公室" || strings.Contains(d.Title, "首页") {
			t.Errorf("%s: title %q, want %q", c.name, d.Title, c.want)
		}
	}
}

// TestLabelsAndDecreesInsideTheBody: a list of attachments inside a part
// (附件1：项目申报书) and a 附：… line before a law's last article do not
// end the body; a decree a sentence cites is neither the 文号 nor the
// issuer.
func TestLabelsAndDecreesInsideTheBody(t *testing.T) {
	d, err := Parse("midbody.txt", strings.Join([]string{
		"关于开展2021年度科技项目申报工作的通知",
		"各有关单位：",
		"现将有关事项通知如下。",
		"一、申报条件",
		"申报单位应当具有独立法人资格。",
		"二、申报材料",
		"附件1：项目申报书",
		"附件2：信用承诺书",
		"三、申报时间",
		"2021年5月1日前提交。",
		"四、联系方式",
		"联系电话：12345678",
		"某市科学技术局",
		"2021年3月1日",
	}, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	parts := 0
	for _, n := range d.Children {
		if n.Kind == Part {
			parts++
		}
	}
	if parts != 4 || strings.Join(d.Issuers, "|") != "某市科学技术局" || d.Date != "2021-03-01" {
		t.Errorf("%d parts, issuers %q, date %q; want 4 parts signed by 某市科学技术局", parts, d.Issuers, d.Date)
	}
	law, err := Parse("lawapp.txt", "某某条例\n第一条 为了规范管理，制定本条例。\n第二条 申请人应当提交申请书。\n附：申请书格式由省人民政府规定\n第三条 本条例自2020年1月1日起施行。")
	if err != nil {
		t.Fatal(err)
	}
	articles := 0
	law.Walk(func(n *Node) bool {
		if n.Kind == Article {
			articles++
		}
		return true
	})
	if articles != 3 {
		t.Errorf("%d articles, want 3", articles)
	}
	cited, err := Parse("cite.txt", "某市人民政府关于印发某某办法的通知\n各区人民政府：\n根据《某省某某办法》（省政府令第12号），现将《某某办法》印发给你们，请认真贯彻执行。\n一、总体要求\n（一）加快发展。")
	if err != nil {
		t.Fatal(err)
	}
	if cited.DocNumber != "" || strings.Join(cited.Issuers, "|") != "某市人民政府" {
		t.Errorf("文号 %q, issuers %q: a cited decree taken for the notice's", cited.DocNumber, cited.Issuers)
	}
}

// TestSavedPageChromeAndDates: a site's toolbar (RSS信息订阅|繁体|简体) and
// font controls (【字号大中小】) are chrome, a markdown table's row and a
// document's short items between bars are not; the time a site posted a
// page (2020-12-02 14:53, 发布日期：…) is not the document's date.
func TestSavedPageChromeAndDates(t *testing.T) {
	for l, want := range map[string]bool{
		"RSS信息订阅|繁体|简体":      true,
		"English | 无障碍 | 登录": true,
		"首页｜政务公开｜通知公告":       true,
		"| 序号 | 繁体 | 简体 |":   false,
		"甲方|乙方":              false,
		"申报材料|申报时间|联系方式：某某处": false,
	} {
		if isToolbar(l) != want {
			t.Errorf("isToolbar(%q) = %v", l, !want)
		}
	}
	d, err := Parse("page.txt", "RSS信息订阅|繁体|简体\n广东省某某设施建设管理规定\n【字号大中小】【内容纠错】\n2014-04-29 10:20\n发布日期：2014-04-29\n第一条 为了加强某某设施建设管理，制定本规定。\n第二条 本规定适用于本省行政区域。")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "广东省某某设施建设管理规定" || d.Date != "" {
		t.Errorf("title %q, date %q; want the rule's title and no date", d.Title, d.Date)
	}
}

// TestPrintedPageHeader: a page printed to PDF keeps its site's menus as
// lines of links set apart by spaces over the 文号 and the red line under
// it; the title is the one under them, not the menus run together. A
// share bar under the signature (分享到：|更多【收藏】…) does not hide the
// signature's date.
func TestPrintedPageHeader(t *testing.T) {
	d, err := Parse("printed.txt", "简体 繁体\n首页 某省概况 政务公开 网上办事 政民互动\n热词 省政府权责清单 政府工作报告\n某府〔2003〕81号\n━━━━━━━━━━━━━━━━━━━━\n印发某省引进人才实行《某省居住证》 暂行办法的通知\n各地级以上市人民政府，省政府各部门：\n现将《某省引进人才实行〈某省居住证〉暂行办法》印发给你们，请认真贯彻执行。\n某省人民政府\n二○○三年九月二十九日\n某省引进人才实行《某省居住证》暂行办法\n第一条 为了引进人才，制定本办法。\n第二条 本办法适用于本省。")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "印发某省引进人才实行《某省居住证》暂行办法的通知" {
		t.Errorf("title %q", d.Title)
	}
	for l, want := range map[string]bool{
		"简体 繁体": true, "首页 政务公开": true, "国家发展改革委 国家能源局": false, "简体": false,
	} {
		if isToolbar(l) != want {
			t.Errorf("isToolbar(%q) = %v", l, !want)
		}
	}
	for l, want := range map[string]bool{
		"━━━━━━━━━━":          false,
		"国家发展改革委 国家数据局 国家能源局": true, // organs side by side over a title
		"关于做好 某某工作 的通知":       true,
	} {
		if titleLike(l) != want {
			t.Errorf("titleLike(%q) = %v", l, !want)
		}
	}
	// A run of link lines goes when one of them names a menu item; a
	// title printed with spaces between its words names none.
	menus := withoutMenus([]string{"首页 某省概况 政务公开 网上办事", "热词 省政府权责清单 政府工作报告", "某府〔2003〕81号"})
	if menus[0] != "" || menus[1] != "" || menus[2] == "" {
		t.Errorf("menus kept: %q", menus)
	}
	for _, title := range []string{"某某市 2024年 政府工作报告", "深圳市 城市更新 办法"} {
		d, err := Parse("spaced.txt", title+"\n某府〔2024〕1号\n各区人民政府：\n现将有关事项通知如下。\n一、总体要求\n做好工作。")
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != strings.ReplaceAll(title, " ", "") && d.Title != title {
			t.Errorf("spaced title %q read as %q", title, d.Title)
		}
	}
	d, err = Parse("shared.txt", "福建省人民政府关于推进某某改革的意见\n各市、县（区）人民政府，省人民政府各部门：\n为推进某某改革，提出如下意见：\n一、总体要求\n坚持某某原则。\n二、保障措施\n加强组织领导。\n福建省人民政府\n2015年2月11日\n分享到：|更多【收藏】【打印】【关闭】")
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2015-02-11" || strings.Join(d.Issuers, "|") != "福建省人民政府" {
		t.Errorf("signature under a share bar: %q %q", d.Issuers, d.Date)
	}
	// Text that starts like a share bar stays.
	d, err = Parse("share.txt", "关于做好某某工作的通知\n一、总结推广\n分享典型经验做法\n分享到各区的资金要专款专用\n二、保障措施\n加强领导。")
	if err != nil {
		t.Fatal(err)
	}
	for _, dr := range d.dropped {
		if strings.HasPrefix(dr.text, "分享") {
			t.Errorf("%q dropped as %s", dr.text, dr.reason)
		}
	}
}

// TestToolbarKeepsTables: a table's rows between bars are text — a
// markdown table over its rule, cells that merely start like a toolbar
// word (登录系统) or are one character (大, 中, 小) — and so is a toolbar
// line far down the text.
func TestToolbarKeepsTables(t *testing.T) {
	for _, text := range []string{
		"关于开展某某工作的通知\n一、工作安排\n企业名称 | 注册地址 | 联系人\n---|---|---\n某某公司 | 某某路1号 | 张三",
		"关于开展某某工作的通知\n一、工作安排\n登录系统|市大数据局|3月底\n注册账号|各区县|4月底",
		"关于开展某某工作的通知\n一、工作安排\n企业规模|大|中|小",
		"关于规范某某用字的通知\n一、对照表\n字形 | 简体 | 繁体\n---|---|---\n例一 | 国 | 國",
	} {
		d, err := Parse("table.md", text)
		if err != nil {
			t.Fatal(err)
		}
		for _, dr := range d.dropped {
			if dr.reason == "page chrome" {
				t.Errorf("%q dropped as chrome", dr.text)
			}
		}
	}
}
