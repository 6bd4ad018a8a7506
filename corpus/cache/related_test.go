package cache

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// openLibrary opens the cache at cacheDir and loads dir through it.
func openLibrary(t *testing.T, cacheDir, dir string) (*Store, *corpus.Corpus) {
	t.Helper()
	s := Open(cacheDir)
	s.now = func() time.Time { return time.Now().Add(time.Hour) } // sources settled
	c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return s, c
}

// TestRelatedIndexCached: the first reader builds the related index and
// stores it; the next reads it from the cache, answering every node as
// the built one; a damaged file is noted once, removed and rebuilt; an
// edited library gets an index of its own.
func TestRelatedIndexCached(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	s, c := openLibrary(t, cacheDir, dir)
	built, err := s.RelatedIndex(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	s.Flush()
	files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+relatedFile.suffix))
	if len(files) != 1 {
		t.Fatalf("related files %v", files)
	}

	before, _ := os.Stat(files[0])
	s2, c2 := openLibrary(t, cacheDir, dir)
	read, err := s2.RelatedIndex(context.Background(), c2)
	if err != nil {
		t.Fatal(err)
	}
	s2.Flush()
	after, _ := os.Stat(files[0])
	// Written again would be a new file renamed over it; read, it is
	// only marked used.
	if st := s2.Stats(); st.IndexHits != 1 || !os.SameFile(before, after) || after.ModTime().Before(before.ModTime()) {
		t.Errorf("second run: %+v, want the index read and not written again", st)
	}
	n := 0
	c2.Nodes(func(nd *corpus.Node) bool {
		n += sameRelated(t, nd.ID, read.Related(nd.ID, 5), built.Related(nd.ID, 5))
		return true
	})
	if n == 0 {
		t.Fatal("no node has a related clause: the check proves nothing")
	}

	// Flip a byte of the payload: the checksum catches it.
	data, _ := os.ReadFile(files[0])
	data[len(data)/2] ^= 0xFF
	os.WriteFile(files[0], data, 0o644)
	s3, c3 := openLibrary(t, cacheDir, dir)
	if _, err := s3.RelatedIndex(context.Background(), c3); err != nil {
		t.Fatal(err)
	}
	s3.Flush()
	if st, notes := s3.Stats(), s3.TakeNotes(); st.Rejected != 1 || st.IndexHits != 0 || len(notes) != 1 {
		t.Errorf("damaged: %+v %q, want one rejection noted", st, notes)
	}
	if _, err := os.Stat(files[0]); err != nil {
		t.Errorf("not written again: %v", err)
	}
	// Truncated: refused the same way.
	os.Truncate(files[0], 100)
	s4, c4 := openLibrary(t, cacheDir, dir)
	if _, err := s4.RelatedIndex(context.Background(), c4); err != nil {
		t.Fatal(err)
	}
	s4.Flush()
	if st := s4.Stats(); st.Rejected != 1 {
		t.Errorf("truncated: %+v", st)
	}
	if fi, err := os.Stat(files[0]); err != nil || fi.Size() <= 100 {
		t.Errorf("not written again whole: %v", err)
	}

	// An edited library is another library: its own index.
	f := filepath.Join(dir, "central-2019-social-mobility-opinions.txt")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, append(b, []byte("\n附加一段文字。\n")...), 0o644)
	s5, c5 := openLibrary(t, cacheDir, dir)
	if _, err := s5.RelatedIndex(context.Background(), c5); err != nil {
		t.Fatal(err)
	}
	s5.Flush()
	if st := s5.Stats(); st.IndexHits != 0 {
		t.Errorf("edited library: %+v, want a new index built", st)
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+relatedFile.suffix)); len(files) != 2 {
		t.Errorf("related files after the edit: %v, want the old library's and the new one's", files)
	}
}

// TestRelatedIndexCancelled: a reader quitting while the index is built
// gets the context's error and nothing is stored.
func TestRelatedIndexCancelled(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	s, c := openLibrary(t, cacheDir, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.RelatedIndex(ctx, c); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	s.Flush()
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+relatedFile.suffix)); len(files) != 0 {
		t.Errorf("stored after a cancel: %v", files)
	}
}

