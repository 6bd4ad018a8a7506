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
	contiguousBody := composeScore(true, maxMisfit, false, 9_999, 0)
	scatteredHeading := composeScore(false, 0, true, 1, 999)
	if contiguousBody <= scatteredHeading {
		t.Errorf("contiguous body %d ≤ scattered heading %d", contiguousBody, scatteredHeading)
	}
	if composeScore(true, 0, false, 9_999, 0) <= composeScore(true, 1, false, 1, 999) {
		t.Error("a plain spelling does not beat a looser one")
	}
	if composeScore(true, maxMisfit, true, 9_999, 0) < scoreTop || composeScore(true, 0, false, 1, 999) >= scoreTop {
		t.Error("the top tier is not the contiguous headings")
	}
	if composeScore(false, 0, true, 9_999, 0) <= composeScore(false, 0, false, 1, 999) {
		t.Error("heading does not beat body")
	}
	if composeScore(false, 0, false, 5, 0) != composeScore(false, 3, false, 5, 0) {
		t.Error("misfit counts for a scattered match")
	}
	if composeScore(true, 0, false, 2, 0) <= composeScore(true, 0, false, 3, 999) {
		t.Error("shorter span does not beat quality")
	}
	if s := composeScore(true, -1, true, 0, 5000); s >= 1<<31-1 || s != scoreTop+maxMisfit*scoreFitUnit+maxSpanScore*scoreSpanUnit-scoreSpanUnit+999 {
		t.Errorf("score %d: overflows int32 or is not the top", s)
	}
	for _, c := range []struct {
		contiguous, heading bool
		misfit, span, q     int
	}{{true, true, 0, 2, 10}, {true, false, 4, 9, 999}, {false, true, 0, 1, 0}} {
		s := composeScore(c.contiguous, c.misfit, c.heading, c.span, c.q)
		if b := broken(s); b != composeScore(false, 0, c.heading, c.span, c.q) {
			t.Errorf("broken(%d) = %d, want the score without contiguity", s, b)
		}
	}
}
