package cache

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// copiesOfSeeds writes copies of the seeds into a folder until it holds
// about mb megabytes, each copy under its own name.
func copiesOfSeeds(tb testing.TB, mb int) string {
	tb.Helper()
	entries, err := os.ReadDir(seedDir)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	total := 0
	for i := 0; total < mb<<20; i++ {
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%d.txt", e.Name()[:len(e.Name())-4], i))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				tb.Fatal(err)
			}
			total += len(data)
		}
	}
	return dir
}

// BenchmarkLoad10MB reads ten megabytes of documents without a cache
// (cold), filling an empty one, and from a full one (warm).
func BenchmarkLoad10MB(b *testing.B) {
	dir := copiesOfSeeds(b, 10)
	load := func(b *testing.B, cache corpus.DocCache, annotate bool) *corpus.Corpus {
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: cache, NoAnnotations: !annotate})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		return c
	}
	for _, annotate := range []bool{false, true} {
		b.Run(fmt.Sprintf("cold/annotate=%v", annotate), func(b *testing.B) {
			for b.Loop() {
				load(b, nil, annotate)
			}
		})
		b.Run(fmt.Sprintf("fill/annotate=%v", annotate), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := Open(b.TempDir())
				b.StartTimer()
				load(b, s, annotate)
			}
		})
		b.Run(fmt.Sprintf("warm/annotate=%v", annotate), func(b *testing.B) {
			s := Open(b.TempDir())
			load(b, s, annotate)
			for b.Loop() {
				load(b, s, annotate)
			}
		})
	}
}

// BenchmarkWarmSearch10MB is what `search` does on a warm cache: the
// documents and the index from the library's pack, one query.
func BenchmarkWarmSearch10MB(b *testing.B) {
	dir := copiesOfSeeds(b, 10)
	cacheDir := b.TempDir()
	run := func() {
		s := Open(cacheDir)
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, NoAnnotations: true})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, err := s.SearchIndex(c).Search(context.Background(), "luohu", 20); err != nil {
			b.Fatal(err)
		}
		s.Flush()
	}
	run()
	// The copies were written just now: wait until their times are old
	// enough to trust, and let one run settle the pack, as a library
	// opened again later would find it.
	time.Sleep(racyWindow + 100*time.Millisecond)
	run()
	for b.Loop() {
		run()
	}
}

// BenchmarkColdSearch10MB is what `search --no-cache` does: read and parse
// every file, build the index for the query, search.
func BenchmarkColdSearch10MB(b *testing.B) {
	dir := copiesOfSeeds(b, 10)
	for b.Loop() {
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{NoAnnotations: true})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, err := search.NewForQuery(c, "luohu").Search(context.Background(), "luohu", 20); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeystrokeOnDemand measures each keystroke of the issue's
// queries as the reader searches a 100 MB library (copies of the seeds)
// opened from its pack on demand: the stored index read without the
// documents, a result's document read when a search first returns it.
// Each keystroke is timed after the ones before it; the documents the
// results hold stay decoded between runs, as they do in the reader.
func BenchmarkKeystrokeOnDemand(b *testing.B) {
	if testing.Short() {
		b.Skip("a 100 MB library is skipped in -short mode")
	}
	dir := copiesOfSeeds(b, 100)
	cacheDir := b.TempDir()
	settledPack(b, dir, cacheDir, corpus.LoadOptions{LazyAnnotations: true})
	s, p, c := onDemand(b, dir, cacheDir)
	ix, err := s.LibrarySearchIndex(p.Lib, c)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{"lu", "业", "jyyx", "luohu", "就业", "lh"} {
		rs := []rune(q)
		for k := 1; k <= len(rs); k++ {
			b.Run("typed="+string(rs[:k]), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					for p := 1; p < k; p++ {
						if _, err := ix.Search(ctx, string(rs[:p]), 100); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					if _, err := ix.Search(ctx, string(rs[:k]), 100); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// peakHeap runs fn and returns the most heap its objects took meanwhile,
// sampled every millisecond (runtime/metrics: no stop of the world).
func peakHeap(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// BenchmarkFirstRead10MB packs ten megabytes of documents never read
// before into an empty cache: a batch at a time as a reader's first read
// does (without annotations), as index does (with them), and — for
// comparison — read whole, then indexed and packed, as before. Each
// reports the peak of its heap's objects (peak-heap-MB); the process's
// peak adds the mapped pages and the collector's headroom.
func BenchmarkFirstRead10MB(b *testing.B) {
	dir := copiesOfSeeds(b, 10)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		build func(s *Store)
	}{
		{"batches/lazy", func(s *Store) {
			if _, err := s.BuildLibrary(ctx, []string{dir}, corpus.LoadOptions{LazyAnnotations: true}); err != nil {
				b.Fatal(err)
			}
		}},
		{"batches/annotated", func(s *Store) {
			if _, err := s.BuildLibrary(ctx, []string{dir}, corpus.LoadOptions{}); err != nil {
				b.Fatal(err)
			}
		}},
		{"whole", func(s *Store) {
			lib, errs := corpus.LoadPathsContext(ctx, []string{dir}, corpus.LoadOptions{Cache: s})
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			s.SearchIndex(lib)
			s.Flush()
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				s := Open(b.TempDir())
				runtime.GC()
				b.StartTimer()
				peak = max(peak, peakHeap(func() { c.build(s) }))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
