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
	"math"
	"sync"
	"sync/atomic"

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
	c *corpus.Corpus
	v *vocab
	// nodes are the indexed nodes in corpus order. In an index read from
	// its stored form (Load) a node is nil until it is first returned:
	// its document is read then (corpus.Document.Load), and checked
	// against ord (see node), so a query reads the documents of its
	// results, not the library. An index from BuildStreamed has none.
	nodes []*corpus.Node
	doc   []int32 // document ordinal of each indexed node
	ord   []int32 // each indexed node's place in its document's Walk
	docOf map[*corpus.Document]int32
	// mu guards nodes and checked while documents are read into a
	// loaded index; bad marks one found not to fit its documents, which
	// then answers nothing.
	mu       sync.Mutex
	checked  []bool   // per document, its nodes found and checked
	hashes   []uint64 // per document, the hash of its nodes' IDs (stored, or BuildStreamed's)
	bad      atomic.Bool
	onDamage func()    // told once when bad is set
	idf      []float32 // per term
	// inv is each node's inverse vector norm: the weight of term t in node
	// n's unit vector is tfidf(count, idf[t]) * inv[n].
	inv []float32
	// post[postOff[t]:postOff[t+1]] are term t's postings: for each node
	// holding t, ascending, the gap from the previous one (the first from
	// -1) and t's count in the node, as uvarints. Weights are recomputed
	// from the count (the same float32 operations as the node's own
	// vector), so a posting takes 2–3 bytes instead of a node and a weight
	// (8); a node's own vector is not kept either: a query recomputes it
	// from the node's text.
	postOff []uint32
	post    []byte
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
	x := &Index{c: c, v: newVocab()}
	if c == nil {
		x.postOff = []uint32{0}
		return x, nil
	}
	x.docOf = make(map[*corpus.Document]int32, len(c.Docs))
	for di, d := range c.Docs {
		x.docOf[d] = int32(di)
	}
	each := func(yield func(d *corpus.Document) bool) error {
		for _, d := range c.Docs {
			if !yield(d) {
				break
			}
		}
		return nil
	}
	if err := x.build(ctx, each, true); err != nil {
		return nil, err
	}
	return x, nil
}

// BuildStreamed builds the index of the corpus whose documents each
// yields, in corpus order, once per pass of the build (twice; each stops
// when yield returns false), without holding them: a document may be let
// go once yielded — decoded apart from a mapped file, its pages given
// back — for the index keeps none of it. Such an index has no corpus to
// answer queries from: it is for WriteBinary, whose stored form equals
// Build's over those documents, to be loaded over the corpus (Load). An
// error from each is returned wrapped, and so is ctx's when cancelled;
// documents that differ from one pass to the next fail the build.
func BuildStreamed(ctx context.Context, each func(yield func(d *corpus.Document) bool) error) (*Index, error) {
	x := &Index{v: newVocab()}
	if err := x.build(ctx, each, false); err != nil {
		return nil, err
	}
	return x, nil
}

// uvarintLen is the length of v as a uvarint.
func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// vectorBuf is the scratch space of counts and vector, reused node after
// node.
type vectorBuf struct {
	raw, terms, seen, slot []int32
	counts, weights        []float32
}

// counts returns n's terms in the order they first occur and how many
// times each occurs (valid until the next call with vb). With add, new
// terms join the vocabulary (building); otherwise unknown terms are
// skipped (they match nothing).
func (x *Index) counts(vb *vectorBuf, n *corpus.Node, add bool) ([]int32, []float32) {
	vb.raw = x.terms(vb.raw[:0], n, add)
	if grow := int(x.v.n) - len(vb.seen); grow > 0 {
		vb.seen = append(vb.seen, make([]int32, grow)...)
		vb.slot = append(vb.slot, make([]int32, grow)...)
	}
	// seen[t] marks t as met in this call; the marks are all cleared
	// before the next.
	vb.terms, vb.counts = vb.terms[:0], vb.counts[:0]
	for _, t := range vb.raw {
		if vb.seen[t] != 0 {
			vb.counts[vb.slot[t]]++
			continue
		}
		vb.seen[t], vb.slot[t] = 1, int32(len(vb.terms))
		vb.terms = append(vb.terms, t)
		vb.counts = append(vb.counts, 1)
	}
	for _, t := range vb.terms {
		vb.seen[t] = 0
	}
	return vb.terms, vb.counts
}

// invNorm returns the inverse norm of the TF-IDF vector of these term
// counts (0 for a vector of zero weights).
func (x *Index) invNorm(terms []int32, counts []float32) float32 {
	var norm float64
	for j, t := range terms {
		wt := tfidf(counts[j], x.idf[t])
		norm += float64(wt) * float64(wt)
	}
	if norm == 0 {
		return 0
	}
	return float32(1 / math.Sqrt(norm))
}

// vector returns n's unit TF-IDF vector as parallel term and weight
// slices (valid until the next call with vb), terms in the order they
// first occur, zero weights left out. Every term of an indexed node is in
// the vocabulary; unknown terms of another node are skipped (they match
// nothing).
func (x *Index) vector(vb *vectorBuf, n *corpus.Node) ([]int32, []float32) {
	terms, counts := x.counts(vb, n, false)
	inv := x.invNorm(terms, counts)
	vb.weights = vb.weights[:0]
	w := 0
	for j, t := range terms {
		wt := tfidf(counts[j], x.idf[t])
		if wt == 0 {
			continue
		}
		terms[w] = t
		vb.weights = append(vb.weights, wt*inv)
		w++
	}
	return terms[:w], vb.weights
}

// Len returns the number of nodes in the index.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.doc)
}

// Indexed reports whether the node with the given ID is one of the compared
// nodes (see the package comment for which are); a stored index found
// not to fit its documents holds none.
func (x *Index) Indexed(id string) bool {
	if x == nil {
		return false
	}
	if x.c == nil || x.bad.Load() {
		return false
	}
	n, ok := x.c.Node(id)
	return ok && indexed(n)
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
	if c := int(count); float32(c) == count && c < len(logCounts) {
		return (1 + logCounts[c]) * idf
	}
	return (1 + float32(math.Log(float64(count)))) * idf
}

// logCounts holds float32(ln c) for the small counts nearly every term
// has, so weighing a posting takes no logarithm; the values are those
// math.Log gives, so weights are the same either way.
var logCounts = func() (t [64]float32) {
	for c := 1; c < len(t); c++ {
		t[c] = float32(math.Log(float64(c)))
	}
	return t
}()
