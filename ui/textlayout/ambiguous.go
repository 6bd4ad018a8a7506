package textlayout

import (
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// AlignRunewidth makes the go-runewidth condition c measure East Asian
// Ambiguous characters (“ ” ‘ ’ — … · ① ℃ and box drawing) the way x/ansi and
// lipgloss do, which is the one rule of this program: one cell, or two only
// when the process runs with RUNEWIDTH_EASTASIAN=1.
//
// go-runewidth, used by the bubbles textinput, textarea and table
// components, otherwise switches those characters to two cells whenever
// LANG, LC_ALL or LC_CTYPE names a zh, ja or ko locale, while lipgloss keeps
// them at one, so the same line of policy text full of “ ” would be measured
// two ways and panes would drift apart.
//
// The reader calls it exactly once, in ui/cli (readerOptions) before the
// program starts and before anything measures text:
//
//	textlayout.AlignRunewidth(runewidth.DefaultCondition)
//
// runewidth.DefaultCondition is that library's global; this package keeps
// no state of its own and changes only the condition it is given. A lookup
// table built earlier with c.CreateLUT is rebuilt. A nil c is ignored.
func AlignRunewidth(c *runewidth.Condition) {
	if c == nil {
		return
	}
	wide := ansi.StringWidth("“") == 2
	c.EastAsianWidth = wide
	if (c.RuneWidth('“') == 2) != wide {
		// A lookup table made under the old setting is still answering.
		c.CreateLUT()
	}
}
