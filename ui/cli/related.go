package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// relatedJSON is one entry of `related --json`.
type relatedJSON struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Heading string  `json:"heading"`
	Score   float64 `json:"score"`
}

// runRelated prints the clauses of other documents most similar to one:
// `related [--json] [--limit N] ID`, best first.
func runRelated(env Env, opts Options, args []string) error {
	fset := newFlagSet("related", env, &opts)
	limit := fset.Int("limit", 10, "at most `N` clauses")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("related needs exactly one node ID (see `policyreader tree`)")
	}
	if *limit < 1 {
		return usagef("related: --limit must be at least 1, not %d", *limit)
	}
	c, index, err := loadRelated(env, opts)
	if err != nil {
		return err
	}
	n, ok := c.Node(rest[0])
	if !ok {
		return failf("no node with ID %q (see `policyreader tree`)", rest[0])
	}
	x, err := index()
	if err != nil {
		return err
	}
	ms := x.Related(n.ID, *limit)
	if opts.JSON {
		out := make([]relatedJSON, len(ms))
		for i, m := range ms {
			out[i] = relatedJSON{ID: m.ID, Doc: m.Node.Doc.Label(), Heading: m.Node.Title(), Score: round3(m.Score)}
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return failf("write related clauses: %w", err)
		}
		return nil
	}
	return printRelated(env.Stdout, n, ms)
}

// loadRelated loads the library of opts through the cache (when there is
// one) and gives, on demand, its related-clause index: read from the
// cache when it holds one for these documents, else built (and, with a
// cache, stored for next time before it returns).
func loadRelated(env Env, opts Options) (*corpus.Corpus, func() (*related.Index, error), error) {
	store := openCache(opts)
	c, err := loadCorpusWith(env, opts, corpus.LoadOptions{}, store)
	if err != nil {
		return nil, nil, err
	}
	index := func() (*related.Index, error) {
		if store == nil {
			return related.New(c), nil
		}
		x, err := store.RelatedIndex(context.Background(), c)
		store.Flush()
		printNotes(env, store)
		if err != nil {
			return nil, failf("related-clause index: %w", err)
		}
		return x, nil
	}
	return c, index, nil
}

// printRelated writes the matches as a table: score, document, clause, ID,
// columns aligned by display width.
func printRelated(w io.Writer, n *corpus.Node, ms []related.Match) error {
	fmt.Fprintf(w, "related to %s · %s\n", n.Title(), docShort(n.Doc))
	if len(ms) == 0 {
		_, err := fmt.Fprintln(w, "no similar clauses in the other documents")
		return err
	}
	rows := [][]string{{"score", "document", "clause", "id"}}
	for _, m := range ms {
		rows = append(rows, []string{fmt.Sprintf("%.3f", m.Score), docShort(m.Node.Doc), m.Node.Title(), m.ID})
	}
	return writeAligned(w, rows)
}

// docShort is a document's short label (广东, 江西 …), or its title when it has none.
func docShort(d *corpus.Document) string {
	if d == nil {
		return ""
	}
	if d.Short != "" {
		return d.Short
	}
	return d.Title
}

// round3 rounds a score to three decimals for JSON.
func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

// writeAligned writes rows with columns separated by two spaces and padded
// to the widest cell by terminal display width (a Han character is two
// columns); the last column is not padded.
func writeAligned(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
