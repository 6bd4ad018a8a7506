package search

import (
	"context"
	"reflect"
	"sync"
	"testing"
)

// TestScratchReused: searches that reuse each other's buffers, one after
// another and at once, give what each gives on an index of its own, and
// a result kept from one search is not changed by the next.
func TestScratchReused(t *testing.T) {
	c := lawsAndSeeds(t)
	queries := []string{"jy", "luohu", "就业 lh", "lh", "落户", "jyyx"}
	want := map[string][]Result{}
	for _, q := range queries {
		want[q] = search(t, New(c), q, 30)
		if len(want[q]) == 0 {
			t.Fatalf("%s: no results", q)
		}
	}
	ix := New(c)
	kept := search(t, ix, queries[0], 30)
	for _, q := range queries {
		if got := search(t, ix, q, 30); !reflect.DeepEqual(got, want[q]) {
			t.Errorf("%s after other searches: results differ", q)
		}
	}
	if !reflect.DeepEqual(kept, want[queries[0]]) {
		t.Error("a result kept was changed by the searches after it")
	}
	var wg sync.WaitGroup
	for range 3 {
		for _, q := range queries {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := ix.Search(context.Background(), q, 30)
				if err != nil || !reflect.DeepEqual(got, want[q]) {
					t.Errorf("%s at once with others: results differ (%v)", q, err)
				}
			}()
		}
	}
	wg.Wait()
}
