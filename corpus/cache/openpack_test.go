package cache

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// settledPack writes the pack of dir (read with opt) and reads it again
// through a store whose clock runs an hour ahead, which settles it: its
// sources, just copied, are no longer too recent to trust.
func settledPack(t testing.TB, dir, cacheDir string, opt corpus.LoadOptions) {
	t.Helper()
	for _, ahead := range []time.Duration{0, time.Hour} {
		s := Open(cacheDir)
		s.now = func() time.Time { return time.Now().Add(ahead) }
		opt.Cache = s
		c, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, opt)
		s.SearchIndex(c)
		s.Flush()
	}
}

// TestOpenPackAsFullLoad: a library opened from its pack without decoding
// gives, document by document, what the full load gives — every field of
// every node, the failed sources' errors in order — and its search index,
// read without the documents, answers as the full load's: same nodes,
// scores, positions and snippets.
func TestOpenPackAsFullLoad(t *testing.T) {
	dir := copySeeds(t)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 0xff, 0}, 0o644)
	cacheDir := t.TempDir()
	for _, opt := range []corpus.LoadOptions{{NoAnnotations: true}, {}} {
		settledPack(t, dir, cacheDir, opt)
		s := Open(cacheDir)
		opt.Cache = s
		full, fullErrs := corpus.LoadPathsContext(context.Background(), []string{dir}, opt)
		p, ok := corpus.OpenPacked([]string{dir}, opt)
		if !ok {
			t.Fatalf("annotations %v: no pack opened", !opt.NoAnnotations)
		}
		if p.Len() != len(full.Docs) || len(p.Errs) != len(fullErrs) || len(fullErrs) != 2 {
			t.Fatalf("%d documents and %v, want %d and %v", p.Len(), p.Errs, len(full.Docs), fullErrs)
		}
		for i, err := range fullErrs {
			if p.Errs[i].Error() != err.Error() {
				t.Errorf("error %d: %v, want %v", i, p.Errs[i], err)
			}
		}
		var docs []*corpus.Document
		for k := range p.Len() {
			d, err := p.Document(k)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		sameDocs(t, "opened undecoded", corpus.NewCorpus(docs), full)

		ix, err := s.PackedSearchIndex(p.Lib)
		if err != nil {
			t.Fatal(err)
		}
		built := search.New(full)
		for _, q := range []string{"落户", "luohu", "jyyx", "业", "广东 就业", "第", "gh", "的"} {
			want, _ := built.Search(context.Background(), q, 30)
			got, err := ix.Search(context.Background(), q, 30)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if len(got) == 0 || len(got) != len(want) {
				t.Fatalf("%q: %d results, want %d", q, len(got), len(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.ID != w.ID || g.Score != w.Score || g.Field != w.Field || g.Snippet != w.Snippet ||
					!reflect.DeepEqual(g.Matched, w.Matched) || g.Node.Text != w.Node.Text || g.Node.Doc.Label() != w.Node.Doc.Label() || g.Node.Title() != w.Node.Title() {
					t.Errorf("%q result %d: %s %d %q, want %s %d %q", q, i, g.ID, g.Score, g.Snippet, w.ID, w.Score, w.Snippet)
				}
			}
		}
	}
}

// TestOpenPackRefuses: a pack that the full read must handle — missing,
// of an edited source, of a source changed too recently to trust its
// metadata, without the annotations asked for, damaged — is not opened
// undecoded; the full load then reads the library as ever.
func TestOpenPackRefuses(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	opens := func(opt corpus.LoadOptions) bool {
		opt.Cache = Open(cacheDir)
		_, ok := corpus.OpenPacked([]string{dir}, opt)
		return ok
	}
	if opens(corpus.LoadOptions{}) {
		t.Fatal("opened a pack never written")
	}
	// Written at once, its sources just copied: opened once their
	// contents are checked, and rewritten settled when that is late
	// enough (here: a clock an hour ahead).
	s := Open(cacheDir)
	s.SearchIndex(load(t, dir, s))
	s.Flush()
	later := Open(cacheDir)
	later.now = func() time.Time { return time.Now().Add(time.Hour) }
	if _, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{Cache: later}); !ok {
		t.Error("a pack of sources changed too recently not opened after checking them")
	}
	if st := later.Stats(); st.Written != 1 {
		t.Errorf("%+v, want the pack rewritten settled", st)
	}
	for _, e := range mustReadDir(t, dir) {
		os.Chmod(filepath.Join(dir, e), 0)
	}
	if os.Getuid() != 0 && !opens(corpus.LoadOptions{}) {
		t.Error("settled pack not opened without reading its sources")
	}
	for _, e := range mustReadDir(t, dir) {
		os.Chmod(filepath.Join(dir, e), 0o644)
	}
	// A new cache, its documents read without annotations.
	cacheDir = t.TempDir()
	settledPack(t, dir, cacheDir, corpus.LoadOptions{NoAnnotations: true})
	if !opens(corpus.LoadOptions{NoAnnotations: true}) {
		t.Fatal("settled pack not opened")
	}
	if opens(corpus.LoadOptions{}) {
		t.Error("opened a pack without annotations for a read that needs them")
	}
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.pack"))
	for _, p := range packs {
		data, _ := os.ReadFile(p)
		data[len(data)/2] ^= 0x20
		os.WriteFile(p, data, 0o644)
	}
	if opens(corpus.LoadOptions{NoAnnotations: true}) {
		t.Error("opened a damaged pack")
	}
	settledPack(t, dir, cacheDir, corpus.LoadOptions{NoAnnotations: true})
	f := filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, append(data, "\n第九十九条 新增。\n"...), 0o644)
	if opens(corpus.LoadOptions{NoAnnotations: true}) {
		t.Error("opened the pack of an edited source")
	}
}

// TestPackedNodeMismatchFails: a result whose decoded node does not match
// the stored index fails its search (and drops the pack) instead of
// showing another clause.
func TestPackedNodeMismatchFails(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	settledPack(t, dir, cacheDir, corpus.LoadOptions{NoAnnotations: true})
	s := Open(cacheDir)
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{NoAnnotations: true, Cache: s})
	if !ok {
		t.Fatal("no pack opened")
	}
	lib := p.Lib.(*packedLibrary)
	// The documents' bodies swapped: each result's node is another's.
	lib.bodies[lib.docs[0]], lib.bodies[lib.docs[1]] = lib.bodies[lib.docs[1]], lib.bodies[lib.docs[0]]
	ix, err := s.PackedSearchIndex(p.Lib)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ix.Search(context.Background(), "luohu", 50)
	if !errors.Is(err, search.ErrStored) || rs != nil {
		t.Fatalf("%d results, err %v", len(rs), err)
	}
	if notes := s.TakeNotes(); len(notes) != 1 {
		t.Errorf("notes %q", notes)
	}
	if packs, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.pack")); len(packs) != 0 {
		t.Errorf("damaged pack kept: %v", packs)
	}
}
