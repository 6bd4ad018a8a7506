package cache

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime/debug"
	"time"
	"unsafe"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// libraryBatch is how much source BuildLibrary reads before it writes what
// it read and drops it: enough for every processor to parse in parallel,
// small against the library.
const libraryBatch = 8 << 20

// BuildLibrary reads the files of paths (as corpus.LoadPathsContext lists
// them) and writes their pack with its search index, without holding the
// library in memory: the files are read a batch at a time through the
// store (each parsed file's segment written, unless opt.LazyAnnotations:
// see buildLibrary), each document's texts written straight into the pack
// and its structure into a side file, and the batch dropped. The search
// index is then written over the pack just written (search.WriteStreamed):
// its documents decoded from the mapping one at a time (their texts not
// copied, their pages given back behind the build), the index built and
// appended a part at a time, and the pack installed. Opening the library
// from the pack (corpus.OpenPacked) then reads it a document at a time.
//
// A first read of a library thus peaks at about one batch while parsing
// and at the index's largest part while indexing, instead of the whole
// library decoded with its index. errs are the
// sources that failed, as corpus.LoadPathsContext reports them. err is set
// when no pack was installed: the context was cancelled or the store
// closed (a reader quitting), a source failed in a way a pack cannot keep
// (corpus.ErrNotListable), no source was found, a document changed while
// packed or its mapping could not be read back, or the cache could not be
// written (noted, and writing turned off). Flush and Close wait for a
// build under way; nothing of one that fails is left behind.
func (s *Store) BuildLibrary(ctx context.Context, paths []string, opt corpus.LoadOptions) (errs []error, err error) {
	if !s.begin() {
		return nil, fmt.Errorf("build the library's pack: %w", errAbandoned)
	}
	defer s.end() // Flush and Close wait for it
	return s.buildLibrary(ctx, paths, opt, nil)
}

// AnnotateLibrary packs the library of paths again, with its documents'
// annotations, on a goroutine of its own (Flush waits for it; Close
// abandons it): a reader's first read packs it without them, to show it
// sooner, and a library whose pack lacks them annotates every document
// its targets view reads, at every start. It does nothing when lib, the
// pack opened, has every annotation already. When the files are still as
// lib holds them, its search index, which no annotation changes, is
// copied rather than built again. The files parsed get their segments.
// The reader goes on with the pack it opened; the next start opens the
// new one — so a scratch store, which has no next start, does nothing.
func (s *Store) AnnotateLibrary(ctx context.Context, paths []string, lib corpus.PackedLibrary) {
	if s.scratch {
		return
	}
	own, err := ownLibrary(lib)
	if err != nil || own.allAnnotated() {
		return // not a pack of this store's, or nothing to add
	}
	s.async(func() { s.buildLibrary(ctx, paths, corpus.LoadOptions{}, own) })
}

// buildLibrary is BuildLibrary, counted for Flush by the caller; the
// search index of was, a pack of the same library, is copied when every
// source is as it holds it.
func (s *Store) buildLibrary(ctx context.Context, paths []string, opt corpus.LoadOptions, was *packedLibrary) (errs []error, err error) {
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ro {
		return nil, fmt.Errorf("build the library's pack: %s cannot be written", s.dir)
	}
	if err := os.MkdirAll(s.packDir(), 0o755); err != nil {
		s.noteUnwritable(err)
		return nil, fmt.Errorf("build the library's pack: %w", err)
	}
	b, err := newLibraryBuild(s)
	if err != nil {
		s.noteUnwritable(err)
		return nil, fmt.Errorf("build the library's pack: %w", err)
	}
	defer b.discard()
	b.was = was
	// Documents read without their annotations (opt.LazyAnnotations, as
	// a reader reads: they take more than half of a first read's time)
	// are packed without them, and the files parsed get no segment
	// (writing one per file takes about as long again): the pass that
	// packs them again with their annotations (AnnotateLibrary) writes
	// those.
	opt.Cache = s
	if opt.LazyAnnotations {
		opt.Cache = unsegmented{s}
	}
	batch := s.batchBytes
	if batch == 0 {
		batch = libraryBatch
	}
	errs, err = corpus.ListBatches(ctx, paths, opt, batch, b.add)
	if err != nil {
		if errors.Is(err, errWrite) {
			s.noteUnwritable(err)
		}
		return errs, fmt.Errorf("build the library's pack: %w", err)
	}
	if len(b.ids) == 0 {
		return errs, fmt.Errorf("build the library's pack: no documents in %v", paths)
	}
	// The index's build is what peaks (a batch is small): it waits for
	// the store's other large builds, and they for it.
	s.heavy.Lock()
	built, err := b.finish(ctx)
	s.heavy.Unlock()
	if err != nil {
		if errors.Is(err, errWrite) {
			s.noteUnwritable(err)
		}
		return errs, fmt.Errorf("build the library's pack: %w", err)
	}
	s.count(func(st *Stats) { st.Written++ })
	s.prunePacks()
	if built {
		// The index and the documents it was built over are garbage now,
		// the largest the build made: collected and given back at once,
		// rather than let the collector's target, set by them, carry the
		// caller's next work (reading the library back) to twice their
		// size.
		debug.FreeOSMemory()
	}
	return errs, nil
}

