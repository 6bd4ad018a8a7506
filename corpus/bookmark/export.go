package bookmark

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"policyreader/corpus"
)

// Entry is a bookmark resolved against a corpus: what a list or an export
// shows.
type Entry struct {
	Bookmark
	// Node is the bookmarked node in the corpus, nil when Orphan.
	Node *corpus.Node
	// Orphan is true when the node could not be found (see Resolve).
	Orphan bool
}

// Title is the node's current title, or the saved one for an orphan.
func (e Entry) Title() string {
	if e.Node != nil {
		return e.Node.Title()
	}
	return e.Heading
}

// DocLabel is the document's current label, or the saved title.
func (e Entry) DocLabel() string {
	if e.Node != nil && e.Node.Doc != nil {
		return e.Node.Doc.Label()
	}
	return e.DocTitle
}

// CurrentText is the node's current text (NodeText), or the saved text for
// an orphan.
func (e Entry) CurrentText() string {
	if e.Node != nil {
		return NodeText(e.Node)
	}
	return e.Text
}

// Entries resolves bs against c and orders them for reading (see Order);
// documents not in c come last, by first bookmark.
func Entries(c *corpus.Corpus, bs []Bookmark) []Entry {
	r := NewResolver(c)
	o := NewOrder(c)
	es := make([]Entry, len(bs))
	for i, b := range bs {
		n, orphan := r.Resolve(b)
		es[i] = Entry{Bookmark: b, Node: n, Orphan: orphan}
		if _, ok := o.rank[es[i].docID()]; !ok {
			o.rank[es[i].docID()] = len(o.rank)
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return o.Before(es[i], es[j]) })
	return es
}

// Order is reading order over a corpus's bookmarks: documents in corpus
// order (those not in it last), nodes in document order, a document's
// orphans after its nodes, oldest first.
type Order struct {
	rank map[string]int // document ID → place
	// at is each node's place in its document, for the documents whose
	// nodes were compared: each is walked once, and only those are.
	at map[*corpus.Node]int
}

// NewOrder returns the reading order of c.
func NewOrder(c *corpus.Corpus) Order {
	o := Order{rank: map[string]int{}, at: map[*corpus.Node]int{}}
	if c != nil {
		for i, d := range c.Docs {
			o.rank[d.ID] = i
		}
	}
	return o
}

// Before reports whether a comes before b. Only their document is walked
// to order two nodes, so a library read on first use stays so.
func (o Order) Before(a, b Entry) bool {
	rank := func(e Entry) int {
		if r, ok := o.rank[e.docID()]; ok {
			return r
		}
		return len(o.rank)
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra < rb
	}
	if a.Orphan != b.Orphan {
		return !a.Orphan
	}
	if !a.Orphan {
		return o.place(a.Node) < o.place(b.Node)
	}
	return a.Created.Before(b.Created)
}

// place is n's place in its document, the document walked the first time
// one of its nodes is asked for.
func (o Order) place(n *corpus.Node) int {
	if i, ok := o.at[n]; ok || n.Doc == nil || o.at == nil {
		return i
	}
	k := 0
	n.Doc.Walk(func(m *corpus.Node) bool {
		o.at[m] = k
		k++
		return true
	})
	return o.at[n]
}

// docID is the ID of the entry's document: the node's, or the saved one.
func (e Entry) docID() string {
	if e.Node != nil && e.Node.Doc != nil {
		return e.Node.Doc.ID
	}
	return e.DocID
}

// WriteMarkdown writes es as a Markdown report: one section per document,
// each bookmark with its title, node ID and path, the clause text quoted
// (> lines) and the note. Orphans are marked and quote their saved text.
// es should come from Entries, which groups them by document.
func WriteMarkdown(w io.Writer, es []Entry) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Bookmarks")
	if len(es) == 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "No bookmarks.")
	}
	lastDoc := "\x00"
	for _, e := range es {
		if doc := e.docID(); doc != lastDoc {
			lastDoc = doc
			label := e.DocLabel()
			if label == "" {
				label = doc
			}
			fmt.Fprintf(bw, "\n## %s\n", oneLine(label))
		}
		fmt.Fprintf(bw, "\n### %s\n\n", oneLine(e.Title()))
		id := e.NodeID
		if e.Node != nil {
			id = e.Node.ID
		}
		meta := "`" + id + "`"
		if e.Node != nil {
			if p := e.Node.Path(); len(p) > 0 {
				meta += " · " + oneLine(strings.Join(p, " › "))
			}
		}
		fmt.Fprintln(bw, meta)
		if e.Orphan {
			fmt.Fprintf(bw, "\n*No longer found in the document; text as saved on %s.*\n", e.Created.Format("2006-01-02"))
		}
		if text := strings.TrimSpace(e.CurrentText()); text != "" {
			fmt.Fprintln(bw)
			for _, line := range strings.Split(text, "\n") {
				fmt.Fprintln(bw, strings.TrimRight("> "+escapeLine(strings.TrimSpace(line)), " "))
			}
		}
		if note := strings.TrimSpace(e.Note); note != "" {
			fmt.Fprintln(bw)
			lines := strings.Split(note, "\n")
			for i, l := range lines {
				lines[i] = escapeLine(strings.TrimSpace(l))
			}
			fmt.Fprintf(bw, "**Note:** %s\n", strings.Join(lines, "  \n"))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// escapeLine keeps a line of text from starting a Markdown block (heading,
// quote, list, rule) of its own.
func escapeLine(s string) string {
	if s != "" && strings.ContainsRune("#>-+*=|", rune(s[0])) {
		return `\` + s
	}
	return s
}
