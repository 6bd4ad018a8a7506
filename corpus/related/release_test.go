package related

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"policyreader/corpus"
)

// TestBuildReleasing: the build that gives back texts behind it is
// Build's index, and is told of every document once per pass, in corpus
// order, after it has passed it.
func TestBuildReleasing(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds", "../testdata/laws"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var told []*corpus.Document
	x, err := BuildReleasing(context.Background(), c, func(d *corpus.Document) { told = append(told, d) })
	if err != nil {
		t.Fatal(err)
	}
	var want []*corpus.Document
	for range 2 {
		for _, d := range c.Docs {
			has := false
			d.Walk(func(n *corpus.Node) bool {
				has = has || x.Indexed(n.ID)
				return !has
			})
			if has {
				want = append(want, d)
			}
		}
	}
	if !slices.Equal(told, want) {
		t.Errorf("told of %d documents, want each of the %d with clauses once per pass, in order", len(told), len(want))
	}
	var a, b bytes.Buffer
	if err := x.WriteBinary(&a); err != nil {
		t.Fatal(err)
	}
	if err := New(c).WriteBinary(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the index built releasing is not Build's")
	}
}
