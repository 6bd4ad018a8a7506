package search

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"policyreader/corpus"
	"policyreader/corpus/internal/stored"
)

// An index can be read without its corpus (LoadDetached): a command that
// searches a stored library once needs only its results' documents, not
// every node decoded. The stored form then carries what the index reads of
// the nodes — each node's parent and document, its number and heading, the
// length of its text — and the documents' labels; the texts themselves are
// the caller's, one region holding every node's text in corpus order (as
// corpus.AppendTexts writes them, document after document), and a node of
// a result is asked of the caller by its document and its place in it.

// NodeSource returns node ordinal (in the pre-order of corpus.Document.Walk)
// of document doc (its place among the corpus's documents), for a result
// of an index from LoadDetached.
type NodeSource func(doc, ordinal int) (*corpus.Node, error)

// nodeTable is the stored form's node table: per node its parent (-1 at
// the top), its document, and five numbers — the offset and length of its
// number and of its heading in the arena, and its text's length; per
// document the offset and length of its label.
type nodeTable struct {
	parent []int32
	doc    []int32
	strs   []uint32 // 5 per node
	labels []uint32 // 2 per document
	arena  []byte
}

// Fields of a node's five numbers in nodeTable.strs.
const (
	tabNumOff = iota
	tabNumLen
	tabHeadOff
	tabHeadLen
	tabTextLen
	tabWidth
)

// detached is what an index from LoadDetached reads of the nodes instead
// of the nodes themselves.
type detached struct {
	tab   nodeTable
	first []int32 // per document, its first node
	nodes NodeSource

	mu      sync.Mutex
	checked map[int32]bool // documents found to match the node table
	bad     error          // the first result whose node did not match the index
}

// writeNodeTable writes the node table (see nodeTable) of a built index.
func (ix *Index) writeNodeTable(w *stored.Writer) {
	size := 0
	for n := range ix.parent {
		number, heading, _ := ix.nodeStrings(int32(n))
		size += len(number) + len(heading)
	}
	for _, l := range ix.labels {
		size += len(l)
	}
	arena := make([]byte, 0, size) // sized: growing it doubled its peak
	put := func(s string) (uint32, uint32) {
		off := len(arena)
		arena = append(arena, s...)
		return uint32(off), uint32(len(s))
	}
	strs := make([]uint32, 0, tabWidth*len(ix.parent))
	for n := range ix.parent {
		number, heading, textLen := ix.nodeStrings(int32(n))
		no, nl := put(number)
		ho, hl := put(heading)
		strs = append(strs, no, nl, ho, hl, uint32(textLen))
	}
	labels := make([]uint32, 0, 2*len(ix.labels))
	for _, l := range ix.labels {
		o, k := put(l)
		labels = append(labels, o, k)
	}
	w.Align()
	w.U64(uint64(len(ix.labels)), uint64(len(arena)))
	w.Section(stored.AsBytes(ix.parent))
	w.Section(stored.AsBytes(ix.doc))
	w.Section(stored.AsBytes(strs))
	w.Section(stored.AsBytes(labels))
	w.Section(arena)
}

// readNodeTable reads the node table of an index of nodes nodes.
func readNodeTable(r *stored.Reader, nodes int) nodeTable {
	r.Align()
	docs, arena := int(r.U64()), int(r.U64())
	if r.Err != nil {
		return nodeTable{}
	}
	if docs < 0 || arena < 0 || docs > r.Left() || arena > r.Left() || nodes > r.Left() {
		r.Fail("node table sizes")
		return nodeTable{}
	}
	var t nodeTable
	t.parent = stored.Section[int32](r, nodes)
	t.doc = stored.Section[int32](r, nodes)
	t.strs = stored.Section[uint32](r, tabWidth*nodes)
	t.labels = stored.Section[uint32](r, 2*docs)
	t.arena = stored.Section[byte](r, arena)
	return t
}

