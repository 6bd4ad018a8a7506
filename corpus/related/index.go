// Package related finds, for a clause of one document, the most similar
// clauses of the other documents of a corpus: how a province implemented a
// central clause, or where two plans say the same thing.
//
// Similarity is the cosine of TF-IDF vectors over character bigrams (pairs
// of adjacent Han characters; a lone Han character between punctuation is a
// term of its own) and runs of letters and digits. The index is built once
// per corpus and answers each query through an inverted index, so a query
// touches only the clauses that share a term with it.
//
// Which nodes are compared: Clause, Item and BoxItem nodes always; Part,
// Chapter and Section nodes only when they carry text of their own (an
// introductory paragraph such as 一、总体要求), since a bare heading is too
// short to compare. Box, Table and Paragraph nodes are left out: boxes are
// represented by their items, tables by nothing comparable, and unnumbered
// paragraphs are preambles and notices. A node's vector is its heading,
// counted HeadingWeight times, plus its text; for Clause, Item and BoxItem
// nodes the text of their descendants (the items of a clause) is included,
// so a clause is compared as a whole. A Part, Chapter or Section uses its own
// text only, or it would resemble everything beneath it.
package related

import (
	"context"
	"fmt"
	"math"
	"slices"

	"policyreader/corpus"
)

// HeadingWeight is how many times a heading's terms count against once for
// the text: headings name what a clause is about.
const HeadingWeight = 3

// MinScore is the lowest cosine similarity Related returns. Clauses that
// share only the boilerplate of policy prose (促进, 机制, 建设…) score below
// it; a clause that implements another scores well above (see the tests).
const MinScore = 0.12

// checkEvery is how many nodes Build processes between checks of its context.
const checkEvery = 128

// Index answers Related queries over one corpus. It is immutable once
// built and safe for concurrent use.
type Index struct {
	c     *corpus.Corpus
	v     *vocab
	nodes []*corpus.Node   // indexed nodes in corpus order
	doc   []int32          // document ordinal of each indexed node
	pos   map[string]int32 // node ID → position in nodes
	idf   []float32        // per term
	// vecOff[i]:vecOff[i+1] delimits node i's unit vector in vecTerm/vecW.
	vecOff  []int32
	vecTerm []int32
	vecW    []float32
	// postOff[t]:postOff[t+1] delimits term t's postings in postNode/postW.
	postOff  []int32
	postNode []int32
	postW    []float32
}

// New builds the index of c; it is Build without cancellation.
func New(c *corpus.Corpus) *Index {
	x, _ := Build(context.Background(), c) // a background context is never cancelled
	return x
}

