package targets

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

// span returns the Target span of the first occurrence of phrase in text.
func span(t *testing.T, text, phrase string) corpus.Span {
	t.Helper()
	i := strings.Index(text, phrase)
	if i < 0 {
		t.Fatalf("%q not in %q", phrase, text)
	}
	start := len([]rune(text[:i]))
	return corpus.Span{Start: start, End: start + len([]rune(phrase)), Kind: highlight.Target}
}

// handBuilt returns a corpus of two documents whose nodes carry spans as the
// parser will set them, with text from the Guangdong five-year plan.
func handBuilt(t *testing.T) *corpus.Corpus {
	plan := &corpus.Document{ID: "plan", Title: "人力资源和社会保障事业发展“十四五”规划", Short: "广东"}
	ch := &corpus.Node{ID: "plan/ch4", Kind: corpus.Chapter, Number: "第四章", Heading: "实施就业优先战略", Doc: plan}
	t1 := "到2025年，全省高技能人才达到 650 万人，新增就业 700 万人以上。截至 2020 年底，全省技能人才总量达 1600 万人。"
	c1 := &corpus.Node{ID: "plan/ch4/c1", Kind: corpus.Clause, Number: "（一）", Heading: "强化就业优先政策", Text: t1, Parent: ch, Doc: plan}
	c1.Spans = []corpus.Span{
		span(t, t1, "到2025年"),
		span(t, t1, "达到 650 万人"),
		span(t, t1, "700 万人以上"),
		{Start: 60, End: 63, Kind: highlight.Figure}, // not a target
	}
	t2 := "城镇调查失业率控制在5.5%以内。"
	item := &corpus.Node{ID: "plan/ch4/c1/1", Kind: corpus.Item, Number: "1.", Text: t2, Parent: c1, Doc: plan}
	item.Spans = []corpus.Span{span(t, t2, "5.5%以内"), {Start: 3, End: 99, Kind: highlight.Target}, {Start: -1, End: 2}, {Start: 4, End: 4}}
	c1.Children = []*corpus.Node{item}
	ch.Children = []*corpus.Node{c1}
	plan.Children = []*corpus.Node{ch}

	impl := &corpus.Document{ID: "impl", Title: "实施意见", Short: "江西"}
	t3 := "确保企业开办时间压缩至 2 个工作日内，2022年底前全面完成。"
	c3 := &corpus.Node{ID: "impl/c3", Kind: corpus.Clause, Number: "（三）", Heading: "优化创新创业环境，增强流动动力", Text: t3, Doc: impl}
	c3.Spans = []corpus.Span{span(t, t3, "2 个工作日内"), span(t, t3, "2022年底前")}
	impl.Children = []*corpus.Node{c3}
	return corpus.NewCorpus([]*corpus.Document{plan, impl})
}

func phrases(ts []Target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Phrase
	}
	return out
}

func TestCollect(t *testing.T) {
	statements := map[string]string{
		"达到 650 万人": "全省高技能人才达到 650 万人",
		"700 万人以上":  "新增就业 700 万人以上",
		"2 个工作日内":   "确保企业开办时间压缩至 2 个工作日内",
	}
	for _, tg := range Collect(handBuilt(t)) {
		if w, ok := statements[tg.Phrase]; ok && tg.Statement != w {
			t.Errorf("%s: statement %q, want %q", tg.Phrase, tg.Statement, w)
		}
	}
	ts := Collect(handBuilt(t))
	// A deadline alone in its clause (到2025年，…) is the year of the other
	// targets of its sentence, not a row of its own; one with work in its
	// clause (2022年底前全面完成) is a row.
	want := []Target{
		{DocID: "plan", Clause: "（一）强化就业优先政策", Phrase: "达到 650 万人", Year: 2025},
		{DocID: "plan", Clause: "（一）强化就业优先政策", Phrase: "700 万人以上", Year: 2025},
		// An item without a heading takes its clause's; no deadline in its
		// sentence, so the year comes from the clause text above it.
		{DocID: "plan", Clause: "（一）强化就业优先政策", Phrase: "5.5%以内", Year: 2025},
		// A deadline in a later clause governs that clause, not this one.
		{DocID: "impl", Clause: "（三）优化创新创业环境，增强流动动力", Phrase: "2 个工作日内", Year: 0},
		{DocID: "impl", Clause: "（三）优化创新创业环境，增强流动动力", Phrase: "2022年底前", Year: 2022},
	}
	if len(ts) != len(want) {
		t.Fatalf("Collect = %q, want %d targets", phrases(ts), len(want))
	}
	for i, w := range want {
		g := ts[i]
		if g.DocID != w.DocID || g.Clause != w.Clause || g.Phrase != w.Phrase || g.Year != w.Year {
			t.Errorf("target %d = {%s %s %q %d}, want {%s %s %q %d}", i, g.DocID, g.Clause, g.Phrase, g.Year, w.DocID, w.Clause, w.Phrase, w.Year)
		}
		if got := string([]rune(g.Node.Text)[g.Start:g.End]); got != g.Phrase {
			t.Errorf("target %d: offsets give %q, phrase %q", i, got, g.Phrase)
		}
		if g.DocLabel != g.Node.Doc.Label() {
			t.Errorf("target %d: label %q", i, g.DocLabel)
		}
	}
	if Collect(nil) != nil || len(Collect(corpus.NewCorpus(nil))) != 0 {
		t.Error("empty corpus gave targets")
	}
}