// nodeStrings returns node n's number and heading and its text's length.
func (ix *Index) nodeStrings(n int32) (number, heading string, textLen int) {
	if d := ix.detached; d != nil {
		s := d.tab.strs[tabWidth*int(n):]
		return d.tab.str(s[tabNumOff], s[tabNumLen]), d.tab.str(s[tabHeadOff], s[tabHeadLen]), int(s[tabTextLen])
	}
	if ix.streamed {
		w := &ix.walked[n]
		return w.number, w.heading, w.textLen
	}
	nd := ix.nodes[n]
	return nd.Number, nd.Heading, len(nd.Text)
}

// str returns the arena's string at off, of length k ("" when out of
// bounds, which detachedSkeleton has ruled out).
func (t *nodeTable) str(off, k uint32) string {
	if k == 0 || uint64(off)+uint64(k) > uint64(len(t.arena)) {
		return ""
	}
	return unsafe.String(&t.arena[off], int(k))
}

// LoadDetached returns the index stored in data (AppendBinary's output)
// without its corpus: text holds every node's text, in corpus order, and
// nodes gives the nodes of results. data and text must stay unchanged for
// as long as the index is used, data 8-byte aligned. An index whose node
// table does not add up — its texts' lengths against text, a parent after
// its child, a document out of range — is refused with ErrStored; a result
// whose node does not match the index fails its search with ErrStored.
func LoadDetached(data, text []byte, nodes NodeSource) (*Index, error) {
	return load(data, func(nodes int, tab nodeTable) (*Index, error) {
		return detachedSkeleton(tab, nodes, text)
	}, nodes)
}

// detachedSkeleton builds an index's nodes, labels and entries from a node
// table and the texts, checking every offset and link.
func detachedSkeleton(tab nodeTable, nodes int, text []byte) (*Index, error) {
	bad := func(why string, args ...any) (*Index, error) {
		return nil, fmt.Errorf("%w: node table: %s", ErrStored, fmt.Sprintf(why, args...))
	}
	if len(tab.parent) != nodes || len(tab.doc) != nodes || len(tab.strs) != tabWidth*nodes {
		return bad("%d nodes", nodes)
	}
	within := func(off, k uint32) bool { return uint64(off)+uint64(k) <= uint64(len(tab.arena)) }
	docs := len(tab.labels) / 2
	d := &detached{tab: tab, first: make([]int32, docs), checked: map[int32]bool{}}
	ix := &Index{parent: tab.parent, doc: tab.doc, detached: d, labels: make([]string, docs)}
	for i := range docs {
		off, k := tab.labels[2*i], tab.labels[2*i+1]
		if !within(off, k) {
			return bad("label %d out of bounds", i)
		}
		ix.labels[i] = tab.str(off, k)
	}
	// Sized first, as skeletonIndex does.
	entries := 0
	for n := range nodes {
		s := tab.strs[tabWidth*n:]
		if !within(s[tabNumOff], s[tabNumLen]) || !within(s[tabHeadOff], s[tabHeadLen]) {
			return bad("node %d's strings out of bounds", n)
		}
		if strings.HasPrefix(tab.str(s[tabNumOff], s[tabNumLen]), "第") {
			entries++
		}
		if s[tabHeadLen] > 0 {
			entries++
		}
		if s[tabTextLen] > 0 {
			entries++
		}
	}
	ix.entries = make([]entry, 0, entries)
	ix.titles = make([]uint64, 0, (entries+63)/64)
	off, prevDoc := 0, int32(-1)
	for n := range nodes {
		p, di := tab.parent[n], tab.doc[n]
		switch {
		case di < 0 || int(di) >= docs || di < prevDoc:
			return bad("node %d in document %d", n, di)
		case p < -1 || p >= int32(n):
			return bad("node %d's parent %d", n, p)
		case p >= 0 && tab.doc[p] != di:
			return bad("node %d's parent in another document", n)
		}
		for di > prevDoc {
			prevDoc++
			d.first[prevDoc] = int32(n)
		}
		number, heading, textLen := ix.nodeStrings(int32(n))
		if strings.HasPrefix(number, "第") {
			ix.addEntry(entry{str: number, node: int32(n), field: fieldNumber})
		}
		if heading != "" {
			ix.addEntry(entry{str: heading, node: int32(n), field: fieldHeading})
		}
		if textLen > 0 {
			if textLen > len(text)-off {
				return bad("node %d's text past the texts", n)
			}
			ix.addEntry(entry{str: unsafe.String(&text[off], textLen), node: int32(n), field: fieldText})
			off += textLen
		}
	}
	if off != len(text) {
		return bad("texts of %d bytes, not %d", off, len(text))
	}
	for prevDoc < int32(docs)-1 {
		// Documents without nodes start where the next would.
		prevDoc++
		d.first[prevDoc] = int32(nodes)
	}
	return ix, nil
}

