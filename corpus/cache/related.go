package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// A library's related-clause index lies beside its pack, under the same
// key, in a file of its own (written when a reader first builds the index,
// which a pack's writing does not wait for):
//
//	magic    8 bytes  "PRRELIDX"
//	version  u32      layoutVersion
//	pad      u32
//	key      32 bytes packKey of the documents' sources
//	length   u64      of the payload
//	crc      u32      CRC-32C of the payload
//	pad      u32
//	payload, at offset 64: related.(*Index).WriteBinary
//
// It is mapped and read in place; the pack's pruning removes it with its
// pack.
const (
	relatedMagic  = "PRRELIDX"
	relatedSuffix = ".related"
)

// relatedPath is where the related index of the library with this key
// (libraryKey) lies.
func (s *Store) relatedPath(key [32]byte) string {
	return filepath.Join(s.packDir(), fmt.Sprintf("%x%s", key[:16], relatedSuffix))
}

// RelatedIndex returns the related-clause index of c: read from the cache
// when it holds one for exactly c's documents as this store read them,
// else built (checking ctx, whose error it returns) and stored for next
// time on a goroutine of its own (Flush waits for it). A damaged, stale
// or foreign one is noted once, removed and rebuilt.
func (s *Store) RelatedIndex(ctx context.Context, c *corpus.Corpus) (*related.Index, error) {
	key, ok := s.libraryKey(c)
	if ok {
		path := s.relatedPath(key)
		x, err := s.loadRelated(path, key, c)
		switch {
		case err == nil:
			markUsed(path)
			s.count(func(st *Stats) { st.IndexHits++ })
			x.OnDamage(func() {
				os.Remove(path)
				s.count(func(st *Stats) { st.Rejected++ })
				s.note("related", "cache: a stored related-clause index did not fit its documents; it is rebuilt next time")
			})
			return x, nil
		case !errors.Is(err, os.ErrNotExist):
			s.count(func(st *Stats) { st.Rejected++ })
			s.note("related", fmt.Sprintf("cache: ignored an unusable related-clause index (%v); it is rebuilt", rootCause(err)))
			os.Remove(path)
		}
	}
	x, err := related.Build(ctx, c)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ok && !ro && len(c.Docs) > 0 {
		s.async(func() { s.writeRelated(key, x) })
	}
	return x, nil
}

// libraryKey is the pack key of c's documents with the hashes of their
// sources' contents where they were read, when every one came through
// this store: an index is tied to the texts it was built from, even when
// an edit left a file's metadata as it was.
func (s *Store) libraryKey(c *corpus.Corpus) (key [32]byte, ok bool) {
	if c == nil || len(c.Docs) == 0 {
		return key, false
	}
	ids, found := s.idsOf(c.Docs)
	if !found {
		return key, false
	}
	pk := s.packKey(ids)
	h := sha256.New()
	h.Write(pk[:])
	for _, id := range ids {
		fmt.Fprintf(h, "%d\n", id.content)
	}
	copy(key[:], h.Sum(nil))
	return key, true
}

// loadRelated maps the related index at path and reads it over c, after
// checking its header, key and checksum; os.ErrNotExist when there is
// none. The mapping stays for the life of the process: the index reads
// it in place.
func (s *Store) loadRelated(path string, key [32]byte, c *corpus.Corpus) (*related.Index, error) {
	data, err := mapPath(path)
	if err != nil {
		return nil, err
	}
	x, err := relatedOf(data, key, c)
	if err != nil {
		unmapFile(data)
		return nil, err
	}
	return x, nil
}

// relatedOf checks a related-index file's header, key and checksum and
// loads its payload over c.
func relatedOf(data []byte, key [32]byte, c *corpus.Corpus) (x *related.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	le := binary.LittleEndian
	if len(data) < packHeaderSize || string(data[:8]) != relatedMagic || le.Uint32(data[8:]) != layoutVersion {
		return nil, fmt.Errorf("%w: not a related-clause index of this version", errStale)
	}
	if !bytes.Equal(data[16:48], key[:]) {
		return nil, errStale
	}
	payload := data[packHeaderSize:]
	if le.Uint64(data[48:]) != uint64(len(payload)) || checksumReleasing(payload) != le.Uint32(data[56:]) {
		return nil, errDamaged
	}
	return related.Load(c, payload)
}

// writeRelated stores x as the related index of the library with this
// key; a failure to write turns writing off, as for segments.
func (s *Store) writeRelated(key [32]byte, x *related.Index) {
	var header [packHeaderSize]byte
	copy(header[:], relatedMagic)
	binary.LittleEndian.PutUint32(header[8:], layoutVersion)
	copy(header[16:48], key[:])
	err := os.MkdirAll(s.packDir(), 0o755)
	if err == nil {
		err = writePackFile(s.relatedPath(key), header, func(write func([]byte) error) error {
			return x.WriteBinary(writerFunc(func(b []byte) error {
				if s.abandon.Load() {
					return errAbandoned // the reader quit: written next time
				}
				return write(b)
			}))
		})
	}
	if errors.Is(err, errAbandoned) {
		return
	}
	if err != nil {
		s.mu.Lock()
		s.readOnly = true
		s.mu.Unlock()
		s.note("write", fmt.Sprintf("cache: cannot write to %s; reading without a cache", s.dir))
		return
	}
	s.count(func(st *Stats) { st.Written++ })
	s.prunePacks()
}
