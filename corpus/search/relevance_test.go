package search

import (
	"strings"
	"testing"
	"unicode"

	"policyreader/corpus"
)

const (
	centralID = "central-2019-social-mobility-opinions"
	gdID      = "guangdong-social-mobility-implementation"
	jxID      = "jiangxi-2020-social-mobility-implementation"
)

func seedIndex(t testing.TB) *Index {
	t.Helper()
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatalf("load seeds: %v", errs)
	}
	return New(c)
}

// clauseNumber strips the brackets of a clause number: （四）, (四) → 四.
func clauseNumber(n *corpus.Node) string { return strings.Trim(n.Number, "()（） ") }

// isClause reports whether r is clause num of document doc.
func isClause(r Result, doc, num string) bool {
	return r.Node.Doc.ID == doc && r.Node.Kind == corpus.Clause && clauseNumber(r.Node) == num
}

func describe(rs []Result) string {
	var b strings.Builder
	for i, r := range rs {
		if i == 5 {
			break
		}
		b.WriteString("\n  " + r.ID + " " + r.Node.Title())
	}
	return b.String()
}

// The expectations come from reading the seeds: 落户 is the subject of
// central (四) 以户籍制度和公共服务牵引区域流动, Guangdong (七)
// 深化户籍制度改革畅通流动渠道 and Jiangxi (五) 优化户籍制度和公共服务.
func TestRelevanceLuohu(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"落户", "luohu", "lh"} {
		rs := search(t, ix, q, 20)
		if len(rs) == 0 {
			t.Errorf("%q: no results", q)
			continue
		}
		if q == "lh" {
			// Two initials are ambiguous: headings holding 良好, 灵活 or
			// 领航 rightly come first (a heading beats a body), but the
			// three 落户 clauses must be in the first 20.
			found := 0
			for _, r := range rs {
				if matchedText(r) == "落户" && (isClause(r, centralID, "四") || isClause(r, gdID, "七") || isClause(r, jxID, "五")) {
					found++
				}
			}
			if found != 3 {
				t.Errorf("lh: %d of the three 落户 clauses in the first 20:%s", found, describe(rs))
			}
			continue
		}
		first := rs[0]
		if !isClause(first, centralID, "四") && !isClause(first, gdID, "七") && !isClause(first, jxID, "五") {
			t.Errorf("%q: first result is not a 落户 clause:%s", q, describe(rs))
		}
		if got := matchedText(first); got != "落户" {
			t.Errorf("%q: first result highlights %q", q, got)
		}
	}
}

func TestRelevanceYingzao(t *testing.T) {
	ix := seedIndex(t)
	rs := search(t, ix, "营造良好氛围", 5)
	if len(rs) == 0 || !isClause(rs[0], centralID, "十六") {
		t.Fatalf("营造良好氛围: want central (十六) first:%s", describe(rs))
	}
	if rs[0].Field != FieldHeading || matchedText(rs[0]) != "营造良好氛围" {
		t.Errorf("营造良好氛围: matched %s %q", rs[0].Field, matchedText(rs[0]))
	}
}

func TestRelevanceJiuyeyouxian(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"jyyx", "jiuyeyouxian", "就业优先"} {
		rs := search(t, ix, q, 5)
		if len(rs) == 0 || !strings.Contains(rs[0].Node.Heading, "就业优先") {
			t.Errorf("%q: want a heading with 就业优先 first:%s", q, describe(rs))
			continue
		}
		if rs[0].Field != FieldHeading || matchedText(rs[0]) != "就业优先" {
			t.Errorf("%q: highlights %s %q", q, rs[0].Field, matchedText(rs[0]))
		}
	}
}

func TestRelevanceDangan(t *testing.T) {
	ix := seedIndex(t)
	rs := search(t, ix, "档案", 3)
	for _, r := range rs {
		if isClause(r, centralID, "六") && r.Node.Heading == "以档案服务改革畅通职业转换" {
			return
		}
	}
	t.Errorf("档案: central (六) not in the top 3:%s", describe(rs))
}

