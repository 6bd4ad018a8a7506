package related

import (
	"cmp"
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
	if x == nil || x.c == nil {
		return nil
	}
	qt, qw, qdoc, ok := x.query(id)
	if !ok || len(qt) == 0 {
		return nil
	}
	acc := make([]float32, len(x.nodes))
	var touched []int32
	for k, t := range qt {
		wq := qw[k]
		for p := x.postOff[t]; p < x.postOff[t+1]; p++ {
			n := x.postNode[p]
			if x.doc[n] == qdoc {
				continue
			}
			if acc[n] == 0 {
				touched = append(touched, n)
			}
			acc[n] += wq * x.postW[p]
		}
	}
	var out []Match
	for _, n := range touched {
		if s := float64(acc[n]); s >= MinScore {
			out = append(out, Match{Node: x.nodes[n], ID: x.nodes[n].ID, Score: min(s, 1)})
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(x.pos[a.ID], x.pos[b.ID])
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit:limit]
	}
	return out
}

// query returns the unit vector of the node with the given ID as parallel
// term and weight slices, and the ordinal of its document (-1 when it is
// in none of the corpus's documents).
func (x *Index) query(id string) (terms []int32, weights []float32, doc int32, ok bool) {
	n, ok := x.c.Node(id)
	if !ok || n.Doc == nil {
		return nil, nil, 0, false
	}
	if i, ok := x.pos[id]; ok {
		doc = x.doc[i]
	} else {
		doc = -1
		for di, d := range x.c.Docs {
			if d == n.Doc {
				doc = int32(di)
			}
		}
	}
	var vb vectorBuf
	terms, weights = x.vector(&vb, n)
	return terms, weights, doc, true
}
