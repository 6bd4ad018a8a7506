package ui

import (
	"policyreader/corpus"
	"policyreader/corpus/cite"

	tea "github.com/charmbracelet/bubbletea"
)

// Citations in the detail pane. Those that resolve are underlined. With
// the pane focused, ] and [ step
// through the cross-references of what it shows that resolve to something
// in the corpus (本法第九条, 前款, 《…》), each drawn emphasised and scrolled
// into view with where it leads in the status bar; Enter follows the one
// selected, landing on the article (its paragraph emphasised) or the
// document, and Esc comes back as after a jump from a view.

// citeLink is a resolved citation and the node whose text holds it.
type citeLink struct {
	from *corpus.Node
	link cite.Link
}

// citeState is the citation cursor of the detail pane.
type citeState struct {
	resolver *cite.Resolver // nil until built off the loop; one per corpus
	shown    string         // the ID of the rendering links belong to, at any width
	links    []citeLink
	sel      int // index into links; -1 for none
}

// selected returns the citation selected in the rendering the pane shows
// now and still drawn emphasised, if any.
func (m Model) selectedCitation() (citeLink, bool) {
	c := m.cites
	if c.sel < 0 || c.sel >= len(c.links) || c.shown != m.detail.key().id {
		return citeLink{}, false
	}
	l := c.links[c.sel]
	if e := m.detail.emph; e.node != l.from || e.start != l.link.Start || e.end != l.link.End {
		return citeLink{}, false
	}
	return l, true
}

// citationsReadyMsg delivers the citation resolver built off the loop.
type citationsReadyMsg struct{ resolver *cite.Resolver }

// buildCitationsCmd indexes c's titles, 文号 and articles for resolving
// citations, off the event loop (about 40 ms per 100 MB of laws).
func buildCitationsCmd(c *corpus.Corpus) tea.Cmd {
	return func() tea.Msg { return citationsReadyMsg{resolver: cite.NewResolver(c)} }
}

// citeRanges returns, for the detail renderer, the rune ranges of n's
// text that hold a citation leading somewhere else in the corpus.
func citeRanges(r *cite.Resolver, n *corpus.Node) [][2]int {
	if r == nil {
		return nil
	}
	var out [][2]int
	for _, l := range r.Links(n) {
		if followable(l, n) {
			out = append(out, [2]int{l.Start, l.End})
		}
	}
	return out
}

// followable reports whether a link found in from's text leads somewhere:
// resolved, and not a document naming itself (现将《X》印发给你们).
func followable(l cite.Link, from *corpus.Node) bool {
	return l.Resolved() && (l.Target != nil || l.Doc != from.Doc)
}

// cycleCitation selects the next (delta 1) or previous (delta -1)
// resolved citation of what the detail pane shows.
func (m Model) cycleCitation(delta int) Model {
	if m.cites.resolver == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("citations are still being indexed"), false)
		return m
	}
	if m.cites.shown != m.detail.key().id || m.cites.links == nil {
		m.cites.shown, m.cites.sel = m.detail.key().id, -1
		m.cites.links = []citeLink{}
		seen := map[*corpus.Node]bool{}
		for _, l := range m.detail.lines {
			if l.node == nil || seen[l.node] {
				continue
			}
			seen[l.node] = true
			for _, k := range m.cites.resolver.Links(l.node) {
				if followable(k, l.node) {
					m.cites.links = append(m.cites.links, citeLink{from: l.node, link: k})
				}
			}
		}
	}
	n := len(m.cites.links)
	if n == 0 {
		m.status = m.status.SetMessage(m.styles.tr.T("no citation here leads to a document of this corpus"), false)
		return m
	}
	switch {
	case m.cites.sel < 0 && delta < 0:
		m.cites.sel = n - 1
	case m.cites.sel < 0:
		m.cites.sel = 0
	default:
		m.cites.sel = (m.cites.sel + delta + n) % n
	}
	l := m.cites.links[m.cites.sel]
	m.detail = m.detail.Emphasize(l.from, l.link.Start, l.link.End)
	m.status = m.status.SetMessage(m.styles.tr.F("%d/%d → %s · enter follows", m.cites.sel+1, n, citationLabel(l.link, l.from)), false)
	return m
}

// citationLabel says where a link found in from's text leads: the
// article by its number (the citation itself names the paragraph or
// item), after the document's title when that is another document — so
// a narrow status bar still shows the number.
func citationLabel(l cite.Link, from *corpus.Node) string {
	var article string
	for n := l.Target; n != nil; n = n.Parent {
		if n.Kind == corpus.Article {
			article = n.Number
			break
		}
	}
	switch {
	case article != "" && l.Doc == from.Doc:
		return article
	case article != "":
		return article + " · " + l.Doc.ShortTitle()
	case l.Target != nil:
		return l.Target.Title() + " · " + l.Doc.ShortTitle()
	}
	return l.Doc.ShortTitle()
}

// followCitation jumps to where the selected citation leads and keeps the
// way back, so Esc returns to the citing clause.
func (m Model) followCitation() Model {
	l, ok := m.selectedCitation()
	if !ok {
		return m
	}
	from := m.visitHere()
	target := l.link.Target
	if target == nil {
		if len(l.link.Doc.TopLevel()) == 0 {
			return m
		}
		target = l.link.Doc.TopLevel()[0]
	}
	m = m.jump(jumpMsg{node: target, field: "text", offset: -1})
	if m.mode != modeBrowse {
		return m
	}
	if start, end, ok := cite.ParagraphRange(target.Text, l.link.Para); ok {
		m.detail = m.detail.Emphasize(target, start, end)
	} else if !target.InOutline() && l.link.Para == 0 {
		// A paragraph or item shown inside its article: mark all of it.
		m.detail = m.detail.Emphasize(target, 0, len([]rune(target.Text)))
	}
	m.cites.sel = -1
	m.hist = m.hist.record(from)
	m.status = m.status.SetMessage(m.styles.tr.F("esc goes back to %s", l.link.Text), false)
	return m
}
