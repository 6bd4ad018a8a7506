package cache

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unsafe"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// A pack holds one set of documents — a library as last opened — with
// their search index, so that opening it again reads one file instead of
// a segment per document:
//
//	magic    8 bytes  "PRPACK\x00\x00"
//	version  u32      layoutVersion
//	ndocs    u32
//	key      32 bytes packKey of the documents' sources
//	length   u64      of the payload
//	crc      u32      CRC-32C of the payload
//	pad      u32
//	payload, at offset 64:
//	  textLen u64, then the texts of every document's nodes, in order
//	  (corpus.AppendTexts), padded to 8 bytes
//	  per document, 8-byte aligned: its source's identity (size, mtime,
//	  ctime, inode, dev, written, content: 7 × u64), flags u32 (1: with
//	  annotations), pathLen u32, docLen u64, the path, then the offset of
//	  the document's first text in the text region (uvarint) and the
//	  document without its texts, their offsets from that one
//	  (corpus.AppendDocumentApart, as the library had it: IDs and labels
//	  made unique)
//	  the search index (search.(*Index).AppendBinary), 8-byte aligned, to
//	  the end
//
// The texts, most of a library, lie apart from the documents' structure,
// so what reads only the structure — labels, IDs, the index's walk of the
// nodes — does not page them in: a search reads its candidates' texts, a
// reader the documents it shows.
//
// The key hashes the build, the codec and every source's path, size,
// times, inode and device, in order, so a pack is found from the sources'
// metadata alone; each document's identity is checked again, and a source
// changed too recently to trust its metadata is checked by content, as
// for a segment (the pack is then rewritten with the check's time, once
// that is late enough to settle it). A pack is mapped, its documents and
// index read in place.
const (
	packMagic      = "PRPACK\x00\x00"
	packHeaderSize = 64
	packDocFixed   = 7*8 + 4 + 4 + 8
	// Flags of a pack's entry.
	packAnnotated = 1 // the document carries its annotations
	packFailed    = 2 // the source failed: the entry holds the reason
	// keepPacks is how many packs (libraries) the cache keeps; the least
	// recently used go first (a pack read is touched: markUsed).
	keepPacks = 8
)

// listing is what the last one-by-one read of a library gave: per source
// its identity and its document or failure.
type listing struct {
	ids     []sourceID
	entries []corpus.PackEntry
}

// loadedPack is the pack the store last gave documents from.
type loadedPack struct {
	path    string
	docs    []*corpus.Document
	has     map[*corpus.Document]bool
	index   []byte // the search index's stored form
	dropped bool   // removed since (a document was annotated)
	data    []byte // the mapped pack its documents' texts point into
}

func (s *Store) packDir() string { return filepath.Join(s.dir, "packs") }

func (s *Store) packPath(key [32]byte) string {
	return filepath.Join(s.packDir(), fmt.Sprintf("%x.pack", key[:16]))
}

// packKey hashes what finds a pack: the build, the codec and the sources'
// identities as their metadata gives them.
func (s *Store) packKey(ids []sourceID) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "pack %d build %d codec %d\n", layoutVersion, s.build, s.codec)
	for _, id := range ids {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00%d\x00%d\n", id.path, id.size, id.mtime, id.ctime, id.inode, id.dev)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return key
}

// remember records the source identity a document was read or parsed
// under, and whether it came with its annotations.
func (s *Store) remember(d *corpus.Document, id sourceID, annotated bool) {
	s.mu.Lock()
	if s.ids == nil {
		s.ids = map[*corpus.Document]sourceID{}
		s.asRead = map[*corpus.Document]readAs{}
	}
	s.ids[d] = id
	s.asRead[d] = readAs{id: d.ID, short: d.Short, annotated: annotated}
	s.mu.Unlock()
}

// rememberPacked is remember for a document read from a pack as the
// library had it: its annotations are never stored again apart.
func (s *Store) rememberPacked(d *corpus.Document, id sourceID, annotated bool) {
	s.remember(d, id, annotated)
	s.mu.Lock()
	r := s.asRead[d]
	r.fromPack = true
	s.asRead[d] = r
	s.mu.Unlock()
}

