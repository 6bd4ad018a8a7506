// Package words cuts Chinese text into words with github.com/go-ego/gse
// and its embedded simplified-Chinese dictionary, so search can prefer
// matches that are whole words (大力|弘扬 is not 力弘).
//
// Loading the dictionary takes about a second and a half and some 150 MB
// of memory; load it off the UI loop, and only when a query needs it.
package words

import (
	"fmt"

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

// Cut returns the words of text in order; joined they give text back.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, true)
}
