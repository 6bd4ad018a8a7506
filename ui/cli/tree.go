package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"policyreader/corpus"
	"policyreader/corpus/cache"
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
	if store != nil && len(opts.Corpus) > 0 {
		// A pack stored without annotations serves JSON too: each
		// document is annotated as it is printed.
		popt := corpus.LoadOptions{NoAnnotations: lopt.NoAnnotations, LazyAnnotations: !lopt.NoAnnotations, Cache: store}
		if p, ok := corpus.OpenPacked(opts.Corpus, popt); ok && p.Len() > 0 {
			return treePacked(env, opts, store, p)
		}
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

// treePacked prints the tree of a library read from the cache's pack a
// document at a time: each decoded, printed, its texts' pages given back
// and the document dropped, so memory follows the document, not the
// library. The output is the full load's, byte for byte.
func treePacked(env Env, opts Options, store *cache.Store, p *corpus.Packed) error {
	if err := loadOutcome(env, p.Len(), p.Errs); err != nil {
		return err
	}
	printNotes(env, store)
	var arr *jsonArray
	if opts.JSON {
		var err error
		if arr, err = newJSONArray(env.Stdout); err != nil {
			return err
		}
	}
	// Documents are decoded (and annotated, for JSON) a batch at a time
	// on every processor, then printed in order.
	batch := make([]packedDoc, 4*runtime.GOMAXPROCS(0))
	for lo := 0; lo < p.Len(); lo += len(batch) {
		docs := batch[:min(len(batch), p.Len()-lo)]
		var wg sync.WaitGroup
		for i := range docs {
			wg.Go(func() {
				d, err := p.Document(lo + i)
				if err == nil && arr != nil {
					d.EnsureAnnotations()
				}
				docs[i] = packedDoc{d, err}
			})
		}
		wg.Wait()
		for i, pd := range docs {
			if pd.err != nil {
				fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(pd.err.Error()))
				continue
			}
			if arr == nil {
				printDoc(env.Stdout, pd.doc)
			} else if err := arr.add(toDocJSON(pd.doc)); err != nil {
				return err
			}
			p.Lib.Release(pd.doc)
			docs[i] = packedDoc{}
		}
	}
	if arr != nil {
		return arr.close()
	}
	return nil
}

// packedDoc is a document decoded from a pack, or why it could not be.
type packedDoc struct {
	doc *corpus.Document
	err error
}

// printDoc prints one document's header and tree.
func printDoc(w io.Writer, d *corpus.Document) {
	printDocHeader(w, d)
	for _, n := range d.TopLevel() {
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
