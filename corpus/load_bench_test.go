package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// syntheticFolder writes n files of about size bytes each, made of the
// seeds' text repeated, and returns the folder.
func syntheticFolder(tb testing.TB, n, size int) string {
	tb.Helper()
	entries, err := os.ReadDir(seedDir)
	if err != nil {
		tb.Fatal(err)
	}
	var seeds [][]byte
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	dir := tb.TempDir()
	for i := range n {
		var buf bytes.Buffer
		for buf.Len() < size {
			buf.Write(seeds[(i+buf.Len())%len(seeds)])
			buf.WriteString("\n")
		}
		name := filepath.Join(dir, fmt.Sprintf("doc-%03d.txt", i))
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// peakRSS reads the process's peak resident set (VmHWM) in MiB, or 0.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkLoadFolder10MB loads a synthetic 10 MB folder of 100 files.
func BenchmarkLoadFolder10MB(b *testing.B) {
	dir := syntheticFolder(b, 100, 100<<10)
	b.SetBytes(100 * 100 << 10)
	b.ReportAllocs()
	var docs int
	for b.Loop() {
		c, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		docs = len(c.Docs)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(docs), "docs")
	b.ReportMetric(peakRSS(), "peak-RSS-MiB")
}

func TestLoadFolderParallelKeepsOrder(t *testing.T) {
	dir := syntheticFolder(t, 12, 8<<10)
	var calls atomic.Int64
	c, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{Workers: 4, Progress: func(done, total int) {
		if total != 12 || done < 1 || done > total {
			t.Errorf("progress %d/%d", done, total)
		}
		calls.Add(1)
	}})
	if len(errs) > 0 || len(c.Docs) != 12 {
		t.Fatalf("docs %d, errs %v", len(c.Docs), errs)
	}
	for i, d := range c.Docs {
		if want := fmt.Sprintf("doc-%03d", i); d.ID != want {
			t.Errorf("doc %d has ID %s, want %s", i, d.ID, want)
		}
	}
	if calls.Load() != 12 {
		t.Errorf("progress called %d times, want 12", calls.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c, errs = LoadPathsContext(ctx, []string{dir}, LoadOptions{})
	if len(c.Docs) != 0 || len(errs) != 12 {
		t.Errorf("cancelled load: %d docs, %d errors", len(c.Docs), len(errs))
	}
}

func TestLoadRefusesHugeFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "huge.txt")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the size check must refuse it before reading.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, errs := LoadPaths([]string{name})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "too large") {
		t.Errorf("errs = %v", errs)
	}
}

// mixedFolder copies the real fixtures of every format — saved web pages,
// Word and PDF files, markdown laws, plain-text seeds — into a folder
// until each format holds about a fifth of size bytes.
func mixedFolder(tb testing.TB, size int) (dir string, total int) {
	tb.Helper()
	var sets [][]string
	for _, pattern := range []string{"testdata/govcn-html/*.html", "testdata/office/*.docx", "testdata/office/*.pdf", "testdata/laws/*.md", seedDir + "/*.txt"} {
		paths, err := filepath.Glob(pattern)
		if err != nil || len(paths) == 0 {
			tb.Fatalf("%s: %v", pattern, err)
		}
		sets = append(sets, paths)
	}
	dir = tb.TempDir()
	for si, paths := range sets {
		for i, n := 0, 0; n < size/len(sets); i++ {
			p := paths[i%len(paths)]
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%d-%04d%s", si, i, filepath.Ext(p)))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				tb.Fatal(err)
			}
			n += len(data)
			total += len(data)
		}
	}
	return dir, total
}

// BenchmarkLoadMixed10MB loads 10 MB of mixed formats (run it alone for a
// meaningful peak-RSS figure: go test -run XXX -bench LoadMixed ./corpus).
func BenchmarkLoadMixed10MB(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext is not installed")
	}
	dir, total := mixedFolder(b, 10<<20)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var docs int
	for b.Loop() {
		c, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		docs = len(c.Docs)
	}
	b.ReportMetric(float64(docs), "docs")
	b.ReportMetric(peakRSS(), "peak-RSS-MiB")
}
