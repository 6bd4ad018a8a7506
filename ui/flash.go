package ui

import (
	"time"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
)

// flashState is the mark on a jump's landing: its sentence drawn
// emphasised until Options.FlashFor has passed or another node is shown.
type flashState struct {
	seq        int
	node       *corpus.Node
	start, end int
}

// flashDoneMsg ends the flash numbered seq.
type flashDoneMsg struct{ seq int }

// flashLanding marks the sentence a jump landed on — at the search match,
// or the start of the clause — unless the jump marked something itself
// (a target, a cited paragraph), and returns the command that unmarks it.
func (m Model) flashLanding(msg jumpMsg) (Model, tea.Cmd) {
	n := msg.node
	if m.mode != modeBrowse || n == nil || n.Text == "" || m.detail.emph.node != nil {
		return m, nil
	}
	text := []rune(n.Text)
	start := 0
	if msg.field == "text" && msg.offset > 0 && msg.offset < len(text) {
		start = sentenceStart(text, msg.offset)
	}
	end := sentenceEnd(text, start)
	if start >= end {
		return m, nil
	}
	m.detail = m.detail.Emphasize(n, start, end)
	m.flash.seq++
	m.flash.node, m.flash.start, m.flash.end = n, start, end
	if m.flashFor <= 0 {
		return m, nil // marked until the reader shows another node
	}
	seq := m.flash.seq
	return m, tea.Tick(m.flashFor, func(time.Time) tea.Msg { return flashDoneMsg{seq: seq} })
}

// endFlash unmarks the landing when msg is the current flash and the mark
// is still the flash's.
func (m Model) endFlash(msg flashDoneMsg) Model {
	e := m.detail.emph
	if msg.seq == m.flash.seq && m.flash.node != nil && e.node == m.flash.node && e.start == m.flash.start && e.end == m.flash.end {
		m.detail = m.detail.ClearEmphasis()
		m.flash.node = nil
	}
	return m
}

// sentenceStart is the start of the sentence of text that holds at.
func sentenceStart(text []rune, at int) int {
	for i := at; i > 0; i-- {
		switch text[i-1] {
		case '。', '；', '！', '？', ';', '!', '?', '\n':
			return i
		}
	}
	return 0
}

// sentenceEnd is the end of the sentence of text that holds start: after
// its final punctuation, at a line break, or 80 runes on.
func sentenceEnd(text []rune, start int) int {
	for i := start; i < len(text) && i < start+80; i++ {
		switch text[i] {
		case '。', '；', '！', '？', ';', '!', '?':
			return i + 1
		case '\n':
			return i
		}
	}
	return min(len(text), start+80)
}
