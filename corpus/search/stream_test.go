package search

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"unsafe"
	"weak"

	"policyreader/corpus"
)

// TestWriteStreamed: the index written a document and a part at a time
// is New's stored form byte for byte; it tells of every node's text on
// each of its three passes (a count, then a pass per part), and it lets
// each document go once walked.
func TestWriteStreamed(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds", "../testdata/laws"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// The documents as a cache hands them out: decoded from bytes that
	// outlive them, so the walk's copies can be let go.
	encoded := make([][]byte, len(c.Docs))
	for i, d := range c.Docs {
		encoded[i] = corpus.AppendDocument(nil, d, true)
	}
	var mu sync.Mutex
	told := map[*byte]int{}
	var yielded []weak.Pointer[corpus.Document]
	collected := -1
	each := func(yield func(*corpus.Document) bool) error {
		for _, b := range encoded {
			d, _, err := corpus.DecodeDocument(b)
			if err != nil {
				return err
			}
			yielded = append(yielded, weak.Make(d))
			if !yield(d) {
				t.Fatal("the walk stopped")
			}
		}
		return nil
	}
	var out bytes.Buffer
	err := WriteStreamed(context.Background(), &out, each, func(part int, text string) {
		if part != 0 && part != 1 {
			t.Errorf("told of part %d", part)
		}
		mu.Lock()
		defer mu.Unlock()
		told[unsafe.StringData(text)]++
		if collected < 0 {
			// The walk is over: no document should be held.
			runtime.GC()
			collected = 0
			for _, p := range yielded {
				if p.Value() == nil {
					collected++
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := New(c).AppendBinary(nil); !bytes.Equal(out.Bytes(), want) {
		t.Errorf("the streamed index (%d bytes) is not New's (%d bytes)", out.Len(), len(want))
	}
	if collected != len(c.Docs) {
		t.Errorf("%d of %d documents let go while the index was built", collected, len(c.Docs))
	}
	texts := 0
	for _, b := range encoded {
		d, _, _ := corpus.DecodeDocument(b)
		corpus.NewCorpus([]*corpus.Document{d}).Nodes(func(n *corpus.Node) bool {
			if n.Text != "" {
				texts++
				if got := told[unsafe.StringData(n.Text)]; got != 3 {
					t.Errorf("%s: told of its text %d times, want once per pass (3)", n.ID, got)
				}
			}
			return true
		})
	}
	if texts == 0 {
		t.Fatal("no texts: the check proves little")
	}
}

// TestWriteStreamedWalkFails: a document that cannot be had fails the
// write with its error, before anything is written.
func TestWriteStreamedWalkFails(t *testing.T) {
	bad := errors.New("entry 3 damaged")
	var out bytes.Buffer
	err := WriteStreamed(context.Background(), &out, func(func(*corpus.Document) bool) error { return bad }, nil)
	if !errors.Is(err, bad) {
		t.Errorf("error %v, want %v wrapped", err, bad)
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written", out.Len())
	}
}

// TestWriteStreamedCancelled: a cancelled write stops its walk at the
// document it is in, and between its parts, with the context's error.
func TestWriteStreamedCancelled(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	walked := 0
	each := func(yield func(*corpus.Document) bool) error {
		for _, d := range c.Docs {
			walked++
			if walked == 2 {
				cancel()
			}
			if !yield(d) {
				break
			}
		}
		return nil
	}
	var out bytes.Buffer
	if err := WriteStreamed(ctx, &out, each, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled in the walk: %v", err)
	}
	if walked != 2 || out.Len() != 0 {
		t.Errorf("cancelled at document 2: walked %d, wrote %d bytes", walked, out.Len())
	}
	// Cancelled while counting, once the walk is done: stopped before
	// anything is written.
	ctx, cancel = context.WithCancel(context.Background())
	whole := func(yield func(*corpus.Document) bool) error {
		for _, d := range c.Docs {
			yield(d)
		}
		return nil
	}
	var once sync.Once
	out.Reset()
	err := WriteStreamed(ctx, &out, whole, func(int, string) { once.Do(cancel) })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while counting: %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("cancelled while counting, yet %d bytes written", out.Len())
	}
	// A write that fails stops it before the next part.
	broken := errors.New("disk full")
	fails := &failingWriter{err: broken}
	if err := WriteStreamed(context.Background(), fails, whole, nil); !errors.Is(err, broken) {
		t.Errorf("a failed write: %v, want %v", err, broken)
	}
	if fails.writes != 1 {
		t.Errorf("%d writes tried after the first failed, want none", fails.writes-1)
	}
}

// TestStoredFormIsStable: one corpus gives one stored form, however the
// maps of runes past U+FFFF happen to be iterated — their posting lists
// and their reading ids come in rune order.
func TestStoredFormIsStable(t *testing.T) {
	var text []rune
	for r := rune(0x20000); r < 0x20000+64; r++ {
		text = append(text, r)
	}
	text = append(text, []rune("𪚥𠮷𡈽")...)
	c := buildCorpus([]nodeSpec{{"", string(text)}}, []nodeSpec{{string(text[10:]), "落户"}})
	want := New(c).AppendBinary(nil)
	for range 5 {
		if !bytes.Equal(New(c).AppendBinary(nil), want) {
			t.Fatal("two builds of one corpus stored differently")
		}
	}
}
