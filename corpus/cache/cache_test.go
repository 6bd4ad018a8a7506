package cache

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// copySeeds copies the seeds into a fresh folder and returns it.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// load reads dir through s (nil: no cache), with annotations.
func load(t *testing.T, dir string, s *Store) *corpus.Corpus {
	t.Helper()
	opt := corpus.LoadOptions{}
	if s != nil {
		opt.Cache = s
	}
	c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, opt)
	if len(errs) > 0 {
		t.Fatalf("load %s: %v", dir, errs)
	}
	return c
}

// sameDocs fails unless got and want hold equal documents: every field of
// every node, unexported ones included.
func sameDocs(t *testing.T, what string, got, want *corpus.Corpus) {
	t.Helper()
	if len(got.Docs) != len(want.Docs) {
		t.Fatalf("%s: %d documents, want %d", what, len(got.Docs), len(want.Docs))
	}
	for i := range want.Docs {
		if !reflect.DeepEqual(got.Docs[i], want.Docs[i]) {
			t.Errorf("%s: document %s differs from the parsed one", what, want.Docs[i].ID)
		}
	}
}

func segments(t *testing.T, s *Store) []string {
	t.Helper()
	segs, err := filepath.Glob(filepath.Join(s.docsDir(), "*.seg"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("no segments in %s (%v)", s.docsDir(), err)
	}
	return segs
}

// TestWarmEqualsCold: documents read from the cache are the documents the
// parser makes, field for field, on the seeds and on the laws and saved
// pages of the test data; the second load reads every one from the cache.
func TestWarmEqualsCold(t *testing.T) {
	for _, dir := range []string{seedDir, "../testdata"} {
		want := load(t, dir, nil)
		s := Open(t.TempDir())
		sameDocs(t, dir+" filling", load(t, dir, s), want)
		if st := s.Stats(); st.Hits != 0 || st.Written != len(want.Docs) {
			t.Errorf("%s: first load %+v, want %d written", dir, st, len(want.Docs))
		}
		s2 := Open(s.Dir())
		sameDocs(t, dir+" warm", load(t, dir, s2), want)
		if st := s2.Stats(); st.Hits != len(want.Docs) || st.Written != 0 || st.Rejected != 0 {
			t.Errorf("%s: warm load %+v, want %d hits", dir, st, len(want.Docs))
		}
		if notes := s2.TakeNotes(); len(notes) != 0 {
			t.Errorf("%s: warm load noted %q", dir, notes)
		}
	}
}

// TestWithoutAnnotations: a document cached by a command that skips the
// annotation pass is parsed again, with them, for a reader that needs them.
func TestWithoutAnnotations(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	if _, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, NoAnnotations: true}); len(errs) > 0 {
		t.Fatal(errs)
	}
	s2 := Open(s.Dir())
	sameDocs(t, "annotated after plain", load(t, dir, s2), load(t, dir, nil))
	s3 := Open(s.Dir())
	load(t, dir, s3)
	if st := s3.Stats(); st.Hits != 5 {
		t.Errorf("third load %+v: the annotated segments were not kept", st)
	}
}