// node returns the node of index n: the corpus's, or for an index from
// LoadDetached the caller's, checked against what the index holds of it.
// A node that cannot be had or does not match is nil, and the search
// fails (damaged).
func (ix *Index) node(n int32) *corpus.Node {
	d := ix.detached
	if d == nil {
		return ix.nodes[n]
	}
	di := ix.doc[n]
	nd, err := d.nodes(int(di), int(n-d.first[di]))
	if err == nil && (nd == nil || nd.Doc == nil) {
		err = fmt.Errorf("node %d of document %d not found", n-d.first[di], di)
	}
	if err == nil {
		err = ix.checkDoc(di, nd.Doc)
	}
	if err == nil && nd != nd.Doc.NodeAt(int(n-d.first[di])) {
		err = fmt.Errorf("node %d of document %d is not in its place", n-d.first[di], di)
	}
	if err != nil {
		ix.badNode(err)
		return nil
	}
	return nd
}

// checkDoc checks, once per document, that doc — the document di of a
// result, as the caller gave it — is what the node table holds of it:
// its label, as many nodes, and each node's parent, number, heading and
// text length. The search matched against the table, so a table that
// disagrees with the documents (damage a checksum missed) fails the
// search rather than answer from it.
func (ix *Index) checkDoc(di int32, doc *corpus.Document) error {
	d := ix.detached
	d.mu.Lock()
	done := d.checked[di]
	d.mu.Unlock()
	if done {
		return nil
	}
	if doc.Label() != ix.labels[di] {
		return fmt.Errorf("document %d is %q, not %q", di, doc.Label(), ix.labels[di])
	}
	lo, hi := d.first[di], int32(len(ix.parent))
	if int(di)+1 < len(d.first) {
		hi = d.first[di+1]
	}
	place := map[*corpus.Node]int32{}
	k := lo
	var err error
	doc.Walk(func(nd *corpus.Node) bool {
		if err != nil {
			return false
		}
		if k >= hi {
			err = fmt.Errorf("document %d has more than its %d nodes", di, hi-lo)
			return false
		}
		number, heading, textLen := ix.nodeStrings(k)
		parent := int32(-1)
		if nd.Parent != nil {
			p, ok := place[nd.Parent]
			if !ok {
				p = -2
			}
			parent = p
		}
		if nd.Number != number || nd.Heading != heading || len(nd.Text) != textLen || ix.parent[k] != parent {
			err = fmt.Errorf("node %d of document %d does not match the index", k-lo, di)
			return false
		}
		place[nd] = k
		k++
		return true
	})
	if err == nil && k != hi {
		err = fmt.Errorf("document %d has %d nodes, the index %d", di, k-lo, hi-lo)
	}
	if err == nil {
		d.mu.Lock()
		d.checked[di] = true
		d.mu.Unlock()
	}
	return err
}

// badNode records a result's node that could not be had or did not
// match, for an index from LoadDetached: the search fails with ErrStored.
func (ix *Index) badNode(err error) {
	d := ix.detached
	d.mu.Lock()
	if d.bad == nil {
		d.bad = err
	}
	d.mu.Unlock()
	ix.post.lazy.fail()
}

// resolveErr is the first result's node that could not be had, for an
// index from LoadDetached.
func (ix *Index) resolveErr() error {
	if d := ix.detached; d != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.bad
	}
	return nil
}
