package related

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"sort"

	"policyreader/corpus"
	"policyreader/corpus/internal/stored"
)

// The stored form of an index, for the persistent cache: the arrays a
// query reads — idf, inverse norms, posting offsets and postings — and
// the vocabulary as sorted arrays (Han keys, words) searched in place —
// and where each indexed node is (its document's ordinal, its place in
// that document's Walk), each section 8-byte aligned, so Load points the
// index into the buffer and copies none of them, and reads no document:
// a node is found in its document when a query first returns it, and the
// document checked against what is stored for it then.
const (
	storedMagic   = "PRRELATE"
	storedVersion = 2
	endianMark    = 0x01020304
)

// ErrStored reports a stored index that cannot be used for a corpus: of
// another version or byte order, damaged, or built over other documents.
var ErrStored = errors.New("stored related-clause index unusable")

// WriteBinary writes the stored form of x to w.
func (x *Index) WriteBinary(w io.Writer) error {
	sw := stored.Writer{W: w}
	hanKeys, hanIDs, wordOff, wordBytes, wordIDs := x.v.frozen()
	sw.Raw([]byte(storedMagic))
	sw.U32(storedVersion)
	sw.U32(endianMark)
	hashes := x.docHashes()
	sw.U64(uint64(len(x.doc)), uint64(len(hashes)), uint64(len(x.idf)), uint64(len(hanKeys)),
		uint64(len(wordIDs)), uint64(len(wordBytes)), uint64(len(x.post)))
	sw.Section(stored.AsBytes(x.idf))
	sw.Section(stored.AsBytes(x.inv))
	sw.Section(stored.AsBytes(x.postOff))
	sw.Section(stored.AsBytes(hanKeys))
	sw.Section(stored.AsBytes(hanIDs))
	sw.Section(stored.AsBytes(wordOff))
	sw.Section(stored.AsBytes(wordIDs))
	sw.Section(wordBytes)
	sw.Section(x.post)
	sw.Section(stored.AsBytes(x.doc))
	sw.Section(stored.AsBytes(x.ord))
	sw.Section(stored.AsBytes(hashes))
	sw.Flush()
	if sw.Err != nil {
		return fmt.Errorf("write related-clause index: %w", sw.Err)
	}
	return nil
}

// Load reads the stored form in data (WriteBinary's) as the index of c,
// in place: data must stay unchanged and mapped while the index is used.
// A form of another version, built over other documents or cut short
// gives an error wrapping ErrStored; damage inside the arrays is caught
// as queries read them (a term or node out of range matches nothing), the
// rest by the caller's checksum.
func Load(c *corpus.Corpus, data []byte) (*Index, error) {
	x := &Index{c: c}
	if !stored.Aligned(data) {
		return nil, fmt.Errorf("%w: buffer not 8-byte aligned", ErrStored)
	}
	r := stored.Reader{Buf: data, Base: ErrStored}
	if string(r.Raw(len(storedMagic))) != storedMagic {
		return nil, fmt.Errorf("%w: not a stored related-clause index", ErrStored)
	}
	if v := r.U32(); v != storedVersion {
		return nil, fmt.Errorf("%w: version %d, this one reads %d", ErrStored, v, storedVersion)
	}
	if m := r.U32(); m != endianMark {
		return nil, fmt.Errorf("%w: other byte order", ErrStored)
	}
	nodes, ndocs, nterms, nhan := int(r.U64()), int(r.U64()), int(r.U64()), int(r.U64())
	nwords, nbytes, npost := int(r.U64()), int(r.U64()), int(r.U64())
	if r.Err != nil {
		return nil, r.Err
	}
	if nodes < 0 || nodes > 1<<31-1 {
		return nil, fmt.Errorf("%w: %d clauses", ErrStored, nodes)
	}
	if c == nil || ndocs != len(c.Docs) {
		return nil, fmt.Errorf("%w: built over %d documents, not these", ErrStored, ndocs)
	}
	if nterms < 0 || nterms > 1<<31-1 {
		return nil, fmt.Errorf("%w: %d terms", ErrStored, nterms)
	}
	x.idf = stored.Section[float32](&r, nterms)
	x.inv = stored.Section[float32](&r, nodes)
	x.postOff = stored.Section[uint32](&r, nterms+1)
	v := &vocab{n: int32(nterms)}
	v.hanKeys = stored.Section[uint64](&r, nhan)
	v.hanIDs = stored.Section[int32](&r, nhan)
	v.wordOff = stored.Section[uint32](&r, nwords+1)
	v.wordIDs = stored.Section[int32](&r, nwords)
	v.wordBytes = stored.Section[byte](&r, nbytes)
	x.post = stored.Section[byte](&r, npost)
	x.doc = stored.Section[int32](&r, nodes)
	x.ord = stored.Section[int32](&r, nodes)
	x.hashes = stored.Section[uint64](&r, ndocs)
	if r.Err != nil {
		return nil, r.Err
	}
	if err := x.place(); err != nil {
		return nil, err
	}
	if left := r.Left(); left != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", ErrStored, left)
	}
	if x.postOff == nil {
		x.postOff = []uint32{0}
	}
	x.v = v
	return x, nil
}

