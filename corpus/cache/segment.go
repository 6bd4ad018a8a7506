package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"time"
)

// A segment is one source file's parsed document:
//
//	magic      8 bytes  "PRCACHE\x00"
//	version    u32      layoutVersion<<16 | the corpus codec version
//	flags      u32      reserved, 0
//	size       i64      the source's size
//	mtime      i64      the source's modification time, ns since 1970
//	inode      u64      the source's inode (0 where there is none)
//	written    i64      when the source was read, ns since 1970
//	content    u64      a hash of the source's bytes (two CRC-32s)
//	pathLen    u32      then the source's absolute path
//	payloadLen u64      then the document (corpus.AppendDocument)
//	crc        u32      CRC-32C of every byte before it
//
// all little-endian. A segment is trusted only when every field checks:
// magic, version, lengths, checksum, path, and the source's size, mtime and
// inode as they are now; and when the source was modified less than
// racyWindow before it was read (a later edit could keep size and mtime),
// its content hash too.
const (
	magic         = "PRCACHE\x00"
	layoutVersion = 1
	headerSize    = 8 + 4 + 4 + 8 + 8 + 8 + 8 + 8 + 4 + 8
	trailerSize   = 4
)

// racyWindow is how recent a modification must be, at the time the source
// was read, for its size and mtime not to be trusted alone: file systems
// with coarse timestamps (FAT keeps two seconds) could hide an edit.
const racyWindow = 2 * time.Second

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// contentHash is a 64-bit hash of a source's bytes, for telling a racy
// file's edit apart: CRC-32C and CRC-32 (IEEE), both done in hardware on
// common CPUs, side by side.
func contentHash(b []byte) uint64 {
	return uint64(crc32.Checksum(b, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(b))
}

// sourceID is what identifies one version of a source file.
type sourceID struct {
	path    string
	size    int64
	mtime   int64
	inode   uint64
	written int64
	content uint64
}

func idOf(path string, info os.FileInfo) sourceID {
	id := sourceID{path: path, size: info.Size(), inode: inode(info)}
	if t := info.ModTime(); !t.IsZero() {
		id.mtime = t.UnixNano()
	}
	return id
}

// racy reports a source modified too close to when it was read for its
// size and mtime to prove it unchanged.
func (s sourceID) racy() bool { return s.written-s.mtime < int64(racyWindow) }

func version(codec int) uint32 { return layoutVersion<<16 | uint32(codec)&0xffff }

// encodeSegment returns a whole segment: header, payload and checksum.
func encodeSegment(id sourceID, codec int, payload []byte) []byte {
	buf := make([]byte, 0, headerSize+len(id.path)+len(payload)+trailerSize)
	buf = append(buf, magic...)
	buf = binary.LittleEndian.AppendUint32(buf, version(codec))
	buf = binary.LittleEndian.AppendUint32(buf, 0)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(id.size))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(id.mtime))
	buf = binary.LittleEndian.AppendUint64(buf, id.inode)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(id.written))
	buf = binary.LittleEndian.AppendUint64(buf, id.content)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(id.path)))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(payload)))
	buf = append(buf, id.path...)
	buf = append(buf, payload...)
	return binary.LittleEndian.AppendUint32(buf, crc32.Checksum(buf, castagnoli))
}

// Reasons a segment is not used. errStale is the ordinary case of an
// edited source; the others mean a damaged or foreign file.
var (
	errStale   = errors.New("the source changed since it was cached")
	errVersion = errors.New("written by another version")
	errDamaged = errors.New("damaged")
)

// decodeSegment checks a segment read whole and returns its source
// identity and payload (a subslice of data).
func decodeSegment(data []byte, codec int) (sourceID, []byte, error) {
	var id sourceID
	if len(data) < headerSize+trailerSize || !bytes.Equal(data[:8], []byte(magic)) {
		return id, nil, fmt.Errorf("%w: too short or not a segment", errDamaged)
	}
	le := binary.LittleEndian
	if v := le.Uint32(data[8:]); v != version(codec) {
		return id, nil, fmt.Errorf("%w (format %#x, this one reads %#x)", errVersion, v, version(codec))
	}
	id.size = int64(le.Uint64(data[16:]))
	id.mtime = int64(le.Uint64(data[24:]))
	id.inode = le.Uint64(data[32:])
	id.written = int64(le.Uint64(data[40:]))
	id.content = le.Uint64(data[48:])
	pathLen := uint64(le.Uint32(data[56:]))
	payloadLen := le.Uint64(data[60:])
	if rest := uint64(len(data) - headerSize - trailerSize); pathLen > rest || payloadLen != rest-pathLen {
		return id, nil, fmt.Errorf("%w: lengths do not add up (truncated?)", errDamaged)
	}
	body := len(data) - trailerSize
	if crc32.Checksum(data[:body], castagnoli) != le.Uint32(data[body:]) {
		return id, nil, fmt.Errorf("%w: checksum mismatch", errDamaged)
	}
	id.path = string(data[headerSize : headerSize+pathLen])
	return id, data[headerSize+pathLen : body], nil
}
