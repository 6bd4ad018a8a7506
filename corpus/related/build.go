package related

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"policyreader/corpus"
)

// build fills x in two passes over the documents each yields; keep says
// to keep the indexed nodes (an index that answers queries) rather than
// the documents' hashes (one that is only stored).
func (x *Index) build(ctx context.Context, each func(yield func(d *corpus.Document) bool) error, keep bool) error {
	b := &builder{x: x, ctx: ctx, each: each, keep: keep}
	if err := b.count(); err != nil {
		return err
	}
	if err := b.weigh(); err != nil {
		return err
	}
	return b.post()
}

// builder is the state of one build: the first pass's counts per term,
// reused as the second pass's cursors.
type builder struct {
	x    *Index
	ctx  context.Context
	each func(yield func(d *corpus.Document) bool) error
	keep bool
	docs int32 // documents the first pass met
	// per term: the nodes holding it, the last node that did, and the
	// bytes of its postings.
	df, last, size []int32
	vb             vectorBuf
}

// errChanged fails a build whose documents differed between its passes.
var errChanged = errors.New("build related-clause index: the documents changed between its passes")

// pass calls onDoc (when set) for every document, di its place, and fn
// for every indexed node — i its place in the index, di its document's,
// ord its place in its document's Walk — stopping at the first error,
// onDoc's, fn's, each's or the context's; it returns the number of
// documents passed.
func (b *builder) pass(onDoc func(d *corpus.Document, di int32) error, fn func(i int, n *corpus.Node, di, ord int32) error) (int32, error) {
	i, di := 0, int32(0)
	var failed error
	err := b.each(func(d *corpus.Document) bool {
		if onDoc != nil {
			if failed = onDoc(d, di); failed != nil {
				return false
			}
		}
		ord := int32(0)
		d.Walk(func(n *corpus.Node) bool {
			if indexed(n) {
				if failed = b.cancelled(i); failed == nil {
					failed = fn(i, n, di, ord)
				}
				i++
			}
			ord++
			return failed == nil
		})
		di++
		return failed == nil
	})
	if err != nil {
		return di, fmt.Errorf("build related-clause index: %w", err)
	}
	return di, failed
}

// cancelled returns the context's error, wrapped, every checkEvery nodes.
func (b *builder) cancelled(i int) error {
	if i%checkEvery == 0 {
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("build related-clause index: %w", err)
		}
	}
	return nil
}

// count is the first pass: where the nodes are, document frequencies,
// and each term's postings' size; the documents' hashes unless the build
// keeps the nodes.
func (b *builder) count() error {
	x := b.x
	var onDoc func(d *corpus.Document, di int32) error
	if !b.keep {
		onDoc = func(d *corpus.Document, di int32) error {
			x.hashes = append(x.hashes, docHash(d))
			return nil
		}
	}
	docs, err := b.pass(onDoc, func(i int, n *corpus.Node, di, ord int32) error {
		if b.keep {
			x.nodes = append(x.nodes, n)
		}
		x.doc = append(x.doc, di)
		x.ord = append(x.ord, ord)
		terms, counts := x.counts(&b.vb, n, true)
		if grow := int(x.v.n) - len(b.df); grow > 0 {
			b.df = append(b.df, make([]int32, grow)...)
			b.last = append(b.last, slices.Repeat([]int32{-1}, grow)...)
			b.size = append(b.size, make([]int32, grow)...)
		}
		for j, t := range terms {
			b.df[t]++
			b.size[t] += int32(uvarintLen(uint64(int32(i)-b.last[t])) + uvarintLen(uint64(counts[j])))
			b.last[t] = int32(i)
		}
		return nil
	})
	b.docs = docs
	if err != nil {
		return err
	}
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("build related-clause index: %w", err)
	}
	return nil
}

// weigh gives every term its inverse document frequency, smoothed — a
// term in every node weighs 0 and gets no postings — and lays out the
// postings.
func (b *builder) weigh() error {
	x := b.x
	total := float64(len(x.doc))
	x.idf = make([]float32, x.v.n)
	x.postOff = make([]uint32, len(x.idf)+1)
	var bytes uint64
	for t := range x.idf {
		if t < len(b.df) && b.df[t] > 0 {
			x.idf[t] = float32(math.Log((1 + total) / (1 + float64(b.df[t]))))
		}
		if x.idf[t] != 0 {
			bytes += uint64(b.size[t])
		}
		if bytes > math.MaxUint32 {
			return fmt.Errorf("build related-clause index: over 4 GiB of postings")
		}
		x.postOff[t+1] = uint32(bytes)
	}
	return nil
}

// post is the second pass: each node's postings, written at their terms'
// cursors (nodes in order, so every list is ascending), and its inverse
// norm. The documents must be the first pass's: the same hashes, nodes
// and terms, or the build fails with errChanged.
func (b *builder) post() error {
	x := b.x
	nodes := len(x.doc)
	x.post = make([]byte, x.postOff[len(x.postOff)-1])
	x.inv = make([]float32, nodes)
	fill := slices.Clone(x.postOff[:len(x.postOff)-1])
	last := b.last
	for t := range last {
		last[t] = -1
	}
	var onDoc func(d *corpus.Document, di int32) error
	if !b.keep {
		onDoc = func(d *corpus.Document, di int32) error {
			if int(di) >= len(x.hashes) || docHash(d) != x.hashes[di] {
				return errChanged
			}
			return nil
		}
	}
	docs, err := b.pass(onDoc, func(i int, n *corpus.Node, di, ord int32) error {
		if i >= nodes || x.doc[i] != di || x.ord[i] != ord {
			return errChanged
		}
		terms, counts := x.counts(&b.vb, n, false)
		x.inv[i] = x.invNorm(terms, counts)
		for j, t := range terms {
			if x.idf[t] == 0 {
				continue
			}
			gap, count := uint64(int32(i)-last[t]), uint64(counts[j])
			p := fill[t]
			if int(p)+uvarintLen(gap)+uvarintLen(count) > int(x.postOff[t+1]) {
				return errChanged
			}
			p += uint32(binary.PutUvarint(x.post[p:], gap))
			p += uint32(binary.PutUvarint(x.post[p:], count))
			fill[t], last[t] = p, int32(i)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if docs != b.docs {
		return errChanged
	}
	for t, p := range fill {
		if p != x.postOff[t+1] {
			return errChanged
		}
	}
	return nil
}
