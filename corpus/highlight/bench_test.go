package highlight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkFindPlan runs Find over the whole five-year plan at once.
func BenchmarkFindPlan(b *testing.B) {
	text := readSeed(b, planSeed)
	Find("") // build the default highlighter outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

// BenchmarkNew measures compiling the embedded gazetteer.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindNoPunctuation runs Find over 100,000 runes of quantities with
// no punctuation, the worst case for looking back for a clause start.
func BenchmarkFindNoPunctuation(b *testing.B) {
	text := strings.Repeat("建设1个", 25000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

// BenchmarkFindSeeds highlights every line of the five seeds, as loading
// them does: the whole cost highlighting adds to opening the reader.
func BenchmarkFindSeeds(b *testing.B) {
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) != 5 {
		b.Fatalf("seeds: %v %v", paths, err)
	}
	var lines []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Find(l)
		}
	}
}
