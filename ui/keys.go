package ui

import (
	"policyreader/ui/msg"

	"github.com/charmbracelet/bubbles/key"
)

// keyMap declares every key of the reader once; help is generated from it.
// Bindings that do nothing in the current mode are disabled by
// updateKeybindings, so help never lists a dead key.
type keyMap struct {
	Up, Down           key.Binding
	Open               key.Binding
	Collapse, Expand   key.Binding
	ExpandAll          key.Binding
	CollapseAll        key.Binding
	NextPane, PrevPane key.Binding
	Top, Bottom        key.Binding
	PageUp, PageDown   key.Binding
	Search             key.Binding
	Bookmark           key.Binding
	Bookmarks          key.Binding
	Targets            key.Binding
	Related            key.Binding
	Compare            key.Binding
	Bodies             key.Binding
	Facets             key.Binding
	Copy, CopyRef      key.Binding
	GoTo               key.Binding
	FilterTree         key.Binding
	FindNext, FindPrev key.Binding
	Mouse              key.Binding
	Help               key.Binding
	Back               key.Binding
	HistoryBack        key.Binding
	Forward            key.Binding
	NextCite, PrevCite key.Binding
	Follow             key.Binding
	Quit               key.Binding
	ForceQuit          key.Binding
}

// binder returns the function every key map is made with: b(help, desc,
// keys...) binds keys, shown in help as help and desc, desc a message
// (package msg) printed in tr's language.
func binder(tr msg.Printer) func(help, desc string, keys ...string) key.Binding {
	return func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr.T(desc)))
	}
}

// defaultKeyMap returns the reader's keys, described in tr's language.
func defaultKeyMap(tr msg.Printer) keyMap {
	b := binder(tr)
	return keyMap{
		Up:          b("↑/k", "up", "up", "k"),
		Down:        b("↓/j", "down", "down", "j"),
		Open:        b("enter", "open", "enter"),
		Collapse:    b("←/h", "collapse", "left", "h"),
		Expand:      b("→/l", "expand", "right", "l"),
		ExpandAll:   b("+", "expand all", "+", "="),
		CollapseAll: b("-", "collapse all", "-"),
		NextPane:    b("tab", "next pane", "tab"),
		PrevPane:    b("shift+tab", "prev pane", "shift+tab"),
		Top:         b("g", "top", "g", "home"),
		Bottom:      b("G", "bottom", "G", "end"),
		PageUp:      b("pgup", "page up", "pgup"),
		PageDown:    b("pgdn/space", "page down", "pgdown", " "),
		Search:      b("/", "search", "/"),
		Bookmark:    b("b", "bookmark", "b"),
		Bookmarks:   b("B", "bookmarks", "B"),
		Targets:     b("t", "targets", "t"),
		Related:     b("r", "related", "r"),
		Compare:     b("c", "compare", "c"),
		Bodies:      b("o", "responsible", "o"),
		Facets:      b("f", "facets", "f"),
		Copy:        b("y", "copy text", "y"),
		GoTo:        b(":", "go to 第N条/（三）", ":"),
		FilterTree:  b("F", "filter tree", "F"),
		FindNext:    b("n", "next match here", "n"),
		FindPrev:    b("N", "prev match here", "N"),
		CopyRef:     b("Y", "copy citation", "Y"),
		Mouse:       b("m", "mouse on/off", "m"),
		Help:        b("?", "help", "?"),
		Back:        b("esc", "back", "esc"),
		HistoryBack: b("bksp/alt+←", "back (history)", "backspace", "alt+left"),
		Forward:     b("alt+→", "forward", "alt+right"),
		NextCite:    b("]", "next citation", "]"),
		PrevCite:    b("[", "prev citation", "["),
		Follow:      b("enter", "follow citation", "enter"),
		Quit:        b("q", "quit", "q"),
		ForceQuit:   b("ctrl+c", "quit", "ctrl+c"),
	}
}

// overlaid is the mode the key map sees while the help overlay is open:
// none.
const overlaid mode = -1

