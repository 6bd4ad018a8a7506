package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"policyreader/corpus/highlight"
)

const seedDir = "../seeds"

func loadSeed(t testing.TB, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseBytes(name, data)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return d
}

// collect returns the nodes of d of kind k in document order.
func collect(d *Document, k Kind) []*Node {
	var out []*Node
	d.Walk(func(n *Node) bool {
		if n.Kind == k {
			out = append(out, n)
		}
		return true
	})
	return out
}

func numbers(nodes []*Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.Number
	}
	return out
}

func children(n *Node, k Kind) []*Node {
	var out []*Node
	for _, c := range n.Children {
		if c.Kind == k {
			out = append(out, c)
		}
	}
	return out
}

func TestCentralOpinions(t *testing.T) {
	d := loadSeed(t, "central-2019-social-mobility-opinions.txt")
	parts := collect(d, Part)
	if got := strings.Join(numbers(parts), ""); got != "一、二、三、四、五、六、" {
		t.Errorf("parts = %s, want 一、…六、", got)
	}
	clauses := collect(d, Clause)
	want := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"}
	if len(clauses) != len(want) {
		t.Fatalf("got %d clauses %v, want 16", len(clauses), numbers(clauses))
	}
	for i, c := range clauses {
		if c.Number != "("+want[i]+")" {
			t.Errorf("clause %d number = %q, want (%s)", i, c.Number, want[i])
		}
	}
	if h := clauses[15].Heading; h != "营造良好氛围" {
		t.Errorf("(十六) heading = %q, want 营造良好氛围", h)
	}
	if h := clauses[3].Heading; h != "以户籍制度和公共服务牵引区域流动" {
		t.Errorf("(四) heading = %q", h)
	}
	// The page break inside (一) ("传统产业智能\n\n化改造") is rejoined.
	if !strings.Contains(clauses[0].Text, "传统产业智能化改造提升工程") {
		t.Errorf("(一) text not rejoined across the page break: %q", clauses[0].Text)
	}
	if d.Title != "关于促进劳动力和人才社会性流动体制机制改革的意见" || d.Short != "中央" {
		t.Errorf("title/short = %q / %q", d.Title, d.Short)
	}
	if strings.Join(d.Issuers, "、") != "中共中央办公厅、国务院办公厅" {
		t.Errorf("issuers = %v", d.Issuers)
	}
	if d.Truncated {
		t.Error("central opinions marked truncated")
	}
	if len(d.dropped) != 0 {
		t.Errorf("central opinions dropped lines: %+v", d.dropped)
	}
}

func TestGuangdongImplementation(t *testing.T) {
	d := loadSeed(t, "guangdong-social-mobility-implementation.txt")
	if n := len(collect(d, Part)); n != 3 {
		t.Errorf("parts = %d, want 3", n)
	}
	clauses := collect(d, Clause)
	if len(clauses) != 9 {
		t.Fatalf("clauses = %v, want 9", numbers(clauses))
	}
	if !d.Truncated {
		t.Error("Guangdong implementation is an excerpt but Truncated = false")
	}
	if c := clauses[1]; c.Number != "（二）" || c.Heading != "目标要求" || !strings.Contains(c.Text, "联动重大历史机遇") {
		t.Errorf("clause (二) = %q %q %q", c.Number, c.Heading, c.Text)
	}
	if c := clauses[2]; c.Number != "(三)" || c.Heading != "强化就业优先政策创造流动机会" {
		t.Errorf("clause (三) = %q %q", c.Number, c.Heading)
	}
	if d.Short != "广东" {
		t.Errorf("short = %q, want 广东", d.Short)
	}
	d.Walk(func(n *Node) bool {
		if strings.Contains(n.Text, "yunbaogao") || strings.Contains(n.Text, "预览已结束") {
			t.Errorf("excerpt trailer leaked into %s", n.ID)
		}
		return true
	})
}

