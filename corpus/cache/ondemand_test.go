package cache

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/related"
	"policyreader/corpus/search"
)

// copyLibrary copies the seeds and the laws of the test data into a fresh
// folder and returns it.
func copyLibrary(t *testing.T) string {
	t.Helper()
	dir := copySeeds(t)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "testdata", "laws"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// onDemand opens the pack of dir, written before into cacheDir for a
// reader, as a corpus read on first use, through a new store.
func onDemand(tb testing.TB, dir, cacheDir string) (*Store, *corpus.Packed, *corpus.Corpus) {
	tb.Helper()
	s := Open(cacheDir)
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{LazyAnnotations: true, Cache: s})
	if !ok {
		tb.Fatal("no pack opened")
	}
	c, err := p.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	return s, p, c
}

// decodedDocs lists the IDs of c's documents whose nodes are in memory.
func decodedDocs(c *corpus.Corpus) []string {
	var ids []string
	for _, d := range c.Docs {
		if d.Decoded() {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// encoded is d's binary form: every field of every node, unexported ones
// included, with its annotations.
func encoded(d *corpus.Document) []byte {
	d.EnsureAnnotations()
	return corpus.AppendDocument(nil, d, true)
}

// TestLibraryOnDemand: a library opened from its pack as a corpus read on
// first use lists every document by its facts with none decoded; its
// search index, read without the documents, answers as the full load's
// and decodes only the results' documents; the related-clause index
// stored beside the pack loads without decoding any and answers as the
// built one, decoding the query's and the results' documents; looking a
// node up decodes its document alone; and each document, once read, is
// the full load's, field for field.
func TestLibraryOnDemand(t *testing.T) {
	dir := copyLibrary(t)
	cacheDir := t.TempDir()
	opt := corpus.LoadOptions{LazyAnnotations: true}
	settledPack(t, dir, cacheDir, opt)
	full, fullErrs := corpus.LoadPathsContext(context.Background(), []string{dir}, opt)
	if len(full.Docs) < 50 {
		t.Fatalf("%d documents: the check proves little", len(full.Docs))
	}
	{
		// The related-clause index, written beside the pack as the
		// reader writes it.
		s := Open(cacheDir)
		c := load(t, dir, s)
		if _, err := s.RelatedIndex(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		s.Flush()
	}

	s, p, c := onDemand(t, dir, cacheDir)
	if !c.OnDemand() || full.OnDemand() {
		t.Errorf("OnDemand %v and %v", c.OnDemand(), full.OnDemand())
	}
	if len(c.Docs) != len(full.Docs) || len(p.Errs) != len(fullErrs) {
		t.Fatalf("%d documents, %v; want %d, %v", len(c.Docs), p.Errs, len(full.Docs), fullErrs)
	}
	for i, d := range c.Docs {
		w := full.Docs[i]
		if d.ID != w.ID || d.Label() != w.Label() || d.Source != w.Source || d.Title != w.Title || d.Date != w.Date ||
			d.DocNumber != w.DocNumber || d.Grammar != w.Grammar || d.Flat != w.Flat || !slices.Equal(d.Issuers, w.Issuers) ||
			!slices.Equal(d.History, w.History) || d.Truncated != w.Truncated {
			t.Errorf("document %d: facts %s %q, want %s %q", i, d.ID, d.Label(), w.ID, w.Label())
		}
	}
	if got := decodedDocs(c); len(got) != 0 {
		t.Fatalf("opening decoded %v", got)
	}

	ix, err := s.LibrarySearchIndex(p.Lib, c)
	if err != nil {
		t.Fatal(err)
	}
	built := search.New(full)
	resultDocs := map[string]bool{}
	for _, q := range []string{"落户", "luohu", "第三十二条", "gh"} {
		want, _ := built.Search(context.Background(), q, 10)
		got, err := ix.Search(context.Background(), q, 10)
		if err != nil || len(got) == 0 || len(got) != len(want) {
			t.Fatalf("%q: %d results (%v), want %d", q, len(got), err, len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Score != w.Score || g.Snippet != w.Snippet || !reflect.DeepEqual(g.Matched, w.Matched) {
				t.Errorf("%q result %d: %s %d %q, want %s %d %q", q, i, g.ID, g.Score, g.Snippet, w.ID, w.Score, w.Snippet)
			}
			if g.Node.Doc != c.Docs[slices.Index(full.Docs, w.Node.Doc)] {
				t.Errorf("%q result %d: a node outside the corpus", q, i)
			}
			resultDocs[g.Node.Doc.ID] = true
		}
	}
	for _, id := range decodedDocs(c) {
		if !resultDocs[id] {
			t.Errorf("search decoded %s, which holds no result", id)
		}
	}
	if len(decodedDocs(c)) >= len(c.Docs)/2 {
		t.Errorf("searching decoded %d of %d documents", len(decodedDocs(c)), len(c.Docs))
	}

	rx, err := s.RelatedIndex(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.IndexHits != 2 {
		t.Errorf("%+v: the related-clause index was not read from the cache", st)
	}
	rbuilt := related.New(full)
	// A law's articles and a seed's clauses, as queries.
	var queries []string
	for _, d := range []*corpus.Document{full.Docs[0], full.Docs[len(full.Docs)-1]} {
		d.Walk(func(n *corpus.Node) bool {
			if len(queries) < 60 && rbuilt.Indexed(n.ID) {
				queries = append(queries, n.ID)
			}
			return true
		})
	}
	before := len(decodedDocs(c))
	matched := 0
	for _, id := range queries {
		got := rx.Related(id, 5)
		matched += sameRelated(t, id, got, rbuilt.Related(id, 5))
		for i, g := range got {
			if !g.Node.Doc.Decoded() {
				t.Errorf("%s related %d: %s not read", id, i, g.ID)
			}
			resultDocs[g.Node.Doc.ID] = true
		}
		n, _ := c.Node(id)
		resultDocs[n.Doc.ID] = true
	}
	if matched == 0 {
		t.Fatal("no related clause found: the check proves little")
	}
	for _, id := range decodedDocs(c) {
		if !resultDocs[id] {
			t.Errorf("related clauses decoded %s, neither queried nor a result", id)
		}
	}
	if len(decodedDocs(c)) == before && before == 0 {
		t.Error("related clauses decoded nothing")
	}

	// Looking a node up decodes its document alone.
	k := slices.IndexFunc(c.Docs, func(d *corpus.Document) bool { return !d.Decoded() })
	if k < 0 {
		t.Fatal("every document decoded")
	}
	before = len(decodedDocs(c))
	n := full.Docs[k].NodeAt(3)
	got, ok := c.Node(n.ID)
	if !ok || got.ID != n.ID || got.Text != n.Text || got.Doc != c.Docs[k] {
		t.Errorf("Node(%s) = %v, %v", n.ID, got, ok)
	}
	if _, ok := c.Node(full.Docs[k].ID + "/no-such-node"); ok {
		t.Error("found a node that is not there")
	}
	if after := len(decodedDocs(c)); after != before+1 {
		t.Errorf("looking a node up decoded %d documents", after-before)
	}

	for i, d := range c.Docs {
		if !bytes.Equal(encoded(d), encoded(full.Docs[i])) {
			t.Errorf("document %s read on demand differs from the full load's", d.ID)
		}
		d.Walk(func(n *corpus.Node) bool {
			if n.Doc != d {
				t.Fatalf("%s: node of another document", n.ID)
			}
			if got, ok := c.Node(n.ID); !ok || got != n {
				t.Fatalf("Node(%s) = %v, %v", n.ID, got, ok)
			}
			return true
		})
	}
}

// TestRelatedMisfitDropped: a stored related-clause index a query finds
// not to fit its documents answers nothing, is noted once and removed, so
// the next run builds it again.
func TestRelatedMisfitDropped(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	s := Open(cacheDir)
	c := load(t, dir, s)
	if _, err := s.RelatedIndex(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	s = Open(cacheDir)
	c = load(t, dir, s)
	x, err := s.RelatedIndex(context.Background(), c)
	if err != nil || s.Stats().IndexHits != 1 {
		t.Fatalf("not read from the cache: %v %+v", err, s.Stats())
	}
	// The documents move under the index: none is where it was stored.
	slices.Reverse(c.Docs)
	c.Nodes(func(n *corpus.Node) bool {
		if ms := x.Related(n.ID, 5); ms != nil {
			for _, m := range ms {
				if m.Node.Doc == n.Doc {
					t.Fatalf("%s: a clause of its own document", n.ID)
				}
			}
		}
		return true
	})
	if notes := s.TakeNotes(); len(notes) != 1 || !strings.Contains(notes[0], "related-clause index") {
		t.Errorf("notes %q", notes)
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.related")); len(files) != 0 {
		t.Errorf("kept %v", files)
	}
}
