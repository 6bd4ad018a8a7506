package ui

import (
	"policyreader/ui/textlayout"

	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// statusModel is the bottom line: mode, a message or the keys that act
// now, the help key and the position.
type statusModel struct {
	message string
	warning bool
	styles  *Styles
}

func newStatus(styles *Styles) statusModel {
	return statusModel{styles: styles}
}

// SetMessage shows msg until the next key; warning draws it louder.
func (m statusModel) SetMessage(msg string, warning bool) statusModel {
	m.message, m.warning = oneLine(textlayout.Sanitize(msg)), warning
	return m
}

// statusSep separates the hints.
const statusSep = " · "

// View draws the bar at width: [MODE] message-or-hints  ? help  position.
// The hints are keys' ShortHelp in priority order, as many whole hints as
// fit — never one cut in half — and `? help` is always there when the
// help key is live (a message is cut to leave it room), so the layout
// does not jump from row to row; the
// position is padded to the width its largest value would take.
func (m statusModel) View(width int, label, position string, keys help.KeyMap) string {
	st := m.styles
	pill := st.StatusPill.Render(label)
	var helpKey *key.Binding
	var hints []key.Binding
	for _, b := range keys.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		if b.Help().Key == "?" {
			bb := b
			helpKey = &bb
			continue
		}
		hints = append(hints, b)
	}
	hint := func(b key.Binding) string {
		return st.StatusText.Bold(true).Render(b.Help().Key) + st.StatusText.Render(" "+b.Help().Desc)
	}
	right := ""
	if position != "" {
		if m.message == "" {
			position = padPosition(position) // a message has the room
		}
		right = " " + st.StatusText.Render(position)
	}
	tail := ""
	if helpKey != nil {
		tail = st.StatusText.Render(statusSep) + hint(*helpKey)
	}
	avail := width - ansi.StringWidth(pill) - 1 - ansi.StringWidth(right) - ansi.StringWidth(tail)
	if avail < 4 && right != "" {
		avail += ansi.StringWidth(right)
		right = ""
	}
	var mid string
	if m.message != "" {
		style := st.StatusText
		if m.warning {
			style = st.Warning
		}
		if ansi.StringWidth(m.message) > avail && right != "" {
			// The position gives way to a long message; ? help does not.
			avail += ansi.StringWidth(right)
			right = ""
		}
		mid = ansi.Truncate(style.Render(m.message), max(avail, 0), "…")
	} else {
		var b strings.Builder
		used := 0
		for _, k := range hints {
			h := hint(k)
			w := ansi.StringWidth(h)
			if used > 0 {
				w += ansi.StringWidth(statusSep)
			}
			if used+w > avail {
				break
			}
			if used > 0 {
				b.WriteString(st.StatusText.Render(statusSep))
			}
			b.WriteString(h)
			used += w
		}
		mid = b.String()
		if used == 0 && tail != "" {
			tail = hint(*helpKey) // no hint before it: no separator
		}
	}
	gap := max(width-ansi.StringWidth(pill)-1-ansi.StringWidth(mid)-ansi.StringWidth(tail)-ansi.StringWidth(right), 0)
	line := pill + " " + mid + tail + strings.Repeat(" ", gap) + right
	return ansi.Truncate(line, width, "")
}

// padPosition pads a position to the width its largest value takes, so
// the bar does not shift as it changes: 3/12 as " 3/12", 7% as "  7%".
func padPosition(p string) string {
	w := len(p)
	if i := strings.IndexByte(p, '/'); i > 0 && !strings.Contains(p, " ") {
		w = 2*(len(p)-i-1) + 1
	} else if strings.HasSuffix(p, "%") {
		w = len("100%")
	}
	if pad := w - ansi.StringWidth(p); pad > 0 {
		return strings.Repeat(" ", pad) + p
	}
	return p
}

func percent(p int) string { return fmt.Sprintf("%d%%", p) }