func TestRelevanceNonsense(t *testing.T) {
	ix := seedIndex(t)
	// zzqx is not nonsense here: it spells 制造强省 (省 also reads xing).
	for _, q := range []string{"量子纠缠", "xyzzy", "火箭发射", "vvvv", "qqqqqq"} {
		if rs := search(t, ix, q, 5); len(rs) != 0 {
			t.Errorf("%q: want no results, got%s", q, describe(rs))
		}
	}
}

// TestSeedMatchesInBounds checks every result of a few queries on the
// seeds: positions ascending, inside the field, and the snippet marks the
// same runes.
func TestSeedMatchesInBounds(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"落", "l", "落户", "luohu", "2025", "2025 luohu", "就业 jy", "人社厅", "rst", "２０２５", "ｌｕｏｈｕ"} {
		for _, r := range search(t, ix, q, 0) {
			checkResult(t, q, r)
		}
	}
}

func checkResult(t testing.TB, q string, r Result) {
	t.Helper()
	field := []rune(fieldOf(r))
	snip := []rune(r.Snippet)
	if len(r.Matched) == 0 || len(r.Matched) != len(r.SnippetMatched) && len([]rune(fieldOf(r))) <= snippetRunes {
		t.Fatalf("%q %s: matched %v, snippet matched %v", q, r.ID, r.Matched, r.SnippetMatched)
	}
	for i, p := range r.Matched {
		if p < 0 || p >= len(field) || i > 0 && p <= r.Matched[i-1] {
			t.Fatalf("%q %s: matched %v out of range or order (field has %d runes)", q, r.ID, r.Matched, len(field))
		}
	}
	for _, p := range r.SnippetMatched {
		if p < 0 || p >= len(snip) {
			t.Fatalf("%q %s: snippet matched %v out of %q", q, r.ID, r.SnippetMatched, r.Snippet)
		}
	}
	// The snippet marks the field's matched runes, in order.
	var a, b []rune
	for _, p := range r.SnippetMatched {
		b = append(b, snip[p])
	}
	for _, p := range r.Matched[:len(r.SnippetMatched)] {
		c := field[p]
		if unicode.IsControl(c) {
			c = ' ' // snippets print control characters as spaces
		}
		a = append(a, c)
	}
	if string(a) != string(b) {
		t.Fatalf("%q %s: snippet marks %q, field %q", q, r.ID, string(b), string(a))
	}
}

// TestStopRunesChangeNothing builds the seed index with almost every rune
// stopped (no posting list) and checks the results are the same.
func TestStopRunesChangeNothing(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	full, stopped := New(c), newIndex(c, 2, nil)
	if !stopped.post.stopped('的') || full.post.stopped('的') {
		t.Fatal("stop threshold not applied")
	}
	for _, q := range []string{"的", "落", "落户", "的发展", "和的", "luohu", "2025 的", "营造良好氛围", "l"} {
		a, b := search(t, full, q, 0), search(t, stopped, q, 0)
		if len(a) != len(b) {
			t.Errorf("%q: %d results with lists, %d without", q, len(a), len(b))
			continue
		}
		for i := range a {
			if a[i].ID != b[i].ID || a[i].Score != b[i].Score {
				t.Errorf("%q #%d: %s %d with lists, %s %d without", q, i, a[i].ID, a[i].Score, b[i].ID, b[i].Score)
				break
			}
		}
	}
}

// TestLimitGivesThePrefixOfAllResults checks the early stop after
// headings: results under a limit are the first results without one.
func TestLimitGivesThePrefixOfAllResults(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"jy", "ji", "l", "lu", "落户", "就业", "zc", "发展 j", "gd"} {
		all := search(t, seedIndex(t), q, 0)
		for _, k := range []int{1, 3, 10} {
			got := search(t, ix, q, k)
			want := all[:min(k, len(all))]
			if len(got) != len(want) {
				t.Errorf("%q limit %d: %d results, want %d", q, k, len(got), len(want))
				continue
			}
			for i := range got {
				if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
					t.Errorf("%q limit %d #%d: %s, want %s", q, k, i, got[i].ID, want[i].ID)
					break
				}
			}
		}
	}
}
