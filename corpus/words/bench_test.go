package words

import (
	"os"
	"testing"
)

// windowsOf returns the 17-rune windows every 23 runes of the five-year
// plan among the seeds: what search cuts around its matches.
func windowsOf(b *testing.B) []string {
	data, err := os.ReadFile("../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")
	if err != nil {
		b.Fatal(err)
	}
	rs := []rune(string(data))
	var out []string
	for i := 0; i+17 <= len(rs) && len(out) < 1000; i += 23 {
		out = append(out, string(rs[i:i+17]))
	}
	return out
}

// BenchmarkCutWindow cuts 17-rune windows with a Dictionary, and with
// gse's whole dictionary for comparison.
func BenchmarkCutWindow(b *testing.B) {
	ws := windowsOf(b)
	d, err := NewDictionary()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("dictionary", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			d.Cut(ws[i%len(ws)])
		}
	})
	s, err := loadWhole()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("gse", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			s.Cut(ws[i%len(ws)])
		}
	})
}

// BenchmarkNewDictionary reads the embedded list.
func BenchmarkNewDictionary(b *testing.B) {
	for b.Loop() {
		if _, err := NewDictionary(); err != nil {
			b.Fatal(err)
		}
	}
}
