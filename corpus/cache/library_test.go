package cache

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// onlyPack returns the bytes of the one pack in s, failing unless there is
// exactly one file in its pack directory (no temporary file left over).
func onlyPack(t *testing.T, s *Store) []byte {
	t.Helper()
	names := mustReadDir(t, s.packDir())
	var packs []string
	for _, n := range names {
		if filepath.Ext(n) == ".pack" {
			packs = append(packs, n)
		}
	}
	if len(packs) != 1 || len(names) != 1 {
		t.Fatalf("pack directory holds %q, want one pack alone", names)
	}
	data, err := os.ReadFile(filepath.Join(s.packDir(), packs[0]))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withoutReadingTimes returns a copy of a pack's payload with every
// entry's reading time zeroed: the only field two writers of one library
// may differ in.
func withoutReadingTimes(t *testing.T, data []byte) []byte {
	t.Helper()
	payload := bytes.Clone(data[packHeaderSize:])
	_, off, err := packTexts(payload)
	if err != nil {
		t.Fatal(err)
	}
	for range binary.LittleEndian.Uint32(data[12:]) {
		h := readEntryHead(payload[off:])
		binary.LittleEndian.PutUint64(payload[off+entryWrittenOff:], 0)
		off += h.size()
	}
	return payload
}

// errorLines is errs as their messages.
func errorLines(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// TestBuildLibraryAsLoaded: a library built a batch at a time is the pack
// a full read writes, byte for byte but for the reading times — the same
// texts, documents (IDs and labels made unique across batches), failures
// and search index — and opens on demand with the full read's documents
// and errors. The store keeps none of the documents it packed.
func TestBuildLibraryAsLoaded(t *testing.T) {
	dir := copyLibrary(t)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "old.doc"), []byte("\xd0\xcf\x11\xe0 legacy"), 0o644)
	// Two files of one name in two folders: their IDs clash across
	// batches and are told apart as the full read tells them.
	seed, err := os.ReadFile(filepath.Join(seedDir, "jiangxi-2020-social-mobility-implementation.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"a", "z"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		os.WriteFile(filepath.Join(dir, sub, "jiangxi-2020-social-mobility-implementation.txt"), seed, 0o644)
	}
	later := func() time.Time { return time.Now().Add(time.Hour) } // failures settled

	built := Open(t.TempDir())
	built.now = later
	built.batchBytes = 64 << 10 // many batches
	var reports atomic.Int64    // progress is reported from the reading goroutines
	errs, err := built.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{Progress: func(done, total int) { reports.Add(1) }})
	if err != nil {
		t.Fatal(err)
	}
	if reports.Load() == 0 {
		t.Error("no progress reported")
	}
	if n := len(built.ids) + len(built.asRead); n != 0 {
		t.Errorf("the store still holds %d documents it packed", n)
	}

	loaded := Open(t.TempDir())
	loaded.now = later
	full, fullErrs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: loaded})
	loaded.SearchIndex(full)
	loaded.Flush()
	if len(fullErrs) != 2 || !slicesEqual(errorLines(errs), errorLines(fullErrs)) {
		t.Errorf("errors %q, want the full read's %q", errorLines(errs), errorLines(fullErrs))
	}

	got, want := onlyPack(t, built), onlyPack(t, loaded)
	if !bytes.Equal(got[:48], want[:48]) {
		t.Errorf("headers differ: %x, want %x", got[:48], want[:48])
	}
	if !bytes.Equal(withoutReadingTimes(t, got), withoutReadingTimes(t, want)) {
		t.Errorf("the pack built in batches (%d bytes) is not the full read's (%d bytes)", len(got), len(want))
	}

	_, p, c := onDemand(t, dir, built.Dir())
	if !slicesEqual(errorLines(p.Errs), errorLines(fullErrs)) {
		t.Errorf("opened with errors %q, want %q", errorLines(p.Errs), errorLines(fullErrs))
	}
	sameEncoded(t, "opened from the pack", c.Docs, full)
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBuildLibraryRefuses: a source whose failure a pack cannot keep (a
// file over the size limit: refused before anything is read), a
// cancelled build and a cache that cannot be written each install nothing
// and leave nothing behind, with an error that says why.
func TestBuildLibraryRefuses(t *testing.T) {
	t.Run("unlistable", func(t *testing.T) {
		dir := copySeeds(t)
		big, err := os.Create(filepath.Join(dir, "huge.txt"))
		if err != nil {
			t.Fatal(err)
		}
		big.Truncate(corpus.MaxFileSize + 1) // sparse: costs no disk
		big.Close()
		s := Open(t.TempDir())
		_, err = s.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{})
		if !errors.Is(err, corpus.ErrNotListable) {
			t.Errorf("err = %v, want ErrNotListable", err)
		}
		if segs, _ := filepath.Glob(filepath.Join(s.docsDir(), "*.seg")); len(segs) != 0 {
			t.Errorf("read %d files before refusing", len(segs))
		}
		if names := mustReadDir(t, s.packDir()); len(names) != 0 {
			t.Errorf("left %q behind", names)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		dir := copyLibrary(t)
		s := Open(t.TempDir())
		ctx, cancel := context.WithCancel(context.Background())
		_, err := s.BuildLibrary(ctx, []string{dir}, corpus.LoadOptions{Workers: 1, Progress: func(done, total int) {
			if done == 2 {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if names := mustReadDir(t, s.packDir()); len(names) != 0 {
			t.Errorf("left %q behind", names)
		}
	})
	t.Run("unwritable", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		os.WriteFile(file, nil, 0o644)
		s := Open(filepath.Join(file, "cache"))
		if _, err := s.BuildLibrary(context.Background(), []string{copySeeds(t)}, corpus.LoadOptions{}); err == nil {
			t.Error("built a pack in a cache that cannot be written")
		}
	})
}

// TestBuildLibraryLazy: a library built as a reader reads it, without
// annotations, is packed without them and writes no segments — a reader
// opens it and annotates each document as the full read would, while
// index, which needs them, does not take the pack for its own.
func TestBuildLibraryLazy(t *testing.T) {
	dir, s, c := lazyLibrary(t)
	if segs, _ := filepath.Glob(filepath.Join(s.docsDir(), "*.seg")); len(segs) != 0 {
		t.Errorf("%d segments written: the pass with the annotations writes them", len(segs))
	}
	sameEncoded(t, "annotated on demand", c.Docs, load(t, dir, nil))
	if _, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{Cache: Open(s.Dir())}); ok {
		t.Error("a pack without annotations opened for a read that needs them")
	}
}

// TestRelatedBuiltApart: the related-clause index of a library read on
// demand, not stored yet, is built over its documents decoded apart, a
// document at a time, and read back over it: it answers as the index built over the full read, and
// leaves none of the reader's documents decoded, nor any document of the
// build held by the store.
func TestRelatedBuiltApart(t *testing.T) {
	dir, s, c := lazyLibrary(t)
	rx, err := s.RelatedIndex(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if ids := decodedDocs(c); len(ids) != 0 {
		t.Errorf("building the index decoded %d of the reader's documents", len(ids))
	}
	if len(s.ids) != len(c.Docs) {
		t.Errorf("the store holds %d documents, want the reader's %d", len(s.ids), len(c.Docs))
	}
	if st := s.Stats(); st.IndexHits != 0 || st.Written != 1 {
		t.Errorf("%+v: want the index built and written once", st)
	}
	full := load(t, dir, nil)
	rbuilt := related.New(full)
	matched := 0
	for _, d := range []*corpus.Document{full.Docs[0], full.Docs[len(full.Docs)-1]} {
		d.Walk(func(n *corpus.Node) bool {
			if !rbuilt.Indexed(n.ID) {
				return true
			}
			got := rx.Related(n.ID, 5)
			matched += sameRelated(t, n.ID, got, rbuilt.Related(n.ID, 5))
			for i, g := range got {
				if m, _ := c.Node(g.ID); m != g.Node {
					t.Errorf("%s related %d is not the reader's node", n.ID, i)
				}
			}
			return true
		})
	}
	if matched == 0 {
		t.Fatal("no related clause found: the check proves little")
	}
}

// TestEachApart: a pass over a library read on demand sees every document
// once, each the full read's, and leaves the reader's documents undecoded
// and the store holding none of the documents it read.
func TestEachApart(t *testing.T) {
	dir, s, c := lazyLibrary(t)
	got := make([]*corpus.Document, len(c.Docs))
	var mu sync.Mutex
	if err := c.EachApart(func(k int, d *corpus.Document) {
		encoded(d) // annotated while it is read, as the targets view does
		mu.Lock()
		defer mu.Unlock()
		if got[k] != nil {
			t.Errorf("document %d seen twice", k)
		}
		got[k] = d
	}); err != nil {
		t.Fatal(err)
	}
	sameEncoded(t, "read apart", got, load(t, dir, nil))
	if ids := decodedDocs(c); len(ids) != 0 {
		t.Errorf("the pass decoded %d of the reader's documents", len(ids))
	}
	if len(s.ids) != len(c.Docs) {
		t.Errorf("the store holds %d documents, want the reader's %d", len(s.ids), len(c.Docs))
	}
}

// TestEachApartInOrder: the ordered pass over a library read on demand
// hands out its documents decoded apart, in corpus order, one at a time,
// stops when told to, and leaves the reader's documents undecoded.
func TestEachApartInOrder(t *testing.T) {
	dir, _, c := lazyLibrary(t)
	var got []*corpus.Document
	if err := c.EachApartInOrder(func(d *corpus.Document) bool {
		got = append(got, d)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	sameEncoded(t, "read apart in order", got, load(t, dir, nil))
	for k, d := range got {
		if d == c.Docs[k] {
			t.Errorf("document %d is the reader's own", k)
		}
	}
	if ids := decodedDocs(c); len(ids) != 0 {
		t.Errorf("the pass decoded %d of the reader's documents", len(ids))
	}
	n := 0
	if err := c.EachApartInOrder(func(*corpus.Document) bool { n++; return n < 2 }); err != nil || n != 2 {
		t.Errorf("told to stop after 2 documents: handed %d (%v)", n, err)
	}
}

// TestGetForgetsUnannotated: a segment read without the annotations a
// read needs is parsed again, and the store forgets the copy it read —
// which would otherwise hold its segment's buffer for the store's life.
func TestGetForgetsUnannotated(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	if _, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, LazyAnnotations: true}); len(errs) > 0 {
		t.Fatal(errs)
	}
	s.Flush()
	s2 := Open(s.Dir())
	c := load(t, dir, s2)
	if st := s2.Stats(); st.Misses != len(c.Docs) {
		t.Fatalf("%+v: want every segment found without annotations", st)
	}
	if len(s2.ids) != len(c.Docs) || len(s2.asRead) != len(c.Docs) {
		t.Errorf("the store holds %d documents, want the %d parsed", len(s2.ids), len(c.Docs))
	}
}

// TestTwoProcessesBuildLibrary: two processes packing one library into
// one cache at once, a batch at a time, both succeed; the pack left is
// whole and opens as the full read, and no temporary file is left.
func TestTwoProcessesBuildLibrary(t *testing.T) {
	if dir := os.Getenv("POLICYREADER_BUILD_HELPER"); dir != "" {
		s := Open(os.Getenv("POLICYREADER_BUILD_CACHE"))
		s.batchBytes = 64 << 10
		if _, err := s.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{}); err != nil {
			t.Fatalf("helper: %v", err)
		}
		return
	}
	dir := copyLibrary(t)
	cacheDir := t.TempDir()
	inTwoProcesses(t, "TestTwoProcessesBuildLibrary", "POLICYREADER_BUILD_HELPER="+dir, "POLICYREADER_BUILD_CACHE="+cacheDir)
	onlyPack(t, Open(cacheDir))
	_, _, c := onDemand(t, dir, cacheDir)
	sameEncoded(t, "after two processes", c.Docs, load(t, dir, nil))
}

// TestAnnotateLibrary: a library packed without annotations is packed
// again with them, its search index copied — the pack a build with
// annotations writes, byte for byte but for reading times — unless a
// file changed meanwhile, when the index is built anew for what the
// files hold now.
func TestAnnotateLibrary(t *testing.T) {
	for _, edit := range []bool{false, true} {
		dir := copyLibrary(t)
		s := Open(t.TempDir())
		s.now = func() time.Time { return time.Now().Add(time.Hour) }
		if _, err := s.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true}); err != nil {
			t.Fatal(err)
		}
		s2, p, c := onDemand(t, dir, s.Dir())
		s2.now = s.now
		if edit {
			name := filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt")
			data, err := os.ReadFile(name)
			if err != nil || !bytes.Contains(data, []byte("就业")) {
				t.Fatalf("the file to edit: %v", err)
			}
			os.WriteFile(name, bytes.Replace(data, []byte("就业"), []byte("创业"), 1), 0o644)
		}
		s2.AnnotateLibrary(context.Background(), []string{dir}, p.Lib)
		s2.Flush()
		if copied := s2.Stats().IndexHits == 1; copied == edit {
			t.Errorf("edited %v: search index copied %v", edit, copied)
		}
		if segs, _ := filepath.Glob(filepath.Join(s2.docsDir(), "*.seg")); len(segs) != len(c.Docs) {
			t.Errorf("edited %v: %d segments written, want one per document, %d", edit, len(segs), len(c.Docs))
		}
		fresh := Open(t.TempDir())
		fresh.now = s.now
		if _, err := fresh.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		// The pack of the files as they are now (an edit leaves the one
		// before beside it).
		names := mustReadDir(t, fresh.packDir())
		got, err := os.ReadFile(filepath.Join(s2.packDir(), names[0]))
		if err != nil {
			t.Fatalf("edited %v: no pack of the library as it is: %v", edit, err)
		}
		if !bytes.Equal(withoutReadingTimes(t, got), withoutReadingTimes(t, onlyPack(t, fresh))) {
			t.Errorf("edited %v: the pack annotated again is not the one built with annotations", edit)
		}
	}
}

// TestDropDamagedKeepsNewerPack: a damaged index found through an old
// mapping removes the pack at its path only when that file is still the
// one mapped, not a pack written there since.
func TestDropDamagedKeepsNewerPack(t *testing.T) {
	s := Open(t.TempDir())
	os.MkdirAll(s.packDir(), 0o755)
	path := filepath.Join(s.packDir(), "x.pack")
	old := bytes.Repeat([]byte{1}, packHeaderSize+8)
	newer := bytes.Repeat([]byte{2}, packHeaderSize+8)
	os.WriteFile(path, newer, 0o644)
	s.dropDamaged(path, old)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the newer pack was removed: %v", err)
	}
	s.dropDamaged(path, newer)
	if _, err := os.Stat(path); err == nil {
		t.Error("the damaged pack was kept")
	}
	if st := s.Stats(); st.Rejected != 2 {
		t.Errorf("%+v: want both damages counted", st)
	}
}
