package related

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
)

const (
	centralID = "central-2019-social-mobility-opinions"
	gdID      = "guangdong-social-mobility-implementation"
	jxID      = "jiangxi-2020-social-mobility-implementation"
	planID    = "guangdong-hrss-2021-14th-five-year-plan"
)

func loadSeeds(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatalf("load seeds: %v", errs)
	}
	return c
}

// bare drops brackets, spaces and punctuation, so （四）, (四) and ( 四 )
// compare equal, and so do headings with and without a comma.
func bare(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '（', '）', ' ', '\u3000', '，', '、', ',', '。':
			return -1
		}
		return r
	}, s)
}

// clause finds the one clause of the document numbered num (e.g. 四) and
// checks that its heading is the one read in the source.
func clause(t *testing.T, c *corpus.Corpus, docID, num, heading string) *corpus.Node {
	t.Helper()
	return numbered(t, c, corpus.Clause, docID, num, heading)
}

// numbered finds the one node of the kind numbered num in the document and
// checks its heading.
func numbered(t *testing.T, c *corpus.Corpus, kind corpus.Kind, docID, num, heading string) *corpus.Node {
	t.Helper()
	d, ok := c.Doc(docID)
	if !ok {
		t.Fatalf("no document %s", docID)
	}
	var found []*corpus.Node
	d.Walk(func(n *corpus.Node) bool {
		if bare(n.Number) == num && n.Kind == kind {
			found = append(found, n)
		}
		return true
	})
	if len(found) != 1 {
		t.Fatalf("%s: %d %s nodes numbered %s, want 1", docID, len(found), kind, num)
	}
	if bare(found[0].Heading) != bare(heading) {
		t.Fatalf("%s %s: heading %q, want %q", docID, num, found[0].Heading, heading)
	}
	return found[0]
}

// headed finds the one node of the document with the given heading.
func headed(t *testing.T, c *corpus.Corpus, docID, heading string) *corpus.Node {
	t.Helper()
	d, ok := c.Doc(docID)
	if !ok {
		t.Fatalf("no document %s", docID)
	}
	var found []*corpus.Node
	d.Walk(func(n *corpus.Node) bool {
		if n.Heading == heading {
			found = append(found, n)
		}
		return true
	})
	if len(found) != 1 {
		t.Fatalf("%s: %d nodes headed %s, want 1", docID, len(found), heading)
	}
	return found[0]
}

// bestIn returns the best match that belongs to document docID.
func bestIn(ms []Match, docID string) *Match {
	for i := range ms {
		if ms[i].Node.Doc.ID == docID {
			return &ms[i]
		}
	}
	return nil
}

