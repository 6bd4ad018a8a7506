package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// packedLibrary is a pack opened without decoding its documents
// (OpenPack): each entry's body is decoded when asked for, and the search
// index is read without the documents (search.LoadDetached), so a command
// that prints a library a document at a time, or shows a search's few
// results, holds what it shows, not the library.
type packedLibrary struct {
	path      string
	data      []byte // the mapped pack
	text      []byte // the payload's text region
	index     []byte // the stored search index
	names     []string
	bodies    [][]byte // per source, its entry's body
	failures  []string // per source, why it failed ("" for a document)
	annotated []bool
	docs      []int // per document in corpus order, its source
	store     *Store
	ids       []sourceID // per source, its identity as stored

	mu      sync.Mutex
	decoded map[int]*corpus.Document // the documents results were asked of
}

// OpenPack returns the pack holding exactly srcs as they are now, its
// header, checksum and every entry's identity checked (by content for a
// source changed too recently to trust its metadata) but no document
// decoded; ok is false when there is none, or one the full read must
// handle (one lacking annotations it needs, damage: GetPack then notes or
// rebuilds it). It implements corpus.LazyPackCache.
func (s *Store) OpenPack(srcs []corpus.Source) (corpus.PackedLibrary, bool) {
	data, path, ids, err := s.mapPackOf(srcs)
	if err != nil {
		return nil, false
	}
	lib, err := s.openPacked(data, path, s.packKey(ids), srcs, ids)
	if err != nil {
		unmapFile(data)
		return nil, false
	}
	lib.path = path
	markUsed(path)
	s.count(func(st *Stats) {
		st.Hits += len(lib.docs)
		st.PackHits++
	})
	return lib, true
}