// unsegmented is the store as a pack built without annotations reads
// through it: documents are read from the segments there are, but those
// parsed get none.
type unsegmented struct{ *Store }

// Put records the identity of the source d was parsed from, for the pack,
// and writes no segment.
func (u unsegmented) Put(src corpus.Source, readAt time.Time, content []byte, d *corpus.Document, annotated bool) {
	u.parsed(src, readAt, content, d, annotated)
}

// errWrite marks a pack build's failure to write: the cache's directory
// is then taken as one that cannot be written.
var errWrite = errors.New("cannot write the pack")

// noteUnwritable turns writing off after a failed write, noted once.
func (s *Store) noteUnwritable(err error) {
	s.mu.Lock()
	s.readOnly = true
	s.mu.Unlock()
	s.note("write", fmt.Sprintf("cache: cannot write to %s (%v); reading without a cache", s.dir, rootCause(err)))
}

// libraryBuild is a pack being written by BuildLibrary: the texts go to
// the pack file as they come, the entries (each document without its
// texts) to a side file appended after them.
type libraryBuild struct {
	s        *Store
	pack     *os.File
	packW    *bufio.Writer
	entries  *os.File
	entriesW *bufio.Writer
	textLen  int
	names    []string
	ids      []sourceID
	buf      []byte // a document's texts, then its entry's body
	entry    []byte // an entry as written
	// was is a pack of the same library whose search index is copied
	// when its sources are these, as they are (see sameSources).
	was *packedLibrary
}

func newLibraryBuild(s *Store) (*libraryBuild, error) {
	pack, err := os.CreateTemp(s.packDir(), ".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%w: create a temporary pack: %w", errWrite, err)
	}
	entries, err := os.CreateTemp(s.packDir(), ".tmp-*")
	if err != nil {
		pack.Close()
		os.Remove(pack.Name())
		return nil, fmt.Errorf("%w: create a temporary pack: %w", errWrite, err)
	}
	b := &libraryBuild{s: s, pack: pack, packW: bufio.NewWriterSize(pack, 1<<20), entries: entries, entriesW: bufio.NewWriterSize(entries, 1<<20)}
	// The header and the texts' length are put in place at the end.
	if _, err := b.packW.Write(make([]byte, packHeaderSize+8)); err != nil {
		b.discard()
		return nil, fmt.Errorf("%w: %w", errWrite, err)
	}
	return b, nil
}

