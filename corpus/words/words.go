// Package words cuts Chinese text into words as github.com/go-ego/gse
// does with its embedded simplified-Chinese dictionary, so search can
// prefer matches that are whole words (大力|弘扬 is not 力弘).
//
// gse's own dictionary takes a second and a half to load and keeps some
// 128 MB (a 275 MB peak). A Dictionary reads the same words from a sorted
// list embedded beside this package (written from gse's by go generate)
// in some tens of milliseconds and keeps about 10 MB, and cuts a text
// exactly as gse's does; Load, gse's own, is for generating that list and
// for checking the two agree.
package words

import (
	"fmt"

	"github.com/go-ego/gse"
)

// Segmenter is gse with its whole embedded dictionary loaded. It is safe
// for concurrent use once loaded.
type Segmenter struct {
	seg gse.Segmenter
}

// Load reads gse's embedded dictionary.
func Load() (*Segmenter, error) {
	s := &Segmenter{}
	s.seg.SkipLog = true
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load the word dictionary: %w", err)
	}
	return s, nil
}

// Cut returns the words of text in order; joined they give text back.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, true)
}

// TotalFreq is the dictionary's total frequency, as gse sums it.
func (s *Segmenter) TotalFreq() float64 { return s.seg.Dict.TotalFreq() }
