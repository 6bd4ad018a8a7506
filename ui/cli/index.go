package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/progress"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/corpus/search"
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
	lib, err := indexLibrary(store, paths, bar.report)
	bar.finish()
	tuneCollector() // for the related index and the word dictionary
	if err != nil {
		printNotes(env, store)
		return err
	}
	for _, e := range lib.errs {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(e.Error()))
	}
	if len(lib.c.Docs) == 0 {
		printNotes(env, store)
		return failf("no documents could be loaded")
	}
	// The related-clause index too: a reader opening the library from
	// the cache reads it rather than every document to build it.
	before := store.Stats()
	if _, err := store.RelatedIndex(context.Background(), lib.c); err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: warning: related-clause index: %s\n", oneLine(err.Error()))
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
	index := fmt.Sprintf("search index %s, related-clause index %s",
		state(lib.upToDate), state(after.IndexHits > before.IndexHits))
	fmt.Fprintf(env.Stdout, "indexed %d documents in %.1f s: %d read from the cache, %d parsed; %s; %d stale entries removed; %s holds %.1f MB\n",
		len(lib.c.Docs), time.Since(start).Seconds(), len(lib.c.Docs)-lib.parsed, lib.parsed, index, removed, store.Dir(), float64(store.Size())/(1<<20))
	return nil
}

// indexed is a library as index leaves it in the cache.
type indexed struct {
	c    *corpus.Corpus
	ix   *search.Index
	errs []error
	// parsed counts the documents parsed from their files (the rest were
	// read from the cache); upToDate says the pack was there already.
	parsed   int
	upToDate bool
}

// indexLibrary makes sure the cache holds the pack of paths, with its
// search index, and opens the library from it. A pack already there is
// used as it is; else the library is written a batch at a time
// (cache.Store.BuildLibrary), so indexing a large folder holds one batch
// and then the index, not the library. A library that cannot be packed
// so (a source failed in a way a pack cannot keep) is read whole, as the
// reader reads it, and its search index built and stored the same way.
func indexLibrary(store *cache.Store, paths []string, progress func(done, total int)) (indexed, error) {
	opts := corpus.LoadOptions{Cache: store}
	if lib, ok := openIndexed(store, paths); ok {
		if progress != nil {
			progress(1, 1)
		}
		lib.upToDate = true
		return lib, nil
	}
	before := store.Stats()
	withProgress := opts
	withProgress.Progress = progress
	errs, err := store.BuildLibrary(context.Background(), paths, withProgress)
	if err == nil {
		hits := store.Stats().Hits - before.Hits
		if lib, ok := openIndexed(store, paths); ok {
			lib.parsed = len(lib.c.Docs) - hits
			return lib, nil
		}
	} else if !errors.Is(err, corpus.ErrNotListable) && !store.Writable() {
		return indexed{}, failf("index: %s", strings.Join(store.TakeNotes(), "; "))
	}
	// Read whole, as the reader would.
	before = store.Stats()
	c, errs := corpus.LoadPathsContext(context.Background(), paths, withProgress)
	if len(c.Docs) == 0 {
		return indexed{c: c, errs: errs}, nil
	}
	ix := store.SearchIndex(c)
	return indexed{c: c, ix: ix, errs: errs, parsed: len(c.Docs) - (store.Stats().Hits - before.Hits)}, nil
}

// openIndexed opens the library of paths from the cache's pack of it,
// undecoded, with its stored search index; ok is false when there is no
// pack of the files as they are now.
func openIndexed(store *cache.Store, paths []string) (indexed, bool) {
	p, ok := corpus.OpenPacked(paths, corpus.LoadOptions{Cache: store})
	if !ok {
		return indexed{}, false
	}
	c, err := p.Corpus()
	if err != nil {
		return indexed{}, false
	}
	ix, err := store.LibrarySearchIndex(p.Lib, c)
	if err != nil {
		return indexed{}, false
	}
	return indexed{c: c, ix: ix, errs: p.Errs}, true
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
