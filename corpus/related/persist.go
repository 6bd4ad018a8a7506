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
// the vocabulary as sorted arrays (Han keys, words) searched in place, each
// section 8-byte aligned, so Load points the index into the buffer and
// copies none of them. What is cheap to recompute from the corpus (the
// indexed nodes, their documents, the ID map) is not stored; a hash of
// the indexed nodes' IDs ties the form to the corpus it was built over.
const (
	storedMagic   = "PRRELATE"
	storedVersion = 1
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
	sw.U64(uint64(len(x.nodes)), idHash(x.nodes), uint64(len(x.idf)), uint64(len(hanKeys)),
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
	x := &Index{c: c, pos: map[string]int32{}}
	if c != nil {
		x.collect()
	}
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
	nodes, hash, nterms, nhan := int(r.U64()), r.U64(), int(r.U64()), int(r.U64())
	nwords, nbytes, npost := int(r.U64()), int(r.U64()), int(r.U64())
	if r.Err != nil {
		return nil, r.Err
	}
	if nodes != len(x.nodes) || hash != idHash(x.nodes) {
		return nil, fmt.Errorf("%w: built over other documents (%d clauses; the corpus has %d)", ErrStored, nodes, len(x.nodes))
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
	if r.Err != nil {
		return nil, r.Err
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

// collect lists c's indexed nodes in corpus order, their documents and
// positions: what Build starts with and Load recomputes.
func (x *Index) collect() {
	for di, d := range x.c.Docs {
		d.Walk(func(n *corpus.Node) bool {
			if indexed(n) {
				x.pos[n.ID] = int32(len(x.nodes))
				x.nodes = append(x.nodes, n)
				x.doc = append(x.doc, int32(di))
			}
			return true
		})
	}
}

// idHash hashes the IDs of nodes, in order.
func idHash(nodes []*corpus.Node) uint64 {
	h := fnv.New64a()
	for _, n := range nodes {
		io.WriteString(h, n.ID)
		h.Write([]byte{0})
	}
	return h.Sum64()
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
