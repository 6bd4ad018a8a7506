package ui

import (
	"path/filepath"
	"testing"

	"policyreader/corpus"

	tea "github.com/charmbracelet/bubbletea"
)

// loadSeeds loads the five real documents from ../seeds.
func loadSeeds(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds found: %v", err)
	}
	c, errs := corpus.LoadPaths(files)
	if len(errs) > 0 {
		tb.Fatalf("loading seeds: %v", errs)
	}
	return c
}

// update feeds msg to m and runs the resulting commands synchronously
// (batches included), feeding their messages back, like the event loop.
func update(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0 && steps < 100; steps++ {
		msg, queue = queue[0], queue[1:]
		if msg == nil {
			continue
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m
}

// started returns the reader on the seeds at w×h with the index built.
func started(tb testing.TB, w, h int) Model {
	tb.Helper()
	m := New(loadSeeds(tb), Options{})
	m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
	return update(m, m.Init()())
}

func keyRunes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
