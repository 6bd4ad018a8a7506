package cli

import (
	"context"
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
	lopt := corpus.LoadOptions{NoAnnotations: !opts.JSON}
	store := openCache(opts)
	if store == nil && len(opts.Corpus) > 0 {
		return treeBatches(env, opts, lopt)
	}
	c, err := loadCorpusWith(env, opts, lopt, store)
	if err != nil {
		return err
	}
	// A document at a time, its texts' pages given back once printed
	// (read from a cache's pack, they would otherwise all stay resident).
	done := func(d *corpus.Document) {
		if store != nil {
			store.ReleaseTexts(d)
		}
	}
	if opts.JSON {
		arr, err := newJSONArray(env.Stdout)
		if err != nil {
			return err
		}
		for _, d := range c.Docs {
			if err := arr.add(toDocJSON(d)); err != nil {
				return err
			}
			done(d)
		}
		return arr.close()
	}
	for _, d := range c.Docs {
		printDoc(env.Stdout, d)
		done(d)
	}
	return nil
}

// treeBatches prints the tree of folders read without a cache a batch of
// documents at a time, each batch printed and dropped, so memory follows
// the batch, not the library; the output is the whole's, byte for byte.
// Warnings for files that fail come after the tree, and a library where
// nothing loads is an error as ever, with nothing printed before it.
func treeBatches(env Env, opts Options, lopt corpus.LoadOptions) error {
	var arr *jsonArray
	if opts.JSON {
		var err error
		if arr, err = newJSONArray(env.Stdout); err != nil {
			return err
		}
	}
	loaded := 0
	errs, stop := corpus.LoadBatches(context.Background(), opts.Corpus, lopt, env.batchBytes(), func(docs []*corpus.Document) error {
		corpus.NewCorpus(docs) // labels, as a whole corpus has them
		loaded += len(docs)
		for _, d := range docs {
			if arr == nil {
				printDoc(env.Stdout, d)
				continue
			}
			if err := arr.add(toDocJSON(d)); err != nil {
				return err
			}
		}
		return nil
	})
	if stop != nil {
		return failf("tree: %w", stop)
	}
	if loaded > 0 && arr != nil {
		if err := arr.close(); err != nil {
			return err
		}
	}
	return loadOutcome(env, loaded, errs)
}

// printDoc prints one document's header and tree.
func printDoc(w io.Writer, d *corpus.Document) {
	printDocHeader(w, d)
	for _, n := range d.Children {
		printTree(w, n, 1)
	}
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
