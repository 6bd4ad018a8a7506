package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"policyreader/ui/msg"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// neverLoads is a loader the tests never run: they deliver its messages
// themselves.
func neverLoads(context.Context, func(int, int)) LoadResult { return LoadResult{} }

// step feeds msg to m without running the command it returns.
func step(m Model, msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// loadingKeys are keys pressed before the corpus arrives: every one that
// acts on a corpus, and the ones that open or close something.
func loadingKeys() []tea.Msg {
	return []tea.Msg{
		keyRunes("/"), keyRunes("落户"), tea.KeyMsg{Type: tea.KeyEnter}, keyRunes("b"), keyRunes("B"),
		keyRunes("t"), keyRunes("r"), keyRunes("j"), keyRunes("k"), keyRunes("l"), keyRunes("h"),
		keyRunes("g"), keyRunes("G"), keyRunes(" "), tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgUp},
		tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyShiftTab}, tea.KeyMsg{Type: tea.KeyEnter},
		tea.KeyMsg{Type: tea.KeyEsc}, keyRunes("e"), keyRunes("d"), keyRunes("u"), tea.KeyMsg{Type: tea.KeyCtrlS},
		tea.KeyMsg{Type: tea.KeyCtrlN}, tea.KeyMsg{Type: tea.KeyUp}, tea.KeyMsg{Type: tea.KeyDown},
		keyRunes("?"), keyRunes("j"), keyRunes("?"), keyRunes("m"), keyRunes("m"),
		tea.MouseMsg{X: 3, Y: 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress},
		tea.MouseMsg{X: 30, Y: 4, Button: tea.MouseButtonWheelDown},
		selectNodeMsg{}, jumpMsg{}, closeViewMsg{},
	}
}

// TestCorpusArrivesLate: before the corpus message every key is harmless
// and the screen fits 40×12; when it arrives the tree shows the documents,
// the reading position saved in the store is restored on them, and the
// keys work.
func TestCorpusArrivesLate(t *testing.T) {
	c := loadSeeds(t)
	store := openStore(t, t.TempDir())
	if err := store.SetPosition(bookmark.Position{NodeID: centralHukou, Updated: time.Now()}); err != nil {
		t.Fatal(err)
	}
	m := NewLoading(neverLoads, Options{Bookmarks: store})
	m = update(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	checkFits(t, "loading", m.View(), 40, 12)
	for _, k := range loadingKeys() {
		var cmd tea.Cmd
		m, cmd = step(m, k)
		if cmd != nil {
			if _, ok := cmd().(corpusLoadedMsg); ok {
				t.Fatalf("%v started loading", k)
			}
		}
		if m.mode != modeBrowse {
			t.Errorf("%v opened %v while loading", k, m.mode)
		}
		checkFits(t, fmt.Sprintf("loading after %#v", k), m.View(), 40, 12)
	}
	if m.mode != modeBrowse {
		t.Fatalf("mode %v after the keys, want browse", m.mode)
	}
	if len(m.corpus.Docs) != 0 || m.bookmarks.enabled() {
		t.Fatalf("the loading reader has %d documents, bookmarks %v", len(m.corpus.Docs), m.bookmarks.enabled())
	}

	m = update(m, corpusLoadedMsg{result: LoadResult{Corpus: c}})
	if m.loading() {
		t.Fatal("still loading after the corpus arrived")
	}
	checkFits(t, "loaded", m.View(), 40, 12)
	if got := m.detail.node; got == nil || got.ID != centralHukou {
		t.Errorf("reading position not restored after the load: detail shows %v", got)
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyEsc})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Documents (5)") || m.focus != focusTree {
		t.Errorf("tree after the load (focus %v):\n%s", m.focus, v)
	}
	if len(m.tree.rows) < len(c.Docs) || !m.bookmarks.enabled() {
		t.Errorf("tree has %d rows, bookmarks %v", len(m.tree.rows), m.bookmarks.enabled())
	}
	if m.rel == nil || !targetsOf(m).ready {
		t.Errorf("after the load: related index built %v, targets collected %v", m.rel != nil, targetsOf(m).ready)
	}
	m = searchJump(t, m, "落户")
	if m.detail.node == nil || searchOf(m).find == nil {
		t.Errorf("search after the load: node %v, index built %v", m.detail.node, searchOf(m).find != nil)
	}
}

