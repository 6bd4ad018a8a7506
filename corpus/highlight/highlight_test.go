package highlight

import (
	"os"
	"strings"
	"testing"
)

const (
	planSeed    = "guangdong-hrss-2021-14th-five-year-plan.txt"
	replySeed   = "guangdong-hrss-2021-reply-1764.txt"
	centralSeed = "central-2019-social-mobility-opinions.txt"
	gdSeed      = "guangdong-social-mobility-implementation.txt"
	jxSeed      = "jiangxi-2020-social-mobility-implementation.txt"
)

var allSeeds = []string{centralSeed, gdSeed, jxSeed, replySeed, planSeed}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../seeds/" + name)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return string(data)
}

// lineWith returns the line of the seed that contains marker.
func lineWith(t testing.TB, seed, marker string) string {
	t.Helper()
	for _, line := range strings.Split(readSeed(t, seed), "\n") {
		if strings.Contains(line, marker) {
			return line
		}
	}
	t.Fatalf("%s: no line contains %q", seed, marker)
	return ""
}

// runeRange returns the rune offsets of the first occurrence of sub in s.
func runeRange(t testing.TB, s, sub string) (int, int) {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	start := len([]rune(s[:i]))
	return start, start + len([]rune(sub))
}

func spanText(text string, s Span) string { return string([]rune(text)[s.Start:s.End]) }

// requireCover fails unless a span of kind covers the first occurrence of want.
func requireCover(t *testing.T, text string, kind Kind, want string) {
	t.Helper()
	requireCoverWith(t, Find, text, kind, want)
}

func requireCoverWith(t *testing.T, find func(string) []Span, text string, kind Kind, want string) {
	t.Helper()
	a, b := runeRange(t, text, want)
	var got []string
	for _, s := range find(text) {
		if s.Kind == kind && s.Start <= a && s.End >= b {
			return
		}
		got = append(got, s.Kind.String()+":"+spanText(text, s))
	}
	t.Errorf("no %v span covers %q; spans: %v", kind, want, got)
}

// forbid fails if a span of kind overlaps any occurrence of sub.
func forbid(t *testing.T, text string, kind Kind, sub string) {
	t.Helper()
	spans := Find(text)
	runes := []rune(text)
	subLen := len([]rune(sub))
	for off := 0; ; {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			return
		}
		a := len([]rune(text[:off+i]))
		for _, s := range spans {
			if s.Kind == kind && s.Start < a+subLen && a < s.End {
				t.Errorf("%v span %q overlaps %q in …%s…", kind, spanText(text, s), sub,
					string(runes[max(0, a-10):min(len(runes), a+subLen+10)]))
			}
		}
		off += i + len(sub)
	}
}

func countKind(spans []Span, k Kind) int {
	n := 0
	for _, s := range spans {
		if s.Kind == k {
			n++
		}
	}
	return n
}

func TestTargetsInPlan(t *testing.T) {
	// 第二章 第三节 主要目标: the plan's goals for 2025.
	line := lineWith(t, planSeed, "全省社会保障卡常住人口持卡率达98%")
	requireCover(t, line, Target, "全省社会保障卡常住人口持卡率达98%")
	requireCover(t, line, Target, "“十四五”期末")
	requireCover(t, line, Target, "申领电子社保卡人口覆盖率达到75%")

	line = lineWith(t, planSeed, "实现城镇新增就业550万人以上")
	requireCover(t, line, Target, "城镇新增就业550万人以上")
	requireCover(t, line, Target, "城镇调查失业率控制在5.5%左右")
	requireCover(t, line, Target, "城镇登记失业率控制在4%以内")

	// 专栏13 高技能人才培养工程, item 2.
	line = lineWith(t, planSeed, "开展各类职业培训 700 万人次以上")
	requireCover(t, line, Target, "开展各类职业培训 700 万人次以上")

	line = lineWith(t, planSeed, "全省基本养老保险参保率达到95%")
	requireCover(t, line, Target, "全省基本养老保险参保率达到95%")

	// 专栏3: a deadline and a quantity with a level word.
	line = lineWith(t, planSeed, "珠三角9市各建设至少1个港澳青年创新创业基地")
	requireCover(t, line, Target, "到2025年底")
	requireCover(t, line, Target, "至少1个")
	requireCover(t, lineWith(t, planSeed, "力争到2025年底，全省建成一批人才港分港"), Target, "力争到2025年底")

	// Several targets in one clause, split by 、.
	line = lineWith(t, planSeed, "分别达到 60% 以上、90% 以上、96% 以上")
	requireCover(t, line, Target, "60% 以上")
	requireCover(t, line, Target, "90% 以上")
	requireCover(t, line, Target, "96% 以上")
}