// GetPack returns one entry per source of srcs, in order — its document,
// or why it failed — when a pack holds exactly these sources as they are
// now; ok is false otherwise (the caller then reads them one by one). It
// implements corpus.PackCache.
func (s *Store) GetPack(srcs []corpus.Source) (entries []corpus.PackEntry, ok bool) {
	data, path, ids, err := s.mapPackOf(srcs)
	if err != nil {
		return nil, false
	}
	entries, stored, index, err := s.decodePackRelaxed(data, srcs, ids)
	if err != nil {
		unmapFile(data)
		if !errors.Is(err, errStale) {
			s.count(func(st *Stats) { st.Rejected++ })
			s.note("pack", fmt.Sprintf("cache: ignored an unusable pack (%v); it is rebuilt", err))
		}
		return nil, false
	}
	var docs []*corpus.Document
	has := map[*corpus.Document]bool{}
	l := &listing{entries: entries, ids: stored}
	for _, e := range entries {
		if e.Doc != nil {
			docs = append(docs, e.Doc)
			has[e.Doc] = true
		}
	}
	markUsed(path)
	s.mu.Lock()
	// The pack's listing stands for the library, so a pack rebuilt (its
	// index unusable, its documents annotated) gets the same key.
	s.listing = l
	s.pack = &loadedPack{path: path, docs: docs, has: has, index: index, data: data}
	s.stats.Hits += len(docs)
	s.stats.PackHits++
	s.mu.Unlock()
	return entries, true
}

// mapPackOf maps the pack that would hold srcs as they are now, found by
// their identities (ids), at path.
func (s *Store) mapPackOf(srcs []corpus.Source) (data []byte, path string, ids []sourceID, err error) {
	ids = make([]sourceID, len(srcs))
	for i, src := range srcs {
		ids[i] = idOf(src.Key, src.Info)
	}
	path = s.packPath(s.packKey(ids))
	data, err = mapPath(path)
	return data, path, ids, err
}

// ReleaseTexts tells the store that the texts of d, a document of the
// pack it read, will not be read again soon (a command that prints a
// library a document at a time): their pages leave the process's
// resident set, and come back from the page cache if read after all. It
// does nothing for a document read another way.
func (s *Store) ReleaseTexts(d *corpus.Document) {
	s.mu.Lock()
	p := s.pack
	s.mu.Unlock()
	if p == nil || !p.has[d] {
		return
	}
	if ext := textExtent(p.data, d); ext != nil {
		release(ext)
	}
}

// textExtent returns the part of data spanned by those of d's node texts
// that lie in it (a table's text, rebuilt from its rows, does not), or
// nil; nothing outside data is ever returned.
func textExtent(data []byte, d *corpus.Document) []byte {
	if len(data) == 0 {
		return nil
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	end := base + uintptr(len(data))
	lo, hi := end, base
	d.Walk(func(n *corpus.Node) bool {
		if n.Text == "" {
			return true
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(n.Text)))
		if p >= base && p+uintptr(len(n.Text)) <= end {
			lo, hi = min(lo, p), max(hi, p+uintptr(len(n.Text)))
		}
		return true
	})
	if lo >= hi {
		return nil
	}
	return data[lo-base : hi-base]
}

// Listed records what reading srcs one by one gave, for the pack written
// once the library's index is built. It implements corpus.PackCache.
func (s *Store) Listed(srcs []corpus.Source, entries []corpus.PackEntry) {
	now := s.now().UnixNano()
	l := &listing{ids: make([]sourceID, len(srcs)), entries: entries}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, src := range srcs {
		if d := entries[i].Doc; d != nil {
			id, ok := s.ids[d]
			if !ok {
				return // a document of elsewhere: no pack
			}
			l.ids[i] = id
			continue
		}
		l.ids[i] = idOf(src.Key, src.Info)
		l.ids[i].written = now
	}
	s.listing = l
}

