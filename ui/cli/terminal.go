package cli

import (
	"io"
	"strings"

	"policyreader/ui/textlayout"
)

// terminalSafe wraps a writer so that nothing a document contains can act
// on the terminal: escape sequences, control and bidirectional formatting
// characters come out as visible substitutes (textlayout.Sanitize), one rune
// for one, while the tabs and newlines of the output's own layout pass
// through. JSON output is unaffected apart from bidi controls, since the
// encoder already escapes control characters.
type terminalSafe struct{ w io.Writer }

// Write sanitises p and writes it whole; it reports len(p) on success.
func (t terminalSafe) Write(p []byte) (int, error) {
	cells := strings.Split(string(p), "\t")
	for i, c := range cells {
		cells[i] = textlayout.Sanitize(c)
	}
	if _, err := io.WriteString(t.w, strings.Join(cells, "\t")); err != nil {
		return 0, err
	}
	return len(p), nil
}
