package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policyreader/corpus"
)

// TestOpenStoreWarnsAboutCorruptFile: the reader opens on a corrupt
// bookmarks file with a one-line warning for the status bar, and leaves the
// file where it is until a change is saved.
func TestOpenStoreWarnsAboutCorruptFile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	c, errs := corpus.LoadPaths(files)
	if len(errs) > 0 || len(c.Docs) == 0 {
		t.Fatalf("loading seeds: %v", errs)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bookmarks.json"), []byte("{\"version\": 1, \"bookm"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warnings := openStore(dir, c)
	if s == nil {
		t.Fatal("no store for a directory with a corrupt file")
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "corrupt") || !strings.Contains(warnings[0], "bookmarks.json.corrupt-") || strings.Contains(warnings[0], "\n") {
		t.Fatalf("warnings = %q, want one line saying where the file will be kept", warnings)
	}
	// Opening leaves it in place; the first save keeps it aside.
	if moved, _ := filepath.Glob(filepath.Join(dir, "bookmarks.json.corrupt-*")); len(moved) != 0 {
		t.Errorf("opening moved the file: %v", moved)
	}
	if len(s.List()) != 0 {
		t.Errorf("store after the corrupt file holds %d bookmarks", len(s.List()))
	}
}