func TestTargetsInImplementationOpinions(t *testing.T) {
	line := lineWith(t, jxSeed, "确保企业开办时间压缩至 2 个工作日内")
	requireCover(t, line, Target, "确保企业开办时间压缩至 2 个工作日内")

	// Central opinions (十): 如期 is a deadline.
	line = lineWith(t, centralSeed, "确保如期打赢脱贫攻坚战")
	requireCover(t, line, Target, "如期")

	// Population thresholds define which cities a rule covers; they are no
	// commitments: 城区常住人口 300 万以下的城市.
	for _, seed := range []string{centralSeed, gdSeed} {
		line = lineWith(t, seed, "300 万以下")
		forbid(t, line, Target, "300 万以下")
	}
}

func TestPastFiguresAreNotTargets(t *testing.T) {
	// 第一章 第一节 发展基础 reports the 13th five-year plan period.
	line := lineWith(t, planSeed, "养老金最低标准提高到每人每月 180 元")
	if n := countKind(Find(line), Target); n != 0 {
		t.Errorf("past paragraph has %d targets: %v", n, Find(line))
	}
	requireCover(t, line, Figure, "180 元")
	requireCover(t, line, Figure, "80%")
	requireCover(t, line, Figure, "98.95%")

	line = lineWith(t, planSeed, "全省城镇新增就业人数累计突破 700 万人")
	if n := countKind(Find(line), Target); n != 0 {
		t.Errorf("“十三五”期间 paragraph has %d targets", n)
	}
	requireCover(t, line, Figure, "700 万人")
	requireCover(t, line, Figure, "3.5% 以内")

	// The reply letter reports work done.
	line = lineWith(t, replySeed, "截至2020年底")
	requireCover(t, line, Figure, "730万人")
	forbid(t, line, Target, "730万人")
	line = lineWith(t, replySeed, "比2019年底增长33.7%")
	requireCover(t, line, Figure, "33.7%")
	forbid(t, line, Target, "33.7%")
	forbid(t, line, Target, "18.74万人次")

	// A comparison inside an otherwise forward sentence still marks it past,
	// but 比重/比例 are nouns, not comparisons.
	text := "劳动报酬在初次分配中的比重逐步提升。劳动人事争议调解成功率达到 60% 以上。"
	requireCover(t, text, Target, "劳动人事争议调解成功率达到 60% 以上")
}

func TestNumbersThatAreNothing(t *testing.T) {
	cases := map[string][]string{
		replySeed:   {"第1764号", "粤人社案〔2021〕142号", "2021年4月25日", "“2+3+N”", "83133962"},
		planSeed:    {"粤府办〔2021〕32号", "发展“十四五”规划", "2021年11月18日", "专栏2", "12345 热线"},
		centralSeed: {"12 月 25 日电"},
	}
	for seed, subs := range cases {
		for _, sub := range subs {
			line := lineWith(t, seed, sub)
			for _, k := range []Kind{Target, Figure, Body} {
				forbid(t, line, k, sub)
			}
		}
	}
	// Clause and item numbers.
	for _, s := range []string{"1. **广州、深圳国家级人力资源服务产业园。**", "(一)实施就业优先政策创造流动机会。", "（3）做好服务。", "第1条"} {
		if got := Find(s); countKind(got, Target)+countKind(got, Figure) > 0 {
			t.Errorf("Find(%q) = %v, want no numbers", s, got)
		}
	}
}