// TestRelatedIndexNotThroughStore: documents that did not come through the
// store (built in, say) get an index built and nothing stored.
func TestRelatedIndexNotThroughStore(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{seedDir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s := Open(t.TempDir())
	x, err := s.RelatedIndex(context.Background(), c)
	if err != nil || x.Len() == 0 {
		t.Fatalf("%v, %d nodes", err, x.Len())
	}
	s.Flush()
	if st := s.Stats(); st.Written != 0 {
		t.Errorf("%+v", st)
	}
	if !reflect.DeepEqual(x.Related(c.Docs[0].Children[0].ID, 3), related.New(c).Related(c.Docs[0].Children[0].ID, 3)) {
		t.Error("differs from the built index")
	}
}

// TestRelatedWriteAbandoned: a reader quitting while the index is being
// stored leaves no file, temporary or whole, and no note.
func TestRelatedWriteAbandoned(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	s, c := openLibrary(t, cacheDir, dir)
	s.abandon.Store(true) // as Close does, before the write starts
	if _, err := s.RelatedIndex(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	left, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"))
	for _, f := range left {
		if filepath.Ext(f) == relatedFile.suffix || filepath.Base(f)[0] == '.' {
			t.Errorf("left behind: %s", f)
		}
	}
	if notes := s.TakeNotes(); len(notes) != 0 {
		t.Errorf("notes %q", notes)
	}
}

// TestRelatedIndexesPruned: storing related-clause indexes of more
// libraries than the cache keeps removes the oldest, with or without a
// pack written beside them; a word dictionary older builds wrote beside
// the packs goes at the first pruning.
func TestRelatedIndexesPruned(t *testing.T) {
	cacheDir := t.TempDir()
	retired := filepath.Join(cacheDir, "packs", "0123.words")
	os.MkdirAll(filepath.Dir(retired), 0o755)
	os.WriteFile(retired, []byte("PRWORDSD"), 0o600)
	for i := 0; i < keepPacks+3; i++ {
		dir := copySeeds(t)
		os.WriteFile(filepath.Join(dir, "extra.txt"), []byte(fmt.Sprintf("关于测试%d的通知\n\n一、总体要求\n（一）第%d项。\n", i, i)), 0o644)
		s, c := openLibrary(t, cacheDir, dir)
		if _, err := s.RelatedIndex(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		s.Flush()
		// Distinct modification times, oldest first.
		files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+relatedFile.suffix))
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && time.Since(fi.ModTime()) < time.Minute {
				os.Chtimes(f, time.Now(), time.Now().Add(time.Duration(i-100)*time.Second))
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+relatedFile.suffix))
	if len(files) != keepPacks {
		t.Errorf("%d related-clause indexes kept, want %d", len(files), keepPacks)
	}
	if _, err := os.Stat(retired); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a retired word dictionary is kept: %v", err)
	}
}

// TestPruneKeepsPacksInUse: a pack read is marked used, so storing more
// libraries than the cache keeps removes the least recently used, not
// the library being read.
func TestPruneKeepsPacksInUse(t *testing.T) {
	cacheDir := t.TempDir()
	dirs := make([]string, keepPacks+1)
	for i := range dirs {
		dirs[i] = copySeeds(t)
		os.WriteFile(filepath.Join(dirs[i], "extra.txt"), []byte(fmt.Sprintf("关于测试%d的通知\n\n一、总体要求\n（一）第%d项。\n", i, i)), 0o644)
	}
	pack := func(dir string) string {
		s, c := openLibrary(t, cacheDir, dir)
		s.SearchIndex(c)
		s.Flush()
		return s.packPath(s.packKey(s.listing.ids))
	}
	first := pack(dirs[0])
	openLibrary(t, cacheDir, dirs[0]) // settled: read from now on, not rewritten
	old := time.Now().Add(-time.Hour)
	os.Chtimes(first, old, old) // written long ago
	for _, dir := range dirs[1:keepPacks] {
		pack(dir)
	}
	// Read again (from its pack), then one library more than kept.
	s, _ := openLibrary(t, cacheDir, dirs[0])
	if st := s.Stats(); st.PackHits != 1 {
		t.Fatalf("the first library not read from its pack: %+v", st)
	}
	pack(dirs[keepPacks])
	if _, err := os.Stat(first); err != nil {
		t.Errorf("the pack just read was pruned: %v", err)
	}
	if packs, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.pack")); len(packs) != keepPacks {
		t.Errorf("%d packs kept, want %d", len(packs), keepPacks)
	}
}
