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
	// PageTitle is what a saved page's <title> names and the page prints
	// as a line of its own: the title only when the text gives none and it
	// reads as a document's (the parser decides), never the site's name.
	// Single spaces between its words are kept (国家发展改革委 国家数据局关于…).
	PageTitle string
	// Title is the document's title.
	Title string
	// Issuers are the issuing bodies.
	Issuers []string
	// DocNumber is the 文号.
	DocNumber string
	// Date is the issue date as YYYY-MM-DD.
	Date string

	// coissuers are the joint issuers a field names apart (联合发文单位),
	// put after the lead's by finishIssuers.
	coissuers []string
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

// MaxInputSize is the largest input the reader takes on any path — a
// file of a folder, a file named on the command line, standard input
// (64 MiB). Policy documents are far smaller; anything bigger is refused
// with a reason rather than risking the reader's memory.
const MaxInputSize = 64 << 20

// TooLarge is the error for input of size bytes over limit: sizes are
// printed to the byte, so one byte over the limit does not read as equal
// to it.
func TooLarge(what string, size, limit int64) error {
	return fmt.Errorf("%s too large (%s; the limit is %s)", what, formatSize(size), formatSize(limit))
}

func tooLarge(what string, size, limit int) error { return TooLarge(what, int64(size), int64(limit)) }

// formatSize prints a byte count exactly, with its size in MiB when large:
// "67108865 bytes (64.0 MiB)", "64 MiB" for a whole number of MiB.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// mergeMeta fills the fields of dst that state nothing from src.
func mergeMeta(dst *Meta, src Meta) {
	if dst.PageTitle == "" {
		dst.PageTitle = src.PageTitle
	}
	if dst.Title == "" {
		dst.Title = src.Title
	}
	if len(dst.Issuers) == 0 {
		dst.Issuers = src.Issuers
	}
	if dst.DocNumber == "" {
		dst.DocNumber = src.DocNumber
	}
	if dst.Date == "" {
		dst.Date = src.Date
	}
}