func TestJiangxiImplementation(t *testing.T) {
	d := loadSeed(t, "jiangxi-2020-social-mobility-implementation.txt")
	if n := len(collect(d, Part)); n != 2 {
		t.Errorf("parts = %d, want 2", n)
	}
	if n := len(collect(d, Clause)); n != 7 {
		t.Errorf("clauses = %d, want 7", n)
	}
	if !d.Truncated {
		t.Error("Truncated = false")
	}
	if got := strings.Join(d.Issuers, "|"); got != "中共江西省委办公厅|江西省人民政府办公厅" {
		t.Errorf("issuers = %q", got)
	}
	if d.Date != "2020-12-31" {
		t.Errorf("date = %q", d.Date)
	}
	if d.Title != "关于促进劳动力和人才社会性流动体制机制改革的实施意见" || d.Short != "江西" {
		t.Errorf("title/short = %q / %q", d.Title, d.Short)
	}
	gd := loadSeed(t, "guangdong-social-mobility-implementation.txt")
	if gd.Title != d.Title || gd.Label() == d.Label() {
		t.Errorf("the two implementation opinions must share a title and differ in label: %q vs %q", gd.Label(), d.Label())
	}
}

func TestReplyLetter(t *testing.T) {
	d := loadSeed(t, "guangdong-hrss-2021-reply-1764.txt")
	if d.Title != "广东省人力资源和社会保障厅关于广东省十三届人大四次会议第1764号代表建议会办意见的函" {
		t.Errorf("title = %q", d.Title)
	}
	if d.DocNumber != "粤人社案〔2021〕142号" {
		t.Errorf("doc number = %q", d.DocNumber)
	}
	if d.Date != "2021-04-25" {
		t.Errorf("date = %q", d.Date)
	}
	parts := collect(d, Part)
	if len(parts) != 2 {
		t.Fatalf("parts = %v", numbers(parts))
	}
	if n := len(children(parts[0], Clause)); n != 5 {
		t.Errorf("part 一 clauses = %d, want 5", n)
	}
	items := children(parts[1], Item)
	if got := strings.Join(numbers(items), ""); got != "一是二是三是四是" {
		t.Errorf("part 二 items = %q, want 一是…四是", got)
	}
	chrome := []string{"当前位置", "分享:", "字体:", "回到顶部", ".pdf", "[大]", "信息来源"}
	d.Walk(func(n *Node) bool {
		for _, s := range append([]string{n.Text, n.Heading}, n.Number) {
			for _, c := range chrome {
				if strings.Contains(s, c) {
					t.Errorf("page chrome %q in node %s", c, n.ID)
				}
			}
		}
		return true
	})
}

func TestFiveYearPlan(t *testing.T) {
	d := loadSeed(t, "guangdong-hrss-2021-14th-five-year-plan.txt")
	// The printed title is the transmittal notice over two lines (issuer,
	// then 关于印发…的通知); lists show the plan it carries.
	if d.Title != "广东省人民政府办公厅关于印发广东省人力资源和社会保障事业发展“十四五”规划的通知" {
		t.Errorf("title = %q", d.Title)
	}
	if d.ShortTitle() != "广东省人力资源和社会保障事业发展“十四五”规划" {
		t.Errorf("short title = %q", d.ShortTitle())
	}
	if d.DocNumber != "粤府办〔2021〕32号" || d.Date != "2021-11-18" {
		t.Errorf("doc number/date = %q / %q", d.DocNumber, d.Date)
	}
	chapters := collect(d, Chapter)
	// Section counts per chapter, as the document's own table of contents lists them.
	want := []int{2, 3, 3, 5, 5, 5, 4, 4, 5, 4, 5}
	if len(chapters) != len(want) {
		t.Fatalf("chapters = %v", numbers(chapters))
	}
	for i, ch := range chapters {
		if n := len(children(ch, Section)); n != want[i] {
			t.Errorf("%s has %d sections, want %d", ch.Number, n, want[i])
		}
	}
	if h := chapters[7].Heading; h != "深化事业单位人事管理体制机制改革 提高法制化科学化水平" {
		t.Errorf("第八章 heading broken by the page end not rejoined: %q", h)
	}
	boxes := collect(d, Box)
	if len(boxes) != 22 {
		t.Errorf("boxes = %d, want 22 (专栏1…专栏22)", len(boxes))
	}
	box6 := findID(d, d.ID+"/ch4/s2/box6")
	if box6 == nil || box6.Number != "专栏6" || len(children(box6, BoxItem)) != 2 {
		t.Errorf("专栏6 = %+v", box6)
	}
	tables := collect(d, Table)
	if len(tables) != 2 {
		t.Fatalf("tables = %d, want 2", len(tables))
	}
	if rows := tables[1].Rows; len(rows) != 31 || rows[0][0] != "序号" || rows[len(rows)-1][0] != "25" {
		t.Errorf("专栏2 table has %d rows, first %v last %v", len(rows), rows[0], rows[len(rows)-1])
	}
	s := findID(d, d.ID+"/ch3/s1/k1")
	if s == nil || s.Heading != "推进大湾区“人才通”“社保通”" {
		t.Errorf("lead clause = %+v", s)
	}
	var all strings.Builder
	d.Walk(func(n *Node) bool { all.WriteString(n.Heading + n.Text + "\n"); return true })
	for _, joined := range []string{"世界技能大赛和国家级职业技能竞赛", "全省技工院校的布局结构、专业设置", "高素质技能人才培养主阵地作用进一步凸显"} {
		if !strings.Contains(all.String(), joined) {
			t.Errorf("page-broken paragraph not rejoined: %s", joined)
		}
	}
	if strings.Contains(all.String(), "发展基础和发展形势\t") || strings.Contains(all.String(), ".....") {
		t.Error("table of contents leaked into the tree")
	}
}

