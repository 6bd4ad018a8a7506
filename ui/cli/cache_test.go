package cli

import (
	"bytes"
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
		packs, _ := filepath.Glob(filepath.Join(dir, "packs", "*.pack"))
		if len(segs) < 5 || len(packs) != 1 {
			t.Errorf("%s: %d segments, %d packs", dir, len(segs), len(packs))
		}
	}
}

// TestRelatedThroughCache: `related` and `compare` answer the same from
// an empty cache, a full one and none; the first run with a cache stores
// the library's related-clause index beside its packs.
func TestRelatedThroughCache(t *testing.T) {
	docs := "../../seeds"
	dir := t.TempDir()
	id := "guangdong-social-mobility-implementation/pt2/c3"
	for _, cmd := range [][]string{{"related", "--json", "--limit", "5", id}, {"compare", id}} {
		var outs []string
		for _, flags := range [][]string{{"--no-cache"}, {"--cache-dir", dir}, {"--cache-dir", dir}} {
			args := append(append(flags, "--corpus", docs), cmd...)
			code, out, errs := runBookmarksCLI(nil, args...)
			if code != 0 || errs != "" {
				t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
			}
			outs = append(outs, out)
		}
		for i, out := range outs {
			if out != outs[0] || len(out) < 100 {
				t.Errorf("%v run %d printed\n%s\nwant\n%s", cmd, i, out, outs[0])
			}
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "packs", "*.related")); len(files) != 1 {
		t.Errorf("related-clause indexes stored: %v", files)
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

// TestIndexCommand: `index DIR` fills the cache and stores the index; run
// again it reads everything back; a deleted file's segment is removed; no
// folder is a usage error.
func TestIndexCommand(t *testing.T) {
	src := t.TempDir()
	for _, name := range []string{"jiangxi-2020-social-mobility-implementation.txt", "central-2019-social-mobility-opinions.txt", "guangdong-hrss-2021-reply-1764.txt"} {
		data, err := os.ReadFile(filepath.Join("../../seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	env := map[string]string{"POLICYREADER_CACHE": cacheDir}
	code, out, errs := runBookmarksCLI(env, "index", src)
	if code != 0 || errs != "" || !strings.Contains(out, "indexed 3 documents") || !strings.Contains(out, "0 read from the cache, 3 parsed; search index built, related-clause index built") {
		t.Fatalf("first index: %d %q %q", code, out, errs)
	}
	code, out, _ = runBookmarksCLI(env, "index", src)
	if code != 0 || !strings.Contains(out, "3 read from the cache, 0 parsed; search index up to date, related-clause index up to date; 0 stale") {
		t.Errorf("second index: %d %q", code, out)
	}
	os.Remove(filepath.Join(src, "central-2019-social-mobility-opinions.txt"))
	code, out, _ = runBookmarksCLI(env, "index", src)
	if code != 0 || !strings.Contains(out, "indexed 2 documents") || !strings.Contains(out, "1 stale entries removed") {
		t.Errorf("after a delete: %d %q", code, out)
	}
	if segs, _ := filepath.Glob(filepath.Join(cacheDir, "docs", "*.seg")); len(segs) != 2 {
		t.Errorf("%d segments left, want 2", len(segs))
	}
	if code, _, errs := runBookmarksCLI(env, "index"); code != 2 || !strings.Contains(errs, "index needs a folder") {
		t.Errorf("no folder: %d %q", code, errs)
	}
}

// TestIndexProgress: on a terminal, index draws a bar with the count of
// files on one line and clears it before the summary.
func TestIndexProgress(t *testing.T) {
	var out, errb, term bytes.Buffer
	code := Run([]string{"--cache-dir", t.TempDir(), "index", "../../seeds"}, Env{
		Seeds: os.DirFS("../../seeds"), Stdout: &out, Stderr: &errb, Progress: &term,
		Getenv: func(string) string { return "" },
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	bar := term.String()
	if !strings.Contains(bar, "5/5") || !strings.HasPrefix(bar, "\r") || !strings.HasSuffix(bar, "\r\x1b[K") || strings.Contains(bar, "\n") {
		t.Errorf("progress line %q", bar)
	}
	if !strings.Contains(out.String(), "indexed 5 documents") {
		t.Errorf("summary %q", out.String())
	}
}

// TestIndexWithoutCache: index with an empty cache directory is a usage
// error, and with one that cannot be written a failure in one line.
func TestIndexWithoutCache(t *testing.T) {
	if code, _, errs := runBookmarksCLI(nil, "--cache-dir=", "index", "../../seeds"); code != 2 || !strings.Contains(errs, "needs a cache directory") {
		t.Errorf("empty --cache-dir: %d %q", code, errs)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	code, out, errs := runBookmarksCLI(nil, "--cache-dir", filepath.Join(file, "cache"), "index", "../../seeds")
	if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "cannot use") {
		t.Errorf("unwritable cache: %d %q %q", code, out, errs)
	}
}
