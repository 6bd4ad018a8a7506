// Package textlayout lays out document text for a terminal: it wraps Chinese
// (and mixed) text on Unicode line-break opportunities, makes untrusted text
// harmless to print, renders aligned tables and truncates one-line labels.
//
// Every width in this package is a display width in terminal cells as
// measured by github.com/charmbracelet/x/ansi (and therefore lipgloss): wide
// (CJK) characters count 2, East Asian Ambiguous characters such as “ ” — …
// · ① count 1 unless the process was started with RUNEWIDTH_EASTASIAN=1.
// Programs that also use go-runewidth (the bubbles textinput, textarea and
// table components do) must call [AlignRunewidth] once at start-up so both
// libraries measure the same text the same way.
//
// Offsets ([Line.Start], [Line.End]) are rune offsets, never byte offsets,
// so they compose with highlight spans computed on the same text. [Sanitize]
// maps each rune to exactly one rune, so offsets computed on the original
// text stay valid on the sanitised text.
//
// The package keeps no mutable package-level state and never panics on any
// input.
package textlayout