func findID(d *Document, id string) *Node {
	var found *Node
	d.Walk(func(n *Node) bool {
		if n.ID == id {
			found = n
		}
		return found == nil
	})
	return found
}

func hanRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			out = append(out, r)
		}
	}
	return out
}

// TestNothingLost checks the parser's invariant on every seed, every law
// and every gathered policy document: every Han character of the input
// appears in exactly one node or in a line stripped with a known reason,
// and the kept ones appear in the original order.
func TestNothingLost(t *testing.T) {
	var paths []string
	for _, pattern := range []string{seedDir + "/*", "testdata/laws/*.md", "testdata/laws-blind/*.md", "testdata/rules/*.md", "testdata/policies*/*.txt"} {
		ps, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, ps...)
	}
	if len(paths) < 150 {
		t.Fatalf("only %d documents to check", len(paths))
	}
	for _, p := range paths {
		if strings.HasSuffix(p, "SOURCES") {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseBytes(filepath.Base(p), data)
			if err != nil {
				t.Fatal(err)
			}
			checkNothingLost(t, string(data), d)
		})
	}
}

func checkNothingLost(t *testing.T, input string, d *Document) {
	t.Helper()
	var kept strings.Builder
	d.Walk(func(n *Node) bool {
		kept.WriteString(n.Number + n.Heading + n.Text)
		return true
	})
	var dropped strings.Builder
	for _, s := range d.dropped {
		switch s.reason {
		case "page chrome", "link", "table of contents", "excerpt trailer", "markup", "metadata", "script", "running header", "page number":
		default:
			t.Errorf("line %d dropped for unknown reason %q", s.line, s.reason)
		}
		dropped.WriteString(s.text)
	}
	in, k, dr := hanRunes(input), hanRunes(kept.String()), hanRunes(dropped.String())
	if len(k)+len(dr) != len(in) {
		t.Errorf("Han characters: input %d, kept %d + dropped %d", len(in), len(k), len(dr))
	}
	// kept must be a subsequence of the input.
	j := 0
	for _, r := range in {
		if j < len(k) && k[j] == r {
			j++
		}
	}
	if j != len(k) {
		t.Errorf("kept text is out of order after %d of %d characters", j, len(k))
	}
}

