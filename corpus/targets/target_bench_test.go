package targets

import (
	"testing"

	"policyreader/corpus"
)

// BenchmarkFilter filters the seeds' targets repeated 60 times (about the
// targets of a 10 MB corpus): the first keystroke over every target, a
// two-word query, and a query that matches nothing.
func BenchmarkFilter(b *testing.B) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		b.Fatalf("load seeds: %v", errs)
	}
	seed := Collect(c)
	var ts []Target
	for range 60 {
		ts = append(ts, seed...)
	}
	b.Logf("%d targets", len(ts))
	for _, q := range []string{"万", "2025 万人", "nothing-matches"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				_ = Filter(ts, q)
			}
		})
	}
}
