package textlayout

import (
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Line is one wrapped line: the runes Start (inclusive) to End (exclusive) of
// the wrapped text. Trailing white space and the line terminator are not part
// of a line, so End may equal Start for a blank line.
type Line struct {
	Start, End int
}

// Wrap breaks text into lines no wider than width terminal cells.
//
// Lines are broken only at Unicode line-break opportunities (UAX #14, as
// implemented by rivo/uniseg), so no line starts with closing punctuation
// such as ，。、；：）」”！？ and none ends with an opening bracket or quote
// such as （「“. Hard line breaks (\n, \r\n, \r, \v, \f, U+0085, U+2028,
// U+2029) always end a line, and a blank line is kept as an empty Line; a
// terminator at the very end of text starts no extra line: "甲\n" gives one
// line, "甲\n\n" two (the second empty) and "" none.
//
// When a run of text without a break opportunity is wider than width (a long
// URL, or a few CJK characters at a tiny width) it is broken between grapheme
// clusters, moving one cluster to the next line when that keeps a closing
// mark from starting a line or an opening mark from ending one. A grapheme
// cluster is never split, so a lone cluster wider than width (a wide
// character when width is 1) gets a line of its own and is the only way a
// line can exceed width. A width below 1 is treated as 1.
//
// Leading white space after a hard break (paragraph indentation such as
// "　　") is kept unless it leaves no room for the first word; white space at
// a soft break is dropped. Every rune that is not white space
// (unicode.IsSpace) belongs to exactly one line, and lines appear in text
// order.
//
// Widths are those of x/ansi (lipgloss), with one difference: a C0 or C1
// control character counts one cell, the width of the picture [Sanitize]
// prints for it. Wrap does not sanitise; wrap the output of [Sanitize] when
// the text comes from a document.
func Wrap(text string, width int) []Line {
	if width < 1 {
		width = 1
	}
	w := wrapper{limit: width}
	w.run(text)
	return w.lines
}

// wrapper holds the state of one Wrap call. Positions are rune offsets.
type wrapper struct {
	limit int
	lines []Line
	slow  bool // no fast paths: every cluster goes through uniseg (tests)

	start   int // first rune of the current line
	used    int // cells from start to the end of the last placed cluster
	content int // end of the last non-space cluster placed, or <= start if none

	// prev is the last non-space cluster placed, starting at prevStart,
	// prevWidth cells wide, an opening mark if prevOpen; beforePrev is the
	// end of the content before it, an opening mark if beforePrevOpen. They
	// let a forced break move prev down to keep punctuation off the wrong
	// end of a line.
	beforePrev, prevStart, prevWidth int
	prevOpen, beforePrevOpen         bool

	// indentEnd is where the first non-space cluster of the current line
	// starts, indentUsed the cells of white space before it.
	indentEnd, indentUsed int

	// The latest break opportunity on the current line: the line would end
	// at bpEnd (trailing space trimmed) and the next one start at bpNext,
	// which lies bpUsed cells after start.
	bpOK          bool
	bpEnd, bpNext int
	bpUsed        int
	// afterBP is where the first non-space cluster after that opportunity
	// starts (-1 until one is placed), afterUsed the cells before it: white
	// space the break leaves at the start of the next line (an ideographic
	// space before a mark that forbids a break) is dropped with it.
	afterBP, afterUsed int
}

// run wraps text, appending to w.lines.
func (w *wrapper) run(text string) {
	var (
		pos     int    // byte offset of the current cluster
		rpos    int    // rune offset of the current cluster
		gstate  = -1   // grapheme state
		lstate  = -1   // line-break state
		segEnd  int    // byte offset of the next line-break opportunity
		segs    string = text
		restart        = -1 // byte offset to restart line segmentation at, or -1
	)
	for pos < len(text) {
		var (
			cluster string
			n       int
			cw      = -1 // width, if known without measuring
		)
		r, size := utf8.DecodeRuneInString(text[pos:])
		if sw := simpleWidth(r); sw > 0 && gstate == -1 && !w.slow {
			// A simple rune followed by another (or by the end) is a
			// cluster of its own: skip the grapheme state machine.
			next, _ := utf8.DecodeRuneInString(text[pos+size:])
			if pos+size == len(text) || simpleWidth(next) > 0 {
				cluster, n, cw = text[pos:pos+size], 1, sw
			}
		}
		if cluster == "" {
			var ns int
			cluster, _, _, ns = uniseg.FirstGraphemeClusterInString(text[pos:], gstate)
			gstate = ns
			if cluster == "" { // cannot happen on non-empty input; guards the loop
				cluster = text[pos : pos+size]
			}
			n = runeCount(cluster)
			if pos+len(cluster) < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[pos+len(cluster):]); simpleWidth(next) > 0 {
					// The next cluster starts with a simple rune: it
					// cannot continue this one, so the state restarts.
					gstate = -1
				}
			}
		}
		end := pos + len(cluster)
		var canBreak bool
		if next, _ := utf8.DecodeRuneInString(text[end:]); !w.slow && isHan(r) && isHan(next) {
			// UAX #14 always allows a break between two ideographs (ID ÷
			// ID), and no rule carries context across an ideograph, so the
			// segmenter can skip ahead and restart at the next one.
			canBreak, restart = true, end
		} else {
			if restart >= 0 {
				segs, lstate, segEnd, restart = text[restart:], -1, restart, -1
			}
			// Advance the line segmentation past this cluster's end; an
			// opportunity inside a cluster is ignored so clusters never
			// split.
			for segEnd < end && segs != "" {
				var seg string
				seg, segs, _, lstate = uniseg.FirstLineSegmentInString(segs, lstate)
				segEnd += len(seg)
			}
			canBreak = segEnd == end
		}

		if cw < 0 {
			cw = clusterWidth(cluster)
		}
		switch {
		case isTerminator(r):
			w.emit()
			w.newLine(rpos + n)
		case unicode.IsSpace(r) && n == 1:
			// White space; a space carrying a combining mark is content.
			w.used += cw
		default:
			w.place(rpos, rpos+n, cw, r)
		}
		if canBreak && !isTerminator(r) {
			w.bpOK, w.bpEnd, w.bpNext, w.bpUsed = true, w.content, rpos+n, w.used
			w.afterBP = -1
		}
		pos, rpos = end, rpos+n
	}
	if rpos > w.start {
		w.emit()
	}
}

