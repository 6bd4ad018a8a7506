// Package corpus turns Chinese policy documents into a tree of parts,
// chapters, sections and clauses, with metadata and highlight spans. It is a
// pure library: it knows nothing about terminals.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"policyreader/corpus/highlight"
)

// Span marks a highlighted run of a node's Text in rune offsets.
type Span = highlight.Span

// Node is one element of a document tree.
type Node struct {
	// ID is stable across runs: the document ID plus a path, e.g. gd-plan/ch4/s2/box6/2.
	ID string
	// Number is the numbering exactly as printed (第四章, 二、, （三）, (三), 1., 一是), or empty.
	Number string
	// Heading is the lead phrase or title, without numbering and final punctuation.
	Heading string
	// Text is the node's own body text (paragraphs joined by "\n"), without
	// the number and heading; children hold the rest.
	Text string
	// Rows holds the cells of a Table node; Text holds the same rows tab-separated.
	Rows [][]string
	// Spans are the highlights of Text, sorted by Start, non-overlapping.
	Spans []Span
	// Responsible lists the bodies a trailing annotation such as
	// （省人力资源社会保障厅牵头，省财政厅等按职责分工负责） names, lead unit first.
	Responsible []string
	// Children are the nested nodes in document order.
	Children []*Node
	// Parent is the enclosing node, nil at the top level of a document.
	Parent *Node
	// Doc is the document the node belongs to.
	Doc *Document
	// Kind is the structural role.
	Kind Kind
	// Leads is how many of Responsible, first, lead the work; the rest
	// take part. An annotation that marks no lead is led by its first unit.
	Leads int32

	value  int32  // numeric value of Number, for the ID
	sub    int32  // the 之一 of 第X条之一, 0 when none
	prefix string // the ID prefix of the node's grammar level
	// sentence marks, while a document is built, a numbered line read as
	// a sentence, not a title: settle gives it its heading back if
	// numbered children follow it.
	sentence bool
}

// Title returns a one-line label: number and heading, or the start of the text.
func (n *Node) Title() string {
	number := n.Number
	if strings.HasPrefix(number, "第") || strings.HasPrefix(number, "专栏") || strings.HasSuffix(number, ".") {
		number += " "
	}
	if n.Heading != "" {
		return number + n.Heading
	}
	if n.Kind == Table && len(n.Rows) > 0 {
		return number + firstRunes(strings.Join(n.Rows[0], " "), 24)
	}
	return number + firstRunes(n.Text, 24)
}

// InOutline reports whether the node gets its own row in a document
// outline: its kind does, or it is a top-level paragraph of a flat
// document, which has nothing else.
func (n *Node) InOutline() bool {
	if n.Kind == Paragraph {
		return n.Parent == nil && n.Doc != nil && n.Doc.Flat
	}
	return n.Kind.InOutline()
}

// Ordinal returns the numeric value of the node's Number (20 for 第二十条,
// 3 for （三）) and the 之N of a 第X条之N article (0 when none); value is 0
// for an unnumbered node.
func (n *Node) Ordinal() (value, sub int) { return int(n.value), int(n.sub) }

// Path returns the titles of the node's ancestors, outermost first, not
// including the node itself or the document.
func (n *Node) Path() []string {
	var path []string
	for p := n.Parent; p != nil; p = p.Parent {
		path = append(path, p.Title())
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path
}

// Walk calls fn for n and every descendant in document order; fn returning
// false skips the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if !fn(n) {
		return
	}
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// NodeAt returns the node at place i (from 0) of the document in the order
// Walk visits its nodes, or nil when it has no more than i nodes.
func (d *Document) NodeAt(i int) *Node {
	var found *Node
	k := 0
	d.Walk(func(n *Node) bool {
		switch {
		case found != nil:
			return false
		case k == i:
			found = n
			return false
		}
		k++
		return true
	})
	return found
}