// TestSeedPairs checks the central clauses against the provincial clauses
// that implement them, established by reading the three documents side by
// side: the provincial clause repeats the central heading (often reworded)
// and carries over whole sentences of its text.
func TestSeedPairs(t *testing.T) {
	c := loadSeeds(t)
	x := New(c)
	type ref struct{ num, heading string }
	pairs := []struct {
		central, gd, jx ref
	}{
		// Given by the issue: 落户 limits for cities under 3 million, 积分落户,
		// 建设用地 tied to 农业转移人口落户.
		{ref{"四", "以户籍制度和公共服务牵引区域流动"}, ref{"七", "深化户籍制度改革畅通流动渠道"}, ref{"五", "优化户籍制度和公共服务，促进区域流动"}},
		// 就业优先; Jiangxi copies 统筹发展资本密集型…创造更充分的流动机会,
		// Guangdong 研究机器人、人工智能等技术对就业影响的应对办法.
		{ref{"一", "实施就业优先政策创造流动机会"}, ref{"三", "强化就业优先政策创造流动机会"}, ref{"一", "强化就业优先政策，创造更多更优流动机会"}},
		// 城乡融合发展体制机制, 优化行政区划设置 / 拓宽城市间流动空间.
		{ref{"二", "推动区域协调发展促进流动均衡"}, ref{"四", "推动城乡区域协调发展促进流动均衡"}, ref{"二", "推动区域协调发展，促进流动均衡"}},
		// 产教融合, 企业开办时间, 创业培训（实训）基地、创业孵化基地和农村创新创业园.
		{ref{"三", "推进创新创业创造激发流动动力"}, ref{"五", "打造创新创业高地增强流动动力"}, ref{"三", "优化创新创业环境，增强流动动力"}},
		// 加大党政人才、企事业单位管理人才交流力度; Jiangxi copies the
		// 艰苦地区基层公务员招录门槛 sentence. Guangdong's (九) is cut off by
		// the excerpt after its first sentence, which is the central one.
		{ref{"五", "以用人制度改革促进单位流动"}, ref{"九", "深化用人体制机制改革促进人才流动"}, ref{"六", "推动用人制度改革，促进单位流动"}},
	}
	for _, p := range pairs {
		cn := clause(t, c, centralID, p.central.num, p.central.heading)
		ms := x.Related(cn.ID, 0)
		for _, want := range []struct {
			doc string
			ref ref
		}{{gdID, p.gd}, {jxID, p.jx}} {
			wn := clause(t, c, want.doc, want.ref.num, want.ref.heading)
			got := bestIn(ms, want.doc)
			if got == nil {
				t.Errorf("central (%s): nothing related in %s, want (%s)", p.central.num, want.doc, want.ref.num)
				continue
			}
			if got.Node != wn {
				t.Errorf("central (%s): best in %s is %s%s (%.3f), want (%s)%s", p.central.num, want.doc,
					got.Node.Number, got.Node.Heading, got.Score, want.ref.num, want.ref.heading)
			}
			// And back: the provincial clause's best central match is this clause.
			back := bestIn(x.Related(wn.ID, 0), centralID)
			if back == nil || back.Node != cn {
				t.Errorf("%s (%s): best central match is not (%s)", want.doc, want.ref.num, p.central.num)
			}
		}
	}

	// A part with text of its own is compared too: Guangdong's (一) 指导思想
	// restates the central 一、总体要求 nearly word for word.
	part := numbered(t, c, corpus.Part, centralID, "一", "总体要求")
	if got := bestIn(x.Related(part.ID, 0), gdID); got == nil || bare(got.Node.Number) != "一" || got.Node.Heading != "指导思想" {
		t.Errorf("central 一、总体要求: best Guangdong match %+v, want (一)指导思想", got)
	}

	// Central clauses carried into the Guangdong five-year plan, whose
	// clauses open with a lead sentence instead of a number.
	for _, p := range []struct {
		central       ref
		planHeading   string
		sharedPassage string
	}{
		// The plan's clause says 优化档案管理服务畅通职业转换 and 流动人员人事档案.
		{ref{"六", "以档案服务改革畅通职业转换"}, "畅通人才流动渠道", "流动人员人事档案"},
		// 通过市场渠道难以实现就业的困难人员…公益性岗位…零就业家庭动态“清零”.
		{ref{"十二", "推进公平就业保障困难人员发展机会"}, "兜牢困难人员就业底线", "零就业家庭动态“清零”"},
	} {
		cn := clause(t, c, centralID, p.central.num, p.central.heading)
		pn := headed(t, c, planID, p.planHeading)
		if !strings.Contains(cn.Text, p.sharedPassage) || !strings.Contains(pn.Text, p.sharedPassage) {
			t.Fatalf("passage %q is not in both clauses", p.sharedPassage)
		}
		if got := bestIn(x.Related(cn.ID, 0), planID); got == nil || got.Node != pn {
			t.Errorf("central (%s): best plan match %+v, want %s", p.central.num, got, p.planHeading)
		}
	}
}

// TestSeedInvariants checks every query on the seeds: other documents only,
// best first, scores within (MinScore, 1], limit honoured.
func TestSeedInvariants(t *testing.T) {
	c := loadSeeds(t)
	x := New(c)
	if x.Len() < 100 {
		t.Fatalf("only %d nodes indexed from the seeds", x.Len())
	}
	c.Nodes(func(n *corpus.Node) bool {
		ms := x.Related(n.ID, 5)
		if len(ms) > 5 {
			t.Errorf("%s: %d matches for limit 5", n.ID, len(ms))
		}
		for i, m := range ms {
			if m.Node.Doc == n.Doc {
				t.Errorf("%s: match %s is in the same document", n.ID, m.ID)
			}
			if m.ID != m.Node.ID || !x.Indexed(m.ID) {
				t.Errorf("%s: match %s is not an indexed node", n.ID, m.ID)
			}
			if m.Score < MinScore || m.Score > 1 {
				t.Errorf("%s: score %v out of range", n.ID, m.Score)
			}
			if i > 0 && m.Score > ms[i-1].Score {
				t.Errorf("%s: scores not descending at %d", n.ID, i)
			}
		}
		return true
	})
	// The central clause on personnel files (档案) has no counterpart in
	// the excerpts of the provincial documents: nothing should be forced.
	cn := clause(t, c, centralID, "六", "以档案服务改革畅通职业转换")
	for _, m := range x.Related(cn.ID, 0) {
		if d := m.Node.Doc.ID; d == gdID || d == jxID {
			t.Errorf("central (六) 档案: unexpected match %s %s%s (%.3f)", d, m.Node.Number, m.Node.Heading, m.Score)
		}
	}
}

