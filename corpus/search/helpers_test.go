package search

import (
	"context"
	"path/filepath"
	"testing"

	"policyreader/corpus"
)

// nodeSpec describes a hand-built node: heading and text.
type nodeSpec struct{ heading, text string }

// buildCorpus makes one document per slice of specs, with flat clause nodes
// numbered doc<i>/c<j>.
func buildCorpus(docs ...[]nodeSpec) *corpus.Corpus {
	var ds []*corpus.Document
	for i, specs := range docs {
		d := &corpus.Document{ID: "doc" + itoa(i+1), Title: "测试文件" + itoa(i+1)}
		for j, s := range specs {
			d.Children = append(d.Children, &corpus.Node{
				ID: d.ID + "/c" + itoa(j+1), Kind: corpus.Clause, Heading: s.heading, Text: s.text, Doc: d,
			})
		}
		ds = append(ds, d)
	}
	return corpus.NewCorpus(ds)
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func search(t testing.TB, ix *Index, q string, limit int) []Result {
	t.Helper()
	rs, err := ix.Search(context.Background(), q, limit)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return rs
}

// fieldOf returns the string a result's Matched positions index.
func fieldOf(r Result) string {
	switch r.Field {
	case FieldHeading:
		return r.Node.Heading
	case FieldNumber:
		return r.Node.Number
	}
	return r.Node.Text
}

// matchedText returns the runes of the field at the result's positions.
func matchedText(r Result) string {
	rs := []rune(fieldOf(r))
	var out []rune
	for _, p := range r.Matched {
		if p < 0 || p >= len(rs) {
			return "<out of range>"
		}
		out = append(out, rs[p])
	}
	return string(out)
}

func ids(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// guideOf is the walk guide match gives a term of runes q with these
// constraints, its pair table included (so fields of pairScanMin codes or
// more are read by pairs).
func guideOf(sk *skeleton, q []rune, chains *chainTable, lead int) walkGuide {
	g := walkGuide{sk: sk, chains: chains, lead: lead}
	if len(q) > 0 {
		var tab [256]uint8
		sk.startTable(&tab, letterBit(q[0]), lead)
		g.pairs = newPairTable(&tab)
	}
	return g
}

// lawsAndSeeds loads the real laws of corpus/testdata and the seeds.
func lawsAndSeeds(t testing.TB) *corpus.Corpus {
	t.Helper()
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(laws, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}

// failingWriter fails every write with err, counting them.
type failingWriter struct {
	err    error
	writes int
}

func (w *failingWriter) Write([]byte) (int, error) {
	w.writes++
	return 0, w.err
}