// openPacked checks a mapped pack against srcs (ids) and finds its
// entries' bodies. A document whose source changed too recently for its
// metadata to prove it the same is checked by content, as GetPack does,
// and the pack rewritten settled once that is late enough.
func (s *Store) openPacked(data []byte, path string, key [32]byte, srcs []corpus.Source, ids []sourceID) (lib *packedLibrary, err error) {
	defer func() {
		if r := recover(); r != nil {
			lib, err = nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	payload, err := checkPack(data, key, len(srcs))
	if err != nil {
		return nil, err
	}
	text, off, err := packTexts(payload)
	if err != nil {
		return nil, err
	}
	lib = &packedLibrary{
		data: data, text: text,
		names:     make([]string, len(srcs)),
		bodies:    make([][]byte, len(srcs)),
		failures:  make([]string, len(srcs)),
		annotated: make([]bool, len(srcs)),
		decoded:   map[int]*corpus.Document{},
	}
	released := off
	stored := make([]sourceID, len(srcs))
	var settle []int // offsets of racy documents now checked and old enough
	unsettled := false
	for i, src := range srcs {
		h, body, err := readEntry(payload[off:])
		if err != nil {
			return nil, err
		}
		if !h.id.sameFile(ids[i]) {
			return nil, fmt.Errorf("%w: %s", errStale, src.Name)
		}
		if h.id.racy() {
			if h.flags&packFailed != 0 {
				// A failure keeps no content hash to check it by: one
				// this recent is not trusted (the full read reads it).
				return nil, fmt.Errorf("%w: %s changed too recently", errStale, src.Name)
			}
			checked, settles, same := s.checkContent(src.Name, h.id)
			if !same {
				return nil, fmt.Errorf("%w: %s", errStale, src.Name)
			}
			if settles {
				h.id.written = checked.UnixNano()
				settle = append(settle, off)
			} else {
				unsettled = true
			}
		}
		stored[i] = h.id
		lib.names[i] = src.Name
		if h.flags&packFailed != 0 {
			lib.failures[i] = string(body)
			if lib.failures[i] == "" {
				return nil, fmt.Errorf("%w: a failure without its reason", errDamaged)
			}
		} else {
			ann := h.flags&packAnnotated != 0
			if src.NeedAnnotations && !ann {
				return nil, fmt.Errorf("%w: %s lacks its annotations", errStale, src.Name)
			}
			lib.bodies[i], lib.annotated[i] = body, ann
			lib.docs = append(lib.docs, i)
		}
		off += h.size()
		if off-released >= releaseChunk {
			release(payload[released:off])
			released = off
		}
	}
	// The heads' pages are given back behind the walk: a body is read
	// again only when its document is asked for.
	release(payload[released:min(off, len(payload))])
	lib.index = payload[min(off, len(payload)):]
	lib.store, lib.ids = s, stored
	if len(settle) > 0 && !unsettled {
		// The next run trusts the metadata alone (see decodePack).
		s.settlePack(data, settle, stored, path)
	}
	return lib, nil
}

// Len is the number of sources.
func (l *packedLibrary) Len() int { return len(l.bodies) }

// allAnnotated reports whether every document of the pack carries its
// annotations.
func (l *packedLibrary) allAnnotated() bool {
	for _, i := range l.docs {
		if !l.annotated[i] {
			return false
		}
	}
	return true
}

// Failure is why source i failed, or "".
func (l *packedLibrary) Failure(i int) string { return l.failures[i] }

// entry returns the body of source i's entry and the offset of its texts
// in the text region; an error for a failed source or a damaged body.
func (l *packedLibrary) entry(i int) (body []byte, base uint64, err error) {
	if l.failures[i] != "" {
		return nil, 0, fmt.Errorf("%s: %s", l.names[i], l.failures[i])
	}
	base, k := binary.Uvarint(l.bodies[i])
	if k <= 0 || base > uint64(len(l.text)) {
		return nil, 0, fmt.Errorf("%w: pack text offset", errDamaged)
	}
	return l.bodies[i][k:], base, nil
}

// Document decodes the document of source i.
func (l *packedLibrary) Document(i int) (d *corpus.Document, annotated bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, annotated, err = nil, false, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	body, base, err := l.entry(i)
	if err != nil {
		return nil, false, err
	}
	d, ann, err := corpus.DecodeDocumentApart(body, l.text[base:])
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", errDamaged, err)
	}
	if ann != l.annotated[i] {
		return nil, false, fmt.Errorf("%w: annotations flagged otherwise", errDamaged)
	}
	d.Source = l.names[i]
	return d, ann, nil
}

// Head decodes the facts of the document of source i, not its nodes.
func (l *packedLibrary) Head(i int) (d *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	body, _, err := l.entry(i)
	if err != nil {
		return nil, err
	}
	d, err = corpus.DecodeDocumentHead(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errDamaged, err)
	}
	d.Source = l.names[i]
	// Known to the store as the pack's, the document's library finds its
	// related-clause index (see Store.RelatedIndex).
	l.store.rememberPacked(d, l.ids[i], l.annotated[i])
	return d, nil
}

// Release gives back the pages of d's texts (see Store.ReleaseTexts).
func (l *packedLibrary) Release(d *corpus.Document) {
	if ext := textExtent(l.data, d); ext != nil {
		release(ext)
	}
}

// Forget drops what the store keeps of d, a document read apart for work
// that is done, and gives back its texts' pages.
func (l *packedLibrary) Forget(d *corpus.Document) {
	l.store.forget([]*corpus.Document{d})
	if d.Decoded() {
		l.Release(d)
	}
}

// node returns node ordinal (in walk order) of document doc (in corpus
// order), each document decoded once: a search.NodeSource.
func (l *packedLibrary) node(doc, ordinal int) (*corpus.Node, error) {
	if doc < 0 || doc >= len(l.docs) {
		return nil, fmt.Errorf("no document %d", doc)
	}
	l.mu.Lock()
	d, ok := l.decoded[doc]
	l.mu.Unlock()
	if !ok {
		var err error
		if d, _, err = l.Document(l.docs[doc]); err != nil {
			return nil, err
		}
		l.mu.Lock()
		l.decoded[doc] = d
		l.mu.Unlock()
	}
	return nodeAt(d, ordinal)
}

