package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
	"unicode"

	"policyreader/corpus/internal/lazyre"
)

// PDF text comes from poppler's pdftotext, the engine that gets Chinese
// PDFs right: CID fonts through their ToUnicode maps, one line per printed
// line, columns in the order they were written. (A pure-Go reader tried on the same
// fixtures, github.com/ledongthuc/pdf, reads the characters but breaks a
// line at every font change, so 发改能源规〔2020〕816号 came out over five
// lines.) The reader says what to install when pdftotext is missing.

// ErrNoPDFTool reports that pdftotext is not installed.
var ErrNoPDFTool = errors.New("reading PDF needs pdftotext: install poppler-utils (apt-get install poppler-utils, brew install poppler)")

// ErrNoTextLayer reports a PDF whose pages are images.
var ErrNoTextLayer = errors.New("PDF has no text layer: it needs OCR")

// pdfTimeout bounds one pdftotext run.
const pdfTimeout = 60 * time.Second

// PDF reads a PDF's text layer with pdftotext, then removes page numbers
// (— 3 —, - 3 -, 第3页, 3/10) and running headers and footers (a line
// printed at the top or bottom of most pages). Lines broken by the page
// width are rejoined into paragraphs by the parser, as in any text.
func PDF(data []byte) (*Result, error) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPDFTool
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	// -raw keeps the order the text was written in, which is the reading
	// order of the office suites policy PDFs come from; pdftotext's own
	// reading-order guess read the right column of a two-column page first.
	cmd := exec.CommandContext(ctx, tool, "-raw", "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out := &cappedBuffer{limit: MaxInputSize}
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		switch {
		case out.over:
			return nil, TooLarge("PDF text", int64(out.Len())+1, MaxInputSize)
		case ctx.Err() != nil:
			return nil, fmt.Errorf("pdftotext took longer than %v: %w", pdfTimeout, ctx.Err())
		case strings.Contains(msg, "password"):
			return nil, fmt.Errorf("encrypted PDF: open it with its password and save an unprotected copy (%w)", err)
		case msg != "":
			return nil, fmt.Errorf("not a readable PDF (pdftotext: %s): %w", errorLine(msg), err)
		}
		return nil, fmt.Errorf("pdftotext: %w", err)
	}
	text := out.String()
	if !hasLetters(text) {
		return nil, ErrNoTextLayer
	}
	res := &Result{}
	res.Text = cleanPages(strings.Split(text, "\f"), &res.Dropped)
	return res, nil
}

// cappedBuffer holds what pdftotext writes up to limit bytes; past it the
// write fails, so the copy stops and pdftotext ends on a broken pipe. A
// small PDF can expand to gigabytes of text (one page stream shared by
// thousands of pages).
type cappedBuffer struct {
	bytes.Buffer
	limit int
	over  bool
}

// errTextTooLarge stops the copy from pdftotext.
var errTextTooLarge = errors.New("PDF text over the size limit")

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.Len()+len(p) > c.limit {
		c.over = true
		return 0, errTextTooLarge
	}
	return c.Buffer.Write(p)
}

// rePageNumber matches a line that is only a page number.
var rePageNumber = lazyre.New(`^[-—–－−\s]*\d{1,4}[-—–－−\s]*$|^第\s*\d{1,4}\s*页(\s*[/，,]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$|^(page|Page|PAGE)\s*\d{1,4}(\s*of\s*\d{1,4})?$`)

// minRunningPages is how many pages a line must head or foot to be a
// running header or footer.
const minRunningPages = 3

// cleanPages joins pages, dropping page numbers at the top or bottom of a
// page and lines repeated at the top or bottom of most pages.
func cleanPages(pages []string, dropped *[]Dropped) string {
	split := make([][]string, 0, len(pages))
	for _, p := range pages {
		lines := strings.Split(p, "\n")
		for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			split = append(split, lines)
		}
	}
	// A running line: the same text (digits aside) at the top or bottom of
	// at least half the pages, and of minRunningPages.
	edge := map[string]int{}
	for _, lines := range split {
		seen := map[string]bool{}
		for _, l := range edges(lines) {
			k := runningKey(l)
			if k != "" && !seen[k] {
				seen[k] = true
				edge[k]++
			}
		}
	}
	running := func(l string) bool {
		n := edge[runningKey(l)]
		return n >= minRunningPages && n*2 >= len(split)
	}
	var out []string
	for _, lines := range split {
		top, bottom := 0, len(lines)
		for top < bottom && isEdgeNoise(lines[top], running) {
			*dropped = append(*dropped, Dropped{Reason: edgeReason(lines[top]), Text: lines[top]})
			top++
		}
		for bottom > top && isEdgeNoise(lines[bottom-1], running) {
			*dropped = append(*dropped, Dropped{Reason: edgeReason(lines[bottom-1]), Text: lines[bottom-1]})
			bottom--
		}
		out = append(out, lines[top:bottom]...)
	}
	return strings.Join(out, "\n")
}

// edges returns the first and last two lines of a page, where headers,
// footers and page numbers sit.
func edges(lines []string) []string {
	if len(lines) <= 4 {
		return lines
	}
	return []string{lines[0], lines[1], lines[len(lines)-2], lines[len(lines)-1]}
}

// runningKey is a line with its digits and spaces taken out, so "— 3 —"
// and "— 4 —" or a header with its page number count as one.
func runningKey(l string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, l)
}

func isEdgeNoise(l string, running func(string) bool) bool {
	t := strings.TrimSpace(l)
	return t == "" || rePageNumber.MatchString(t) || running(l)
}

func edgeReason(l string) string {
	if t := strings.TrimSpace(l); t == "" || rePageNumber.MatchString(t) {
		return "page number"
	}
	return "running header"
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// errorLine picks the line of pdftotext's messages that says what failed:
// the first "Error" line, else the first line.
func errorLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Error") {
			return strings.TrimSpace(l)
		}
	}
	return firstLine(s)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
