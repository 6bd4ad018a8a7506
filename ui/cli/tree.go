package cli

import (
	"fmt"
	"io"
	"strings"

	"policyreader/corpus"
)

// runTree prints every document and its tree: `tree [--json]`.
func runTree(env Env, opts Options, args []string) error {
	fset := newFlagSet("tree", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("tree takes no arguments, got %q", rest[0])
	}
	// The text tree shows no span or responsibility: skip the annotation
	// pass, half of reading. JSON lists each node's responsible bodies.
	c, err := loadCorpus(env, opts, corpus.LoadOptions{NoAnnotations: !opts.JSON})
	if err != nil {
		return err
	}
	if opts.JSON {
		docs := make([]*docJSON, 0, len(c.Docs))
		for _, d := range c.Docs {
			docs = append(docs, toDocJSON(d))
		}
		return writeJSON(env.Stdout, docs)
	}
	for _, d := range c.Docs {
		printDocHeader(env.Stdout, d)
		for _, n := range d.Children {
			printTree(env.Stdout, n, 1)
		}
	}
	return nil
}

func printDocHeader(w io.Writer, d *corpus.Document) {
	meta := d.Facts()
	fmt.Fprintf(w, "%s  [%s]\n", d.Label(), d.ID)
	if len(meta) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(meta, " · "))
	}
	for _, h := range d.History {
		fmt.Fprintf(w, "  %s\n", h)
	}
}

func printTree(w io.Writer, n *corpus.Node, depth int) {
	fmt.Fprintf(w, "%s%s  %s  [%s]\n", strings.Repeat("  ", depth), n.Kind, n.Title(), n.ID)
	for _, c := range n.Children {
		printTree(w, c, depth+1)
	}
}