func TestIndicatorTable(t *testing.T) {
	plan := readSeed(t, planSeed)
	start := strings.Index(plan, "专栏2 “十四五”时期主要指标")
	end := strings.Index(plan, "注：[] 内为五年累计数")
	if start < 0 || end < start {
		t.Fatal("专栏2 not found in the plan")
	}
	table := plan[start:end]
	row := lineWith(t, planSeed, "失业保险参保人数\t万人\t3603")
	if !strings.Contains(table, row) {
		t.Fatal("row not in 专栏2")
	}
	requireCover(t, table, Target, "3700")
	requireCover(t, table, Figure, "3603")
	requireCover(t, table, Target, "5.5左右")
	requireCover(t, table, Figure, "5.45")
	// The row after the page break still belongs to the table.
	requireCover(t, table, Target, "[115]")
	requireCover(t, table, Figure, "[58.4]")
	forbid(t, table, Target, "预期性")

	// 专栏1 reports the 13th plan: even its 目标值 column holds figures.
	start = strings.Index(plan, "专栏 1 “十三五”时期主要指标完成情况")
	end = strings.Index(plan, "注：1. [] 为累计数")
	box1 := plan[start:end]
	if n := countKind(Find(box1), Target); n != 0 {
		t.Errorf("专栏1 has %d targets", n)
	}
	requireCover(t, box1, Figure, "3603")

	// The parser hands a table over without its title, group rows (一、就业)
	// without tabs: the columns still hold, and a table that reports the
	// completion of its targets (2020 年 目标值 beside 2020 年 完成值)
	// still holds figures only.
	parsed := func(block string) string {
		lines := strings.Split(block, "\n")[1:]
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, "\t")
		}
		return strings.Join(lines, "\n")
	}
	table, box1 = parsed(table), parsed(box1)
	requireCover(t, table, Target, "3700")
	requireCover(t, table, Target, "[115]")
	requireCover(t, table, Figure, "[58.4]")
	if n := countKind(Find(box1), Target); n != 0 {
		t.Errorf("专栏1 without its title has %d targets", n)
	}
	requireCover(t, box1, Figure, "3800")
}

func TestBodies(t *testing.T) {
	line := lineWith(t, planSeed, "请径向省人力资源社会保障厅")
	for _, b := range []string{"省人力资源社会保障厅", "省医保局", "省发展改革委"} {
		requireCover(t, line, Body, b)
	}
	requireCover(t, lineWith(t, planSeed, "各地级以上市人民政府，省政府各部门"), Body, "各地级以上市人民政府")
	requireCover(t, lineWith(t, replySeed, "争取人社部"), Body, "人社部")
	requireCover(t, lineWith(t, centralSeed, "各地区各有关部门要"), Body, "各地区各有关部门")
	line = lineWith(t, centralSeed, "中共中央办公厅、国务院办公厅印发")
	requireCover(t, line, Body, "中共中央办公厅")
	requireCover(t, line, Body, "国务院办公厅")
	requireCover(t, lineWith(t, centralSeed, "存放在公共就业服务机构"), Body, "公共就业服务机构")
	requireCover(t, lineWith(t, gdSeed, "由珠三角 9 市政府给予"), Body, "珠三角 9 市政府")
	requireCover(t, lineWith(t, jxSeed, "中共江西省委办公厅"), Body, "中共江西省委办公厅")
	requireCover(t, lineWith(t, replySeed, "广东省人力资源和社会保障厅关于"), Body, "广东省人力资源和社会保障厅")
	// Institution types count when the text gives them a task.
	line = lineWith(t, centralSeed, "鼓励用人单位建立首席技师")
	requireCover(t, line, Body, "用人单位")
	requireCover(t, lineWith(t, gdSeed, "引导金融机构创新信贷产品"), Body, "金融机构")
	requireCover(t, lineWith(t, gdSeed, "鼓励高校完善多学科"), Body, "高校")
	requireCover(t, lineWith(t, planSeed, "支持技工院校建立国家级"), Body, "技工院校")
	// …and not when they are what gets built.
	forbid(t, lineWith(t, planSeed, "建成 20 所高水平技师学院"), Body, "技师学院")
}