// damage loads dir once to fill a cache, applies hurt to every segment,
// and checks the next load: the documents are the parsed ones, every
// segment was rejected, one note says so, and the load after that reads
// them all from the rebuilt cache.
func damage(t *testing.T, name string, hurt func(path string, data []byte) []byte) {
	t.Run(name, func(t *testing.T) {
		dir := copySeeds(t)
		want := load(t, dir, nil)
		s := Open(t.TempDir())
		load(t, dir, s)
		for _, seg := range segments(t, s) {
			data, err := os.ReadFile(seg)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(seg, hurt(seg, data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s2 := Open(s.Dir())
		sameDocs(t, name, load(t, dir, s2), want)
		st := s2.Stats()
		if st.Rejected != len(want.Docs) || st.Hits != 0 || st.Written != len(want.Docs) {
			t.Errorf("%s: %+v, want every segment rejected and rewritten", name, st)
		}
		if notes := s2.TakeNotes(); len(notes) != 1 || !strings.Contains(notes[0], "rebuilt") || strings.Contains(notes[0], "\n") {
			t.Errorf("%s: notes %q, want one line", name, notes)
		}
		s3 := Open(s.Dir())
		load(t, dir, s3)
		if st := s3.Stats(); st.Hits != len(want.Docs) {
			t.Errorf("%s: after the rebuild %+v", name, st)
		}
	})
}

// TestDamagedSegments: truncated anywhere, a byte flipped in the header, the
// payload or the checksum, another version, or another file's bytes — never
// trusted, never a crash.
func TestDamagedSegments(t *testing.T) {
	damage(t, "truncated to half", func(_ string, b []byte) []byte { return b[:len(b)/2] })
	damage(t, "truncated to the header", func(_ string, b []byte) []byte { return b[:headerSize-1] })
	damage(t, "last byte cut", func(_ string, b []byte) []byte { return b[:len(b)-1] })
	damage(t, "empty", func(_ string, b []byte) []byte { return nil })
	damage(t, "byte flipped in the payload", func(_ string, b []byte) []byte { b[len(b)/2] ^= 0x20; return b })
	damage(t, "byte flipped in the size", func(_ string, b []byte) []byte { b[offSize] ^= 1; return b })
	damage(t, "checksum flipped", func(_ string, b []byte) []byte { b[len(b)-1] ^= 0xff; return b })
	damage(t, "other version", func(_ string, b []byte) []byte {
		binary.LittleEndian.PutUint32(b[offVersion:], version(corpus.CodecVersion()+1))
		return b
	})
	damage(t, "garbage", func(_ string, b []byte) []byte { return []byte(strings.Repeat("第一条 ", 100)) })
}

// TestForeignSegment: a whole, sound segment of another source in a
// source's place (a hash collision, a copied cache) is not served for it.
func TestForeignSegment(t *testing.T) {
	dir := copySeeds(t)
	want := load(t, dir, nil)
	s := Open(t.TempDir())
	load(t, dir, s)
	segs := segments(t, s)
	other, err := os.ReadFile(segs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(segs[1], other, 0o644); err != nil {
		t.Fatal(err)
	}
	s2 := Open(s.Dir())
	sameDocs(t, "foreign segment", load(t, dir, s2), want)
	if st := s2.Stats(); st.Hits != len(want.Docs)-1 || st.Stale != 1 {
		t.Errorf("%+v, want the foreign segment passed over", st)
	}
}

// TestSourceChanges: a file edited, renamed or deleted between runs is read
// as it is now; only the edited file is parsed again.
func TestSourceChanges(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	load(t, dir, s)
	name := filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// Edited, growing: size and mtime change.
	grown := strings.Replace(string(data), "社会性流动", "社会性流动新增一条测试条款", 1)
	if err := os.WriteFile(name, []byte(grown), 0o644); err != nil {
		t.Fatal(err)
	}
	s2 := Open(s.Dir())
	c := load(t, dir, s2)
	if st := s2.Stats(); st.Stale != 1 || st.Hits != 4 {
		t.Errorf("edited: %+v, want 1 stale and 4 hits", st)
	}
	sameDocs(t, "edited", c, load(t, dir, nil))

	// Edited in place, same size, mtime put back: the content hash of a
	// file modified just before it was read tells.
	info, _ := os.Stat(name)
	cur, _ := os.ReadFile(name)
	s3 := Open(s.Dir())
	load(t, dir, s3)
	swapped := strings.Replace(string(cur), "新增一条测试条款", "修改一条测试条款", 1)
	if len(swapped) != len(cur) || swapped == string(cur) {
		t.Fatal("the same-size edit did not apply")
	}
	if err := os.WriteFile(name, []byte(swapped), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	s4 := Open(s.Dir())
	c = load(t, dir, s4)
	if st := s4.Stats(); st.Stale != 1 {
		t.Errorf("same size, same mtime: %+v, want the edit seen", st)
	}
	if !strings.Contains(docText(c, "jiangxi-2020-social-mobility-implementation"), "修改一条测试条款") {
		t.Error("same-size edit: the cached text was served")
	}

	// Renamed: read under its new name and ID; deleted: gone.
	renamed := filepath.Join(dir, "jiangxi-renamed.txt")
	if err := os.Rename(name, renamed); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "central-2019-social-mobility-opinions.txt")); err != nil {
		t.Fatal(err)
	}
	s5 := Open(s.Dir())
	c = load(t, dir, s5)
	sameDocs(t, "renamed and deleted", c, load(t, dir, nil))
	if _, ok := c.Doc("jiangxi-renamed"); !ok {
		t.Error("the renamed file is not under its new ID")
	}
	if _, ok := c.Doc("central-2019-social-mobility-opinions"); ok {
		t.Error("the deleted file was served from the cache")
	}
	if st := s5.Stats(); st.Hits != 3 || st.Misses != 1 {
		t.Errorf("renamed and deleted: %+v, want 3 hits and the renamed file missed", st)
	}
}

func docText(c *corpus.Corpus, id string) string {
	d, ok := c.Doc(id)
	if !ok {
		return ""
	}
	var b strings.Builder
	d.Walk(func(n *corpus.Node) bool {
		b.WriteString(n.Heading)
		b.WriteString(n.Text)
		return true
	})
	return b.String()
}

// TestConcurrentFill: several loaders filling one cache at once (as two
// processes would: separate stores, one directory) all get the parsed
// documents, and leave a cache the next load reads whole.
func TestConcurrentFill(t *testing.T) {
	dir := copySeeds(t)
	want := load(t, dir, nil)
	cacheDir := t.TempDir()
	var wg sync.WaitGroup
	results := make([]*corpus.Corpus, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: Open(cacheDir)})
			if len(errs) == 0 {
				results[i] = c
			}
		}()
	}
	wg.Wait()
	for i, c := range results {
		if c == nil {
			t.Fatalf("loader %d failed", i)
		}
		sameDocs(t, "concurrent", c, want)
	}
	s := Open(cacheDir)
	sameDocs(t, "after the race", load(t, dir, s), want)
	if st := s.Stats(); st.Hits != len(want.Docs) || st.Rejected != 0 {
		t.Errorf("after the race: %+v", st)
	}
	if tmp, _ := filepath.Glob(filepath.Join(cacheDir, "docs", ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// TestUnwritableCache: a cache directory that cannot be made costs the
// cache, not the documents, and says so once.
func TestUnwritableCache(t *testing.T) {
	dir := copySeeds(t)
	blocker := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Open(filepath.Join(blocker, "cache"))
	sameDocs(t, "unwritable", load(t, dir, s), load(t, dir, nil))
	s.SearchIndex(load(t, dir, s))
	s.Flush()
	notes := s.TakeNotes()
	if len(notes) != 1 || !strings.Contains(notes[0], "without a cache") {
		t.Errorf("notes %q, want one saying the cache is off", notes)
	}
	if st := s.Stats(); st.Written != 0 || st.Hits != 0 {
		t.Errorf("%+v", st)
	}
}

// TestEmbeddedSeeds: documents built into the program are cached under
// their names and checked by content (their mtime says nothing).
func TestEmbeddedSeeds(t *testing.T) {
	fsys := os.DirFS(seedDir)
	want, _ := corpus.LoadFS(fsys)
	s := Open(t.TempDir())
	corpus.LoadFSWith(fsys, corpus.LoadOptions{Cache: s})
	s2 := Open(s.Dir())
	got, errs := corpus.LoadFSWith(fsys, corpus.LoadOptions{Cache: s2})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameDocs(t, "embedded", got, want)
	if st := s2.Stats(); st.Hits != len(want.Docs) {
		t.Errorf("embedded warm: %+v", st)
	}
}

// TestPackCache: a library read and searched once is read back from one
// pack — documents and index — equal to the parse; a damaged pack is
// noted and the library read from its segments; a touched file changes
// the pack's key, silently.
func TestPackCache(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	first := Open(cacheDir)
	c := load(t, dir, first)
	want := results(t, first.SearchIndex(c))
	first.Flush()

	s := Open(cacheDir)
	c = load(t, dir, s)
	sameDocs(t, "from the pack", c, load(t, dir, nil))
	if got := results(t, s.SearchIndex(c)); !reflect.DeepEqual(got, want) {
		t.Errorf("warm index: %v, want %v", got, want)
	}
	s.Flush()
	if st := s.Stats(); st.PackHits != 1 || st.IndexHits != 1 || st.Hits != 5 {
		t.Errorf("warm: %+v, want the documents and index read from the pack", st)
	}

	packs, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs %v", packs)
	}
	for _, cut := range []func([]byte) []byte{
		func(b []byte) []byte { b[len(b)-3] ^= 0x10; return b },       // the index
		func(b []byte) []byte { b[packHeaderSize+70] ^= 1; return b }, // the first document
		func(b []byte) []byte { return b[:len(b)/2] },
	} {
		data, _ := os.ReadFile(packs[0])
		os.WriteFile(packs[0], cut(data), 0o644)
		s = Open(cacheDir)
		c = load(t, dir, s)
		sameDocs(t, "damaged pack", c, load(t, dir, nil))
		if got := results(t, s.SearchIndex(c)); !reflect.DeepEqual(got, want) {
			t.Errorf("damaged pack: %v, want %v", got, want)
		}
		s.Flush()
		if st, notes := s.Stats(), s.TakeNotes(); st.PackHits != 0 || st.Hits != 5 || len(notes) != 1 {
			t.Errorf("damaged pack: %+v %q", st, notes)
		}
	}

	// A touched file changes the key: read from the segments, no note.
	now := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt"), now, now)
	s = Open(cacheDir)
	c = load(t, dir, s)
	if got := results(t, s.SearchIndex(c)); !reflect.DeepEqual(got, want) {
		t.Errorf("after a touch: %v, want %v", got, want)
	}
	s.Flush()
	if st, notes := s.Stats(), s.TakeNotes(); st.PackHits != 0 || st.IndexHits != 0 || len(notes) != 0 {
		t.Errorf("after a touch: %+v %q", st, notes)
	}
}

// TestPackSettles: a pack of sources changed just before it was written is
// checked by content, and rewritten settled once they are old enough.
func TestPackSettles(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	s := Open(cacheDir)
	s.SearchIndex(load(t, dir, s))
	s.Flush()
	later := Open(cacheDir)
	later.now = func() time.Time { return time.Now().Add(time.Hour) }
	load(t, dir, later)
	later.Flush()
	if st := later.Stats(); st.PackHits != 1 || st.Written != 1 {
		t.Errorf("%+v, want the pack read and rewritten settled", st)
	}
	// Settled: the sources are no longer read to check them.
	for _, e := range mustReadDir(t, dir) {
		os.Chmod(filepath.Join(dir, e), 0)
	}
	defer func() {
		for _, e := range mustReadDir(t, dir) {
			os.Chmod(filepath.Join(dir, e), 0o644)
		}
	}()
	if os.Getuid() == 0 {
		return // root reads unreadable files: nothing to show
	}
	final := Open(cacheDir)
	load(t, dir, final)
	if st := final.Stats(); st.PackHits != 1 {
		t.Errorf("settled pack: %+v", st)
	}
}

// results runs a few queries and lists the IDs and scores found.
func results(t *testing.T, ix *search.Index) []string {
	t.Helper()
	var out []string
	for _, q := range []string{"落户", "luohu", "jyyx", "业", "广东 就业"} {
		rs, err := ix.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			t.Errorf("%q finds nothing", q)
		}
		for _, r := range rs {
			out = append(out, fmt.Sprintf("%s %s %d", q, r.ID, r.Score))
		}
	}
	return out
}

// TestRacySettles: a source cached right after it was written is checked
// by content while its times are recent, and once they are old enough its
// segment is rewritten so later runs trust its metadata alone.
func TestRacySettles(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	load(t, dir, s) // every source was written just now: racy
	segs := segments(t, s)
	for _, seg := range segs {
		data, _ := os.ReadFile(seg)
		if id, _, err := decodeSegment(data, corpus.CodecVersion(), s.build); err != nil || !id.racy() {
			t.Fatalf("%s: not racy after the first load (%v)", seg, err)
		}
	}
	// An hour on, the check by content settles every segment.
	later := Open(s.Dir())
	later.now = func() time.Time { return time.Now().Add(time.Hour) }
	load(t, dir, later)
	if st := later.Stats(); st.Hits != 5 || st.Written != 5 {
		t.Errorf("racy check: %+v, want 5 hits and 5 segments settled", st)
	}
	for _, seg := range segs {
		data, _ := os.ReadFile(seg)
		id, _, err := decodeSegment(data, corpus.CodecVersion(), s.build)
		if err != nil || id.racy() {
			t.Errorf("%s: still racy after the check (%v)", seg, err)
		}
	}
	s3 := Open(s.Dir())
	load(t, dir, s3)
	if st := s3.Stats(); st.Hits != 5 || st.Written != 0 {
		t.Errorf("settled: %+v", st)
	}
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestTwoProcessesFill: two processes (this test binary, re-run as a
// helper) fill one cache from the same folder at the same moment; both
// succeed and the cache they leave is read whole by a third.
func TestTwoProcessesFill(t *testing.T) {
	if dir := os.Getenv("POLICYREADER_FILL_HELPER"); dir != "" {
		s := Open(os.Getenv("POLICYREADER_FILL_CACHE"))
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s})
		if len(errs) > 0 || len(c.Docs) == 0 {
			t.Fatalf("helper: %v", errs)
		}
		s.SearchIndex(c)
		s.Flush()
		return
	}
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	inTwoProcesses(t, "TestTwoProcessesFill", "POLICYREADER_FILL_HELPER="+dir, "POLICYREADER_FILL_CACHE="+cacheDir)
	s := Open(cacheDir)
	c := load(t, dir, s)
	sameDocs(t, "after two processes", c, load(t, dir, nil))
	s.SearchIndex(c)
	s.Flush()
	if st := s.Stats(); st.Hits != len(c.Docs) || st.PackHits != 1 || st.IndexHits != 1 || st.Rejected != 0 {
		t.Errorf("after two processes: %+v", st)
	}
}

// TestEditKeepingMtime: an edit in place that keeps the size and puts the
// mtime back (touch -r, cp -p) is seen through the status change time,
// even for a file whose segment is long settled.
func TestEditKeepingMtime(t *testing.T) {
	dir := copySeeds(t)
	name := filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt")
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(name, old, old)
	s := Open(t.TempDir())
	load(t, dir, s)
	settler := Open(s.Dir())
	settler.now = func() time.Time { return time.Now().Add(time.Hour) }
	load(t, dir, settler) // the segments are trusted on metadata from now on
	data, _ := os.ReadFile(name)
	edited := strings.Replace(string(data), "社会性流动", "社会性变动", 1)
	if len(edited) != len(data) || edited == string(data) {
		t.Fatal("the edit did not apply")
	}
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(name, old, old)
	s2 := Open(s.Dir())
	c := load(t, dir, s2)
	if st := s2.Stats(); st.Stale != 1 {
		t.Errorf("%+v, want the edited file stale", st)
	}
	if !strings.Contains(docText(c, "jiangxi-2020-social-mobility-implementation"), "社会性变动") {
		t.Error("the cached text was served after an edit that kept size and mtime")
	}
}

// TestOtherBuild: a segment parsed by another build of the program is not
// served (it may have parsed differently), and nor is its index.
func TestOtherBuild(t *testing.T) {
	dir := copySeeds(t)
	s := Open(t.TempDir())
	s.SearchIndex(load(t, dir, s))
	s.Flush()
	next := Open(s.Dir())
	next.build++
	c := load(t, dir, next)
	next.SearchIndex(c)
	next.Flush()
	if st := next.Stats(); st.Hits != 0 || st.Stale != 5 || st.IndexHits != 0 || st.PackHits != 0 || st.Rejected != 0 {
		t.Errorf("another build: %+v, want every segment stale and the index rebuilt", st)
	}
}

// TestPruneKeepsOtherFiles: pruning a directory that is not only a cache
// (--cache-dir pointed at a folder of one's own) removes segments of
// deleted sources and nothing else.
func TestPruneKeepsOtherFiles(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	notes := filepath.Join(cacheDir, "docs", "notes.md")
	os.MkdirAll(filepath.Dir(notes), 0o755)
	os.WriteFile(notes, []byte("mine"), 0o644)
	s := Open(cacheDir)
	load(t, dir, s)
	os.Remove(filepath.Join(dir, "central-2019-social-mobility-opinions.txt"))
	n, err := s.Prune()
	if err != nil || n != 1 {
		t.Errorf("Prune removed %d (%v), want the deleted source's segment", n, err)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Errorf("Prune removed a file of the user's: %v", err)
	}
	os.Remove(filepath.Join(cacheDir, cacheDirTagName))
	os.Remove(filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt"))
	if n, _ := s.Prune(); n != 0 {
		t.Errorf("Prune removed %d files from a directory without the cache tag", n)
	}
}

// TestLazyWriteBack: documents read to be annotated on first use are
// stored again once annotated, so the next run reads their annotations;
// labels extended to tell two same-titled documents apart are stored as
// read, and come out as an eager read gives them.
func TestLazyWriteBack(t *testing.T) {
	dir := copySeeds(t)
	twin := filepath.Join(dir, "jiangxi-copy.txt")
	data, _ := os.ReadFile(filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt"))
	os.WriteFile(twin, data, 0o644)
	lazyLoad := func(s *Store) *corpus.Corpus {
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, LazyAnnotations: true})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		return c
	}
	s := Open(t.TempDir())
	c := lazyLoad(s)
	for _, d := range c.Docs {
		d.EnsureAnnotations()
	}
	s.Flush()
	if st := s.Stats(); st.Written != 2*len(c.Docs) {
		t.Errorf("%+v: want every document stored, then stored again annotated", st)
	}
	s2 := Open(s.Dir())
	c2 := lazyLoad(s2)
	spans := 0
	c2.Nodes(func(n *corpus.Node) bool { spans += len(n.Spans); return true })
	if spans == 0 {
		t.Error("the second run read no annotations")
	}
	sameDocs(t, "lazy, written back", c2, load(t, dir, nil))
}

// TestPackKeepsFailures: a library with files that cannot be read (empty,
// a legacy format) is packed with their reasons, and read back from the
// pack with the same errors as reading it file by file.
func TestPackKeepsFailures(t *testing.T) {
	dir := copySeeds(t)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "old.doc"), []byte("\xd0\xcf\x11\xe0 legacy"), 0o644)
	loadAll := func(s *Store) (*corpus.Corpus, []string) {
		var opt corpus.LoadOptions
		if s != nil {
			opt.Cache = s
		}
		c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, opt)
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
		return c, msgs
	}
	want, wantErrs := loadAll(nil)
	if len(wantErrs) != 2 {
		t.Fatalf("the test library gives %d errors, want 2: %q", len(wantErrs), wantErrs)
	}
	s := Open(t.TempDir())
	// As if listed an hour on: the failed sources' times are then settled
	// (a failure is trusted on metadata alone, so only once it is).
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	c, _ := loadAll(s)
	s.SearchIndex(c)
	s.Flush()
	s2 := Open(s.Dir())
	c2, errs := loadAll(s2)
	sameDocs(t, "pack with failures", c2, want)
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors from the pack %q, want %q", errs, wantErrs)
	}
	if st := s2.Stats(); st.PackHits != 1 {
		t.Errorf("%+v, want the library read from its pack", st)
	}
}

