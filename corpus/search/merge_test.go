package search

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"policyreader/corpus"
)

// TestMergeAsWhole: searching the real laws and the seeds a few documents
// at a time and merging gives the results of one index over all of them —
// the same nodes, scores, positions and snippets, in the same order — for
// Han, pinyin, initials, one-character, several-term and number queries,
// with and without a limit.
func TestMergeAsWhole(t *testing.T) {
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	paths := append(laws, "../../seeds")
	whole, errs := corpus.LoadPathsContext(context.Background(), paths, corpus.LoadOptions{NoAnnotations: true})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	full := New(whole)
	queries := []string{"落户", "luohu", "lh", "业", "l", "jyyx", "第二十条", "第一章", "行政处罚", "xzcf", "城市 luohu", "广东 就业", "2020 jy", "luo hu", "国务院", "fl", "的"}
	for _, per := range []int{2, 25} {
		var parts []*corpus.Corpus
		for i := 0; i < len(whole.Docs); i += per {
			parts = append(parts, corpus.NewCorpus(whole.Docs[i:min(i+per, len(whole.Docs))]))
		}
		for _, q := range queries {
			for _, limit := range []int{1, 20, 0} {
				want, err := full.Search(context.Background(), q, limit)
				if err != nil {
					t.Fatal(err)
				}
				var got [][]Result
				for _, p := range parts {
					rs, err := NewForQuery(p, q).Search(context.Background(), q, limit)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, rs)
				}
				merged := Merge(q, got, limit)
				if len(want) == 0 && q != "fl" {
					t.Errorf("%q finds nothing: the check proves nothing", q)
				}
				if (len(merged) > 0 || len(want) > 0) && !reflect.DeepEqual(merged, want) {
					t.Fatalf("%d documents a part, %q limit %d: merged %v, whole %v", per, q, limit, describe(merged), describe(want))
				}
			}
		}
	}
}