func TestNotBodies(t *testing.T) {
	for _, seed := range allSeeds {
		text := readSeed(t, seed)
		for _, sub := range []string{"高校毕业生", "港澳居民", "农民工", "退役军人", "困难人员", "大湾区", "广州", "深圳", "人才港", "广东技工", "省十大战略性新兴产业集群", "以人民为中心", "中心城市", "干部"} {
			forbid(t, text, Body, sub)
		}
	}
}

func TestSpansWellFormedOnSeeds(t *testing.T) {
	for _, seed := range allSeeds {
		text := readSeed(t, seed)
		for _, para := range append(strings.Split(text, "\n"), text) {
			checkSpans(t, para, Find(para))
		}
	}
}

func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	n := len([]rune(text))
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.Start >= s.End || s.End > n {
			t.Fatalf("span %d %+v bad (prev end %d, len %d) in %.80q", i, s, prev, n, text)
		}
		if s.Kind != Target && s.Kind != Body && s.Kind != Figure {
			t.Fatalf("span %d has kind %v", i, s.Kind)
		}
		prev = s.End
	}
}

func TestHostileInput(t *testing.T) {
	inputs := []string{
		"", "\x00\xff\xfe", strings.Repeat("9", 100000), strings.Repeat("到2025年", 5000),
		strings.Repeat("（", 1000) + "省人社厅负责" + strings.Repeat("）", 3), "1.2.3.4.5", "%%%以上以上",
		"“十四五”期末", "期末", "五期末", "省", "省人社", strings.Repeat("省委", 10000), "\t\t\n\t2025年\t2020年\n1\t2\t3",
		string([]byte{0xe4, 0xb8}) + "达98%", "达98", "比", "比增长", "2100年前", "1900年",
		// No punctuation for a long way: must stay linear (see BenchmarkFindNoPunctuation).
		strings.Repeat("建设1个", 20000), strings.Repeat("十", 20000) + "五期末", strings.Repeat("比", 20000) + "增长",
	}
	for _, in := range inputs {
		checkSpans(t, in, Find(in))
		_ = Responsible(in)
	}
	if got := Find(""); got != nil {
		t.Errorf("Find(\"\") = %v", got)
	}
}

func TestRuneOffsetsWithSpacesAndFullWidth(t *testing.T) {
	text := "到２０２５年，持卡率达 ９８％。"
	spans := Find(text)
	checkSpans(t, text, spans)
	requireCover(t, text, Target, "到２０２５年")
	requireCover(t, text, Target, "持卡率达 ９８％")
	for _, s := range spans {
		if got := spanText(text, s); strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Errorf("span %q starts or ends with a space", got)
		}
	}
}

func TestReportsPastAndFindReport(t *testing.T) {
	for h, want := range map[string]bool{
		"发展基础": true, "我厅破除障碍促进大湾区人才流动相关工作情况": true, "“十三五”时期主要指标完成情况": true,
		"主要目标": false, "强化就业优先政策": false, "下一步工作计划": false,
	} {
		if got := ReportsPast(h); got != want {
			t.Errorf("ReportsPast(%q) = %v, want %v", h, got, want)
		}
	}
	// 第一章 第一节 发展基础: a paragraph with no marker of the past in it,
	// which only its heading shows to be a report.
	line := lineWith(t, planSeed, "全省技工院校 146 所")
	if n := countKind(FindReport(line), Target); n != 0 {
		t.Errorf("FindReport gave %d targets", n)
	}
	requireCoverWith(t, FindReport, line, Figure, "146 所")
	requireCoverWith(t, FindReport, line, Figure, "341 个")
	// A page break cut this sentence from its paragraph; alone it has no
	// marker, so Find leaves the number alone and FindReport makes it a figure.
	line = lineWith(t, planSeed, "凭证激活量 3559 万人次")
	if got := Find(line); len(got) != 0 {
		t.Errorf("Find(%q) = %v, want nothing", line, got)
	}
	requireCoverWith(t, FindReport, line, Figure, "3559 万人次")
	// A goal paragraph read as a report: its targets become figures, its
	// bodies stay bodies.
	goal := "到2025年，全省高技能人才达580万人以上。由省人力资源社会保障厅负责。"
	requireCoverWith(t, FindReport, goal, Figure, "580万人以上")
	requireCoverWith(t, FindReport, goal, Body, "省人力资源社会保障厅")
	if n := countKind(FindReport(goal), Target); n != 0 {
		t.Errorf("FindReport(%q) has %d targets", goal, n)
	}
}