// TestLoadingProgressDelayed: a load that finishes before the 200 ms tick
// never shows progress; one still running at the tick shows "loading
// done/total files…" until the corpus arrives.
func TestLoadingProgressDelayed(t *testing.T) {
	c := loadSeeds(t)
	fast := update(NewLoading(neverLoads, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	fast, _ = step(fast, loadProgressMsg{done: 3, total: 5})
	if v := fast.View(); strings.Contains(strings.ToLower(v), "loading") {
		t.Errorf("progress shown before the tick:\n%s", v)
	}
	fast = update(fast, corpusLoadedMsg{result: LoadResult{Corpus: c}})
	fast, cmd := step(fast, loadSlowMsg{})
	if v := fast.View(); strings.Contains(strings.ToLower(v), "loading") || cmd != nil {
		t.Errorf("progress shown after a fast load (cmd %v):\n%s", cmd != nil, v)
	}

	slow := update(NewLoading(neverLoads, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	slow, _ = step(slow, loadProgressMsg{done: 37, total: 100})
	if v := slow.View(); strings.Contains(v, "37/100") {
		t.Errorf("progress shown before the tick:\n%s", v)
	}
	slow, cmd = step(slow, loadSlowMsg{})
	v := slow.View()
	if !strings.Contains(v, "loading 37/100 files…") || !strings.Contains(v, "LOADING") || cmd == nil {
		t.Errorf("no progress after the tick (spinner cmd %v):\n%s", cmd != nil, v)
	}
	checkFits(t, "progress", v, 100, 30)
	slow, _ = step(slow, loadProgressMsg{done: 38, total: 100})
	slow, _ = step(slow, loadProgressMsg{done: 36, total: 100}) // reports race; never go back
	slow, _ = step(slow, loadSpinMsg{})
	if v2 := slow.View(); !strings.Contains(v2, "loading 38/100 files…") || v2 == v {
		t.Errorf("progress did not advance:\n%s", v2)
	}
	slow = update(slow, corpusLoadedMsg{result: LoadResult{Corpus: c}})
	if v := slow.View(); strings.Contains(strings.ToLower(v), "loading") {
		t.Errorf("progress still shown after the load:\n%s", v)
	}
	if _, cmd := step(slow, loadSpinMsg{}); cmd != nil {
		t.Error("the spinner keeps ticking after the load")
	}
}

// loadFolder runs l through the reader's own commands (no timer), as the
// event loop would, until the corpus is in.
func loadFolder(t *testing.T, l Loader, w, h int) Model {
	t.Helper()
	m := update(NewLoading(l, Options{}), tea.WindowSizeMsg{Width: w, Height: h})
	msg := m.load.run.start(m.bg.ctx)()
	for range 1000 {
		if _, ok := msg.(corpusLoadedMsg); ok {
			return update(m, msg)
		}
		var cmd tea.Cmd
		m, cmd = step(m, msg)
		if cmd == nil {
			t.Fatalf("%T: no listening command", msg)
		}
		msg = cmd()
	}
	t.Fatal("the load never finished")
	return m
}

// seedFolder writes the central opinions, an empty file and a binary file
// into a temp folder.
func seedFolder(t *testing.T) (dir string, seed []byte) {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("..", "seeds", "central-2019-social-mobility-opinions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	files := map[string][]byte{
		"opinions.txt": seed,
		"empty.txt":    nil,
		"binary.txt":   {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0},
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, seed
}

// TestLoadFolderWithBadFiles: a folder with a seed, an empty file and a
// binary file opens on the seed, and the status bar names the two
// skipped files with their reasons.
func TestLoadFolderWithBadFiles(t *testing.T) {
	dir, _ := seedFolder(t)
	// 120 columns: the bar keeps room for ? help, and the message needs more than 100.
	m := loadFolder(t, PathsLoader([]string{dir}, nil), 120, 30)
	if len(m.corpus.Docs) != 1 || !strings.HasSuffix(m.corpus.Docs[0].Source, "opinions.txt") {
		t.Fatalf("loaded %d documents", len(m.corpus.Docs))
	}
	v := ansi.Strip(m.View())
	status := v[strings.LastIndex(v, "\n")+1:]
	for _, want := range []string{"2 files skipped", "binary.txt: not a text file (binary data)", "empty.txt: empty document"} {
		if !strings.Contains(status, want) {
			t.Errorf("status bar lacks %q: %q", want, status)
		}
	}
	if !strings.Contains(v, "Documents (1)") || !strings.Contains(v, "关于促进劳动力和人才社会性流动体制机制改革的意见") {
		t.Errorf("tree lacks the seed:\n%s", v)
	}
	checkFits(t, "folder", m.View(), 120, 30)
}

// TestLoadNothing: when no file loads the reader says so on one line per
// file, stays usable (help, quit) and no key panics.
func TestLoadNothing(t *testing.T) {
	dir, _ := seedFolder(t)
	if err := os.Remove(filepath.Join(dir, "opinions.txt")); err != nil {
		t.Fatal(err)
	}
	m := loadFolder(t, PathsLoader([]string{dir}, nil), 40, 12)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "No documents could be loaded.") || !strings.Contains(v, "binary.txt: not a") || !strings.Contains(v, "EMPTY") {
		t.Errorf("empty load:\n%s", v)
	}
	for _, k := range loadingKeys() {
		m, _ = step(m, k)
		checkFits(t, "nothing loaded", m.View(), 40, 12)
	}
	if _, cmd := step(m, keyRunes("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit when nothing loaded")
	}
}

// TestQuitCancelsLoading: q while loading quits and cancels the loader.
func TestQuitCancelsLoading(t *testing.T) {
	stopped := make(chan error, 1)
	blocking := func(ctx context.Context, progress func(int, int)) LoadResult {
		progress(1, 10)
		<-ctx.Done()
		stopped <- ctx.Err()
		return LoadResult{}
	}
	m := update(NewLoading(blocking, Options{}), tea.WindowSizeMsg{Width: 80, Height: 24})
	first := make(chan tea.Msg, 1)
	go func() { first <- m.load.run.start(m.bg.ctx)() }()
	if msg := <-first; msg != (loadProgressMsg{done: 1, total: 10}) {
		t.Fatalf("first message %#v, want progress 1/10", msg)
	}
	m, cmd := step(m, keyRunes("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit while loading")
	}
	select {
	case err := <-stopped:
		if err != context.Canceled {
			t.Errorf("loader stopped with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("quitting did not cancel the loader")
	}
}

// TestLoadedHostileFile: a file full of escape sequences and control
// characters loads and reaches the screen as harmless text.
func TestLoadedHostileFile(t *testing.T) {
	dir := t.TempDir()
	hostile := "第一条\x1b[2J\x1b]0;pwn\x07 标题\x1b[31m红色\x1b[0m\n（一）条款\x1b[?1049l内容\x1bP+q\x1b\\结束，这一行的正文足够长，控制字符只占很小一部分。\x08\n"
	if err := os.WriteFile(filepath.Join(dir, "ansi.txt"), []byte(strings.Repeat(hostile, 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	m := loadFolder(t, PathsLoader([]string{dir}, nil), 100, 30)
	if len(m.corpus.Docs) != 1 {
		t.Fatalf("loaded %d documents", len(m.corpus.Docs))
	}
	for _, k := range []tea.Msg{nil, tea.KeyMsg{Type: tea.KeyEnter}, keyRunes("j"), tea.KeyMsg{Type: tea.KeyEnter}} {
		if k != nil {
			m = update(m, k)
		}
		v := m.View()
		if strings.ContainsAny(v, "\x1b\x07\x08") {
			t.Errorf("raw control characters reached the screen: %q", v)
		}
		checkFits(t, "hostile file", v, 100, 30)
	}
}

// TestSkippedSummary names the first files with their reasons, without
// folders, on one line.
func TestSkippedSummary(t *testing.T) {
	errs := []error{
		&corpus.LoadError{Source: "/tmp/x/bin\x1b[2J.txt", Err: corpus.ErrBinary},
		&corpus.LoadError{Source: "/tmp/x/e.md", Err: corpus.ErrEmpty},
	}
	got := skippedSummary(msg.Printer{}, errs)
	if got != "2 files skipped: bin␛[2J.txt: not a text file (binary data); e.md: empty document" {
		t.Errorf("summary %q", got)
	}
	if got := skippedSummary(msg.Printer{}, errs[1:]); got != "1 file skipped: e.md: empty document" {
		t.Errorf("summary %q", got)
	}
	if skippedSummary(msg.Printer{}, nil) != "" {
		t.Error("summary of nothing is not empty")
	}
}
