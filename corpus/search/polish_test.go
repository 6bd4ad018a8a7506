package search

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/words"
)

// loadWords reads the word dictionary once for the tests that need it.
var loadWords = sync.OnceValues(words.NewDictionary)

func segmenter(t *testing.T) WordCutter {
	t.Helper()
	s, err := loadWords()
	if err != nil {
		t.Fatal(err)
	}
	return s.Cut
}

// TestInitialsMatchWholeWords: with the word cutter, lh's first ten on the
// seeds are whole words (良好, 灵活, 领航, 落户 …), none of the fragments
// that straddle two (大力|弘扬's 力弘, 交流|合作's 流合, 劳动力|和's 力和);
// without it those fragments rank in the top ten, as they did.
func TestInitialsMatchWholeWords(t *testing.T) {
	ix := seedIndex(t)
	straddling := []string{"力弘", "流合", "力和", "略合", "录和"}
	count := func(rs []Result) (bad []string) {
		for _, r := range rs {
			for _, s := range straddling {
				if matchedText(r) == s {
					bad = append(bad, s)
				}
			}
		}
		return bad
	}
	before := search(t, ix, "lh", 10)
	if len(count(before)) == 0 {
		t.Fatalf("without words the top ten hold no fragment: the test proves nothing:%s", describe(before))
	}
	ix.SetWords(segmenter(t))
	defer ix.SetWords(nil)
	after := search(t, ix, "lh", 10)
	if bad := count(after); len(bad) > 0 || len(after) != 10 {
		t.Errorf("lh with words: %d results, fragments %q:%s", len(after), bad, describe(after))
	}
	// The fragments are still found, below the whole words.
	all := search(t, ix, "lh", 100)
	if len(count(all)) == 0 {
		t.Errorf("lh with words lost the fragments altogether")
	}
	// Han queries are not judged: 力和 still finds 劳动力和人才.
	if rs := search(t, ix, "力和", 5); len(rs) == 0 {
		t.Errorf("力和 found nothing")
	}
}

// TestJudgingIsBounded: a query whose contiguous matches mostly straddle
// words (jyy) cuts at most four windows per result asked for, and its
// first results are still judged: without the bound it cuts far more.
func TestJudgingIsBounded(t *testing.T) {
	ix := seedIndex(t)
	cut := segmenter(t)
	var cuts atomic.Int64
	ix.SetWords(func(s string) []string { cuts.Add(1); return cut(s) })
	defer ix.SetWords(nil)
	rs := search(t, ix, "jyy", 10)
	if n := cuts.Load(); n > 40 || n < 10 || len(rs) != 10 {
		t.Errorf("jyy, 10 results: %d cuts, %d results", n, len(rs))
	}
	cuts.Store(0)
	search(t, ix, "jyy", 1000)
	if n := cuts.Load(); n <= 40 {
		t.Errorf("jyy has only %d contiguous matches to judge: the bound is not exercised", n)
	}
}

// TestSyllablesApart: luo hu and dang'an read as luohu and dangan.
func TestSyllablesApart(t *testing.T) {
	ix := seedIndex(t)
	for q, want := range map[string]string{"luo hu": "落户", "dang'an": "档案", "dang’an": "档案", "jiu ye you xian": "就业优先", "Luo Hu": "落户"} {
		rs := search(t, ix, q, 10)
		if len(rs) == 0 || matchedText(rs[0]) != want {
			t.Errorf("%q: first match %q, want %s:%s", q, first(rs), want, describe(rs))
		}
		// The same results as typed together: not each syllable anywhere.
		together := search(t, ix, strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(q), " ", ""), "'", ""), "’", ""), 10)
		if describe(rs) != describe(together) {
			t.Errorf("%q differs from the syllables typed together:%s\nvs%s", q, describe(rs), describe(together))
		}
	}
	for in, want := range map[string]string{"luo hu": "luohu", "jy yx": "jy yx", "xi'an": "xian", "落户 luo hu": "落户 luohu", "'an": "'an", "dang'": "dang'"} {
		if got := joinSyllables(in); got != want {
			t.Errorf("joinSyllables(%q) = %q, want %q", in, got, want)
		}
	}
}

func first(rs []Result) string {
	if len(rs) == 0 {
		return ""
	}
	return matchedText(rs[0])
}

// TestRareReadingsRankLower: a text that spells luohu with rare readings
// (网格化: 格 luò; 规格和: 格 luò, 和 hú) ranks below one that spells it
// with common ones (落户), even when the rare ones are headings — by the
// readings alone for 规格和 (both rare), and as a fragment of two words
// (网格|化) for 网格化 once the word cutter is loaded, as the reader does
// on the first query of letters.
func TestRareReadingsRankLower(t *testing.T) {
	d := &corpus.Document{ID: "d", Title: "测试"}
	mk := func(id, heading, text string) *corpus.Node {
		return &corpus.Node{ID: "d/" + id, Kind: corpus.Clause, Heading: heading, Text: text, Doc: d}
	}
	d.Children = []*corpus.Node{
		mk("c1", "推进网格化管理", "完善基层治理。"),
		mk("c2", "统一规格和标准", "做好衔接。"),
		mk("c3", "优化公共服务", "全面放开城镇落户条件。"),
	}
	ix := New(&corpus.Corpus{Docs: []*corpus.Document{d}})
	rs := search(t, ix, "luohu", 10)
	if len(rs) < 3 || rs[2].ID != "d/c2" {
		t.Errorf("luohu without words: 规格和 (two rare readings) not last:%s", describe(rs))
	}
	ix.SetWords(segmenter(t))
	rs = search(t, ix, "luohu", 10)
	if len(rs) == 0 || rs[0].ID != "d/c3" {
		t.Fatalf("luohu: %s", describe(rs))
	}
	if len(rs) < 2 {
		t.Errorf("the rare readings are no longer found at all:%s", describe(rs))
	}
}

// BenchmarkWholeWords is a cold search of letters with and without the
// word cutter on the 10 MB synthetic corpus: what ranking by whole words
// costs a keystroke.
func BenchmarkWholeWords(b *testing.B) {
	c := syntheticCorpus(b, 10<<20)
	ix := New(c)
	seg, err := loadWords()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, withWords := range []bool{false, true} {
		if withWords {
			ix.SetWords(seg.Cut)
		} else {
			ix.SetWords(nil)
		}
		for _, q := range []string{"lh", "luohu", "jyyx"} {
			b.Run(fmt.Sprintf("words=%v/%s", withWords, q), func(b *testing.B) {
				for b.Loop() {
					ix.remember("", nil)
					if _, err := ix.Search(ctx, q, 50); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestCommonHeteronymsStay: a word one of whose characters needs a
// reading go-pinyin lists second (长 cháng in 长期) still ranks first for
// its pinyin; only runs mostly of rarer readings drop.
func TestCommonHeteronymsStay(t *testing.T) {
	ix := seedIndex(t)
	for q, want := range map[string]string{"changqi": "长期", "zengzhang": "增长"} {
		rs := search(t, ix, q, 5)
		if len(rs) == 0 || matchedText(rs[0]) != want {
			t.Errorf("%s: first match %q, want %s:%s", q, first(rs), want, describe(rs))
		}
	}
}
