package words

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

//go:generate go run ./gen whole.list.gz

// wholeList is every word of gse's embedded dictionary with its frequency,
// in its order (see gen): what ListFor cuts from.
//
//go:embed whole.list.gz
var wholeList []byte

// wholeMagic opens wholeList, before the longest word's length and the
// list itself.
const wholeMagic = "PRWHOLE1"

// wholeWords calls fn for every word of the whole dictionary, in its
// order, with its frequency, and returns the longest word's length as gse
// counts it.
func wholeWords(fn func(w string, freq float64)) (maxLen int, err error) {
	z, err := gzip.NewReader(bytes.NewReader(wholeList))
	if err != nil {
		return 0, fmt.Errorf("read the word list: %w", err)
	}
	r := bufio.NewReader(z)
	head := make([]byte, len(wholeMagic)+4+len(listMagic))
	if _, err := io.ReadFull(r, head); err != nil || string(head[:len(wholeMagic)]) != wholeMagic || string(head[len(wholeMagic)+4:]) != listMagic {
		return 0, fmt.Errorf("read the word list: %w: no header", errList)
	}
	maxLen = int(binary.LittleEndian.Uint32(head[len(wholeMagic):]))
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return 0, fmt.Errorf("read the word list: %w", err)
	}
	var buf []byte
	var f [8]byte
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > 1<<10 {
			return 0, fmt.Errorf("read the word list: %w: word %d", errList, i)
		}
		buf = slices.Grow(buf[:0], int(l))[:l]
		if _, err := io.ReadFull(r, buf); err != nil {
			return 0, fmt.Errorf("read the word list: word %d: %w", i, err)
		}
		if _, err := io.ReadFull(r, f[:]); err != nil {
			return 0, fmt.Errorf("read the word list: word %d: %w", i, err)
		}
		fn(string(buf), math.Float64frombits(binary.LittleEndian.Uint64(f[:])))
	}
	return maxLen, nil
}