func TestSortAndFilter(t *testing.T) {
	ts := Collect(handBuilt(t))
	byYear := slices.Clone(ts)
	SortByYear(byYear)
	if got, want := phrases(byYear), []string{"2022年底前", "达到 650 万人", "700 万人以上", "5.5%以内", "2 个工作日内"}; !slices.Equal(got, want) {
		t.Errorf("SortByYear = %q, want %q", got, want)
	}
	SortByDoc(byYear)
	if !slices.Equal(phrases(byYear), phrases(ts)) {
		t.Errorf("SortByDoc = %q, want corpus order %q", phrases(byYear), phrases(ts))
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"", phrases(ts)},
		{"  ", phrases(ts)},
		{"万人", []string{"达到 650 万人", "700 万人以上"}},
		{"2022", []string{"2022年底前"}},
		{"江西", []string{"2 个工作日内", "2022年底前"}},
		{"IMPL 工作日", []string{"2 个工作日内"}},
		{"plan/ch4/c1/1", []string{"5.5%以内"}},
		{"2025 以上", []string{"700 万人以上"}},
		{"没有", []string{}},
	} {
		if got := phrases(Filter(ts, c.q)); !slices.Equal(got, c.want) {
			t.Errorf("Filter(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestCollectSeeds checks the targets the highlighter marks on the seeds:
// offsets agree with phrases, and deadlines read in the five-year plan are
// found: 到2025年，全省开展家政职业技能培训115万人次以上 (the year earlier in
// the sentence), 于2022年前各建成一所技师学院, and none for 年金基金规模超过
// 3500亿元 (its sentence names no deadline).
func TestCollectSeeds(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatalf("load seeds: %v", errs)
	}
	ts := Collect(c)
	if len(ts) == 0 {
		t.Fatal("no targets on the seeds")
	}
	byPhrase := map[string]Target{}
	for _, tg := range ts {
		if got := string([]rune(tg.Node.Text)[tg.Start:tg.End]); got != tg.Phrase {
			t.Errorf("%s: offsets give %q, phrase %q", tg.Node.ID, got, tg.Phrase)
		}
		byPhrase[tg.Phrase] = tg
	}
	for _, w := range []struct {
		contains string
		year     int
	}{
		{"115万人次以上", 2025},
		{"于2022年前", 2022},
		{"3500亿元", 2025}, // no deadline in its sentence; 第三节 主要目标 states 到 2025 年
	} {
		found := false
		for p, tg := range byPhrase {
			if strings.Contains(p, w.contains) {
				found = true
				if tg.DocID != "guangdong-hrss-2021-14th-five-year-plan" || tg.Year != w.year {
					t.Errorf("%q: %s year %d, want the plan and %d", p, tg.DocID, tg.Year, w.year)
				}
			}
		}
		if !found {
			t.Errorf("no target contains %q", w.contains)
		}
	}
}

// TestFilterAgreesWithJoinedFields checks Filter, which searches Collect's
// targets field by field as they are, against a reference that lower-cases
// the fields joined with NULs, on the seeds, for Collect's targets and for
// the same targets as if built by hand (lower-cased on each call).
func TestFilterAgreesWithJoinedFields(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatalf("load seeds: %v", errs)
	}
	ts := Collect(c)
	byHand := slices.Clone(ts)
	plain := 0
	for i := range byHand {
		if byHand[i].plain {
			plain++
		}
		byHand[i].plain = false
	}
	if plain == 0 || plain == len(ts) {
		t.Errorf("%d of %d targets plain: the test meets one path only", plain, len(ts))
	}
	reference := func(q string) []Target {
		var out []Target
		for _, x := range ts {
			f := x.fields()
			year := ""
			if x.Year != 0 {
				year = strconv.Itoa(x.Year)
			}
			hay := strings.ToLower(strings.Join(append(f[:], year), "\x00"))
			ok := true
			for _, w := range strings.Fields(strings.ToLower(q)) {
				ok = ok && strings.Contains(hay, w)
			}
			if ok {
				out = append(out, x)
			}
		}
		return out
	}
	for _, q := range []string{"", "万", "万人", "2025", "202", "2025 万人", "GUANGDONG", "Jiangxi 以上", "/ch4", "广东", "%", "gdp", "nothing-matches"} {
		want := targetKeys(reference(q))
		if got := targetKeys(Filter(ts, q)); !slices.Equal(got, want) {
			t.Errorf("Filter(%q): %d targets, the reference %d", q, len(got), len(want))
		}
		if got := targetKeys(Filter(byHand, q)); !slices.Equal(got, want) {
			t.Errorf("Filter(%q) lower-casing on each call: %d targets, the reference %d", q, len(got), len(want))
		}
		if q == "万" && (len(want) == 0 || len(want) == len(ts)) {
			t.Errorf("Filter(万) keeps %d of %d targets: the test filters nothing", len(want), len(ts))
		}
	}
}

// targetKeys identifies each target by node and phrase, in order.
func targetKeys(ts []Target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Node.ID + "\x00" + t.Phrase
	}
	return out
}

