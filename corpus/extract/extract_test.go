package extract

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		name string
		head string
		want string
	}{
		{"a.txt", "国务院", "text"},
		{"a.MD", "# 标题", "markdown"},
		{"a.htm", "<html>", "HTML"},
		{"a.docx", "PK\x03\x04", "Word (.docx)"},
		{"a.pdf", "%PDF-1.7", "PDF"},
		{"saved-as.txt", "%PDF-1.4", "PDF"}, // the signature wins
		{"a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Word 97-2003 (.doc)"},
		{"a.ofd", "PK", "OFD (.ofd)"},
	} {
		f, ok := Lookup(tc.name, []byte(tc.head))
		if !ok || f.Name != tc.want {
			t.Errorf("Lookup(%q) = %q %v, want %q", tc.name, f.Name, ok, tc.want)
		}
	}
	if Known("picture.png") || !Known("page.HTML") {
		t.Error("Known: wrong extensions")
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {105, "chineseCounting", "一百零五"},
		{110, "chineseCounting", "一百一十"}, {1001, "chineseCounting", "一千零一"},
		{10, "ideographDigital", "一〇"}, {3, "ideographTraditional", "丙"}, {12, "decimalFullWidth", "１２"},
		{3, "decimalEnclosedCircle", "③"}, {4, "lowerRoman", "iv"}, {28, "upperLetter", "BB"}, {7, "decimal", "7"},
	} {
		if got := formatNumber(tc.v, tc.format); got != tc.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tc.v, tc.format, got, tc.want)
		}
	}
}

// TestNumberingCounters: levels count, deeper levels restart under a new
// parent, lvlText prints several levels, a start override restarts a list.
func TestNumberingCounters(t *testing.T) {
	n, err := parseNumbering([]byte(`<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range [][2]string{{"1", "0"}, {"1", "1"}, {"1", "2"}, {"1", "2"}, {"1", "1"}, {"1", "0"}, {"1", "1"}, {"1", "3"}, {"2", "0"}, {"9", "0"}} {
		got = append(got, n.next(p[0], p[1]))
	}
	want := "一、|（一）|1.|2.|（二）|二、|（一）||一、|"
	if strings.Join(got, "|") != want {
		t.Errorf("numbers %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestHTMLCharsetAndMetadataList: a GBK page declares its charset in a
// <meta>; a metadata list (发文机关：…) becomes Meta and leaves the text;
// share and print bars, scripts and navigation go.
func TestHTMLCharsetAndMetadataList(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>某省政府</title>
<script>var x = "不要这个";</script></head><body>
<div class="nav">首页 &gt; 政务公开</div>
<ul class="info"><li>发文机关：某省人民政府办公厅</li><li>成文日期：2021年3月5日</li><li>发文字号：某府办〔2021〕9号</li></ul>
<h1>某省人民政府办公厅关于<br>加强某事的通知</h1>
<p>各市人民政府：</p><p>一、总体要求</p><p>（一）指导思想。坚持&nbsp;问题导向。</p>
<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr><tr><td>城镇新增就业</td><td>100</td><td>110</td></tr></table>
<div class="share">分享到：微信 微博</div><div class="print">【打印】</div>
</body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML([]byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if res.Meta.Issuers[0] != "某省人民政府办公厅" || res.Meta.Date != "2021-03-05" || res.Meta.DocNumber != "某府办〔2021〕9号" {
		t.Errorf("meta = %+v", res.Meta)
	}
	for _, gone := range []string{"不要这个", "首页", "分享到", "打印", "发文机关", "某省政府"} {
		if strings.Contains(res.Text, gone) {
			t.Errorf("%q left in the text:\n%s", gone, res.Text)
		}
	}
	for _, kept := range []string{"某省人民政府办公厅关于\n加强某事的通知", "一、总体要求", "（一）指导思想。坚持\u00a0问题导向。", "指标\t2020年\t2025年", "城镇新增就业\t100\t110"} {
		if !strings.Contains(res.Text, kept) {
			t.Errorf("%q missing from the text:\n%s", kept, res.Text)
		}
	}
}

// TestCleanPages: page numbers and running headers go, the text stays.
func TestCleanPages(t *testing.T) {
	pages := []string{
		"国家发展改革委文件\n关于某事的通知\n一、总体要求\n— 1 —\n",
		"国家发展改革委文件\n正文第二页。\n— 2 —\n",
		"国家发展改革委文件\n正文第三页。\n第 3 页 共 4 页\n",
		"国家发展改革委文件\n正文第四页。\n4/4\n",
	}
	var dropped []Dropped
	got := cleanPages(pages, &dropped)
	want := "关于某事的通知\n一、总体要求\n正文第二页。\n正文第三页。\n正文第四页。"
	if got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if len(dropped) != 8 {
		t.Errorf("dropped %d lines, want 8: %+v", len(dropped), dropped)
	}
}

// FuzzHTML: any bytes read as a web page give text or an error, never a
// panic, and every line of the text is one line of visible text.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"../testdata/govcn-html/038.html", "../testdata/govcn-html/001.html"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<table><tr><td><table><tr><td>标题：</td><td>x</td></tr></table></td></tr></table>`))
	f.Add([]byte(`<meta charset="gb2312"><p>发文机关：国务院<br>成文日期：2019年13月40日</p><!-- 注释`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := HTML(data)
		if err != nil {
			return
		}
		for _, l := range strings.Split(res.Text, "\n") {
			if strings.TrimSpace(l) == "" && l != "" {
				t.Fatalf("blank line %q in the text", l)
			}
		}
	})
}

