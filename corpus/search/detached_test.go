package search

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"policyreader/corpus"
)

// textsOf is the text region LoadDetached reads: every node's text in
// corpus order, as a pack stores it.
func textsOf(c *corpus.Corpus) []byte {
	var text []byte
	for _, d := range c.Docs {
		text = corpus.AppendTexts(text, d)
	}
	return text
}

// nodesOf is a NodeSource over c's documents, counting its calls.
func nodesOf(c *corpus.Corpus, calls *int) NodeSource {
	return func(doc, ordinal int) (*corpus.Node, error) {
		*calls++
		if doc < 0 || doc >= len(c.Docs) {
			return nil, fmt.Errorf("no document %d", doc)
		}
		found := c.Docs[doc].NodeAt(ordinal)
		if found == nil {
			return nil, fmt.Errorf("no node %d in document %d", ordinal, doc)
		}
		return found, nil
	}
}

// TestDetachedAnswersAsBuilt: an index read without its corpus answers
// every query — nodes, fields, scores, positions and snippets — exactly as
// the index built from the text, on the seeds and on the laws, asking
// only for its results' nodes.
func TestDetachedAnswersAsBuilt(t *testing.T) {
	for _, paths := range [][]string{{"../../seeds"}, {"../testdata"}} {
		c, _ := corpus.LoadPaths(paths)
		if len(c.Docs) == 0 {
			t.Fatalf("%v: nothing loaded", paths)
		}
		built := New(c)
		calls := 0
		det, err := LoadDetached(aligned(built.AppendBinary(nil)), textsOf(c), nodesOf(c, &calls))
		if err != nil {
			t.Fatalf("%v: LoadDetached: %v", paths, err)
		}
		if !reflect.DeepEqual(det.labels, built.labels) {
			t.Fatalf("%v: labels %q, want %q", paths, det.labels, built.labels)
		}
		for _, q := range append(persistQueries, "规划", "gh", "第五十六条", "国务院") {
			want, err1 := built.Search(context.Background(), q, 30)
			calls = 0
			got, err2 := det.Search(context.Background(), q, 30)
			if err1 != nil || err2 != nil {
				t.Fatalf("%q: %v %v", q, err1, err2)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%v %q: detached index gives %v, built %v", paths, q, ids(got), ids(want))
			}
			if calls != len(got) {
				t.Errorf("%v %q: %d nodes asked for %d results", paths, q, calls, len(got))
			}
		}
	}
}

// TestDetachedRefusesWrongTexts: texts that are not the index's — cut,
// longer, another library's — and a NodeSource that gives other nodes are
// refused with ErrStored, the search failing rather than showing them.
func TestDetachedRefusesWrongTexts(t *testing.T) {
	c, _ := corpus.LoadPaths([]string{"../../seeds"})
	data := aligned(New(c).AppendBinary(nil))
	text := textsOf(c)
	calls := 0
	for name, tx := range map[string][]byte{
		"cut":    text[:len(text)-1],
		"longer": append(append([]byte{}, text...), 'x'),
		"empty":  nil,
	} {
		if _, err := LoadDetached(data, tx, nodesOf(c, &calls)); !errors.Is(err, ErrStored) {
			t.Errorf("%s texts: err %v, want ErrStored", name, err)
		}
	}
	// The right texts, the nodes of other documents: every search that
	// finds something fails.
	shifted := corpus.NewCorpus(append(c.Docs[1:], c.Docs[0]))
	ix, err := LoadDetached(data, text, nodesOf(shifted, &calls))
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := ix.Search(context.Background(), "落户", 10); !errors.Is(err, ErrStored) || rs != nil {
		t.Errorf("nodes of other documents: %d results, err %v", len(rs), err)
	}
	// The right document, the next node: found, but not the index's.
	inner := nodesOf(c, &calls)
	next := func(doc, ordinal int) (*corpus.Node, error) {
		if n, err := inner(doc, ordinal+1); err == nil {
			return n, nil
		}
		return inner(doc, ordinal)
	}
	ix, err = LoadDetached(data, text, next)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"落户", "luohu", "规划"} {
		if rs, err := ix.Search(context.Background(), q, 10); !errors.Is(err, ErrStored) || rs != nil {
			t.Errorf("%q, the next nodes: %d results, err %v", q, len(rs), err)
		}
	}
	failing := func(int, int) (*corpus.Node, error) { return nil, errors.New("cannot decode") }
	ix, err = LoadDetached(data, text, failing)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(context.Background(), "luohu", 10); !errors.Is(err, ErrStored) {
		t.Errorf("a node that cannot be had: err %v", err)
	}
}

