package corpus

import (
	"fmt"
	"strings"
)

// idAssigner gives documents read in library order IDs unique in the
// library, and labels as NewCorpus's disambiguate does: the first document of an ID keeps it, a later one gets the
// next free -2, -3 … Free means held by no document given an ID so far
// and by no reserved ID — the IDs every listed file would have, loaded
// or not — so an ID never depends on documents not read yet, and a
// library read in batches is numbered exactly as one read whole.
type idAssigner struct {
	taken  map[string]bool
	seen   map[string]bool
	labels map[string]bool // see disambiguate
}

// newIDAssigner reserves the IDs of reserved (documents' own IDs are
// reserved as they are assigned).
func newIDAssigner(reserved []string) *idAssigner {
	a := &idAssigner{taken: make(map[string]bool, len(reserved)), seen: map[string]bool{}, labels: map[string]bool{}}
	for _, id := range reserved {
		a.taken[id] = true
	}
	return a
}

// assign renumbers d and its nodes when its ID is already used.
//
// The IDs and labels it keeps are copies: a document's strings may point
// into the whole buffer it was decoded from (a cache's segment), which a
// key kept for the rest of the library would hold on to.
func (a *idAssigner) assign(d *Document) {
	defer markLabel(a.labels, d)
	if !a.seen[d.ID] {
		id := strings.Clone(d.ID)
		a.taken[id], a.seen[id] = true, true
		return
	}
	old := d.ID
	next := old
	for n := 2; a.taken[next]; n++ {
		next = fmt.Sprintf("%s-%d", old, n)
	}
	a.taken[next], a.seen[next] = true, true
	d.ID = next
	d.Walk(func(nd *Node) bool {
		nd.ID = d.ID + strings.TrimPrefix(nd.ID, old)
		return true
	})
}

// uniqueIDs renumbers colliding document IDs (a, a-2, a-3) and their
// nodes, never to an ID another document has or a file of reserved would
// have (file-2.txt beside two file.txt), so running it again over its own
// result changes nothing.
func uniqueIDs(docs []*Document, reserved ...string) []*Document {
	ids := make([]string, 0, len(docs)+len(reserved))
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	a := newIDAssigner(append(ids, reserved...))
	for _, d := range docs {
		a.assign(d)
	}
	return docs
}

// fileIDs returns the ID each file would give its document.
func fileIDs(files []string) []string {
	ids := make([]string, len(files))
	for i, f := range files {
		ids[i] = Slug(f)
	}
	return ids
}