// doc builds a document of clauses with the given headings and texts.
func doc(id string, clauses ...[2]string) *corpus.Document {
	d := &corpus.Document{ID: id, Title: id}
	for i, c := range clauses {
		d.Children = append(d.Children, &corpus.Node{
			ID: id + "/c" + string(rune('1'+i)), Kind: corpus.Clause, Heading: c[0], Text: c[1], Doc: d,
		})
	}
	return d
}

func TestRelatedHandBuilt(t *testing.T) {
	a := doc("a",
		[2]string{"深化户籍制度改革", "全面取消城区常住人口300万以下的城市落户限制。"},
		[2]string{"完善社会保险制度", "跨地区转移接续养老保险关系。"})
	b := doc("b",
		[2]string{"深化户籍制度改革", "全面取消城区常住人口300万以下的城市落户限制。"},
		[2]string{"营造良好氛围", "开展多渠道宣传。"})
	cc := doc("c", [2]string{"加强组织领导", "形成工作合力。"})
	// A chapter with no text of its own is not indexed but can be queried.
	ch := &corpus.Node{ID: "c/ch1", Kind: corpus.Chapter, Heading: "户籍制度改革", Doc: cc}
	cc.Children = append(cc.Children, ch)
	// A document the same as a, to check that ties keep corpus order.
	a2 := doc("a2",
		[2]string{"深化户籍制度改革", "全面取消城区常住人口300万以下的城市落户限制。"})
	c := corpus.NewCorpus([]*corpus.Document{a, b, cc, a2})
	x := New(c)

	if x.Len() != 6 || x.Indexed("c/ch1") {
		t.Fatalf("indexed %d nodes (chapter indexed: %v), want 6 clauses", x.Len(), x.Indexed("c/ch1"))
	}
	ms := x.Related("a/c1", 0)
	if len(ms) != 2 || ms[0].ID != "b/c1" || ms[1].ID != "a2/c1" {
		t.Fatalf("Related(a/c1) = %v, want b/c1 then a2/c1", ids(ms))
	}
	if ms[0].Score < 0.999 {
		t.Errorf("identical clauses score %v, want 1", ms[0].Score)
	}
	if got := x.Related("a/c1", 1); len(got) != 1 || got[0].ID != "b/c1" {
		t.Errorf("limit 1: %v", ids(got))
	}
	if got := x.Related("b/c2", 0); len(got) != 0 {
		t.Errorf("unrelated clause matched %v", ids(got))
	}
	if got := x.Related("c/ch1", 0); len(got) == 0 || got[0].ID != "a/c1" {
		t.Errorf("Related(chapter) = %v, want a/c1 first", ids(got))
	}
	for _, id := range []string{"", "nope", "a", "a/c1/x"} {
		if got := x.Related(id, 3); got != nil {
			t.Errorf("Related(%q) = %v, want nil", id, ids(got))
		}
	}
}

