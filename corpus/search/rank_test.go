package search

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func TestTopHitsKeepsTheBest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 200; n += 7 {
		hits := make([]hit, n)
		for i := range hits {
			hits[i] = hit{entry: int32(i), score: r.IntN(5)}
		}
		for _, k := range []int{1, 3, n} {
			if k > n {
				continue
			}
			want := slices.Clone(hits)
			slices.SortFunc(want, compareHits)
			got := topHits(hits, k)
			slices.SortFunc(got, compareHits)
			if !reflect.DeepEqual(got, want[:k]) {
				t.Fatalf("n=%d k=%d: %v, want %v", n, k, got, want[:k])
			}
		}
	}
}

func TestComposeScoreOrdersTheParts(t *testing.T) {
	contiguousBody := composeScore(true, false, 9_999, 0)
	scatteredHeading := composeScore(false, true, 1, 999)
	if contiguousBody <= scatteredHeading {
		t.Errorf("contiguous body %d ≤ scattered heading %d", contiguousBody, scatteredHeading)
	}
	if composeScore(false, true, 9_999, 0) <= composeScore(false, false, 1, 999) {
		t.Error("heading does not beat body")
	}
	if composeScore(true, false, 2, 0) <= composeScore(true, false, 3, 999) {
		t.Error("shorter span does not beat quality")
	}
	if s := composeScore(true, true, 0, 5000); s >= 1<<31-1 {
		t.Errorf("score %d overflows int32", s)
	}
}
