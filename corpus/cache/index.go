package cache

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

// An index file holds the search index of one set of documents:
//
//	magic    8 bytes  "PRIDXF\x00\x00"
//	version  u32      layoutVersion
//	pad      u32
//	key      32 bytes the SHA-256 of the documents' identities (indexKey)
//	length   u64      of the payload
//	crc      u32      CRC-32C of the payload
//	pad      u32
//	payload           search.(*Index).AppendBinary, at offset 64
//
// The payload starts 8-byte aligned in the mapped file, so the index's
// arrays are read where they lie.
const (
	indexMagic      = "PRIDXF\x00\x00"
	indexHeaderSize = 64
	// keepIndexes is how many index files (sets of documents) the cache
	// keeps; the least recently written go first.
	keepIndexes = 8
)

func (s *Store) indexDir() string { return filepath.Join(s.dir, "index") }

// remember records the source identity a document was read or parsed
// under, for the key of the index over it.
func (s *Store) remember(d *corpus.Document, id sourceID) {
	s.mu.Lock()
	if s.ids == nil {
		s.ids = map[*corpus.Document]sourceID{}
		s.asRead = map[*corpus.Document][2]string{}
	}
	s.ids[d] = id
	s.asRead[d] = [2]string{d.ID, d.Short}
	s.mu.Unlock()
}

// indexKey identifies the documents of c and what the index reads of them:
// each source's identity (path, size, mtime, inode, content hash) with the
// ID and label it has in c, in order. ok is false when a document did not
// come through this store.
func (s *Store) indexKey(c *corpus.Corpus) (key [32]byte, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := sha256.New()
	fmt.Fprintf(h, "codec %d build %d\n", s.codec, s.build)
	for _, d := range c.Docs {
		id, found := s.ids[d]
		if !found {
			return key, false
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00%d\x00%s\x00%s\n", id.path, id.size, id.mtime, id.inode, id.content, d.ID, d.Label())
	}
	copy(key[:], h.Sum(nil))
	return key, true
}

// SearchIndex returns the search index of c: read from the cache when an
// index over exactly these documents is there and sound, else built and
// stored for next time. A damaged index file is noted and rebuilt.
func (s *Store) SearchIndex(c *corpus.Corpus) *search.Index {
	key, ok := s.indexKey(c)
	if !ok {
		return search.New(c)
	}
	path := filepath.Join(s.indexDir(), fmt.Sprintf("%x.idx", key[:16]))
	if ix, err := s.readIndex(path, key, c); err == nil {
		s.count(func(st *Stats) { st.IndexHits++ })
		return ix
	} else if !errors.Is(err, fs.ErrNotExist) {
		s.count(func(st *Stats) { st.Rejected++ })
		s.note("index", fmt.Sprintf("cache: ignored an unusable search index (%v); it is rebuilt", err))
	}
	ix := search.New(c)
	s.writeIndex(path, key, ix)
	return ix
}

func (s *Store) readIndex(path string, key [32]byte, c *corpus.Corpus) (*search.Index, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := mapFile(f, fi.Size())
	if err != nil {
		return nil, err
	}
	ix, err := checkIndex(data, key, c)
	if err != nil {
		unmapFile(data)
		return nil, err
	}
	return ix, nil
}

// checkIndex checks an index file's header and checksum and loads its
// payload over c.
func checkIndex(data []byte, key [32]byte, c *corpus.Corpus) (*search.Index, error) {
	if len(data) < indexHeaderSize || string(data[:8]) != indexMagic {
		return nil, fmt.Errorf("%w: not an index file", errDamaged)
	}
	le := binary.LittleEndian
	if v := le.Uint32(data[8:]); v != layoutVersion {
		return nil, fmt.Errorf("%w (index format %d, this one reads %d)", errVersion, v, layoutVersion)
	}
	if !bytes.Equal(data[16:48], key[:]) {
		return nil, fmt.Errorf("%w: index of other documents", errDamaged)
	}
	payload := data[indexHeaderSize:]
	if le.Uint64(data[48:]) != uint64(len(payload)) {
		return nil, fmt.Errorf("%w: index length (truncated?)", errDamaged)
	}
	if crc32.Checksum(payload, castagnoli) != le.Uint32(data[56:]) {
		return nil, fmt.Errorf("%w: index checksum mismatch", errDamaged)
	}
	ix, err := search.Load(c, payload)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errDamaged, err)
	}
	return ix, nil
}

func (s *Store) writeIndex(path string, key [32]byte, ix *search.Index) {
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ro {
		return
	}
	buf := make([]byte, indexHeaderSize, indexHeaderSize+1<<20)
	buf = ix.AppendBinary(buf)
	payload := buf[indexHeaderSize:]
	copy(buf, indexMagic)
	le := binary.LittleEndian
	le.PutUint32(buf[8:], layoutVersion)
	copy(buf[16:48], key[:])
	le.PutUint64(buf[48:], uint64(len(payload)))
	le.PutUint32(buf[56:], crc32.Checksum(payload, castagnoli))
	if err := os.MkdirAll(s.indexDir(), 0o755); err == nil {
		err = writeAtomic(path, buf)
		if err == nil {
			s.count(func(st *Stats) { st.Written++ })
			s.pruneIndexes()
			return
		}
	}
	s.note("write", fmt.Sprintf("cache: cannot write to %s; reading without a cache", s.dir))
}

// pruneIndexes removes all but the keepIndexes most recently written
// index files.
func (s *Store) pruneIndexes() {
	entries, err := os.ReadDir(s.indexDir())
	if err != nil {
		return
	}
	type file struct {
		name string
		mod  int64
	}
	var files []file
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".idx" {
			continue
		}
		if info, err := e.Info(); err == nil {
			files = append(files, file{e.Name(), info.ModTime().UnixNano()})
		}
	}
	if len(files) <= keepIndexes {
		return
	}
	slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.mod, a.mod) })
	for _, f := range files[keepIndexes:] {
		os.Remove(filepath.Join(s.indexDir(), f.name))
	}
}
