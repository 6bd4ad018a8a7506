package ui

import (
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"

	tea "github.com/charmbracelet/bubbletea"
)

// benchStore returns a store holding a bookmark on every clause of c (a
// few hundred), with notes.
func benchStore(b *testing.B, c *corpus.Corpus) *bookmark.Store {
	b.Helper()
	s, _, err := bookmark.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	var bs []bookmark.Bookmark
	now := time.Now()
	c.Nodes(func(n *corpus.Node) bool {
		if n.Kind == corpus.Clause {
			bm := bookmark.FromNode(n, now.Add(-time.Duration(len(bs))*time.Hour))
			bm.Note = "核对落户条件和城区常住人口规模"
			bs = append(bs, bm)
		}
		return true
	})
	for _, bm := range bs {
		if err := s.Add(bm); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d bookmarks", len(bs))
	return s
}

// BenchmarkBookmarksListView draws the list of every clause's bookmark at
// 100×30.
func BenchmarkBookmarksListView(b *testing.B) {
	c := loadSeeds(b)
	m := New(c, Options{Bookmarks: benchStore(b, c)})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, keyRunes("B"))
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkNewWithBookmarks is New on the seeds with every clause
// bookmarked: resolving the bookmarks and ordering them.
func BenchmarkNewWithBookmarks(b *testing.B) {
	c := loadSeeds(b)
	s := benchStore(b, c)
	b.Run("none", func(b *testing.B) {
		for b.Loop() {
			_ = New(c, Options{})
		}
	})
	b.Run("every-clause", func(b *testing.B) {
		for b.Loop() {
			_ = New(c, Options{Bookmarks: s})
		}
	})
}

// BenchmarkToggleBookmark is the Update side of b (the store write runs
// in a command and is not timed): add then remove with hundreds of
// bookmarks in the list.
func BenchmarkToggleBookmark(b *testing.B) {
	c := loadSeeds(b)
	m := New(c, Options{Bookmarks: benchStore(b, c)})
	n, ok := c.Node(luohuClause)
	if !ok {
		b.Fatal("no 落户 clause")
	}
	now := time.Now()
	bm := m.bookmarks
	bm, _, _ = bm.Toggle(n, now) // the clause is bookmarked: remove it first
	b.ResetTimer()
	for b.Loop() {
		bm.persist.running, bm.persist.queue = true, nil // queue the write, never run it
		bm, _, _ = bm.Toggle(n, now)
	}
}