// add writes one batch of the listing: each document's texts to the pack
// and its entry to the side file; the store forgets the documents, so the
// batch can be dropped.
func (b *libraryBuild) add(srcs []corpus.Source, entries []corpus.PackEntry) error {
	now := b.s.now().UnixNano()
	for i, e := range entries {
		if b.s.abandon.Load() {
			return errAbandoned
		}
		var id sourceID
		var flags uint32
		if d := e.Doc; d != nil {
			b.s.mu.Lock()
			known, ok := b.s.ids[d]
			ann := b.s.asRead[d].annotated
			b.s.mu.Unlock()
			b.s.forget([]*corpus.Document{d}) // the batch can go
			if !ok {
				return fmt.Errorf("%s did not come through the cache", srcs[i].Name)
			}
			id = known
			if ann {
				flags |= packAnnotated
			}
			texts := corpus.AppendTexts(b.buf[:0], d)
			if _, err := b.packW.Write(texts); err != nil {
				return fmt.Errorf("%w: %w", errWrite, err)
			}
			var n int
			b.buf, n = appendDocBody(texts[:0], b.textLen, d, ann)
			if n != len(texts) {
				return fmt.Errorf("%w: %s's texts changed while packed", errNotPacked, srcs[i].Name)
			}
			b.textLen += n
		} else {
			id = idOf(srcs[i].Key, srcs[i].Info)
			id.written = now
			flags, b.buf = packFailed, append(b.buf[:0], e.Failure...)
		}
		b.entry = appendEntry(b.entry[:0], id, flags, b.buf)
		if _, err := b.entriesW.Write(b.entry); err != nil {
			return fmt.Errorf("%w: %w", errWrite, err)
		}
		b.names = append(b.names, srcs[i].Name)
		b.ids = append(b.ids, id)
	}
	return nil
}

// finish puts the entries after the texts, builds the search index over
// the pack so far (or copies was's: built is false) and appends it, then
// checksums the payload, writes the header and installs the pack under
// its key.
func (b *libraryBuild) finish(ctx context.Context) (built bool, err error) {
	le := binary.LittleEndian
	if _, err := b.packW.Write(make([]byte, align8(8+b.textLen)-8-b.textLen)); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if err := b.entriesW.Flush(); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if _, err := b.entries.Seek(0, io.SeekStart); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if _, err := io.Copy(b.packW, b.entries); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if err := b.packW.Flush(); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if _, err := b.pack.WriteAt(le.AppendUint64(nil, uint64(b.textLen)), packHeaderSize); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if err := b.stopped(ctx); err != nil {
		return false, err
	}
	if b.was != nil && sameSources(b.was.ids, b.ids) {
		// The same texts and nodes: the same index, copied a chunk at a
		// time, each chunk's pages given back behind it (a reader may be
		// searching that mapping: its pages come back from the page
		// cache).
		for index := b.was.index; len(index) > 0; {
			chunk := index[:min(len(index), releaseChunk)]
			if _, err := b.packW.Write(chunk); err != nil {
				return false, fmt.Errorf("%w: %w", errWrite, err)
			}
			release(chunk)
			index = index[len(chunk):]
		}
		b.s.count(func(st *Stats) { st.IndexHits++ })
	} else {
		if err := b.appendIndex(ctx); err != nil {
			return false, err
		}
		built = true
	}
	if err := b.stopped(ctx); err != nil {
		return false, err // the pack is not installed: nothing is left behind
	}
	if err := b.packW.Flush(); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	info, err := b.pack.Stat()
	if err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	payload := info.Size() - packHeaderSize
	sum := crc32.New(castagnoli)
	if _, err := io.Copy(sum, io.NewSectionReader(b.pack, packHeaderSize, payload)); err != nil {
		return false, fmt.Errorf("%w: checksum it: %w", errWrite, err)
	}
	var header [packHeaderSize]byte
	copy(header[:], packMagic)
	key := b.s.packKey(b.ids)
	le.PutUint32(header[8:], layoutVersion)
	le.PutUint32(header[12:], uint32(len(b.ids)))
	copy(header[16:48], key[:])
	le.PutUint64(header[48:], uint64(payload))
	le.PutUint32(header[56:], sum.Sum32())
	if _, err := b.pack.WriteAt(header[:], 0); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if err := b.pack.Close(); err != nil {
		return false, fmt.Errorf("%w: %w", errWrite, err)
	}
	if err := os.Rename(b.pack.Name(), b.s.packPath(key)); err != nil {
		return false, fmt.Errorf("%w: install it: %w", errWrite, err)
	}
	b.pack = nil
	return built, nil
}

// sameSources reports whether two packs hold the same sources with the
// same contents, in the same order: the documents then parse the same,
// whenever they were read.
func sameSources(a, b []sourceID) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].sameFile(b[i]) || a[i].content != b[i].content {
			return false
		}
	}
	return true
}

