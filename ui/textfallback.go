package ui

// This file is a stop-gap copy of the ui/textlayout API (Wrap, Sanitize,
// Table, Truncate) so the reader compiles before that package lands. Delete
// it and call textlayout directly once it exists.

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// textLine is one wrapped line: runes [Start, End) of the wrapped text.
type textLine struct{ Start, End int }

// wrapText breaks text into lines of at most width columns at Unicode line
// break opportunities (UAX #14), hard-breaking only a run wider than width.
func wrapText(text string, width int) []textLine {
	if width < 1 {
		width = 1
	}
	var lines []textLine
	lineStart, pos, lineWidth := 0, 0, 0
	state := -1
	rest := text
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		body := strings.TrimRight(seg, " \n\r")
		segRunes := len([]rune(seg))
		bw := ansi.StringWidth(body)
		if lineWidth > 0 && lineWidth+bw > width {
			lines = append(lines, textLine{lineStart, pos})
			lineStart, lineWidth = pos, 0
		}
		if bw > width { // hard-break by grapheme clusters
			gs, gstate := seg, -1
			gpos := pos
			for len(gs) > 0 {
				var cl string
				var w int
				cl, gs, w, gstate = uniseg.FirstGraphemeClusterInString(gs, gstate)
				if lineWidth > 0 && lineWidth+w > width && strings.TrimSpace(cl) != "" {
					lines = append(lines, textLine{lineStart, gpos})
					lineStart, lineWidth = gpos, 0
				}
				lineWidth += w
				gpos += len([]rune(cl))
			}
		} else {
			lineWidth += ansi.StringWidth(strings.TrimRight(seg, "\n\r"))
		}
		pos += segRunes
		if must && len(rest) > 0 {
			end := pos
			if strings.HasSuffix(seg, "\n") {
				end--
			}
			lines = append(lines, textLine{lineStart, end})
			lineStart, lineWidth = pos, 0
		}
	}
	end := pos
	if strings.HasSuffix(text, "\n") {
		end--
	}
	if end > lineStart || len(lines) == 0 {
		lines = append(lines, textLine{lineStart, end})
	}
	return lines
}

// sanitizeText replaces every control rune with a visible one, rune for rune.
func sanitizeText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r) || r == 0x7f:
			return '\uFFFD'
		}
		return r
	}, s)
}

// tableLines lays out rows as aligned columns fitting width.
func tableLines(rows [][]string, width int) []string {
	var cols []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(cols) {
				cols = append(cols, 0)
			}
			cols[i] = max(cols[i], ansi.StringWidth(c))
		}
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", cols[i]-ansi.StringWidth(c)))
			}
		}
		out = append(out, truncateText(b.String(), width))
	}
	return out
}

// truncateText cuts s to width columns, ending in … when cut.
func truncateText(s string, width int) string {
	return ansi.Truncate(s, width, "…")
}
