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

// TestNewForQueryLongQueries: an index built for one query answers it as
// the whole index does when the query has more words than a query keeps
// terms — syllables typed apart are joined first, so the index must hold
// the letters and characters of every one of them.
func TestNewForQueryLongQueries(t *testing.T) {
	c := buildCorpus([]nodeSpec{
		{"编号一二三四五六七八九十", ""},
		{"一二三四五六七八", "内容有九项。"},
		{"", "啊啊啊啊啊啊啊啊法律"},
	})
	for _, q := range []string{"yi er san si wu liu qi ba jiu", "yi er san si wu liu qi ba 九", "a a a a a a a a fa lv", "yi er san si wu liu qi ba jiu shi"} {
		want := search(t, New(c), q, 0)
		if len(want) == 0 {
			t.Fatalf("%q finds nothing: the check proves nothing", q)
		}
		if got := search(t, NewForQuery(c, q), q, 0); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: one-query index %v, whole %v", q, describe(got), describe(want))
		}
	}
}
