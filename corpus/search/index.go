// Package search is the fuzzy search index of a corpus: one index over the
// heading and text of every node, with the document label and the node's
// path as context, matched by characters or by pinyin (full readings and
// initials of every heteronym), ranked so that a reader agrees with the
// order, and fast on corpora of hundreds of megabytes.
package search

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"policyreader/corpus"
)

// Field names say which string of a node a Result matched.
const (
	// FieldHeading is Node.Heading.
	FieldHeading = "heading"
	// FieldText is Node.Text.
	FieldText = "text"
	// FieldNumber is Node.Number of an article, chapter or section
	// (第二十条, 第四章): what a reader types to go to one.
	FieldNumber = "number"
)

const (
	fieldHeading uint8 = iota
	fieldText
	fieldNumber
)

// titled reports a field that names its node (a heading or a number),
// ranked above running text.
func titled(field uint8) bool { return field != fieldText }

// entry is one searchable string: the heading or the text of a node.
// Entries are stored in document order (a node's heading, its text, then its
// children), so an entry's index is also its rank in the final tie-break.
type entry struct {
	str   string // shares memory with the node; never copied
	node  int32  // the node's index (into Index.parent, and nodes or walked)
	runes int32  // rune count of str
	field uint8
	fold  uint8 // the fold kinds of the runes str holds (see foldString)
	valid bool  // str is valid UTF-8, so its skeleton can be walked by lead bytes
}

// Index is a search index over a corpus. Build it with New; it is safe for
// concurrent use by multiple goroutines.
type Index struct {
	nodes   []*corpus.Node
	parent  []int32 // per node: the parent's index, or -1
	doc     []int32 // per node: index into labels
	labels  []string
	entries []entry
	// titles is a bitmap over the entries of those that are titled
	// (headings and numbers): the search splits its candidates by it
	// without reading the entries.
	titles []uint64
	// letters holds per entry the ASCII letters present in it (bits 0-25)
	// and the initials of the readings of its Han characters (bits 32-57).
	letters []uint64
	// pairs holds a bitmap over the entries per pair of letters a, b (the
	// pairStride(n) words from (a*26+b)*pairStride(n)): an entry's bit is
	// set when a rune of it whose reading starts with letter a (or the
	// letter a itself) is followed by one starting with b. It prefilters
	// pinyin terms; a term reads the bitmaps of its own pairs only, in
	// entry order, not every entry's masks.
	pairs     []uint64
	prefixes  map[string]bool // every prefix of every reading in the corpus
	syllables map[string]bool // every reading in the corpus
	skel      *skeleton
	post      postings
	py        *readingTable

	// stopDF is the number of entries above which a rune keeps no
	// posting list.
	stopDF int
	// behind is WriteStreamed's, while the index is built.
	behind func(part int, text string)
	// walked, for an index built by WriteStreamed, stands for nodes:
	// what the stored node table keeps of each.
	walked []walkedNode
	// streamed says the index keeps walked, not nodes.
	streamed bool

	mu    sync.Mutex
	cache narrowCache
	words wordsHolder // nil until SetWords
	// scratch keeps a search's buffers for the next (*scratch).
	scratch sync.Pool

	// only, when set, limits the posting lists to these (folded) runes,
	// and noPinyin leaves out readings, skeleton codes and letter masks:
	// an index built for one known query (NewForQuery).
	only map[rune]bool
	// onlyDense is only over the runes below 1<<16, as a bitmap small
	// enough to stay in cache: the build skips the others' bookkeeping.
	onlyDense *[1 << 16 / 64]uint64
	noPinyin  bool

	// release, when set (ReleaseBehind), is told of the texts and codes
	// a search has passed.
	release func([]byte)

	// keepAll makes a search keep every hit, not only those that can
	// reach its results (keepHits): the tests compare the two.
	keepAll bool

	// detached, for an index from LoadDetached, stands for nodes: what
	// the search reads of them, and where a result's node is had.
	detached *detached
}

// stopShare is the share of entries above which a rune keeps no posting
// list, and minStopDF a floor so small corpora keep every list.
const (
	stopShare = 0.2
	minStopDF = 4096
)

// New builds the index over every node of c. It never fails; a nil or empty
// corpus gives an index that finds nothing.
func New(c *corpus.Corpus) *Index { return newIndex(c, -1, nil) }

