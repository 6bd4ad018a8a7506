package corpus

import (
	"encoding/binary"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestCodecRoundTrip: every document of the seeds and the test data —
// policies, laws, saved pages, Word and PDF files — decodes to the
// document encoded, field for field, with and without annotations.
func TestCodecRoundTrip(t *testing.T) {
	for _, dir := range []string{seedDir, "testdata"} {
		for _, annotate := range []bool{true, false} {
			c, _ := LoadPathsContext(t.Context(), []string{dir}, LoadOptions{NoAnnotations: !annotate})
			if len(c.Docs) < 5 {
				t.Fatalf("%s: %d documents", dir, len(c.Docs))
			}
			for _, d := range c.Docs {
				buf := AppendDocument(nil, d, annotate)
				got, annotated, err := DecodeDocument(buf)
				if err != nil {
					t.Fatalf("%s: %v", d.ID, err)
				}
				if annotated != annotate || !reflect.DeepEqual(got, d) {
					t.Errorf("%s (annotate=%v): decoded document differs", d.ID, annotate)
				}
				// Every prefix is refused, never a panic or a short tree.
				for _, cut := range []int{0, 1, len(buf) / 3, len(buf) / 2, len(buf) - 1} {
					if _, _, err := DecodeDocument(buf[:cut]); err == nil {
						t.Errorf("%s: %d of %d bytes decoded without an error", d.ID, cut, len(buf))
					}
				}
				// With the texts apart, in a region after another
				// document's: the same document, and a region cut short
				// is refused.
				text := AppendTexts([]byte("前一个文件的正文"), c.Docs[0])
				start := len(text)
				apart, end := AppendDocumentApart(nil, d, annotate, d.Short, start)
				text = AppendTexts(text, d)
				if end != len(text) {
					t.Fatalf("%s: texts end at %d, the region at %d", d.ID, end, len(text))
				}
				got, annotated, err = DecodeDocumentApart(apart, text)
				if err != nil || annotated != annotate || !reflect.DeepEqual(got, d) {
					t.Errorf("%s (annotate=%v): decoded apart, document differs (%v)", d.ID, annotate, err)
				}
				if len(text) > start {
					if _, _, err := DecodeDocumentApart(apart, text[:len(text)-1]); err == nil {
						t.Errorf("%s: decoded apart with its text region cut short", d.ID)
					}
				}
			}
		}
	}
}

// FuzzDecodeDocument: whatever the bytes, a document or an error.
func FuzzDecodeDocument(f *testing.F) {
	c, _ := LoadPaths([]string{seedDir + "/jiangxi-2020-social-mobility-implementation.txt"})
	f.Add(AppendDocument(nil, c.Docs[0], true))
	f.Add([]byte{0, 1, 'a'})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := DecodeDocument(data)
		if err == nil {
			d.Walk(func(n *Node) bool { _ = n.Title(); _ = n.Path(); return true })
		}
		// The same bytes as a document with its texts apart, in a region
		// of half of them.
		d, _, err = DecodeDocumentApart(data, data[:len(data)/2])
		if err == nil {
			d.Walk(func(n *Node) bool { _, _ = n.Title(), strings.Count(n.Text, "。"); return true })
		}
	})
}

// TestDecodeBoundsAllocation: nested claims of many nodes in a short
// buffer (each level claiming what the buffer could hold) cannot make the
// decoder allocate far more than the buffer: the claims share the bytes.
func TestDecodeBoundsAllocation(t *testing.T) {
	head := AppendDocument(nil, &Document{}, false)
	head = head[:len(head)-1] // the children's length comes next
	const size = 1 << 20
	buf := append([]byte(nil), head...)
	for level := 0; level < maxDecodeDepth; level++ {
		claim := (size - len(buf)) / nodeMinBytes
		buf = binary.AppendUvarint(buf, uint64(claim+1))
		buf = append(buf, make([]byte, nodeMinBytes-1)...) // one empty node, children next
	}
	buf = append(buf, make([]byte, size-len(buf))...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, _, err := DecodeDocument(buf); err == nil {
		t.Fatal("a crafted buffer decoded")
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64*size {
		t.Errorf("decoding %d bytes allocated %d MB", size, alloc>>20)
	}
}
