package corpus

import (
	"bytes"
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

// BenchmarkParseLaws parses the 95 laws of testdata/laws from memory, all
// of them per iteration: the target is well under 150 ms in total.
func BenchmarkParseLaws(b *testing.B) {
	paths, err := filepath.Glob("testdata/laws/*.md")
	if err != nil || len(paths) < 95 {
		b.Fatalf("laws: %d files, %v", len(paths), err)
	}
	var files [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			if _, err := ParseBytes(paths[i], data); err != nil {
				b.Fatal(err)
			}
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

// BenchmarkParseSingle10MB parses one 10 MB file of the complete seeds
// repeated (the excerpts would end the document at their trailer).
func BenchmarkParseSingle10MB(b *testing.B) {
	entries, _ := os.ReadDir(seedDir)
	var buf bytes.Buffer
	for buf.Len() < 10<<20 {
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(seedDir, e.Name()))
			if bytes.Contains(data, []byte("预览已结束")) {
				continue // an excerpt trailer would end the document there
			}
			buf.Write(data)
			buf.WriteString("\n")
		}
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ParseBytes("big.txt", buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseUnpunctuated measures a pathological file: 200,000 short
// lines that never end a sentence, so each continues the paragraph before.
func BenchmarkParseUnpunctuated(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("一、总体要求\n（一）指导思想\n")
	for buf.Len() < 4<<20 {
		buf.WriteString("促进劳动力和人才社会性流动\n\n")
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ParseBytes("unpunctuated.txt", buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
