package compare

import (
	"os"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

const (
	central   = "central-2019-social-mobility-opinions"
	guangdong = "guangdong-social-mobility-implementation"
	jiangxi   = "jiangxi-2020-social-mobility-implementation"
)

func loadSeeds(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, errs := corpus.LoadFS(os.DirFS("../../seeds"))
	if len(errs) > 0 {
		t.Fatalf("load seeds: %v", errs)
	}
	return c
}

func node(t testing.TB, c *corpus.Corpus, id string) *corpus.Node {
	t.Helper()
	n, ok := c.Node(id)
	if !ok {
		t.Fatalf("no node %s", id)
	}
	return n
}

// rowWith returns the row whose left side holds a sentence containing
// left, or nil.
func rowWith(r Result, left string) *Row {
	for i, row := range r.Rows {
		for _, k := range row.Left {
			if strings.Contains(r.Left.Sentence(k), left) {
				return &r.Rows[i]
			}
		}
	}
	return nil
}

func rightText(r Result, row *Row) string {
	var b strings.Builder
	for _, k := range row.Right {
		b.WriteString(r.Right.Sentence(k))
	}
	return b.String()
}

func anyContains(phrases []string, want string) bool {
	for _, p := range phrases {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}

// TestCentralFourAgainstGuangdongSeven compares the central clause on
// household registration with Guangdong's implementation of it: the
// city-size thresholds line up against Guangdong's reordered wording,
// Guangdong's own measures (广州、深圳 points, the Pearl River Delta
// mutual recognition) are what only Guangdong says, and the centre's
// 500 万以上 megacity rule is what Guangdong dropped.
func TestCentralFourAgainstGuangdongSeven(t *testing.T) {
	c := loadSeeds(t)
	r := Compare(node(t, c, central+"/pt3/c4"), node(t, c, guangdong+"/pt3/c7"))
	row := rowWith(r, "300 万以下")
	if row == nil || !strings.Contains(rightText(r, row), "300 万至 500 万的大城市落户条件") {
		t.Fatalf("the 300 万 / 500 万 thresholds are not aligned with Guangdong's wording: %+v", row)
	}
	row = rowWith(r, "500 万以上的超大特大城市积分落户政策")
	if row == nil || !strings.Contains(rightText(r, row), "广州、深圳积分落户政策") {
		t.Fatalf("the megacity points rule is not aligned with Guangdong's 广州、深圳 rule: %+v", row)
	}
	right := r.Right.OnlyPhrases()
	for _, want := range []string{"广州、深圳", "珠三角城市群开展户籍准入年限同城化累计互认探索", "建立完善新型户籍管理服务体系"} {
		if !anyContains(right, want) {
			t.Errorf("Guangdong's own %q is not marked as added; added: %q", want, right)
		}
	}
	left := r.Left.OnlyPhrases()
	for _, want := range []string{"500 万以上的超大特大城市积分落户政策", "精简积分项目", "门诊费用异地直接结算"} {
		if !anyContains(left, want) {
			t.Errorf("the centre's %q is not marked as dropped; dropped: %q", want, left)
		}
	}
	// What both say is not marked: the shared social-insurance rule.
	for _, p := range append(left, right...) {
		if strings.Contains(p, "社会保险缴纳年限") {
			t.Errorf("shared wording marked: %q", p)
		}
	}
}

// TestThreeCentralClauses checks three central clauses against their
// best counterpart (the related index's first match): at least three
// phrases only each side says, and every shared sentence aligned.
func TestThreeCentralClauses(t *testing.T) {
	c := loadSeeds(t)
	x := related.New(c)
	for _, tc := range []struct {
		id, counterpart string
		shared          string // a sentence both sides print
	}{
		{central + "/pt3/c4", jiangxi + "/pt2/c5", "推进基本公共服务均等化"},
		{central + "/pt2/c1", jiangxi + "/pt1/c1", ""},
		{central + "/pt2/c3", jiangxi + "/pt1/c3", ""},
	} {
		ms := x.Related(tc.id, 5)
		if len(ms) == 0 || ms[0].Node.ID != tc.counterpart {
			t.Errorf("%s: best counterpart is not %s: %v", tc.id, tc.counterpart, ms)
			continue
		}
		r := Compare(node(t, c, tc.id), ms[0].Node)
		if l, rr := r.Left.OnlyPhrases(), r.Right.OnlyPhrases(); len(l) < 3 || len(rr) < 3 {
			t.Errorf("%s vs %s: want ≥3 phrases only each side says, got %d and %d: %q / %q", tc.id, tc.counterpart, len(l), len(rr), l, rr)
		}
		if tc.shared != "" {
			row := rowWith(r, tc.shared)
			if row == nil || row.Similarity < 0.99 || !strings.Contains(rightText(r, row), tc.shared) {
				t.Errorf("%s: shared sentence %q not aligned with itself: %+v", tc.id, tc.shared, row)
			}
		}
	}
}

// TestOnlyTargetsAndBodies: Jiangxi's two-working-day target for opening
// a business is a target the centre's (三) never states, 中共江西省委 a
// body only Jiangxi's (二) names; a clause compared with itself marks
// nothing.
func TestOnlyTargetsAndBodies(t *testing.T) {
	c := loadSeeds(t)
	has := func(r Result, side Side, kind MarkKind, want string) bool {
		runes := []rune(side.Node.Text)
		for _, m := range side.Marks {
			if m.Kind == kind && strings.Contains(string(runes[m.Start:m.End]), want) {
				return true
			}
		}
		return false
	}
	r := Compare(node(t, c, central+"/pt2/c3"), node(t, c, jiangxi+"/pt1/c3"))
	if !has(r, r.Right, OnlyTarget, "2 个工作日内") {
		t.Errorf("Jiangxi's 2 个工作日内 not emphasised as its own target: %+v", r.Right.Marks)
	}
	r = Compare(node(t, c, central+"/pt2/c2"), node(t, c, jiangxi+"/pt1/c2"))
	if !has(r, r.Right, OnlyBody, "中共江西省委") {
		t.Errorf("中共江西省委 not emphasised as a body only Jiangxi names: %+v", r.Right.Marks)
	}
	if has(r, r.Right, OnlyBody, "各地区各有关部门") || has(r, r.Left, OnlyTarget, "2 个工作日") {
		t.Errorf("a body or target both sides state is emphasised")
	}
	a := node(t, c, central+"/pt3/c4")
	self := Compare(a, a)
	if len(self.Left.Marks)+len(self.Right.Marks) != 0 {
		t.Errorf("a clause against itself has marks: %+v %+v", self.Left.Marks, self.Right.Marks)
	}
	for _, row := range self.Rows {
		if len(row.Left) != 1 || len(row.Right) != 1 || row.Left[0] != row.Right[0] || row.Similarity < 0.99 {
			t.Errorf("self alignment row %+v", row)
		}
	}
}

// checkInvariants asserts what holds for every comparison: every sentence
// of each side in exactly one row, left sentences in order, marks within
// the text and sorted.
func checkInvariants(t *testing.T, r Result) {
	t.Helper()
	for _, side := range []struct {
		name string
		s    Side
		pick func(Row) []int
	}{{"left", r.Left, func(x Row) []int { return x.Left }}, {"right", r.Right, func(x Row) []int { return x.Right }}} {
		seen := make([]int, len(side.s.Sentences))
		for _, row := range r.Rows {
			for _, k := range side.pick(row) {
				if k < 0 || k >= len(seen) {
					t.Fatalf("%s sentence %d out of range", side.name, k)
				}
				seen[k]++
			}
		}
		for k, n := range seen {
			if n != 1 {
				t.Errorf("%s sentence %d in %d rows", side.name, k, n)
			}
		}
		n := 0
		if side.s.Node != nil {
			n = len([]rune(side.s.Node.Text))
		}
		for i, m := range side.s.Marks {
			if m.Start < 0 || m.End > n || m.Start >= m.End {
				t.Errorf("%s mark %+v outside text of %d runes", side.name, m, n)
			}
			if i > 0 && side.s.Marks[i-1].Start > m.Start {
				t.Errorf("%s marks not sorted", side.name)
			}
		}
	}
	last := -1
	for _, row := range r.Rows {
		if len(row.Left) > 0 {
			if row.Left[0] < last {
				t.Errorf("rows out of the left side's order")
			}
			last = row.Left[0]
		}
	}
}

// TestInvariantsOnSeeds compares every seed clause with its best
// counterpart.
func TestInvariantsOnSeeds(t *testing.T) {
	c := loadSeeds(t)
	x := related.New(c)
	n := 0
	c.Nodes(func(a *corpus.Node) bool {
		if !a.Kind.ClauseLike() {
			return true
		}
		for _, m := range x.Related(a.ID, 2) {
			checkInvariants(t, Compare(a, m.Node))
			n++
		}
		return true
	})
	if n < 50 {
		t.Fatalf("only %d comparisons", n)
	}
}

func TestHostile(t *testing.T) {
	texts := []string{"", "，，。。", "\n\n\n", "a", "第一条", strings.Repeat("就业", 3000), "（一）\x00\uFFFD。", "300万\n\n500万"}
	for _, a := range texts {
		for _, b := range texts {
			r := Compare(&corpus.Node{Text: a}, &corpus.Node{Text: b})
			checkInvariants(t, r)
		}
	}
	r := Compare(nil, &corpus.Node{Text: "就业优先。"})
	if len(r.Rows) != 0 || r.Right.Node == nil {
		t.Errorf("nil side: %+v", r)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("全面取消城区常住人口 300 万以下的城市落户限制。", "全面取消城市落户限制，放宽条件。")
	f.Add("城城城市", "城市")
	f.Add("", "。")
	f.Fuzz(func(t *testing.T, a, b string) {
		r := Compare(&corpus.Node{Text: a}, &corpus.Node{Text: b})
		checkInvariants(t, r)
	})
}
