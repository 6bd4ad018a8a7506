package cli

import (
	"fmt"
	"io"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/compare"
)

// compareLimit is how many counterparts `compare ID` considers and lists.
const compareLimit = 5

// compareSideJSON is one clause of `compare --json`.
type compareSideJSON struct {
	ID      string `json:"id"`
	Doc     string `json:"doc"`
	Heading string `json:"heading"`
	// Only are the phrases only this side says, in order.
	Only []string `json:"only"`
	// Marks are every marked run: kind "only" (wording), "target" or
	// "body" (a target or body the other side does not state).
	Marks []markJSON `json:"marks"`
}

// markJSON is one marked run, in rune offsets into the clause's text.
type markJSON struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// pairJSON is one row of the alignment: the sentences of each side that
// say the same thing (one side empty when only the other says it).
type pairJSON struct {
	Left       []string `json:"left"`
	Right      []string `json:"right"`
	Similarity float64  `json:"similarity"`
}

// compareJSON is the output of `compare --json`.
type compareJSON struct {
	Left       compareSideJSON `json:"left"`
	Right      compareSideJSON `json:"right"`
	Similarity float64         `json:"similarity"`
	Pairs      []pairJSON      `json:"pairs"`
	// Counterparts are the other candidate clauses, best first, when the
	// counterpart was chosen rather than given.
	Counterparts []string `json:"counterparts,omitempty"`
}

// runCompare sets a clause beside its best counterpart in another
// document, or beside the clause given: `compare [--json] ID [OTHER-ID]`.
func runCompare(env Env, opts Options, args []string) error {
	fset := newFlagSet("compare", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) < 1 || len(rest) > 2 {
		return usagef("compare needs a node ID and optionally a second one (see `policyreader tree`)")
	}
	c, index, err := loadRelated(env, opts)
	if err != nil {
		return err
	}
	a, ok := c.Node(rest[0])
	if !ok {
		return failf("no node with ID %q (see `policyreader tree`)", rest[0])
	}
	var b *corpus.Node
	var others []string
	if len(rest) == 2 {
		if b, ok = c.Node(rest[1]); !ok {
			return failf("no node with ID %q (see `policyreader tree`)", rest[1])
		}
	} else {
		x, err := index()
		if err != nil {
			return err
		}
		ms := x.Related(a.ID, compareLimit)
		if len(ms) == 0 {
			return failf("compare: no counterpart of %s in the other documents; give one: compare %s OTHER-ID", a.ID, a.ID)
		}
		b = ms[0].Node
		for _, m := range ms[1:] {
			others = append(others, m.ID)
		}
	}
	r := compare.Compare(a, b)
	if opts.JSON {
		if err := writeJSON(env.Stdout, toCompareJSON(r, others)); err != nil {
			return failf("write comparison: %w", err)
		}
		return nil
	}
	return printCompare(env.Stdout, r, others)
}

func toCompareJSON(r compare.Result, others []string) compareJSON {
	out := compareJSON{Left: sideJSON(r.Left), Right: sideJSON(r.Right), Similarity: round3(r.Similarity), Counterparts: others}
	out.Pairs = []pairJSON{}
	for _, row := range r.Rows {
		p := pairJSON{Left: sentences(r.Left, row.Left), Right: sentences(r.Right, row.Right), Similarity: round3(row.Similarity)}
		out.Pairs = append(out.Pairs, p)
	}
	return out
}

func sideJSON(s compare.Side) compareSideJSON {
	n := s.Node
	out := compareSideJSON{ID: n.ID, Heading: n.Title(), Only: s.OnlyPhrases(), Marks: []markJSON{}}
	if n.Doc != nil {
		out.Doc = n.Doc.Label()
	}
	if out.Only == nil {
		out.Only = []string{}
	}
	runes := []rune(n.Text)
	for _, m := range s.Marks {
		out.Marks = append(out.Marks, markJSON{Kind: m.Kind.String(), Start: m.Start, End: m.End, Text: string(runes[m.Start:m.End])})
	}
	return out
}

func sentences(s compare.Side, idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, s.Sentence(i))
	}
	return out
}

// printCompare writes the alignment row by row, each side's sentences
// under its document's label, then the phrases only one side says.
func printCompare(w io.Writer, r compare.Result, others []string) error {
	l, rt := docShort(r.Left.Node.Doc), docShort(r.Right.Node.Doc)
	if l == rt {
		l, rt = "left", "right"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s\n  ⇄ %s · %s\nsimilarity %.2f\n", r.Left.Node.Title(), docShort(r.Left.Node.Doc),
		r.Right.Node.Title(), docShort(r.Right.Node.Doc), r.Similarity)
	for _, row := range r.Rows {
		b.WriteByte('\n')
		switch {
		case len(row.Left) == 0:
			fmt.Fprintf(&b, "only %s\n", rt)
		case len(row.Right) == 0:
			fmt.Fprintf(&b, "only %s\n", l)
		default:
			fmt.Fprintf(&b, "both %.2f\n", row.Similarity)
		}
		for _, s := range sentences(r.Left, row.Left) {
			fmt.Fprintf(&b, "  %s  %s\n", l, s)
		}
		for _, s := range sentences(r.Right, row.Right) {
			fmt.Fprintf(&b, "  %s  %s\n", rt, s)
		}
	}
	for _, side := range []struct {
		label string
		s     compare.Side
	}{{l, r.Left}, {rt, r.Right}} {
		if p := side.s.OnlyPhrases(); len(p) > 0 {
			fmt.Fprintf(&b, "\nonly %s: %s\n", side.label, strings.Join(p, " | "))
		}
	}
	if len(others) > 0 {
		fmt.Fprintf(&b, "\nother counterparts: %s\n", strings.Join(others, " "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