// FuzzDOCX: any bytes read as a Word file give text or an error, never a
// panic or an unbounded read.
func FuzzDOCX(f *testing.F) {
	if data, err := os.ReadFile("../testdata/office/grid-planning.docx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	if data, err := os.ReadFile("../testdata/mixed-blind/12-national-flag-law.docx"); err == nil {
		f.Add(data) // its text in an embedded web archive
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = DOCX(data)
	})
}

// FuzzMarkdown: any bytes read as markdown give text or an error, never a
// panic, and a file that is neither front matter nor HTML-written comes
// back as Text gives it, but for container fences and anchor links.
func FuzzMarkdown(f *testing.F) {
	if data, err := os.ReadFile("../testdata/mixed-blind/03-sepa-2007-environmental-monitoring.md"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("---\ntitle: x\n"))
	f.Add([]byte("<p>a<br><p>b</p><div>c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Markdown(data)
		if err != nil {
			return
		}
		plain, _ := Text(data)
		if !bytes.Contains(data, []byte("<")) && !bytes.Contains(data, []byte(":::")) && !bytes.Contains(data, []byte("](#")) && !bytes.HasPrefix(data, []byte("---")) && res.Text != plain.Text {
			t.Fatalf("plain markdown changed: %q -> %q", plain.Text, res.Text)
		}
	})
}

// FuzzNumbering: any numbering.xml and any paragraph numbers give a
// number or nothing, never a panic.
func FuzzNumbering(f *testing.F) {
	f.Add([]byte(`<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="0"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1%9%"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="8"><w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>`), "1", "0")
	f.Fuzz(func(t *testing.T, xmlData []byte, numID, ilvl string) {
		n, err := parseNumbering(xmlData)
		if err != nil {
			return
		}
		for range 3 {
			_ = n.next(numID, ilvl)
		}
	})
}

// TestHTMLWithoutCharset: a GBK page that declares no charset is read as
// GBK, not as the windows-1252 the HTML standard falls back to.
func TestHTMLWithoutCharset(t *testing.T) {
	page := "<html><body><p>国务院关于加强数字政府建设的指导意见</p><p>一、总体要求</p></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML([]byte(gbk))
	if err != nil || !strings.Contains(res.Text, "数字政府建设") {
		t.Errorf("text %q, err %v", res.Text, err)
	}
}

// TestDocxByContent: a Word file saved under another name is still read
// as Word.
func TestDocxByContent(t *testing.T) {
	data, err := os.ReadFile("../testdata/office/grid-planning.docx")
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := Lookup("notice.doc", data); !ok || f.Name != "Word (.docx)" {
		t.Errorf("a .docx named .doc looked up as %q", f.Name)
	}
}