// keyState is what decides which bindings are live.
type keyState struct {
	mode      mode
	focus     focus
	bookmarks bool // a bookmark store is wired in
	views     bool // the targets and related views are wired in
	back      bool // Esc returns to where the last jump started
	history   bool // there is a place to go back to
	forward   bool // there is a place to go forward to
	citation  bool // a citation is selected in the detail pane
	typing    bool // the open pane has a text field with focus
	help      bool // the help overlay is open: only its keys act
}

// updateKeybindings enables exactly the bindings that act in state s.
func (k *keyMap) updateKeybindings(s keyState) {
	if s.help {
		s.mode = overlaid // under the help, no mode's keys act
	}
	browsing := s.mode == modeBrowse
	inTree := browsing && s.focus == focusTree
	for _, b := range []*key.Binding{&k.NextPane, &k.PrevPane, &k.Search, &k.Mouse} {
		b.SetEnabled(browsing)
	}
	scrolling := browsing || s.help
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Top, &k.Bottom, &k.PageUp, &k.PageDown} {
		b.SetEnabled(scrolling)
	}
	k.Open.SetEnabled(inTree)
	inDetail := browsing && s.focus == focusDetail
	k.NextCite.SetEnabled(inDetail)
	k.PrevCite.SetEnabled(inDetail)
	k.Follow.SetEnabled(inDetail && s.citation)
	k.Collapse.SetEnabled(inTree)
	k.Expand.SetEnabled(inTree)
	k.ExpandAll.SetEnabled(inTree)
	k.CollapseAll.SetEnabled(inTree)
	k.Back.SetEnabled(browsing && (s.focus == focusDetail || s.back) || s.help)
	k.HistoryBack.SetEnabled(browsing && s.history)
	k.Forward.SetEnabled(browsing && s.forward)
	k.Help.SetEnabled(!s.typing) // no text field has focus
	k.Quit.SetEnabled(!s.typing)
	k.Bookmark.SetEnabled(browsing && s.bookmarks)
	k.Bookmarks.SetEnabled(browsing && s.bookmarks)
	k.Targets.SetEnabled(browsing && s.views)
	k.Related.SetEnabled(browsing && s.views)
	k.Compare.SetEnabled(browsing && s.views)
	k.Bodies.SetEnabled(browsing && s.views)
	k.Facets.SetEnabled(browsing)
	k.Copy.SetEnabled(browsing && !s.typing)
	k.GoTo.SetEnabled(browsing && !s.typing)
	k.FilterTree.SetEnabled(browsing && !s.typing)
	k.FindNext.SetEnabled(browsing && !s.typing)
	k.FindPrev.SetEnabled(browsing && !s.typing)
	k.CopyRef.SetEnabled(browsing)
	k.ForceQuit.SetEnabled(true)

}

// forHelp returns a copy of k with every binding that works somewhere
// enabled, for the full help overlay.
func (k keyMap) forHelp(s keyState) keyMap {
	s.mode, s.focus, s.help = modeBrowse, focusTree, false
	k.updateKeybindings(s)
	for _, b := range []*key.Binding{&k.Back, &k.HistoryBack, &k.Forward, &k.NextCite, &k.PrevCite, &k.Follow} {
		b.SetEnabled(true)
	}
	return k
}

// ShortHelp is the one-line help of the status bar.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Search, k.Follow,
		k.Open, k.Bookmark, k.Bookmarks, k.Targets, k.Compare, k.Bodies, k.Related, k.Facets,
		k.GoTo, k.FindNext, k.NextPane, k.Back, k.Help, k.Quit}
}

// FullHelp is the help overlay, one column per group.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Collapse, k.Expand, k.ExpandAll, k.CollapseAll, k.FilterTree, k.GoTo, k.NextPane, k.PrevPane, k.Back, k.HistoryBack, k.Forward, k.NextCite, k.PrevCite, k.Follow},
		{k.Search, k.FindNext, k.FindPrev},
		{k.Bookmark, k.Bookmarks, k.Targets, k.Related, k.Compare, k.Bodies, k.Facets, k.Copy, k.CopyRef, k.Mouse, k.Help, k.Quit, k.ForceQuit},
	}
}
