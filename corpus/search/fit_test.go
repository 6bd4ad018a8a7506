package search

import (
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/internal/hanzi"
)

func TestCutFloor(t *testing.T) {
	ix := seedIndex(t)
	for q, want := range map[string]int{
		"luohu": 0, "changqi": 0, "jiuyeyouxian": 0, "xian": 0,
		"luoh": 1, "lhu": 1, "lh": 2, "jyyx": 4, "就ye": 0, "就y": 1, "2025": 0, "xyzzy": 5,
	} {
		if got := cutFloor([]rune(q), ix.prefixes, ix.syllables); got != want {
			t.Errorf("cutFloor(%q) = %d, want %d", q, got, want)
		}
	}
}

// TestPlainSpellingFirst puts the plain spelling of each query last in
// document order, so only the fit can bring it first, and checks the
// order of every spelling.
func TestPlainSpellingFirst(t *testing.T) {
	for _, c := range []struct {
		query string
		texts []string // worst first: the order the results must reverse
	}{
		// 格化: 格's rare luò and the start of huà; 落或: the start of
		// huò; 果互: 果's rare luò; 落户: plain.
		{"luohu", []string{"推进网格化管理", "避免脱落或者损坏", "结果互认", "办理落户手续"}},
		// 常供气: chan and g, two readings cut; 场前: qi of qián; 长期:
		// 长's second reading cháng.
		{"changqi", []string{"恢复正常供气", "市场前景", "中长期规划"}},
		// 会 huì, 或 huò, then 户 hù.
		{"hu", []string{"召开会议", "或者", "户籍"}},
	} {
		var docs [][]nodeSpec
		for _, s := range c.texts {
			docs = append(docs, []nodeSpec{{text: s}})
		}
		rs := search(t, New(buildCorpus(docs...)), c.query, 10)
		var got []string
		for _, r := range rs {
			got = append(got, r.Node.Text)
		}
		want := slices.Clone(c.texts)
		slices.Reverse(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", c.query, got, want)
		}
	}
}

// TestBestRunInField: a field with a loose spelling before a plain one
// is matched, highlighted and ranked by the plain one.
func TestBestRunInField(t *testing.T) {
	ix := New(buildCorpus(
		[]nodeSpec{{text: "加快网络化办公，放宽落户条件"}},
		[]nodeSpec{{text: "放宽落户条件"}},
		[]nodeSpec{{text: "推进网格化管理"}},
	))
	rs := search(t, ix, "luohu", 10)
	if len(rs) != 3 {
		t.Fatalf("luohu: %d results, want 3", len(rs))
	}
	for _, r := range rs[:2] {
		if got := matchedText(r); got != "落户" {
			t.Errorf("%s: highlights %q, want 落户", r.Node.Text, got)
		}
	}
	if rs[2].Node.Text != "推进网格化管理" {
		t.Errorf("the loose spelling is not last: %q", rs[2].Node.Text)
	}
}

// TestPlainSpellingOnLaws checks real laws and a State Council page: the
// whole syllables typed come first.
func TestPlainSpellingOnLaws(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../testdata/laws", "../testdata/govcn-html"})
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs)
	}
	ix := New(c)
	// luohu: the laws' two 落户 clauses, though 网络化 and 网格化 occur
	// earlier, one in a numbered point of the State Council's rules.
	rs := search(t, ix, "luohu", 20)
	if len(rs) < 2 || matchedText(rs[0]) != "落户" || matchedText(rs[1]) != "落户" {
		t.Errorf("luohu: want the two 落户 clauses first:%s", describe(rs))
	}
	// One syllable: among the headings and among the texts, every
	// character read by it whole with its first reading (户 hù) comes
	// before every other (会 huì, 化 huà).
	for _, q := range []string{"hu", "xian", "lu"} {
		rs := search(t, ix, q, 0)
		plain := map[bool]int{}
		cut := map[bool]bool{}
		for i, r := range rs {
			m := []rune(matchedText(r))
			if len(m) != 1 || r.Score < scoreContiguous {
				continue
			}
			heading := r.Score >= scoreTop
			if hanzi.Readings(m[0])[0] == q {
				plain[heading]++
				if cut[heading] {
					t.Errorf("%s: %d %s highlights %q after a cut reading", q, i, r.ID, string(m))
				}
			} else {
				cut[heading] = true
			}
		}
		if plain[false] == 0 || !cut[false] {
			t.Errorf("%s: %d texts plain, texts cut %v: nothing to order", q, plain[false], cut[false])
		}
	}
	// changqi: 长期 (cháng is 长's second reading) above 常供气, which
	// cuts cháng and gōng short.
	rs = search(t, ix, "changqi", 0)
	first := func(s string) int {
		return slices.IndexFunc(rs, func(r Result) bool { return strings.Contains(matchedText(r), s) })
	}
	if i, j := first("长期"), first("常供气"); i < 0 || j >= 0 && j < i {
		t.Errorf("changqi: 长期 at %d, 常供气 at %d", i, j)
	}
}

// TestFirstReadingsRunMustFitNoWorse: a field whose first-readings run
// (落或: the start of huò) fits worse than its best run (果互: 果's rare
// luò, hù whole) keeps the best run.
func TestFirstReadingsRunMustFitNoWorse(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{text: "避免脱落或者损坏，推进结果互认"}}))
	rs := search(t, ix, "luohu", 10)
	if len(rs) != 1 || matchedText(rs[0]) != "果互" {
		t.Fatalf("luohu: %v", describe(rs))
	}
}

// TestOneLetterIsAnInitial: a, e and o alone are initials like the rest,
// so 恩惠 and 饿坏 fit eh alike: plain.
func TestOneLetterIsAnInitial(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{text: "知恩惠民"}}, []nodeSpec{{text: "饿坏了"}}))
	rs := search(t, ix, "eh", 10)
	if len(rs) != 2 {
		t.Fatalf("eh: %v", describe(rs))
	}
	for _, r := range rs {
		if fit := r.Score % scoreHeading / scoreFitUnit; fit != maxMisfit {
			t.Errorf("eh: %s fits %d, want plain (%d)", matchedText(r), fit, maxMisfit)
		}
	}
}
