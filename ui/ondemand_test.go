package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/corpus/related"
	"policyreader/corpus/search"
	"policyreader/corpus/targets"

	tea "github.com/charmbracelet/bubbletea"
)

// onDemandLibrary copies the seeds and the laws of the test data into a
// folder, writes their pack, search and related-clause indexes through a
// cache as the reader does, and opens the folder again from the pack as
// a corpus read on first use. It returns that corpus, the reader options
// that give it its stored indexes, and the library as the full load
// reads it.
func onDemandLibrary(t *testing.T) (*corpus.Corpus, Options, *corpus.Corpus) {
	t.Helper()
	dir, cacheDir := indexedLibrary(t)
	s := cache.Open(cacheDir)
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{LazyAnnotations: true, Cache: s})
	if !ok {
		t.Fatal("no pack opened")
	}
	c, err := p.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := s.LibrarySearchIndex(p.Lib, c)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{
		SearchIndex:  func(*corpus.Corpus) *search.Index { return ix },
		RelatedIndex: s.RelatedIndex,
	}
	full, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true})
	return c, opts, full
}

// indexedLibrary copies the seeds and the laws into a folder and writes
// their pack, search and related-clause indexes into a cache folder, as
// the reader does; it returns both folders.
func indexedLibrary(t *testing.T) (dir, cacheDir string) {
	t.Helper()
	dir, cacheDir = t.TempDir(), t.TempDir()
	for _, from := range []string{"../seeds", "../corpus/testdata/laws"} {
		if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	s := cache.Open(cacheDir)
	full, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true, Cache: s})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s.SearchIndex(full)
	if _, err := s.RelatedIndex(context.Background(), full); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	return dir, cacheDir
}

// failingPacks opens packs whose documents cannot be decoded (damaged
// past their checksum), for what a document's file must then give.
type failingPacks struct{ *cache.Store }

func (f failingPacks) OpenPack(srcs []corpus.Source) (corpus.PackedLibrary, bool) {
	lib, ok := f.Store.OpenPack(srcs)
	return failingDocs{lib}, ok
}

type failingDocs struct{ corpus.PackedLibrary }

func (failingDocs) Document(int) (*corpus.Document, bool, error) {
	return nil, false, errors.New("damaged past its checksum")
}

// TestOnDemandUnreadable: a document of a library opened on demand that
// neither its pack nor its file can give shows why in the status bar when
// it is selected; one whose file is there is read from it.
func TestOnDemandUnreadable(t *testing.T) {
	dir, cacheDir := indexedLibrary(t)
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{LazyAnnotations: true, Cache: failingPacks{cache.Open(cacheDir)}})
	if !ok {
		t.Fatal("no pack opened")
	}
	c, err := p.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	gone := c.Docs[1]
	if err := os.Remove(gone.Source); err != nil {
		t.Fatal(err)
	}
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(c.Docs[0].TopLevel()) == 0 || c.Docs[0].Load() != nil {
		t.Fatal("a document whose file is there was not read from it")
	}
	m = update(m, selectNodeMsg{doc: gone})
	if err := gone.Load(); err == nil || len(gone.Children) != 0 {
		t.Fatalf("a document with neither pack nor file read: %v", err)
	}
	if !m.status.warning || !strings.Contains(m.status.message, "this document could not be read") || !strings.Contains(m.status.message, filepath.Base(gone.Source)) {
		t.Errorf("status %q", m.status.message)
	}
}

// decoded counts c's documents whose nodes are in memory.
func decoded(c *corpus.Corpus) int {
	n := 0
	for _, d := range c.Docs {
		if d.Decoded() {
			n++
		}
	}
	return n
}

