// Package cache keeps parsed documents on disk, one segment per source
// file, so opening a library again reads no source and parses nothing.
//
// A segment is keyed by the source's absolute path and checked against its
// size, modification time and inode (and, when the file was modified just
// before it was read, a hash of its content), so an edited file is parsed
// again alone. Segments are written to a temporary file and renamed into
// place, so a reader sees a whole old segment or a whole new one, and two
// processes filling the same cache at once both succeed. A damaged,
// truncated or foreign segment is never trusted: it is ignored, rebuilt and
// reported once as a note. A cache directory that cannot be written costs
// the speed, never the documents.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"

	"policyreader/corpus"
)

// DefaultDir returns the cache directory: $POLICYREADER_CACHE when set, else
// $XDG_CACHE_HOME/policyreader (~/.cache/policyreader).
func DefaultDir(getenv func(string) string) string {
	if d := getenv("POLICYREADER_CACHE"); d != "" {
		return d
	}
	return filepath.Join(xdg.CacheHome, "policyreader")
}

// Stats counts what a Store did.
type Stats struct {
	// Hits are documents read from a segment.
	Hits int
	// Misses are sources with no segment yet.
	Misses int
	// Stale are segments of sources edited since they were cached.
	Stale int
	// Rejected are damaged, truncated or foreign-version segments.
	Rejected int
	// Written are segments and packs written.
	Written int
	// IndexHits are search indexes read from the cache.
	IndexHits int
	// PackHits are sets of documents read from one pack.
	PackHits int
}

// Store is a cache directory. Its methods are safe for concurrent use, and
// it implements corpus.DocCache.
type Store struct {
	dir   string
	codec int
	build uint64 // buildID: segments of another build are stale
	now   func() time.Time

	// pending counts the work that writes to the cache still running: on
	// goroutines of its own (async) or its caller's (begin).
	pending sync.WaitGroup
	// heavy is held by the builds that each peak at a large part of a
	// library's memory — a library's pack while its index is built, a
	// related-clause index built apart — so that a reader
	// starting one while another runs in the background never holds
	// both.
	heavy sync.Mutex
	// abandon makes a pack write in progress give up (Close).
	abandon atomic.Bool

	mu       sync.Mutex
	stats    Stats
	notes    []string
	noted    map[string]bool
	readOnly bool
	// closed: Flush or Close was called; no more writes are started.
	closed bool
	// ids holds the source identity of every document the store gave or
	// was given, for the key of an index over them.
	ids map[*corpus.Document]sourceID
	// asRead holds the ID and Short label of those documents as they were
	// read, before NewCorpus could renumber or extend them, and whether
	// they have their annotations.
	asRead map[*corpus.Document]readAs
	// pack is the pack the documents last came from, if they did.
	pack *loadedPack
	// listing is what the last one-by-one read of a library gave.
	listing *listing
	// batchBytes, when set, is BuildLibrary's batch size in place of
	// libraryBatch (tests make batches small).
	batchBytes int64
	// scratch: a store of one run (OpenScratch), which writes no
	// segments and whose directory Discard deletes.
	scratch bool
}

// readAs is what the store knows of a document as it was read.
type readAs struct {
	id, short string
	annotated bool
	// fromPack: read from a pack, as the library had it (labels already
	// told apart), not as its own file is; its segment is left as it is.
	fromPack bool
}

// maxMapped bounds a mapped pack.
const maxMapped = 1 << 40

// cacheDirTag marks the directory as a cache for backup tools (the
// Cache Directory Tagging Specification), and tells Prune the directory
// is one it may clean.
const (
	cacheDirTagName = "CACHEDIR.TAG"
	cacheDirTag     = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks a cache directory created by policyreader.\n# For information about cache directory tags see https://bford.info/cachedir/\n"
)

// Open returns the store at dir, creating the directory. When it cannot be
// created or written, the store still reads what segments it finds and
// writes none, and its notes say so once.
func Open(dir string) *Store {
	s := &Store{dir: dir, codec: corpus.CodecVersion(), build: buildID(), now: time.Now, noted: map[string]bool{}}
	if err := os.MkdirAll(s.docsDir(), 0o755); err != nil {
		s.readOnly = true
		s.note("write", fmt.Sprintf("cache: cannot use %s (%v); reading without a cache", dir, rootCause(err)))
		return s
	}
	tag := filepath.Join(dir, cacheDirTagName)
	if _, err := os.Lstat(tag); errors.Is(err, fs.ErrNotExist) {
		writeAtomic(tag, []byte(cacheDirTag))
	}
	return s
}

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

// Writable reports whether the store writes (its directory could be made
// and no write has failed).
func (s *Store) Writable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.readOnly
}

func (s *Store) docsDir() string { return filepath.Join(s.dir, "docs") }

// segmentPath names the segment of a source key.
func (s *Store) segmentPath(key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(s.docsDir(), hex.EncodeToString(sum[:16])+".seg")
}

