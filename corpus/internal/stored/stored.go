// Package stored writes and reads the stored form of an index: a header of
// native-endian integers and arrays, each aligned to 8 bytes from the
// form's start, so a reader maps the file and uses the arrays in place
// instead of decoding them.
package stored

import (
	"encoding/binary"
	"fmt"
	"io"
	"unsafe"
)

// Writer writes a stored form to an io.Writer, or appends it to a buffer
// when W is nil. Its first error sticks (Err).
type Writer struct {
	Buf []byte    // bytes not yet written to W (all of them when W is nil)
	W   io.Writer // nil: the form is appended to Buf
	n   int       // bytes already written to W
	Err error
}

// Size is the bytes written so far: offsets are aligned relative to the
// stored form's start.
func (w *Writer) Size() int { return w.n + len(w.Buf) }

// Raw writes b; a large b goes straight to W, not through the buffer.
func (w *Writer) Raw(b []byte) {
	if w.W == nil || len(b) < 64<<10 {
		w.Buf = append(w.Buf, b...)
		if w.W != nil && len(w.Buf) >= 1<<20 {
			w.Flush() // many small writes: keep the buffer small
		}
		return
	}
	w.Flush()
	if w.Err == nil {
		k, err := w.W.Write(b)
		w.n, w.Err = w.n+k, err
	}
}

// Flush writes the buffered bytes to W.
func (w *Writer) Flush() {
	if w.W != nil && len(w.Buf) > 0 && w.Err == nil {
		k, err := w.W.Write(w.Buf)
		w.n, w.Err = w.n+k, err
		w.Buf = w.Buf[:0]
	}
}

// U32 writes v.
func (w *Writer) U32(v uint32) { w.Buf = binary.NativeEndian.AppendUint32(w.Buf, v) }

// U64 writes each of vs.
func (w *Writer) U64(vs ...uint64) {
	for _, v := range vs {
		w.Buf = binary.NativeEndian.AppendUint64(w.Buf, v)
	}
}

// Align pads with zeros to a multiple of 8 bytes.
func (w *Writer) Align() {
	for w.Size()%8 != 0 {
		w.Buf = append(w.Buf, 0)
	}
}

// Section writes an aligned array.
func (w *Writer) Section(b []byte) {
	w.Align()
	w.Raw(b)
	w.Align()
}

// AsBytes returns the memory of s as bytes, without copying.
func AsBytes[T int32 | uint32 | uint64 | float32](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0])))
}

// Reader reads a stored form in place. Its first error sticks (Err),
// wrapping Base with what was wrong and where.
type Reader struct {
	Buf  []byte
	Base error // the sentinel every error wraps
	off  int
	Err  error
}

// Aligned reports whether b starts at an 8-byte boundary, as a stored
// form read in place must (its arrays are aligned from its start).
func Aligned(b []byte) bool { return uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 }

// Fail records why the form is unusable, unless an error came first.
func (r *Reader) Fail(why string) {
	if r.Err == nil {
		r.Err = fmt.Errorf("%w: %s at byte %d", r.Base, why, r.off)
	}
}

// Raw returns the next k bytes, or nil (and fails) past the end.
func (r *Reader) Raw(k int) []byte {
	if r.Err != nil || k < 0 || k > len(r.Buf)-r.off {
		r.Fail("truncated")
		return nil
	}
	b := r.Buf[r.off : r.off+k]
	r.off += k
	return b
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	b := r.Raw(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// U32 reads a uint32.
func (r *Reader) U32() uint32 {
	b := r.Raw(4)
	if b == nil {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

// U64 reads a uint64.
func (r *Reader) U64() uint64 {
	b := r.Raw(8)
	if b == nil {
		return 0
	}
	return binary.NativeEndian.Uint64(b)
}

// Left is how many bytes remain unread.
func (r *Reader) Left() int { return len(r.Buf) - r.off }

// Align skips the padding to a multiple of 8 bytes.
func (r *Reader) Align() {
	if pad := (8 - r.off%8) % 8; pad > 0 {
		r.Raw(pad)
	}
}

// Section reads an aligned array of k elements in place (nil for none or
// on failure).
func Section[T byte | int32 | uint32 | uint64 | float32](r *Reader, k int) []T {
	r.Align()
	var zero T
	size := int(unsafe.Sizeof(zero))
	if k < 0 || k > (len(r.Buf)-r.off)/size {
		r.Fail("section past the end")
		return nil
	}
	b := r.Raw(k * size)
	r.Align()
	if k == 0 || b == nil {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), k)
}
