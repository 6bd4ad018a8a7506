package search

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unsafe"

	"policyreader/corpus"
	"policyreader/corpus/internal/stored"
)

// The stored form of an index, for the persistent cache. Everything the
// build computes from the text is stored as the arrays it sits in memory
// as — rune counts, fold kinds, letter and pair masks, posting lists,
// skeleton codes — each section 8-byte aligned, so Load points the index's
// slices into the buffer and copies none of them. What is cheap to
// recompute from the corpus (the entries' strings, nodes, parents,
// labels) is recomputed by walking it, and must agree in every count.
//
// The buffer holds native-endian numbers: a buffer written on a machine of
// the other byte order is refused, like one of another version.

// persistVersion changes whenever the stored form or the index's build
// changes what it stores.
const persistVersion = 6

const (
	persistMagic = "PRINDEX\x00"
	endianMark   = 0x01020304
)

// ErrStored reports a stored index that cannot be used for a corpus: of
// another version or byte order, damaged, or built over other documents.
var ErrStored = errors.New("stored search index unusable")

// AppendBinary appends the stored form of ix to dst, whose length must be
// a multiple of 8 (sections are aligned relative to the buffer's start).
// An index built for one query (NewForQuery) is not complete: it appends
// nothing, which Load refuses.
func (ix *Index) AppendBinary(dst []byte) []byte {
	if ix.only != nil {
		return dst
	}
	w := stored.Writer{Buf: dst}
	ix.writeBinary(&w)
	return w.Buf
}

// WriteBinary writes what AppendBinary appends to out, its large arrays
// straight from the index, so storing an index does not first copy it
// whole. out must be at an 8-byte aligned offset of the stored form's
// destination. An index built for one query writes nothing.
func (ix *Index) WriteBinary(out io.Writer) error {
	if ix.only != nil {
		return nil
	}
	w := stored.Writer{W: out}
	ix.writeBinary(&w)
	w.Flush()
	return w.Err
}

// writeBinary writes the stored form through w.
func (ix *Index) writeBinary(w *stored.Writer) {
	sh := ix.post.shape()
	ix.writeHead(w, sh)
	ix.writeMasks(w)
	ix.writePostings(w, sh)
	ix.writeNodeTable(w)
}

// The stored form is written in four parts, in this order, so that
// WriteStreamed can build the arrays of the second and the third in a
// pass over the texts each, write them and let them go before it builds
// the next.

// writeHead writes the stored form's header — its counts, the posting
// lists' among them (sh) — and the entries' rune counts and fold kinds.
func (ix *Index) writeHead(w *stored.Writer, sh postingShape) {
	w.Raw([]byte(persistMagic))
	w.U32(persistVersion)
	w.U32(endianMark)
	n := len(ix.entries)
	w.U64(uint64(n), uint64(len(ix.parent)), uint64(ix.stopDF), uint64(ix.skel.ncodes()),
		uint64(len(ix.py.list)), uint64(len(sh.lists)/2), uint64(len(sh.stops)), uint64(sh.total))
	runes := make([]int32, n)
	meta := make([]byte, n)
	for i, en := range ix.entries {
		runes[i] = en.runes
		meta[i] = en.fold
		if en.valid {
			meta[i] |= 0x80
		}
	}
	w.Section(stored.AsBytes(runes))
	w.Section(meta)
}

// writeMasks writes what the pinyin matcher reads: the letter masks, the
// pair bitmaps, the skeleton's codes and tables, and the reading table.
func (ix *Index) writeMasks(w *stored.Writer) {
	w.Section(stored.AsBytes(ix.letters))
	w.Section(stored.AsBytes(ix.pairs))
	w.Section(ix.skel.codes)
	w.Section(stored.AsBytes(ix.skel.masks[:]))
	w.Section(ix.skel.maskIdx)
	// The reading table, id by id (id 0 is "no reading").
	for id := 1; id < len(ix.py.list); id++ {
		w.U32(uint32(ix.py.runeOf[id]))
		w.Buf = append(w.Buf, byte(len(ix.py.list[id])))
		for _, s := range ix.py.list[id] {
			w.Buf = append(w.Buf, byte(len(s)))
			w.Buf = append(w.Buf, s...)
		}
	}
}

