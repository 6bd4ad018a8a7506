// Package targets gathers the targets of a corpus — the measurable
// commitments the highlighter marks in clause text — into one list for a
// table: which document and clause, the phrase, and the deadline year.
package targets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

// Target is one target span of a node.
type Target struct {
	// Node is the node whose Text holds the target.
	Node *corpus.Node
	// DocID is the ID of the node's document.
	DocID string
	// DocLabel is the document's Label (title and short label).
	DocLabel string
	// Clause is the number and heading of the node, or of its nearest
	// ancestor with a heading when the node has none (an item, a paragraph).
	Clause string
	// Phrase is the text of the span.
	Phrase string
	// Context, for a target in a table cell, names the row's indicator,
	// the cell and the unit (城镇新增就业人数：[550] 万人); empty elsewhere.
	Context string
	// Start and End are the span's rune offsets in Node.Text, end exclusive.
	Start, End int
	// Year is the deadline year, or 0: from the phrase itself (see Year),
	// else from the last deadline earlier in the same sentence, so the
	// 700万人 of 到2025年，…新增就业700万人 counts for 2025, else from the
	// last deadline in the own text of the nearest enclosing section that
	// states one (第三节 主要目标 opens with 到 2025 年, and its clauses
	// list the goals for that year).
	Year int
	// order is the position in corpus order, for SortByDoc.
	order int
	// hay is what Filter searches, lower-cased, built once by Collect
	// from the fields above; empty for a Target built elsewhere, which
	// Filter then builds on each call.
	hay string
}

// Collect returns every target span of c in corpus order: documents in
// load order, nodes in document order, spans by Start. Spans whose offsets
// do not fit the node's text are skipped.
func Collect(c *corpus.Corpus) []Target {
	if c == nil {
		return nil
	}
	var out []Target
	c.Nodes(func(n *corpus.Node) bool {
		var rs []rune
		for _, sp := range n.Spans {
			if sp.Kind != highlight.Target {
				continue
			}
			if rs == nil {
				rs = []rune(n.Text)
			}
			if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
				continue
			}
			t := Target{
				Node:   n,
				Clause: clauseTitle(n),
				Phrase: string(rs[sp.Start:sp.End]),
				Start:  sp.Start,
				End:    sp.End,
				order:  len(out),
			}
			if n.Doc != nil {
				t.DocID, t.DocLabel = n.Doc.ID, n.Doc.Label()
			}
			if context, year, ok := tableContext(n, rs, sp.Start); ok {
				t.Context, t.Year = context, year
			} else {
				t.Year = Year(t.Phrase)
				if t.Year == 0 {
					t.Year = contextYear(rs, sp.Start)
				}
				if t.Year == 0 {
					t.Year = ancestorYear(n)
				}
			}
			t.hay = haystack(t)
			out = append(out, t)
		}
		return true
	})
	return out
}

// clauseTitle returns the number and heading of n or its nearest ancestor
// that has a heading, else n's title.
func clauseTitle(n *corpus.Node) string {
	for p := n; p != nil; p = p.Parent {
		if p.Heading != "" {
			return p.Title()
		}
	}
	return n.Title()
}

// contextYear returns the year of the last deadline in the sentence that
// contains rune offset start, before it; 0 if there is none.
func contextYear(rs []rune, start int) int {
	from := start
	for from > 0 && !strings.ContainsRune("。；;！？!?\n", rs[from-1]) {
		from--
	}
	ds := deadlines(rs[from:start])
	if len(ds) == 0 {
		return 0
	}
	return ds[len(ds)-1].year
}

// Label is what a list shows for the target: the Context of a table cell,
// else the Phrase.
func (t Target) Label() string {
	if t.Context != "" {
		return t.Context
	}
	return t.Phrase
}

// ancestorYear returns the year of the last goal deadline in the own text
// of the nearest enclosing section or clause that states one, or 0. A
// long-range vision (展望2035年, 远景目标至2035年) is not the deadline of
// the goals listed under it, and the search stops at the chapter: a
// document's preamble does not date every target in it.
func ancestorYear(n *corpus.Node) int {
	for p := n.Parent; p != nil; p = p.Parent {
		rs := []rune(p.Text)
		ds := deadlines(rs)
		for i := len(ds) - 1; i >= 0; i-- {
			if !isVision(rs, ds[i].start) {
				return ds[i].year
			}
		}
		if p.Kind.Sectional() {
			break
		}
	}
	return 0
}

// isVision reports a deadline that a few runes earlier is introduced as a
// long-range vision (展望, 远景).
func isVision(rs []rune, start int) bool {
	from := max(start-8, 0)
	window := string(rs[from:start])
	return strings.Contains(window, "展望") || strings.Contains(window, "远景")
}

// SortByDoc sorts ts back into corpus order, the order Collect returned.
func SortByDoc(ts []Target) {
	slices.SortStableFunc(ts, func(a, b Target) int { return cmp.Compare(a.order, b.order) })
}

// SortByYear sorts ts by deadline year, earliest first, targets without a
// year last; within a year, corpus order.
func SortByYear(ts []Target) {
	slices.SortStableFunc(ts, func(a, b Target) int {
		if a.Year != b.Year {
			switch {
			case a.Year == 0:
				return 1
			case b.Year == 0:
				return -1
			}
			return cmp.Compare(a.Year, b.Year)
		}
		return cmp.Compare(a.order, b.order)
	})
}

// Filter returns the targets that match every whitespace-separated word of
// query as a substring (ASCII case ignored) of the phrase, the clause, the
// document label or ID, the node ID or the year. An empty query keeps all.
// ts is not modified. For targets from Collect it searches the fields as
// Collect set them, lower-cased once there.
func Filter(ts []Target, query string) []Target {
	words := strings.Fields(strings.ToLower(query))
	out := make([]Target, 0, len(ts))
	for i := range ts {
		if matches(&ts[i], words) {
			out = append(out, ts[i])
		}
	}
	return out
}

func matches(t *Target, words []string) bool {
	if len(words) == 0 {
		return true
	}
	hay := t.hay
	if hay == "" {
		hay = haystack(*t)
	}
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// haystack joins the fields Filter searches, lower-cased, with NULs
// between them so a word without a NUL cannot span two fields.
func haystack(t Target) string {
	id := ""
	if t.Node != nil {
		id = t.Node.ID
	}
	year := ""
	if t.Year != 0 {
		year = strconv.Itoa(t.Year)
	}
	return strings.ToLower(strings.Join([]string{t.Phrase, t.Context, t.Clause, t.DocLabel, t.DocID, id, year}, "\x00"))
}
