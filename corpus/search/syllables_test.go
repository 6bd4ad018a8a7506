package search

import (
	"slices"
	"testing"
)

// TestSyllableTable: the syllables a query may be typed apart in are
// Mandarin's (from go-pinyin's table, as package hanzi holds it), and
// every reading of the seeds is one of them.
func TestSyllableTable(t *testing.T) {
	if len(mandarinSyllables) < 390 || !slices.IsSorted(mandarinSyllables) {
		t.Fatalf("%d syllables, sorted: %v", len(mandarinSyllables), slices.IsSorted(mandarinSyllables))
	}
	for _, s := range []string{"a", "zhuang", "lv", "lve", "er", "xian"} {
		if _, ok := slices.BinarySearch(mandarinSyllables, s); !ok {
			t.Errorf("%q is not a syllable", s)
		}
	}
	ix := seedIndex(t)
	for _, rds := range ix.py.list {
		for _, r := range rds {
			if _, ok := slices.BinarySearch(mandarinSyllables, r); !ok {
				t.Errorf("reading %q of the seeds is not in the table", r)
			}
		}
	}
}
