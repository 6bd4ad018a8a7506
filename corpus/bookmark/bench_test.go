package bookmark

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
)

// BenchmarkAdd measures one write (lock, re-read, merge, atomic replace
// with fsync) on a store that already holds 200 bookmarks.
func BenchmarkAdd(b *testing.B) {
	s, _, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("建立健全城乡融合发展体制机制和政策体系，", 10)
	for i := range 200 {
		if err := s.Add(Bookmark{NodeID: fmt.Sprintf("doc/c%d", i), Text: text, Note: "批注"}); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; b.Loop(); i++ {
		if err := s.SetNote(fmt.Sprintf("doc/c%d", i%200), fmt.Sprint("批注", i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEntries resolves one bookmark per clause of the seeds, each
// saved under a wrong ID so every one needs the fingerprint search, plus
// ten edited ones that need the similarity fallback.
func BenchmarkEntries(b *testing.B) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var bs []Bookmark
	c.Nodes(func(n *corpus.Node) bool {
		if n.Kind == corpus.Clause {
			bm := FromNode(n, time.Now())
			bm.NodeID += "-old"
			if len(bs) < 10 {
				bm.Fingerprint = "edited"
			}
			bs = append(bs, bm)
		}
		return true
	})
	b.ReportMetric(float64(len(bs)), "bookmarks")
	for b.Loop() {
		es := Entries(c, bs)
		for _, e := range es[:10] {
			if e.Orphan {
				b.Fatal("lost", e.NodeID)
			}
		}
	}
}