// TestOnDemandLibrary: the reader on a library read on first use starts
// having read only the document it shows open, searches, opens a result
// with its related clauses, and shows another clause reading only its
// document and those of the related clauses it lists; expanding
// everything reads the library off the event loop; the targets, which
// span every document, are collected when their view first opens and
// are then the full library's.
func TestOnDemandLibrary(t *testing.T) {
	c, opts, full := onDemandLibrary(t)
	if len(c.Docs) < 50 {
		t.Fatalf("%d documents: the check proves little", len(c.Docs))
	}
	m := New(c, opts)
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	if m.rel == nil || m.cites.resolver == nil {
		t.Fatal("related clauses or citations not ready")
	}
	if targetsOf(m).ready || targetsOf(m).collecting {
		t.Error("targets collected before their view opened")
	}
	if n := decoded(c); n != 1 {
		t.Errorf("starting decoded %d of %d documents", n, len(c.Docs))
	}

	m = update(m, keyRunes("/"))
	m = update(m, keyRunes("落户"))
	if len(searchOf(m).hits) == 0 {
		t.Fatal("no results")
	}
	m = update(m, keyEnter)
	n := m.detail.node
	if n == nil || !n.Doc.Decoded() || !slices.Contains(c.Docs, n.Doc) {
		t.Fatalf("opened %v", n)
	}
	got, want := m.rel.index.Related(n.ID, 5), related.New(full).Related(n.ID, 5)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%s: %d related clauses, want %d", n.ID, len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
			t.Errorf("related %d: %s, want %s", i, got[i].ID, want[i].ID)
		}
	}
	if got := decoded(c); got > len(c.Docs)/2 {
		t.Errorf("searching and opening a result decoded %d of %d documents", got, len(c.Docs))
	}

	// A clause with more related clauses than its detail shows reads
	// only the documents of those shown.
	rfull := related.New(full)
	var clause *corpus.Node
	for k, d := range c.Docs {
		if d.Decoded() {
			continue
		}
		full.Docs[k].Walk(func(fn *corpus.Node) bool {
			if clause == nil && hasRelatedSection(fn) && rfull.Score(fn.ID, relatedLimit).Len() > 2*relatedSectionLimit {
				clause = fn
			}
			return clause == nil
		})
		if clause != nil {
			break
		}
	}
	if clause == nil {
		t.Fatal("no clause with many related clauses in an undecoded document")
	}
	before := decoded(c)
	shown, _ := c.Node(clause.ID)
	m = update(m, selectNodeMsg{doc: shown.Doc, node: shown})
	if !strings.Contains(m.View(), "Related in other documents") {
		t.Fatalf("no related clauses shown under %s", shown.ID)
	}
	if read := decoded(c) - before; read > 1+relatedSectionLimit {
		t.Errorf("showing a clause read %d documents", read)
	}

	// + reads the library off the event loop, then expands it all.
	before = decoded(c)
	m = m.setMode(modeBrowse, focusTree)
	m.keys.updateKeybindings(m.keyState())
	next, read := m.Update(keyRunes("+"))
	m = next.(Model)
	if want := fmt.Sprintf("reading %d documents…", len(c.Docs)-before); m.status.message != want {
		t.Errorf("status %q on +, want %q", m.status.message, want)
	}
	if read == nil || decoded(c) != before {
		t.Fatalf("+ read %d documents on the event loop", decoded(c)-before)
	}
	unread := len(c.Docs) - before
	m = update(m, read())
	if want := fmt.Sprintf("read %d documents", unread); m.status.message != want {
		t.Errorf("status %q after +, want %q", m.status.message, want)
	}
	expanded := newTree(full.Docs, m.styles).ExpandAll()
	if decoded(c) != len(c.Docs) || len(m.tree.rows) != len(expanded.rows) {
		t.Errorf("expanded to %d rows (want %d) with %d of %d documents read", len(m.tree.rows), len(expanded.rows), decoded(c), len(c.Docs))
	}
	m = update(m, keyRunes("-"))

	m = update(m, keyRunes("t"))
	if !inTargets(m) || !targetsOf(m).ready {
		t.Fatal("targets view not open with its targets")
	}
	if got, want := len(targetsOf(m).all), len(targets.Collect(full)); got != want || want == 0 {
		t.Errorf("%d targets, want %d", got, want)
	}
	if got := decoded(c); got != len(c.Docs) {
		t.Errorf("the targets read %d of %d documents", got, len(c.Docs))
	}
}

// TestOnDemandTargetsApart: the targets of a library read on first use
// are collected over the library read apart — the full library's
// targets, with none of the reader's documents decoded for them — and
// opening one finds its node in the reader's corpus, reading that
// document (and those of the related clauses shown with it).
func TestOnDemandTargetsApart(t *testing.T) {
	c, opts, full := onDemandLibrary(t)
	m := New(c, opts)
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	before := decoded(c)
	m = update(m, keyRunes("t"))
	if !inTargets(m) || !targetsOf(m).ready {
		t.Fatal("targets view not open with its targets")
	}
	if got := decoded(c); got != before {
		t.Errorf("collecting the targets read %d of the reader's documents", got-before)
	}
	got, want := targetsOf(m).all, targets.Collect(full)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d targets, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.NodeID != w.Node.ID || g.Phrase != w.Phrase || g.Year != w.Year || g.Statement != w.Statement || g.Doc == nil || g.Doc.ID != w.Doc.ID {
			t.Fatalf("target %d: %s %q %d, want %s %q %d", i, g.NodeID, g.Phrase, g.Year, w.Node.ID, w.Phrase, w.Year)
		}
	}
	// The last target's document is not read yet: opening it reads it.
	k := len(got) - 1
	if got[k].Doc.Decoded() {
		t.Fatalf("the last target's document %s is read already", got[k].DocID)
	}
	m = update(m, jumpTargetMsg{target: got[k]})
	if m.detail.node == nil || m.detail.node.ID != got[k].NodeID {
		t.Fatalf("opened %v, want %s", m.detail.node, got[k].NodeID)
	}
	if n, _ := c.Node(got[k].NodeID); m.detail.node != n || []rune(n.Text)[got[k].Start] != []rune(got[k].Phrase)[0] {
		t.Error("the target opened is not the reader's node at the target")
	}
	// Its document, and those of the related clauses the detail lists.
	if read := decoded(c) - before; read < 1 || read > 1+relatedSectionLimit {
		t.Errorf("opening a target read %d documents", read)
	}
	// A target whose clause is gone says so.
	lost := got[0]
	lost.NodeID += "-gone"
	m = update(m, jumpTargetMsg{target: lost})
	if !m.status.warning || !strings.Contains(m.status.message, lost.NodeID) {
		t.Errorf("status %q after opening a lost target", m.status.message)
	}
}
