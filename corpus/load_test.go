package corpus

import (
	"context"
	"reflect"
	"strings"
	"sync"
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

// TestLazyAnnotations: documents read with LazyAnnotations carry no
// annotations until first use, then exactly those an eager read computes,
// however many goroutines ask at once.
func TestLazyAnnotations(t *testing.T) {
	eager, _ := LoadPaths([]string{seedDir})
	lazy, errs := LoadPathsContext(context.Background(), []string{seedDir}, LoadOptions{LazyAnnotations: true})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	spans := 0
	lazy.Nodes(func(n *Node) bool { spans += len(n.Spans) + len(n.Responsible); return true })
	if spans != 0 {
		t.Fatalf("%d annotations before first use", spans)
	}
	var wg sync.WaitGroup
	for range 8 {
		for _, d := range lazy.Docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d.EnsureAnnotations()
				d.Walk(func(n *Node) bool { _ = len(n.Spans); return true })
			}()
		}
	}
	wg.Wait()
	for i, d := range lazy.Docs {
		var a, b []*Node
		d.Walk(func(n *Node) bool { a = append(a, n); return true })
		eager.Docs[i].Walk(func(n *Node) bool { b = append(b, n); return true })
		if len(a) != len(b) {
			t.Fatalf("%s: %d nodes, eager %d", d.ID, len(a), len(b))
		}
		for j := range a {
			if !reflect.DeepEqual(a[j].Spans, b[j].Spans) || !reflect.DeepEqual(a[j].Responsible, b[j].Responsible) || a[j].Leads != b[j].Leads {
				t.Errorf("%s: annotations differ from the eager read", a[j].ID)
				break
			}
		}
	}
}
