package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/related"
	"policyreader/corpus/targets"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkStartupViews is the start-up work of the targets view and the
// related pane on the seeds, as Init runs it off the event loop: building
// the related index and collecting the targets, then handing both to the
// reader (which redraws the detail pane with its related section).
func BenchmarkStartupViews(b *testing.B) {
	c := loadSeeds(b)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	for b.Loop() {
		x, err := related.Build(context.Background(), c)
		if err != nil {
			b.Fatal(err)
		}
		next := update(m, relatedReadyMsg{index: x})
		next = update(next, targetsReadyMsg{targets: targets.Collect(c)})
		_ = next.View()
	}
}

// BenchmarkRelatedBuild is the related index alone on the seeds.
func BenchmarkRelatedBuild(b *testing.B) {
	c := loadSeeds(b)
	for b.Loop() {
		if _, err := related.Build(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetailViewRelated draws central clause (四) with its related
// section at 100×30: the section must not make View costly.
func BenchmarkDetailViewRelated(b *testing.B) {
	m := onClause(b, started(b, 100, 30), centralHukou)
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkSelectClause moves the detail pane to a new clause with the
// related index ready: rendering plus the (uncached) related query.
func BenchmarkSelectClause(b *testing.B) {
	m := started(b, 100, 30)
	a, z := mustNode(b, m.corpus, centralHukou), mustNode(b, m.corpus, jiangxiHukou)
	for b.Loop() {
		m.rel.cache = map[string]related.Scored{}
		m.detail.cache = map[detailKey][]detailLine{}
		m.detail = m.detail.Show(a.Doc, a)
		m.detail = m.detail.Show(z.Doc, z)
	}
}

// BenchmarkTargetsView draws the targets table at 100×30.
func BenchmarkTargetsView(b *testing.B) {
	m := update(started(b, 100, 30), keyRunes("t"))
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkTargetsKeystroke types one filter character and draws.
func BenchmarkTargetsKeystroke(b *testing.B) {
	m := update(started(b, 100, 30), keyRunes("t"))
	for b.Loop() {
		next := update(m, keyRunes("万"))
		_ = next.View()
	}
}

// BenchmarkCollectTargets is the targets table's start-up work on the seeds.
func BenchmarkCollectTargets(b *testing.B) {
	c := loadSeeds(b)
	for b.Loop() {
		_ = targets.Collect(c)
	}
}

// BenchmarkViewsReady is the event-loop share of that start-up: handing
// the built index and the targets to the reader and drawing a frame.
func BenchmarkViewsReady(b *testing.B) {
	c := loadSeeds(b)
	m := onClause(b, update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30}), centralHukou)
	x := related.New(c)
	ts := targets.Collect(c)
	for b.Loop() {
		m.detail.cache = map[detailKey][]detailLine{}
		next := update(m, relatedReadyMsg{index: x})
		next = update(next, targetsReadyMsg{targets: ts})
		_ = next.View()
	}
}

// loadCopies loads n copies of the seeds under distinct names (n = 60 is
// about 10 MB of text), parsed and highlighted like the user's own folder.
func loadCopies(b *testing.B, n int) *corpus.Corpus {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seeds: %v", err)
	}
	dir := b.TempDir()
	var paths []string
	for i := range n {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			p := filepath.Join(dir, fmt.Sprintf("%03d-%s", i, filepath.Base(f)))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	c, errs := corpus.LoadPaths(paths)
	if len(errs) > 0 {
		b.Fatalf("load: %v", errs)
	}
	return c
}

// BenchmarkViews10MB measures the views on about 10 MB of documents: the
// off-loop start-up work (related index and targets), and on the event
// loop one filter keystroke in the targets table and showing a clause with
// its related section (an uncached query).
func BenchmarkViews10MB(b *testing.B) {
	c := loadCopies(b, 60)
	b.Run("startup-off-loop", func(b *testing.B) {
		for b.Loop() {
			if _, err := related.Build(context.Background(), c); err != nil {
				b.Fatal(err)
			}
			_ = targets.Collect(c)
		}
	})
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	b.Logf("%d targets, %d indexed nodes", len(targetsOf(m).all), m.rel.index.Len())
	t := update(m, keyRunes("t"))
	b.Run("targets-keystroke", func(b *testing.B) {
		for b.Loop() {
			_ = update(t, keyRunes("万")).View()
		}
	})
	t1 := update(t, keyRunes("万"))
	b.Run("targets-keystroke-narrowing", func(b *testing.B) {
		for b.Loop() {
			_ = update(t1, keyRunes("人")).View()
		}
	})
	n := mustNode(b, m.corpus, "000-"+centralHukou)
	b.Run("select-clause", func(b *testing.B) {
		for b.Loop() {
			m.rel.cache = map[string]related.Scored{}
			m.detail.cache = map[detailKey][]detailLine{}
			_ = m.detail.Show(n.Doc, n).View()
		}
	})
}
