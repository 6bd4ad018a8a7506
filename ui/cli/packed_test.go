package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/ui"
)

// TestPackedCommandsAsFull: once a library's pack is written, `tree`,
// `tree --json` and `search` read it without decoding the library (the
// pack opened undecoded, documents decoded one at a time, the index read
// without them) and print, to stdout and stderr, exactly what they print
// without a cache — failed sources' warnings included.
func TestPackedCommandsAsFull(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"laws", "govcn-html", "hostile", "policies"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../../corpus/testdata", sub))); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 0xff, 0}, 0o644)
	// A source that failed is trusted on its metadata alone, so not until
	// two seconds after its last change: let the new files settle.
	time.Sleep(2100 * time.Millisecond)
	cacheDir := t.TempDir()
	if code, _, errs := runBookmarksCLI(nil, "--cache-dir", cacheDir, "--corpus", dir, "search", "x"); code != 0 {
		t.Fatalf("first search: %d %q", code, errs)
	}
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{NoAnnotations: true, Cache: cache.Open(cacheDir)})
	if !ok || p.Len() < 20 || len(p.Errs) < 2 {
		t.Fatalf("the pack is not opened undecoded (%v)", ok)
	}
	for _, args := range [][]string{
		{"tree"},
		{"tree", "--json"},
		{"search", "--json", "--limit", "1000", "luohu"},
		{"search", "--json", "--limit", "1000", "lh"},
		{"search", "第五十六条"},
		{"search", "--json", "--limit", "100000", "的"},
		{"search", "--json", "国务院 办公厅"},
		{"search", "--words", "--limit", "30", "jy"},
		{"search", "没有这样的词语"},
	} {
		code1, out1, err1 := runBookmarksCLI(nil, append([]string{"--no-cache", "--corpus", dir}, args...)...)
		code2, out2, err2 := runBookmarksCLI(nil, append([]string{"--cache-dir", cacheDir, "--corpus", dir}, args...)...)
		if code1 != code2 || out1 != out2 || err1 != err2 {
			t.Errorf("%v: from the pack status %d, %d bytes, stderr %q; without a cache %d, %d bytes, %q", args, code2, len(out2), err2, code1, len(out1), err1)
		}
		if len(out1) == 0 && args[len(args)-1] != "没有这样的词语" {
			t.Errorf("%v printed nothing", args)
		}
	}
}

// TestReaderOpensLibrary: once `index` has run on a library, the reader
// opens it from the pack without decoding it — every document listed, the
// failed sources reported as the full load reports them, the stored
// search index ready — and not otherwise.
func TestReaderOpensLibrary(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"laws", "govcn-html", "hostile"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../../corpus/testdata", sub))); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 0xff, 0}, 0o644)
	time.Sleep(2100 * time.Millisecond) // the failed source settles (see above)
	cacheDir := t.TempDir()
	if _, _, ok := openLibrary([]string{dir}, cache.Open(cacheDir)); ok {
		t.Fatal("opened a library never indexed")
	}
	if code, _, errs := runBookmarksCLI(nil, "--cache-dir", cacheDir, "index", dir); code != 0 {
		t.Fatalf("index: %d %q", code, errs)
	}
	full, fullErrs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true})
	r, _, ok := openLibrary([]string{dir}, cache.Open(cacheDir))
	if !ok || r.Corpus == nil || r.Index == nil || !r.Corpus.OnDemand() {
		t.Fatalf("the library is not opened on demand (%v)", ok)
	}
	if len(r.Corpus.Docs) != len(full.Docs) || len(r.Skipped) != len(fullErrs) || len(fullErrs) == 0 {
		t.Fatalf("%d documents, %v; want %d, %v", len(r.Corpus.Docs), r.Skipped, len(full.Docs), fullErrs)
	}
	for i, err := range fullErrs {
		if r.Skipped[i].Error() != err.Error() {
			t.Errorf("skipped %d: %v, want %v", i, r.Skipped[i], err)
		}
	}
	for i, d := range r.Corpus.Docs {
		if d.Decoded() || d.Label() != full.Docs[i].Label() {
			t.Errorf("document %d: %q decoded %v, want %q undecoded", i, d.Label(), d.Decoded(), full.Docs[i].Label())
		}
	}
	if _, _, ok := openLibrary([]string{dir}, nil); ok {
		t.Error("opened a library without a cache")
	}
}

