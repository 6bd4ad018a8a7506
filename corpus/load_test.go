package corpus

import (
	"context"
	"strings"
	"testing"
)

// TestNoAnnotations: reading without the annotation pass gives the same
// documents — IDs, kinds, numbers, headings, texts, metadata — with no
// spans and no responsibility annotations, for the laws and the seeds.
func TestNoAnnotations(t *testing.T) {
	for _, dir := range []string{"testdata/laws", "../seeds"} {
		full, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		plain, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{NoAnnotations: true})
		if len(errs) > 0 || len(plain.Docs) != len(full.Docs) {
			t.Fatalf("%s: %d documents, want %d (%v)", dir, len(plain.Docs), len(full.Docs), errs)
		}
		spans := 0
		for i, d := range full.Docs {
			p := plain.Docs[i]
			if p.ID != d.ID || p.Title != d.Title || p.Date != d.Date || strings.Join(p.Issuers, "|") != strings.Join(d.Issuers, "|") {
				t.Errorf("%s: metadata differs", d.ID)
			}
			var a, b []string
			d.Walk(func(n *Node) bool {
				a = append(a, n.ID+"|"+n.Number+"|"+n.Heading+"|"+n.Text)
				spans += len(n.Spans)
				return true
			})
			p.Walk(func(n *Node) bool {
				b = append(b, n.ID+"|"+n.Number+"|"+n.Heading+"|"+n.Text)
				if len(n.Spans) > 0 || len(n.Responsible) > 0 {
					t.Errorf("%s: annotated without the pass", n.ID)
				}
				return true
			})
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: the tree differs without annotations", d.ID)
			}
		}
		if spans == 0 {
			t.Errorf("%s: the full read has no spans: the test proves nothing", dir)
		}
	}
}
