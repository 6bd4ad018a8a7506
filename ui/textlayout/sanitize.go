package textlayout

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes document text harmless to print on a terminal while keeping
// a one-to-one rune mapping: rune i of the result stands for rune i of s, so
// rune offsets computed on s (highlight spans, search matches, [Wrap] lines)
// are valid on the result, and utf8.RuneCountInString is unchanged.
//
// The substitutions are:
//   - ESC (which starts every ANSI escape sequence: CSI, OSC, DCS …) becomes
//     ␛ (U+241B); the rest of the sequence stays as plain, visible text,
//     so "\x1b[31m" prints as "␛[31m" and is never interpreted;
//   - every other C0 control except \n becomes its Control Pictures symbol
//     U+2400+c (␀ … ␟, e.g. BEL → ␇), and DEL becomes ␡ (U+2421);
//   - \t becomes one space (tab stops depend on the terminal, and one cell
//     keeps both the mapping and the width predictable);
//   - \r followed by \n becomes a space, which Wrap trims as trailing
//     white space, so CRLF text wraps like LF text; a lone \r becomes ␍;
//   - C1 controls (U+0080 … U+009F, among them the 8-bit CSI U+009B) and each
//     byte of invalid UTF-8 become U+FFFD �, so no raw 0x80–0x9F byte that an
//     8-bit terminal could act on survives;
//   - bidirectional embedding, override and isolate controls (U+202A …
//     U+202E, U+2066 … U+2069), which make a terminal that honours them
//     show text reversed or reordered, become U+FFFD � too;
//   - so do prepended concatenation marks (U+0600 … U+0605, U+06DD,
//     U+070F …), which fuse with the next character and would swallow the
//     space that pads a table cell.
//
// Every substitute is one cell wide as x/ansi measures it. Text with nothing
// to replace is returned as is, without allocating.
func Sanitize(s string) string {
	first := firstUnsafe(s)
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r >= 0x80 && r <= 0x9f, isBidiControl(r), isPrependedMark(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the byte offset of the first rune Sanitize must
// replace, or -1 if there is none.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || isPrependedMark(r) {
			return i
		}
		i += size
	}
	return -1
}

// isBidiControl reports the explicit bidirectional formatting characters
// that reorder the text around them: LRE, RLE, PDF, LRO, RLO and the
// isolates LRI, RLI, FSI, PDI.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isPrependedMark reports a prepended concatenation mark (U+0600–U+0605,
// U+06DD, U+070F, U+0890–U+0891, U+08E2, U+110BD, U+110CD): it joins the
// character after it into one cluster, so text measured before padding
// absorbs the padding and shifts whatever follows on the line.
func isPrependedMark(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06dd, r == 0x070f, r == 0x0890, r == 0x0891, r == 0x08e2, r == 0x110bd, r == 0x110cd:
		return true
	}
	return false
}
