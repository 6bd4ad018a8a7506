package ui

import "maps"

// One level of "back" (issue 7: Enter jumps, Esc returns to where you
// were). A jump from the related pane or the targets view remembers where
// the reader was when that view opened; the next Esc while browsing goes
// there. Any other move (a key or a mouse action that changes the tree
// row, the node shown, its scroll or the focus, or another jump) forgets
// it. Help and views opened and closed again are not moves.

// backState is where Esc returns, when ok.
type backState struct {
	ok bool
	to viewOrigin
	// expanded is the tree's expansion before the jump, which may have
	// opened documents and chapters to reveal its target.
	expanded map[string]bool
}

// jumpFrom lands on msg's node like jump and sets or drops the way back:
// kept when the jump came from the related pane or the targets view (the
// mode it is sent from), dropped for a search or bookmark jump.
func (m Model) jumpFrom(msg jumpMsg) Model {
	fromView := m.mode == modeRelated || m.mode == modeTargets || m.mode == modePane
	origin := m.origin
	expanded := maps.Clone(m.tree.expanded)
	m = m.jump(msg)
	if m.mode != modeBrowse {
		return m // nothing to land on: the view stays open
	}
	m.back = backState{}
	m.pane = nil
	if fromView {
		m.back = backState{ok: true, to: origin, expanded: expanded}
	}
	m.keys.updateKeybindings(m.keyState())
	return m
}

// goBack returns to where the last jump from a view started.
func (m Model) goBack() Model {
	back := m.back
	m.back = backState{}
	if back.expanded != nil {
		m.tree.expanded = back.expanded
		m.tree.rebuild()
	}
	return m.restore(back.to)
}

// dropBackIfMoved forgets the way back when the reader has moved since
// before (a browsing key or a mouse action).
func (m Model) dropBackIfMoved(before viewOrigin) Model {
	if !m.back.ok || m.mode != modeBrowse {
		return m
	}
	if now := m.here(); now == before {
		return m
	}
	m.back = backState{}
	m.keys.updateKeybindings(m.keyState())
	return m
}
