package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/words"
)

// syntheticCorpus repeats the seed paragraphs into documents of 200 clause
// nodes each until the text reaches size bytes. A paragraph's first
// sentence (up to 30 runes) becomes the heading, the rest the text, so the
// corpus does not depend on the parser.
func syntheticCorpus(tb testing.TB, size int) *corpus.Corpus {
	tb.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("seeds: %v", err)
	}
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text, err := corpus.Decode(data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
	}
	var docs []*corpus.Document
	total, p := 0, 0
	for total < size {
		d := &corpus.Document{ID: fmt.Sprintf("doc%d", len(docs)+1), Title: "合成文件", Short: fmt.Sprint(len(docs) + 1)}
		for j := 0; j < 200 && total < size; j++ {
			para := paras[p%len(paras)]
			p++
			heading, text := para, ""
			if i := strings.Index(para, "。"); i >= 0 && i < 90 {
				heading, text = para[:i], para[i+len("。"):]
			} else if rs := []rune(para); len(rs) > 30 {
				heading, text = "", para
			}
			total += len(heading) + len(text)
			d.Children = append(d.Children, &corpus.Node{
				ID: fmt.Sprintf("%s/c%d", d.ID, j+1), Kind: corpus.Clause, Heading: heading, Text: text, Doc: d,
			})
		}
		docs = append(docs, d)
	}
	return corpus.NewCorpus(docs)
}

var benchSizes = []struct {
	name  string
	bytes int
}{{"1MB", 1 << 20}, {"10MB", 10 << 20}, {"100MB", 100 << 20}}

var benchQueries = []string{"落", "落户", "就业优先", "luohu", "jyyx", "2025", "量子纠缠", "lu", "业", "就业", "lh"}

// BenchmarkSearch measures, at each corpus size: building the index (with
// the heap it keeps), a cold search per query (no narrowing from a
// previous keystroke), and each keystroke of typing a query after the
// keystrokes before it. cpu-ns/op is the process CPU time (both workers
// and the collector), which stays meaningful on a busy machine. 100MB is
// skipped under -short.
func BenchmarkSearch(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			if sz.bytes > 10<<20 && testing.Short() {
				b.Skip("100MB corpus skipped in -short mode")
			}
			c := syntheticCorpus(b, sz.bytes)
			b.Run("build", func(b *testing.B) {
				var before, after runtime.MemStats
				var cpu int64
				var built *Index
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					built = nil
					runtime.GC()
					runtime.ReadMemStats(&before)
					b.StartTimer()
					c0 := processCPU()
					built = New(c)
					cpu += processCPU() - c0
					b.StopTimer()
					runtime.GC()
					runtime.ReadMemStats(&after)
					b.StartTimer()
				}
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-index")
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MB-allocated")
				b.ReportMetric(float64(built.Len()), "strings")
				b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			})
			ix := New(c)
			ctx := context.Background()
			for _, q := range benchQueries {
				b.Run("cold="+q, func(b *testing.B) {
					n := 0
					cpu := processCPU()
					for i := 0; i < b.N; i++ {
						ix.remember("", nil)
						rs, err := ix.Search(ctx, q, 50)
						if err != nil {
							b.Fatal(err)
						}
						n = len(rs)
					}
					b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
					b.ReportMetric(float64(n), "results")
				})
			}
			// Each keystroke of a typed query, after the keystrokes before
			// it (untimed), so narrowing applies as in the reader.
			for _, q := range benchQueries[1:5] {
				benchTyping(b, ix, q)
			}
		})
	}
}

// readerLimit is the number of results the reader asks of a query.
const readerLimit = 100

// benchTyping runs one sub-benchmark per keystroke of q: the search for
// the runes typed so far, timed, after the searches for the keystrokes
// before it (untimed), so narrowing applies as in the reader.
func benchTyping(b *testing.B, ix *Index, q string) {
	ctx := context.Background()
	rs := []rune(q)
	for k := 1; k <= len(rs); k++ {
		b.Run("typed="+string(rs[:k]), func(b *testing.B) {
			var cpu int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ix.remember("", nil)
				for p := 1; p < k; p++ {
					if _, err := ix.Search(ctx, string(rs[:p]), readerLimit); err != nil {
						b.Fatal(err)
					}
				}
				c0 := processCPU()
				b.StartTimer()
				if _, err := ix.Search(ctx, string(rs[:k]), readerLimit); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu += processCPU() - c0
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkKeystrokeSeedCopies measures each keystroke of the issue's
// queries on copies of the seeds parsed as a user's library would be
// (about -size MB, default 100), after the keystrokes before it, as in the
// reader: as many results, pinyin ranked by whole words with the word
// dictionary; cpu-ns/op counts both workers.
func BenchmarkKeystrokeSeedCopies(b *testing.B) {
	if testing.Short() {
		b.Skip("a 100 MB library is skipped in -short mode")
	}
	dir := b.TempDir()
	files, _ := filepath.Glob("../../seeds/*.txt")
	total := 0
	for i := 0; total < 100<<20; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%d.txt", strings.TrimSuffix(filepath.Base(f), ".txt"), i))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				b.Fatal(err)
			}
			total += len(data)
		}
	}
	c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{NoAnnotations: true})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	ix := New(c)
	d, err := words.NewDictionary()
	if err != nil {
		b.Fatal(err)
	}
	ix.SetWords(d.Cut)
	for _, q := range []string{"lu", "业", "jyyx", "luohu", "就业", "lh"} {
		benchTyping(b, ix, q)
	}
}
