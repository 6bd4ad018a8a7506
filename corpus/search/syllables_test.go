package search

import (
	"slices"
	"testing"

	"policyreader/corpus/search/internal/readings"
)

// TestSyllableTable: the generated table is go-pinyin's readings as the
// module has them (run go generate after upgrading it), and every reading
// of the seeds is in it.
func TestSyllableTable(t *testing.T) {
	if got := readings.Syllables(); !slices.Equal(got, mandarinSyllables[:]) {
		t.Fatalf("syllables_table.go is stale: %d syllables, go-pinyin has %d; run go generate ./corpus/search", len(mandarinSyllables), len(got))
	}
	ix := seedIndex(t)
	for _, rds := range ix.py.list {
		for _, r := range rds {
			if _, ok := slices.BinarySearch(mandarinSyllables[:], r); !ok {
				t.Errorf("reading %q of the seeds is not in the table", r)
			}
		}
	}
}
