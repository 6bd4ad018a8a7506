package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// runLoading runs the reader on the --corpus paths of opts: the reader
// appears at once and the documents load in the background, their progress
// shown after a moment. The bookmark store opens before the program starts
// and is re-anchored on the corpus by the loader, off the event loop,
// before the reader reads it. Only when no path exists at all does it fail
// before the reader opens.
func runLoading(opts Options, getenv func(string) string) error {
	if err := anyPathExists(opts.Corpus); err != nil {
		return err
	}
	uiOpts := readerOptions(getenv)
	uiOpts.ReadingWidth = opts.ReadingWidth
	uiOpts.Lang = opts.Lang
	store, warnings := openBookmarkStore(opts.DataDir)
	cache, note := readerCache(opts)
	if note != "" {
		warnings = append(warnings, note)
	}
	var docCache corpus.DocCache
	if cache != nil {
		if !opts.NoCache {
			docCache = cache // a library read whole fills the cache too
		}
		uiOpts.SearchIndex = cache.SearchIndex
		uiOpts.RelatedIndex = cache.RelatedIndex
	}
	load := ui.PathsLoader(opts.Corpus, docCache)
	if store != nil {
		uiOpts.Bookmarks = store
	}
	loader := func(ctx context.Context, progress func(done, total int)) ui.LoadResult {
		r := readLibrary(ctx, opts.Corpus, cache, load, progress)
		if cache != nil {
			r.Warnings = append(r.Warnings, cache.TakeNotes()...)
		}
		if store != nil && r.Corpus != nil && len(r.Corpus.Docs) > 0 && ctx.Err() == nil {
			r.Warnings = append(r.Warnings, reanchorStore(store, r.Corpus)...)
		}
		return r
	}
	uiOpts.Warnings = warnings
	m := ui.NewLoading(loader, uiOpts)
	p := tea.NewProgram(m, programOptions()...)
	stop := quitOnHangup(p)
	final, err := p.Run()
	stop()
	if cache != nil {
		// Annotations computed while reading, kept for next time; a
		// scratch store deleted.
		cache.Discard()
	}
	if err != nil {
		return failf("run the reader: %w", err)
	}
	return unsavedChanges(final, store)
}

// readerCache opens the cache opts name for the reader; with --no-cache,
// a scratch store of this run's own (cache.OpenScratch), so that the
// library is packed a batch at a time rather than held whole, or nil and
// a one-line note when none can be made (the library is then read
// whole). Either way it first removes the scratch directories readers
// that were killed left behind.
func readerCache(opts Options) (*cache.Store, string) {
	cache.SweepScratch()
	if !opts.NoCache {
		return openCache(opts), ""
	}
	s, err := cache.OpenScratch()
	if err != nil {
		return nil, fmt.Sprintf("no scratch directory for the library (%s); reading it whole", oneLine(err.Error()))
	}
	return s, ""
}

// hangupGrace is how long a reader whose terminal went away has to quit
// before it is stopped.
const hangupGrace = 2 * time.Second

// quitOnHangup makes the program quit when its terminal goes away
// (SIGHUP), as it does on SIGINT and SIGTERM, so that what runs after it
// — the scratch store's removal, the annotations kept — still runs. The
// function it returns stops listening.
func quitOnHangup(p *tea.Program) (stop func()) {
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		select {
		case <-hup:
			p.Quit()
			select {
			case <-time.After(hangupGrace):
				p.Kill()
			case <-done:
			}
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// anyPathExists returns an error naming every path when none of them
// exists (a typo on the command line), so the reader does not open on
// nothing.
func anyPathExists(paths []string) error {
	var reasons []string
	for _, p := range paths {
		_, err := os.Stat(p)
		if err == nil {
			return nil
		}
		reasons = append(reasons, oneLine(err.Error()))
	}
	return failf("no documents could be loaded (%s)", strings.Join(reasons, "; "))
}

// readLibrary gives the reader the library of paths: opened from the
// cache's pack of it when there is one; else, when the cache can be
// written, packed there first a batch at a time (cache.Store.BuildLibrary)
// and opened from it, so a first read never holds the library whole —
// packed without annotations, which take more than half of a first
// read's time, then again with them in the background
// (cache.Store.AnnotateLibrary); else (no cache, or a library a pack
// cannot hold) read whole by load.
func readLibrary(ctx context.Context, paths []string, store *cache.Store, load ui.Loader, progress func(done, total int)) ui.LoadResult {
	r, p, ok := openLibrary(paths, store)
	if !ok && store != nil && store.Writable() {
		// Without annotations, as the whole read would: a document's are
		// computed when it is first shown.
		if _, err := store.BuildLibrary(ctx, paths, corpus.LoadOptions{Progress: progress, LazyAnnotations: true}); err == nil {
			r, p, ok = openLibrary(paths, store)
		}
	}
	// The collector at half its headroom for what comes next: the
	// background work over a pack, or a library held whole.
	if ok {
		tuneCollector()
	}
	if ok && store.Writable() {
		// A pack without the annotations (a first read's) is packed
		// again with them, in the background, for the next start's
		// targets view; one with them is left as it is.
		store.AnnotateLibrary(ctx, paths, p.Lib)
	}
	if !ok && ctx.Err() == nil {
		tuneCollector()
		r = load(ctx, progress)
	}
	return r
}

// readerGCPercent is the collector's target in the reader and `index`
// once a library is read: half its default headroom. Their background
// work over a pack — a first read's annotation pass, the related index,
// both a document at a time — makes garbage faster than the default
// target collects it, and the heap doubled its live size: on 100 MB a
// first-read session peaked at 251 MiB at the default, 203–214 at half,
// for 3 % more processor time. A library read whole (no cache) peaks at
// 670 MiB at half, 810 at the default, for the same time. A first read's
// packing, which peaks well under that, runs at the default: at half it
// took a sixth longer. A soft memory limit cut the session to 182 MiB,
// but a small library's fixed costs (the word dictionary alone was then about
// 80 MB live) sat above any limit scaled to the library, and the
// collector then ran without pause.
const readerGCPercent = 50

// tuneCollector sets the collector's target to readerGCPercent, unless
// GOGC — which the runtime reads from the process's environment — says
// what it should be.
func tuneCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(readerGCPercent)
	}
}

// openLibrary opens the library of paths from the cache's pack of it
// without decoding it: the documents are listed from their facts and read
// when first opened, searched into or looked up, and the stored search
// index is read without them (see corpus.Packed.Corpus). ok is false when
// the cache holds no sound pack of the paths as they are now, with its
// index: the reader then loads the library as ever (which notes and
// rebuilds what was damaged).
func openLibrary(paths []string, store *cache.Store) (ui.LoadResult, *corpus.Packed, bool) {
	if store == nil {
		return ui.LoadResult{}, nil, false
	}
	p, ok := corpus.OpenPacked(paths, corpus.LoadOptions{LazyAnnotations: true, Cache: store})
	if !ok || p.Len() == 0 {
		return ui.LoadResult{}, nil, false
	}
	c, err := p.Corpus()
	if err != nil {
		return ui.LoadResult{}, nil, false
	}
	ix, err := store.LibrarySearchIndex(p.Lib, c)
	if err != nil {
		return ui.LoadResult{}, nil, false
	}
	return ui.LoadResult{Corpus: c, Skipped: p.Errs, Index: ix}, p, true
}