// decodePackRelaxed is decodePack under packGCPercent.
func (s *Store) decodePackRelaxed(data []byte, srcs []corpus.Source, ids []sourceID) ([]corpus.PackEntry, []sourceID, []byte, error) {
	defer raiseGC()()
	return s.decodePack(data, srcs, ids)
}

// decodePack checks a pack against srcs and decodes its documents.
func (s *Store) decodePack(data []byte, srcs []corpus.Source, ids []sourceID) (entries []corpus.PackEntry, stored []sourceID, index []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			entries, stored, index, err = nil, nil, nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	key := s.packKey(ids)
	payload, err := checkPack(data, key, len(srcs))
	if err != nil {
		return nil, nil, nil, err
	}
	text, first, err := packTexts(payload)
	if err != nil {
		return nil, nil, nil, err
	}
	// The documents' pages are released behind the decoding: a decoded
	// document points into the mapping, whose pages come back from the
	// page cache when read again.
	off, released := first, first
	var settle []int // offsets of racy documents now checked and old enough
	unsettled := false
	entries = make([]corpus.PackEntry, len(srcs))
	stored = make([]sourceID, len(srcs))
	for i, src := range srcs {
		h, body, err := readEntry(payload[off:])
		if err != nil {
			return nil, nil, nil, err
		}
		id, flags := h.id, h.flags
		if !id.sameFile(ids[i]) {
			return nil, nil, nil, fmt.Errorf("%w: %s", errStale, src.Name)
		}
		if flags&packFailed != 0 {
			// A source that could not be read: its reason, trusted on its
			// metadata alone once settled.
			if id.racy() {
				return nil, nil, nil, fmt.Errorf("%w: %s changed too recently", errStale, src.Name)
			}
			entries[i] = corpus.PackEntry{Failure: string(body)}
			stored[i] = id
			off += h.size()
			continue
		}
		if id.racy() {
			// Changed too recently for its metadata to prove it the same:
			// check the content, as for a segment.
			checked, settles, same := s.checkContent(src.Name, id)
			if !same {
				return nil, nil, nil, fmt.Errorf("%w: %s", errStale, src.Name)
			}
			if settles {
				id.written = checked.UnixNano()
				settle = append(settle, off)
			} else {
				unsettled = true
			}
		}
		d, ann, err := decodeDocBody(body, text)
		if err != nil {
			return nil, nil, nil, err
		}
		if ann != (flags&packAnnotated != 0) || src.NeedAnnotations && !ann {
			return nil, nil, nil, fmt.Errorf("%w: %s lacks its annotations", errStale, src.Name)
		}
		d.Source = src.Name
		entries[i], stored[i] = corpus.PackEntry{Doc: d, Annotated: ann}, id
		off += h.size()
		if off-released >= releaseChunk {
			release(payload[released:off])
			released = off
		}
	}
	release(payload[released:off])
	if len(settle) > 0 && !unsettled {
		// Rewrite the pack with the new reading times, so the next run
		// trusts the metadata alone (once: the next run finds it settled).
		s.settlePack(data, settle, stored, s.packPath(key))
	}
	for i, e := range entries {
		if e.Doc != nil {
			s.remember(e.Doc, stored[i], e.Annotated)
		}
	}
	s.mu.Lock()
	for _, e := range entries {
		if e.Doc != nil {
			r := s.asRead[e.Doc]
			r.fromPack = true
			s.asRead[e.Doc] = r
		}
	}
	s.mu.Unlock()
	return entries, stored, payload[min(off, len(payload)):], nil
}

// checkPack checks a mapped pack's header — magic, version, the key of
// its n sources, length — and its payload's checksum (reading the payload
// a chunk at a time, each released once summed); it returns the payload.
func checkPack(data []byte, key [32]byte, n int) ([]byte, error) {
	le := binary.LittleEndian
	if len(data) < packHeaderSize || string(data[:8]) != packMagic {
		return nil, fmt.Errorf("%w: not a pack", errDamaged)
	}
	if v := le.Uint32(data[8:]); v != layoutVersion {
		return nil, fmt.Errorf("%w (pack format %d, this one reads %d)", errVersion, v, layoutVersion)
	}
	if int(le.Uint32(data[12:])) != n || !bytes.Equal(data[16:48], key[:]) {
		return nil, fmt.Errorf("%w: a pack of other documents", errStale)
	}
	payload := data[packHeaderSize:]
	if le.Uint64(data[48:]) != uint64(len(payload)) {
		return nil, fmt.Errorf("%w: pack length (truncated?)", errDamaged)
	}
	if checksumReleasing(payload) != le.Uint32(data[56:]) {
		return nil, fmt.Errorf("%w: pack checksum mismatch", errDamaged)
	}
	return payload, nil
}