// TestPageTitle: a saved page's <title> gives a title for the parser to
// weigh when the page prints it as a line of its own (its heading); a
// <title> the page does not bear out gives none.
func TestPageTitle(t *testing.T) {
	page := func(title, body string) string {
		return "<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>"
	}
	for _, c := range []struct{ name, html, want string }{
		{"heading bears it out", page("某新区促进科技创新产业发展扶持办法｜某区人民政府 ", "<div class=\"xlbox\"><h2>某新区促进科技创新产业发展扶持办法</h2><p>第一条 为了……</p></div>"), "某新区促进科技创新产业发展扶持办法"},
		{"site first", page("某区人民政府 - 关于做好春耕工作的通知", "<p>关于做好春耕工作的通知</p><p>各镇：……</p>"), "关于做好春耕工作的通知"},
		{"site only", page("南沙企业智能服务平台首页", "<p>某新区促进总部经济发展扶持办法实施细则</p><p>第一条 ……</p>"), ""},
		{"not printed", page("某新区促进科技创新产业发展扶持办法｜某区人民政府", "<p>第一条 为了……</p>"), ""},
	} {
		r, err := HTML([]byte(c.html))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Meta.PageTitle != c.want || r.Meta.Title != "" {
			t.Errorf("%s: page title %q (title %q), want %q", c.name, r.Meta.PageTitle, r.Meta.Title, c.want)
		}
	}
}

// TestMarkdownFromSites: a law as a documentation site writes it — front
// matter, a revision note in a container, a contents list of anchor
// links, articles in HTML paragraphs — reads as the plain law: the front
// matter's title as the title line, the note as its history, one line an
// article or item; a markdown file that only mentions a tag is left alone.
func TestMarkdownFromSites(t *testing.T) {
	src := strings.Join([]string{
		"---",
		"title: 环境监测管理办法",
		"icon: article",
		"date: 2007-09-01",
		"category:",
		"  - 规章",
		"---",
		"",
		"::: tip 修订信息",
		"",
		"（2007年7月25日国家环境保护总局令第39号发布&emsp;自2007年9月1日起施行）",
		"",
		":::",
		"",
		"::: details 目录",
		"  [1](#t1)&emsp;[2](#t2)&emsp;[3](#t3)",
		":::",
		"",
		`<p id="t1">&emsp;&emsp;<b>第一条</b>&emsp;为加强环境监测管理，制定本办法。</p>`,
		`<p id="t2">&emsp;&emsp;<b>第二条</b>&emsp;本办法适用于下列活动：<br>`,
		`&emsp;&emsp;（一）环境质量监测；<br>`,
		`&emsp;&emsp;（二）污染源监督性监测。</p>`,
		`<p id="t3">&emsp;&emsp;<b>第三条</b>&emsp;本办法自2007年9月1日起施行。</p>`,
	}, "\n")
	r, err := Markdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(r.Text, "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u2003", " ")); l != "" {
			got = append(got, l)
		}
	}
	want := []string{
		"# 环境监测管理办法",
		"（2007年7月25日国家环境保护总局令第39号发布 自2007年9月1日起施行）",
		"第一条 为加强环境监测管理，制定本办法。",
		"第二条 本办法适用于下列活动：",
		"（一）环境质量监测；",
		"（二）污染源监督性监测。",
		"第三条 本办法自2007年9月1日起施行。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("text:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A file opening with a horizontal rule has no front matter; a folded
	// title runs over the lines under it.
	rule := "---\n\n# 某某市促进就业若干措施\n\n一、总体要求\n\n---\n\n二、保障措施"
	if r, err := Markdown([]byte(rule)); err != nil || r.Text != rule {
		t.Errorf("a horizontal rule taken for front matter: %q, %v", r.Text, err)
	}
	if r, err := Markdown([]byte("---\ntitle: >-\n  某某\n  条例\ndate: 2020-01-01\n---\n第一条 x")); err != nil || r.Text != "# 某某条例\n第一条 x" {
		t.Errorf("folded title: %q, %v", r.Text, err)
	}
	// The front matter's title is not repeated over the text's own, and
	// still stands in when the text's first heading is another.
	own := "---\ntitle: 中华人民共和国社会保险法\nauthor: 全国人民代表大会常务委员会\n---\n\n# 中华人民共和国社会保险法\n\n> （2010年10月28日…通过）"
	if r, err := Markdown([]byte(own)); err != nil || strings.Count(r.Text, "社会保险法") != 1 {
		t.Errorf("title repeated: %q, %v", r.Text, err)
	}
	other := "---\ntitle: 某市物业管理条例\n---\n# 第一章 总则\n第一条 x"
	if r, err := Markdown([]byte(other)); err != nil || !strings.HasPrefix(r.Text, "# 某市物业管理条例\n") {
		t.Errorf("front matter title lost: %q, %v", r.Text, err)
	}
	plain := "# 说明\n\n用 <p> 标签分段。\n\n---\n\n第一条 正文。"
	if r, err := Markdown([]byte(plain)); err != nil || r.Text != plain {
		t.Errorf("plain markdown changed: %q, %v", r.Text, err)
	}
}

