package corpus

import (
	"strings"
	"testing"

	"policyreader/corpus/highlight"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		line   string
		marker Marker
		number string
		value  int
		sub    int
		rest   string
	}{
		{"第一编 总则", MarkVolume, "第一编", 1, 0, "总则"},
		{"第二分编 合同", MarkSubVolume, "第二分编", 2, 0, "合同"},
		{"第四章 就业优先", MarkChapter, "第四章", 4, 0, "就业优先"},
		{"第三节 主要目标", MarkSection, "第三节", 3, 0, "主要目标"},
		{"第二十一条 国家建立…。", MarkArticle, "第二十一条", 21, 0, "国家建立…。"},
		{"第一千二百六十条 本法自2021年1月1日起施行。", MarkArticle, "第一千二百六十条", 1260, 0, "本法自2021年1月1日起施行。"},
		{"第一百零五条 本法所称…", MarkArticle, "第一百零五条", 105, 0, "本法所称…"},
		{"第二十一条之一 违反…", MarkArticle, "第二十一条之一", 21, 1, "违反…"},
		{"第12条 数字编号的条", MarkArticle, "第12条", 12, 0, "数字编号的条"},
		{"第五条为了规范…", MarkArticle, "第五条", 5, 0, "为了规范…"},
		// 第X条 inside running text that a page break left at a line start.
		{"第九条规定的情形，依照…", MarkText, "", 0, 0, "第九条规定的情形，依照…"},
		{"第九条第二款所称…", MarkText, "", 0, 0, "第九条第二款所称…"},
		{"第九条、第十条的规定", MarkText, "", 0, 0, "第九条、第十条的规定"},
		{"第九条", MarkText, "", 0, 0, "第九条"},
		{"第九条外，其他条款…", MarkText, "", 0, 0, "第九条外，其他条款…"},
		{"第九条外的情形…", MarkText, "", 0, 0, "第九条外的情形…"},
		// …but 外 opening the article's own text is the article's.
		{"第十条外交活动以及…", MarkArticle, "第十条", 10, 0, "外交活动以及…"},
		{"第十一条外国人在中国境内…", MarkArticle, "第十一条", 11, 0, "外国人在中国境内…"},
		{"第三条外商投资企业适用本法", MarkArticle, "第三条", 3, 0, "外商投资企业适用本法"},
		{"第二条外自2020年1月1日起施行。", MarkText, "", 0, 0, "第二条外自2020年1月1日起施行。"},
		{"第九条外还应当遵守下列规定", MarkText, "", 0, 0, "第九条外还应当遵守下列规定"},
		{"一、总体要求", MarkEnum, "一、", 1, 0, "总体要求"},
		{"（三）强化就业优先政策。", MarkParen, "（三）", 3, 0, "强化就业优先政策。"},
		{"( 十二 ) 兜牢底线", MarkParen, "(十二)", 12, 0, "兜牢底线"},
		{"二是加强监管。", MarkShi, "二是", 2, 0, "加强监管。"},
		{"3. 完善机制", MarkArabic, "3.", 3, 0, "完善机制"},
		{"2.5 以内", MarkText, "", 0, 0, "2.5 以内"},
		{"专栏 10 重大工程", MarkBox, "专栏10", 10, 0, "重大工程"},
		{"指标\t2020年\t2025年", MarkTable, "", 0, 0, "指标\t2020年\t2025年"},
	} {
		c := classify(tc.line)
		if c.marker != tc.marker || c.number != tc.number || c.value != tc.value || c.sub != tc.sub || c.rest != tc.rest {
			t.Errorf("classify(%q) = %v %q %d %d %q, want %v %q %d %d %q", tc.line, c.marker, c.number, c.value, c.sub, c.rest, tc.marker, tc.number, tc.value, tc.sub, tc.rest)
		}
	}
}

// unitsOf classifies lines as the parser would.
func unitsOf(lines ...string) []unit {
	var us []unit
	for _, l := range lines {
		us = append(us, unit{text: l, cls: classify(l)})
	}
	return us
}

