package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"policyreader/corpus/highlight"
)

// The binary form of a parsed document, for the persistent cache: a
// stream of unsigned varints and length-prefixed strings, nodes in
// document order each followed by its children. Decoding copies no text:
// every string of the decoded document points into the buffer it was
// decoded from, so a cache segment mapped into memory is read in place and
// its pages are shared with the page cache.
//
// A buffer that is not the output of AppendDocument is reported as an
// error, never a panic; the cache checksums its segments, so this is the
// second line of defence.

// codecVersion changes whenever the binary form or the data model it
// stores changes; the cache keeps it in every segment's header.
const codecVersion = 2

// CodecVersion is the version of the binary form AppendDocument writes.
// A cache must not trust data written under another version.
func CodecVersion() int { return codecVersion }

// maxDecodeDepth bounds nesting in a decoded tree; the grammars nest at
// most a handful of levels.
const maxDecodeDepth = 64

// AppendDocument appends the binary form of d to dst. annotated says the
// document carries its annotations (highlight spans and responsibility
// annotations); DecodeDocument reports it back, so a reader that needs
// them can compute them for a document stored without.
func AppendDocument(dst []byte, d *Document, annotated bool) []byte {
	return AppendDocumentAs(dst, d, annotated, d.Short)
}

// AppendDocumentAs is AppendDocument with short for d's Short label: the
// label as the document was read, before NewCorpus extended it to tell
// it from another of the same title (which may be gone next time).
func AppendDocumentAs(dst []byte, d *Document, annotated bool, short string) []byte {
	e := encoder{buf: dst}
	e.document(d, annotated, short)
	return e.buf
}

// AppendDocumentApart is AppendDocumentAs with the nodes' texts — the bulk
// of a document — kept apart: each is written as its offset and length in
// a text region that holds them in document order, the first at textOff,
// and the offset after the last is returned. AppendTexts writes that
// region's part for d. A library packed this way keeps its documents'
// structure together and their texts together, so reading the structure
// (a tree, the IDs, the labels) does not page the texts in.
func AppendDocumentApart(dst []byte, d *Document, annotated bool, short string, textOff int) ([]byte, int) {
	e := encoder{buf: dst, apart: true, textOff: textOff}
	e.document(d, annotated, short)
	return e.buf, e.textOff
}

// AppendTexts appends the texts of d's nodes in document order: the text
// region AppendDocumentApart refers to.
func AppendTexts(dst []byte, d *Document) []byte {
	d.Walk(func(n *Node) bool {
		dst = append(dst, n.Text...)
		return true
	})
	return dst
}

func (e *encoder) document(d *Document, annotated bool, short string) {
	d.Load() // a document opened undecoded is written whole
	e.bool(annotated)
	e.str(d.ID)
	e.str(d.Source)
	e.str(d.Title)
	e.str(short)
	e.strs(d.Issuers)
	e.str(d.DocNumber)
	e.str(d.Date)
	e.strs(d.History)
	e.bool(d.Truncated)
	e.str(d.Grammar)
	e.bool(d.Flat)
	e.slen(d.dropped == nil, len(d.dropped))
	for _, s := range d.dropped {
		e.uint(s.line)
		e.str(s.reason)
		e.str(s.text)
	}
	e.nodes(d.Children)
}

type encoder struct {
	buf []byte
	// apart writes node texts as offsets into a text region, the next
	// at textOff (AppendDocumentApart).
	apart   bool
	textOff int
}

func (e *encoder) uint(v int) { e.buf = binary.AppendUvarint(e.buf, uint64(v)) }

// slen writes the length of a slice, telling nil (0) from empty (1), so
// a decoded document is the parsed one exactly.
func (e *encoder) slen(isNil bool, n int) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(n + 1)
	}
}

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) str(s string) {
	e.uint(len(s))
	e.buf = append(e.buf, s...)
}

// text writes a node's text: inline, or as its offset and length in the
// text region.
func (e *encoder) text(s string) {
	if !e.apart {
		e.str(s)
		return
	}
	e.uint(e.textOff)
	e.uint(len(s))
	e.textOff += len(s)
}