// Get returns the cached document of src, and whether it was stored with
// its annotations; ok is false when there is no segment that can be
// trusted, or when src needs annotations the segment lacks.
func (s *Store) Get(src corpus.Source) (d *corpus.Document, annotated, ok bool) {
	data, err := readSegment(s.segmentPath(src.Key))
	if err != nil {
		s.count(func(st *Stats) { st.Misses++ })
		return nil, false, false
	}
	d, annotated, err = s.decode(data, src)
	switch {
	case err == nil && src.NeedAnnotations && !annotated:
		// Read without its annotations: parsed again, with them. The
		// store forgets the copy it read, which would hold its segment.
		s.forget([]*corpus.Document{d})
		s.count(func(st *Stats) { st.Misses++ })
		return nil, false, false
	case err == nil:
		s.count(func(st *Stats) { st.Hits++ })
		return d, annotated, true
	case errors.Is(err, errStale):
		s.count(func(st *Stats) { st.Stale++ })
	default:
		s.count(func(st *Stats) { st.Rejected++ })
		s.note("rejected", fmt.Sprintf("cache: ignored an unusable segment (%v); it is rebuilt", err))
	}
	return nil, false, false
}

// readSegment reads a segment whole. Segments are read, not mapped: a
// library may hold more files than a process may map (65,530 mappings on
// Linux), and a mapped file truncated in place by another tool would
// fault the process. The documents' strings still point into the one
// buffer read; nothing is copied per string.
func readSegment(path string) ([]byte, error) { return readRegular(path, maxSegment) }

func (s *Store) decode(data []byte, src corpus.Source) (d *corpus.Document, annotated bool, err error) {
	// A decoder bug on a damaged segment costs the segment, never the
	// process.
	defer func() {
		if r := recover(); r != nil {
			d, annotated, err = nil, false, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	id, payload, err := decodeSegment(data, s.codec, s.build)
	if err != nil {
		return nil, false, err
	}
	if !id.sameFile(idOf(src.Key, src.Info)) {
		return nil, false, errStale
	}
	switch {
	case src.Content != nil:
		if contentHash(src.Content) != id.content {
			return nil, false, errStale
		}
	case id.racy():
		checked, settles, same := s.checkContent(src.Name, id)
		if !same {
			return nil, false, errStale
		}
		if settles && s.settle(src.Key, data, checked) {
			id.written = checked.UnixNano()
		}
	}
	d, annotated, err = corpus.DecodeDocument(payload)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", errDamaged, err)
	}
	// The name the source goes by now, not the one it was cached under.
	d.Source = src.Name
	s.remember(d, id, annotated)
	return d, annotated, nil
}

// checkContent reads the source name and reports whether its content is
// the one id was read with (same); checked is when the check began —
// before the read, so an edit after it is not covered — and settles says
// the source's times are old enough by then for the metadata to be
// trusted from now on.
func (s *Store) checkContent(name string, id sourceID) (checked time.Time, settles, same bool) {
	checked = s.now()
	content, err := os.ReadFile(name)
	if err != nil || contentHash(content) != id.content {
		return checked, false, false
	}
	return checked, checked.UnixNano()-max(id.mtime, id.ctime) >= int64(racyWindow), true
}

// settle rewrites a racy segment whose content was just verified at
// checked, with checked as its reading time: later runs then trust the
// metadata alone instead of reading the source again every time (files
// written just before they were first cached would otherwise stay racy
// for good). It reports whether the segment was rewritten.
func (s *Store) settle(key string, data []byte, checked time.Time) bool {
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ro || writeAtomic(s.segmentPath(key), settled(data, checked)) != nil {
		return false
	}
	s.count(func(st *Stats) { st.Written++ })
	return true
}

// Annotated stores d again, now with its annotations, under the identity it
// was read or stored with, so the next run reads them instead of computing
// them. A document the store does not know is left alone. The write runs
// on its own goroutine — the caller may be the reader's event loop showing
// the document — and Flush waits for it.
func (s *Store) Annotated(d *corpus.Document) {
	s.mu.Lock()
	if r, ok := s.asRead[d]; ok {
		r.annotated = true
		s.asRead[d] = r
	}
	s.mu.Unlock()
	s.dropPackOf(d)
	s.async(func() { s.storeAnnotated(d) })
}

// begin counts work that writes to the cache on the caller's goroutine
// for Flush, unless the store is closed (then ok is false and the work
// is not to start); end marks it done.
func (s *Store) begin() (ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.pending.Add(1)
	return true
}

// end marks work counted by begin done.
func (s *Store) end() { s.pending.Done() }

// async runs fn on a goroutine of its own, counted for Flush, unless the
// store is closed (then fn is dropped: what it would have written is
// computed again next time). The count is raised under the lock that
// Flush closes the store with, so no write starts once Flush waits.
func (s *Store) async(fn func()) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.pending.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.pending.Done()
		fn()
	}()
}

// Flush waits for the work that writes to the cache still running (a
// pack being built or written, the annotations of documents annotated on
// first use, a related index being stored) and starts no more: a command
// calls it before it exits.
func (s *Store) Flush() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.pending.Wait()
}

// Close is Flush for a reader quitting: a pack still being written, which
// may be waiting for every document's annotations, is abandoned (the next
// start writes it).
func (s *Store) Close() {
	s.abandon.Store(true)
	s.Flush()
}

