package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"policyreader/corpus"
	"policyreader/corpus/extract"
	"policyreader/corpus/highlight"
)

// highlightJSON is the output of `highlight --json`.
type highlightJSON struct {
	Spans []spanJSON `json:"spans"`
}

// runHighlight prints the target, body and figure spans of the text on
// stdin: `highlight [--json]`. Offsets count runes of the input; input that
// is not UTF-8 (UTF-16 or GB18030) is decoded first and offsets count runes
// of the decoded text.
func runHighlight(env Env, opts Options, args []string) error {
	fset := newFlagSet("highlight", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("highlight: takes no arguments (it reads the text on stdin), got %q", rest[0])
	}
	if env.Stdin == nil {
		return failf("highlight: no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, corpus.MaxFileSize+1))
	if err != nil {
		return failf("highlight: read stdin: %w", err)
	}
	if len(data) > corpus.MaxFileSize {
		// Say how much there was without holding it: count the rest.
		rest, _ := io.Copy(io.Discard, env.Stdin)
		return failf("highlight: %w", extract.TooLarge("standard input", int64(len(data))+rest, corpus.MaxFileSize))
	}
	text := string(data)
	if !utf8.Valid(data) || strings.HasPrefix(text, "\xfe\xff") || strings.HasPrefix(text, "\xff\xfe") {
		if text, err = corpus.Decode(data); err != nil {
			return failf("highlight: stdin: %w", err)
		}
	}
	return printHighlights(env.Stdout, text, highlight.Find(text), opts.JSON)
}

// printHighlights writes spans over text as JSON or one per line:
// kind, start-end (rune offsets, end exclusive) and the marked text.
func printHighlights(w io.Writer, text string, spans []highlight.Span, asJSON bool) error {
	if asJSON {
		if err := writeJSON(w, highlightJSON{Spans: spansJSON(text, spans)}); err != nil {
			return failf("write spans: %w", err)
		}
		return nil
	}
	var b strings.Builder
	for _, s := range spansJSON(text, spans) {
		fmt.Fprintf(&b, "%s\t%d-%d\t%s\n", s.Kind, s.Start, s.End, strings.Join(strings.Fields(s.Text), " "))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return failf("write spans: %w", err)
	}
	return nil
}
