package related

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"testing"
	"weak"

	"policyreader/corpus"
)

// streamOf yields the documents of c decoded afresh from their encoded
// form on every pass, as a cache hands them out, recording a weak pointer
// to each so a test can tell whether the build kept them.
func streamOf(t *testing.T, c *corpus.Corpus, yielded *[]weak.Pointer[corpus.Document]) func(yield func(*corpus.Document) bool) error {
	encoded := make([][]byte, len(c.Docs))
	for i, d := range c.Docs {
		encoded[i] = corpus.AppendDocument(nil, d, false)
	}
	return func(yield func(*corpus.Document) bool) error {
		for _, b := range encoded {
			d, _, err := corpus.DecodeDocument(b)
			if err != nil {
				t.Fatal(err)
			}
			*yielded = append(*yielded, weak.Make(d))
			if !yield(d) {
				break
			}
		}
		return nil
	}
}

// storesAsBuilt reports whether x's stored form is, byte for byte, that
// of the index Build makes of c.
func storesAsBuilt(t *testing.T, x *Index, c *corpus.Corpus) bool {
	t.Helper()
	var got, want bytes.Buffer
	if err := x.WriteBinary(&got); err != nil {
		t.Fatal(err)
	}
	if err := New(c).WriteBinary(&want); err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(got.Bytes(), want.Bytes())
}

// TestBuildStreamed: the index built from documents yielded a pass at a
// time stores as Build's does over the same documents, byte for byte,
// and keeps none of them (what the stored form answers is
// TestStoredAnswersAsBuilt's).
func TestBuildStreamed(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds", "../testdata/laws"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var yielded []weak.Pointer[corpus.Document]
	x, err := BuildStreamed(context.Background(), streamOf(t, c, &yielded))
	if err != nil {
		t.Fatal(err)
	}
	if len(yielded) != 2*len(c.Docs) {
		t.Errorf("%d documents yielded, want every one on each of the two passes (%d)", len(yielded), 2*len(c.Docs))
	}
	runtime.GC()
	for i, p := range yielded {
		if p.Value() != nil {
			t.Errorf("document %d of the stream is still held by the index", i%len(c.Docs))
			break
		}
	}
	if !storesAsBuilt(t, x, c) {
		t.Error("the streamed index is not Build's")
	}
}

// TestBuildStreamedFails: a stream that fails, documents that change
// between the passes, and a cancelled context each fail the build with
// an error, never a panic or an index.
func TestBuildStreamedFails(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	bad := errors.New("entry 3 damaged")
	if _, err := BuildStreamed(context.Background(), func(func(*corpus.Document) bool) error { return bad }); !errors.Is(err, bad) {
		t.Errorf("a failing stream: %v, want %v wrapped", err, bad)
	}
	for name, second := range map[string][]*corpus.Document{
		"one fewer":         c.Docs[1:],
		"one more":          append(c.Docs[:len(c.Docs):len(c.Docs)], c.Docs[0]),
		"two swapped":       append([]*corpus.Document{c.Docs[1], c.Docs[0]}, c.Docs[2:]...),
		"one of no clauses": append(c.Docs[:len(c.Docs):len(c.Docs)], &corpus.Document{ID: "empty"}),
	} {
		passes := 0
		changing := func(yield func(*corpus.Document) bool) error {
			passes++
			docs := c.Docs
			if passes == 2 {
				docs = second
			}
			for _, d := range docs {
				if !yield(d) {
					break
				}
			}
			return nil
		}
		if x, err := BuildStreamed(context.Background(), changing); err == nil || x != nil {
			t.Errorf("%s on the second pass: index %v, error %v", name, x != nil, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var yielded []weak.Pointer[corpus.Document]
	if _, err := BuildStreamed(ctx, streamOf(t, c, &yielded)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if len(yielded) > 1 {
		t.Errorf("cancelled, yet the stream went on for %d documents", len(yielded))
	}
}

// FuzzBuildStreamed builds the index of documents of arbitrary clauses
// from a stream and checks it stores as Build's does, byte for byte.
func FuzzBuildStreamed(f *testing.F) {
	f.Add("（一）推进落户。到2025年，城镇落户率达到60%。", "（一）推进落户制度改革。", "ABC银行 2025")
	f.Add("", "（二）\xff\xfe", "𪚥𠀀 综合")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		docs := corpus.NewCorpus([]*corpus.Document{docOf("a", a, b), docOf("b", c), docOf("c", b, c, a)})
		var yielded []weak.Pointer[corpus.Document]
		x, err := BuildStreamed(context.Background(), streamOf(t, docs, &yielded))
		if err != nil {
			t.Fatal(err)
		}
		if !storesAsBuilt(t, x, docs) {
			t.Fatalf("the streamed index of %q, %q, %q is not Build's", a, b, c)
		}
	})
}
