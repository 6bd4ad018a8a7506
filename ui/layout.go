package ui

// minSplitWidth is the narrowest terminal that shows tree and detail side
// by side; below it one pane fills the body and Tab switches.
const minSplitWidth = 72

// statusHeight is the height of the status bar at the bottom.
const statusHeight = 1

// paneHeaderHeight is the title line on top of each pane.
const paneHeaderHeight = 1

// separatorWidth is the vertical rule between side-by-side panes.
const separatorWidth = 1

// layout is the geometry of one terminal size. It is pure arithmetic.
type layout struct {
	// width and height are the terminal's, at least 1.
	width, height int
	// bodyHeight is everything above the status bar.
	bodyHeight int
	// split is true when tree and detail sit side by side.
	split bool
	// treeWidth and detailWidth are the pane widths (each the full width
	// when not split).
	treeWidth, detailWidth int
}

// newLayout computes the geometry for a w×h terminal.
func newLayout(w, h int) layout {
	w, h = max(w, 1), max(h, 1)
	l := layout{width: w, height: h, bodyHeight: max(h-statusHeight, 0)}
	if w < minSplitWidth {
		l.treeWidth, l.detailWidth = w, w
		return l
	}
	l.split = true
	l.treeWidth = clamp(w*3/8, 24, 60)
	l.detailWidth = w - l.treeWidth - separatorWidth
	return l
}

// paneRows is how many content rows a pane has below its title.
func (l layout) paneRows() int { return max(l.bodyHeight-paneHeaderHeight, 0) }

// detailLeft is the column where the detail pane starts.
func (l layout) detailLeft() int {
	if !l.split {
		return 0
	}
	return l.treeWidth + separatorWidth
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