// NewForQuery builds an index of c that answers query exactly as New's
// would, and nothing else reliably: only the posting lists of the query's
// characters are written, and readings, skeleton codes and letter masks
// only when it has letters (pinyin or initials). It is for one search on a
// corpus that will not be searched again — the command line without a
// cache — where it saves about half the index's cost for a query of Han
// characters. Such an index cannot be stored (AppendBinary writes nothing).
func NewForQuery(c *corpus.Corpus, query string) *Index {
	// The query as Search reads it: syllables typed apart are joined
	// before the terms are cut (and counted), so every rune is kept.
	q := parseQuery(joinSyllables(query))
	only := map[rune]bool{}
	for _, t := range q.terms {
		for _, r := range t.runes {
			only[r] = true
		}
	}
	return newIndex(c, -1, only)
}

// newIndex builds the index; stopDF < 0 picks the stop threshold from the
// corpus size; only, when set, is NewForQuery's rune set.
func newIndex(c *corpus.Corpus, stopDF int, only map[rune]bool) *Index {
	return (&Index{}).init(c, stopDF, only)
}

// init builds ix (see newIndex).
func (ix *Index) init(c *corpus.Corpus, stopDF int, only map[rune]bool) *Index {
	ix.py, ix.only = newReadingTable(), only
	if only != nil {
		ix.noPinyin = true
		ix.onlyDense = new([1 << 16 / 64]uint64)
		for r := range only {
			if r >= 0 && r < 1<<16 {
				ix.onlyDense[r/64] |= 1 << (r % 64)
			}
			if letterBit(r) != 0 {
				ix.noPinyin = false
			}
		}
	}
	if c == nil {
		c = corpus.NewCorpus(nil) // an index of nothing, built and stored as any other
	}
	sk := skeletonIndex(c)
	ix.nodes, ix.parent, ix.doc, ix.labels, ix.entries, ix.titles = sk.nodes, sk.parent, sk.doc, sk.labels, sk.entries, sk.titles
	ix.stopDF = stopDF
	if stopDF < 0 {
		ix.stopDF = max(minStopDF, int(stopShare*float64(len(ix.entries))))
	}
	ix.build()
	ix.behind = nil
	return ix
}

// addNode appends node n of document di, whose parent has index parent
// (-1 at the top), and its entries (number, heading, text); it returns the
// node's index.
func (ix *Index) addNode(n *corpus.Node, parent, di int32) int32 {
	ni := int32(len(ix.parent))
	p := parent
	if ix.streamed {
		ix.walked = append(ix.walked, walkedNode{number: n.Number, heading: n.Heading, textLen: len(n.Text)})
	} else {
		ix.nodes = append(ix.nodes, n)
	}
	ix.parent = append(ix.parent, p)
	ix.doc = append(ix.doc, di)
	if strings.HasPrefix(n.Number, "第") {
		ix.addEntry(entry{str: n.Number, node: ni, field: fieldNumber})
	}
	if n.Heading != "" {
		ix.addEntry(entry{str: n.Heading, node: ni, field: fieldHeading})
	}
	if n.Text != "" {
		ix.addEntry(entry{str: n.Text, node: ni, field: fieldText})
	}
	return ni
}

// outsideOnly reports a rune below 1<<16 that an index built for one
// query (only) keeps no posting list of.
func (ix *Index) outsideOnly(r rune) bool {
	return ix.onlyDense != nil && r >= 0 && r < 1<<16 && ix.onlyDense[r/64]&(1<<(r%64)) == 0
}

// addEntry appends en and its bit in titles.
func (ix *Index) addEntry(en entry) {
	e := len(ix.entries)
	ix.entries = append(ix.entries, en)
	if e%64 == 0 {
		ix.titles = append(ix.titles, 0)
	}
	if titled(en.field) {
		ix.titles[e/64] |= 1 << (e % 64)
	}
}

// isTitled reports whether entry e is a heading or a number (titled),
// from the titles bitmap, without touching the entry.
func (ix *Index) isTitled(e int32) bool { return ix.titles[e/64]&(1<<(e%64)) != 0 }

// build fills the rune postings, the reading table and the letter masks in
// two passes over the text, each split between two goroutines: the first
// counts, so the second writes every posting list at its exact size.
func (ix *Index) build() {
	counts := ix.countAll()
	if !ix.noPinyin {
		ix.addReadings(counts)
	}
	ix.post = planPostings(counts[0], counts[1], ix.stopDF, ix.only).alloc()
	n := len(ix.entries)
	ix.letters = make([]uint64, n)
	if !ix.noPinyin {
		ix.pairs = make([]uint64, pairCount*pairStride(n))
	}
	ix.prefixes, ix.syllables = ix.py.prefixes()
	ix.skel = ix.newSkeleton(counts)
	ix.skel.allocCodes()
	ix.fillAll(counts[0])
}

// parts splits the entries in two for the build's goroutines, on a
// multiple of 64, so the two halves never write the same word of the pair
// bitmaps.
func (ix *Index) parts() [2][2]int {
	n := len(ix.entries)
	half := n / 2 &^ 63
	return [2][2]int{{0, half}, {half, n}}
}