func (e *encoder) strs(ss []string) {
	e.slen(ss == nil, len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) nodes(ns []*Node) {
	e.slen(ns == nil, len(ns))
	for _, n := range ns {
		e.str(n.ID)
		e.uint(int(n.Kind))
		e.str(n.Number)
		e.str(n.Heading)
		e.text(n.Text)
		e.slen(n.Rows == nil, len(n.Rows))
		for _, row := range n.Rows {
			e.strs(row)
		}
		e.slen(n.Spans == nil, len(n.Spans))
		for _, sp := range n.Spans {
			e.uint(sp.Start)
			e.uint(sp.End)
			e.uint(int(sp.Kind))
		}
		e.strs(n.Responsible)
		e.uint(int(n.Leads))
		e.uint(int(n.value))
		e.uint(int(n.sub))
		e.str(n.prefix)
		e.nodes(n.Children)
	}
}

// errCorrupt reports a buffer that is not a document's binary form.
var errCorrupt = errors.New("not a document in the cache's binary form")

// DecodeDocument reads a document written by AppendDocument. The strings of
// the document share memory with data, which must therefore never change
// while the document is in use (a read-only mapping, or a buffer nobody
// writes to again). annotated reports whether the document was stored with
// its annotations.
func DecodeDocument(data []byte) (d *Document, annotated bool, err error) {
	return decodeDocument(decoder{buf: data})
}

// DecodeDocumentApart reads a document written by AppendDocumentApart,
// whose texts are in text (the region AppendTexts wrote, from its start).
// Its strings share memory with data and text alike.
func DecodeDocumentApart(data, text []byte) (d *Document, annotated bool, err error) {
	return decodeDocument(decoder{buf: data, apart: true, text: text})
}

// DecodeDocumentHead reads the document written by AppendDocument or
// AppendDocumentApart up to its nodes: its ID, source, title, labels and
// other facts, with no node (see Packed.Corpus). Its strings share memory
// with data.
func DecodeDocumentHead(data []byte) (*Document, error) {
	dc := decoder{buf: data}
	dc.bool()
	d := dc.head()
	if dc.err != nil {
		return nil, dc.err
	}
	return d, nil
}

func decodeDocument(dc decoder) (d *Document, annotated bool, err error) {
	annotated = dc.bool()
	d = dc.head()
	d.Children = dc.nodes(d, nil, 0)
	if dc.err == nil && dc.off != len(dc.buf) {
		dc.fail("%d bytes after the document", len(dc.buf)-dc.off)
	}
	if dc.err != nil {
		return nil, false, dc.err
	}
	return d, annotated, nil
}

// head reads a document's fields before its nodes.
func (dc *decoder) head() *Document {
	d := &Document{}
	d.ID = dc.str()
	d.Source = dc.str()
	d.Title = dc.str()
	d.Short = dc.str()
	d.Issuers = dc.strs()
	d.DocNumber = dc.str()
	d.Date = dc.str()
	d.History = dc.strs()
	d.Truncated = dc.bool()
	d.Grammar = dc.str()
	d.Flat = dc.bool()
	if n, isNil := dc.slen(3); !isNil && dc.err == nil {
		d.dropped = make([]stripped, n)
		for i := range d.dropped {
			d.dropped[i] = stripped{line: dc.uint(), reason: dc.str(), text: dc.str()}
		}
	}
	return d
}

type decoder struct {
	buf []byte
	off int
	err error
	// apart reads node texts as offsets into text.
	apart bool
	text  []byte
	// promised is the bytes the nodes claimed so far but not yet decoded
	// still need (nodeMinBytes each): a claim at one level is checked
	// against what the levels above have not already claimed, so nested
	// claims cannot multiply what a short buffer makes the decoder
	// allocate.
	promised int
}

func (dc *decoder) fail(format string, args ...any) {
	if dc.err == nil {
		dc.err = fmt.Errorf("%w: "+format+" at byte %d", append([]any{errCorrupt}, append(args, dc.off)...)...)
	}
}

// uint reads a varint that must fit an int.
func (dc *decoder) uint() int {
	if dc.err != nil {
		return 0
	}
	v, n := binary.Uvarint(dc.buf[dc.off:])
	if n <= 0 || v > math.MaxInt32 { // no length or number of a document comes near
		dc.fail("bad number")
		return 0
	}
	dc.off += n
	return int(v)
}

// count reads a length whose elements take at least min bytes each, so a
// corrupt length cannot make the decoder allocate more than the buffer
// could hold.
func (dc *decoder) count(min int) int {
	n := dc.uint()
	if n > (len(dc.buf)-dc.off)/min {
		dc.fail("length %d past the end", n)
		return 0
	}
	return n
}

// slen reads what encoder.slen wrote: the length, and whether the slice
// is nil.
func (dc *decoder) slen(min int) (n int, isNil bool) {
	v := dc.uint()
	if v == 0 || dc.err != nil {
		return 0, true
	}
	if v-1 > (len(dc.buf)-dc.off-dc.promised)/min {
		dc.fail("length %d past the end", v-1)
		return 0, true
	}
	return v - 1, false
}

func (dc *decoder) bool() bool {
	if dc.err != nil {
		return false
	}
	if dc.off >= len(dc.buf) || dc.buf[dc.off] > 1 {
		dc.fail("bad flag")
		return false
	}
	dc.off++
	return dc.buf[dc.off-1] == 1
}

// str returns the next string without copying it.
func (dc *decoder) str() string {
	n := dc.count(1)
	if dc.err != nil || n == 0 {
		return ""
	}
	s := unsafe.String(&dc.buf[dc.off], n)
	dc.off += n
	return s
}

// nodeText reads what encoder.text wrote.
func (dc *decoder) nodeText() string {
	if !dc.apart {
		return dc.str()
	}
	off, n := dc.uint(), dc.uint()
	if dc.err != nil || n == 0 {
		return ""
	}
	if off > len(dc.text) || n > len(dc.text)-off {
		dc.fail("text %d+%d past the text region's %d bytes", off, n, len(dc.text))
		return ""
	}
	return unsafe.String(&dc.text[off], n)
}

func (dc *decoder) strs() []string {
	n, isNil := dc.slen(1)
	if isNil || dc.err != nil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = dc.str()
	}
	return out
}

