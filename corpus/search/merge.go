package search

import (
	"cmp"
	"slices"
)

// Merge combines the results of one query searched on consecutive parts of
// a library — an index of each part, the parts in library order — into
// what Search gives on an index of the whole: up to limit results (all
// when limit <= 0), best first, ties in library order. Every part of a
// score is a property of its own node and document, so the best of the
// whole are the best of the parts' bests: a command can search a library a
// batch at a time and keep only limit results of each.
func Merge(query string, parts [][]Result, limit int) []Result {
	type ranked struct {
		r          Result
		part, rank int
	}
	var all []ranked
	for p, rs := range parts {
		for i, r := range rs {
			all = append(all, ranked{r, p, i})
		}
	}
	// A one-character query lists numbers, then headings, then texts,
	// each in library order; numbers and headings share their score.
	q := parseQuery(joinSyllables(query))
	byField := len(q.terms) == 1 && len(q.terms[0].runes) == 1
	slices.SortFunc(all, func(a, b ranked) int {
		if c := cmp.Compare(b.r.Score, a.r.Score); c != 0 {
			return c
		}
		if byField {
			if c := cmp.Compare(fieldRank(a.r.Field), fieldRank(b.r.Field)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(a.part, b.part); c != 0 {
			return c
		}
		return cmp.Compare(a.rank, b.rank)
	})
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	out := make([]Result, len(all))
	for i, x := range all {
		out[i] = x.r
	}
	return out
}

// fieldRank is the order searchRune lists fields in.
func fieldRank(f string) int {
	switch f {
	case FieldNumber:
		return 0
	case FieldHeading:
		return 1
	}
	return 2
}