// countAll counts the entries' runes (count), each half on a goroutine.
func (ix *Index) countAll() [2]*runeCounts {
	var counts [2]*runeCounts
	var wg sync.WaitGroup
	for p, part := range ix.parts() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[p] = ix.count(p, part[0], part[1])
		}()
	}
	wg.Wait()
	return counts
}

// newSkeleton lays out the skeleton of the counted entries, its codes not
// yet allocated.
func (ix *Index) newSkeleton(counts [2]*runeCounts) *skeleton {
	runes := make([]int32, len(ix.entries))
	for i := range ix.entries {
		runes[i] = ix.entries[i].runes
	}
	freq := make([]int, len(ix.py.list))
	for r := range counts[0].dense {
		if id := ix.py.id(rune(r)); id != 0 {
			freq[id] += int(counts[0].dense[r] + counts[1].dense[r])
		}
	}
	return newSkeleton(ix.py, runes, freq)
}

// fillAll fills, each half of the entries on a goroutine, what the index
// has allocated of its letter masks and pair bitmaps, skeleton codes and
// posting lists (the last only when first, the first half's counts, is
// set).
func (ix *Index) fillAll(first *runeCounts) {
	var offs [2]*runeCounts
	if first != nil {
		offs = [2]*runeCounts{newRuneCounts(), first}
	}
	var wg sync.WaitGroup
	for p, part := range ix.parts() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix.fill(p, part[0], part[1], offs[p])
		}()
	}
	wg.Wait()
}

// addReadings gives every Han rune of the corpus its readings: those of
// the entries (counts) and, as context, of the labels and numbers.
func (ix *Index) addReadings(counts [2]*runeCounts) {
	// Labels and numbers are context, not entries: give their runes
	// readings too.
	for _, l := range ix.labels {
		for _, r := range l {
			ix.py.add(r)
		}
	}
	for n := range ix.parent {
		number, _, _ := ix.nodeStrings(int32(n))
		for _, r := range number {
			ix.py.add(r)
		}
	}
	for r, c := range counts[0].dense {
		if c > 0 || counts[1].dense[r] > 0 {
			ix.py.add(rune(r))
		}
	}
	// Runes past the dense block in order, not the map's: the same
	// corpus gets the same reading ids, so its stored form is the same.
	other := map[rune]bool{}
	for _, cs := range counts {
		for r := range cs.other {
			other[r] = true
		}
	}
	for _, r := range slices.Sorted(maps.Keys(other)) {
		ix.py.add(r)
	}
}

// count counts, for entries [lo, hi) (part of the build), in how many
// entries each folded rune occurs, and records each entry's rune count and
// fold kinds.
func (ix *Index) count(part, lo, hi int) *runeCounts {
	rc := newRuneCounts()
	last := newLastSeen()
	for e := lo; e < hi; e++ {
		en := &ix.entries[e]
		s := en.str
		runes, valid := 0, true
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = decodeRune(s, i)
				if size == 1 { // an invalid byte (a real U+FFFD is 3 bytes)
					valid = false
				}
			}
			i += size
			runes++
			if f := foldRune(r); f != r {
				en.fold |= foldKind(r)
				r = f
			}
			if ix.outsideOnly(r) {
				// No posting list: counted for its readings and their
				// frequency only, by occurrence.
				rc.inc(r)
				continue
			}
			if last.seen(r, int32(e)) {
				continue
			}
			rc.inc(r)
		}
		en.runes, en.valid = int32(runes), valid
		if ix.behind != nil {
			ix.behind(part, s)
		}
	}
	return rc
}

