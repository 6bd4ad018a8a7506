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
//	build      u64      the program build that parsed it (buildID)
//	size       i64      the source's size
//	mtime      i64      the source's modification time, ns since 1970
//	ctime      i64      the source's status change time, ns (0 where none)
//	inode      u64      the source's inode (0 where there is none)
//	dev        u64      the device holding it (0 where there is none)
//	written    i64      when the source was read, ns since 1970
//	content    u64      a hash of the source's bytes (two CRC-32s)
//	pathLen    u32      then the source's key (its absolute path)
//	payloadLen u64      then the document (corpus.AppendDocument)
//	crc        u32      CRC-32C of every byte before it
//
// all little-endian. A segment is trusted only when every field checks:
// magic, version, build, lengths, checksum, path, and the source's size,
// mtime, ctime, inode and device as they are now; and when the source was
// modified less than racyWindow before it was read (a later edit could
// keep all of those), its content hash too. ctime catches an edit whose
// tool put the mtime back (touch -r, cp -p): the system sets ctime on
// every change and no program can set it back.
const (
	magic         = "PRCACHE\x00"
	layoutVersion = 5
	trailerSize   = 4
)

// Offsets of the header's fields.
const (
	offVersion    = 8
	offBuild      = 16
	offSize       = 24
	offMtime      = 32
	offCtime      = 40
	offInode      = 48
	offDev        = 56
	offWritten    = 64
	offContent    = 72
	offPathLen    = 80
	offPayloadLen = 84
	headerSize    = 92
)

// maxSegment bounds a segment's size: the largest source is 64 MiB, and its
// parse, text and structure, stays well under four times that.
const maxSegment = 1 << 30

// racyWindow is how recent a modification must be, at the time the source
// was read, for its size and times not to be trusted alone: file systems
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
	ctime   int64
	inode   uint64
	dev     uint64
	written int64
	content uint64
}

func idOf(path string, info os.FileInfo) sourceID {
	id := sourceID{path: path, size: info.Size()}
	if t := info.ModTime(); !t.IsZero() {
		id.mtime = t.UnixNano()
	}
	id.ctime, id.inode, id.dev = fileIdentity(info)
	return id
}

// sameFile reports whether the source now (now) is the one a segment
// describes (id), as far as its metadata tells.
func (id sourceID) sameFile(now sourceID) bool {
	return id.path == now.path && id.size == now.size && id.mtime == now.mtime &&
		id.ctime == now.ctime && id.inode == now.inode && id.dev == now.dev
}

// racy reports a source modified too close to when it was read for its
// size and times to prove it unchanged.
func (id sourceID) racy() bool {
	return id.written-max(id.mtime, id.ctime) < int64(racyWindow)
}

func version(codec int) uint32 { return layoutVersion<<16 | uint32(codec)&0xffff }

// encodeSegment returns a whole segment: header, payload and checksum.
func encodeSegment(id sourceID, codec int, build uint64, payload []byte) []byte {
	le := binary.LittleEndian
	buf := make([]byte, headerSize, headerSize+len(id.path)+len(payload)+trailerSize)
	copy(buf, magic)
	le.PutUint32(buf[offVersion:], version(codec))
	le.PutUint64(buf[offBuild:], build)
	le.PutUint64(buf[offSize:], uint64(id.size))
	le.PutUint64(buf[offMtime:], uint64(id.mtime))
	le.PutUint64(buf[offCtime:], uint64(id.ctime))
	le.PutUint64(buf[offInode:], id.inode)
	le.PutUint64(buf[offDev:], id.dev)
	le.PutUint64(buf[offWritten:], uint64(id.written))
	le.PutUint64(buf[offContent:], id.content)
	le.PutUint32(buf[offPathLen:], uint32(len(id.path)))
	le.PutUint64(buf[offPayloadLen:], uint64(len(payload)))
	buf = append(buf, id.path...)
	buf = append(buf, payload...)
	return le.AppendUint32(buf, crc32.Checksum(buf, castagnoli))
}

// Reasons a segment is not used. errStale is the ordinary case of an
// edited source; the others mean a damaged or foreign file.
var (
	errStale   = errors.New("the source changed since it was cached")
	errVersion = errors.New("written by another version")
	errDamaged = errors.New("damaged")
)

// decodeSegment checks a segment read whole and returns its source
// identity and payload (a subslice of data). A segment written by another
// build of the program is stale: that build may have parsed differently.
func decodeSegment(data []byte, codec int, build uint64) (sourceID, []byte, error) {
	var id sourceID
	if len(data) < headerSize+trailerSize || !bytes.Equal(data[:8], []byte(magic)) {
		return id, nil, fmt.Errorf("%w: too short or not a segment", errDamaged)
	}
	le := binary.LittleEndian
	if v := le.Uint32(data[offVersion:]); v != version(codec) {
		return id, nil, fmt.Errorf("%w (format %#x, this one reads %#x)", errVersion, v, version(codec))
	}
	pathLen := uint64(le.Uint32(data[offPathLen:]))
	payloadLen := le.Uint64(data[offPayloadLen:])
	if rest := uint64(len(data) - headerSize - trailerSize); pathLen > rest || payloadLen != rest-pathLen {
		return id, nil, fmt.Errorf("%w: lengths do not add up (truncated?)", errDamaged)
	}
	body := len(data) - trailerSize
	if crc32.Checksum(data[:body], castagnoli) != le.Uint32(data[body:]) {
		return id, nil, fmt.Errorf("%w: checksum mismatch", errDamaged)
	}
	if le.Uint64(data[offBuild:]) != build {
		return id, nil, fmt.Errorf("%w: parsed by another build of the program", errStale)
	}
	id.size = int64(le.Uint64(data[offSize:]))
	id.mtime = int64(le.Uint64(data[offMtime:]))
	id.ctime = int64(le.Uint64(data[offCtime:]))
	id.inode = le.Uint64(data[offInode:])
	id.dev = le.Uint64(data[offDev:])
	id.written = int64(le.Uint64(data[offWritten:]))
	id.content = le.Uint64(data[offContent:])
	id.path = string(data[headerSize : headerSize+pathLen])
	return id, data[headerSize+pathLen : body], nil
}

// settled returns a copy of segment data (already checked) whose reading
// time is at, with its checksum recomputed.
func settled(data []byte, at time.Time) []byte {
	seg := append([]byte(nil), data...)
	binary.LittleEndian.PutUint64(seg[offWritten:], uint64(at.UnixNano()))
	body := len(seg) - trailerSize
	binary.LittleEndian.PutUint32(seg[body:], crc32.Checksum(seg[:body], castagnoli))
	return seg
}
