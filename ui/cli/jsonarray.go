package cli

import (
	"bytes"
	"encoding/json"
	"io"
)

// jsonArray writes a JSON array an element at a time — for a command that
// drops each element once written — byte for byte as writeJSON writes the
// whole slice.
type jsonArray struct {
	w io.Writer
	n int
}

// newJSONArray starts an array on w (beneath the terminal sanitiser, as
// writeJSON does).
func newJSONArray(w io.Writer) (*jsonArray, error) {
	if t, ok := w.(*terminalSafe); ok {
		if err := t.Flush(); err != nil {
			return nil, err
		}
		w = t.w
	}
	return &jsonArray{w: w}, nil
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	var buf bytes.Buffer
	if a.n == 0 {
		buf.WriteString("[\n  ")
	} else {
		buf.WriteString(",\n  ")
	}
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	a.n++
	_, err := a.w.Write(escapeJSONControls(buf.Bytes()))
	return err
}

// close ends the array.
func (a *jsonArray) close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