// nodeAt returns node ordinal (in walk order) of d.
func nodeAt(d *corpus.Document, ordinal int) (*corpus.Node, error) {
	var n *corpus.Node
	if ordinal >= 0 {
		n = d.NodeAt(ordinal)
	}
	if n == nil {
		return nil, fmt.Errorf("no node %d in %s", ordinal, d.Source)
	}
	return n, nil
}

// ownLibrary is lib as this package opened it (OpenPack).
func ownLibrary(lib corpus.PackedLibrary) (*packedLibrary, error) {
	l, ok := lib.(*packedLibrary)
	if !ok {
		return nil, errors.New("cache: not a library of this store")
	}
	return l, nil
}

// detachedIndex reads the search index stored in l without its
// documents, its results' nodes asked of src; a search that finds it
// damaged notes it and drops the pack, to be rebuilt next time. The
// stored arrays the load read (it copied what it keeps) are given back.
func (s *Store) detachedIndex(l *packedLibrary, src search.NodeSource) (*search.Index, error) {
	ix, err := search.LoadDetached(l.index, l.text, src)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	s.count(func(st *Stats) { st.IndexHits++ })
	ix.OnDamage(func() { s.dropDamaged(l.path, l.data) })
	release(l.index)
	return ix, nil
}

// PackedSearchIndex returns the search index stored in lib (from
// OpenPack), read without its documents: a result's document is decoded
// when the result is made. It is meant for a search run once (the command
// line): the texts and codes a search passes are given back to the system
// behind it (a page read again comes back from the page cache). An index
// that cannot be read so is an error (the caller loads the library as
// ever, which notes and rebuilds it).
func (s *Store) PackedSearchIndex(lib corpus.PackedLibrary) (*search.Index, error) {
	l, err := ownLibrary(lib)
	if err != nil {
		return nil, err
	}
	ix, err := s.detachedIndex(l, l.node)
	if err != nil {
		return nil, err
	}
	ix.ReleaseBehind(l.releaseWithin)
	return ix, nil
}

// LibrarySearchIndex returns the search index stored in lib (from
// OpenPack) for c, the corpus Packed.Corpus made of it, read without its
// documents: a result's node is c's, its document read on first use
// (corpus.Document.Load). It is meant for the reader, which searches many
// times: what a search passes stays mapped (giving it back behind each
// search doubles the slowest keystrokes, BenchmarkKeystrokeOnDemand). An
// index that cannot be read so is an error (the caller loads the library
// as ever).
func (s *Store) LibrarySearchIndex(lib corpus.PackedLibrary, c *corpus.Corpus) (*search.Index, error) {
	l, err := ownLibrary(lib)
	if err != nil {
		return nil, err
	}
	if len(c.Docs) != len(l.docs) {
		return nil, errors.New("cache: a corpus of another library")
	}
	return s.detachedIndex(l, func(doc, ordinal int) (*corpus.Node, error) {
		if doc < 0 || doc >= len(c.Docs) {
			return nil, fmt.Errorf("no document %d", doc)
		}
		d := c.Docs[doc]
		if err := d.Load(); err != nil {
			return nil, err
		}
		return nodeAt(d, ordinal)
	})
}

// releaseWithin releases the pages of b that lie within the pack's
// mapping; nothing outside it is ever released.
func (l *packedLibrary) releaseWithin(b []byte) {
	if len(b) == 0 || len(l.data) == 0 {
		return
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(l.data)))
	end := base + uintptr(len(l.data))
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	hi := lo + uintptr(len(b))
	lo, hi = max(lo, base), min(hi, end)
	if lo < hi {
		release(l.data[lo-base : hi-base])
	}
}
