package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"policyreader/corpus"
)

// TestReleaseKeepsData: released pages of a mapped file leave the resident
// set and read back the same when touched again, including a range that
// does not start or end on a page.
func TestReleaseKeepsData(t *testing.T) {
	want := bytes.Repeat([]byte("落户限制全面取消。"), 200_000) // about 5 MB
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	f, fi, err := openRegular(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := mapFile(f, fi.Size())
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	defer unmapFile(data)
	base := rssFile(t)
	var sum byte
	for i := 0; i < len(data); i += 4096 {
		sum += data[i]
	}
	before := rssFile(t)
	t.Logf("RssFile %d kB before the mapping was read, %d kB after", base, before)
	if before-base < 4<<10 {
		// A tmpfs file's pages count as shared memory, not file pages.
		t.Skipf("reading the mapping did not raise RssFile (%d → %d kB): the temporary directory is not on a disk file system", base, before)
	}
	release(data[100 : len(data)-100])
	if after := rssFile(t); after > before-4<<10 {
		t.Errorf("RssFile %d kB before release, %d kB after: nothing left", before, after)
	}
	if !bytes.Equal(data, want) {
		t.Fatal("released pages read back different data")
	}
	if sum == 0 {
		t.Log("checksum of the pages read is zero")
	}
}

// rssFile returns the process's resident file-backed memory in kB.
func rssFile(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "RssFile:" {
			n := 0
			for _, c := range f[1] {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestReleaseTexts: a document read from a pack gives its texts' pages
// back and still reads the same texts after; the extent released lies in
// the pack's mapping and covers the document's texts; a document read
// another way is left alone.
func TestReleaseTexts(t *testing.T) {
	dir := copySeeds(t)
	cacheDir := t.TempDir()
	first := Open(cacheDir)
	first.SearchIndex(load(t, dir, first))
	first.Flush()

	s := Open(cacheDir)
	c := load(t, dir, s)
	if st := s.Stats(); st.PackHits != 1 {
		t.Fatalf("not read from the pack: %+v", st)
	}
	want := load(t, dir, nil)
	for i, d := range c.Docs {
		ext := textExtent(s.pack.data, d)
		if ext == nil {
			t.Fatalf("%s: no texts in the pack", d.ID)
		}
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(s.pack.data)))
		if p := uintptr(unsafe.Pointer(unsafe.SliceData(ext))); p < lo || p+uintptr(len(ext)) > lo+uintptr(len(s.pack.data)) {
			t.Fatalf("%s: extent outside the mapping", d.ID)
		}
		n := 0
		d.Walk(func(nd *corpus.Node) bool {
			n += len(nd.Text)
			return true
		})
		if len(ext) < n/2 {
			t.Errorf("%s: extent of %d bytes for %d bytes of text", d.ID, len(ext), n)
		}
		s.ReleaseTexts(d)
		sameDocs(t, "after release", corpus.NewCorpus([]*corpus.Document{d}), corpus.NewCorpus([]*corpus.Document{want.Docs[i]}))
	}
	// Documents parsed, not read from this store's pack: nothing to do.
	for _, d := range want.Docs {
		s.ReleaseTexts(d)
		if textExtent(s.pack.data, d) != nil {
			t.Errorf("%s: a parsed document's texts found in the mapping", d.ID)
		}
	}
}