// TestDetachedRefusesBadNodeTable: node tables whose links or offsets are
// out of range are refused, never followed.
func TestDetachedRefusesBadNodeTable(t *testing.T) {
	c := buildCorpus([]nodeSpec{{"推进户籍制度改革", "放开落户限制"}, {"就业优先", "luohu 2025"}}, []nodeSpec{{"第二章", "总则"}})
	built := New(c)
	text := textsOf(c)
	for name, spoil := range map[string]func(tab *nodeTable){
		"parent after its child": func(tab *nodeTable) { tab.parent[0] = 1 },
		"parent of itself":       func(tab *nodeTable) { tab.parent[1] = 1 },
		"document out of range":  func(tab *nodeTable) { tab.doc[0] = 7 },
		"documents out of order": func(tab *nodeTable) { tab.doc[0] = 1 },
		"heading past the arena": func(tab *nodeTable) { tab.strs[tabHeadOff] = uint32(len(tab.arena)) },
		"label past the arena":   func(tab *nodeTable) { tab.labels[1] = 1 << 30 },
		"text longer":            func(tab *nodeTable) { tab.strs[tabTextLen]++ },
	} {
		data := aligned(built.AppendBinary(nil))
		var tab nodeTable
		_, err := load(data, func(nodes int, t nodeTable) (*Index, error) {
			tab = t
			return nil, errors.New("stop")
		}, nil)
		if err == nil || tab.parent == nil {
			t.Fatalf("node table not read: %v", err)
		}
		spoil(&tab) // in place: the table's arrays are data's
		calls := 0
		if _, err := LoadDetached(data, text, nodesOf(c, &calls)); !errors.Is(err, ErrStored) {
			t.Errorf("%s: err %v, want ErrStored", name, err)
		}
	}
}

// FuzzLoadDetached: whatever the bytes, LoadDetached returns an index or
// an error, and an index it returns searches without panicking.
func FuzzLoadDetached(f *testing.F) {
	c := buildCorpus([]nodeSpec{{"推进户籍制度改革", "放开城区常住人口300万以下城市落户限制"}, {"就业优先", "luohu 2025"}})
	text := textsOf(c)
	f.Add(New(c).AppendBinary(nil))
	f.Add([]byte("PRINDEX\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		calls := 0
		ix, err := LoadDetached(aligned(data), text, nodesOf(c, &calls))
		if err != nil {
			return
		}
		for _, q := range []string{"落户", "lh", "luohu", "2", "就业 hj", "第"} {
			ix.Search(context.Background(), q, 10)
		}
	})
}

// TestDetachedChecksResultDocuments: a node table that still adds up but
// disagrees with the documents — a heading rewritten in its arena, a node
// moved to the top level — fails every search whose results come from
// the document it describes, though the wrong entry itself is not among
// them.
func TestDetachedChecksResultDocuments(t *testing.T) {
	c, _ := corpus.LoadPaths([]string{"../../seeds"})
	built := New(c)
	text := textsOf(c)
	// A node of the first document with a parent and a heading, and
	// another node of it whose text a query finds.
	var child int32 = -1
	for n := range built.parent {
		if built.doc[n] == 0 && built.parent[n] >= 0 && built.nodes[n].Heading != "" {
			child = int32(n)
			break
		}
	}
	if child < 0 {
		t.Fatal("no nested node with a heading in the first document")
	}
	query := string([]rune(c.Docs[0].Title)[:4])
	for name, spoil := range map[string]func(tab *nodeTable){
		"heading rewritten": func(tab *nodeTable) {
			s := tab.strs[tabWidth*int(child):]
			tab.arena[s[tabHeadOff]] ^= 1 // a byte of the heading's first rune
		},
		"moved to the top": func(tab *nodeTable) { tab.parent[child] = -1 },
	} {
		data := aligned(built.AppendBinary(nil))
		var tab nodeTable
		load(data, func(nodes int, t nodeTable) (*Index, error) {
			tab = t
			return nil, errors.New("stop")
		}, nil)
		spoil(&tab)
		calls := 0
		ix, err := LoadDetached(data, text, nodesOf(c, &calls))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rs, err := ix.Search(context.Background(), query, 20)
		if !errors.Is(err, ErrStored) || rs != nil {
			t.Errorf("%s: %q gives %d results, err %v", name, query, len(rs), err)
		}
	}
}