func TestIDsStableAndUnique(t *testing.T) {
	c1, errs := LoadPaths([]string{seedDir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c2, _ := LoadPaths([]string{seedDir})
	var ids1, ids2 []string
	c1.Nodes(func(n *Node) bool { ids1 = append(ids1, n.ID); return true })
	c2.Nodes(func(n *Node) bool { ids2 = append(ids2, n.ID); return true })
	if strings.Join(ids1, "\n") != strings.Join(ids2, "\n") {
		t.Error("node IDs differ between two loads")
	}
	seen := map[string]bool{}
	for _, id := range ids1 {
		if seen[id] {
			t.Errorf("duplicate ID %s", id)
		}
		seen[id] = true
		for _, r := range id {
			if r > 0x7f {
				t.Errorf("non-ASCII ID %s", id)
				break
			}
		}
	}
	if _, ok := c1.Node("central-2019-social-mobility-opinions/pt3/c4"); !ok {
		t.Error("central clause (四) not at central-2019-social-mobility-opinions/pt3/c4")
	}
}

func TestHostileInput(t *testing.T) {
	if _, err := Parse("empty.txt", ""); err == nil {
		t.Error("empty input parsed without error")
	}
	if _, err := Parse("blank.txt", " \n\u3000\n\t\n"); err == nil {
		t.Error("blank input parsed without error")
	}
	if _, err := ParseBytes("bin.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0}); err == nil {
		t.Error("binary input parsed without error")
	}
	flat, err := Parse("flat.txt", "没有任何结构的一段话。\n\n第二段话。")
	if err != nil || len(flat.Children) != 2 || flat.Children[0].Kind != Paragraph {
		t.Errorf("unstructured text should give a flat document of paragraphs, got %+v, %v", flat, err)
	}
	long := strings.Repeat("促进就业", 1<<20/4) // a 3 MB single line
	d, err := Parse("long.txt", long)
	if err != nil {
		t.Fatal(err)
	}
	var kept strings.Builder
	var biggest int
	d.Walk(func(n *Node) bool {
		kept.WriteString(n.Text)
		biggest = max(biggest, len(n.Text))
		return true
	})
	if kept.String() != long {
		t.Errorf("single long line truncated or reordered: kept %d of %d bytes", kept.Len(), len(long))
	}
	if biggest > maxNodeText {
		t.Errorf("a node holds %d bytes; long text must be split into nodes of at most %d", biggest, maxNodeText)
	}
	// The same after a part number: the text is not taken as a title.
	d, err = Parse("long-part.txt", "一、"+long)
	if err != nil {
		t.Fatal(err)
	}
	if h := d.Children[0].Heading; len(h) > 4*maxHeadingRunes {
		t.Errorf("a %d-byte heading", len(h))
	}
	// Deeply odd numbering does not panic and keeps IDs unique.
	odd := "一、甲\n（一）乙。丙\n（一）丁。戊\n第十章 己\n1. 庚\n专栏 99 辛\n1. 壬\n"
	d, err = Parse("odd.txt", odd)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCorpus([]*Document{d})
	ids := map[string]bool{}
	c.Nodes(func(n *Node) bool {
		if ids[n.ID] {
			t.Errorf("ID %s not unique", n.ID)
		}
		ids[n.ID] = true
		if got, ok := c.Node(n.ID); !ok || got != n {
			t.Errorf("Node(%s) = %v, %v", n.ID, got, ok)
		}
		return true
	})
}

func TestChineseNumber(t *testing.T) {
	cases := map[string]int{"一": 1, "十": 10, "十六": 16, "二十": 20, "二十三": 23, "九十九": 99, "一百": 100, "12": 12, "〇": 0}
	for in, want := range cases {
		if got, ok := chineseNumber(in); !ok || got != want {
			t.Errorf("chineseNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "甲", "十a"} {
		if _, ok := chineseNumber(bad); ok {
			t.Errorf("chineseNumber(%q) accepted", bad)
		}
	}
}

func spanTexts(n *Node, k highlight.Kind) []string {
	runes := []rune(n.Text)
	var out []string
	for _, s := range n.Spans {
		if s.Kind == k {
			out = append(out, string(runes[s.Start:s.End]))
		}
	}
	return out
}

func TestSpansOnSeeds(t *testing.T) {
	d := loadSeed(t, "guangdong-hrss-2021-14th-five-year-plan.txt")
	// 第一章 第一节 发展基础 reports the 13th plan: figures, never targets.
	past := findID(d, d.ID+"/ch1/s1")
	past.Walk(func(n *Node) bool {
		if got := spanTexts(n, highlight.Target); len(got) > 0 {
			t.Errorf("%s under 发展基础 has targets %v", n.ID, got)
		}
		return true
	})
	var figures int
	past.Walk(func(n *Node) bool { figures += len(spanTexts(n, highlight.Figure)); return true })
	if figures == 0 {
		t.Error("发展基础 has no figures")
	}
	goal := findID(d, d.ID+"/ch2/s3/k7")
	if got := strings.Join(spanTexts(goal, highlight.Target), "|"); !strings.Contains(got, "全省社会保障卡常住人口持卡率达98%") {
		t.Errorf("公共服务能力明显提升 targets = %q", got)
	}
	central := loadSeed(t, "central-2019-social-mobility-opinions.txt")
	c14 := findID(central, central.ID+"/pt6/c14")
	if got := strings.Join(spanTexts(c14, highlight.Body), "|"); !strings.Contains(got, "各地区各有关部门") {
		t.Errorf("(十四) bodies = %q", got)
	}
}

func TestLabelsTellDocumentsApart(t *testing.T) {
	c, errs := LoadPaths([]string{seedDir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	reply, _ := c.Doc("guangdong-hrss-2021-reply-1764")
	if got := reply.Label(); got != "关于广东省十三届人大四次会议第1764号代表建议会办意见的函 · 广东" {
		t.Errorf("reply label = %q (the issuer prefix should give way to the short label)", got)
	}
	// Two copies of one document get labels that differ.
	data, _ := os.ReadFile(filepath.Join(seedDir, "jiangxi-2020-social-mobility-implementation.txt"))
	a, _ := ParseBytes("a/jiangxi.txt", data)
	b, _ := ParseBytes("b/jiangxi.txt", data)
	c = NewCorpus(uniqueIDs([]*Document{a, b}))
	if a.Label() == b.Label() {
		t.Errorf("copies share the label %q", a.Label())
	}
	if !strings.HasPrefix(a.Short, "江西") {
		t.Errorf("short label lost its province: %q", a.Short)
	}
}

func TestDocumentFacts(t *testing.T) {
	d := loadSeed(t, "jiangxi-2020-social-mobility-implementation.txt")
	if got := strings.Join(d.Facts(), "|"); got != "中共江西省委办公厅、江西省人民政府办公厅|2020-12-31|excerpt" {
		t.Errorf("facts = %q", got)
	}
	if got := (&Document{}).Facts(); len(got) != 0 {
		t.Errorf("empty document facts = %q", got)
	}
}

// TestAttachmentsAreDivisions: attachments printed after the signature
// are divisions of their own, numbered by their labels and titled by the
// label's title or the line under a bare label, each holding its own
// structure — their 一、 parts are not the document's.
func TestAttachmentsAreDivisions(t *testing.T) {
	text := "某市人民政府关于做好某项工作的通知\n某府〔2024〕1号\n各区人民政府：\n一、总体要求\n（一）做好工作。\n二、保障措施\n（一）加强领导。\n\n附件：1.某项工作清单\n2.某项工作规程\n\n某市人民政府\n2024年3月1日\n\n附件1\n某项工作清单\n一、第一类事项\n（一）甲事项。\n二、第二类事项\n（一）乙事项。\n附件2：某项工作规程\n一、适用范围\n本规程适用于某项工作。\n"
	d, err := Parse("a.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, n := range d.Children {
		top = append(top, n.Kind.String()+":"+n.Number)
	}
	want := []string{"paragraph:", "part:一、", "part:二、", "paragraph:", "attachment:附件1", "attachment:附件2"}
	if strings.Join(top, " ") != strings.Join(want, " ") {
		t.Fatalf("top level %q, want %q", top, want)
	}
	a1, a2 := d.Children[4], d.Children[5]
	if a1.Heading != "某项工作清单" || len(a1.Children) != 2 || a1.Children[0].Number != "一、" || len(a1.Children[0].Children) != 1 {
		t.Errorf("附件1: heading %q, %d children", a1.Heading, len(a1.Children))
	}
	if a2.Heading != "某项工作规程" || len(a2.Children) != 1 || a2.Children[0].Parent != a2 {
		t.Errorf("附件2: heading %q, %d children", a2.Heading, len(a2.Children))
	}
	if a1.ID == a2.ID || !strings.HasSuffix(a1.ID, "/att1") || !strings.HasSuffix(a2.ID, "/att2") {
		t.Errorf("IDs %q %q", a1.ID, a2.ID)
	}
	if d.Date != "2024-03-01" || strings.Join(d.Issuers, "") != "某市人民政府" {
		t.Errorf("signature lost: %q %q", d.Issuers, d.Date)
	}
}
