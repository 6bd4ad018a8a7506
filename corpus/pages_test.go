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
	for _, footer := range []string{"ICP备", "版权所有", "网站地图", "邮政编码"} {
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
			"国家发展改革委国家能源局关于加强和规范电网规划投资管理工作的通知"},
		{"关于核定2020～2022年区域电网输电价格的通知(发改价格规〔2020〕1441号)\n[ 打印 ]\n国家发展改革委关于核定2020～2022年\n区域电网输电价格的通知\n发改价格规〔2020〕1441号",
			"国家发展改革委关于核定2020～2022年区域电网输电价格的通知"},
		{"在线办事\n互动回应\n专题专栏\n关于做好2019年电力市场化交易注册绑定有关工作的通知\n各有关单位：",
			"关于做好2019年电力市场化交易注册绑定有关工作的通知"},
		{"中共中央办公厅 国务院办公厅印发《关于进一步加强\n测试工作的意见》的通知\n各省、自治区、直辖市：",
			"中共中央办公厅国务院办公厅印发《关于进一步加强测试工作的意见》的通知"},
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