// node returns indexed node i, reading and checking its document first
// in an index read from its stored form: the document must hold indexed
// nodes at exactly the places stored for it. nil means it does not (the
// stored form was built over other documents, or damaged past its
// checksum): the index is then marked bad and answers nothing.
func (x *Index) node(i int32) *corpus.Node {
	if x.bad.Load() {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if n := x.nodes[i]; n != nil {
		return n
	}
	k := x.doc[i]
	if x.checked[k] {
		return nil // checked, yet this node was not found: cannot happen
	}
	x.checked[k] = true
	if x.hashes != nil && docHash(x.c.Docs[k]) != x.hashes[k] {
		x.markBad()
		return nil
	}
	lo, _ := slices.BinarySearch(x.doc, k)
	hi := lo
	for hi < len(x.doc) && x.doc[hi] == k {
		hi++
	}
	j, ord := lo, int32(0)
	fits := true
	x.c.Docs[k].Walk(func(n *corpus.Node) bool {
		if !fits {
			return false
		}
		if indexed(n) {
			if j >= hi || x.ord[j] != ord {
				fits = false
			} else {
				x.nodes[j] = n
				j++
			}
		}
		ord++
		return fits
	})
	if !fits || j != hi {
		x.markBad()
		return nil
	}
	return x.nodes[i]
}

// markBad marks the index as not fitting its documents and tells
// OnDamage's function; x.mu is held.
func (x *Index) markBad() {
	if !x.bad.Swap(true) && x.onDamage != nil {
		x.onDamage()
	}
}

// OnDamage sets the function told, once, when a query finds the index
// read from its stored form not to fit its documents (it then answers
// nothing): a cache drops the stored form so the next run rebuilds it.
// Set it before the index is shared.
func (x *Index) OnDamage(fn func()) { x.onDamage = fn }

// docHashes is, per document, the hash of its indexed nodes' IDs.
func (x *Index) docHashes() []uint64 {
	if x.c == nil {
		return x.hashes // BuildStreamed's, or none
	}
	out := make([]uint64, len(x.c.Docs))
	for k, d := range x.c.Docs {
		out[k] = docHash(d)
	}
	return out
}

// docHash hashes the IDs of d's indexed nodes, in order: what ties a
// stored index to each document it was built over.
func docHash(d *corpus.Document) uint64 {
	h := fnv.New64a()
	d.Walk(func(n *corpus.Node) bool {
		if indexed(n) {
			io.WriteString(h, n.ID)
			h.Write([]byte{0})
		}
		return true
	})
	return h.Sum64()
}

// place checks that the stored nodes' places could be c's — documents in
// order and in range, places ascending within each — and readies the
// index to find them on first use (node).
func (x *Index) place() error {
	ndocs := 0
	if x.c != nil {
		ndocs = len(x.c.Docs)
	}
	for i, k := range x.doc {
		switch {
		case k < 0 || int(k) >= ndocs:
			return fmt.Errorf("%w: a clause of document %d; the corpus has %d", ErrStored, k, ndocs)
		case x.ord[i] < 0:
			return fmt.Errorf("%w: a clause at place %d", ErrStored, x.ord[i])
		case i > 0 && (k < x.doc[i-1] || k == x.doc[i-1] && x.ord[i] <= x.ord[i-1]):
			return fmt.Errorf("%w: clauses out of order", ErrStored)
		}
	}
	x.nodes = make([]*corpus.Node, len(x.doc))
	x.checked = make([]bool, ndocs)
	x.docOf = make(map[*corpus.Document]int32, ndocs)
	for di := range ndocs {
		x.docOf[x.c.Docs[di]] = int32(di)
	}
	return nil
}

// frozen returns the vocabulary as sorted arrays: Han keys and their IDs,
// words (word i is bytes[off[i]:off[i+1]]) and theirs.
func (v *vocab) frozen() (hanKeys []uint64, hanIDs []int32, wordOff []uint32, wordBytes []byte, wordIDs []int32) {
	if v.han == nil {
		return v.hanKeys, v.hanIDs, v.wordOff, v.wordBytes, v.wordIDs
	}
	hanKeys = make([]uint64, 0, len(v.han))
	for k := range v.han {
		hanKeys = append(hanKeys, k)
	}
	slices.Sort(hanKeys)
	hanIDs = make([]int32, len(hanKeys))
	for i, k := range hanKeys {
		hanIDs[i] = v.han[k]
	}
	words := make([]string, 0, len(v.word))
	for w := range v.word {
		words = append(words, w)
	}
	slices.Sort(words)
	wordOff = make([]uint32, 1, len(words)+1)
	wordIDs = make([]int32, len(words))
	for i, w := range words {
		wordBytes = append(wordBytes, w...)
		wordOff = append(wordOff, uint32(len(wordBytes)))
		wordIDs[i] = v.word[w]
	}
	return hanKeys, hanIDs, wordOff, wordBytes, wordIDs
}

// storedHanID looks a Han key up in a stored vocabulary.
func (v *vocab) storedHanID(key uint64) int32 {
	i, ok := slices.BinarySearch(v.hanKeys, key)
	if !ok || i >= len(v.hanIDs) {
		return -1
	}
	return v.checked(v.hanIDs[i])
}

// storedWordID looks a word up in a stored vocabulary.
func (v *vocab) storedWordID(w []byte) int32 {
	n := len(v.wordIDs)
	if len(v.wordOff) != n+1 {
		return -1
	}
	word := func(i int) []byte {
		lo, hi := v.wordOff[i], v.wordOff[i+1]
		if lo > hi || int(hi) > len(v.wordBytes) {
			return nil // damaged: compares as the empty word
		}
		return v.wordBytes[lo:hi]
	}
	i := sort.Search(n, func(i int) bool { return bytes.Compare(word(i), w) >= 0 })
	if i == n || !bytes.Equal(word(i), w) {
		return -1
	}
	return v.checked(v.wordIDs[i])
}

// checked returns id, or -1 when a damaged form holds an ID past the
// vocabulary.
func (v *vocab) checked(id int32) int32 {
	if id < 0 || id >= v.n {
		return -1
	}
	return id
}
