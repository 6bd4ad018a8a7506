package textlayout

import "github.com/charmbracelet/x/ansi"

// Ellipsis is the tail Truncate appends to a shortened string. It is one cell
// wide as x/ansi measures it (an East Asian Ambiguous character).
const Ellipsis = "…"

// Truncate shortens s to at most width cells for a one-line label, ending a
// shortened string with [Ellipsis]. It cuts between grapheme clusters only,
// so a wide character is dropped whole, never split (the result may then be
// one cell narrower than width); a string that fits is returned unchanged.
// A width below 1 gives ""; a width narrower than the ellipsis (1 cell when
// … is measured as 2, under RUNEWIDTH_EASTASIAN=1) cuts without it.
//
// Escape sequences in s (lipgloss styling) are kept and take no width, so
// pass text from a document through [Sanitize] first. Use Truncate, never
// ansi.Cut, for CJK text: Cut splits a wide character at its left edge and
// shifts the line by one cell.
func Truncate(s string, width int) string {
	if width < 1 {
		return ""
	}
	if width < ansi.StringWidth(Ellipsis) {
		// Only under RUNEWIDTH_EASTASIAN=1, where … is two cells wide.
		return ansi.Truncate(s, width, "")
	}
	return ansi.Truncate(s, width, Ellipsis)
}
