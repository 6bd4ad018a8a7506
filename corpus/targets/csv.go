package targets

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// CSVHeader names the columns WriteCSV writes.
var CSVHeader = []string{"document", "year", "target", "statement", "context", "clause", "id", "start", "end"}

// WriteCSV writes ts as CSV, one target a row under CSVHeader: the
// document's label, the deadline year (empty when none), the phrase, the
// statement that makes it readable, a table cell's context, the clause,
// the node ID and the phrase's rune offsets in the node's text.
func WriteCSV(w io.Writer, ts []Target) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write targets CSV: %w", err)
	}
	for _, t := range ts {
		year := ""
		if t.Year != 0 {
			year = strconv.Itoa(t.Year)
		}
		rec := []string{t.DocLabel, year, t.Phrase, t.Statement, t.Context, t.Clause, t.ID(), strconv.Itoa(t.Start), strconv.Itoa(t.End)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write targets CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write targets CSV: %w", err)
	}
	return nil
}
