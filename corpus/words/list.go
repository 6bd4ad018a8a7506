package words

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
)

// errList reports bytes that are not a list of words.
var errList = errors.New("not a list of words")

// SortedList returns the words s holds, as gse stores them (lower-cased),
// each with its frequency, sorted by key: the number of words (uvarint),
// then per word a uvarint length, the key and the frequency (float64
// bits, little-endian). It is what a Dictionary reads.
func (s *Segmenter) SortedList() []byte {
	type word struct {
		key  string
		freq float64
	}
	ws := make([]word, 0, len(s.seg.Dict.Tokens))
	for _, tok := range s.seg.Dict.Tokens {
		ws = append(ws, word{tok.Text(), tok.Freq()})
	}
	slices.SortFunc(ws, func(a, b word) int { return strings.Compare(a.key, b.key) })
	out := binary.AppendUvarint(nil, uint64(len(ws)))
	for _, w := range ws {
		out = binary.AppendUvarint(out, uint64(len(w.key)))
		out = append(out, w.key...)
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(w.freq))
	}
	return out
}