// streamPack writes the pack of entries (with ids) and ix to path: the
// documents are encoded one at a time into one reused buffer, so writing a
// library's pack does not hold a copy of it all. abandoned reports a write
// given up because the reader quit (nothing is installed).
func (s *Store) streamPack(path string, ids []sourceID, entries []corpus.PackEntry, ix *search.Index) (abandoned bool, err error) {
	key := s.packKey(ids)
	var header [packHeaderSize]byte
	copy(header[:], packMagic)
	le := binary.LittleEndian
	le.PutUint32(header[8:], layoutVersion)
	le.PutUint32(header[12:], uint32(len(entries)))
	copy(header[16:48], key[:])
	err = writePackFile(path, header, func(write func([]byte) error) error {
		// The texts first, then the documents that point into them.
		textLen := 0
		for _, e := range entries {
			if e.Doc != nil {
				e.Doc.Walk(func(nd *corpus.Node) bool {
					textLen += len(nd.Text)
					return true
				})
			}
		}
		if err := write(le.AppendUint64(nil, uint64(textLen))); err != nil {
			return err
		}
		var body, entry []byte
		for _, e := range entries {
			if e.Doc != nil {
				if err := write(corpus.AppendTexts(body[:0], e.Doc)); err != nil {
					return err
				}
			}
		}
		if err := write(make([]byte, align8(8+textLen)-8-textLen)); err != nil {
			return err
		}
		textOff := 0 // where the next document's texts start
		for i, e := range entries {
			if s.abandon.Load() {
				return errAbandoned // the reader quit: written next time
			}
			var flags uint32
			if d := e.Doc; d != nil {
				// A document to be annotated on first use is annotated
				// now (the pack keeps it as the reader will use it); one
				// read without them for good is stored without.
				d.EnsureAnnotations()
				s.mu.Lock()
				ann := s.asRead[d].annotated
				s.mu.Unlock()
				if ann {
					flags |= packAnnotated
				}
				var n int
				body, n = appendDocBody(body[:0], textOff, d, ann)
				textOff += n
			} else {
				flags, body = packFailed, append(body[:0], e.Failure...)
			}
			entry = appendEntry(entry[:0], ids[i], flags, body)
			if err := write(entry); err != nil {
				return err
			}
		}
		if textOff != textLen {
			return fmt.Errorf("%w: texts changed while packed (%d bytes, then %d)", errNotPacked, textLen, textOff)
		}
		// The index is laid out from an 8-byte aligned offset, as Load
		// needs, and written from its arrays.
		return ix.WriteBinary(writerFunc(write))
	})
	if errors.Is(err, errAbandoned) {
		return true, nil
	}
	return false, err
}

// errAbandoned stops a pack's writing when the reader quits.
var errAbandoned = errors.New("pack writing abandoned")

// dropDamaged removes the pack at path, whose index a search found
// damaged, so the next run builds it anew — unless the file there now is
// another pack than the mapped one (data), written since (a first read's
// pack packed again with its annotations): that one is left alone.
func (s *Store) dropDamaged(path string, data []byte) {
	s.count(func(st *Stats) { st.Rejected++ })
	s.note("pack", "cache: a stored search index was damaged; it is rebuilt next time")
	if f, _, err := openRegular(path); err == nil {
		head := make([]byte, packHeaderSize)
		_, err := io.ReadFull(f, head)
		f.Close()
		if err == nil && len(data) >= packHeaderSize && !bytes.Equal(head, data[:packHeaderSize]) {
			return
		}
	}
	os.Remove(path)
}

