package search

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"policyreader/corpus"
	"policyreader/corpus/internal/stored"
)

// walkedNode is what an index built by WriteStreamed keeps of a node
// instead of the node: what the stored node table holds of it.
type walkedNode struct {
	number, heading string
	textLen         int
}

// WriteStreamed writes to out what New(c).WriteBinary would for the
// corpus c of the documents each yields, in corpus order, without
// holding the documents or the whole index at once.
//
// Each document is let go once walked: the index keeps only strings of
// it — its label, and its nodes' numbers, headings and texts — which must
// stay readable and unchanged until WriteStreamed returns (documents
// decoded from a mapped file). The texts are then read once to count,
// and the index built and written in two parts of a pass over them each
// — what the pinyin matcher reads (letter masks, pair bitmaps, skeleton
// codes), then the posting lists — each part's arrays let go once
// written, so the build holds the larger part, not both. behind, when
// set, is told — from the goroutine of part (0 or 1) of each pass — of
// each text that part has passed, in corpus order, so the caller can
// give back the pages behind it. A collection runs after the walk and
// after each part, so the next part's arrays take the place of the
// last's instead of piling on them until the collector's next turn. out
// must be at an 8-byte aligned offset of the stored form's destination.
// An error from each is returned wrapped, and so is ctx's when it is
// cancelled — checked as the documents are walked, after the count and
// between the parts; a write that fails stops it before the next part
// too. Nothing sensible has then been written.
func WriteStreamed(ctx context.Context, out io.Writer, each func(yield func(*corpus.Document) bool) error, behind func(part int, text string)) error {
	ix := &Index{py: newReadingTable(), streamed: true}
	walk := func(d *corpus.Document) bool {
		ix.addDoc(d)
		return ctx.Err() == nil
	}
	if err := each(walk); err != nil {
		return fmt.Errorf("walk the documents: %w", err)
	}
	if err := stopped(ctx); err != nil {
		return err
	}
	runtime.GC()
	ix.stopDF = max(minStopDF, int(stopShare*float64(len(ix.entries))))
	ix.behind = behind
	counts := ix.countAll()
	if err := stopped(ctx); err != nil {
		return err
	}
	ix.addReadings(counts)
	plan := planPostings(counts[0], counts[1], ix.stopDF, nil)
	sh := plan.shape()
	ix.skel = ix.newSkeleton(counts)

	w := stored.Writer{W: out}
	ix.writeHead(&w, sh)
	// between ends a part: its arrays collected, and the write stopped
	// if it failed or ctx was cancelled.
	between := func() error {
		runtime.GC()
		if w.Err != nil {
			return w.Err
		}
		return stopped(ctx)
	}

	n := len(ix.entries)
	ix.letters, ix.pairs = make([]uint64, n), make([]uint64, pairCount*pairStride(n))
	ix.skel.allocCodes()
	ix.fillAll(nil)
	ix.writeMasks(&w)
	// Large sections went straight to out.
	ix.letters, ix.pairs, ix.skel.codes = nil, nil, nil
	if err := between(); err != nil {
		return err
	}

	ix.post = plan.alloc()
	ix.fillAll(counts[0])
	ix.writePostings(&w, sh)
	ix.post = postings{}
	if err := between(); err != nil {
		return err
	}

	ix.writeNodeTable(&w)
	w.Flush()
	return w.Err
}

// stopped wraps ctx's error, if any: WriteStreamed checks it between its
// walk and its parts, whose passes run to their end.
func stopped(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write the search index: %w", err)
	}
	return nil
}

// addDoc appends document d's label, then its nodes and their entries in
// document order.
func (ix *Index) addDoc(d *corpus.Document) {
	di := int32(len(ix.labels))
	ix.labels = append(ix.labels, d.Label())
	var add func(n *corpus.Node, parent int32)
	add = func(n *corpus.Node, parent int32) {
		ni := ix.addNode(n, parent, di)
		for _, ch := range n.Children {
			add(ch, ni)
		}
	}
	for _, n := range d.TopLevel() {
		add(n, -1)
	}
}
