package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// TestLoadBatchesAsWhole: read in batches of any size, a library gives the
// documents, IDs and errors it gives read whole — on the real laws and the
// seeds, plus files whose IDs clash beside files that fail (an empty file
// whose ID a renumbering would otherwise take).
func TestLoadBatchesAsWhole(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../seeds/guangdong-social-mobility-implementation.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"a.txt":   seed,
		"a.md":    seed,
		"a-2.txt": nil, // empty: fails, but keeps its ID from the clash of a
		"b.txt":   []byte("\x00\x01\x02binary"),
		"c/a.txt": seed,
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	laws, _ := filepath.Glob("testdata/laws/*.md")
	paths := append(laws, "../seeds", dir, filepath.Join(dir, "missing.txt"))
	whole, wholeErrs := LoadPathsContext(context.Background(), paths, LoadOptions{NoAnnotations: true})
	if len(wholeErrs) != 3 {
		t.Fatalf("want 3 errors (empty, binary, missing), got %v", wholeErrs)
	}
	for _, size := range []int64{1, 64 << 10, 1 << 20, 1 << 40} {
		var got []*Document
		batches := 0
		errs, stop := LoadBatches(context.Background(), paths, LoadOptions{NoAnnotations: true}, size, func(docs []*Document) error {
			got = append(got, docs...)
			batches++
			return nil
		})
		if stop != nil {
			t.Fatal(stop)
		}
		if len(got) != len(whole.Docs) {
			t.Fatalf("batches of %d: %d documents, whole: %d", size, len(got), len(whole.Docs))
		}
		for i, d := range got {
			if d.ID != whole.Docs[i].ID || !reflect.DeepEqual(d, whole.Docs[i]) {
				t.Fatalf("batches of %d: document %d is %s, whole: %s", size, i, d.ID, whole.Docs[i].ID)
			}
		}
		if len(errs) != len(wholeErrs) {
			t.Fatalf("batches of %d: errors %v, whole: %v", size, errs, wholeErrs)
		}
		for i := range errs {
			if errs[i].Error() != wholeErrs[i].Error() {
				t.Errorf("batches of %d: error %q, whole: %q", size, errs[i], wholeErrs[i])
			}
		}
		t.Logf("batches of %d bytes: %d batches", size, batches)
	}
	ids := map[string]bool{}
	for _, d := range whole.Docs {
		if ids[d.ID] {
			t.Errorf("ID %s twice", d.ID)
		}
		ids[d.ID] = true
	}
	if ids["a-2"] {
		t.Errorf("a clash took a-2, the ID of a file that failed")
	}
}

// TestLoadBatchesStops: fn's error ends the reading and comes back as it is.
func TestLoadBatchesStops(t *testing.T) {
	halt := errors.New("halt")
	n := 0
	_, stop := LoadBatches(context.Background(), []string{"../seeds"}, LoadOptions{NoAnnotations: true}, 1, func(docs []*Document) error {
		n++
		return halt
	})
	if stop != halt || n != 1 {
		t.Errorf("stop %v after %d batches, want halt after 1", stop, n)
	}
}

// TestLabelsFirstKeeps: of documents sharing a label, the first keeps it
// and each later one carries its ID; labelling again changes nothing.
func TestLabelsFirstKeeps(t *testing.T) {
	mk := func(id string) *Document { return &Document{ID: id, Title: "关于促进就业的通知"} }
	docs := []*Document{mk("a"), mk("b"), {ID: "c", Title: "另一个通知"}, mk("d")}
	c := NewCorpus(docs)
	got := []string{c.Docs[0].Label(), c.Docs[1].Label(), c.Docs[2].Label(), c.Docs[3].Label()}
	plain := mk("x").Label()
	if got[0] != plain || got[1] != plain+" · b" || got[2] != docs[2].ShortTitle() || got[3] != plain+" · d" {
		t.Errorf("labels %q; want %q first, then the ID after the later copies", got, plain)
	}
	NewCorpus(docs)
	for i, d := range docs {
		if d.Label() != got[i] {
			t.Errorf("labelling again changed %q to %q", got[i], d.Label())
		}
	}
}

// TestLabelsStayUnique: a label made by adding an ID that another document
// already has (a title that ends like the other's label) gets -2, so every
// label differs, and labelling again changes nothing.
func TestLabelsStayUnique(t *testing.T) {
	a := &Document{ID: "a", Title: "办法 · 广东 c"}
	b := &Document{ID: "b", Title: "办法", Short: "广东"}
	c := &Document{ID: "c", Title: "办法", Short: "广东"}
	docs := []*Document{a, b, c}
	NewCorpus(docs)
	seen := map[string]bool{}
	var labels []string
	for _, d := range docs {
		if seen[d.Label()] {
			t.Errorf("label %q twice", d.Label())
		}
		seen[d.Label()] = true
		labels = append(labels, d.Label())
	}
	NewCorpus(docs)
	for i, d := range docs {
		if d.Label() != labels[i] {
			t.Errorf("labelling again changed %q to %q", labels[i], d.Label())
		}
	}
}

// TestAssignerKeepsCopies: the IDs and labels the assigner keeps for the
// rest of a library are copies, not the document's strings, which may
// point into the whole buffer it was decoded from (a cache's segment): a
// batch read in batches must be free to go once handed on.
func TestAssignerKeepsCopies(t *testing.T) {
	// No Short label: the label is the title itself, a substring too.
	buf := strings.Repeat("x", 1<<16) + "doc-id|关于促进就业的意见"
	d := &Document{ID: buf[1<<16 : 1<<16+6], Title: buf[1<<16+7:]}
	a := newIDAssigner(nil)
	a.assign(d)
	lo := uintptr(unsafe.Pointer(unsafe.StringData(buf)))
	hi := lo + uintptr(len(buf))
	for what, m := range map[string]map[string]bool{"taken": a.taken, "seen": a.seen, "labels": a.labels} {
		if len(m) == 0 {
			t.Errorf("%s keeps nothing", what)
		}
		for k := range m {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(k))); p >= lo && p < hi {
				t.Errorf("%s keeps %q inside the document's buffer", what, k)
			}
		}
	}
}
