package compare

import (
	"testing"

	"policyreader/corpus"
)

// clauseOf returns a clause of about n runes cut from the text of the
// documents doc, so the benchmark compares real wording.
func clauseOf(tb testing.TB, c *corpus.Corpus, doc string, n int) *corpus.Node {
	tb.Helper()
	d, ok := c.Doc(doc)
	if !ok {
		tb.Fatalf("no document %s", doc)
	}
	var r []rune
	d.Walk(func(x *corpus.Node) bool {
		r = append(r, []rune(x.Text)...)
		return len(r) < n
	})
	if len(r) < n {
		tb.Fatalf("%s has only %d runes", doc, len(r))
	}
	return &corpus.Node{Text: string(r[:n])}
}

// BenchmarkCompare2000 compares two 2,000-character clauses: the centre's
// opinions against Guangdong's implementation of them.
func BenchmarkCompare2000(b *testing.B) {
	c := loadSeeds(b)
	x, y := clauseOf(b, c, central, 2000), clauseOf(b, c, guangdong, 2000)
	b.ReportAllocs()
	for b.Loop() {
		Compare(x, y)
	}
}