// TestReaderFirstRead: a reader opening a library never read before, with
// a cache it can write, packs it there a batch at a time and opens it
// from the pack on demand — the full read's documents, none decoded, and
// the search index — without reading it whole, then packs it again with
// its annotations in the background; with no cache, or one it cannot
// write, it reads the library whole.
func TestReaderFirstRead(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"laws", "govcn-html"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../../corpus/testdata", sub))); err != nil {
			t.Fatal(err)
		}
	}
	full, fullErrs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true})
	if len(fullErrs) != 0 {
		t.Fatal(fullErrs)
	}
	readWhole := 0
	load := func(ctx context.Context, progress func(done, total int)) ui.LoadResult {
		readWhole++
		return ui.LoadResult{Corpus: full}
	}
	var reports atomic.Int64 // progress is reported from the reading goroutines
	store := cache.Open(t.TempDir())
	r := readLibrary(context.Background(), []string{dir}, store, load, func(done, total int) { reports.Add(1) })
	if readWhole != 0 || r.Corpus == nil || !r.Corpus.OnDemand() || r.Index == nil {
		t.Fatalf("first read with a cache: read whole %d times, on demand %v", readWhole, r.Corpus.OnDemand())
	}
	if reports.Load() == 0 {
		t.Error("no progress reported")
	}
	if len(r.Corpus.Docs) != len(full.Docs) {
		t.Fatalf("%d documents, want %d", len(r.Corpus.Docs), len(full.Docs))
	}
	for i, d := range r.Corpus.Docs {
		if d.Decoded() || d.ID != full.Docs[i].ID || d.Label() != full.Docs[i].Label() {
			t.Errorf("document %d: %s %q decoded %v, want %s %q undecoded", i, d.ID, d.Label(), d.Decoded(), full.Docs[i].ID, full.Docs[i].Label())
		}
	}

	// Packed without annotations to open sooner, then again with them
	// in the background: the next start's pack has them.
	store.Flush()
	again := cache.Open(store.Dir())
	if _, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{Cache: again}); !ok {
		t.Error("the library was not packed again with its annotations")
	}
	// Opened with them, it is left as it is: no file is read again (a
	// pass would read every one, from its segment).
	third := cache.Open(store.Dir())
	r = readLibrary(context.Background(), []string{dir}, third, load, nil)
	if r.Corpus == nil || !r.Corpus.OnDemand() {
		t.Fatal("the annotated pack was not opened")
	}
	third.Flush()
	if st := third.Stats(); st.Hits != len(r.Corpus.Docs) || st.Misses != 0 {
		t.Errorf("%+v: an annotated library was packed again", st)
	}

	if r := readLibrary(context.Background(), []string{dir}, nil, load, nil); readWhole != 1 || r.Corpus != full {
		t.Errorf("without a cache: read whole %d times", readWhole)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if r := readLibrary(context.Background(), []string{dir}, cache.Open(filepath.Join(file, "cache")), load, nil); readWhole != 2 || r.Corpus != full {
		t.Errorf("with a cache that cannot be written: read whole %d times", readWhole-1)
	}
}

