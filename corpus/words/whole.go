package words

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"unsafe"
)

//go:generate go run ./gen whole.list.gz

// wholeList is every word of gse's embedded dictionary with its
// frequency, sorted by key (see gen): what a Dictionary reads.
//
//go:embed whole.list.gz
var wholeList []byte

// wholeMagic opens wholeList, before the dictionary's total frequency
// (float64 bits, little-endian), the number of words (uvarint) and the
// words.
const wholeMagic = "PRWHOLE2"

// wholeRaw returns wholeList decompressed.
func wholeRaw() ([]byte, error) {
	z, err := gzip.NewReader(bytes.NewReader(wholeList))
	if err != nil {
		return nil, fmt.Errorf("read the word list: %w", err)
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("read the word list: %w", err)
	}
	return raw, nil
}

// readTable splits a decompressed list into its header and its records:
// each a uvarint length, the key and its frequency (float64 bits,
// little-endian), in key order. It returns the records, the total
// frequency and the number of words the header gives.
func readTable(raw []byte) (table []byte, total float64, n uint64, err error) {
	if len(raw) < len(wholeMagic)+8 || string(raw[:len(wholeMagic)]) != wholeMagic {
		return nil, 0, 0, fmt.Errorf("read the word list: %w: no header", errList)
	}
	raw = raw[len(wholeMagic):]
	total = math.Float64frombits(binary.LittleEndian.Uint64(raw))
	n, k := binary.Uvarint(raw[8:])
	if k <= 0 || math.IsNaN(total) || total <= 0 {
		return nil, 0, 0, fmt.Errorf("read the word list: %w: bad header", errList)
	}
	return raw[8+k:], total, n, nil
}

// unsafeString views b as a string; b must not change while it is used.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
