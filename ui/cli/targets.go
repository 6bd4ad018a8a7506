package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/targets"
)

// targetJSON is one entry of `targets --json`; start and end are rune
// offsets into the text of the node id.
type targetJSON struct {
	Doc    string `json:"doc"`
	ID     string `json:"id"`
	Clause string `json:"clause"`
	Phrase string `json:"phrase"`
	// Statement is the clause that makes the phrase readable.
	Statement string `json:"statement"`
	Context   string `json:"context,omitempty"`
	Year      int    `json:"year"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// runTargets prints every target of the corpus:
// `targets [--json] [--sort doc|year] [FILTER]`. By document (the default)
// the targets are grouped by document, then clause, in reading order; by
// year they form one table, earliest deadline first, undated last. FILTER
// keeps the targets whose phrase, clause, document or year contain every
// word of it.
func runTargets(env Env, opts Options, args []string) error {
	fset := newFlagSet("targets", env, &opts)
	sortBy := fset.String("sort", "doc", "`ORDER`: doc or year")
	format := fset.String("format", "table", "output `FORMAT`: table, csv or json")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if *sortBy != "doc" && *sortBy != "year" {
		return usagef("targets: --sort must be doc or year, not %q", *sortBy)
	}
	f, err := tableFormat("targets", *format, opts.JSON)
	if err != nil {
		return err
	}
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	return printTargets(env.Stdout, c, *sortBy, strings.Join(rest, " "), f)
}

// printTargets writes the targets of c, filtered by query and sorted by
// sortBy ("doc" or "year"), as JSON, CSV or text.
func printTargets(w io.Writer, c *corpus.Corpus, sortBy, query string, format string) error {
	ts := targets.Filter(targets.Collect(c), query)
	if sortBy == "year" {
		targets.SortByYear(ts)
	}
	if format == "csv" {
		return targets.WriteCSV(w, ts)
	}
	if format == "json" {
		out := make([]targetJSON, len(ts))
		for i, t := range ts {
			out[i] = targetJSON{Doc: t.DocLabel, ID: t.ID(), Clause: t.Clause, Phrase: t.Phrase, Statement: t.Statement, Context: t.Context, Year: t.Year, Start: t.Start, End: t.End}
		}
		if err := writeJSON(w, out); err != nil {
			return failf("write targets: %w", err)
		}
		return nil
	}
	if len(ts) == 0 {
		_, err := fmt.Fprintln(w, "no targets")
		return err
	}
	if sortBy == "year" {
		rows := [][]string{{"year", "document", "target", "clause", "id"}}
		for _, t := range ts {
			rows = append(rows, []string{yearCell(t.Year), docShort(t.Doc), t.Label(), t.Clause, t.ID()})
		}
		return writeAligned(w, rows)
	}
	var b strings.Builder
	var doc *corpus.Document
	var node *corpus.Node
	for _, t := range ts {
		if t.Node.Doc != doc || doc == nil {
			if doc != nil {
				b.WriteByte('\n')
			}
			doc = t.Node.Doc
			fmt.Fprintf(&b, "%s\n", t.DocLabel)
			node = nil
		}
		if t.Node != node {
			node = t.Node
			fmt.Fprintf(&b, "  %s  %s\n", t.Clause, node.ID)
		}
		fmt.Fprintf(&b, "    %-4s  %s\n", yearCell(t.Year), t.Label())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// yearCell is a deadline year for a table, "-" for none.
func yearCell(y int) string {
	if y == 0 {
		return "-"
	}
	return strconv.Itoa(y)
}
