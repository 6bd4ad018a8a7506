// Package extract turns a file of any supported format — plain text,
// markdown, a web page, a Word file, a PDF — into the text of the document
// plus the structure hints the format carries (its own title and metadata
// fields), for the parser to read. Each format has one extractor; all are
// listed in one table (formats.go), chosen by file extension and leading
// bytes.
package extract

import (
	"errors"
	"fmt"
)

// Result is what an extractor makes of a file.
type Result struct {
	// Text is the document's text: one paragraph, heading or table row a
	// line, table cells separated by tabs.
	Text string
	// Meta holds what the format states outright about the document.
	Meta Meta
	// Dropped lists what the extractor removed from the file's visible
	// text (page chrome, a metadata table, running headers, page
	// numbers), each with its reason, so nothing is lost unaccounted.
	Dropped []Dropped
}

// Meta is metadata a format states outright: a web page's 标题/发文机关/
// 发文字号/成文日期 table, a Word file's Title paragraph. Empty fields are
// left to the parser to find in the text.
type Meta struct {
	// Title is the document's title.
	Title string
	// Issuers are the issuing bodies.
	Issuers []string
	// DocNumber is the 文号.
	DocNumber string
	// Date is the issue date as YYYY-MM-DD.
	Date string
}

// Dropped is a piece of visible text an extractor removed, with why.
type Dropped struct {
	// Reason says why: "page chrome", "metadata", "script",
	// "running header", "page number".
	Reason string
	// Text is what was removed.
	Text string
}

// ErrLegacy reports a file in a format the reader cannot open, with how to
// convert it.
var ErrLegacy = errors.New("unsupported format")

// tooLarge is the error for a file over a format's size limit.
func tooLarge(what string, size, limit int) error {
	return fmt.Errorf("%s too large (%.1f MiB; the limit is %d MiB)", what, float64(size)/(1<<20), limit>>20)
}
