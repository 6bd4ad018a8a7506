package cache

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// A library's related-clause index lies beside its pack in a side file
// (see sideKind), under a key of the documents' sources and contents
// (libraryKey), written when a reader first builds the index, which a
// pack's writing does not wait for. It is mapped and read in place.
var relatedFile = sideKind{magic: "PRRELIDX", suffix: ".related", what: "related-clause index"}

// RelatedIndex returns the related-clause index of c: read from the cache
// when it holds one for exactly c's documents as this store read them,
// else built (checking ctx, whose error it returns) and stored for next
// time (Flush waits for the write). A damaged, stale
// or foreign one is noted once, removed and rebuilt. A library read on
// demand (corpus.Corpus.OnDemand) gets its index built over its
// documents decoded apart, a document at a time, stored, and read back
// over c, so that building it, which reads every document, leaves c's
// documents undecoded and never holds the library.
func (s *Store) RelatedIndex(ctx context.Context, c *corpus.Corpus) (*related.Index, error) {
	key, ok := s.libraryKey(c)
	if ok {
		if x, found := s.storedRelated(key, c, true); found {
			return x, nil
		}
	}
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if ok && !ro && c.OnDemand() {
		built, err := s.relatedApart(ctx, c, key)
		if err != nil {
			return nil, err
		}
		if built {
			if x, found := s.storedRelated(key, c, false); found {
				return x, nil
			}
		}
	}
	x, err := related.Build(ctx, c)
	if err != nil {
		return nil, err
	}
	if ok && !ro && len(c.Docs) > 0 {
		s.async(func() { s.writeRelated(key, x) })
	}
	return x, nil
}

// storedRelated reads the stored related index of key over c, if there is
// one that can be read (counted as a hit when hit: not one just built);
// one that cannot is noted once and removed.
func (s *Store) storedRelated(key [32]byte, c *corpus.Corpus, hit bool) (*related.Index, bool) {
	path := s.sidePath(relatedFile, key)
	x, err := s.loadRelated(path, key, c)
	switch {
	case err == nil:
		markUsed(path)
		if hit {
			s.count(func(st *Stats) { st.IndexHits++ })
		}
		x.OnDamage(func() {
			os.Remove(path)
			s.count(func(st *Stats) { st.Rejected++ })
			s.note("related", "cache: a stored related-clause index did not fit its documents; it is rebuilt next time")
		})
		return x, true
	case !errors.Is(err, os.ErrNotExist):
		s.count(func(st *Stats) { st.Rejected++ })
		s.note("related", fmt.Sprintf("cache: ignored an unusable related-clause index (%v); it is rebuilt", rootCause(err)))
		os.Remove(path)
	}
	return nil, false
}

// relatedApart builds the related index of a library read on demand (c,
// whose key is key) over its documents decoded apart from c's
// (corpus.Corpus.EachApartInOrder) and stores it; built is false when it
// could not (the caller builds it over c). The build holds a document at
// a time, never the library.
func (s *Store) relatedApart(ctx context.Context, c *corpus.Corpus, key [32]byte) (built bool, err error) {
	if !s.begin() {
		return false, nil
	}
	defer s.end() // Flush and Close wait for the write
	s.heavy.Lock()
	defer s.heavy.Unlock()
	if _, err := os.Stat(s.sidePath(relatedFile, key)); err == nil {
		return true, nil // built meanwhile by another caller
	}
	// Each pass decodes the documents apart from c's, one at a time, and
	// lets them go.
	x, err := related.BuildStreamed(ctx, c.EachApartInOrder)
	if cerr := ctx.Err(); cerr != nil {
		return false, fmt.Errorf("build related-clause index: %w", cerr)
	}
	if err != nil {
		return false, nil // a document that cannot be read apart: built over c
	}
	s.writeRelated(key, x)
	return s.Writable(), nil
}

// forget drops what the store keeps of docs (their sources, how they were
// read), so documents read for work that is done can go.
func (s *Store) forget(docs []*corpus.Document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		delete(s.ids, d)
		delete(s.asRead, d)
	}
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
	payload, err := sidePayload(data, relatedFile, key)
	if err != nil {
		return nil, err
	}
	return related.Load(c, payload)
}

// writeRelated stores x as the related index of the library with this
// key.
func (s *Store) writeRelated(key [32]byte, x *related.Index) {
	s.writeSide(relatedFile, key, func(write func([]byte) error) error {
		return x.WriteBinary(writerFunc(write))
	})
}
