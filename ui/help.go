package ui

import (
	"policyreader/ui/textlayout"

	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// helpColumnsWidth is the narrowest screen that shows full help in columns;
// below it the bindings are listed one per row and the overlay scrolls.
const helpColumnsWidth = 96

// helpModel is the full-help overlay (?), generated from the key map.
type helpModel struct {
	help   help.Model
	offset int
	styles *Styles
}

func newHelp(styles *Styles) helpModel {
	h := help.New()
	h.Styles.FullKey = styles.Prompt
	h.Styles.FullDesc = styles.Text
	h.Styles.FullSeparator = styles.Dim
	h.Styles.Ellipsis = styles.Dim
	return helpModel{help: h, styles: styles}
}

// Reset scrolls back to the top.
func (m helpModel) Reset() helpModel {
	m.offset = 0
	return m
}

// Update scrolls the overlay.
func (m helpModel) Update(msg tea.Msg, keys keyMap, height int) helpModel {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m
	}
	switch {
	case key.Matches(km, keys.Up):
		m.offset--
	case key.Matches(km, keys.Down):
		m.offset++
	case key.Matches(km, keys.PageUp):
		m.offset -= max(height-1, 1)
	case key.Matches(km, keys.PageDown):
		m.offset += max(height-1, 1)
	case key.Matches(km, keys.Top):
		m.offset = 0
	case key.Matches(km, keys.Bottom):
		m.offset = 1 << 20
	}
	m.offset = max(m.offset, 0)
	return m
}

// lines lays out the help for width w.
func (m helpModel) lines(w int, keys help.KeyMap) []string {
	st := m.styles
	out := []string{st.Heading.Render(st.tr.T("Keys"))}
	if w >= helpColumnsWidth {
		hm := m.help
		hm.Width = w
		out = append(out, "")
		out = append(out, strings.Split(hm.FullHelpView(keys.FullHelp()), "\n")...)
	} else {
		for _, group := range keys.FullHelp() {
			out = append(out, "")
			for _, b := range group {
				if !b.Enabled() {
					continue
				}
				k := b.Help().Key
				pad := strings.Repeat(" ", max(11-ansi.StringWidth(k), 1))
				out = append(out, st.Prompt.Render(k)+pad+st.Text.Render(b.Help().Desc))
			}
		}
	}
	out = append(out, "")
	note := st.tr.T("Mouse: the wheel scrolls, a click selects. To select text, hold Shift while dragging (most terminals), or press m to turn mouse capture off. Esc or ? closes this help.")
	r := []rune(note)
	for _, l := range textlayout.Wrap(note, w) {
		out = append(out, st.Dim.Render(string(r[l.Start:l.End])))
	}
	return out
}

// View draws the overlay at w×h.
func (m helpModel) View(w, h int, keys help.KeyMap) string {
	lines := m.lines(w, keys)
	off := clamp(m.offset, 0, max(len(lines)-h, 0))
	lines = lines[off:]
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], w, "…")
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
