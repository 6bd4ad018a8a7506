package cache

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"unicode"

	"policyreader/corpus/words"
)

// A library's word dictionary (words.LoadFor: the words its runes can
// spell) lies beside the packs in a side file, under a key of the runes
// held and the build (whose embedded dictionary it was cut from); its
// payload is words.(*Segmenter).List.
var wordsFile = sideKind{magic: "PRWORDSD", suffix: ".words", what: "word dictionary"}

// Words returns the word dictionary of a library whose texts hold the
// runes holds accepts (search.(*Index).Holds): read from the cache when it
// holds one for exactly those runes, else cut from the list of the whole
// dictionary (words.ListFor) and stored for next time on a goroutine of
// its own. A damaged or foreign one is noted once, removed and cut again.
func (s *Store) Words(holds func(rune) bool) (*words.Segmenter, error) {
	key := s.wordsKey(holds)
	path := s.sidePath(wordsFile, key)
	// Mapped, not read: the checksum gives back the pages it has passed,
	// which would zero a buffer of the heap. FromList copies what it keeps.
	data, err := mapPath(path)
	if err == nil {
		var w *words.Segmenter
		payload, err := sidePayload(data, wordsFile, key)
		if err == nil {
			w, err = words.FromList(payload)
		}
		unmapFile(data)
		if err == nil {
			markUsed(path)
			s.count(func(st *Stats) { st.IndexHits++ })
			return w, nil
		}
		s.count(func(st *Stats) { st.Rejected++ })
		s.note("words", fmt.Sprintf("cache: ignored an unusable word dictionary (%v); it is rebuilt", rootCause(err)))
		os.Remove(path)
	} else if !errors.Is(err, os.ErrNotExist) {
		s.note("words", fmt.Sprintf("cache: cannot read the word dictionary (%v)", rootCause(err)))
	}
	s.heavy.Lock()
	list, err := words.ListFor(holds)
	var w *words.Segmenter
	if err == nil {
		w, err = words.FromList(list)
	}
	s.heavy.Unlock()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	ro := s.readOnly
	s.mu.Unlock()
	if !ro {
		s.async(func() {
			s.writeSide(wordsFile, key, func(write func([]byte) error) error { return write(list) })
		})
	}
	return w, nil
}

// wordsKey is the key of the word dictionary for the runes holds accepts
// in this build: every rune it accepts, in order, hashed (what LoadFor
// keeps depends on nothing else).
func (s *Store) wordsKey(holds func(rune) bool) (key [32]byte) {
	h := sha256.New()
	fmt.Fprintf(h, "words %d build %d\n", layoutVersion, s.build)
	var buf [4]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if holds(r) {
			buf[0], buf[1], buf[2], buf[3] = byte(r), byte(r>>8), byte(r>>16), byte(r>>24)
			h.Write(buf[:])
		}
	}
	copy(key[:], h.Sum(nil))
	return key
}
