package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// syntheticFolder writes n files of about size bytes each, made of the
// seeds' text repeated, and returns the folder (as corpus's benchmark
// builds it).
func syntheticFolder(tb testing.TB, n, size int) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	var seeds [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	dir := tb.TempDir()
	for i := range n {
		var buf bytes.Buffer
		for buf.Len() < size {
			buf.Write(seeds[(i+buf.Len())%len(seeds)])
			buf.WriteString("\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%03d.txt", i)), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// frameWatch is the program's output: it notes when the screen first
// shows first and then loaded.
type frameWatch struct {
	mu            sync.Mutex
	out           strings.Builder
	first, loaded string
	firstAt       time.Time
	loadedAt      time.Time
	done          chan struct{}
}

func (w *frameWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.out.Write(p)
	s := w.out.String()
	if w.firstAt.IsZero() && strings.Contains(s, w.first) {
		w.firstAt = time.Now()
	}
	if w.loadedAt.IsZero() && strings.Contains(s, w.loaded) {
		w.loadedAt = time.Now()
		close(w.done)
	}
	return len(p), nil
}

// BenchmarkFirstFrameLoading runs the real program on a synthetic 10 MB
// folder (100 files) and reports the time from start to the first frame
// (the status bar, drawn while the folder loads) and to the frame with
// the documents. "sync" loads the folder first and then starts the
// program on it, as the reader did before.
func BenchmarkFirstFrameLoading(b *testing.B) {
	dir := syntheticFolder(b, 100, 100<<10)
	for _, mode := range []string{"async", "sync"} {
		b.Run(mode, func(b *testing.B) {
			var first, full time.Duration
			for b.Loop() {
				w := &frameWatch{first: "quit", loaded: "Documents (100)", done: make(chan struct{})}
				start := time.Now()
				var m Model
				if mode == "async" {
					m = NewLoading(PathsLoader([]string{dir}, nil), Options{})
				} else {
					r := PathsLoader([]string{dir}, nil)(b.Context(), func(int, int) {})
					m = New(r.Corpus, Options{})
				}
				p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(w), tea.WithoutSignalHandler())
				ran := make(chan error, 1)
				go func() { _, err := p.Run(); ran <- err }()
				p.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
				select {
				case <-w.done:
				case <-time.After(time.Minute):
					b.Fatal("the documents never showed")
				}
				p.Quit()
				if err := <-ran; err != nil {
					b.Fatal(err)
				}
				first += w.firstAt.Sub(start)
				full += w.loadedAt.Sub(start)
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "ms-first-frame")
			b.ReportMetric(float64(full.Microseconds())/1000/float64(b.N), "ms-documents-shown")
		})
	}
}