func TestGazetteer(t *testing.T) {
	h, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if got := h.Find("省人社厅"); len(got) != 1 || got[0] != (Span{0, 4, Body}) {
		t.Errorf("Find(省人社厅) = %v", got)
	}
	for _, bad := range []string{"省人社厅", "[nosuch]\n省", "[name]\n省 ?x"} {
		if _, err := parseGazetteer(bad); err == nil {
			t.Errorf("parseGazetteer(%q) accepted bad input", bad)
		}
	}
	var zero *Highlighter
	if zero.Find("省人社厅") != nil || zero.Responsible("（省人社厅负责）") != nil {
		t.Error("nil Highlighter found something")
	}
}

// TestGeneralBodyAndMeasureRules checks the rules that generalise beyond
// the gazetteer's literal names, on seed lines and on made-up text that the
// seeds do not hold.
func TestGeneralBodyAndMeasureRules(t *testing.T) {
	// Party organs of a unit, not their officers.
	line := lineWith(t, planSeed, "落实好党支部对教育教学")
	requireCoverIn(t, line, Body, "落实好党支部对", "党支部")
	forbid(t, line, Body, "党支部书记")
	requireCoverIn(t, lineWith(t, planSeed, "落实党委对学校办学方针"), Body, "落实党委对", "党委")
	// [stem] [function] 部门, with no literal entry.
	for _, d := range []string{"教育行政部门", "卫生健康部门", "人事综合管理部门", "职能部门"} {
		requireCover(t, "由"+d+"负责。", Body, d)
	}
	for _, s := range []string{"加强部门间数据共享。", "推进跨部门协同。"} {
		forbid(t, s, Body, "部门")
	}
	// A share bound by a threshold word of its clause.
	requireCover(t, lineWith(t, gdSeed, "应纳税所得额的 15%"), Target, "15%")
	forbid(t, "参保人员个人缴费占工资的8%。", Target, "8%")
	// A count closing a list is bound by a commitment verb of the list's
	// head, not by one inside an item (博士工作站设立等10余项).
	requireCover(t, "建设职业技能、创业孵化等20个示范基地。", Target, "20个")
	forbid(t, lineWith(t, replySeed, "博士工作站设立等10余项"), Target, "10余项")
	// A proper fraction is a measure; a date with slashes is not.
	requireCover(t, lineWith(t, planSeed, "占全国 1/6"), Figure, "1/6")
	if got := Find("发布日期：2021/4/25。"); len(got) != 0 {
		t.Errorf("date with slashes gave spans %v", got)
	}
	// A task word after an institution inside a list of programmes or after
	// a preposition makes no subject; a directive under a policy verb and
	// 发挥…作用 set no task.
	forbid(t, lineWith(t, centralSeed, "重点高校招收农村"), Body, "高校")
	forbid(t, lineWith(t, planSeed, "支持与国（境）外职业院校开展"), Body, "职业院校")
	forbid(t, lineWith(t, planSeed, "落实支持企业吸纳就业政策"), Body, "企业")
	forbid(t, lineWith(t, centralSeed, "发挥银行、小额贷款公司"), Body, "银行")
	// Enterprises and institutions in a region given a task.
	// Enterprises encouraged are a group the policy addresses, not a body
	// made responsible; bound by a duty they are one.
	forbid(t, lineWith(t, jxSeed, "鼓励企业运用债券"), Body, "企业")
	requireCoverIn(t, "燃气企业应当建立安全管理制度。", Body, "燃气企业应当", "企业")
	requireCoverIn(t, lineWith(t, planSeed, "支持粤东粤西粤北地区技工院校开展"), Body, "粤北地区技工院校开展", "技工院校")
}

