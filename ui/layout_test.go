package ui

import "testing"

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