// writePostings writes the stopped runes, the lists' shape (sh) and the
// lists themselves in that order.
func (ix *Index) writePostings(w *stored.Writer, sh postingShape) {
	w.Section(stored.AsBytes(sh.stops))
	w.Section(stored.AsBytes(sh.lists))
	for i := 0; i < len(sh.lists); i += 2 {
		w.Raw(stored.AsBytes(ix.post.get(sh.lists[i])))
	}
	w.Align()
}

// OnDamage sets fn to be called once when a search of an index from Load
// finds part of it damaged (the search then fails with ErrStored): the
// cache it came from can drop it so the next run builds it anew. It does
// nothing for a built index.
func (ix *Index) OnDamage(fn func()) {
	if lc := ix.post.lazy; lc != nil {
		lc.mu.Lock()
		lc.onBad = fn
		lc.mu.Unlock()
	}
}

// damaged reports an index from Load found damaged by a search.
func (ix *Index) damaged() error {
	if lc := ix.post.lazy; lc != nil && lc.bad.Load() {
		if err := ix.resolveErr(); err != nil {
			return fmt.Errorf("%w: %w", ErrStored, err)
		}
		return fmt.Errorf("%w: a posting list is damaged", ErrStored)
	}
	return nil
}

// Load returns the index stored in data (AppendBinary's output) for c,
// which must be the corpus it was built over. The index's arrays point
// into data, which must stay unchanged and 8-byte aligned for as long as
// the index is used.
func Load(c *corpus.Corpus, data []byte) (*Index, error) {
	return load(data, func(int, nodeTable) (*Index, error) { return skeletonIndex(c), nil }, nil)
}

