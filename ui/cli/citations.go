package cli

import (
	"fmt"
	"io"

	"policyreader/corpus"
	"policyreader/corpus/cite"
)

// citationJSON is one cross-reference of a node's text in `show --json`:
// where it stands (rune offsets), what it names and, when that is in the
// corpus, the ID of the node or document it resolves to and the 1-based
// paragraph (款) named, 0 for the whole node. Target is null when the
// citation names something the corpus does not hold.
type citationJSON struct {
	Text      string  `json:"text"`
	Kind      string  `json:"kind"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Target    *string `json:"target"`
	Paragraph int     `json:"paragraph"`
}

// citationsJSON resolves the citations of n's text against c.
func citationsJSON(c *corpus.Corpus, n *corpus.Node) []citationJSON {
	out := []citationJSON{}
	for _, l := range cite.NewResolver(c).Links(n) {
		out = append(out, citationJSON{Text: l.Text, Kind: l.Kind.String(), Start: l.Start, End: l.End, Target: linkTarget(l), Paragraph: l.Para})
	}
	return out
}

// linkTarget is the ID a link resolves to, or nil.
func linkTarget(l cite.Link) *string {
	switch {
	case l.Target != nil:
		return &l.Target.ID
	case l.Doc != nil:
		return &l.Doc.ID
	}
	return nil
}

// printCitations lists the resolved citations of n's text, one per line.
func printCitations(w io.Writer, c *corpus.Corpus, n *corpus.Node) {
	first := true
	for _, l := range cite.NewResolver(c).Links(n) {
		id := linkTarget(l)
		if id == nil {
			continue
		}
		if first {
			fmt.Fprintln(w, "\ncites:")
			first = false
		}
		if l.Para > 0 {
			fmt.Fprintf(w, "  %s → %s (paragraph %d)\n", l.Text, *id, l.Para)
		} else {
			fmt.Fprintf(w, "  %s → %s\n", l.Text, *id)
		}
	}
}
