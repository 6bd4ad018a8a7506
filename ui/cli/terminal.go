package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"policyreader/ui/textlayout"
)

// terminalSafe wraps a writer so that nothing a document contains can act
// on the terminal: escape sequences, control and bidirectional formatting
// characters come out as visible substitutes (textlayout.Sanitize), one rune
// for one, while the tabs and newlines of the output's own layout pass
// through. It is a stream: a character split across two writes (a buffered
// writer flushes every 4 KiB) is held back until it is whole, so it is
// never mistaken for invalid bytes; Flush writes what is held at the end.
//
// JSON output does not pass through it: writeJSON writes to the writer
// underneath, escaping what a terminal could act on.
type terminalSafe struct {
	w       io.Writer
	pending []byte // the start of a character the next write completes
}

// Write sanitises p and writes it; it reports len(p) on success.
func (t *terminalSafe) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	cut := completeUTF8(data)
	if cut < len(data) {
		t.pending = append([]byte(nil), data[cut:]...)
	}
	if err := t.write(data[:cut]); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t *terminalSafe) write(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	cells := strings.Split(string(p), "\t")
	for i, c := range cells {
		cells[i] = textlayout.Sanitize(c)
	}
	_, err := io.WriteString(t.w, strings.Join(cells, "\t"))
	return err
}

// Flush writes a character left incomplete at the end of the output (as
// the replacement character it then is).
func (t *terminalSafe) Flush() error {
	p := t.pending
	t.pending = nil
	return t.write(p)
}

// completeUTF8 returns the length of the longest prefix of p that does not
// end inside a UTF-8 sequence that more bytes could still complete.
func completeUTF8(p []byte) int {
	for back := 1; back <= utf8.UTFMax-1 && back <= len(p); back++ {
		b := p[len(p)-back]
		if utf8.RuneStart(b) {
			if b >= 0xC0 && !utf8.FullRune(p[len(p)-back:]) {
				return len(p) - back
			}
			return len(p)
		}
	}
	return len(p)
}

// writeJSON writes v as indented JSON to w — beneath the terminal
// sanitiser when w is one: JSON stays exact for scripts, and the runes a
// terminal could act on that encoding/json leaves raw (DEL, the C1
// controls, bidirectional controls, prepended concatenation marks) are
// written as \u escapes, which decode to the same data.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if t, ok := w.(*terminalSafe); ok {
		if err := t.Flush(); err != nil {
			return err
		}
		w = t.w
	}
	_, err := w.Write(escapeJSONControls(buf.Bytes()))
	return err
}

// escapeJSONControls rewrites, in encoded JSON, every rune a terminal
// could act on as a \u escape. Such runes occur only inside strings (JSON's
// own syntax is ASCII), where the escape means the same character.
func escapeJSONControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, needsJSONEscape) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if needsJSONEscape(r) {
			if r > 0xFFFF {
				r1, r2 := utf16Pair(r)
				out.WriteString(jsonEscape(r1) + jsonEscape(r2))
			} else {
				out.WriteString(jsonEscape(r))
			}
		} else {
			out.Write(b[i : i+size])
		}
		i += size
	}
	return out.Bytes()
}

func needsJSONEscape(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x0600 && r <= 0x0605, r == 0x06dd, r == 0x070f, r == 0x0890, r == 0x0891, r == 0x08e2, r == 0x110bd, r == 0x110cd:
		return true
	}
	return false
}

const hexDigits = "0123456789abcdef"

func jsonEscape(r rune) string {
	return `\u` + string([]byte{hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF]})
}

// utf16Pair splits a rune beyond the BMP into its surrogate pair.
func utf16Pair(r rune) (rune, rune) {
	r -= 0x10000
	return 0xD800 + (r>>10)&0x3FF, 0xDC00 + r&0x3FF
}
