package bookmark

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"policyreader/corpus"
)

// Re-anchoring. A bookmark stores the node ID and a fingerprint of the
// node's content; node IDs are paths built from printed numbers, so they
// shift when a clause is inserted or removed before the bookmarked one.
//
//  1. The node at the saved ID whose fingerprint still matches is the one.
//  2. Else the node of the same document with the same fingerprint (the
//     clause was renumbered or moved); of several, the one whose ID shares
//     the longest prefix with the saved ID.
//  3. Else the node of the same document whose text (NodeText) is most
//     similar to the saved Text — Dice coefficient over character bigrams of
//     the normalised text, at least MinSimilarity, lengths within a factor
//     of two (the clause was edited a little).
//  4. Else the bookmark is orphaned: it is kept and shown with its saved
//     text.
//
// A bookmark never moves to another document: the implementation opinions
// repeat central clauses nearly word for word, and a jump there would be
// wrong.

// MinSimilarity is the least bigram similarity (0..1) at which an edited
// clause is taken to be the bookmarked one.
const MinSimilarity = 0.6

// minSimilarRunes is the least normalised length of a saved text for the
// similarity fallback; shorter texts match too much by chance.
const minSimilarRunes = 12

// Fingerprint returns a short hex hash of n's heading and own text,
// normalised (NFKC, letters and digits only, lower case), so numbering,
// whitespace, punctuation and the node's children do not change it.
func Fingerprint(n *corpus.Node) string {
	h := sha256.New()
	h.Write([]byte(normalise(n.Heading)))
	h.Write([]byte{0})
	h.Write([]byte(normalise(n.Text)))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// normalise keeps the letters and digits of s after NFKC, lower-cased.
func normalise(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Resolve finds the node b refers to in c, or reports it orphaned (n nil).
// To resolve many bookmarks against one corpus, use a Resolver.
func Resolve(c *corpus.Corpus, b Bookmark) (n *corpus.Node, orphan bool) {
	return NewResolver(c).Resolve(b)
}

// Resolver resolves bookmarks against one corpus, computing each
// document's fingerprints and texts once, on first need.
type Resolver struct {
	c    *corpus.Corpus
	docs map[string]*docIndex
}

// docIndex holds one document's nodes with their fingerprints, and their
// normalised texts once the similarity fallback needs them.
type docIndex struct {
	nodes  []*corpus.Node
	prints []string
	texts  []string
}

// NewResolver returns a Resolver over c.
func NewResolver(c *corpus.Corpus) *Resolver {
	return &Resolver{c: c, docs: map[string]*docIndex{}}
}

// Resolve finds the node b refers to, or reports it orphaned (n nil).
func (r *Resolver) Resolve(b Bookmark) (n *corpus.Node, orphan bool) {
	if r == nil || r.c == nil {
		return nil, true
	}
	if n, ok := r.c.Node(b.NodeID); ok && (b.Fingerprint == "" || Fingerprint(n) == b.Fingerprint) {
		return n, false
	}
	ix := r.index(b.DocID)
	if ix == nil {
		return nil, true
	}
	if b.Fingerprint != "" {
		best, bestLen := -1, -1
		for i, p := range ix.prints {
			if p != b.Fingerprint {
				continue
			}
			if l := commonPrefix(ix.nodes[i].ID, b.NodeID); l > bestLen {
				best, bestLen = i, l
			}
		}
		if best >= 0 {
			return ix.nodes[best], false
		}
	}
	if n := r.similar(ix, b.Text); n != nil {
		return n, false
	}
	return nil, true
}

// index returns the index of document docID, building it on first use.
func (r *Resolver) index(docID string) *docIndex {
	if ix, ok := r.docs[docID]; ok {
		return ix
	}
	d, ok := r.c.Doc(docID)
	if !ok {
		r.docs[docID] = nil
		return nil
	}
	ix := &docIndex{}
	d.Walk(func(n *corpus.Node) bool {
		ix.nodes = append(ix.nodes, n)
		ix.prints = append(ix.prints, Fingerprint(n))
		return true
	})
	r.docs[docID] = ix
	return ix
}

// similar returns the node of ix most similar to saved, or nil.
func (r *Resolver) similar(ix *docIndex, saved string) *corpus.Node {
	want := normalise(saved)
	wantLen := utf8.RuneCountInString(want)
	if wantLen < minSimilarRunes {
		return nil
	}
	if ix.texts == nil {
		ix.texts = make([]string, len(ix.nodes))
		for i, n := range ix.nodes {
			ix.texts[i] = normalise(NodeText(n))
		}
	}
	wantGrams := bigrams(want)
	var best *corpus.Node
	bestScore := MinSimilarity
	for i, t := range ix.texts {
		l := utf8.RuneCountInString(t)
		if l*2 < wantLen || l > wantLen*2 {
			continue
		}
		if s := dice(wantGrams, bigrams(t)); s >= bestScore {
			best, bestScore = ix.nodes[i], s
		}
	}
	return best
}

// bigrams counts the pairs of adjacent runes of s.
func bigrams(s string) map[[2]rune]int {
	m := map[[2]rune]int{}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			m[[2]rune{prev, r}]++
		}
		prev = r
	}
	return m
}

// dice is the Sørensen–Dice coefficient of two bigram multisets.
func dice(a, b map[[2]rune]int) float64 {
	total, common := 0, 0
	for g, n := range a {
		total += n
		common += min(n, b[g])
	}
	for _, n := range b {
		total += n
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(common) / float64(total)
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// Reanchor re-keys every bookmark that c resolves to a node with another ID
// or changed content: NodeID, Fingerprint, Heading, DocTitle and Text are
// taken from the node, Note and Created are kept. Afterwards Has(node.ID)
// is true exactly for bookmarked nodes of c, so a reader calls it once
// after Open (and after Reload). Orphans are left as they are. Two
// bookmarks that now resolve to one node are merged: the earlier creation
// time, both notes. It returns how many bookmarks moved.
func (s *Store) Reanchor(c *corpus.Corpus) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := NewResolver(c)
	moves := map[string]Bookmark{}
	for _, b := range s.view.Bookmarks {
		n, orphan := r.Resolve(b)
		if orphan {
			continue
		}
		fp := Fingerprint(n)
		if n.ID == b.NodeID && fp == b.Fingerprint {
			continue
		}
		nb := FromNode(n, b.Created)
		nb.Note, nb.Updated = b.Note, b.Updated
		moves[b.NodeID] = nb
	}
	if len(moves) == 0 {
		return 0, nil
	}
	return len(moves), s.apply(func(st *state) error {
		var kept, moved []Bookmark
		for _, b := range st.Bookmarks {
			if to, ok := moves[b.NodeID]; ok {
				to.Note, to.Created, to.Updated = b.Note, b.Created, b.Updated
				moved = append(moved, to)
			} else {
				kept = append(kept, b)
			}
		}
		st.Bookmarks = kept
		for _, b := range moved {
			i := st.index(b.NodeID)
			if i < 0 {
				st.Bookmarks = append(st.Bookmarks, b)
				continue
			}
			old := &st.Bookmarks[i]
			if b.Created.Before(old.Created) {
				old.Created = b.Created
			}
			if b.Note != "" && b.Note != old.Note {
				if old.Note != "" {
					old.Note += "\n"
				}
				old.Note += b.Note
			}
		}
		sortBookmarks(st.Bookmarks)
		return nil
	})
}
