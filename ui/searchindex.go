package ui

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"policyreader/corpus"

	"github.com/sahilm/fuzzy"
)

// searchHit is one search result, shaped like corpus/search.Result.
type searchHit struct {
	Node *corpus.Node
	// Field is "heading" or "text".
	Field string
	// Matched are rune positions in the field.
	Matched []int
	// Snippet is a short excerpt of the field around the match, and
	// SnippetMatched the matched rune positions in it.
	Snippet        string
	SnippetMatched []int
}

// searchFunc runs one query; it must honour ctx cancellation.
type searchFunc func(ctx context.Context, query string, limit int) ([]searchHit, error)

// headingIndex is the stop-gap search used until corpus/search lands:
// sahilm/fuzzy over node titles, then exact substring matches in text.
type headingIndex struct {
	nodes  []*corpus.Node
	titles []string
}

func newHeadingIndex(c *corpus.Corpus) *headingIndex {
	ix := &headingIndex{}
	c.Nodes(func(n *corpus.Node) bool {
		ix.nodes = append(ix.nodes, n)
		ix.titles = append(ix.titles, n.Heading)
		return true
	})
	return ix
}

// runeIndexes converts fuzzy's byte offsets into rune positions in s.
func runeIndexes(s string, byteIdx []int) []int {
	out := make([]int, 0, len(byteIdx))
	for _, i := range byteIdx {
		if i >= 0 && i <= len(s) {
			out = append(out, utf8.RuneCountInString(s[:i]))
		}
	}
	return out
}

// Search returns heading matches (best first) followed by text matches.
func (ix *headingIndex) Search(ctx context.Context, query string, limit int) ([]searchHit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	var hits []searchHit
	seen := map[*corpus.Node]bool{}
	for _, m := range fuzzy.Find(query, ix.titles) {
		n := ix.nodes[m.Index]
		if n.Heading == "" {
			continue
		}
		hits = append(hits, searchHit{Node: n, Field: "heading", Matched: runeIndexes(m.Str, m.MatchedIndexes)})
		seen[n] = true
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	qn := utf8.RuneCountInString(query)
	var text []searchHit
	for _, n := range ix.nodes {
		if seen[n] {
			continue
		}
		i := strings.Index(n.Text, query)
		if i < 0 {
			continue
		}
		at := utf8.RuneCountInString(n.Text[:i])
		matched := make([]int, qn)
		for k := range matched {
			matched[k] = at + k
		}
		text = append(text, searchHit{Node: n, Field: "text", Matched: matched})
	}
	sort.SliceStable(text, func(a, b int) bool { return len(text[a].Node.Text) < len(text[b].Node.Text) })
	hits = append(hits, text...)
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	for i := range hits {
		hits[i].Snippet, hits[i].SnippetMatched = snippet(hits[i])
	}
	return hits, ctx.Err()
}

// snippet cuts the matched field to a window around the first match.
func snippet(h searchHit) (string, []int) {
	field := []rune(h.Node.Heading)
	if h.Field == "text" {
		field = []rune(h.Node.Text)
	}
	if len(h.Matched) == 0 {
		return string(field[:min(len(field), 60)]), nil
	}
	from := max(h.Matched[0]-10, 0)
	to := min(from+80, len(field))
	var m []int
	for _, p := range h.Matched {
		if p >= from && p < to {
			m = append(m, p-from)
		}
	}
	prefix := ""
	if from > 0 {
		prefix = "…"
		for i := range m {
			m[i]++
		}
	}
	return prefix + string(field[from:to]), m
}
