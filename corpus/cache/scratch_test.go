package cache

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"policyreader/corpus"
)

// TestScratchStore: a scratch store lives in a directory of its own under
// the temporary directory, packs a library and opens it as the cache
// does, writes no segment and no annotated pack (nothing of it is read
// again), and Discard deletes it. Opening one removes the scratch
// directories of readers that are gone, and only those.
func TestScratchStore(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	abandoned := filepath.Join(tmp, scratchPrefix+strconv.Itoa(gone.Process.Pid)+"-1")
	live := filepath.Join(tmp, scratchPrefix+strconv.Itoa(os.Getppid())+"-1")
	foreign := filepath.Join(tmp, scratchPrefix+"notes")
	for _, d := range []string{abandoned, live, foreign} {
		if err := os.MkdirAll(filepath.Join(d, "packs"), 0o755); err != nil {
			t.Fatal(err)
		}
	}

	s, err := OpenScratch()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(s.Dir()) != tmp {
		t.Errorf("scratch store at %s, want under %s", s.Dir(), tmp)
	}
	if _, err := os.Stat(abandoned); !os.IsNotExist(err) {
		t.Error("the scratch directory of a reader that is gone was left")
	}
	for _, d := range []string{live, foreign} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(d), err)
		}
	}

	dir := copyLibrary(t)
	if _, err := s.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true}); err != nil {
		t.Fatal(err)
	}
	p, ok := corpus.OpenPacked([]string{dir}, corpus.LoadOptions{LazyAnnotations: true, Cache: s})
	if !ok {
		t.Fatal("the scratch pack did not open")
	}
	c, err := p.Corpus()
	if err != nil || !c.OnDemand() {
		t.Fatalf("opened: %v, on demand %v", err, c != nil && c.OnDemand())
	}
	written := s.Stats().Written
	s.AnnotateLibrary(context.Background(), []string{dir}, p.Lib)
	c.Docs[0].EnsureAnnotations()
	s.Annotated(c.Docs[0])
	name := c.Docs[0].Source
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(corpus.Source{Name: name, Key: name, Info: info}, time.Now(), []byte("text"), c.Docs[0], true)
	s.Flush()
	if st := s.Stats(); st.Written != written {
		t.Errorf("%d more written after the pack: a scratch store keeps nothing for a next start", st.Written-written)
	}
	if segs, _ := filepath.Glob(filepath.Join(s.docsDir(), "*.seg")); len(segs) != 0 {
		t.Errorf("%d segments written", len(segs))
	}

	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Dir()); !os.IsNotExist(err) {
		t.Errorf("the scratch directory is left after Discard: %v", err)
	}
	// A background write that ends after the reader quit (a related
	// index finishing) makes nothing again.
	s.writeSide(relatedFile, [32]byte{1}, func(write func([]byte) error) error { return write([]byte("x")) })
	if _, err := os.Stat(s.Dir()); !os.IsNotExist(err) {
		t.Errorf("a write after Discard made the scratch directory again: %v", err)
	}
	kept := Open(t.TempDir())
	if err := kept.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept.Dir()); err != nil {
		t.Errorf("Discard removed a cache: %v", err)
	}

	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv("TMPDIR", file)
	if s, err := OpenScratch(); err == nil {
		t.Errorf("a scratch store under a file: %s", s.Dir())
	}
}
