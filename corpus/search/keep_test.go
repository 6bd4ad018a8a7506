package search

import (
	"context"
	"slices"
	"testing"
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