// load reads a stored index; skel gives its nodes, labels and entries
// (from the corpus, or from the node table), which must agree with the
// stored counts.
func load(data []byte, skel func(nodes int, tab nodeTable) (*Index, error), nodeSource NodeSource) (ix *Index, err error) {
	// The checks below are meant to refuse every damaged buffer; a case
	// they miss costs the stored index, never the process.
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, fmt.Errorf("%w: %v", ErrStored, r)
		}
	}()
	if !stored.Aligned(data) {
		return nil, fmt.Errorf("%w: buffer not 8-byte aligned", ErrStored)
	}
	r := stored.Reader{Buf: data, Base: ErrStored}
	if string(r.Raw(len(persistMagic))) != persistMagic {
		return nil, fmt.Errorf("%w: not a stored index", ErrStored)
	}
	if v := r.U32(); v != persistVersion {
		return nil, fmt.Errorf("%w: version %d, this one reads %d", ErrStored, v, persistVersion)
	}
	if m := r.U32(); m != endianMark {
		return nil, fmt.Errorf("%w: other byte order", ErrStored)
	}
	n, nodes, stopDF, ncodes, npy := int(r.U64()), int(r.U64()), int(r.U64()), int(r.U64()), int(r.U64())
	nlists, nstops, total := int(r.U64()), int(r.U64()), int(r.U64())
	if r.Err != nil {
		return nil, r.Err
	}
	if npy < 1 || npy > 1<<16-1 {
		// Id 0 is "no reading" and ids are 16 bits.
		return nil, fmt.Errorf("%w: %d reading ids", ErrStored, npy)
	}
	if n < 0 || nodes < 0 || nodes > len(data) {
		return nil, fmt.Errorf("%w: %d strings, %d nodes", ErrStored, n, nodes)
	}
	runes := stored.Section[int32](&r, n)
	meta := stored.Section[byte](&r, n)
	letters := stored.Section[uint64](&r, n)
	pairs := stored.Section[uint64](&r, pairCount*pairStride(n))
	sk := &skeleton{codes: stored.Section[byte](&r, ncodes)}
	masks := stored.Section[uint32](&r, 256)
	sk.maskIdx = stored.Section[byte](&r, npy)
	if r.Err != nil {
		return nil, r.Err
	}
	// The reading table.
	py := newReadingTable()
	for id := 1; id < npy && r.Err == nil; id++ {
		ru := rune(r.U32())
		k := int(r.Byte())
		list := make([]string, k)
		var mask uint32
		for j := range list {
			s := r.Raw(int(r.Byte()))
			if len(s) == 0 || !isLowerASCII(string(s)) {
				r.Fail("bad reading")
				break
			}
			list[j] = unsafe.String(&s[0], len(s))
			mask |= 1 << (s[0] - 'a')
		}
		if py.id(ru) != 0 || !unicode.Is(unicode.Han, ru) {
			r.Fail("bad reading table")
			break
		}
		py.put(ru, list, mask)
	}
	stops := stored.Section[int32](&r, nstops)
	lists := stored.Section[int32](&r, 2*nlists)
	backing := stored.Section[int32](&r, total)
	tab := readNodeTable(&r, nodes)
	if r.Err != nil {
		return nil, r.Err
	}
	if left := r.Left(); left != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", ErrStored, left)
	}
	ix, err = skel(nodes, tab)
	if err != nil {
		return nil, err
	}
	if len(ix.entries) != n || len(ix.parent) != nodes {
		return nil, fmt.Errorf("%w: built over other documents (%d strings, %d nodes; the corpus has %d, %d)", ErrStored, n, nodes, len(ix.entries), len(ix.parent))
	}
	if ix.detached != nil {
		ix.detached.nodes = nodeSource
	}
	ix.stopDF = stopDF
	ix.letters, ix.pairs, ix.skel = letters, pairs, sk
	// Entries: rune counts and fold kinds, checked against the text's
	// length so a damaged count cannot send a matcher out of bounds.
	sk.start = make([]int, n+1)
	for i := range ix.entries {
		en := &ix.entries[i]
		if runes[i] < 0 || int(runes[i]) > len(en.str) {
			return nil, fmt.Errorf("%w: string %d has %d runes in %d bytes", ErrStored, i, runes[i], len(en.str))
		}
		en.runes, en.fold, en.valid = runes[i], meta[i]&0x7f, meta[i]&0x80 != 0
		sk.start[i+1] = sk.start[i] + int(runes[i])
	}
	if sk.start[n] != ncodes {
		return nil, fmt.Errorf("%w: %d skeleton codes for %d runes", ErrStored, ncodes, sk.start[n])
	}
	copy(sk.masks[:], masks)
	// Postings.
	p := postings{dense: make([][]int32, 1<<16), other: map[rune][]int32{}, stop: make([]bool, 1<<16)}
	off := 0
	take := func(k int32) []int32 {
		if k < 0 || int(k) > total-off {
			r.Fail("posting list past the end")
			return nil
		}
		s := backing[off : off+int(k) : off+int(k)]
		off += int(k)
		return s
	}
	for _, ru := range stops {
		if ru < 0 || ru >= 1<<16 {
			r.Fail("stop rune out of range")
			break
		}
		p.stop[ru] = true
	}
	for i := 0; i < len(lists) && r.Err == nil; i += 2 {
		ru, l := lists[i], take(lists[i+1])
		switch {
		case ru < 0:
			r.Fail("negative rune")
		case ru < 1<<16:
			p.dense[ru] = l
		default:
			p.other[ru] = l
		}
	}
	if r.Err == nil && off != total {
		r.Fail("postings left over")
	}
	if r.Err != nil {
		return nil, r.Err
	}
	// The lists' entries are checked when first read (postings.lazy).
	p.lazy = &listChecks{limit: int32(n), other: map[rune]bool{}}
	ix.post = p
	ix.py = py
	sk.denseIdx = make([]byte, len(py.dense))
	for i, id := range py.dense {
		sk.denseIdx[i] = sk.maskIdx[id]
	}
	ix.prefixes, ix.syllables = py.prefixes()
	return ix, nil
}

// skeletonIndex walks c into an index's nodes, parents, labels and entry
// strings, as newIndex does, without building anything else.
func skeletonIndex(c *corpus.Corpus) *Index {
	// Sized first: growing the arrays over a large corpus cost more than
	// the walk.
	nodes, entries := 0, 0
	c.Nodes(func(n *corpus.Node) bool {
		nodes++
		if strings.HasPrefix(n.Number, "第") {
			entries++
		}
		if n.Heading != "" {
			entries++
		}
		if n.Text != "" {
			entries++
		}
		return true
	})
	ix := &Index{
		nodes:   make([]*corpus.Node, 0, nodes),
		parent:  make([]int32, 0, nodes),
		doc:     make([]int32, 0, nodes),
		entries: make([]entry, 0, entries),
		titles:  make([]uint64, 0, (entries+63)/64),
		labels:  make([]string, 0, len(c.Docs)),
	}
	for _, d := range c.Docs {
		ix.addDoc(d)
	}
	return ix
}
