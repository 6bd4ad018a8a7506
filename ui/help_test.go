package ui

import (
	"context"
	"strings"
	"testing"

	"policyreader/corpus/related"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestHelpFromListAndPane: ? opens the full help from the bookmarks list
// and from the related pane (DESIGN.md: ? is global), and Esc or ? closes
// it back to that list or pane as it was; while a note is edited or the
// targets filter has focus, ? is typed.
func TestHelpFromListAndPane(t *testing.T) {
	m := startedWith(t, loadSeeds(t), openStore(t, t.TempDir()), 100, 30)
	m = onClause(t, m, centralHukou)
	m = update(m, keyRunes("b"))

	list := update(m, keyRunes("B"))
	if !inBookmarks(list) || len(marksOf(list).entries) != 1 {
		t.Fatalf("B: mode %v with %d entries", list.mode, len(marksOf(list).entries))
	}
	for _, closeKey := range []string{"esc", "?"} {
		h := update(list, keyRunes("?"))
		if !h.helpOpen || !strings.Contains(ansi.Strip(h.View()), "Keys") {
			t.Fatalf("? in the bookmarks list: mode %v", h.mode)
		}
		if closeKey == "esc" {
			h = update(h, keyEsc)
		} else {
			h = update(h, keyRunes("?"))
		}
		if !inBookmarks(h) || marksOf(h).cursor != marksOf(list).cursor {
			t.Errorf("%s closing help opened from the list: mode %v, want the list", closeKey, h.mode)
		}
		if !marksOf(h).keys.Edit.Enabled() || !h.keys.Help.Enabled() {
			t.Errorf("%s closing help: the list's keys are off", closeKey)
		}
	}

	editing := update(list, keyRunes("e"))
	editing = update(editing, keyRunes("?"))
	if !inBookmarks(editing) || !strings.HasSuffix(marksOf(editing).input.Value(), "?") {
		t.Errorf("? while editing a note: mode %v, note %q, want it typed", editing.mode, marksOf(editing).input.Value())
	}

	rel := update(m, keyRunes("r"))
	rel = update(rel, keyDown)
	h := update(rel, keyRunes("?"))
	if !h.helpOpen {
		t.Fatalf("? in the related pane: mode %v, want help", h.mode)
	}
	h = update(h, keyEsc)
	if !inRelated(h) || relatedOf(h).cursor != relatedOf(rel).cursor || relatedOf(h).origin != relatedOf(rel).origin {
		t.Errorf("Esc closing help opened from the related pane: mode %v cursor %d, want related at %d", h.mode, relatedOf(h).cursor, relatedOf(rel).cursor)
	}

	tg := update(update(m, keyRunes("t")), keyRunes("?"))
	if !inTargets(tg) || targetsOf(tg).input.Value() != "?" {
		t.Errorf("? in the targets view: mode %v, filter %q, want it typed", tg.mode, targetsOf(tg).input.Value())
	}
}

// TestRelatedFillsInUnderHelp: the related index arriving while help is
// open over a "computing…" related pane fills the pane in, so closing help
// shows the clauses instead of waiting for good.
func TestRelatedFillsInUnderHelp(t *testing.T) {
	c := loadSeeds(t)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30}) // Init not run: no index yet
	m = onClause(t, m, centralHukou)
	m = update(m, keyRunes("r"))
	if !inRelated(m) || len(relatedOf(m).matches) != 0 {
		t.Fatalf("r before the index: mode %v, %d matches", m.mode, len(relatedOf(m).matches))
	}
	m = update(m, keyRunes("?"))
	x, err := related.Build(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, relatedReadyMsg{index: x})
	m = update(m, keyEsc)
	if !inRelated(m) || len(relatedOf(m).matches) == 0 || !relatedOf(m).keys.Jump.Enabled() {
		t.Errorf("after help: mode %v, %d matches, enter on %v", m.mode, len(relatedOf(m).matches), relatedOf(m).keys.Jump.Enabled())
	}
}