// errNotPacked is a pack not written for what its documents did, not for
// the disk: the cache stays writable.
var errNotPacked = errors.New("pack not written")

// writePackFile writes a pack to path through a temporary file renamed
// over it: header, then the payload fill writes, buffered; the payload's
// length and CRC-32C are put in the header once it is written.
func writePackFile(path string, header [packHeaderSize]byte, fill func(write func([]byte) error) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("create a temporary pack: %w", err)
	}
	installed := false
	defer func() {
		if !installed {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	if _, err := bw.Write(header[:]); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	sum := crc32.New(castagnoli)
	var n uint64
	err = fill(func(b []byte) error {
		sum.Write(b)
		n += uint64(len(b))
		_, err := bw.Write(b)
		return err
	})
	if errors.Is(err, errAbandoned) {
		return err
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	binary.LittleEndian.PutUint64(header[48:], n)
	binary.LittleEndian.PutUint32(header[56:], sum.Sum32())
	if _, err := f.WriteAt(header[:], 0); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	installed = true // renamed, or removed here
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("install pack: %w", err)
	}
	return nil
}

func align8(n int) int { return (n + 7) &^ 7 }

// writerFunc is an io.Writer that hands each write to a function.
type writerFunc func([]byte) error

func (f writerFunc) Write(b []byte) (int, error) {
	if err := f(b); err != nil {
		return 0, err
	}
	return len(b), nil
}

// packTexts returns a pack payload's text region and the offset of its
// first document.
func packTexts(payload []byte) (text []byte, first int, err error) {
	if len(payload) < 8 {
		return nil, 0, fmt.Errorf("%w: pack cut short", errDamaged)
	}
	n := binary.LittleEndian.Uint64(payload)
	if n > uint64(len(payload)-8) {
		return nil, 0, fmt.Errorf("%w: pack texts past its end", errDamaged)
	}
	return payload[8 : 8+n], align8(8 + int(n)), nil
}

// releaseChunk is how much of a mapped pack is read before its pages are
// released (see release): the most of it resident at once while it is
// checked and decoded.
const releaseChunk = 4 << 20

// checksumReleasing is the CRC-32C of a mapped payload, read a chunk at a
// time and each chunk's pages released once summed, so checking a pack
// does not make all of it resident.
func checksumReleasing(payload []byte) uint32 {
	var crc uint32
	for off := 0; off < len(payload); off += releaseChunk {
		chunk := payload[off:min(off+releaseChunk, len(payload))]
		crc = crc32.Update(crc, castagnoli, chunk)
		release(chunk)
	}
	return crc
}

// entryHead is the fixed part of a pack's entry: the source's identity
// (its path follows), the entry's flags and the lengths of the path and
// of the body (the document, or a failure's reason) after it.
type entryHead struct {
	id               sourceID // path not included
	flags            uint32
	pathLen, bodyLen uint64
}

// Offset of the reading time in an entry, for settling it in place.
const entryWrittenOff = 40

func readEntryHead(f []byte) entryHead {
	le := binary.LittleEndian
	return entryHead{
		id: sourceID{
			size: int64(le.Uint64(f[0:])), mtime: int64(le.Uint64(f[8:])), ctime: int64(le.Uint64(f[16:])),
			inode: le.Uint64(f[24:]), dev: le.Uint64(f[32:]), written: int64(le.Uint64(f[entryWrittenOff:])), content: le.Uint64(f[48:]),
		},
		flags: le.Uint32(f[56:]), pathLen: uint64(le.Uint32(f[60:])), bodyLen: le.Uint64(f[64:]),
	}
}

func (h entryHead) put(f []byte) {
	le := binary.LittleEndian
	le.PutUint64(f[0:], uint64(h.id.size))
	le.PutUint64(f[8:], uint64(h.id.mtime))
	le.PutUint64(f[16:], uint64(h.id.ctime))
	le.PutUint64(f[24:], h.id.inode)
	le.PutUint64(f[32:], h.id.dev)
	le.PutUint64(f[entryWrittenOff:], uint64(h.id.written))
	le.PutUint64(f[48:], h.id.content)
	le.PutUint32(f[56:], h.flags)
	le.PutUint32(f[60:], uint32(h.pathLen))
	le.PutUint64(f[64:], h.bodyLen)
}

// size is the entry's length in the pack, padding included.
func (h entryHead) size() int { return align8(packDocFixed + int(h.pathLen) + int(h.bodyLen)) }

// readEntry reads the entry at the start of f: its head, with its
// source's path, and its body.
func readEntry(f []byte) (h entryHead, body []byte, err error) {
	if len(f) < packDocFixed {
		return h, nil, fmt.Errorf("%w: pack cut short", errDamaged)
	}
	h = readEntryHead(f)
	rest := uint64(len(f) - packDocFixed)
	if h.pathLen > rest || h.bodyLen > rest-h.pathLen {
		return h, nil, fmt.Errorf("%w: pack lengths do not add up", errDamaged)
	}
	h.id.path = string(f[packDocFixed : packDocFixed+h.pathLen])
	return h, f[packDocFixed+h.pathLen : packDocFixed+h.pathLen+h.bodyLen], nil
}

// appendEntry appends the entry of source id — head, path, body — to dst,
// padded to 8 bytes.
func appendEntry(dst []byte, id sourceID, flags uint32, body []byte) []byte {
	at := len(dst)
	dst = append(dst, make([]byte, packDocFixed)...)
	entryHead{id: id, flags: flags, pathLen: uint64(len(id.path)), bodyLen: uint64(len(body))}.put(dst[at:])
	dst = append(append(dst, id.path...), body...)
	return append(dst, make([]byte, align8(len(dst)-at)-(len(dst)-at))...)
}

// appendDocBody appends the body of d's entry to dst: where its texts
// start in the text region (textOff), then the document without them
// (corpus.AppendDocumentApart, as the library has it); n is its texts'
// length. Offsets from the document's own first text stay small whatever
// the library's size.
func appendDocBody(dst []byte, textOff int, d *corpus.Document, annotated bool) (body []byte, n int) {
	dst = binary.AppendUvarint(dst, uint64(textOff))
	return corpus.AppendDocumentApart(dst, d, annotated, d.Short, 0)
}

// decodeDocBody decodes the document of an entry's body (appendDocBody)
// over the pack's text region.
func decodeDocBody(body, text []byte) (*corpus.Document, bool, error) {
	base, k := binary.Uvarint(body)
	if k <= 0 || base > uint64(len(text)) {
		return nil, false, fmt.Errorf("%w: pack text offset", errDamaged)
	}
	d, ann, err := corpus.DecodeDocumentApart(body[k:], text[base:])
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", errDamaged, err)
	}
	return d, ann, nil
}