func TestChooseGrammar(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"policy", []string{"一、总体要求", "（一）指导思想。坚持…", "二、主要任务"}, "policy"},
		{"law", []string{"第一章 总则", "第一条 为了…，制定本条例。", "第二条 本条例适用于…"}, "law"},
		{"one cited article", []string{"一、总体要求", "第十条 的规定继续有效。", "（一）指导思想。"}, "policy"},
		{"rules under a notice", []string{"关于印发…办法的通知", "各区：", "第一条 为规范…", "第二条 本办法…"}, "law"},
	} {
		if got := chooseGrammar(unitsOf(tc.lines...)).Name; got != tc.want {
			t.Errorf("%s: grammar %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestLawTree builds a law with every level and checks kinds, nesting,
// IDs and where paragraphs (款) go.
func TestLawTree(t *testing.T) {
	src := strings.Join([]string{
		"# 测试法",
		"",
		"2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过",
		"",
		"<!-- INFO END -->",
		"",
		"## 第一编 总则",
		"### 第一分编 通则",
		"#### 第一章 一般规定",
		"##### 第一节 适用范围",
		"第一条 为了规范测试，制定本法。",
		"第二条 下列事项适用本法：",
		"（一）第一项；",
		"（二）第二项，包括：",
		"1. 第一目；",
		"2. 第二目。",
		"有前款第二项情形的，依照本法第一条处理。",
		"第三条 本法所称测试，",
		"是指依照本法第二条进行的活动。",
		"第三条之一 新增的条文。",
		"##### 第二节 其他",
		"第四条 本法自公布之日起施行。",
	}, "\n")
	d, err := Parse("test-law.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Grammar != "law" || d.Title != "测试法" {
		t.Fatalf("grammar %q title %q", d.Grammar, d.Title)
	}
	want := []string{
		"volume test-law/v1",
		"subvolume test-law/v1/sv1",
		"chapter test-law/v1/sv1/ch1",
		"section test-law/v1/sv1/ch1/s1",
		"article test-law/v1/sv1/ch1/s1/a1",
		"article test-law/v1/sv1/ch1/s1/a2",
		"item test-law/v1/sv1/ch1/s1/a2/i1",
		"item test-law/v1/sv1/ch1/s1/a2/i2",
		"item test-law/v1/sv1/ch1/s1/a2/i2/m1",
		"item test-law/v1/sv1/ch1/s1/a2/i2/m2",
		"paragraph test-law/v1/sv1/ch1/s1/a2/p1",
		"article test-law/v1/sv1/ch1/s1/a3",
		"article test-law/v1/sv1/ch1/s1/a3_1",
		"section test-law/v1/sv1/ch1/s2",
		"article test-law/v1/sv1/ch1/s2/a4",
	}
	var got []string
	byID := map[string]*Node{}
	d.Walk(func(n *Node) bool {
		if n.Parent != nil || n.Kind != Paragraph {
			got = append(got, n.Kind.String()+" "+n.ID)
		}
		byID[n.ID] = n
		return true
	})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tree:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := byID["test-law/v1/sv1/ch1/s1/a2"]; a == nil || a.Text != "下列事项适用本法：" {
		t.Errorf("article 2 text = %+v", a)
	}
	if p := byID["test-law/v1/sv1/ch1/s1/a2/p1"]; p == nil || !strings.HasPrefix(p.Text, "有前款") {
		t.Errorf("the 款 after the items is the article's paragraph child: %+v", p)
	}
	if a := byID["test-law/v1/sv1/ch1/s1/a3"]; a == nil || a.Text != "本法所称测试，是指依照本法第二条进行的活动。" {
		t.Errorf("a page-broken article is rejoined: %+v", a)
	}
	if a := byID["test-law/v1/sv1/ch1/s1/a1"]; a == nil || a.Title() != "第一条 为了规范测试，制定本法。" {
		t.Errorf("article label = %q", a.Title())
	}
	if len(d.History) != 1 || d.Date != "2020-01-01" || strings.Join(d.Issuers, "|") != "全国人民代表大会常务委员会" {
		t.Errorf("history %q date %q issuers %q", d.History, d.Date, d.Issuers)
	}
	for _, n := range byID {
		if strings.Contains(n.Text, "INFO END") || strings.Contains(n.Text, "<!--") {
			t.Errorf("markup in node %s: %q", n.ID, n.Text)
		}
	}
}

func TestStripComments(t *testing.T) {
	res := strip([]string{"正文<!-- 注释 -->继续", "<!-- 跨", "行注释 -->尾巴", "<!-- INFO END -->", "下一行"})
	var texts []string
	for _, u := range res.units {
		texts = append(texts, u.text)
	}
	if got := strings.Join(texts, "|"); got != "正文继续|尾巴|下一行" {
		t.Errorf("kept %q", got)
	}
	var dropped []string
	for _, s := range res.dropped {
		if s.reason != "markup" {
			t.Errorf("reason %q", s.reason)
		}
		dropped = append(dropped, s.text)
	}
	if got := strings.Join(dropped, "|"); got != "<!-- 注释 -->|<!-- 跨|行注释 -->|<!-- INFO END -->" {
		t.Errorf("dropped %q", got)
	}
}

func TestRejoin(t *testing.T) {
	for _, tc := range []struct {
		name  string
		g     *Grammar
		lines []string
		want  string
	}{
		{"page break in a clause", PolicyGrammar(), []string{"（一）实施就业优先政策。推进传统产业智能", "化改造。", "新段落。"}, "（一）实施就业优先政策。推进传统产业智能化改造。|新段落。"},
		{"a clause heading on its own line", PolicyGrammar(), []string{"（一）深化电网规划编制内容要求", "电网规划是电力规划的重要组成部分，电网规划应实现对输配电服务所需各类电网项目的合理覆", "盖，包括电网基建项目。"}, "（一）深化电网规划编制内容要求|电网规划是电力规划的重要组成部分，电网规划应实现对输配电服务所需各类电网项目的合理覆盖，包括电网基建项目。"},
		{"a clause heading broken over two lines", PolicyGrammar(), []string{"（二）深化电网规划编制的技术经济", "论证要求", "规划编制过程中，应测算。"}, "（二）深化电网规划编制的技术经济论证要求|规划编制过程中，应测算。"},
		{"chapter title broken", PolicyGrammar(), []string{"第八章 深化改革", "提高法制化水平", "正文。"}, "第八章 深化改革 提高法制化水平|正文。"},
		{"part title never continues", PolicyGrammar(), []string{"一、总体要求", "以习近平新时代中国特色社会主义思想为指导"}, "一、总体要求|以习近平新时代中国特色社会主义思想为指导"},
		{"article broken", LawGrammar(), []string{"第三条 本法所称测试，", "是指活动。", "第四条 施行。"}, "第三条 本法所称测试，是指活动。|第四条 施行。"},
		{"item ends with ；", LawGrammar(), []string{"（一）第一项；", "前款规定。"}, "（一）第一项；|前款规定。"},
	} {
		var got []string
		for _, u := range rejoin(unitsOf(tc.lines...), tc.g) {
			got = append(got, u.text)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, strings.Join(got, "|"), tc.want)
		}
	}
}

// TestLearnedBodies: a unit a responsibility annotation names is a body
// wherever the document names it again, known to the gazetteer or not.
func TestLearnedBodies(t *testing.T) {
	d, err := Parse("x.txt", "一、总体要求\n（一）加强领导。由某某推进中心统筹，省体育局配合推进。\n（二）完善机制。建立协调制度。（某某推进中心牵头，省体育局参与）\n")
	if err != nil {
		t.Fatal(err)
	}
	var first *Node
	d.Walk(func(n *Node) bool {
		if n.Number == "（一）" {
			first = n
		}
		return true
	})
	runes := []rune(first.Text)
	found := false
	for _, s := range first.Spans {
		if s.Kind == highlight.Body && string(runes[s.Start:s.End]) == "某某推进中心" {
			found = true
		}
	}
	if !found {
		t.Errorf("the annotated unit is not a body in the earlier clause: %v in %q", first.Spans, first.Text)
	}
}