// place puts the non-space cluster [p, q) of width cw on the current line,
// breaking the line first if it does not fit.
func (w *wrapper) place(p, q, cw int, r rune) {
	if w.bpOK && w.afterBP < 0 {
		w.afterBP, w.afterUsed = p, w.used
	}
	if w.used+cw > w.limit && w.bpOK && w.bpNext > w.start {
		// Break at the latest opportunity; drop it if it would only emit
		// leading white space.
		if w.bpEnd > w.start {
			w.lines = append(w.lines, Line{w.start, w.bpEnd})
		}
		if w.afterBP > w.bpNext {
			// Only white space between the opportunity and the next
			// content: the new line starts at the content.
			w.used -= w.afterUsed
			w.start = w.afterBP
		} else {
			w.used -= w.bpUsed
			w.start = w.bpNext
		}
		w.bpOK = false
	}
	if w.used+cw > w.limit {
		switch {
		case w.content <= w.start:
			// Only white space before this cluster: drop it.
			w.start, w.used = p, 0
		case w.indentEnd > w.start && w.used-w.indentUsed+cw <= w.limit:
			// Indentation that cannot be broken off (no-break spaces)
			// leaves no room for the first word: drop the indentation
			// rather than break the word.
			w.used -= w.indentUsed
			w.start = w.indentEnd
		case w.beforePrev > w.start && w.content == p && !w.beforePrevOpen &&
			(isNoStart(r) || w.prevOpen) && w.prevWidth+cw <= w.limit:
			// Forced break that would start a line with closing punctuation
			// or end one with an opening mark: move the previous cluster
			// down, provided something stays behind and both fit.
			w.lines = append(w.lines, Line{w.start, w.beforePrev})
			w.start, w.used = w.prevStart, w.prevWidth
		default:
			w.lines = append(w.lines, Line{w.start, w.content})
			w.start, w.used = p, 0
		}
		w.bpOK = false
	}
	if w.content <= w.start {
		w.indentEnd, w.indentUsed = p, w.used
	}
	w.beforePrevOpen = w.prevOpen && w.content > w.start
	w.beforePrev, w.prevStart, w.prevWidth, w.prevOpen = w.content, p, cw, isNoEnd(r)
	w.used += cw
	w.content = q
}