// requireCoverIn fails unless a span of kind covers want inside the first
// occurrence of context in text.
func requireCoverIn(t *testing.T, text string, kind Kind, context, want string) {
	t.Helper()
	c, _ := runeRange(t, text, context)
	w, _ := runeRange(t, context, want)
	a, b := c+w, c+w+len([]rune(want))
	for _, s := range Find(text) {
		if s.Kind == kind && s.Start <= a && s.End >= b {
			return
		}
	}
	t.Errorf("no %v span covers %q in %q", kind, want, context)
}

// TestTargetStopsAtControlCharacters: a target span never reaches back
// over a control character, so escape-sequence debris in a hostile file
// is not highlighted as part of a commitment.
func TestTargetStopsAtControlCharacters(t *testing.T) {
	text := "到2025年\x1b]0;pwned\x07达到98%"
	for _, s := range Find(text) {
		got := string([]rune(text)[s.Start:s.End])
		if strings.ContainsAny(got, "\x1b\x07") || strings.Contains(got, "pwned") {
			t.Errorf("%v span %q reaches over control characters", s.Kind, got)
		}
	}
}

// TestFindAsOf: a sentence whose deadline year is before its document's
// reports what was reached — figures, no target; the same sentence in a
// document of that year or before, or of no known date, sets targets.
func TestFindAsOf(t *testing.T) {
	s := "互联网普及率从2012年的42.1%提高到2021年的73%，上网人数达10.32亿人。"
	kinds := func(spans []Span) (targets, figures int) {
		for _, sp := range spans {
			switch sp.Kind {
			case Target:
				targets++
			case Figure:
				figures++
			}
		}
		return
	}
	for _, tc := range []struct {
		year             int
		targets, figures bool
	}{{2022, false, true}, {2021, true, false}, {2019, true, false}, {0, true, false}} {
		tg, fg := kinds(FindAsOf(s, tc.year))
		if (tg > 0) != tc.targets || (fg > 0) != tc.figures {
			t.Errorf("as of %d: %d targets, %d figures", tc.year, tg, fg)
		}
	}
	// A report's sentence with a year of the document's own or later is
	// not made past: 到2025年 in a plan of 2022.
	if tg, _ := kinds(FindAsOf("到2025年，数字经济核心产业增加值占国内生产总值比重达到10%。", 2022)); tg == 0 {
		t.Error("a plan's 2025 deadline lost its target")
	}
}