// Document is one policy document.
type Document struct {
	// ID is a stable ASCII slug derived from the file name.
	ID string
	// Source is the file name (or path) the document was read from.
	Source string
	// Title is the document's title.
	Title string
	// Short tells apart documents with the same title (广东 / 江西 / 中央).
	Short string
	// Issuers are the issuing bodies.
	Issuers []string
	// DocNumber is the 文号, e.g. 粤府办〔2021〕32号.
	DocNumber string
	// Date is the issue date as YYYY-MM-DD, or empty; for a law, the date
	// of the text as printed (its latest adoption, amendment or
	// promulgation).
	Date string
	// History lists a law's history lines as printed (adoption, each
	// amendment, promulgation, coming into force), oldest first.
	History []string
	// Truncated is true when the source ends in an excerpt notice.
	Truncated bool
	// Grammar names the grammar the document was read with: "policy" or "law".
	Grammar string
	// Flat is true when the text has no recognisable structure: the
	// document is a sequence of paragraphs.
	Flat bool
	// Children are the top-level nodes. A document opened undecoded
	// (Packed.Corpus) has none until Load: read them with TopLevel or
	// Walk, which load first, or call Load before.
	Children []*Node

	dropped []stripped // lines removed as chrome, for the no-loss invariant

	// lazy marks a document read without its annotations, to be annotated
	// on first use (LoadOptions.LazyAnnotations); annotateOnce does it once
	// whichever goroutine asks first. lazy is set before the document is
	// shared (by Load, for a document opened undecoded) and never changes
	// after.
	lazy         bool
	annotateOnce sync.Once
	// annotated, when set, is told once the document has been annotated
	// on first use, so a cache can keep the annotations for next time.
	annotated func(*Document)

	// pending, for a document opened undecoded (Packed.Corpus), reads
	// the whole document once its nodes are first needed; loadOnce runs
	// it once whichever goroutine asks first, and loadErr keeps why it
	// failed. pending is set before the document is shared and never
	// changes after.
	pending  func() (*Document, error)
	loadOnce sync.Once
	loadErr  error
	loaded   atomic.Bool // Load has run
}

// Load reads the nodes of a document opened undecoded (Packed.Corpus)
// on first use; for any other document it does nothing. It is safe for
// concurrent use: one caller reads, the others wait. The error says why
// the document's nodes could not be read (it then has none); the tree,
// search and views show such a document empty rather than stop.
func (d *Document) Load() error {
	if d == nil || d.pending == nil {
		return nil
	}
	d.loadOnce.Do(func() {
		defer d.loaded.Store(true)
		full, err := d.pending()
		if err != nil {
			d.loadErr = fmt.Errorf("read %s: %w", d.Source, err)
			return
		}
		d.Children, d.dropped = full.Children, full.dropped
		d.lazy = full.lazy
		for _, c := range d.Children { // not Walk: it would Load again
			c.Walk(func(n *Node) bool {
				n.Doc = d
				return true
			})
		}
	})
	return d.loadErr
}

// TopLevel returns the document's top-level nodes, read first when the
// document was opened undecoded (see Load).
func (d *Document) TopLevel() []*Node {
	d.Load()
	return d.Children
}

// EnsureAnnotations computes the document's annotations — highlight spans,
// responsibility annotations — if it was read without them to be
// annotated on first use (LoadOptions.LazyAnnotations); otherwise it does
// nothing. Call it before reading a node's Spans, Responsible or Leads. It
// is safe for concurrent use: one caller annotates, the others wait.
func (d *Document) EnsureAnnotations() {
	if d == nil {
		return
	}
	d.Load()
	if !d.lazy {
		return
	}
	d.annotateOnce.Do(func() {
		annotateDoc(d)
		if d.annotated != nil {
			d.annotated(d)
		}
	})
}

