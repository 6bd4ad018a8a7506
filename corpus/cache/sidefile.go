package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// A side file lies beside the packs, under a key of what it was built
// from, in a file of its own (a library's related-clause index, its word
// dictionary):
//
//	magic    8 bytes  per kind
//	version  u32      layoutVersion
//	pad      u32
//	key      32 bytes of what it was built from
//	length   u64      of the payload
//	crc      u32      CRC-32C of the payload
//	pad      u32
//	payload, at offset 64
//
// The packs' pruning keeps the most recently used of each kind.
type sideKind struct {
	magic  string // 8 bytes
	suffix string // the file name's
	what   string // for notes
}

// sidePath is where the side file of this kind and key lies.
func (s *Store) sidePath(k sideKind, key [32]byte) string {
	return filepath.Join(s.packDir(), fmt.Sprintf("%x%s", key[:16], k.suffix))
}

// sidePayload checks a side file's header — kind, version, key, length —
// and its payload's checksum, and returns the payload. data must be a
// mapping of the file: the checksum gives back the pages it has passed.
func sidePayload(data []byte, k sideKind, key [32]byte) ([]byte, error) {
	le := binary.LittleEndian
	if len(data) < packHeaderSize || string(data[:8]) != k.magic || le.Uint32(data[8:]) != layoutVersion {
		return nil, fmt.Errorf("not a %s of this version", k.what)
	}
	if !bytes.Equal(data[16:48], key[:]) {
		return nil, fmt.Errorf("a %s of other data", k.what)
	}
	payload := data[packHeaderSize:]
	if le.Uint64(data[48:]) != uint64(len(payload)) || checksumReleasing(payload) != le.Uint32(data[56:]) {
		return nil, errDamaged
	}
	return payload, nil
}

// writeSide writes the side file of this kind and key, its payload written
// by fill; a failure to write turns writing off, as for segments, and a
// reader quitting meanwhile abandons it (written next time).
func (s *Store) writeSide(k sideKind, key [32]byte, fill func(write func([]byte) error) error) {
	var header [packHeaderSize]byte
	copy(header[:], k.magic)
	binary.LittleEndian.PutUint32(header[8:], layoutVersion)
	copy(header[16:48], key[:])
	if s.abandon.Load() {
		return // closed (a scratch store's directory may be gone)
	}
	err := os.MkdirAll(s.packDir(), 0o755)
	if err == nil {
		err = writePackFile(s.sidePath(k, key), header, func(write func([]byte) error) error {
			return fill(func(b []byte) error {
				if s.abandon.Load() {
					return errAbandoned
				}
				return write(b)
			})
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
