package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// listCursor is the selection and scroll of a list of n rows of which a
// window of visible rows is shown: the list-like panes (tree, search,
// targets, related, bookmarks) embed it, so their cursor and offset fields
// and the rules that keep them consistent live in one place.
type listCursor struct {
	cursor int // index of the selected row
	offset int // index of the first row shown
}

// listNav names the bindings that move a listCursor. A pane leaves out the
// moves it does not offer: a zero binding never matches.
type listNav struct {
	up, down         key.Binding
	pageUp, pageDown key.Binding
	top, bottom      key.Binding
}

// navigate applies msg if it is one of nav's moves over n rows shown
// visible at a time: one row, a page (visible-1 rows, at least one), the
// first or the last row. It reports whether msg was a move; only then are
// the cursor and the offset changed and fitted.
func (c *listCursor) navigate(msg tea.KeyMsg, nav listNav, n, visible int) bool {
	page := max(visible-1, 1)
	switch {
	case key.Matches(msg, nav.up):
		c.cursor--
	case key.Matches(msg, nav.down):
		c.cursor++
	case key.Matches(msg, nav.pageUp):
		c.cursor -= page
	case key.Matches(msg, nav.pageDown):
		c.cursor += page
	case key.Matches(msg, nav.top):
		c.cursor = 0
	case key.Matches(msg, nav.bottom):
		c.cursor = n - 1
	default:
		return false
	}
	c.fit(n, visible)
	return true
}

// fit keeps the cursor on one of n rows (0 when there are none) and
// scrolls it into the window of visible rows.
func (c *listCursor) fit(n, visible int) {
	c.cursor = clamp(c.cursor, 0, max(n-1, 0))
	c.scrollTo(n, visible)
}

// scrollTo moves the window of visible rows the least that shows the
// cursor, without scrolling past the end of n rows. It leaves the cursor
// alone.
func (c *listCursor) scrollTo(n, visible int) {
	if c.cursor < c.offset {
		c.offset = c.cursor
	}
	if c.cursor >= c.offset+visible {
		c.offset = c.cursor - visible + 1
	}
	c.offset = clamp(c.offset, 0, max(n-visible, 0))
}

// rowNav is how the tree, the related pane and the bookmarks list move:
// ↑↓ (k j) a row, pgup pgdn a page, g G to the ends.
func rowNav(k keyMap) listNav {
	return listNav{up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom}
}
