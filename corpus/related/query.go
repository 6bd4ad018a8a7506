package related

import (
	"cmp"
	"encoding/binary"
	"slices"

	"policyreader/corpus"
)

// Match is one clause related to a query clause.
type Match struct {
	// Node is the related clause.
	Node *corpus.Node
	// ID is Node.ID.
	ID string
	// Score is the cosine similarity in (MinScore, 1]; 1 means the same terms
	// in the same proportions.
	Score float64
}

// Related returns up to limit clauses of documents other than the one of
// the node with the given ID, best first, none scoring below MinScore; ties
// keep corpus order. A limit of zero or less means no limit. The query node
// may be any node of the corpus: one that is not indexed itself (a chapter
// without text, a paragraph) is compared by its heading and text. An unknown
// ID gives nil.
func (x *Index) Related(id string, limit int) []Match {
	return x.Score(id, limit).Matches(0)
}

// Scored are the clauses related to one node, ranked as Related ranks
// them but not yet read: a reader that shows the first few and counts the
// rest reads only the documents of those it shows (see Matches).
type Scored struct {
	x     *Index
	found []scored
}

// scored is an indexed node and its similarity to the query.
type scored struct {
	n     int32
	score float64
}

// Len is the number of clauses found.
func (s Scored) Len() int { return len(s.found) }

// Matches returns the first n clauses found (all when n is zero or less),
// their documents read as needed; nil when the index is found not to fit
// its documents.
func (s Scored) Matches(n int) []Match {
	found := s.found
	if n > 0 && len(found) > n {
		found = found[:n]
	}
	if len(found) == 0 {
		return nil
	}
	out := make([]Match, 0, len(found))
	for _, f := range found {
		node := s.x.node(f.n)
		if node == nil {
			return nil // the stored index does not fit its documents
		}
		out = append(out, Match{Node: node, ID: node.ID, Score: f.score})
	}
	return out
}

// Score finds and ranks, as Related does, up to limit clauses related to
// the node with the given ID, without reading their documents.
func (x *Index) Score(id string, limit int) Scored {
	if x == nil || x.c == nil || x.bad.Load() {
		return Scored{}
	}
	qt, qw, qdoc, ok := x.query(id)
	if !ok || len(qt) == 0 {
		return Scored{}
	}
	acc := make([]float32, len(x.doc))
	var touched []int32
	for k, t := range qt {
		wq, idf := qw[k], x.idf[t]
		lo, hi := x.postOff[t], x.postOff[t+1]
		if lo > hi || int(hi) > len(x.post) {
			continue // a damaged stored index: the term matches nothing
		}
		post := x.post[lo:hi]
		n := int32(-1)
		for i := 0; i < len(post); {
			gap, count := uint64(post[i]), uint64(0)
			if gap < 0x80 {
				i++
			} else {
				gap, i = uvarintAt(post, i)
			}
			if i < len(post) && post[i] < 0x80 {
				count = uint64(post[i])
				i++
			} else {
				count, i = uvarintAt(post, i)
			}
			if gap == 0 || gap > uint64(len(x.doc)) || int(n)+int(gap) >= len(x.doc) {
				break // damaged: not ascending, or past the nodes
			}
			n += int32(gap)
			if x.doc[n] == qdoc {
				continue
			}
			if acc[n] == 0 {
				touched = append(touched, n)
			}
			acc[n] += wq * (tfidf(float32(count), idf) * x.inv[n])
		}
	}
	var found []scored
	for _, n := range touched {
		if s := float64(acc[n]); s >= MinScore {
			found = append(found, scored{n, min(s, 1)})
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	return Scored{x: x, found: found}
}

// query returns the unit vector of the node with the given ID as parallel
// term and weight slices, and the ordinal of its document (-1 when it is
// in none of the corpus's documents).
func (x *Index) query(id string) (terms []int32, weights []float32, doc int32, ok bool) {
	n, ok := x.c.Node(id)
	if !ok || n.Doc == nil {
		return nil, nil, 0, false
	}
	doc, found := x.docOf[n.Doc]
	if !found {
		doc = -1
	}
	var vb vectorBuf
	terms, weights = x.vector(&vb, n)
	return terms, weights, doc, true
}

// uvarintAt decodes the uvarint at post[i:] and returns it with the
// offset after it; Build wrote it, so it is whole (a damaged one ends the
// list: the offset returned is the end).
func uvarintAt(post []byte, i int) (uint64, int) {
	if i >= len(post) {
		return 0, len(post)
	}
	v, n := binary.Uvarint(post[i:])
	if n <= 0 {
		return 0, len(post)
	}
	return v, i + n
}
