package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/progress"

	"policyreader/corpus"
)

// runIndex builds or refreshes the cache of folders: `index [DIR]...`
// (the --corpus paths when none is named). Every document is read through
// the cache with its annotations, as the reader needs them, the search
// index over them is stored, and segments of files that no longer exist
// are removed. On a terminal a progress bar runs on stderr; the summary
// goes to stdout.
func runIndex(env Env, opts Options, args []string) error {
	fset := newFlagSet("index", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	paths := append(append([]string(nil), opts.Corpus...), rest...)
	if len(paths) == 0 {
		return usagef("index needs a folder or file, e.g. `policyreader index ~/policies`")
	}
	if opts.NoCache {
		return usagef("index: --no-cache leaves nothing to do")
	}
	store := openCache(opts)
	if store == nil {
		return usagef("index needs a cache directory (--cache-dir or POLICYREADER_CACHE)")
	}
	if !store.Writable() {
		return failf("index: %s", strings.Join(store.TakeNotes(), "; "))
	}
	if err := anyPathExists(paths); err != nil {
		return err
	}
	start := time.Now()
	bar := newProgressLine(env.Progress)
	c, errs := corpus.LoadPathsContext(context.Background(), paths, corpus.LoadOptions{Cache: store, Progress: bar.report})
	bar.finish()
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(e.Error()))
	}
	if len(c.Docs) == 0 {
		printNotes(env, store)
		return failf("no documents could be loaded")
	}
	before := store.Stats()
	ix := store.SearchIndex(c)
	searched := store.Stats()
	// The related-clause index and the word dictionary too: a reader
	// opening the library from the cache reads them rather than every
	// document, or the whole dictionary, to build them.
	if _, err := store.RelatedIndex(context.Background(), c); err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: warning: related-clause index: %s\n", oneLine(err.Error()))
	}
	related := store.Stats()
	if _, err := store.Words(ix.Holds); err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: warning: word dictionary: %s\n", oneLine(err.Error()))
	}
	store.Flush()
	after := store.Stats()
	if !store.Writable() {
		// Writing failed on the way: what is there is incomplete.
		return failf("index: %s", strings.Join(store.TakeNotes(), "; "))
	}
	removed, err := store.Prune()
	printNotes(env, store)
	if err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(err.Error()))
	}
	state := func(hit bool) string {
		if hit {
			return "up to date"
		}
		return "built"
	}
	index := fmt.Sprintf("search index %s, related-clause index %s, word dictionary %s",
		state(searched.IndexHits > before.IndexHits), state(related.IndexHits > searched.IndexHits), state(after.IndexHits > related.IndexHits))
	fmt.Fprintf(env.Stdout, "indexed %d documents in %.1f s: %d read from the cache, %d parsed; %s; %d stale entries removed; %s holds %.1f MB\n",
		len(c.Docs), time.Since(start).Seconds(), before.Hits, len(c.Docs)-before.Hits, index, removed, store.Dir(), float64(store.Size())/(1<<20))
	return nil
}

// progressLine draws a progress bar on one terminal line, redrawn at most
// every redrawEvery; with no terminal it draws nothing.
type progressLine struct {
	w    io.Writer
	bar  progress.Model
	mu   sync.Mutex
	last time.Time
	drew bool
}

const redrawEvery = 50 * time.Millisecond

func newProgressLine(w io.Writer) *progressLine {
	return &progressLine{w: w, bar: progress.New(progress.WithDefaultGradient(), progress.WithWidth(30))}
}

// report is a corpus.LoadOptions.Progress callback; it may be called from
// several goroutines.
func (p *progressLine) report(done, total int) {
	if p.w == nil || total == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); done < total && now.Sub(p.last) < redrawEvery {
		return
	} else {
		p.last = now
	}
	fmt.Fprintf(p.w, "\r%s %d/%d", p.bar.ViewAs(float64(done)/float64(total)), done, total)
	p.drew = true
}

// finish clears the bar's line.
func (p *progressLine) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drew {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
