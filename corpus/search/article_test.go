package search

import (
	"path/filepath"
	"testing"

	"policyreader/corpus"
)

// lawIndex indexes two real laws from the parser's test data.
func lawIndex(t *testing.T) *Index {
	t.Helper()
	paths, err := filepath.Glob("../testdata/laws/07[3-4]-*.md")
	if err != nil || len(paths) != 2 {
		t.Fatalf("law fixtures: %v %v", paths, err)
	}
	c, errs := corpus.LoadPaths(paths)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return New(c)
}

// TestArticleByNumber: typing an article's number lands on the article,
// not on the articles that cite it (违反本法第二十二条…).
func TestArticleByNumber(t *testing.T) {
	ix := lawIndex(t)
	for _, q := range []string{"第二十条", "第八条", "第一章"} {
		rs := search(t, ix, q, 5)
		if len(rs) == 0 {
			t.Fatalf("%q: no results", q)
		}
		top := rs[0]
		if top.Field != FieldNumber || top.Node.Number != q {
			t.Errorf("%q: top result %s %q (%s), want the node numbered %s", q, top.ID, top.Node.Number, top.Field, q)
		}
		for _, r := range rs {
			checkResult(t, q, r)
		}
	}
}

// TestArticleByWords: words inside an article land on the article.
func TestArticleByWords(t *testing.T) {
	ix := lawIndex(t)
	rs := search(t, ix, "人格尊严不受侵犯", 3)
	if len(rs) == 0 || rs[0].Node.Kind != corpus.Article || rs[0].Node.Number != "第二十条" {
		t.Fatalf("人格尊严不受侵犯: top results%s, want 第二十条 of the women's rights law", describe(rs))
	}
}