// TestFooterMetadata: a page that prints its document's metadata in its
// footer (发文机关 / 发文字号 / 成文日期 over <br>, issuers parted by an
// en space) gives it as Meta; the footer's other text stays chrome; a
// signature set in the footer (an organ over a date) is text for the
// parser; and a footer naming no issuer, 文号 or date gives none.
func TestFooterMetadata(t *testing.T) {
	page := `<html><body><h1>某某管理规范（试行）</h1><p>第一条 为了规范管理，制定本规范。</p>
<div class="footer"><p class="note">发文机关：某某委员会&ensp;某某局<br>发文字号：某发〔2025〕27号<br>成文日期：2025年01月08日</p><p>网站地图 联系我们</p></div></body></html>`
	res, err := HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	m := res.Meta
	if strings.Join(m.Issuers, "|") != "某某委员会|某某局" || m.DocNumber != "某发〔2025〕27号" || m.Date != "2025-01-08" {
		t.Errorf("footer metadata: %+v", m)
	}
	if strings.Contains(res.Text, "发文机关") || strings.Contains(res.Text, "网站地图") {
		t.Errorf("the footer is in the text: %q", res.Text)
	}
	var reasons []string
	for _, d := range res.Dropped {
		reasons = append(reasons, d.Reason+":"+d.Text)
	}
	if all := strings.Join(reasons, "\n"); !strings.Contains(all, "metadata:发文字号") || !strings.Contains(all, "page chrome:网站地图") {
		t.Errorf("the footer's text is not all recorded as dropped:\n%s", all)
	}
	signed := strings.Replace(page, `<p class="note">发文机关：某某委员会&ensp;某某局<br>发文字号：某发〔2025〕27号<br>成文日期：2025年01月08日</p><p>网站地图 联系我们</p>`, `<div class="signature">某某委员会办公厅</div><div class="date">2025年1月13日</div>`, 1)
	if res, err := HTML([]byte(signed)); err != nil || !strings.HasSuffix(res.Text, "某某委员会办公厅\n2025年1月13日") {
		t.Errorf("a signature set in the footer is not text: %v %q", err, res.Text)
	}
	plain := strings.Replace(page, `<p class="note">发文机关：某某委员会&ensp;某某局<br>发文字号：某发〔2025〕27号<br>成文日期：2025年01月08日</p>`, `<p>信息来源：某某网站</p>`, 1)
	if res, err := HTML([]byte(plain)); err != nil || len(res.Meta.Issuers) > 0 || res.Meta.Date != "" || strings.Contains(res.Text, "信息来源") {
		t.Errorf("a footer without the document's metadata: %v %+v %q", err, res.Meta, res.Text)
	}
}

// TestSpacesBetweenHanWords: a space printed on one line between two
// issuers' names stays, one before 关于 or inside running text does not,
// and a line break between Han characters leaves nothing.
func TestSpacesBetweenHanWords(t *testing.T) {
	page := "<html><body><h1>国家发展改革委 国家数据局关于建立某机制的通知</h1><h1>广东省人民政府 关于做好某事的通知</h1><p>根据有关法律 制定本办法。</p><p>为深入贯彻\n落实部署</p></body></html>"
	res, err := HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "国家发展改革委 国家数据局关于建立某机制的通知\n广东省人民政府关于做好某事的通知\n根据有关法律制定本办法。\n为深入贯彻落实部署"
	if res.Text != want {
		t.Errorf("text %q, want %q", res.Text, want)
	}
}

// TestFooterMetadataTableAndJointIssuers: a metadata table in a footer is
// read like lines; a joint issuer field before the lead's puts it second,
// and one that names none (无) adds nothing.
func TestFooterMetadataTableAndJointIssuers(t *testing.T) {
	page := `<html><body><h1>某某管理办法</h1><p>第一条 为了规范管理，制定本办法。</p><div class="footer"><table><tr><td>联合发文单位</td><td>财政部</td></tr><tr><td>发文机关</td><td>教育部</td></tr><tr><td>发文字号</td><td>教发〔2024〕3号</td></tr></table></div></body></html>`
	res, err := HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Meta.Issuers, "|") != "教育部|财政部" || res.Meta.DocNumber != "教发〔2024〕3号" {
		t.Errorf("footer table: %+v", res.Meta)
	}
	none := strings.Replace(page, "<td>财政部</td>", "<td>无</td>", 1)
	if res, err := HTML([]byte(none)); err != nil || strings.Join(res.Meta.Issuers, "|") != "教育部" {
		t.Errorf("联合发文单位：无: %v %+v", err, res.Meta)
	}
}

