package words

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"
)

// Dictionary cuts text as the whole gse dictionary does (Load), from a
// sorted table of its words: some 10 MB where gse's own structures for the
// same words take over 120, and a cut of a short text in about half the
// time. gse's algorithm is followed step by step and its model of unknown
// words used as it is; tests compare every cut with gse's. It is safe for
// concurrent use.
type Dictionary struct {
	keys  []byte    // the keys, concatenated in byte order
	ends  []uint32  // per key: where it ends in keys (starts where the last ends)
	freqs []float64 // per key: its frequency
	// first maps a rune to the keys that start with it, [lo, hi).
	first map[rune][2]uint32
	total float64 // gse's total frequency, summed in its order
}

// NewDictionary reads the embedded sorted list of the whole dictionary.
// It takes some tens of milliseconds; the first call in a process also
// loads gse's model for unknown words.
func NewDictionary() (*Dictionary, error) {
	raw, err := wholeRaw()
	if err != nil {
		return nil, err
	}
	return newDictionary(raw)
}

// newDictionary reads a decompressed list (see gen): damaged, it is an
// error wrapping errList.
func newDictionary(raw []byte) (*Dictionary, error) {
	table, total, n, err := readTable(raw)
	if err != nil {
		return nil, err
	}
	// Each word takes at least ten bytes: a length, a rune, a frequency.
	if n > uint64(len(table))/10 {
		return nil, fmt.Errorf("read the word list: %w: bad count", errList)
	}
	d := &Dictionary{
		keys:  make([]byte, 0, len(table)-int(n)*9),
		ends:  make([]uint32, 0, n),
		freqs: make([]float64, 0, n),
		first: map[rune][2]uint32{},
		total: total,
	}
	prev := ""
	for at := 0; at < len(table); {
		i := len(d.ends)
		l, k := binary.Uvarint(table[at:])
		if k <= 0 || l == 0 || uint64(len(table)-at-k) < l+8 {
			return nil, fmt.Errorf("read the word list: %w: word %d cut short", errList, i)
		}
		key := unsafeString(table[at+k : at+k+int(l)])
		f := math.Float64frombits(binary.LittleEndian.Uint64(table[at+k+int(l):]))
		if i > 0 && key <= prev || !utf8.ValidString(key) || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
			return nil, fmt.Errorf("read the word list: %w: word %d out of order or damaged", errList, i)
		}
		prev = key
		d.keys = append(d.keys, key...)
		d.ends = append(d.ends, uint32(len(d.keys)))
		d.freqs = append(d.freqs, f)
		r, _ := utf8.DecodeRuneInString(key)
		span := d.first[r]
		if span[1] == 0 {
			span[0] = uint32(i)
		}
		span[1] = uint32(i + 1)
		d.first[r] = span
		at += k + int(l) + 8
	}
	if uint64(len(d.ends)) != n {
		return nil, fmt.Errorf("read the word list: %w: %d words, %d listed", errList, len(d.ends), n)
	}
	loadModel()
	return d, nil
}

// loadModel loads gse's model of unknown words, which gse keeps in
// package state shared by every segmenter: once, so that a dictionary
// read while another cuts does not rewrite the model under it.
var loadModel = sync.OnceFunc(func() {
	var s gse.Segmenter
	s.LoadModel()
})

// key returns the i-th key in byte order, without copying.
func (d *Dictionary) key(i int) string {
	from := uint32(0)
	if i > 0 {
		from = d.ends[i-1]
	}
	return unsafeString(d.keys[from:d.ends[i]])
}

// narrow returns the keys of [lo, hi) that start with p, given that all
// of them start with p minus its last rune.
func (d *Dictionary) narrow(lo, hi int, p string) (int, int) {
	a, b := lo, hi
	for a < b { // first key >= p
		m := int(uint(a+b) >> 1)
		if d.key(m) < p {
			a = m + 1
		} else {
			b = m
		}
	}
	first := a
	b = hi
	for a < b { // first key not starting with p
		m := int(uint(a+b) >> 1)
		if strings.HasPrefix(d.key(m), p) {
			a = m + 1
		} else {
			b = m
		}
	}
	return first, a
}

// Cut returns the words of text in order, as gse's whole dictionary cuts
// it (with its model of unknown words); joined they give text back, lower
// case as gse gives it.
//
// It is gse's cut, step by step, on the sorted table: the graph of the
// words starting at each rune (a lookup stops where no word starts with
// the runes so far), the most probable route through it by the words'
// frequencies over the total, and runs of single runes the route leaves
// handed to gse's model of unknown words unless the run is itself a word.
func (d *Dictionary) Cut(text string) []string {
	if gse.ToLower {
		text = strings.ToLower(text)
	}
	runes := []rune(text)
	n := len(runes)
	if n == 0 {
		return []string{}
	}
	s := string(runes) // as gse looks words up: invalid bytes replaced
	at := make([]int, n+1)
	for k, i := 0, 0; k < n; k++ {
		at[k] = i
		i += utf8.RuneLen(runes[k])
		at[k+1] = i
	}
	logT := math.Log(d.total)
	// best[k], next[k]: the log probability of the best route from rune
	// k to the end, and the last rune of its first word.
	best := make([]float64, n+1)
	next := make([]int, n)
	for k := n - 1; k >= 0; k-- {
		span := d.first[runes[k]]
		lo, hi := int(span[0]), int(span[1])
		found := false
		for i := k; i < n && lo < hi; i++ {
			p := s[at[k]:at[i+1]]
			if i > k {
				if lo, hi = d.narrow(lo, hi, p); lo == hi {
					break
				}
			}
			if d.key(lo) != p || d.freqs[lo] <= 0 {
				continue
			}
			f := math.Log(d.freqs[lo]) - logT + best[i+1]
			if !found || best[k] < f || best[k] == f && next[k] < i {
				best[k], next[k] = f, i
			}
			found = true
		}
		if !found {
			// The rune alone: of the frequency gse finds for it, zero
			// when it only starts words, one when it is unknown.
			freq := 1.0
			if f, ok := d.find(s[at[k]:at[k+1]]); ok {
				freq = f
			}
			best[k], next[k] = math.Log(freq)-logT+best[k+1], k
		}
	}
	out := make([]string, 0, n)
	var buf []rune
	flush := func() {
		switch {
		case len(buf) == 1:
			out = append(out, string(buf))
		case len(buf) > 1:
			run := string(buf)
			if f, ok := d.find(run); !ok || f == 0 {
				out = append(out, hmm.Cut(run)...)
			} else {
				for _, r := range buf {
					out = append(out, string(r))
				}
			}
		}
		buf = buf[:0]
	}
	for x := 0; x < n; {
		y := next[x] + 1
		if y-x == 1 {
			buf = append(buf, runes[x])
		} else {
			flush()
			out = append(out, string(runes[x:y]))
		}
		x = y
	}
	flush()
	return out
}

// find returns the frequency of p and whether p is a word or the start of
// one, as gse's dictionary answers it.
func (d *Dictionary) find(p string) (float64, bool) {
	r, _ := utf8.DecodeRuneInString(p)
	span := d.first[r]
	lo, hi := d.narrow(int(span[0]), int(span[1]), p)
	if lo == hi {
		return 0, false
	}
	if d.key(lo) == p {
		return d.freqs[lo], true
	}
	return 0, true
}