// TestPackFailureFixedDuringLoad: a file that failed but was changed while
// the library loaded is not packed as failed: the next run reads it.
func TestPackFailureFixedDuringLoad(t *testing.T) {
	dir := copySeeds(t)
	bad := filepath.Join(dir, "0bad.txt")
	os.WriteFile(bad, nil, 0o644)
	good, _ := os.ReadFile(filepath.Join(dir, "jiangxi-2020-social-mobility-implementation.txt"))
	s := Open(t.TempDir())
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	fixed := false
	c, errs := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, Workers: 1, Progress: func(done, total int) {
		if !fixed {
			fixed = true
			time.Sleep(10 * time.Millisecond)
			os.WriteFile(bad, good, 0o644) // completed while the load goes on
		}
	}})
	if len(errs) != 1 {
		t.Fatalf("first load: %v", errs)
	}
	s.SearchIndex(c)
	s.Flush()
	s2 := Open(s.Dir())
	c2, errs2 := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s2})
	if len(errs2) != 0 || len(c2.Docs) != 6 {
		t.Errorf("second load: %d documents, errors %v; want the fixed file read", len(c2.Docs), errs2)
	}
}

// TestSeedsIndexReused: documents read another way than from a pack (built
// into the program) get their index from the pack holding them, and no
// pack is written again.
func TestSeedsIndexReused(t *testing.T) {
	fsys := os.DirFS(seedDir)
	dir := t.TempDir()
	for run := 0; run < 3; run++ {
		s := Open(dir)
		c, _ := corpus.LoadFSWith(fsys, corpus.LoadOptions{Cache: s})
		s.SearchIndex(c)
		s.Flush()
		st := s.Stats()
		if run > 0 && (st.IndexHits != 1 || st.Written != 0) {
			t.Errorf("run %d: %+v, want the index read and nothing written", run, st)
		}
	}
}