// TestLawAndPlanPhrases: measures written without a digit (过半数, 半数以上,
// 翻一番, 按期), a date after a time-limit label, a five-year period read
// against the document's year (a 2016 plan's “十三五” looks ahead, a 2021
// plan's reports; 在“十二五”基础上 is a baseline either way), the organs of
// the local people's congresses, and a thing a body owns (市政府门户网站).
func TestLawAndPlanPhrases(t *testing.T) {
	has := func(spans []Span, text string, k Kind, want string) bool {
		rs := []rune(text)
		for _, s := range spans {
			if s.Kind == k && strings.Contains(string(rs[s.Start:s.End]), want) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		text string
		year int
		kind Kind
		want string
		ok   bool
	}{
		{"县级的人民代表大会常务委员会接受辞职，须经常务委员会组成人员的过半数通过。", 0, Target, "过半数", true},
		{"县级的人民代表大会常务委员会接受辞职，须经常务委员会组成人员的过半数通过。", 0, Body, "县级的人民代表大会常务委员会", true},
		{"到2020年，全市地区生产总值比2010年翻一番。", 2016, Target, "翻一番", true},
		{"不能按期办结的，应当说明理由并报告阶段性工作情况。", 0, Target, "按期", true},
		{"（市人力资源社会保障局负责落实，完成时限：2021年10月）", 2021, Target, "2021年10月", true},
		{"“十三五”期间，全市发明专利申请量达到4万件，在“十二五”基础上实现双倍增长。", 2016, Target, "达到4万件", true},
		{"“十三五”期间，全市发明专利申请量达到4万件，在“十二五”基础上实现双倍增长。", 2021, Figure, "4万件", true},
		{"“十三五”期间，全市发明专利申请量达到4万件，在“十二五”基础上实现双倍增长。", 2021, Target, "达到4万件", false},
		{"乡、民族乡、镇的人民代表大会主席团根据代表资格审查委员会提出的报告，确认代表的资格。", 0, Body, "代表资格审查委员会", true},
		{"县级以上的地方各级人民代表大会举行会议的时候，由主席团印发会议。", 0, Body, "主席团", true},
		{"各区政府门户网站要参照市政府门户网站模式，开通专题栏目。", 0, Body, "市政府", false},
		{"乡、民族乡、镇的人民代表大会代表由选民直接选举。", 0, Body, "乡、民族乡、镇的人民代表大会", false},
		{"每辆车加注燃料不超过60升。", 0, Target, "60升", true},
		{"自发明专利申请日起满四年，且自实质审查请求之日起满三年后授予发明专利权的，给予补偿。", 0, Target, "满四年", true},
		{"2024年，发布70项碳核算国家标准。", 2024, Target, "70项", true},
		{"2024年，发布70项碳核算国家标准。", 2024, Target, "2024年", true},
		{"2019年，全市发布70项地方标准。", 2024, Target, "70项", false},
		{"新型经营主体应当按照规定参与电力市场交易。", 0, Body, "新型经营主体", true},
		{"检测报告由第三方检测机构出具。", 0, Body, "第三方检测机构", true},
		{"综合考虑地方政府积极性等因素，选取试点城市。", 0, Body, "地方政府", false},
		{"未满十八周岁的，不得录用。", 0, Target, "未满十八周岁", true},
		{"同时满足下列三个条件的，予以认定。", 0, Target, "满足下列三个", false},
		{"考试满分100分。", 0, Target, "100分", false},
		{"充满电需要8小时。", 0, Target, "8小时", false},
		{"2024年，全市累计新增就业12万人，居全国第3位。", 2024, Figure, "12万人", true},
		{"2019年，全市力争新增就业10万人。", 0, Target, "2019年", false},
		{"力争将综合得分由85.5升至90分。", 2021, Target, "由85.5升至90分", true},
		{"防范化解地方政府隐性债务风险。", 0, Body, "地方政府", false},
		{"检测机构资质认定由市场监管部门负责。", 0, Body, "检测机构", false},
		// What they must not catch.
		{"纳税人未按期申报的，由税务机关责令限期改正，可以处二千元以下的罚款。", 0, Target, "按期", false},
		{"利息按期间平均余额计算。", 0, Target, "按期", false},
		{"我市半数以上的企业为中小微企业。", 0, Target, "半数以上", false},
		{"会议通过半数以上成员的提议。", 0, Target, "过半数", false},
		{"外部董事不超过半数。", 0, Target, "过半数", false},
		{"召开会议必须有半数以上委员出席。", 0, Target, "半数以上", true},
		{"到2025年，新增装机容量100千瓦，年发电量达到500千瓦时。", 2021, Target, "500千瓦时", true},
		{"到2025年，城镇化率提高2个百分点。", 2021, Target, "2个百分点", true},
		{"与“十四五”规划相衔接，到2030年新建基站3万个。", 2026, Target, "3万个", true},
		{"在“十三五”发展的基础上翻一番，达到3万个。", 2021, Target, "3万个", true},
		{"社会组织登记管理机关应当依法查处。", 0, Body, "社会组织登记管理机关", true},
		{"省、自治区、直辖市的人民代表大会常务委员会组成人员不得担任国家行政机关的职务。", 0, Body, "省、自治区、直辖市的人民代表大会", false},
		{"由市政府网站管理办公室负责统筹协调。", 0, Body, "市政府", true},
	} {
		got := has(FindAsOf(c.text, c.year), c.text, c.kind, c.want)
		if got != c.ok {
			t.Errorf("%s (as of %d): %v %q found %v, want %v", c.text, c.year, c.kind, c.want, got, c.ok)
		}
	}
}
