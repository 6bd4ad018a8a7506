package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTUIReportsUnloadableCorpus(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "missing.txt")
	run := TUI(fstest.MapFS{}, func(string) string { return "" })
	err := run(Options{Corpus: []string{bad}})
	if err == nil {
		t.Fatal("TUI on a missing file: want an error, got nil")
	}
	if !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("error %q does not name the file that failed", err)
	}
	if _, statErr := os.Stat(bad); statErr == nil {
		t.Fatal("test file unexpectedly exists")
	}
}

func TestWarningLines(t *testing.T) {
	got := warningLines("policyreader: warning: a.txt: bad\n\npolicyreader: warning: b.txt: worse\n")
	if len(got) != 2 || got[0] != "a.txt: bad" || got[1] != "b.txt: worse" {
		t.Errorf("warningLines = %q", got)
	}
}
