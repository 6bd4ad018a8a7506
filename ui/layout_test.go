package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestNewLayout(t *testing.T) {
	tests := []struct {
		w, h              int
		split             bool
		tree, detail, row int
	}{
		{40, 12, false, 40, 40, 10},
		{71, 20, false, 71, 71, 18},
		{72, 20, true, 27, 44, 18},
		{100, 30, true, 37, 62, 28},
		{200, 50, true, 60, 139, 48},
		{0, 0, false, 1, 1, 0},
		{-5, 1, false, 1, 1, 0},
	}
	for _, tt := range tests {
		l := newLayout(tt.w, tt.h)
		if l.split != tt.split || l.treeWidth != tt.tree || l.detailWidth != tt.detail || l.paneRows() != tt.row {
			t.Errorf("newLayout(%d,%d) = split %v tree %d detail %d rows %d; want %v %d %d %d",
				tt.w, tt.h, l.split, l.treeWidth, l.detailWidth, l.paneRows(), tt.split, tt.tree, tt.detail, tt.row)
		}
		if l.split && l.treeWidth+separatorWidth+l.detailWidth != l.width {
			t.Errorf("newLayout(%d,%d): panes %d+%d+%d do not fill width %d", tt.w, tt.h, l.treeWidth, separatorWidth, l.detailWidth, l.width)
		}
	}
}

// TestStatusBarKeepsHelp: at every width from 40 to 160 columns, in the
// tree, the text, search, the targets view and a pane, the bar shows
// `? help` whenever ? works, shows only whole hints, and keeps its hints
// the same from row to row.
func TestStatusBarKeepsHelp(t *testing.T) {
	for w := 40; w <= 160; w += 7 {
		m := started(t, w, 20)
		screens := map[string]Model{"tree": m}
		screens["text"] = update(m, tea.KeyMsg{Type: tea.KeyTab})
		screens["compare"] = update(update(m, keyDown), keyRunes("c"))
		screens["message"] = update(screens["text"], keyRunes("c"))
		for name, s := range screens {
			bar := lastLine(s.View())
			if !strings.Contains(bar, "? help") {
				t.Errorf("width %d, %s: no ? help in %q", w, name, bar)
			}
			if strings.Contains(bar, "…") && name != "message" {
				t.Errorf("width %d, %s: a hint is cut: %q", w, name, bar)
			}
			if lw := ansi.StringWidth(bar); lw > w {
				t.Errorf("width %d, %s: bar is %d wide", w, name, lw)
			}
		}
		// Moving down the tree changes only the position.
		down := update(m, keyDown)
		a, b := lastLine(m.View()), lastLine(down.View())
		if hintsOf(a) != hintsOf(b) {
			t.Errorf("width %d: the hints moved from %q to %q", w, a, b)
		}
	}
}

func lastLine(view string) string {
	lines := strings.Split(ansi.Strip(view), "\n")
	return lines[len(lines)-1]
}

// hintsOf is a bar without its position.
func hintsOf(bar string) string {
	f := strings.Fields(bar)
	if len(f) > 0 && strings.Contains(f[len(f)-1], "/") {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// TestReadingWidth: on a wide terminal the text runs at most 80 cells
// (40 Han characters) by default, the width set, or the whole pane with
// no cap; on a narrow one the pane's width rules.
func TestReadingWidth(t *testing.T) {
	widest := func(m Model) int {
		w := 0
		for _, l := range m.detail.lines {
			w = max(w, ansi.StringWidth(l.text))
		}
		return w
	}
	for _, tc := range []struct {
		opt, termW, want int
	}{
		{0, 200, 80}, {60, 200, 60}, {-1, 200, -1}, {0, 100, -1}, {0, 40, -1},
	} {
		m := New(loadSeeds(t), Options{ReadingWidth: tc.opt})
		m = update(m, tea.WindowSizeMsg{Width: tc.termW, Height: 30})
		m = update(m, tea.KeyMsg{Type: tea.KeyTab})
		if tc.want < 0 { // the pane's own width
			tc.want = m.layout.detailWidth
			if m.layout.split {
				tc.want -= detailPad
			}
		}
		if got := widest(m); got > tc.want || got < tc.want-2 {
			t.Errorf("reading width %d at %d columns: widest line %d, want about %d", tc.opt, tc.termW, got, tc.want)
		}
		checkFits(t, "reading width", m.View(), tc.termW, 30)
	}
}
