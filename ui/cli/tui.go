package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"
	"policyreader/ui"
	"policyreader/ui/textlayout"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"
)

// TUI returns the function main passes as Env.RunTUI: it loads the corpus
// (seeds, or opts.Corpus), shows load warnings in the status bar and runs
// the reader full-screen until the user quits. getenv decides NO_COLOR.
// The seeds load before the program starts (about 20 ms); --corpus paths
// load while the reader is already on screen (see runLoading).
func TUI(seeds fs.FS, getenv func(string) string) func(Options) error {
	return func(opts Options) error {
		if len(opts.Corpus) > 0 {
			return runLoading(opts, getenv)
		}
		var warn bytes.Buffer
		cache := openCache(opts)
		c, err := loadCorpusWith(Env{Seeds: seeds, Stderr: &warn, Getenv: getenv}, opts, corpus.LoadOptions{LazyAnnotations: true}, cache)
		warnings := warningLines(warn.String())
		if err != nil {
			if len(warnings) > 0 {
				return failf("%w (%s)", err, strings.Join(warnings, "; "))
			}
			return err
		}
		uiOpts := readerOptions(getenv)
		uiOpts.ReadingWidth = opts.ReadingWidth
		uiOpts.Lang = opts.Lang
		if cache != nil {
			uiOpts.SearchIndex = cache.SearchIndex
			uiOpts.RelatedIndex = cache.RelatedIndex
		}
		store, storeWarnings := openStore(opts.DataDir, c)
		if store != nil {
			uiOpts.Bookmarks = store
		}
		uiOpts.Warnings = append(warnings, storeWarnings...)
		m := ui.New(c, uiOpts)
		final, err := tea.NewProgram(m, programOptions()...).Run()
		if cache != nil {
			cache.Close() // annotations computed while reading, kept for next time
		}
		if err != nil {
			return failf("run the reader: %w", err)
		}
		return unsavedChanges(final, store)
	}
}

// unsavedChanges runs after the reader has left the screen: changes it
// had queued go to the store, and whatever the store could not write is
// reported (an error, so the exit status is non-zero) — a confirmed
// bookmark is never silently gone.
func unsavedChanges(final tea.Model, store *bookmark.Store) error {
	if store == nil {
		return nil
	}
	// The user has waited once already: the queued changes try the lock
	// without waiting again.
	store.SetLockTimeout(0)
	if fm, ok := final.(ui.Model); ok {
		if fm.SavePending() {
			fmt.Fprintln(os.Stderr, "policyreader: saving bookmarks…")
		}
		fm.SaveQueued()
	}
	n, why := store.Unsaved()
	if n == 0 {
		return nil
	}
	if why == nil {
		why = failf("not written yet")
	}
	return failf("%d change(s) not saved: %w", n, why)
}

// readerOptions sets up the terminal side of the reader: one width rule,
// the renderer and its colour profile (NO_COLOR from getenv).
func readerOptions(getenv func(string) string) ui.Options {
	// One width rule for the whole program: go-runewidth (textinput)
	// measures like lipgloss.
	textlayout.AlignRunewidth(runewidth.DefaultCondition)
	noColor := getenv("NO_COLOR") != ""
	// lipgloss's default renderer: bubbletea's init has already asked the
	// terminal for its background through it, before main ran. A renderer
	// of our own would ask a second time, one more round trip before the
	// first frame (measured by BenchmarkFirstFrame).
	r := lipgloss.DefaultRenderer()
	if noColor {
		// lipgloss's NO_COLOR profile drops bold and reverse too; keep
		// attributes so highlights stay visible, the styles name no colour.
		r.SetColorProfile(termenv.ANSI)
	}
	r.HasDarkBackground() // answered already; asks only if init could not
	return ui.Options{NoColor: noColor, Renderer: r, Getenv: getenv, SavePositionAfter: 1500 * time.Millisecond,
		FlashFor: 1500 * time.Millisecond}
}

// openStore opens the bookmark store in dir (the XDG data directory when
// empty) and re-anchors its bookmarks on c, so the tree marks the right
// clauses after a document was edited. Every problem is a warning for the
// status bar; a nil store (no data directory at all) leaves bookmarks off.
func openStore(dir string, c *corpus.Corpus) (*bookmark.Store, []string) {
	s, warnings := openBookmarkStore(dir)
	if s == nil {
		return nil, warnings
	}
	return s, append(warnings, reanchorStore(s, c)...)
}

// openBookmarkStore opens the bookmark store in dir; a nil store (no data
// directory at all) comes with the warning that bookmarks are off.
func openBookmarkStore(dir string) (*bookmark.Store, []string) {
	s, warnings, err := bookmark.Open(dir)
	if err != nil {
		return nil, []string{"bookmarks are off: " + err.Error()}
	}
	return s, warnings
}

// reanchorStore re-anchors s's bookmarks on c and returns what it warns.
func reanchorStore(s *bookmark.Store, c *corpus.Corpus) []string {
	var warnings []string
	if _, err := s.Reanchor(c); err != nil {
		warnings = append(warnings, "bookmarks: "+err.Error())
	}
	return append(warnings, s.Warnings()...)
}

// warningLines turns LoadCorpus's stderr lines into status-bar messages.
func warningLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, "policyreader: warning: "))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// renderFPS is how often the reader's renderer may draw. bubbletea draws
// on a ticker, so the first frame waits up to one period after the model
// is ready: at 120 frames a second (its maximum) that is 8 ms, not 17.
const renderFPS = 120

// programOptions are the reader's bubbletea options: the alternate screen,
// mouse reports and the render rate.
func programOptions() []tea.ProgramOption {
	return []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(renderFPS)}
}
