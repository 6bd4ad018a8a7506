package search

import (
	"bytes"
	"sync"
	"testing"
	"unsafe"

	"policyreader/corpus"
)

// TestNewReleasing: the build that tells of the texts it has passed is
// New's index, and tells of every node's text once per pass (twice), so
// a caller may give back what lies behind.
func TestNewReleasing(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds", "../testdata/laws"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var mu sync.Mutex
	told := map[*byte]int{}
	ix := NewReleasing(c, func(part int, text string) {
		if part != 0 && part != 1 {
			t.Errorf("told of part %d", part)
		}
		mu.Lock()
		told[unsafe.StringData(text)]++
		mu.Unlock()
	})
	texts := 0
	c.Nodes(func(n *corpus.Node) bool {
		if n.Text != "" {
			texts++
			if got := told[unsafe.StringData(n.Text)]; got < 2 {
				t.Errorf("%s: told of its text %d times, want once per pass", n.ID, got)
			}
		}
		return true
	})
	if texts == 0 {
		t.Fatal("no texts: the check proves little")
	}
	if !bytes.Equal(ix.AppendBinary(nil), New(c).AppendBinary(nil)) {
		t.Error("the index built releasing is not New's")
	}
	if ix.behind != nil {
		t.Error("the index keeps its build's hook")
	}
}
