package cache

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// TestWordsCached: a library's word dictionary is cut once and read back
// after that, cutting its texts as the one cut; other runes get their own;
// a damaged one is noted, removed and cut again.
func TestWordsCached(t *testing.T) {
	c := load(t, seedDir, nil)
	ix := search.New(c)
	cacheDir := t.TempDir()
	s := Open(cacheDir)
	cut, err := s.Words(ix.Holds)
	if err != nil {
		t.Fatal(err)
	}
	s.Flush()
	files, _ := filepath.Glob(filepath.Join(cacheDir, "packs", "*"+wordsFile.suffix))
	if len(files) != 1 || s.Stats().IndexHits != 0 {
		t.Fatalf("written %v, %+v", files, s.Stats())
	}
	s = Open(cacheDir)
	read, err := s.Words(ix.Holds)
	if err != nil || s.Stats().IndexHits != 1 {
		t.Fatalf("not read back: %v %+v %q", err, s.Stats(), s.TakeNotes())
	}
	texts := 0
	c.Nodes(func(n *corpus.Node) bool {
		if got, want := read.Cut(n.Text), cut.Cut(n.Text); !slices.Equal(got, want) {
			t.Fatalf("%s: cut %q read back, %q as cut", n.ID, got, want)
		}
		texts++
		return true
	})
	if texts < 100 {
		t.Fatalf("%d texts: the check proves little", texts)
	}

	other := Open(cacheDir)
	if _, err := other.Words(func(r rune) bool { return strings.ContainsRune("就业", r) }); err != nil || other.Stats().IndexHits != 0 {
		t.Errorf("other runes read the library's dictionary: %v %+v", err, other.Stats())
	}
	other.Flush()

	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-20] ^= 0x40
	os.WriteFile(files[0], data, 0o644)
	s = Open(cacheDir)
	if _, err := s.Words(ix.Holds); err != nil || s.Stats().IndexHits != 0 || s.Stats().Rejected != 1 {
		t.Fatalf("a damaged dictionary: %v %+v", err, s.Stats())
	}
	if notes := s.TakeNotes(); len(notes) != 1 || !strings.Contains(notes[0], "word dictionary") {
		t.Errorf("notes %q", notes)
	}
	s.Flush()
	s = Open(cacheDir)
	if _, err := s.Words(ix.Holds); err != nil || s.Stats().IndexHits != 1 {
		t.Errorf("not rebuilt: %v %+v", err, s.Stats())
	}
}

// BenchmarkWordsKey measures keying a library's dictionary by the runes
// its index holds: every rune is asked.
func BenchmarkWordsKey(b *testing.B) {
	c, errs := corpus.LoadPaths([]string{seedDir})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	ix := search.New(c)
	s := Open(b.TempDir())
	for b.Loop() {
		s.wordsKey(ix.Holds)
	}
}