// TestDamagedIndexRepaired: a pack whose index is unusable, in a library
// with a failed file, is rebuilt under the same key, so the next run reads
// it whole again.
func TestDamagedIndexRepaired(t *testing.T) {
	dir := copySeeds(t)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	cacheDir := t.TempDir()
	s := Open(cacheDir)
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	c, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s})
	s.SearchIndex(c)
	s.Flush()
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs %v", packs)
	}
	// Break the stored index (its count of strings, right after its
	// magic, version and byte-order mark) but keep the checksum right.
	data, _ := os.ReadFile(packs[0])
	at := bytes.LastIndex(data, []byte("PRINDEX\x00"))
	if at < 0 {
		t.Fatal("no stored index in the pack")
	}
	data[at+16]++
	binary.LittleEndian.PutUint32(data[56:], crc32.Checksum(data[packHeaderSize:], castagnoli))
	os.WriteFile(packs[0], data, 0o644)
	s2 := Open(cacheDir)
	c2, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s2})
	s2.SearchIndex(c2)
	s2.Flush()
	if st, notes := s2.Stats(), s2.TakeNotes(); st.PackHits != 1 || st.IndexHits != 0 || len(notes) != 1 {
		t.Errorf("damaged index: %+v %q", st, notes)
	}
	s3 := Open(cacheDir)
	c3, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s3})
	s3.SearchIndex(c3)
	s3.Flush()
	if st := s3.Stats(); st.PackHits != 1 || st.IndexHits != 1 {
		t.Errorf("after the repair: %+v", st)
	}
}

// TestCloseWhileAnnotating: closing the store while documents are being
// annotated on other goroutines (a reader quitting while its targets view
// still collects) neither panics nor hangs.
func TestCloseWhileAnnotating(t *testing.T) {
	dir := copiesOfSeeds(t, 2)
	for range 3 {
		s := Open(t.TempDir())
		c, _ := corpus.LoadPathsContext(context.Background(), []string{dir}, corpus.LoadOptions{Cache: s, LazyAnnotations: true})
		s.SearchIndex(c)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, d := range c.Docs {
				d.EnsureAnnotations()
			}
		}()
		s.Close()
		<-done
	}
}

// TestGCRaiseOverlapping: decodings that overlap in any order leave the
// collector's target as it was before the first.
func TestGCRaiseOverlapping(t *testing.T) {
	old := debug.SetGCPercent(123)
	defer debug.SetGCPercent(old)
	a := raiseGC()
	b := raiseGC()
	a() // the first to start ends first
	if got := debug.SetGCPercent(packGCPercent); got != packGCPercent {
		t.Errorf("target %d while a decoding runs, want %d", got, packGCPercent)
	}
	b()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("target %d after both, want 123", got)
	}
}
