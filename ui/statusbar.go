package ui

import (
	"policyreader/ui/textlayout"

	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/x/ansi"
)

// statusModel is the bottom line: mode, a message, position and short help.
type statusModel struct {
	message string
	warning bool
	help    help.Model
	styles  *Styles
}

func newStatus(styles *Styles) statusModel {
	h := help.New()
	h.Styles.ShortKey = styles.StatusText.Bold(true)
	h.Styles.ShortDesc = styles.StatusText
	h.Styles.ShortSeparator = styles.StatusText
	h.Styles.FullKey = styles.Prompt
	h.Styles.FullDesc = styles.Text
	h.Styles.FullSeparator = styles.Dim
	h.Styles.Ellipsis = styles.Dim
	h.ShortSeparator = " · "
	return statusModel{help: h, styles: styles}
}

// SetMessage shows msg until the next key; warning draws it louder.
func (m statusModel) SetMessage(msg string, warning bool) statusModel {
	m.message, m.warning = oneLine(textlayout.Sanitize(msg)), warning
	return m
}

// View draws the bar at width: [MODE] message-or-help  position.
func (m statusModel) View(width int, label, position string, keys help.KeyMap) string {
	pill := m.styles.StatusPill.Render(label)
	right := ""
	if position != "" {
		right = " " + m.styles.StatusText.Render(position)
	}
	avail := width - ansi.StringWidth(pill) - ansi.StringWidth(right) - 1
	if avail < 4 {
		right = ""
		avail = width - ansi.StringWidth(pill) - 1
	}
	var mid string
	if m.message != "" {
		style := m.styles.StatusText
		if m.warning {
			style = m.styles.Warning
		}
		mid = ansi.Truncate(style.Render(m.message), max(avail, 0), "…")
	} else {
		h := m.help
		h.Width = max(avail, 0)
		mid = h.ShortHelpView(keys.ShortHelp())
		mid = ansi.Truncate(mid, max(avail, 0), "…")
	}
	gap := max(avail-ansi.StringWidth(mid), 0)
	line := pill + " " + mid + strings.Repeat(" ", gap) + right
	return ansi.Truncate(line, width, "")
}

func percent(p int) string { return fmt.Sprintf("%d%%", p) }