// TestDeadlineGovernsItsClause: a deadline with work in its clause is a
// row of its own and dates nothing outside its clause; one in the clause
// of a measured target is that target's year.
func TestDeadlineGovernsItsClause(t *testing.T) {
	text := "2025年底前完成全部老旧校舍改造，2030年底前建成20所高水平技师学院。"
	d := &corpus.Document{ID: "d", Title: "规划"}
	n := &corpus.Node{ID: "d/p1", Kind: corpus.Paragraph, Text: text, Doc: d}
	n.Spans = []corpus.Span{span(t, text, "2025年底前"), span(t, text, "2030年底前"), span(t, text, "20所")}
	d.Children = []*corpus.Node{n}
	var got []string
	for _, tg := range Collect(corpus.NewCorpus([]*corpus.Document{d})) {
		got = append(got, strconv.Itoa(tg.Year)+" "+tg.Statement)
	}
	want := []string{"2025 2025年底前完成全部老旧校舍改造", "2030 2030年底前建成20所高水平技师学院"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// TestStatementsOfOneClause: several targets of one clause each read as
// their own part of it, behind the clause's verb.
func TestStatementsOfOneClause(t *testing.T) {
	text := "建成20所高水平技师学院和30所示范性技工学校。"
	d := &corpus.Document{ID: "d", Title: "规划"}
	n := &corpus.Node{ID: "d/p1", Kind: corpus.Paragraph, Text: text, Doc: d}
	n.Spans = []corpus.Span{span(t, text, "建成20所"), span(t, text, "30所")}
	d.Children = []*corpus.Node{n}
	var got []string
	for _, tg := range Collect(corpus.NewCorpus([]*corpus.Document{d})) {
		got = append(got, tg.Statement)
	}
	if want := []string{"建成20所高水平技师学院", "建成…30所示范性技工学校"}; !slices.Equal(got, want) {
		t.Errorf("statements %q, want %q", got, want)
	}
}

// TestDetach: detached targets keep everything but their nodes: the node
// IDs find, in another reading of the same library, nodes whose text
// holds the phrase at the target's offsets, and their documents are that
// reading's.
func TestDetach(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	other, errs2 := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs)+len(errs2) > 0 {
		t.Fatal(errs, errs2)
	}
	ts := Collect(c)
	want := slices.Clone(ts)
	Detach(ts, other)
	if len(ts) == 0 {
		t.Fatal("no targets on the seeds")
	}
	for i, tg := range ts {
		w := want[i]
		if tg.Node != nil || tg.NodeID != w.Node.ID || tg.Phrase != w.Phrase || tg.Statement != w.Statement || tg.Clause != w.Clause || tg.Year != w.Year {
			t.Fatalf("target %d detached as %+v, want %+v", i, tg, w)
		}
		n, ok := other.Node(tg.NodeID)
		if !ok || tg.Doc != n.Doc {
			t.Fatalf("target %d: node %s not found, or not its document's", i, tg.NodeID)
		}
		if got := string([]rune(n.Text)[tg.Start:tg.End]); got != tg.Phrase {
			t.Errorf("target %d: %q at its offsets, want %q", i, got, tg.Phrase)
		}
	}
	// Filtered and exported by node ID as before.
	last := ts[len(ts)-1]
	if found := Filter(ts, last.NodeID); !slices.ContainsFunc(found, func(x Target) bool { return x.NodeID == last.NodeID && x.Start == last.Start }) {
		t.Errorf("filtering by %s does not find its target", last.NodeID)
	}
	var csv strings.Builder
	if err := WriteCSV(&csv, ts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), ","+last.NodeID+",") {
		t.Errorf("the CSV lacks node ID %s", last.NodeID)
	}
}
