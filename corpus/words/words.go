// Package words cuts Chinese text into words with github.com/go-ego/gse
// and its embedded simplified-Chinese dictionary, so search can prefer
// matches that are whole words (大力|弘扬 is not 力弘).
//
// Loading the dictionary takes about a second and a half and keeps some
// 128 MB; LoadFor keeps only the words a library's characters can spell
// (49 MB for the seeds, 80 MB with the laws), cutting its text the same.
// Load it off the UI loop, and only when a query needs it.
package words

import (
	"fmt"
	"maps"
	"runtime/debug"
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

// ListFor returns, in List's form, the words LoadFor keeps for holds. The
// whole dictionary is gone (collected, its memory given back) by the time
// it returns, so the smaller one built from the list (FromList) is never
// beside it: cutting a library's dictionary peaks at the whole one's
// size, not at both.
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
	// The whole dictionary is the most this package holds: what the
	// process let go of before goes back first, and the dictionary once
	// cut.
	debug.FreeOSMemory()
	full, err := Load()
	if err != nil {
		return nil, err
	}
	defer debug.FreeOSMemory()
	// A rune no text holds, for the word that stands for those left out.
	absent := rune(-1)
	for r := rune(0xE000); r <= 0xF8FF; r++ { // the private use area
		if !holds(r) {
			absent = r
			break
		}
	}
	if absent < 0 {
		return full.List(), nil
	}
	var l list
	var dropped float64
	prefixes := map[string]bool{}
	for _, tok := range full.seg.Dict.Tokens {
		w := tok.Text()
		if held := heldPrefix(w, holds); held == len(w) {
			l.add(w, tok.Freq())
		} else {
			dropped += tok.Freq()
			if held > 0 {
				// The cut treats a prefix of a word unlike other text
				// (gse finds it, with frequency 0): a word of no
				// frequency keeps the held part a prefix.
				prefixes[w[:held]] = true
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(prefixes)) {
		l.add(p+string(absent), 0)
	}
	if dropped > 0 {
		// As long as the longest word, which bounds how far the cut
		// looks ahead.
		n := max(full.seg.Dict.MaxTokenLen(), 2)
		l.add(strings.Repeat(string(absent), n), dropped)
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

// Cut returns the words of text in order; joined they give text back.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, true)
}