// nodeMinBytes is the fewest bytes one encoded node takes.
const nodeMinBytes = 13

func (dc *decoder) nodes(d *Document, parent *Node, depth int) []*Node {
	n, isNil := dc.slen(nodeMinBytes)
	if isNil || dc.err != nil {
		return nil
	}
	if n == 0 {
		return []*Node{}
	}
	dc.promised += n * nodeMinBytes
	if depth >= maxDecodeDepth {
		dc.fail("nodes nested deeper than %d", maxDecodeDepth)
		return nil
	}
	// One allocation for the siblings' records.
	recs := make([]Node, n)
	out := make([]*Node, n)
	for i := range recs {
		dc.promised -= nodeMinBytes // this node's bytes are read now
		nd := &recs[i]
		out[i] = nd
		nd.Parent, nd.Doc = parent, d
		nd.ID = dc.str()
		if k := dc.uint(); k < len(kindNames) {
			nd.Kind = Kind(k)
		} else {
			dc.fail("bad kind")
		}
		nd.Number = dc.str()
		nd.Heading = dc.str()
		nd.Text = dc.nodeText()
		if rows, isNil := dc.slen(1); !isNil && dc.err == nil {
			nd.Rows = make([][]string, rows)
			for r := range nd.Rows {
				nd.Rows[r] = dc.strs()
			}
		}
		if spans, isNil := dc.slen(3); !isNil && dc.err == nil {
			nd.Spans = make([]Span, spans)
			for s := range nd.Spans {
				nd.Spans[s] = Span{Start: dc.uint(), End: dc.uint(), Kind: highlight.Kind(dc.uint())}
			}
		}
		nd.Responsible = dc.strs()
		// uint is at most MaxInt32.
		nd.Leads = int32(dc.uint())
		nd.value = int32(dc.uint())
		nd.sub = int32(dc.uint())
		nd.prefix = dc.str()
		nd.Children = dc.nodes(d, nd, depth+1)
		if dc.err != nil {
			return nil
		}
	}
	return out
}
