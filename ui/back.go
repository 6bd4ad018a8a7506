package ui

import "maps"

// The way back and forward, like a browser's or vim's jump list. Every
// jump — a search result, a bookmark, a related clause, a target, a
// compared clause, a body's clause, a followed citation — records where
// the reader was. Backspace (or alt+←) steps back through those places
// and alt+→ forward again; Esc steps back too, but only while the reader
// has not moved since the jump (or the last step): after scrolling or
// moving in the tree, Esc is the ordinary Esc (focus the tree). Help and
// views opened and closed again are not moves.

// historyLimit bounds the places kept each way.
const historyLimit = 100

// visit is one place of the history: where the reader was and the tree's
// expansion then, which a jump may have changed to reveal its target.
type visit struct {
	at       viewOrigin
	expanded map[string]bool
}

// history is the jump list.
type history struct {
	past, future []visit
	// fresh is true right after a jump or a step, until the reader moves:
	// while fresh, Esc steps back.
	fresh bool
}

// record notes a jump from v: v is the newest past place, the future is
// dropped (a new branch), and Esc may step back.
func (h history) record(v visit) history {
	h.past = append(h.past, v)
	if len(h.past) > historyLimit {
		h.past = h.past[len(h.past)-historyLimit:]
	}
	h.future = nil
	h.fresh = true
	return h
}

// canBack and canForward report whether there is a place that way.
func (h history) canBack() bool    { return len(h.past) > 0 }
func (h history) canForward() bool { return len(h.future) > 0 }

// visitHere is the reader's current place.
func (m Model) visitHere() visit {
	return visit{at: m.here(), expanded: maps.Clone(m.tree.expanded)}
}

// jumpFrom lands on msg's node like jump and records where the reader
// was: where the view it came from was opened (related, targets, a pane),
// or the place itself (search, bookmarks).
func (m Model) jumpFrom(msg jumpMsg) Model {
	from := m.visitHere()
	if m.mode == modePane {
		from.at = m.origin
	}
	fromPane := m.mode == modePane
	if fromPane {
		m = m.keepPanes()
	}
	before := m.here()
	m = m.jump(msg)
	if m.mode != modeBrowse {
		return m // nothing to land on: the view stays open
	}
	m.pane = nil
	if !fromPane && m.here() == before {
		return m // went nowhere: nothing to come back to
	}
	m.hist = m.hist.record(from)
	return m
}

// goBack returns to the newest past place, keeping the present for
// forward.
func (m Model) goBack() Model { return m.step(true) }

// goForward returns to the place the last step back left.
func (m Model) goForward() Model { return m.step(false) }

// step moves the reader one place back (or forward), keeping the present
// on the other side; nothing happens when there is no place that way.
func (m Model) step(back bool) Model {
	from, to := &m.hist.past, &m.hist.future
	if !back {
		from, to = to, from
	}
	if len(*from) == 0 {
		return m
	}
	dest := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, m.visitHere())
	m.hist.fresh = true
	return m.visit(dest)
}

// visit puts the reader at v, the tree expanded as it was.
func (m Model) visit(v visit) Model {
	if v.expanded != nil {
		m.tree.expanded = maps.Clone(v.expanded)
		m.tree.rebuild()
	}
	m.detail = m.detail.ClearEmphasis()
	return m.restore(v.at)
}

// dropBackIfMoved ends the time Esc steps back once the reader has moved
// since before (a browsing key or a mouse action); the history stays for
// Backspace.
func (m Model) dropBackIfMoved(before viewOrigin) Model {
	if !m.hist.fresh || m.mode != modeBrowse {
		return m
	}
	if now := m.here(); now == before {
		return m
	}
	m.hist.fresh = false
	return m
}