func (s *Store) storeAnnotated(d *corpus.Document) {
	s.mu.Lock()
	id, ok := s.ids[d]
	read := s.asRead[d]
	ro := s.readOnly
	s.mu.Unlock()
	if !ok || ro || s.scratch || d.ID != read.id || read.fromPack {
		// A document renumbered for a clash of file names is left to be
		// annotated again next time: its stored form would keep the
		// clash's number.
		return
	}
	s.writeSegment(id.path, encodeSegment(id, s.codec, s.build, corpus.AppendDocumentAs(nil, d, true, read.short)))
}

// writeSegment writes a segment in place of the source key's; the first
// failure turns writing off and is noted once.
func (s *Store) writeSegment(key string, seg []byte) {
	if err := writeAtomic(s.segmentPath(key), seg); err != nil {
		s.mu.Lock()
		s.readOnly = true
		s.mu.Unlock()
		s.note("write", fmt.Sprintf("cache: cannot write to %s (%v); reading without a cache", s.dir, rootCause(err)))
		return
	}
	s.count(func(st *Stats) { st.Written++ })
}

// Put stores the document parsed from content, the bytes of src read at
// readAt. Failing to write costs only the cache: it is noted once.
func (s *Store) Put(src corpus.Source, readAt time.Time, content []byte, d *corpus.Document, annotated bool) {
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ro {
		return
	}
	id := s.parsed(src, readAt, content, d, annotated)
	if s.scratch {
		return // a segment of a scratch store is never read again
	}
	s.writeSegment(src.Key, encodeSegment(id, s.codec, s.build, corpus.AppendDocument(nil, d, annotated)))
}

// parsed records the identity of the source d was parsed from (content,
// read at readAt) and returns it.
func (s *Store) parsed(src corpus.Source, readAt time.Time, content []byte, d *corpus.Document, annotated bool) sourceID {
	id := idOf(src.Key, src.Info)
	id.written = readAt.UnixNano()
	id.content = contentHash(content)
	s.remember(d, id, annotated)
	return id
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path. It does not fsync: a segment torn by a crash fails its
// checksum and is rebuilt, and a sync per file would dominate filling a
// cache of thousands of files (what google/renameio, used for the
// bookmarks, always does).
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("create a temporary segment: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("write segment: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write segment: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("install segment: %w", err)
	}
	return nil
}

// Stats returns the counts so far.
func (s *Store) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// TakeNotes returns the one-line notes not taken yet, each kind once in
// the store's life: a cache that cannot be written, a segment or index
// that was unusable.
func (s *Store) TakeNotes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.notes
	s.notes = nil
	return out
}

func (s *Store) count(fn func(*Stats)) {
	s.mu.Lock()
	fn(&s.stats)
	s.mu.Unlock()
}

func (s *Store) note(kind, line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.noted[kind] {
		return
	}
	s.noted[kind] = true
	s.notes = append(s.notes, line)
}

// rootCause strips the path an *fs.PathError repeats, for a short note.
func rootCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var _ corpus.PackCache = (*Store)(nil)

// Prune removes the segments of sources that no longer exist (documents
// built into the program are kept), segments that cannot be read, and
// temporary files an interrupted writer left over an hour ago; it returns
// how many segments it removed. It touches nothing but segment and
// temporary files, and nothing at all in a directory without the cache's
// tag file (a --cache-dir pointed at a folder of one's own).
func (s *Store) Prune() (int, error) {
	if _, err := os.Lstat(filepath.Join(s.dir, cacheDirTagName)); err != nil {
		return 0, nil
	}
	entries, err := os.ReadDir(s.docsDir())
	if err != nil {
		return 0, fmt.Errorf("prune the cache: %w", err)
	}
	removed := 0
	for _, e := range entries {
		seg := filepath.Join(s.docsDir(), e.Name())
		if !e.Type().IsRegular() {
			continue
		}
		if strings.HasPrefix(e.Name(), ".tmp-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				os.Remove(seg)
			}
			continue
		}
		if filepath.Ext(e.Name()) != ".seg" {
			continue
		}
		path, ok := segmentSource(seg)
		if ok && strings.HasPrefix(path, "embedded:") {
			continue
		}
		if ok {
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		if os.Remove(seg) == nil {
			removed++
		}
	}
	return removed, nil
}

// segmentSource reads the source path in a segment's header; ok is false
// for a file that is not a segment of this layout.
func segmentSource(seg string) (string, bool) {
	f, _, err := openRegular(seg)
	if err != nil {
		return "", false
	}
	defer f.Close()
	head := make([]byte, headerSize+4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if n < headerSize || string(head[:8]) != magic || binary.LittleEndian.Uint32(head[offVersion:])>>16 != layoutVersion {
		return "", false
	}
	pathLen := int(binary.LittleEndian.Uint32(head[offPathLen:]))
	if pathLen > len(head)-headerSize {
		return "", false
	}
	return string(head[headerSize : headerSize+pathLen]), true
}

// Size returns the bytes the cache's files take.
func (s *Store) Size() int64 {
	var total int64
	filepath.WalkDir(s.dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
}