func ids(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestRelatedHostile(t *testing.T) {
	var nilIndex *Index
	if nilIndex.Related("x", 1) != nil || nilIndex.Len() != 0 || nilIndex.Indexed("x") {
		t.Error("nil index answers")
	}
	for _, c := range []*corpus.Corpus{nil, corpus.NewCorpus(nil)} {
		if x := New(c); x.Len() != 0 || x.Related("x", 1) != nil {
			t.Error("empty corpus answers")
		}
	}
	// Empty, punctuation-only, invalid UTF-8 and orphan nodes.
	d := doc("d", [2]string{"", ""}, [2]string{"。。。", "\xff\xfe"}, [2]string{"户籍", "户籍"})
	e := doc("e", [2]string{"户籍", "户籍"})
	orphan := &corpus.Node{ID: "e/x", Kind: corpus.Paragraph, Text: "户籍"} // no Doc
	e.Children = append(e.Children, orphan)
	x := New(corpus.NewCorpus([]*corpus.Document{d, e}))
	for _, id := range []string{"d/c1", "d/c2", "e/x"} {
		if got := x.Related(id, 0); len(got) != 0 {
			t.Errorf("Related(%s) = %v, want none", id, ids(got))
		}
	}
	// d/c1 has nothing to index; d/c2 is indexed with an empty vector, so
	// 户籍 is not in every indexed node and keeps a weight.
	if got := x.Related("d/c3", 0); len(got) != 1 || got[0].ID != "e/c1" {
		t.Errorf("Related(d/c3) = %v, want e/c1", ids(got))
	}
}

func TestBuildCancelled(t *testing.T) {
	c := loadSeeds(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x, err := Build(ctx, c)
	if !errors.Is(err, context.Canceled) || x != nil {
		t.Fatalf("Build with a cancelled context = %v, %v; want nil, context.Canceled", x, err)
	}
}

// TestVectorReuse: a clause's vector is the same computed alone or after
// any other clause with the same scratch space, including clauses whose
// terms weigh zero (a term in every compared node).
func TestVectorReuse(t *testing.T) {
	for _, c := range []*corpus.Corpus{loadSeeds(t), corpus.NewCorpus([]*corpus.Document{
		docOf("a", "（一）共同词语甲乙。", "（二）共同词语丙丁。"), docOf("b", "（一）共同词语。", "（二）共同词语戊己。"),
	})} {
		x := New(c)
		var shared vectorBuf
		c.Nodes(func(n *corpus.Node) bool {
			var alone vectorBuf
			t1, w1 := x.vector(&alone, n)
			t2, w2 := x.vector(&shared, n)
			if !slices.Equal(t1, t2) || !slices.Equal(w1, w2) {
				t.Fatalf("%s: vector differs after reuse", n.ID)
			}
			return true
		})
	}
}

// docOf parses a small policy document of the given clauses.
func docOf(name string, clauses ...string) *corpus.Document {
	d, err := corpus.Parse(name+".txt", "关于测试的意见\n\n一、总体要求\n"+strings.Join(clauses, "\n")+"\n")
	if err != nil {
		panic(err)
	}
	return d
}

// TestPostingsAreTheVectors: decoding every posting list gives back each
// indexed node's unit vector exactly — the same terms and, bit for bit,
// the same weights as the node's vector computed from its text — on the
// seeds and the real laws, so the compact postings (gaps, counts and a
// norm per node) score as stored weights would.
func TestPostingsAreTheVectors(t *testing.T) {
	c := lawsAndSeeds(t)
	x := New(c)
	got := make([]map[int32]float32, len(x.nodes))
	for i := range got {
		got[i] = map[int32]float32{}
	}
	for tm := 0; tm+1 < len(x.postOff); tm++ {
		post := x.post[x.postOff[tm]:x.postOff[tm+1]]
		n := int32(-1)
		for i := 0; i < len(post); {
			var gap, count uint64
			gap, i = uvarintAt(post, i)
			count, i = uvarintAt(post, i)
			n += int32(gap)
			got[n][int32(tm)] = tfidf(float32(count), x.idf[tm]) * x.inv[n]
		}
	}
	var vb vectorBuf
	checked := 0
	for i, n := range x.nodes {
		terms, weights := x.vector(&vb, n)
		if len(terms) != len(got[i]) {
			t.Fatalf("%s: %d terms in its vector, %d in the postings", n.ID, len(terms), len(got[i]))
		}
		for j, tm := range terms {
			if w, ok := got[i][tm]; !ok || math.Float32bits(w) != math.Float32bits(weights[j]) {
				t.Fatalf("%s: term %d weighs %v in the postings, %v in its vector", n.ID, tm, w, weights[j])
			}
			checked++
		}
	}
	if checked < 10000 {
		t.Errorf("only %d weights checked", checked)
	}
}

// lawsAndSeeds loads the real laws of corpus/testdata and the seeds.
func lawsAndSeeds(t testing.TB) *corpus.Corpus {
	t.Helper()
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(laws, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}
