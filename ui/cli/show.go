package cli

import (
	"fmt"
	"io"
	"strings"

	"policyreader/corpus"
)

// showJSON is `show --json`: one node with its path and spans.
type showJSON struct {
	*nodeJSON
	Doc   string     `json:"doc"`
	Path  []string   `json:"path"`
	Spans []spanJSON `json:"spans"`
	// Citations are the cross-references of the node's text with what
	// each resolves to.
	Citations []citationJSON `json:"citations"`
}

// runShow prints one node: `show [--json] ID`.
func runShow(env Env, opts Options, args []string) error {
	fset := newFlagSet("show", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("show needs exactly one node ID (see `policyreader tree`)")
	}
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	n, ok := c.Node(rest[0])
	if !ok {
		if d, ok := c.Doc(rest[0]); ok {
			return showDoc(env, opts, d)
		}
		return failf("no node with ID %q (see `policyreader tree`)", rest[0])
	}
	if opts.JSON {
		return writeJSON(env.Stdout, showJSON{
			nodeJSON:  toNodeJSON(n, true),
			Doc:       n.Doc.Label(),
			Path:      append([]string{}, n.Path()...),
			Spans:     spansJSON(n.Text, n.Spans),
			Citations: citationsJSON(c, n),
		})
	}
	crumbs := append([]string{n.Doc.Label()}, n.Path()...)
	fmt.Fprintln(env.Stdout, strings.Join(crumbs, " › "))
	fmt.Fprintf(env.Stdout, "%s%s\n\n%s\n", n.Number, n.Heading, n.Text)
	printInline(env.Stdout, n.Children, 1)
	if len(n.Responsible) > 0 {
		fmt.Fprintf(env.Stdout, "\nresponsible: %s\n", strings.Join(n.Responsible, "、"))
	}
	printCitations(env.Stdout, c, n)
	return nil
}

// showDoc prints a whole document: its metadata and top-level nodes, or with
// --json the document as `tree --json` gives it.
func showDoc(env Env, opts Options, d *corpus.Document) error {
	if opts.JSON {
		return writeJSON(env.Stdout, toDocJSON(d))
	}
	printDocHeader(env.Stdout, d)
	for _, n := range d.TopLevel() {
		fmt.Fprintf(env.Stdout, "  %s  %s  [%s]\n", n.Kind, n.Title(), n.ID)
	}
	return nil
}

// printInline prints the children a node is read with — items, sub-items,
// paragraphs and tables, which have no row of their own in an outline —
// indented by depth, as the detail pane shows them. Children with rows of
// their own (an article's chapter, a clause's part) are left to `tree`.
func printInline(w io.Writer, nodes []*corpus.Node, depth int) {
	for _, c := range nodes {
		if c.InOutline() {
			continue
		}
		indent := strings.Repeat("  ", depth)
		text := strings.ReplaceAll(c.Text, "\n", "\n"+indent)
		fmt.Fprintf(w, "%s%s%s%s\n", indent, c.Number, c.Heading, text)
		printInline(w, c.Children, depth+1)
	}
}
