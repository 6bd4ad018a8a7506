// Package words cuts Chinese text into words with github.com/go-ego/gse
// and its embedded simplified-Chinese dictionary, so search can prefer
// matches that are whole words (大力|弘扬 is not 力弘).
//
// Loading the whole dictionary takes a second and a half or more and
// keeps some 128 MB (a 275 MB peak); LoadFor keeps only the words a
// library's characters can spell, cutting its text the same, and reads
// them from a list of the whole dictionary embedded beside it (written
// from gse's by go generate) without loading the whole one: for the
// seeds' characters 0.65 s at a 97 MB peak. Load it off the UI loop, and
// only when a query needs it.
package words

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/go-ego/gse"
)

// Segmenter cuts text into words. It is safe for concurrent use once
// loaded.
type Segmenter struct {
	seg gse.Segmenter
}

// Load reads the embedded dictionary.
func Load() (*Segmenter, error) {
	s := &Segmenter{}
	s.seg.SkipLog = true
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load the word dictionary: %w", err)
	}
	return s, nil
}

// LoadFor reads the embedded dictionary and keeps only the words whose
// every rune holds accepts (the runes of a library's text), so it holds
// a fraction of the memory. Text made of such runes is cut exactly as
// Load's segmenter cuts it: a word with another rune can match none of
// it, and the words left out are replaced by one word that matches
// nothing, carries their frequency and is as long as the longest, so
// every word's probability (its frequency over the total) and the cut's
// look-ahead are unchanged. It is FromList of ListFor.
func LoadFor(holds func(rune) bool) (*Segmenter, error) {
	list, err := ListFor(holds)
	if err != nil {
		return nil, err
	}
	return FromList(list)
}

// ListFor returns, in List's form, the words LoadFor keeps for holds. It
// reads them from the list of the whole dictionary embedded beside it
// (whole.list.gz, written from gse's by go generate), a word at a time,
// so cutting a library's dictionary never loads the whole one: it holds
// the list it returns.
func ListFor(holds func(rune) bool) ([]byte, error) {
	// gse lower-cases what it cuts (Γ as γ, the Kelvin sign as k): a rune
	// counts as held when any of its case forms is.
	heldCase := holds
	holds = func(r rune) bool {
		for f := r; ; {
			if heldCase(f) {
				return true
			}
			if f = unicode.SimpleFold(f); f == r {
				return false
			}
		}
	}
	// A rune no text holds, for the word that stands for those left out.
	absent := rune(-1)
	for r := rune(0xE000); r <= 0xF8FF; r++ { // the private use area
		if !holds(r) {
			absent = r
			break
		}
	}
	var l list
	var dropped float64
	prefixes := map[string]bool{}
	maxLen, err := wholeWords(func(w string, freq float64) {
		if held := heldPrefix(w, holds); held == len(w) || absent < 0 {
			l.add(w, freq)
		} else {
			dropped += freq
			if held > 0 {
				// The cut treats a prefix of a word unlike other text
				// (gse finds it, with frequency 0): a word of no
				// frequency keeps the held part a prefix.
				prefixes[w[:held]] = true
			}
		}
	})
	if err != nil {
		return nil, err
	}
	for _, p := range slices.Sorted(maps.Keys(prefixes)) {
		l.add(p+string(absent), 0)
	}
	if dropped > 0 {
		// As long as the longest word, which bounds how far the cut
		// looks ahead.
		l.add(strings.Repeat(string(absent), max(maxLen, 2)), dropped)
	}
	return l.bytes(), nil
}

// heldPrefix returns the length in bytes of the longest prefix of w
// whose runes holds accepts.
func heldPrefix(w string, holds func(rune) bool) int {
	for i, r := range w {
		if !holds(r) {
			return i
		}
	}
	return len(w)
}

// MaxTokenLen is the length of the dictionary's longest word, as gse
// counts it (a run of letters or digits is one).
func (s *Segmenter) MaxTokenLen() int { return s.seg.Dict.MaxTokenLen() }

// Cut returns the words of text in order; joined they give text back.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, true)
}
