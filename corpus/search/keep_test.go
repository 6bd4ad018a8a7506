package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
)

// TestKeptHitsGiveTheSameResults: a search that keeps only the hits that
// can reach its results (keepHits) answers exactly as one that keeps
// every hit — with and without the word cutter, for broad queries (one
// letter, initials, a character) and narrow ones, at several limits.
func TestKeptHitsGiveTheSameResults(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	ids := func(rs []Result) []string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = r.ID + "/" + r.Field
		}
		return out
	}
	for _, words := range []bool{false, true} {
		if words {
			ix.SetWords(segmenter(t))
		}
		for _, q := range []string{"l", "j", "jy", "lh", "luohu", "业", "就业", "zc", "fz", "gz", "发展 改革"} {
			for _, limit := range []int{1, 5, 20, 100} {
				ix.keepAll = false
				kept, err := ix.Search(ctx, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				ix.keepAll = true
				all, err := ix.Search(ctx, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids(kept), ids(all)) {
					t.Errorf("words %v, %q limit %d: kept %v, all %v", words, q, limit, ids(kept), ids(all))
				}
			}
		}
	}
	ix.keepAll = false
	ix.SetWords(nil)
}

// TestNodesWithThreeHits: a numbered section matches in its number, its
// heading and its text, three hits for one node; the top tier counts
// nodes, and a search for three results finds the three nodes that match.
func TestNodesWithThreeHits(t *testing.T) {
	d, err := corpus.Parse("sections.txt", "某某规划\n第二章 发展\n第一节 第一要务\n坚持发展是第一要务。\n第三章 创新\n第一节 第一动力\n创新是第一动力。\n第四章 保障\n各地要把就业摆在第一位。")
	if err != nil {
		t.Fatal(err)
	}
	ix := New(corpus.NewCorpus([]*corpus.Document{d}))
	want := 0
	d.Walk(func(n *corpus.Node) bool {
		if strings.Contains(n.Number+n.Heading+n.Text, "第一") {
			want++
		}
		return true
	})
	if want < 3 {
		t.Fatalf("%d nodes hold 第一: the test proves nothing", want)
	}
	for _, keepAll := range []bool{false, true} {
		ix.keepAll = keepAll
		rs, err := ix.Search(context.Background(), "第一", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 3 {
			t.Errorf("keepAll %v: %d results, want 3 of the %d nodes holding 第一", keepAll, len(rs), want)
		}
	}
}