// ShortTitle is the title as a list shows it: a transmittal notice
// (…关于印发《X》的通知) by the document it carries, X; a title that opens
// with its issuers (广东省人力资源和社会保障厅关于…的函) from 关于, since the
// rest is what tells documents apart.
func (d *Document) ShortTitle() string {
	if t := transmittedTitle(d.Title); t != "" {
		return t
	}
	// Joint issuers may all stand before 关于 (国家发展改革委 国家能源局关于…).
	rest := d.Title
	for cut := true; cut; {
		cut = false
		for _, is := range d.Issuers {
			if r, ok := strings.CutPrefix(rest, is); ok && is != "" {
				rest, cut = strings.TrimLeft(r, "、 "), true
			}
		}
	}
	if rest != d.Title && strings.HasPrefix(rest, "关于") {
		return rest
	}
	return d.Title
}

// Label returns the short title with the short label, e.g. 关于…实施意见 · 广东.
func (d *Document) Label() string {
	if d.Short == "" {
		return d.ShortTitle()
	}
	return d.ShortTitle() + " · " + d.Short
}

// Facts lists what a reader sees under the title, in order: the issuers
// (joined with 、), the 文号, the date and "excerpt" for a truncated source;
// absent facts are left out.
func (d *Document) Facts() []string {
	var out []string
	if len(d.Issuers) > 0 {
		out = append(out, strings.Join(d.Issuers, "、"))
	}
	if d.DocNumber != "" {
		out = append(out, d.DocNumber)
	}
	if d.Date != "" {
		out = append(out, d.Date)
	}
	if d.Truncated {
		out = append(out, "excerpt")
	}
	return out
}

// Walk calls fn for every node of the document in document order,
// reading the nodes first when the document was opened undecoded.
func (d *Document) Walk(fn func(*Node) bool) {
	for _, c := range d.TopLevel() {
		c.Walk(fn)
	}
}

// Corpus is a set of documents in a stable order.
type Corpus struct {
	// Docs are the documents in load order.
	Docs []*Document
	docs map[string]*Document
	// onDemand marks a corpus whose documents are read on first use
	// (Packed.Corpus).
	onDemand bool
	each     func(fn func(k int, d *Document)) error  // see EachApart
	inOrder  func(yield func(d *Document) bool) error // see EachApartInOrder
	release  func(d *Document)                        // see Release
}

// NewCorpus indexes docs by ID.
func NewCorpus(docs []*Document) *Corpus {
	c := &Corpus{Docs: docs, docs: make(map[string]*Document, len(docs))}
	disambiguate(docs)
	for _, d := range docs {
		c.docs[d.ID] = d
	}
	return c
}

// OnDemand reports whether c's documents are read on first use
// (Packed.Corpus): a view over every node (the targets, a filter over the
// whole tree) reads the whole library, so a reader starts such work only
// when it is asked for.
func (c *Corpus) OnDemand() bool { return c != nil && c.onDemand }

// EachApart calls fn for every document of c, k its place in c.Docs, a
// document per processor at a time (fn must be safe for concurrent use).
// For a corpus read on first use (OnDemand) each document is decoded
// apart from c's own and let go once fn returns — fn must keep nothing
// of it but copies — so a pass over the whole library (collecting its
// targets) holds a document per processor, not the library, and leaves
// c's documents undecoded; err is the first document that could not be
// read (fn is called for the rest). For any other corpus the documents
// are c's own.
func (c *Corpus) EachApart(fn func(k int, d *Document)) error {
	if c == nil {
		return nil
	}
	if c.each != nil {
		return c.each(fn)
	}
	eachIndex(len(c.Docs), func(k int) { fn(k, c.Docs[k]) })
	return nil
}

// EachApartInOrder is EachApart a document at a time, in corpus order,
// until yield returns false: for work whose result depends on the order
// (an index numbering what it meets). For a corpus read on first use,
// each document is decoded apart and let go — its texts' pages given
// back — once yield returns, and the first document that cannot be read
// stops it with its error.
func (c *Corpus) EachApartInOrder(yield func(d *Document) bool) error {
	if c == nil {
		return nil
	}
	if c.inOrder != nil {
		return c.inOrder(yield)
	}
	for _, d := range c.Docs {
		if !yield(d) {
			break
		}
	}
	return nil
}

