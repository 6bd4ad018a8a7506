package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkParseFiveYearPlan(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(seedDir, "guangdong-hrss-2021-14th-five-year-plan.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseBytes("plan.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadSeeds(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := LoadFS(os.DirFS(seedDir)); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