// TestReaderWithoutCache: with --no-cache the reader packs the library
// into a scratch store under the temporary directory, so it never holds
// it whole, opens it on demand, leaves the cache directory alone and,
// once it exits, leaves nothing behind; with no temporary directory it
// can write, it reads the library whole.
func TestReaderWithoutCache(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../corpus/testdata/laws")); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	opts := Options{NoCache: true, CacheDir: cacheDir}
	readWhole := 0
	load := func(ctx context.Context, progress func(done, total int)) ui.LoadResult {
		readWhole++
		return ui.LoadResult{}
	}
	store, note := readerCache(opts)
	if store == nil || note != "" {
		t.Fatalf("no scratch store: %s", note)
	}
	r := readLibrary(context.Background(), []string{dir}, store, load, nil)
	if readWhole != 0 || r.Corpus == nil || !r.Corpus.OnDemand() || r.Index == nil {
		t.Fatalf("read whole %d times; corpus %v", readWhole, r.Corpus)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 {
		t.Errorf("%d entries in the temporary directory, want the scratch store", len(entries))
	}
	if err := store.Discard(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary directory: %v", entries)
	}
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Errorf("--no-cache touched the cache directory: %v", err)
	}

	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv("TMPDIR", file)
	if store, note := readerCache(opts); store != nil || !strings.Contains(note, "reading it whole") || strings.Contains(note, "\n") {
		t.Fatalf("a scratch store under a file: %v, note %q", store, note)
	}
	readLibrary(context.Background(), []string{dir}, nil, load, nil)
	if readWhole != 1 {
		t.Errorf("without a scratch store: read whole %d times, want 1", readWhole)
	}
}

// TestReaderFirstReadThenChanges: after a first read, a file edited, one
// renamed and one deleted make the next start pack the library again —
// the unchanged files read from their segments, the edited one parsed —
// and open it on demand as the full read of the files as they are now.
func TestReaderFirstReadThenChanges(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../corpus/testdata/laws")); err != nil {
		t.Fatal(err)
	}
	load := func(ctx context.Context, progress func(done, total int)) ui.LoadResult {
		t.Fatal("read whole")
		return ui.LoadResult{}
	}
	store := cache.Open(t.TempDir())
	readLibrary(context.Background(), []string{dir}, store, load, nil)
	store.Flush() // the pass with the annotations, and the segments

	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < 3 {
		t.Fatalf("%d files: %v", len(entries), err)
	}
	edited := filepath.Join(dir, entries[0].Name())
	data, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(edited, append([]byte("关于修改的说明\n\n"), data...), 0o644)
	os.Rename(filepath.Join(dir, entries[1].Name()), filepath.Join(dir, "renamed-"+entries[1].Name()))
	os.Remove(filepath.Join(dir, entries[2].Name()))

	next := cache.Open(store.Dir())
	r := readLibrary(context.Background(), []string{dir}, next, load, nil)
	next.Flush()
	full, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if r.Corpus == nil || !r.Corpus.OnDemand() || len(r.Corpus.Docs) != len(full.Docs) {
		t.Fatalf("reopened: %v", r.Corpus)
	}
	for i, d := range r.Corpus.Docs {
		w := full.Docs[i]
		if d.ID != w.ID || d.Label() != w.Label() || d.Source != w.Source || len(d.TopLevel()) != len(w.Children) {
			t.Errorf("document %d: %s %q from %s, want %s %q from %s", i, d.ID, d.Label(), d.Source, w.ID, w.Label(), w.Source)
		}
	}
	// The edited file and the renamed one (new to the cache) are parsed,
	// in each of the two passes at most; the rest are read from their
	// segments.
	if st := next.Stats(); st.Stale+st.Misses < 2 || st.Stale+st.Misses > 4 {
		t.Errorf("%+v: want the edited and renamed files parsed, in one pass or two, and the rest read from their segments", st)
	}
}

// TestTuneCollector: the reader and index run the collector at half its
// default headroom, unless GOGC says otherwise.
func TestTuneCollector(t *testing.T) {
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })
	t.Setenv("GOGC", "")
	tuneCollector()
	if got := debug.SetGCPercent(100); got != readerGCPercent {
		t.Errorf("collector's target %d, want %d", got, readerGCPercent)
	}
	t.Setenv("GOGC", "200")
	tuneCollector()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set, yet the target was changed to %d", got)
	}
}
