package ui

import (
	"context"
	"errors"
	"fmt"
	"github.com/charmbracelet/bubbles/help"
	"path/filepath"
	"policyreader/ui/msg"
	"slices"
	"strings"
	"sync"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/search"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Loading the user's documents while the reader is already on screen. The
// loader runs in a command on its own goroutine; its progress reports reach
// the model as messages (a listening command re-subscribed after each), so
// the model is only ever changed on the event loop. Until the corpus
// arrives, every key that needs one is inert; when it arrives the reader is
// built on it exactly as New builds it (bookmarks, reading position, search
// index, related index, targets), keeping the size, the mouse setting and
// the background context that quitting cancels.

// loadSlowAfter is how long loading may run before the reader shows its
// progress; faster loads never flash an indicator.
const loadSlowAfter = 200 * time.Millisecond

// loadSpinEvery is the spinner's frame interval while loading shows.
const loadSpinEvery = 100 * time.Millisecond

// LoadResult is what a Loader hands the reader.
type LoadResult struct {
	// Corpus holds the documents that loaded; nil or empty means none did.
	Corpus *corpus.Corpus
	// Skipped are the sources that failed to load (*corpus.LoadError),
	// summarised in the status bar.
	Skipped []error
	// Warnings are other notes for the status bar (e.g. from re-anchoring
	// bookmarks on the new corpus).
	Warnings []string
	// Index, when not nil, is Corpus's search index, already read (a
	// library opened from a cache's pack undecoded comes with it); else
	// the reader builds or fetches one as Options.SearchIndex says.
	Index *search.Index
}

// Loader loads the reader's documents. It runs off the event loop, must
// return soon after ctx is cancelled (the reader quit), and may call
// progress from any goroutine with the number of files done and the total.
type Loader func(ctx context.Context, progress func(done, total int)) LoadResult

// PathsLoader returns a Loader that reads files and folders (recursively,
// every format the reader opens) with corpus.LoadPathsContext, in parallel,
// through cache when it is not nil.
func PathsLoader(paths []string, cache corpus.DocCache) Loader {
	paths = slices.Clone(paths)
	return func(ctx context.Context, progress func(done, total int)) LoadResult {
		// Annotations come on first use: the tree shows sooner, and the
		// targets view annotates the rest in the background.
		c, errs := corpus.LoadPathsContext(ctx, paths, corpus.LoadOptions{Progress: progress, Cache: cache, LazyAnnotations: true})
		return LoadResult{Corpus: c, Skipped: errs}
	}
}

// loadPhase is where the reader is with its documents.
type loadPhase int

const (
	loaded      loadPhase = iota // the corpus is in (New, or after loading)
	loadRunning                  // the loader is running
	loadFailed                   // the loader finished with no document
)

// loadState is the root model's part of loading.
type loadState struct {
	phase       loadPhase
	run         *loadRun
	opts        Options // what the reader is built with once the corpus arrives
	done, total int     // the latest progress report
	slow        bool    // loading has run past loadSlowAfter: show progress
	frame       int     // spinner frame
	failure     []string
}

// loadRun connects one loader goroutine to the event loop.
type loadRun struct {
	loader   Loader
	mu       sync.Mutex // serialises reports so the channel holds the latest
	progress chan loadProgressMsg
	result   chan LoadResult
}

// loadProgressMsg reports that done of total files are loaded.
type loadProgressMsg struct{ done, total int }

// loadSlowMsg arrives loadSlowAfter after loading started.
type loadSlowMsg struct{}

// loadSpinMsg advances the spinner while loading shows.
type loadSpinMsg struct{}

// corpusLoadedMsg delivers the loader's result.
type corpusLoadedMsg struct{ result LoadResult }

// NewLoading returns the reader with no documents yet: its Init runs load
// off the event loop and the reader switches to the corpus when it
// arrives. opts apply to the reader on that corpus; their Bookmarks are
// read only then, so the store may be re-anchored by load.
func NewLoading(load Loader, opts Options) Model {
	m := New(corpus.NewCorpus(nil), Options{NoColor: opts.NoColor, Renderer: opts.Renderer})
	m.load = loadState{phase: loadRunning, opts: opts, run: &loadRun{
		loader:   load,
		progress: make(chan loadProgressMsg, 1),
		result:   make(chan LoadResult, 1),
	}}
	return m
}

// loading reports whether the reader is still without its documents.
func (m Model) loading() bool { return m.load.phase != loaded }

// loadInit starts the loader and the timer that decides whether progress
// shows.
func (m Model) loadInit() tea.Cmd {
	return tea.Batch(m.load.run.start(m.bg.ctx), tea.Tick(loadSlowAfter, func(time.Time) tea.Msg { return loadSlowMsg{} }))
}

// start returns the command that runs the loader on its own goroutine and
// waits for its first message.
func (r *loadRun) start(ctx context.Context) tea.Cmd {
	return func() tea.Msg {
		go func() {
			defer func() {
				if p := recover(); p != nil {
					r.result <- LoadResult{Skipped: []error{fmt.Errorf("loading stopped: %v", p)}}
				}
			}()
			r.result <- r.loader(ctx, r.report)
		}()
		return r.wait()
	}
}

// report keeps only the latest progress in the channel; it never blocks
// the loader.
func (r *loadRun) report(done, total int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	select {
	case <-r.progress:
	default:
	}
	r.progress <- loadProgressMsg{done: done, total: total}
}

// wait is the listening command: the next progress report or the result.
func (r *loadRun) wait() tea.Msg {
	select {
	case res := <-r.result:
		return corpusLoadedMsg{result: res}
	case p := <-r.progress:
		return p
	}
}

func spinTick() tea.Cmd {
	return tea.Tick(loadSpinEvery, func(time.Time) tea.Msg { return loadSpinMsg{} })
}

// updateLoad handles the loading messages.
func (m Model) updateLoad(msg tea.Msg) (Model, tea.Cmd) {
	running := m.load.phase == loadRunning
	switch msg := msg.(type) {
	case loadProgressMsg:
		if !running {
			return m, nil
		}
		m.load.done, m.load.total = max(m.load.done, msg.done), msg.total
		return m, m.load.run.wait
	case loadSlowMsg:
		if !running || m.load.slow {
			return m, nil
		}
		m.load.slow = true
		return m, spinTick()
	case loadSpinMsg:
		if !running || !m.load.slow {
			return m, nil
		}
		m.load.frame++
		return m, spinTick()
	case corpusLoadedMsg:
		if !running {
			return m, nil
		}
		return m.arrive(msg.result)
	}
	return m, nil
}

// arrive builds the reader on the loaded corpus, or shows why there is
// none.
func (m Model) arrive(res LoadResult) (Model, tea.Cmd) {
	skipped := skippedSummary(m.styles.tr, res.Skipped)
	if res.Corpus == nil || len(res.Corpus.Docs) == 0 {
		m.load.phase = loadFailed
		m.load.failure = []string{m.styles.tr.T("No documents could be loaded.")}
		for _, e := range res.Skipped {
			m.load.failure = append(m.load.failure, skipReason(e))
		}
		return m, nil
	}
	opts := m.load.opts
	opts.Warnings = append(slices.Clone(opts.Warnings), res.Warnings...)
	if ix := res.Index; ix != nil {
		opts.SearchIndex = func(*corpus.Corpus) *search.Index { return ix }
	}
	n := New(res.Corpus, opts)
	n.bg.stop()
	n.bg = m.bg
	n.mouse = m.mouse
	if skipped != "" {
		msg := skipped
		if n.status.message != "" {
			msg += "; " + n.status.message
		}
		n.status = n.status.SetMessage(msg, true)
	}
	if m.sized {
		n = n.resize(m.layout.width, m.layout.height)
	}
	if m.helpOpen {
		n.help, n.helpOpen = m.help, true
	}
	return n, n.Init()
}

// skippedSummary is the status bar's warning about the files that did not
// load: "2 files skipped: a.txt: reason; b.txt: reason".
func skippedSummary(tr msg.Printer, errs []error) string {
	if len(errs) == 0 {
		return ""
	}
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = skipReason(e)
	}
	return tr.F(plural(len(errs), "%d file skipped: %s", "%d files skipped: %s"), len(errs), strings.Join(parts, "; "))
}