// fill writes what the index has allocated of the letter masks and pair
// bitmaps, skeleton codes and posting lists of entries [lo, hi) (part of
// the build); start holds, per rune, how many postings earlier entries
// contributed, and is nil when no posting lists are written.
func (ix *Index) fill(part, lo, hi int, start *runeCounts) {
	var pos *runeCounts
	last := newLastSeen()
	if start != nil {
		pos = start.clone()
		for r, stop := range ix.post.stop {
			if stop || ix.only != nil && !ix.only[rune(r)] {
				last.dense[r] = stopMark // never "new": no list to write
			}
		}
	}
	sk := ix.skel
	if ix.noPinyin || ix.letters == nil && sk.codes == nil {
		if pos != nil {
			ix.fillPostings(part, lo, hi, pos, last)
		}
		return
	}
	masks := ix.letters != nil
	// An index for one query records the pairs of its letters only: the
	// only pairs its filter reads.
	pairLetters := uint32(1<<26 - 1)
	if ix.only != nil {
		pairLetters = 0
		for r := range ix.only {
			pairLetters |= letterBit(r)
		}
	}
	// The pair bits of a block of 64 entries are gathered here, one word
	// per pair, and stored when the block ends: lo is a multiple of 64.
	var block [pairCount]uint64
	for e := lo; e < hi; e++ {
		var lit, ini, prev uint32
		s := ix.entries[e].str
		var pairs [pairWords]uint64
		var codes []byte
		if sk.codes != nil {
			codes = sk.of(int32(e))
		}
		ri := 0
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			var code byte
			if r >= utf8.RuneSelf {
				r, size = decodeRune(s, i)
			}
			// A full-width form folds to ASCII: a literal like any other.
			r = foldRune(r)
			code = sk.code(ix.py, r, size)
			if ri < len(codes) {
				codes[ri] = code
			}
			ri++
			i += size
			if masks {
				// A code past the single letters is a heteronym with
				// several initials, or every letter when the mask table
				// overflowed: both safe.
				cur := sk.masks[code]
				if r < utf8.RuneSelf {
					lit |= cur
				} else {
					ini |= cur
				}
				cur &= pairLetters
				if prev != 0 && cur != 0 {
					if prev&(prev-1) == 0 && cur&(cur-1) == 0 {
						k := bits.TrailingZeros32(prev)*26 + bits.TrailingZeros32(cur)
						pairs[k/64] |= 1 << (k % 64)
					} else {
						setPairs(&pairs, prev, cur)
					}
				}
				prev = cur
			}
			if pos == nil || ix.outsideOnly(r) || last.seen(r, int32(e)) || r >= 1<<16 && ix.only != nil && !ix.only[r] {
				continue
			}
			ix.post.set(r, pos.next(r), int32(e))
		}
		if masks {
			ix.letters[e] = uint64(lit) | uint64(ini)<<32
			gatherPairs(&block, e%64, &pairs)
			if e%64 == 63 || e == hi-1 {
				ix.storePairs(e/64, &block)
			}
		}
		if ix.behind != nil {
			ix.behind(part, s)
		}
	}
}

// fillPostings is fill without readings: posting lists only.
func (ix *Index) fillPostings(part, lo, hi int, pos *runeCounts, last *lastSeen) {
	for e := lo; e < hi; e++ {
		s := ix.entries[e].str
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = decodeRune(s, i)
			}
			i += size
			r = foldRune(r)
			if ix.outsideOnly(r) || last.seen(r, int32(e)) || r >= 1<<16 && ix.only != nil && !ix.only[r] {
				continue
			}
			ix.post.set(r, pos.next(r), int32(e))
		}
		if ix.behind != nil {
			ix.behind(part, s)
		}
	}
}

// pairCount is the number of letter pairs, and pairWords the number of
// words holding one bit per pair.
const (
	pairCount = 26 * 26
	pairWords = (pairCount + 63) / 64
)

// pairStride is the length in words of one pair's bitmap over n entries.
func pairStride(n int) int { return (n + 63) / 64 }

// gatherPairs sets bit i of block's word of every pair in mask: entry i
// of a block of 64.
func gatherPairs(block *[pairCount]uint64, i int, mask *[pairWords]uint64) {
	bit := uint64(1) << i
	for w, m := range mask {
		for ; m != 0; m &= m - 1 {
			block[w*64+bits.TrailingZeros64(m)] |= bit
		}
	}
}

// storePairs stores block, the pair words of entries 64*b to 64*b+63,
// into the pair bitmaps and clears it.
func (ix *Index) storePairs(b int, block *[pairCount]uint64) {
	stride := pairStride(len(ix.entries))
	for k, w := range block {
		if w != 0 {
			ix.pairs[k*stride+b] = w
			block[k] = 0
		}
	}
}

// setPairs sets the pair bit of every letter in a followed by every letter in b.
func setPairs(pairs *[pairWords]uint64, a, b uint32) {
	for x := a; x != 0; x &= x - 1 {
		i := bits.TrailingZeros32(x) * 26
		for y := b; y != 0; y &= y - 1 {
			k := i + bits.TrailingZeros32(y)
			pairs[k/64] |= 1 << (k % 64)
		}
	}
}

// hasPair reports whether entry e has letter a followed by letter b.
func (ix *Index) hasPair(e int32, a, b byte) bool {
	k := int(a-'a')*26 + int(b-'a')
	return ix.pairs[k*pairStride(len(ix.entries))+int(e/64)]&(1<<(e%64)) != 0
}

// Len returns the number of indexed strings (headings and texts).
func (ix *Index) Len() int { return len(ix.entries) }
