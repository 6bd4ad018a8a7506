package related

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policyreader/corpus"
)

// BenchmarkBuildSeeds measures what the index adds to start-up on the
// embedded documents (parsing excluded).
func BenchmarkBuildSeeds(b *testing.B) {
	c := loadSeeds(b)
	b.ReportAllocs()
	for b.Loop() {
		New(c)
	}
}

// BenchmarkBuild10MB builds the index of a synthetic corpus of about 10 MB
// of text: seed paragraphs shuffled into many documents of clauses.
func BenchmarkBuild10MB(b *testing.B) {
	c := synthetic(b, 10<<20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelatedSeeds is one query on the seeds: central clause (四).
func BenchmarkRelatedSeeds(b *testing.B) {
	c := loadSeeds(b)
	x := New(c)
	id := centralID + "/pt3/c4"
	if len(x.Related(id, 10)) == 0 {
		b.Fatalf("no matches for %s", id)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.Related(id, 10)
	}
}

// BenchmarkRelated10MB is one query on the synthetic 10 MB corpus.
func BenchmarkRelated10MB(b *testing.B) {
	c := synthetic(b, 10<<20)
	x := New(c)
	id := c.Docs[0].Children[0].ID
	b.ReportAllocs()
	for b.Loop() {
		x.Related(id, 10)
	}
}

// synthetic builds a corpus of at least size bytes of text from the seed
// paragraphs: documents of 100 clauses, each clause one to three paragraphs
// drawn with a fixed seed, its heading the first clause of its first paragraph.
func synthetic(b *testing.B, size int) *corpus.Corpus {
	b.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("seeds: %v", err)
	}
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n") {
			if p = strings.TrimSpace(p); len([]rune(p)) >= 20 {
				paras = append(paras, p)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var docs []*corpus.Document
	total := 0
	for total < size {
		d := &corpus.Document{ID: fmt.Sprintf("doc%d", len(docs))}
		for i := range 100 {
			var text strings.Builder
			for range 1 + rng.IntN(3) {
				text.WriteString(paras[rng.IntN(len(paras))])
				text.WriteByte('\n')
			}
			t := text.String()
			head, _, _ := strings.Cut(t, "，")
			if r := []rune(head); len(r) > 20 {
				head = string(r[:20])
			}
			d.Children = append(d.Children, &corpus.Node{
				ID: fmt.Sprintf("%s/c%d", d.ID, i+1), Kind: corpus.Clause, Heading: head, Text: t, Doc: d,
			})
			total += len(t)
		}
		docs = append(docs, d)
	}
	return corpus.NewCorpus(docs)
}
