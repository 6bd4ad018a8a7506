package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBatchesAsWhole: search and tree without a cache read the library in
// batches; with a batch a file (the laws, the seeds, a second copy of a
// seed, an empty file) they print what the cached, whole-library commands
// print — results, IDs, labels, JSON byte for byte — and the same
// warnings.
func TestBatchesAsWhole(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	copies := map[string]string{
		"laws":            "../../corpus/testdata/laws",
		"seeds":           "../../seeds",
		"z/copy-of-a.txt": "../../seeds/guangdong-social-mobility-implementation.txt",
	}
	for dst, src := range copies {
		if err := copyTree(src, filepath.Join(lib, dst)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(lib, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(dir, "cache")
	run := func(batch int64, args ...string) (string, string) {
		var out, errb bytes.Buffer
		code := Run(args, Env{Seeds: os.DirFS("../../seeds"), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, BatchBytes: batch})
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String(), errb.String()
	}
	for _, cmd := range [][]string{
		{"search", "--limit", "15", "落户"}, {"search", "luohu"}, {"search", "--limit", "30", "业"},
		{"search", "--json", "xzcf"}, {"search", "广东 jy"}, {"tree"}, {"--json", "tree"},
	} {
		whole, wholeErr := run(0, append([]string{"--cache-dir", cache, "--corpus", lib}, cmd...)...)
		batched, batchedErr := run(1, append([]string{"--no-cache", "--corpus", lib}, cmd...)...)
		if batched != whole {
			t.Errorf("%v in batches printed\n%.600s\nwhole:\n%.600s", cmd, batched, whole)
		}
		if lines(batchedErr) != lines(wholeErr) || !strings.Contains(batchedErr, "empty.txt") {
			t.Errorf("%v: warnings %q in batches, %q whole", cmd, batchedErr, wholeErr)
		}
		if len(whole) < 200 {
			t.Errorf("%v printed little: %q", cmd, whole)
		}
	}
}

// lines sorts the lines of s, for output whose order may differ.
func lines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

// copyTree copies the file or folder src to dst.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}