// settlePack writes a copy of a pack (data, checked) whose racy documents
// at the payload offsets settle were just verified: their reading times
// become the check's, read back from stored.
func (s *Store) settlePack(data []byte, settle []int, stored []sourceID, path string) {
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ro {
		return
	}
	payload := data[packHeaderSize:]
	le := binary.LittleEndian
	written := map[int]int64{}
	_, off, err := packTexts(payload)
	if err != nil {
		return
	}
	for _, id := range stored {
		written[off] = id.written
		off += readEntryHead(payload[off:]).size()
	}
	// The reading times to put in, by payload offset, ascending: each is
	// 8-byte aligned, so none straddles two chunks.
	var at []int
	for _, o := range settle {
		at = append(at, o+entryWrittenOff)
	}
	slices.Sort(at)
	var header [packHeaderSize]byte
	copy(header[:], data[:packHeaderSize])
	chunk := make([]byte, releaseChunk)
	err = writePackFile(path, header, func(write func([]byte) error) error {
		// Copied a chunk at a time, each chunk's mapped pages released
		// once copied: settling does not make the pack resident.
		for lo := 0; lo < len(payload); lo += releaseChunk {
			hi := min(lo+releaseChunk, len(payload))
			c := chunk[:hi-lo]
			copy(c, payload[lo:hi])
			release(payload[lo:hi])
			for len(at) > 0 && at[0] < hi {
				le.PutUint64(c[at[0]-lo:], uint64(written[at[0]-entryWrittenOff]))
				at = at[1:]
			}
			if err := write(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.count(func(st *Stats) { st.Written++ })
	}
}

// SearchIndex returns the search index of c: read from the pack c came
// from, else built — and, once every source is settled, stored with the
// documents in a pack for next time (on a goroutine of its own; Flush
// waits for it). A damaged index is noted and rebuilt.
func (s *Store) SearchIndex(c *corpus.Corpus) *search.Index {
	s.mu.Lock()
	p := s.pack
	s.mu.Unlock()
	if p != nil && slices.Equal(p.docs, c.Docs) {
		ix, err := search.Load(c, p.index)
		if err == nil {
			s.count(func(st *Stats) { st.IndexHits++ })
			ix.OnDamage(func() { s.dropDamaged(p.path, p.data) })
			return ix
		}
		s.count(func(st *Stats) { st.Rejected++ })
		s.note("pack", fmt.Sprintf("cache: ignored an unusable search index (%v); it is rebuilt", err))
		os.Remove(p.path)
	} else if ix, path, data := s.packedIndex(c); ix != nil {
		// Documents read another way (built in, or one by one) whose pack
		// is there: its index serves them.
		s.count(func(st *Stats) { st.IndexHits++ })
		ix.OnDamage(func() { s.dropDamaged(path, data) })
		return ix
	}
	ix := search.New(c)
	s.async(func() { s.writePack(c, ix) })
	return ix
}

// writePack stores c's sources and ix in a pack: the library as last
// listed, with the sources that failed, when its documents are c's; else
// c's documents alone, when every one came through this store.
func (s *Store) writePack(c *corpus.Corpus, ix *search.Index) {
	s.mu.Lock()
	ro := s.readOnly
	var ids []sourceID
	var entries []corpus.PackEntry
	if l := s.listing; l != nil && entriesAre(l.entries, c.Docs) {
		ids, entries = l.ids, l.entries
	} else {
		for _, d := range c.Docs {
			id, ok := s.ids[d]
			if !ok {
				ro = true // a document that did not come through this store
			}
			ids = append(ids, id)
			entries = append(entries, corpus.PackEntry{Doc: d})
		}
	}
	s.mu.Unlock()
	if ro || len(entries) == 0 {
		return
	}
	if err := os.MkdirAll(s.packDir(), 0o755); err == nil {
		var abandoned bool
		abandoned, err = s.streamPack(s.packPath(s.packKey(ids)), ids, entries, ix)
		switch {
		case err == nil:
			if !abandoned {
				s.count(func(st *Stats) { st.Written++ })
				s.prunePacks()
			}
			return
		case errors.Is(err, errNotPacked):
			s.note("pack", fmt.Sprintf("cache: %v", err))
			return
		}
	}
	s.mu.Lock()
	s.readOnly = true
	s.mu.Unlock()
	s.note("write", fmt.Sprintf("cache: cannot write to %s; reading without a cache", s.dir))
}

// entriesAre reports whether the entries' documents, in order, are docs.
func entriesAre(entries []corpus.PackEntry, docs []*corpus.Document) bool {
	k := 0
	for _, e := range entries {
		if e.Doc == nil {
			continue
		}
		if k >= len(docs) || docs[k] != e.Doc {
			return false
		}
		k++
	}
	return k == len(docs)
}

// dropPackOf removes the pack d was read from, once, when d has since
// been annotated: the next run reads the segments, annotated, and packs
// them again.
func (s *Store) dropPackOf(d *corpus.Document) {
	s.mu.Lock()
	p := s.pack
	drop := p != nil && !p.dropped && p.has[d]
	if drop {
		p.dropped = true
	}
	s.mu.Unlock()
	if drop {
		os.Remove(p.path)
	}
}

// idsOf returns the source identities docs were read or stored under by
// this store, in order; ok is false when one did not come through it.
func (s *Store) idsOf(docs []*corpus.Document) (ids []sourceID, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids = make([]sourceID, len(docs))
	for i, d := range docs {
		if ids[i], ok = s.ids[d]; !ok {
			return nil, false
		}
	}
	return ids, true
}

// packedIndex returns the index of the pack holding exactly c's documents
// as this store read them (found by their identities), its path and its
// mapping, or nil.
func (s *Store) packedIndex(c *corpus.Corpus) (*search.Index, string, []byte) {
	ids, ok := s.idsOf(c.Docs)
	if !ok || len(ids) == 0 {
		return nil, "", nil
	}
	path := s.packPath(s.packKey(ids))
	data, err := mapPath(path)
	if err != nil {
		return nil, "", nil
	}
	ix, err := indexOfPack(data, ids, s.packKey(ids), c)
	if err != nil {
		unmapFile(data)
		return nil, "", nil
	}
	return ix, path, data
}

// indexOfPack checks that a pack holds exactly the sources ids, content
// hashes included, and loads its index over c.
func indexOfPack(data []byte, ids []sourceID, key [32]byte, c *corpus.Corpus) (ix *search.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	le := binary.LittleEndian
	if len(data) < packHeaderSize || string(data[:8]) != packMagic || le.Uint32(data[8:]) != layoutVersion ||
		int(le.Uint32(data[12:])) != len(ids) || !bytes.Equal(data[16:48], key[:]) {
		return nil, errStale
	}
	payload := data[packHeaderSize:]
	if le.Uint64(data[48:]) != uint64(len(payload)) || crc32.Checksum(payload, castagnoli) != le.Uint32(data[56:]) {
		return nil, errDamaged
	}
	_, off, err := packTexts(payload)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if len(payload)-off < packDocFixed {
			return nil, errDamaged
		}
		f := payload[off:]
		h := readEntryHead(f)
		h.id.path = id.path
		if h.flags&packFailed != 0 || !h.id.sameFile(id) || h.id.content != id.content {
			return nil, errStale
		}
		if h.pathLen+h.bodyLen > uint64(len(f)-packDocFixed) {
			return nil, errDamaged
		}
		off += h.size()
	}
	return search.Load(c, payload[min(off, len(payload)):])
}

// mapPath maps the regular file at path read-only (see mapFile); the
// file itself is closed again.
func mapPath(path string) ([]byte, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return mapFile(f, fi.Size())
}

// markUsed sets the modification time of a pack or related-clause index
// just read to now, so pruning keeps the libraries in use, not only the
// ones written last. A cache that cannot be written keeps the old time.
func markUsed(path string) {
	now := time.Now()
	_ = os.Chtimes(path, now, now)
}

// retiredSuffixes are the suffixes of side files older builds wrote
// beside the packs and this one no longer reads: a library's word
// dictionary (the whole one is read from the binary now).
var retiredSuffixes = []string{".words"}

// prunePacks removes all but the keepPacks most recently used packs
// (and related-clause indexes), and temporary files an interrupted writer left over an hour ago.
func (s *Store) prunePacks() {
	entries, err := os.ReadDir(s.packDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") && e.Type().IsRegular() {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				os.Remove(filepath.Join(s.packDir(), e.Name()))
			}
		}
		if slices.Contains(retiredSuffixes, filepath.Ext(e.Name())) && e.Type().IsRegular() {
			os.Remove(filepath.Join(s.packDir(), e.Name()))
		}
	}
	// Packs and each kind of side file are kept apart, each the
	// keepPacks most recently used (written, or read: markUsed).
	for _, ext := range []string{".pack", relatedFile.suffix} {
		type file struct {
			name string
			mod  int64
		}
		var files []file
		for _, e := range entries {
			if filepath.Ext(e.Name()) != ext || !e.Type().IsRegular() {
				continue
			}
			if info, err := e.Info(); err == nil {
				files = append(files, file{e.Name(), info.ModTime().UnixNano()})
			}
		}
		if len(files) <= keepPacks {
			continue
		}
		slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.mod, a.mod) })
		for _, f := range files[keepPacks:] {
			os.Remove(filepath.Join(s.packDir(), f.name))
		}
	}
}