// emit ends the current line at its last non-space cluster.
func (w *wrapper) emit() {
	end := w.content
	if end < w.start {
		end = w.start
	}
	w.lines = append(w.lines, Line{w.start, end})
}

// newLine starts an empty line at rune offset at.
func (w *wrapper) newLine(at int) {
	w.start, w.used, w.content, w.bpOK = at, 0, at, false
	w.beforePrev = at
}

// runeCount counts the runes of a grapheme cluster, fast for the common
// single-rune case.
func runeCount(cluster string) int {
	if len(cluster) == 1 {
		return 1
	}
	if _, size := utf8.DecodeRuneInString(cluster); size == len(cluster) {
		return 1
	}
	return utf8.RuneCountInString(cluster)
}

// clusterWidth returns the display width of one grapheme cluster as x/ansi
// measures it, except that control characters count one cell (the width of
// the control picture Sanitize substitutes) and each invalid UTF-8 byte
// counts as U+FFFD.
func clusterWidth(cluster string) int {
	if len(cluster) == 1 {
		return 1 // printable ASCII is 1 cell; a control becomes a 1-cell picture
	}
	r, _ := utf8.DecodeRuneInString(cluster)
	if isControl(r) {
		return 1
	}
	if !utf8.ValidString(cluster) {
		// Measure invalid bytes as the U+FFFD that Sanitize (and a
		// []rune conversion) makes of each.
		cluster = string([]rune(cluster))
	}
	return ansi.StringWidth(cluster)
}

// simpleWidth returns the width of r if r is a "simple" rune, 0 otherwise. A
// simple rune never joins a grapheme cluster with a neighbour that is also
// simple, and its width is fixed: printable ASCII (1 cell), CJK punctuation,
// Han ideographs and fullwidth forms (2 cells). TestSimpleWidth checks the
// widths against x/ansi for every rune in these ranges.
func simpleWidth(r rune) int {
	switch {
	case r >= 0x20 && r < 0x7f:
		return 1
	case r >= 0x3000 && r <= 0x3029, r >= 0x3030 && r <= 0x303e,
		r >= 0x4e00 && r <= 0x9fff, r >= 0xff01 && r <= 0xff60:
		return 2
	}
	return 0
}

// isHan reports whether r is a CJK Unified Ideograph of the basic block,
// line-break class ID.
func isHan(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// isTerminator reports whether r ends a line unconditionally (UAX #14 classes
// BK, CR, LF and NL).
func isTerminator(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isNoStart reports whether r must not start a line: closing punctuation,
// closing brackets and quotes, and sentence-final marks.
func isNoStart(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '）', '」', '』', '”', '’',
		'》', '〉', '】', '〕', '〗', '〙', '］', '｝', '．', '…', '·',
		',', '.', ';', ':', '?', '!', ')', ']', '}':
		return true
	}
	return false
}

// isNoEnd reports whether r must not end a line: opening brackets and quotes.
func isNoEnd(r rune) bool {
	switch r {
	case '（', '「', '『', '“', '‘', '《', '〈', '【', '〔', '〖', '〘', '［', '｛',
		'(', '[', '{':
		return true
	}
	return false
}