// TestPostedIsNoDate: a page's metadata says when the site posted it
// (发布日期, 公开日期) beside when the document was signed (成文日期): only
// the second is the document's date.
func TestPostedIsNoDate(t *testing.T) {
	var m Meta
	setMeta(&m, "发布日期", "2014-04-29")
	setMeta(&m, "公开日期", "2014年4月30日")
	if m.Date != "" {
		t.Errorf("date %q from the posting time", m.Date)
	}
	setMeta(&m, "成文日期", "2014年4月1日")
	if m.Date != "2014-04-01" {
		t.Errorf("date %q, want 成文日期's", m.Date)
	}
}

// docxBody builds a Word file whose document.xml body is body.
func docxBody(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, s := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDocxLayoutTable: a page saved to Word puts the whole document in a
// table of one cell: its paragraphs are lines, as they would be outside
// it; a data table's rows stay tab-separated lines, each cell's
// paragraphs joined.
func TestDocxLayoutTable(t *testing.T) {
	p := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	cell := func(ps ...string) string { return `<w:tc>` + strings.Join(ps, "") + `</w:tc>` }
	body := `<w:tbl><w:tr>` + cell(p("关于落实某办法有关问题的通知"), p("各有关单位："), p("一、关于年收入线标准"), p("二、关于申请受理工作")) + `</w:tr></w:tbl>` +
		`<w:tbl><w:tr>` + cell(p("序号")) + cell(p("名称"), p("（附件）")) + `</w:tr><w:tr>` + cell(p("1")) + cell(p("申请表")) + `</w:tr></w:tbl>`
	r, err := DOCX(docxBody(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "关于落实某办法有关问题的通知\n各有关单位：\n一、关于年收入线标准\n二、关于申请受理工作\n序号\t名称 （附件）\n1\t申请表"
	if r.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", r.Text, want)
	}
	// A data table's notes row (one filled cell of several paragraphs)
	// stays one line.
	notes := `<w:tbl><w:tr>` + cell(p("区")) + cell(p("金额")) + `</w:tr><w:tr>` + cell(p("注："), p("1.本表由各区填报。"), p("2.金额以万元计。")) + cell() + `</w:tr></w:tbl>`
	if r, err := DOCX(docxBody(t, notes)); err != nil || r.Text != "区\t金额\n注： 1.本表由各区填报。 2.金额以万元计。" {
		t.Errorf("notes row: %q, %v", r.Text, err)
	}
}

// TestMetaRowRunTogether: a metadata table's row of two fields read as one
// line (名称：…发文日期：…) gives both fields, the longest label winning.
func TestMetaRowRunTogether(t *testing.T) {
	pairs, ok := metaLinePairs("名称：2016年度某市积分入户指标数公告发文日期：2016-04-29")
	if !ok || len(pairs) != 2 || pairs[0] != [2]string{"名称", "2016年度某市积分入户指标数公告"} || pairs[1] != [2]string{"发文日期", "2016-04-29"} {
		t.Errorf("pairs %q", pairs)
	}
	pairs, _ = metaLinePairs("标题：关于做好某项工作的通知")
	if len(pairs) != 1 || pairs[0][1] != "关于做好某项工作的通知" {
		t.Errorf("one field: %q", pairs)
	}
	// A colon inside the value after no known label stays in it, and so
	// does a label word that no date or number follows.
	for _, l := range []string{"标题：关于公布备注：试行的通知", "标题：关于调整某某企业名称：的通知"} {
		if pairs, _ := metaLinePairs(l); len(pairs) != 1 || pairs[0][1] != l[len("标题："):] {
			t.Errorf("split inside the value: %q", pairs)
		}
	}
	// A row whose first field is empty gives the second.
	pairs, _ = metaLinePairs("文号：发文日期：2016-04-29")
	if len(pairs) != 2 || pairs[0] != [2]string{"文号", ""} || pairs[1] != [2]string{"发文日期", "2016-04-29"} {
		t.Errorf("empty first field: %q", pairs)
	}
}
