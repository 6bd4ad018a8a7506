package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchThroughCache: `search` prints the same results from an empty
// cache, a full one and none; --no-cache writes nothing; the cache
// directory comes from --cache-dir, else POLICYREADER_CACHE.
func TestSearchThroughCache(t *testing.T) {
	docs := "../../corpus/testdata"
	flagDir := filepath.Join(t.TempDir(), "flag")
	envDir := filepath.Join(t.TempDir(), "env")
	env := map[string]string{"POLICYREADER_CACHE": envDir}
	var outs []string
	for _, args := range [][]string{
		{"--no-cache", "--corpus", docs, "search", "--limit", "8", "lh"},
		{"--cache-dir", flagDir, "--corpus", docs, "search", "--limit", "8", "lh"},
		{"--cache-dir", flagDir, "--corpus", docs, "search", "--limit", "8", "lh"},
		{"--corpus", docs, "search", "--limit", "8", "lh"},
		{"--corpus", docs, "search", "--limit", "8", "lh"},
	} {
		code, out, errs := runBookmarksCLI(env, args...)
		if code != 0 || strings.Contains(errs, "cache") {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
		}
		outs = append(outs, out)
	}
	for i, out := range outs {
		if out != outs[0] || !strings.Contains(out, "1. ") {
			t.Errorf("run %d printed\n%s\nwant\n%s", i, out, outs[0])
		}
	}
	for _, dir := range []string{flagDir, envDir} {
		segs, _ := filepath.Glob(filepath.Join(dir, "docs", "*.seg"))
		idx, _ := filepath.Glob(filepath.Join(dir, "index", "*.idx"))
		if len(segs) < 5 || len(idx) != 1 {
			t.Errorf("%s: %d segments, %d indexes", dir, len(segs), len(idx))
		}
	}
}

// TestUnwritableCacheDir: a cache directory that cannot be made costs one
// line on stderr, not the command.
func TestUnwritableCacheDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runBookmarksCLI(nil, "--cache-dir", filepath.Join(file, "cache"), "search", "落户")
	if code != 0 || !strings.Contains(out, "落户") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(errs, "without a cache") {
		t.Errorf("stderr %q, want one line saying the cache is off", errs)
	}
}
