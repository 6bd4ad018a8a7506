package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/corpus/search"
	"policyreader/corpus/words"
)

// searchJSON is one entry of `search --json`.
type searchJSON struct {
	ID      string   `json:"id"`
	Doc     string   `json:"doc"`
	Path    []string `json:"path"`
	Heading string   `json:"heading"`
	Field   string   `json:"field"`
	Snippet string   `json:"snippet"`
	// SnippetMatched are the matched rune positions inside Snippet.
	SnippetMatched []int `json:"snippet_matched"`
	Score          int   `json:"score"`
	// Matched are the matched rune positions in the field (heading or text).
	Matched []int `json:"matched"`
}

// runSearch prints the nodes matching a query, best first:
// `search [--json] [--limit N] QUERY`. Several arguments form one query of
// several terms (`search 2025 luohu`).
func runSearch(env Env, opts Options, args []string) error {
	fset := newFlagSet("search", env, &opts)
	limit := fset.Int("limit", 20, "at most `N` results")
	whole := fset.Bool("words", false, "rank pinyin and initials matches of whole words first, as the reader does (reads a dictionary: about a tenth of a second more)")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	query := strings.Join(rest, " ")
	if strings.TrimSpace(query) == "" {
		return usagef("search needs a query, e.g. `policyreader search 落户` or `policyreader search luohu`")
	}
	if *limit < 1 {
		return usagef("search: --limit must be at least 1, not %d", *limit)
	}
	// Search shows no span: the annotation pass, half the reading, is
	// skipped.
	var cut search.WordCutter
	if *whole {
		d, err := words.NewDictionary()
		if err != nil {
			return err
		}
		cut = d.Cut
	}
	store := openCache(opts)
	if store != nil && len(opts.Corpus) > 0 {
		if rs, p, ok := searchPacked(store, opts, query, *limit, cut); ok {
			if err := loadOutcome(env, p.Len(), p.Errs); err != nil {
				return err
			}
			printNotes(env, store)
			return writeSearch(env, opts, query, rs)
		}
	}
	if store == nil && len(opts.Corpus) > 0 {
		rs, err := searchBatches(env, opts, query, *limit, cut)
		if err != nil {
			return err
		}
		return writeSearch(env, opts, query, rs)
	}
	c, err := loadCorpusWith(env, opts, corpus.LoadOptions{NoAnnotations: true}, store)
	if err != nil {
		return err
	}
	var ix *search.Index
	if store != nil {
		ix = store.SearchIndex(c)
		// The library's pack is written beside the search: wait for it.
		defer func() {
			store.Flush()
			printNotes(env, store)
		}()
	} else {
		// Searched once and dropped: only what this query reads is built.
		ix = search.NewForQuery(c, query)
	}
	ix.SetWords(cut)
	rs, err := ix.Search(context.Background(), query, *limit)
	if err != nil {
		return failf("search %q: %w", query, err)
	}
	return writeSearch(env, opts, query, rs)
}

// writeSearch prints results as JSON or text, as opts ask.
func writeSearch(env Env, opts Options, query string, rs []search.Result) error {
	if opts.JSON {
		return writeSearchJSON(env.Stdout, rs)
	}
	return printSearch(env.Stdout, query, rs)
}

// searchPacked searches the library of opts from the cache's pack of it
// without decoding its documents — the stored index read as it lies, only
// the results' documents decoded — when the pack is there and sound; ok is
// false otherwise (a damaged index is then noted and rebuilt by the full
// load). A cut, if any, ranks whole words first.
func searchPacked(store *cache.Store, opts Options, query string, limit int, cut search.WordCutter) ([]search.Result, *corpus.Packed, bool) {
	p, ok := corpus.OpenPacked(opts.Corpus, corpus.LoadOptions{NoAnnotations: true, Cache: store})
	if !ok || p.Len() == 0 {
		return nil, nil, false
	}
	ix, err := store.PackedSearchIndex(p.Lib)
	if err != nil {
		return nil, nil, false
	}
	ix.SetWords(cut)
	rs, err := ix.Search(context.Background(), query, limit)
	if err != nil {
		return nil, nil, false
	}
	return rs, p, true
}

// searchBatches searches the folders of opts without a cache a batch of
// documents at a time — an index of each batch built for this one query,
// its best limit results kept and the rest dropped with the batch — so
// memory follows the batch, not the library. The results are those of one
// index over the whole (search.Merge).
func searchBatches(env Env, opts Options, query string, limit int, cut search.WordCutter) ([]search.Result, error) {
	var parts [][]search.Result
	loaded := 0
	errs, stop := corpus.LoadBatches(context.Background(), opts.Corpus, corpus.LoadOptions{NoAnnotations: true}, env.batchBytes(), func(docs []*corpus.Document) error {
		if len(docs) == 0 {
			return nil
		}
		loaded += len(docs)
		ix := search.NewForQuery(corpus.NewCorpus(docs), query)
		ix.SetWords(cut)
		rs, err := ix.Search(context.Background(), query, limit)
		// Merged as they come, so only limit results (and their
		// documents) are kept, whatever the number of batches.
		parts = [][]search.Result{search.Merge(query, append(parts, rs), limit)}
		return err
	})
	if stop != nil {
		return nil, failf("search %q: %w", query, stop)
	}
	if err := loadOutcome(env, loaded, errs); err != nil {
		return nil, err
	}
	return search.Merge(query, parts, limit), nil
}

func writeSearchJSON(w io.Writer, rs []search.Result) error {
	out := make([]searchJSON, len(rs))
	for i, r := range rs {
		path := r.Node.Path()
		if path == nil {
			path = []string{}
		}
		out[i] = searchJSON{
			ID: r.ID, Doc: r.Node.Doc.Label(), Path: path, Heading: r.Node.Heading,
			Field: r.Field, Snippet: r.Snippet, SnippetMatched: nonNil(r.SnippetMatched),
			Score: r.Score, Matched: nonNil(r.Matched),
		}
	}
	if err := writeJSON(w, out); err != nil {
		return failf("write search results: %w", err)
	}
	return nil
}

func nonNil(p []int) []int {
	if p == nil {
		return []int{}
	}
	return p
}

// printSearch writes each result as three lines: rank, ID and the field
// that matched; document and path; the snippet with matches in 【】.
func printSearch(w io.Writer, query string, rs []search.Result) error {
	var b strings.Builder
	if len(rs) == 0 {
		fmt.Fprintf(&b, "no results for %q\n", query)
	}
	for i, r := range rs {
		fmt.Fprintf(&b, "%d. %s  (%s)\n", i+1, r.ID, r.Field)
		crumbs := append([]string{r.Node.Doc.Label()}, r.Node.Path()...)
		crumbs = append(crumbs, r.Node.Title())
		fmt.Fprintf(&b, "   %s\n", strings.Join(crumbs, " › "))
		fmt.Fprintf(&b, "   %s\n", markRunes(r.Snippet, r.SnippetMatched, "【", "】"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markRunes wraps each run of consecutive positions of s (rune offsets,
// ascending) in open and close.
func markRunes(s string, pos []int, open, close string) string {
	var b strings.Builder
	k := 0
	in := false
	i := 0
	for _, r := range s {
		hit := k < len(pos) && pos[k] == i
		if hit && !in {
			b.WriteString(open)
			in = true
		} else if !hit && in {
			b.WriteString(close)
			in = false
		}
		if hit {
			k++
		}
		b.WriteRune(r)
		i++
	}
	if in {
		b.WriteString(close)
	}
	return b.String()
}