// stopped returns why the build should stop: the reader quit (Close) or
// ctx was cancelled.
func (b *libraryBuild) stopped(ctx context.Context) error {
	if b.s.abandon.Load() {
		return errAbandoned
	}
	return ctx.Err()
}

// appendIndex decodes the documents of the pack written so far from its
// mapping, builds their search index and appends it, unless ctx is
// cancelled first (checked between the build's parts). The mapping is
// given up once the index is written: nothing built on it outlives this
// call.
func (b *libraryBuild) appendIndex(ctx context.Context) error {
	info, err := b.pack.Stat()
	if err != nil {
		return fmt.Errorf("%w: %w", errWrite, err)
	}
	data, err := mapFile(b.pack, info.Size())
	if err != nil {
		return fmt.Errorf("map the pack being written: %w", err)
	}
	defer unmapFile(data)
	payload := data[packHeaderSize:]
	text, _, err := packTexts(payload)
	if err != nil {
		return err
	}
	each := func(yield func(*corpus.Document) bool) error {
		return eachEntry(payload, b.names, func(d *corpus.Document, body []byte) bool {
			more := yield(d)
			// What the index keeps of the structure (headings,
			// numbers) comes back from the page cache when read.
			release(body)
			return more
		})
	}
	out := &recordingWriter{w: b.packW}
	if err := search.WriteStreamed(ctx, out, each, newReleaser(text).behind); err != nil {
		if out.err != nil {
			return fmt.Errorf("%w: %w", errWrite, err)
		}
		return err // damage, or ctx's
	}
	return nil
}

// recordingWriter is w, recording its first error: what tells a failed
// write from the other ways a build can fail.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// releaser gives back the pages of a mapped text region behind each part
// of a search index's build (search.WriteStreamed), a chunk at a time: the
// build then holds about a chunk per part of the texts, not all of them.
type releaser struct {
	text []byte
	base uintptr
	from [2]uintptr // per part, where its texts not given back start
}

func newReleaser(text []byte) *releaser {
	return &releaser{text: text, base: uintptr(unsafe.Pointer(unsafe.SliceData(text)))}
}

// behind is told that part has passed text; texts outside the region
// (headings, numbers) are no concern of it.
func (r *releaser) behind(part int, text string) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if part < 0 || part > 1 || len(text) == 0 || p < r.base || p+uintptr(len(text)) > r.base+uintptr(len(r.text)) {
		return
	}
	end := p + uintptr(len(text))
	switch from := r.from[part]; {
	case from == 0 || p < from:
		// The part's first text, or the second pass starting over.
		r.from[part] = p
	case end-from >= releaseChunk:
		release(r.text[from-r.base : end-r.base])
		r.from[part] = end
	}
}

// eachEntry decodes the documents of a pack's payload written by a
// libraryBuild (texts, then one entry per name), failures left out, and
// gives each to fn with its entry's body, one at a time, until fn returns
// false.
func eachEntry(payload []byte, names []string, fn func(d *corpus.Document, body []byte) bool) error {
	text, off, err := packTexts(payload)
	if err != nil {
		return err
	}
	for _, name := range names {
		d, body, size, err := entryAt(payload[off:], text)
		if err != nil {
			return err
		}
		off += size
		if d == nil {
			continue // a source that failed
		}
		d.Source = name
		if !fn(d, body) {
			break
		}
	}
	return nil
}

// entryAt decodes the entry at the start of f (nil for a failed source),
// whose texts lie in text, and returns its body and size; damage that
// panics the decoder is an error.
func entryAt(f, text []byte) (d *corpus.Document, body []byte, size int, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, body, size, err = nil, nil, 0, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	h, body, err := readEntry(f)
	if err != nil {
		return nil, nil, 0, err
	}
	if h.flags&packFailed != 0 {
		return nil, nil, h.size(), nil
	}
	d, _, err = decodeDocBody(body, text)
	if err != nil {
		return nil, nil, 0, err
	}
	return d, body, h.size(), nil
}

// discard removes what a build left behind: its side file, and the pack
// when it was not installed.
func (b *libraryBuild) discard() {
	b.entries.Close()
	os.Remove(b.entries.Name())
	if b.pack != nil {
		b.pack.Close()
		os.Remove(b.pack.Name())
	}
}
