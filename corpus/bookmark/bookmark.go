// Package bookmark keeps the reader's bookmarks (with notes) and the last
// reading position in a small versioned JSON file, with the discipline of a
// database commit: every write takes a file lock, re-reads the file, applies
// the change to what it read (so a second running instance loses nothing),
// and replaces the file atomically. A bookmark remembers a fingerprint and the
// text of its clause, so it can be re-anchored after the document is edited
// and shown with its saved text when the clause is gone.
//
// The package knows nothing about terminals; the interactive reader and the
// command line both use it.
package bookmark

import (
	"errors"
	"strings"
	"time"

	"policyreader/corpus"
)

// ErrNotFound is returned (wrapped) for an operation on a node ID that has
// no bookmark.
var ErrNotFound = errors.New("no bookmark for this node")

// Bookmark is one bookmarked node with the user's note.
type Bookmark struct {
	// NodeID is the node's ID when it was bookmarked; it is the key of the
	// bookmark in the store.
	NodeID string `json:"node_id"`
	// DocID is the ID of the node's document.
	DocID string `json:"doc_id"`
	// DocTitle is the document's label (title · short) when bookmarked.
	DocTitle string `json:"doc_title"`
	// Heading is the node's title (number and heading) when bookmarked.
	Heading string `json:"heading"`
	// Fingerprint is Fingerprint(node) when bookmarked; it re-finds the
	// node after the document is edited.
	Fingerprint string `json:"fingerprint"`
	// Text is the node's text with its sub-items (see NodeText), kept to
	// show an orphaned bookmark and to export.
	Text string `json:"text"`
	// Note is the user's note, possibly empty.
	Note string `json:"note"`
	// Created is when the bookmark was first made.
	Created time.Time `json:"created"`
	// Updated is when the bookmark or its note last changed.
	Updated time.Time `json:"updated"`
}

// Position is where the reader was: the selected node and the scroll offset
// of the detail pane, in one corpus.
type Position struct {
	// NodeID is the selected node.
	NodeID string `json:"node_id"`
	// Scroll is the detail pane's scroll offset in lines.
	Scroll int `json:"scroll"`
	// Corpus identifies the set of documents the position is in (see
	// corpus.Corpus.Key); empty in files written before positions were
	// kept per corpus.
	Corpus string `json:"corpus,omitempty"`
	// Focus is the pane the reader quit from: "tree" or "text".
	Focus string `json:"focus,omitempty"`
	// Updated is when the position was saved; of two saves the newer wins.
	Updated time.Time `json:"updated"`
}

// FromNode returns a bookmark of n with no note, created at now.
func FromNode(n *corpus.Node, now time.Time) Bookmark {
	b := Bookmark{
		NodeID:      n.ID,
		Heading:     n.Title(),
		Fingerprint: Fingerprint(n),
		Text:        NodeText(n),
		Created:     now,
		Updated:     now,
	}
	if n.Doc != nil {
		b.DocID = n.Doc.ID
		b.DocTitle = n.Doc.Label()
	}
	return b
}

// NodeText returns n's own text followed by one line per descendant
// (number, heading and text), in document order: the whole clause as a
// reader would quote it, without n's own number and heading.
func NodeText(n *corpus.Node) string {
	var lines []string
	if t := strings.TrimSpace(n.Text); t != "" {
		lines = append(lines, t)
	}
	for _, c := range n.Children {
		c.Walk(func(d *corpus.Node) bool {
			line := d.Number + d.Heading
			if t := strings.TrimSpace(d.Text); t != "" {
				if line != "" && d.Heading != "" {
					line += " "
				}
				line += t
			}
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, line)
			}
			return true
		})
	}
	return strings.Join(lines, "\n")
}