// Build builds the index of c, checking ctx as it goes so that a caller
// (a tea.Cmd off the UI loop) can abandon it; it returns ctx's error, wrapped,
// when cancelled. A nil corpus gives an empty index.
func Build(ctx context.Context, c *corpus.Corpus) (*Index, error) {
	x := &Index{c: c, v: newVocab(), pos: map[string]int32{}}
	if c == nil {
		x.vecOff = []int32{0}
		x.postOff = []int32{0}
		return x, nil
	}
	for di, d := range c.Docs {
		d.Walk(func(n *corpus.Node) bool {
			if indexed(n) {
				x.pos[n.ID] = int32(len(x.nodes))
				x.nodes = append(x.nodes, n)
				x.doc = append(x.doc, int32(di))
			}
			return true
		})
	}

	// Pass 1: raw term counts per node (heading weighted), and document
	// frequencies. seen[t] is 1 + the last node that had term t, slot[t]
	// where its count is, so counting needs no sort and no map.
	counts := make([]float32, 0, 64*len(x.nodes))
	x.vecOff = make([]int32, 1, len(x.nodes)+1)
	var df, seen, slot []int32
	var buf []int32
	for i, n := range x.nodes {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("build related-clause index: %w", err)
			}
		}
		buf = x.terms(buf[:0], n, true)
		if grow := int(x.v.n) - len(df); grow > 0 {
			df = append(df, make([]int32, grow)...)
			seen = append(seen, make([]int32, grow)...)
			slot = append(slot, make([]int32, grow)...)
		}
		stamp := int32(i + 1)
		for _, t := range buf {
			if seen[t] == stamp {
				counts[slot[t]]++
				continue
			}
			seen[t], slot[t] = stamp, int32(len(counts))
			df[t]++
			x.vecTerm = append(x.vecTerm, t)
			counts = append(counts, 1)
		}
		x.vecOff = append(x.vecOff, int32(len(x.vecTerm)))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build related-clause index: %w", err)
	}

	// Inverse document frequency, smoothed; a term in every node weighs 0.
	total := float64(len(x.nodes))
	x.idf = make([]float32, x.v.n)
	for t := range x.idf {
		if t < len(df) && df[t] > 0 {
			x.idf[t] = float32(math.Log((1 + total) / (1 + float64(df[t]))))
		}
	}

	// Pass 2: weights, normalised to unit length, zero weights dropped.
	x.vecW = counts
	w := 0
	start := int32(0)
	for i := range x.nodes {
		end := x.vecOff[i+1]
		var norm float64
		from := w
		for j := start; j < end; j++ {
			t := x.vecTerm[j]
			wt := tfidf(counts[j], x.idf[t])
			if wt == 0 {
				continue
			}
			x.vecTerm[w], x.vecW[w] = t, wt
			norm += float64(wt) * float64(wt)
			w++
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for j := from; j < w; j++ {
				x.vecW[j] *= inv
			}
		}
		start = end
		x.vecOff[i+1] = int32(w)
	}
	x.vecTerm, x.vecW = x.vecTerm[:w:w], x.vecW[:w:w]

	// Pass 3: postings, one flat array delimited per term.
	x.postOff = make([]int32, len(x.idf)+1)
	for _, t := range x.vecTerm {
		x.postOff[t+1]++
	}
	for t := 1; t < len(x.postOff); t++ {
		x.postOff[t] += x.postOff[t-1]
	}
	x.postNode = make([]int32, len(x.vecTerm))
	x.postW = make([]float32, len(x.vecTerm))
	fill := slices.Clone(x.postOff[:len(x.postOff)-1])
	for i := range x.nodes {
		for j := x.vecOff[i]; j < x.vecOff[i+1]; j++ {
			t := x.vecTerm[j]
			p := fill[t]
			x.postNode[p], x.postW[p] = int32(i), x.vecW[j]
			fill[t]++
		}
	}
	return x, nil
}

// Len returns the number of nodes in the index.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.nodes)
}

// Indexed reports whether the node with the given ID is one of the compared
// nodes (see the package comment for which are).
func (x *Index) Indexed(id string) bool {
	if x == nil {
		return false
	}
	_, ok := x.pos[id]
	return ok
}

// indexed reports whether n is compared with other nodes.
func indexed(n *corpus.Node) bool {
	switch {
	case n.Kind.ClauseLike():
		return n.Heading != "" || n.Text != "" || len(n.Children) > 0
	case n.Kind.Division() && n.Kind != corpus.Box:
		return n.Text != ""
	}
	return false
}

// terms appends the term IDs of n's heading (HeadingWeight times) and text
// to dst; clause-like nodes include their descendants' text.
func (x *Index) terms(dst []int32, n *corpus.Node, add bool) []int32 {
	h := len(dst)
	dst = appendTerms(dst, n.Heading, x.v, add)
	hl := len(dst) - h
	for k := 1; k < HeadingWeight; k++ {
		dst = append(dst, dst[h:h+hl]...)
	}
	dst = appendTerms(dst, n.Text, x.v, add)
	if n.Kind.ClauseLike() {
		for _, c := range n.Children {
			c.Walk(func(d *corpus.Node) bool {
				dst = appendTerms(dst, d.Heading, x.v, add)
				dst = appendTerms(dst, d.Text, x.v, add)
				return true
			})
		}
	}
	return dst
}

// tfidf weighs a raw count sub-linearly, so a term repeated ten times does
// not outweigh ten different shared terms.
func tfidf(count, idf float32) float32 {
	if count <= 0 || idf == 0 {
		return 0
	}
	return (1 + float32(math.Log(float64(count)))) * idf
}
