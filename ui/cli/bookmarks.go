package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"policyreader/corpus/bookmark"
)

// bookmarkJSON is one bookmark in `bookmarks --json` and `export --format json`.
type bookmarkJSON struct {
	// ID is the node's current ID (the saved one for an orphan).
	ID string `json:"id"`
	// SavedID is the ID the bookmark was saved under, when it differs.
	SavedID string    `json:"saved_id,omitempty"`
	DocID   string    `json:"doc_id"`
	Doc     string    `json:"doc"`
	Title   string    `json:"title"`
	Path    []string  `json:"path"`
	Orphan  bool      `json:"orphan"`
	Note    string    `json:"note"`
	Text    string    `json:"text"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

func toBookmarkJSON(e bookmark.Entry) bookmarkJSON {
	j := bookmarkJSON{
		ID: e.NodeID, DocID: e.DocID, Doc: e.DocLabel(), Title: e.Title(), Path: []string{},
		Orphan: e.Orphan, Note: e.Note, Text: e.CurrentText(), Created: e.Created, Updated: e.Updated,
	}
	if e.Node != nil {
		j.ID = e.Node.ID
		j.Path = append(j.Path, e.Node.Path()...)
		if e.Node.Doc != nil {
			j.DocID = e.Node.Doc.ID
		}
		if e.Node.ID != e.NodeID {
			j.SavedID = e.NodeID
		}
	}
	return j
}

// runBookmarks manages bookmarks:
// `bookmarks [list|add ID [--note TEXT]|rm ID|export [--format md|json]] [--json]`.
func runBookmarks(env Env, opts Options, args []string) error {
	fset := newFlagSet("bookmarks", env, &opts)
	note := fset.String("note", "", "the `NOTE` of an added bookmark")
	format := fset.String("format", "", "export `FORMAT`: md or json")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	sub := "list"
	if len(rest) > 0 {
		sub, rest = rest[0], rest[1:]
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["note"] && sub != "add" {
		return usagef("bookmarks: --note belongs to `bookmarks add ID --note TEXT`")
	}
	if set["format"] && sub != "export" {
		return usagef("bookmarks: --format belongs to `bookmarks export --format md|json`")
	}
	switch sub {
	case "list", "export":
		if len(rest) != 0 {
			return usagef("bookmarks %s takes no arguments", sub)
		}
	case "add", "rm":
		if len(rest) != 1 {
			return usagef("bookmarks %s needs exactly one node ID (see `policyreader tree`)", sub)
		}
	default:
		return usagef("bookmarks: unknown action %q (list, add, rm, export)", sub)
	}
	if sub == "export" {
		switch *format {
		case "":
			*format = "md"
			if opts.JSON {
				*format = "json"
			}
		case "md", "markdown", "json":
		default:
			return usagef("bookmarks export: unknown format %q (md or json)", *format)
		}
	}

	store, warnings, err := bookmark.Open(opts.DataDir)
	if err != nil {
		return err
	}
	store.OnWait(func() {
		fmt.Fprintf(env.Stderr, "policyreader: waiting for another policyreader to release %s (up to %v)…\n", store.Path(), bookmark.LockTimeout)
	})
	switch sub {
	case "add", "rm":
		// A write that fails says why in its one error line; the store's
		// warnings (an unusable directory, say) would only repeat it.
		var err error
		if sub == "add" {
			err = addBookmark(env, opts, store, rest[0], *note)
		} else {
			err = removeBookmark(env, opts, store, rest[0])
		}
		if err == nil {
			warn(env, warnings)
			warn(env, store.Warnings())
		}
		return err
	}
	warn(env, warnings)
	defer func() { warn(env, store.Warnings()) }()
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	es := bookmark.Entries(c, store.List())
	switch {
	case sub == "export" && *format == "json", sub == "list" && opts.JSON:
		out := make([]bookmarkJSON, len(es))
		for i, e := range es {
			out[i] = toBookmarkJSON(e)
		}
		return writeJSON(env.Stdout, out)
	case sub == "export":
		return bookmark.WriteMarkdown(env.Stdout, es)
	}
	printBookmarks(env.Stdout, es)
	return nil
}

// warn prints store warnings to stderr, one line each.
func warn(env Env, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(w))
	}
}

// addBookmark bookmarks node id of the loaded corpus, or updates its
// bookmark (and note, if given).
func addBookmark(env Env, opts Options, store *bookmark.Store, id, note string) error {
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	n, ok := c.Node(id)
	if !ok {
		return failf("no node with ID %q (see `policyreader tree`)", id)
	}
	// Bookmarks saved before the document changed get their current IDs
	// first, so an existing bookmark of n is found and updated.
	if _, err := store.Reanchor(c); err != nil {
		return err
	}
	existed := store.Has(n.ID)
	b := bookmark.FromNode(n, time.Now().UTC().Truncate(time.Millisecond))
	b.Note = note
	if err := store.Add(b); err != nil {
		return err
	}
	saved, _ := store.Get(n.ID)
	if opts.JSON {
		return writeJSON(env.Stdout, toBookmarkJSON(bookmark.Entry{Bookmark: saved, Node: n}))
	}
	verb := "bookmarked"
	if existed {
		verb = "updated bookmark"
	}
	fmt.Fprintf(env.Stdout, "%s %s  %s\n", verb, n.ID, n.Title())
	return nil
}

// removeBookmark removes the bookmark of node id in the loaded corpus
// (bookmarks saved before the document changed are re-anchored first, so
// id is the ID `list` shows), or the orphaned bookmark saved under id.
func removeBookmark(env Env, opts Options, store *bookmark.Store, id string) error {
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	if _, err := store.Reanchor(c); err != nil {
		return err
	}
	b, ok := store.Get(id)
	if !ok {
		return failf("no bookmark for %q (see `policyreader bookmarks list`)", id)
	}
	if err := store.Remove(id); err != nil {
		if errors.Is(err, bookmark.ErrNotFound) {
			return failf("no bookmark for %q (removed meanwhile)", id)
		}
		return err
	}
	if opts.JSON {
		return writeJSON(env.Stdout, toBookmarkJSON(bookmark.Entry{Bookmark: b}))
	}
	fmt.Fprintf(env.Stdout, "removed bookmark %s  %s\n", id, b.Heading)
	return nil
}

// printBookmarks lists entries grouped by document: title, ID, date, note.
func printBookmarks(w io.Writer, es []bookmark.Entry) {
	if len(es) == 0 {
		fmt.Fprintln(w, "no bookmarks (add one with `policyreader bookmarks add ID`)")
		return
	}
	lastDoc := "\x00"
	for _, e := range es {
		doc := e.DocID
		id := e.NodeID
		if e.Node != nil {
			doc, id = e.Node.Doc.ID, e.Node.ID
		}
		if doc != lastDoc {
			if lastDoc != "\x00" {
				fmt.Fprintln(w)
			}
			lastDoc = doc
			fmt.Fprintln(w, oneLine(e.DocLabel()))
		}
		line := fmt.Sprintf("  %s  %s  %s", oneLine(e.Title()), id, e.Created.Local().Format("2006-01-02"))
		switch {
		case e.Orphan:
			line += "  [orphaned: no longer in the document]"
		case id != e.NodeID:
			line += "  (saved as " + e.NodeID + ")"
		}
		fmt.Fprintln(w, line)
		if e.Orphan {
			fmt.Fprintf(w, "    saved text: %s\n", clip(oneLine(e.Text), 60))
		}
		for i, l := range strings.Split(strings.TrimSpace(e.Note), "\n") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if i == 0 {
				fmt.Fprintf(w, "    note: %s\n", l)
			} else {
				fmt.Fprintf(w, "          %s\n", l)
			}
		}
	}
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