// Release tells a corpus read on first use that d's texts will not be
// read again soon: the memory they occupy (pages of a mapped file) may be
// given back, to be read again if they are. For any other corpus it does
// nothing.
func (c *Corpus) Release(d *Document) {
	if c != nil && c.release != nil && d.Decoded() {
		c.release(d)
	}
}

// Decoded reports whether d's nodes are in memory: always, but for a
// document opened undecoded (Packed.Corpus) that Load has not read yet.
func (d *Document) Decoded() bool { return d.pending == nil || d.loaded.Load() }

// Node returns the node with the given ID. A node's ID starts with its
// document's and a slash, so only that document is read and searched:
// looking up a bookmark or a related clause does not decode a library
// opened undecoded. It is safe for concurrent use.
func (c *Corpus) Node(id string) (*Node, bool) {
	docID, _, ok := strings.Cut(id, "/")
	if !ok {
		return nil, false
	}
	d, ok := c.docs[docID]
	if !ok {
		return nil, false
	}
	var found *Node
	d.Walk(func(n *Node) bool {
		if found == nil && n.ID == id {
			found = n
		}
		return found == nil
	})
	return found, found != nil
}

// Doc returns the document with the given ID.
func (c *Corpus) Doc(id string) (*Document, bool) {
	d, ok := c.docs[id]
	return d, ok
}

// Nodes calls fn for every node of every document in corpus order.
func (c *Corpus) Nodes(fn func(*Node) bool) {
	for _, d := range c.Docs {
		d.Walk(fn)
	}
}

// EnsureAnnotations annotates every document read without its
// annotations (see Document.EnsureAnnotations), a document per processor
// at a time: for a view over the whole library, where annotating is most
// of the work.
func (c *Corpus) EnsureAnnotations() {
	if c == nil {
		return
	}
	eachDoc(c.Docs, (*Document).EnsureAnnotations)
}

// LoadAll reads the nodes of every one of docs opened undecoded (see
// Document.Load), a document per processor at a time: for a view over
// the whole library.
func LoadAll(docs []*Document) {
	eachDoc(docs, func(d *Document) { d.Load() })
}

// eachDoc calls fn for every one of docs, a document per processor at a
// time.
func eachDoc(docs []*Document, fn func(*Document)) {
	eachIndex(len(docs), func(i int) { fn(docs[i]) })
}

// eachIndex calls fn for every i in [0, n), on a goroutine per processor.
func eachIndex(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// disambiguate extends the Short label of a document whose label an
// earlier document already has (two copies of one file, or two
// same-titled documents from one province) with its ID, so every document
// can be told apart in a list. The first keeps its label, as it keeps its
// ID: a label never depends on documents that come later, so a library
// read in batches is labelled as one read whole, and running it again
// changes nothing.
func disambiguate(docs []*Document) {
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		markLabel(seen, d)
	}
}

// markLabel extends d's Short label with its ID when seen holds its label,
// and records the label it ends with.
func markLabel(seen map[string]bool, d *Document) {
	if seen[d.Label()] {
		// The ID, then -2, -3 … should the label with it be taken too
		// (a title that ends like another's label).
		base := d.Short
		d.Short = strings.TrimSpace(base + " " + d.ID)
		for n := 2; seen[d.Label()]; n++ {
			d.Short = strings.TrimSpace(fmt.Sprintf("%s %s-%d", base, d.ID, n))
		}
	}
	seen[strings.Clone(d.Label())] = true // kept past d: see idAssigner.assign
}

func firstRunes(s string, n int) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Key identifies the set of documents c holds, whatever their order: the
// first 16 hex digits of the SHA-256 of their sorted IDs. The reader keeps
// one reading position per key, so a folder opened next to the seeds does
// not take their place.
func (c *Corpus) Key() string {
	ids := make([]string, 0, len(c.Docs))
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	sort.Strings(ids)
	sum := sha256.Sum256([]byte(strings.Join(ids, "\n")))
	return hex.EncodeToString(sum[:8])
}