// skipReason is "name: reason" for one failed source, its name without
// the folder, sanitised for the screen.
func skipReason(err error) string {
	var le *corpus.LoadError
	s := err.Error()
	if errors.As(err, &le) {
		s = filepath.Base(le.Source) + ": " + le.Err.Error()
	}
	return oneLine(textlayout.Sanitize(s))
}

// handleLoadingKey handles a key before the corpus is in: only quitting,
// help and the mouse toggle act.
func (m Model) handleLoadingKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		return m.openHelp(), nil
	case key.Matches(msg, k.Mouse):
		return m.toggleMouse()
	}
	return m, nil
}

// statusKeys are the keys the status bar lists: while loading only those
// that act.
func (m Model) statusKeys() help.KeyMap {
	if m.mode == modePane && m.pane != nil {
		return paneKeys{pane: m.pane.KeyMap(), root: m.keys}
	}
	if !m.loading() || m.mode != modeBrowse {
		return m.keys
	}
	return keyMap{Help: m.keys.Help, Quit: m.keys.Quit}
}

// loadLabel is the status bar's label while loading, empty otherwise or
// while loading is too recent to mention.
func (m Model) loadLabel() string {
	switch {
	case m.mode != modeBrowse:
		return ""
	case m.load.phase == loadFailed:
		return m.styles.tr.T("EMPTY")
	case m.load.phase == loadRunning && m.load.slow:
		return m.styles.tr.T("LOADING")
	}
	return ""
}

// loadingView is the body before the corpus is in: blank at first, then
// the progress line, or why nothing loaded.
func (m Model) loadingView() string {
	l := m.layout
	st := m.styles
	lines := make([]string, l.bodyHeight)
	switch {
	case m.load.phase == loadFailed:
		for i, s := range m.load.failure {
			if i >= len(lines) {
				break
			}
			lines[i] = textlayout.Truncate(st.Warning.Render(s), l.width)
		}
		if len(lines) > len(m.load.failure) {
			lines[len(m.load.failure)] = textlayout.Truncate(st.Dim.Render(st.tr.T("q quits")), l.width)
		}
	case m.load.slow && len(lines) > 0:
		frames := spinner.MiniDot.Frames
		what := st.tr.T("loading documents…")
		if m.load.total > 0 {
			what = st.tr.F("loading %d/%d files…", m.load.done, m.load.total)
		}
		lines[0] = textlayout.Truncate(st.Prompt.Render(frames[m.load.frame%len(frames)])+" "+st.Text.Render(what), l.width)
	}
	return strings.Join(lines, "\n")
}
