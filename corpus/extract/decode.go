package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary reports input that is not text in any supported encoding.
var ErrBinary = errors.New("not a text file (binary data)")

// Decode turns raw file bytes into UTF-8 text. It honours byte-order marks
// (UTF-8, UTF-16LE, UTF-16BE), accepts valid UTF-8, and otherwise decodes as
// GB18030 (a superset of GBK and GB2312, what most Chinese government
// downloads use). Data with NUL bytes or many control characters outside a
// UTF-16 BOM is refused as binary.
func Decode(data []byte) (string, error) {
	var enc encoding.Encoding
	bom := false
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, bom = data[3:], true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case utf16Order(data) == littleEndian:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case utf16Order(data) == bigEndian:
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case utf8.Valid(data):
	case mostlyUTF8(data):
		// A UTF-8 file cut mid-character (an interrupted download) or with
		// a stray bad byte: decoding it as GB18030 would turn every
		// character into mojibake, so the bad bytes become U+FFFD instead.
		data = []byte(strings.ToValidUTF8(string(data), "\uFFFD"))
	default:
		enc = simplifiedchinese.GB18030
	}
	text := string(data)
	// Every way but a UTF-8 BOM's leaves valid UTF-8: checked, repaired
	// or decoded.
	valid := !bom
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode %s: %w", encName(enc), err)
		}
		text = string(out)
		valid = utf8.ValidString(text)
	}
	if !valid {
		valid = utf8.ValidString(text)
	}
	if looksBinaryKnown(text, valid) {
		return "", ErrBinary
	}
	return text, nil
}

// utf8Evidence is how many valid multi-byte UTF-8 sequences per invalid
// byte make text UTF-8 with a few bad bytes (a file cut mid-character, a
// stray byte) rather than GBK/GB18030. Chinese GB18030 text read as UTF-8
// yields at most 0.6 valid sequences per invalid byte (measured on 17 real
// documents, whole and cut to 300 and 60 bytes); UTF-8 text with one bad
// byte yields as many as it has characters.
const utf8Evidence = 5

// mostlyUTF8 reports data that is UTF-8 but for a few invalid bytes,
// decided on the evidence of its valid multi-byte sequences.
func mostlyUTF8(data []byte) bool {
	var bad, multi int
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		i += size
	}
	return multi >= utf8Evidence*bad
}

// byteOrder is the byte order of UTF-16 text, or none.
type byteOrder int

const (
	notUTF16 byteOrder = iota
	littleEndian
	bigEndian
)

// utf16Order recognises UTF-16 without a byte-order mark by its zero
// bytes: the ASCII in a document (digits, punctuation, line ends) puts a
// zero in the high byte of its code units, so zeros gather at odd offsets
// (little-endian) or at even ones (big-endian), while UTF-8 and GB18030
// text has no zero bytes at all.
func utf16Order(data []byte) byteOrder {
	if len(data) < 4 || len(data)%2 != 0 {
		return notUTF16
	}
	n := min(len(data), 1<<16)
	var even, odd int
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	// Some CJK characters end in a zero byte too (一 is U+4E00), so the
	// test is a clear majority on one side, not none on the other.
	units := n / 2
	switch {
	case odd*20 >= units && odd >= 8*even:
		return littleEndian
	case even*20 >= units && even >= 8*odd:
		return bigEndian
	}
	return notUTF16
}

func encName(enc encoding.Encoding) string {
	if enc == simplifiedchinese.GB18030 {
		return "GB18030"
	}
	return "UTF-16"
}

// looksBinary reports whether decoded text contains NUL characters, the
// replacement character in bulk, or a high share of control characters.
func looksBinary(s string) bool { return looksBinaryKnown(s, utf8.ValidString(s)) }

// looksBinaryKnown is looksBinary for text whose validity as UTF-8 the
// caller knows. Control characters are single bytes that never occur
// inside a longer sequence, so the usual verdict — no NUL, no control
// character, no replacement character — is reached on bytes; only text
// with some is looked at rune by rune.
func looksBinaryKnown(s string, valid bool) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			return looksBinaryRunes(s)
		}
	}
	if !valid || strings.Contains(s, string(utf8.RuneError)) {
		return looksBinaryRunes(s)
	}
	return false
}

// looksBinaryRunes is looksBinary rune by rune, for text that is not valid
// UTF-8 (each invalid byte counts as a replacement character).
func looksBinaryRunes(s string) bool {
	var n, ctrl, bad int
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return true
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != 0x1b:
			ctrl++
		}
	}
	if n == 0 {
		return false
	}
	return ctrl*20 > n || bad*10 > n
}
