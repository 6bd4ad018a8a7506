// Package ui is policyreader's interactive reader: a bubbletea program with
// a document tree, a reading pane with highlighted targets and responsible
// bodies, and a fuzzy search pane. The root Model owns layout, focus and
// global keys and routes everything else to small child models.
package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bodies"
	"policyreader/corpus/facet"
	"policyreader/corpus/related"
	"policyreader/corpus/search"
	"policyreader/ui/msg"
	"policyreader/ui/textlayout"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// mode is what the body of the screen shows.
type mode int

const (
	modeBrowse mode = iota // tree and detail
	modePane               // a pane over the body: search, bookmarks, related, targets, compare, bodies, facets
)

// String names the mode as the status bar shows it.
func (m mode) String() string {
	switch m {
	case modePane:
		return "PANE"
	}
	return "BROWSE"
}

// focus is the pane that receives keys while browsing.
type focus int

const (
	focusTree focus = iota
	focusDetail
)

// String names the pane as the status bar shows it.
func (f focus) String() string {
	if f == focusDetail {
		return "TEXT"
	}
	return "TREE"
}

// Options configure the reader.
type Options struct {
	// NoColor selects the monochrome theme (set it when NO_COLOR is set).
	NoColor bool
	// Renderer draws the styles; nil means lipgloss's default renderer. With
	// NoColor, give a renderer whose profile keeps attributes (ANSI), since
	// lipgloss drops bold and reverse too under its NO_COLOR profile.
	Renderer *lipgloss.Renderer
	// Warnings are shown in the status bar on start (e.g. files that
	// failed to load).
	Warnings []string
	// Bookmarks enables the b and B keys; nil leaves them off.
	Bookmarks BookmarkStore
	// Clipboard receives the OSC 52 sequences of y and Y: the terminal
	// (os.Stderr when nil).
	Clipboard io.Writer
	// Getenv reads the environment (TMUX, TERM for the clipboard);
	// os.Getenv when nil.
	Getenv func(string) string
	// ExportDir is where the targets view writes its CSV; the working
	// directory when empty.
	ExportDir string
	// Lang is the language of the interface (English by default).
	Lang msg.Lang
	// ReadingWidth caps the width of the text in the reading pane, in
	// cells: long lines are hard to read. Zero means DefaultReadingWidth;
	// a negative width means no cap.
	ReadingWidth int
	// FlashFor is how long the sentence a jump lands on stays marked; zero
	// keeps it marked until another node is shown.
	FlashFor time.Duration
	// SavePositionAfter, when positive, also saves the reading position
	// once the tree selection has rested this long, so a crash loses at
	// most that much; zero saves it only on jumps and on quit.
	SavePositionAfter time.Duration
	// SearchIndex gives the search index of the corpus (from a cache, say);
	// it runs off the event loop. Nil builds the index from the text.
	SearchIndex func(*corpus.Corpus) *search.Index
	// RelatedIndex gives the related-clause index of the corpus (from a
	// cache, say), returning ctx's error when the reader quits first; it
	// runs off the event loop. Nil builds the index from the text.
	RelatedIndex func(ctx context.Context, c *corpus.Corpus) (*related.Index, error)
}

// detailPad is the blank column between the separator and the text.
const detailPad = 1

// Model is the root model of the reader.
type Model struct {
	corpus     *corpus.Corpus
	sized      bool // a WindowSizeMsg has arrived
	layout     layout
	mode       mode
	focus      focus
	mouse      bool
	keys       keyMap
	styles     *Styles
	tree       treeModel
	detail     detailModel
	search     searchModel
	status     statusModel
	help       helpModel
	bookmarks  bookmarksModel
	resume     resumeState // reading position to restore; quitting once saved
	targets    targetsModel
	rel        *relatedSource  // nil until the related index is built
	relErr     error           // why the related index could not be built
	origin     viewOrigin      // where to return when a view closes
	hist       history         // the places jumps left, back and forward
	flash      flashState      // the mark on a jump's landing
	gotoBox    gotoModel       // the go-to prompt (:)
	treeFilter treeFilterModel // the tree's filter prompt (F)
	finder     findState       // n and N through the last search's matches
	bodyList   []*bodies.Body  // the corpus\'s bodies, once the pane has collected them
	flashFor   time.Duration
	readingW   int          // the reading pane's widest text, 0 for no cap
	cites      citeState    // the citation selected in the detail pane
	pane       pane         // the open pane in modePane, else nil
	facets     facet.Filter // the documents the tree lists
	clipboard  io.Writer    // where y and Y send OSC 52
	getenv     func(string) string
	indexFor   func(*corpus.Corpus) *search.Index
	relatedFor func(context.Context, *corpus.Corpus) (*related.Index, error)
	helpOpen   bool // the full help is drawn over the mode
	bg         background
	load       loadState // documents still loading (NewLoading)
	pos        positionTimer
}

// New returns the reader on c, the first document selected.
func New(c *corpus.Corpus, opts Options) Model {
	r := opts.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	st := defaultStyles(r, opts.NoColor)
	st.tr = msg.New(opts.Lang)
	tr := st.tr
	m := Model{
		corpus:     c,
		mouse:      true,
		keys:       defaultKeyMap(tr),
		styles:     &st,
		tree:       newTree(c.Docs, &st),
		detail:     newDetail(&st),
		search:     newSearch(&st),
		status:     newStatus(&st),
		help:       newHelp(&st),
		bookmarks:  newBookmarks(c, opts.Bookmarks, &st),
		targets:    newTargets(&st),
		bg:         newBackground(),
		gotoBox:    newGoto(&st),
		treeFilter: newTreeFilter(&st),
		pos:        positionTimer{delay: opts.SavePositionAfter},
		clipboard:  opts.Clipboard,
		flashFor:   opts.FlashFor,
		readingW:   readingWidth(opts.ReadingWidth),
		getenv:     opts.Getenv,
		indexFor:   opts.SearchIndex,
		relatedFor: opts.RelatedIndex,
	}
	if m.clipboard == nil {
		m.clipboard = os.Stderr
	}
	if m.getenv == nil {
		m.getenv = os.Getenv
	}
	m.targets.exportDir = exportDirOr(opts.ExportDir)
	m.tree = m.tree.SetMarked(m.bookmarks.ids())
	if len(opts.Warnings) > 0 {
		msg := tr.F("%d warning(s): %s", len(opts.Warnings), strings.Join(opts.Warnings, "; "))
		m.status = m.status.SetMessage(msg, true)
	}
	if r, ok := m.tree.Selected(); ok {
		m.detail = m.detail.Show(r.doc, r.node)
	}
	m = m.restorePosition(opts.Bookmarks)
	m.keys.updateKeybindings(m.keyState())
	return m
}

// Init starts the background work, just after the first frame.
func (m Model) Init() tea.Cmd {
	if m.loading() {
		return m.loadInit()
	}
	return tea.Tick(backgroundAfter, func(time.Time) tea.Msg { return startBackgroundMsg{} })
}

// backgroundAfter is how long after it starts the reader waits to begin
// its background work (the search, related-clause and citation indexes,
// the targets): long enough for the first frame to be drawn without
// sharing the processor with it (measured with BenchmarkFirstFrame on
// two cores: 25–30 ms to the first frame with the work started at once,
// 21–23 ms with it deferred). A query typed meanwhile waits for the index
// as on a large library.
const backgroundAfter = 15 * time.Millisecond

// startBackgroundMsg starts the background work.
type startBackgroundMsg struct{}

// startBackground builds the search index and the views' data off the
// event loop.
func (m Model) startBackground() tea.Cmd {
	c, indexFor := m.corpus, m.indexFor
	if indexFor == nil {
		indexFor = search.New
	}
	return tea.Batch(func() tea.Msg {
		ix := indexFor(c)
		return indexReadyMsg{search: ix.Search, index: ix}
	}, m.viewsInit())
}

// Update routes msg to the handler for the current mode or to the child
// it concerns, then decides — in this one place — which key bindings are
// live in the state it leaves, so no handler re-syncs them by hand.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		return m.typed(k)
	}
	next, cmd := m.update(msg)
	n := next.(Model)
	n.keys.updateKeybindings(n.keyState())
	return n, cmd
}

// typed handles runes the terminal sent at once — typed faster than the
// program read them (a slow link, a busy machine, a held key) or
// committed together by an input method — as the keys they were, one at
// a time: "/luohu" opens the search and types luohu, "jj" moves down
// twice. A key that quits ends them: what follows it is dropped.
func (m Model) typed(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
		quits := key.Matches(k, m.keys.Quit)
		next, cmd := m.Update(k)
		m, cmds = next.(Model), append(cmds, cmd)
		if quits {
			break
		}
	}
	return m, tea.Batch(cmds...)
}

// update is Update without the key bindings' sync.
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case startBackgroundMsg:
		return m, m.startBackground()
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height), nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		before := m.here()
		m, cmd := m.handleMouse(msg)
		return m.dropBackIfMoved(before), cmd
	case loadProgressMsg, loadSlowMsg, loadSpinMsg, corpusLoadedMsg:
		return m.updateLoad(msg)
	case selectNodeMsg:
		m.detail = m.detail.Show(msg.doc, msg.node)
		// A document of a library opened on demand whose pack and file
		// both fail shows empty: say why rather than show it so silently.
		if err := msg.doc.Load(); err != nil {
			m.status = m.status.SetMessage(m.styles.tr.F("this document could not be read: %v", err), true)
		}
		var cmd tea.Cmd
		m.pos, cmd = m.pos.restart()
		return m, cmd
	case positionRestedMsg:
		if m.pos.current(msg) {
			return m.savePosition()
		}
		return m, nil
	case jumpMsg:
		m, flash := m.jumpFrom(msg).flashLanding(msg)
		m, save := m.savePosition()
		return m, tea.Batch(flash, save)
	case flashDoneMsg:
		return m.endFlash(msg), nil
	case findReadyMsg:
		before := m.here()
		return m.findReady(msg).dropBackIfMoved(before), nil
	case storeDoneMsg, storeSlowMsg:
		return m.handleStore(msg)
	case relatedReadyMsg, targetsReadyMsg, citationsReadyMsg, closeViewMsg, jumpTargetMsg:
		return m.updateViews(msg)
	case treeFilteredMsg:
		return m.treeFiltered(msg)
	case expandAllMsg:
		m.tree = m.tree.ExpandAll()
		m.status = m.status.SetMessage(m.styles.tr.F("read %d documents", msg.read), false)
		return m, nil
	case facetsChangedMsg:
		return m.setFacets(msg.filter), nil
	default:
		if b, ok := msg.(bodiesReadyMsg); ok {
			m.bodyList = b.bodies // collected once, for every opening
		}
		if m.pane != nil {
			// A pane's own messages (its work arriving) go back to it.
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(msg)
			return m, cmd
		}
	case indexReadyMsg, searchResultsMsg, wordsReadyMsg:
		// The search's state lives in the pane while it is open.
		var cmd tea.Cmd
		if _, ok := m.pane.(searchModel); ok {
			m.pane, cmd = m.pane.Update(msg)
			return m, cmd
		}
		m.search, cmd = m.search.update(msg)
		return m, cmd
	case statusMsg:
		m.status = m.status.SetMessage(string(msg), false)
	case errMsg:
		m.status = m.status.SetMessage(msg.Error(), true)
	}
	return m, nil
}

func (m Model) keyState() keyState {
	s := keyState{mode: m.mode, focus: m.focus, help: m.helpOpen, bookmarks: m.bookmarks.enabled(), views: true, back: m.hist.fresh && m.hist.canBack(), history: m.hist.canBack(), forward: m.hist.canForward()}
	_, s.citation = m.selectedCitation()
	s.typing = m.paneTyping() || m.gotoBox.open || m.treeFilter.open
	return s
}

// setMode switches mode and focus; Update then decides the live keys.
func (m Model) setMode(md mode, f focus) Model {
	m.mode, m.focus = md, f
	return m
}

func (m Model) resize(w, h int) Model {
	m.sized = true
	m.layout = newLayout(w, h)
	rows := m.layout.paneRows()
	m.tree = m.tree.SetSize(m.layout.treeWidth, rows)
	m.detail = m.detail.SetSize(m.detailTextWidth(), rows)
	m.search = m.search.resized(m.layout.width, m.layout.bodyHeight)
	m.bookmarks = m.bookmarks.resized(m.layout.width, m.layout.bodyHeight)
	m = m.restoreScroll()
	m.targets = m.targets.resized(m.layout.width, m.layout.bodyHeight)
	if m.pane != nil {
		m.pane = m.pane.SetSize(m.layout.width, m.layout.bodyHeight)
	}
	return m
}

func (m Model) detailTextWidth() int {
	w := m.layout.detailWidth
	if m.layout.split {
		w = max(m.layout.detailWidth-detailPad, 1)
	}
	if m.readingW > 0 {
		w = min(w, m.readingW)
	}
	return w
}

// DefaultReadingWidth is the widest the reading pane's text runs: 40 Han
// characters, about the measure of a printed page.
const DefaultReadingWidth = 80

// readingWidth turns Options.ReadingWidth into a cap, 0 for none.
func readingWidth(w int) int {
	switch {
	case w == 0:
		return DefaultReadingWidth
	case w < 0:
		return 0
	}
	return max(w, 20)
}

func (m Model) quit() (Model, tea.Cmd) {
	m = m.keepPanes()
	m.search = m.search.Close()
	m.bg.stop()
	return m.finish()
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	m.status = m.status.SetMessage("", false)
	if m.helpOpen {
		return m.handleHelp(msg)
	}
	if m.loading() {
		return m.handleLoadingKey(msg)
	}
	if m.gotoBox.open {
		return m.handleGotoKey(msg)
	}
	if m.treeFilter.open {
		return m.handleTreeFilterKey(msg)
	}
	switch m.mode {
	case modePane:
		return m.handlePaneKey(msg)
	}
	if m.mode == modeBrowse && key.Matches(msg, m.keys.Follow) {
		// Following keeps the way back, which any other move drops.
		return m.followCitation().savePosition()
	}
	before := m.here()
	m, cmd := m.handleBrowsing(msg)
	return m.dropBackIfMoved(before), cmd
}

func (m Model) handleHelp(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Help), key.Matches(msg, m.keys.Back):
		m.helpOpen = false
		return m, nil
	}
	m.help = m.help.Update(msg, m.keys, m.layout.bodyHeight)
	return m, nil
}

// openHelp draws the full help over the current mode, which stays as it
// is underneath and is back when the help closes.
func (m Model) openHelp() Model {
	m.help = m.help.Reset()
	m.helpOpen = true
	return m
}

func (m Model) handleBrowsing(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		return m.openHelp(), nil
	case key.Matches(msg, k.Search):
		s, cmd := m.search.Open(m.detail.doc)
		return m.openPane(s, cmd)
	case key.Matches(msg, k.Mouse):
		return m.toggleMouse()
	case key.Matches(msg, k.Bookmark):
		return m.toggleBookmark()
	case key.Matches(msg, k.Bookmarks):
		return m.openBookmarks()
	case key.Matches(msg, k.Related):
		return m.openRelated()
	case key.Matches(msg, k.Targets):
		return m.openTargets()
	case key.Matches(msg, k.Compare):
		return m.openCompare()
	case key.Matches(msg, k.Bodies):
		return m.openBodies()
	case key.Matches(msg, k.Facets):
		return m.openFacets()
	case key.Matches(msg, k.GoTo):
		return m.openGoto()
	case key.Matches(msg, k.FilterTree):
		return m.openTreeFilter()
	case key.Matches(msg, k.FindNext):
		return m.findStep(1)
	case key.Matches(msg, k.FindPrev):
		return m.findStep(-1)
	case key.Matches(msg, k.Copy):
		return m.copyClause(false)
	case key.Matches(msg, k.CopyRef):
		return m.copyClause(true)
	case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
		return m.setMode(modeBrowse, 1-m.focus), nil
	case key.Matches(msg, k.HistoryBack):
		return m.goBack().savePosition()
	case key.Matches(msg, k.Forward):
		return m.goForward().savePosition()
	case key.Matches(msg, k.Back):
		if m.hist.fresh && m.hist.canBack() {
			return m.goBack().savePosition()
		}
		return m.setMode(modeBrowse, focusTree), nil
	case key.Matches(msg, k.NextCite):
		return m.cycleCitation(1), nil
	case key.Matches(msg, k.PrevCite):
		return m.cycleCitation(-1), nil
	case key.Matches(msg, k.Open):
		m.tree = m.tree.Open()
		return m.setMode(modeBrowse, focusDetail), nil
	}
	var cmd tea.Cmd
	if m.focus == focusTree {
		if key.Matches(msg, k.ExpandAll) {
			if n := m.tree.unread(); n > 0 {
				// + reads them first, off the loop (readAllCmd): say so.
				m.status = m.status.SetMessage(m.styles.tr.F("reading %d documents…", n), false)
			}
		}
		m.tree, cmd = m.tree.Update(msg, m.keys)
	} else {
		m.detail, cmd = m.detail.Update(msg, m.keys)
		m = m.followScroll()
	}
	return m, cmd
}

func (m Model) toggleMouse() (Model, tea.Cmd) {
	m.mouse = !m.mouse
	if m.mouse {
		m.status = m.status.SetMessage(m.styles.tr.T("mouse on: wheel scrolls, click selects"), false)
		return m, tea.EnableMouseCellMotion
	}
	m.status = m.status.SetMessage(m.styles.tr.T("mouse off: drag to select text; m turns it back on"), false)
	return m, tea.DisableMouse
}

// onTree reports whether screen column x belongs to the tree pane.
func (m Model) onTree(x int) bool {
	if m.layout.split {
		return x < m.layout.treeWidth
	}
	return m.focus == focusTree
}

// handleMouse scrolls a pane on the wheel and focuses the pane clicked;
// a click on a tree row selects it, and the returned command delivers the
// selection like the tree's keys do.
func (m Model) handleMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	if m.mode != modeBrowse || m.helpOpen || msg.Y >= m.layout.bodyHeight || m.loading() {
		return m, nil
	}
	tree := m.onTree(msg.X)
	switch {
	case msg.Button == tea.MouseButtonWheelUp, msg.Button == tea.MouseButtonWheelDown:
		d := 3
		if msg.Button == tea.MouseButtonWheelUp {
			d = -3
		}
		if tree {
			var cmd tea.Cmd
			m.tree, cmd = m.tree.Scroll(d)
			return m, cmd
		}
		m.detail = m.detail.Scroll(d)
		m = m.followScroll()
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if !tree {
			return m.setMode(modeBrowse, focusDetail), nil
		}
		m = m.setMode(modeBrowse, focusTree)
		var cmd tea.Cmd
		m.tree, cmd = m.tree.ClickRow(msg.Y - paneHeaderHeight)
		return m, cmd
	}
	return m, nil
}

// jump lands the tree and the detail pane on a search result.
func (m Model) jump(msg jumpMsg) Model {
	if msg.node == nil || msg.node.Doc == nil {
		return m
	}
	if !m.tree.Shows(msg.node.Doc) {
		// The facet filter hides the document jumped to: drop it.
		m = m.setFacets(facet.Filter{})
		m.status = m.status.SetMessage(m.styles.tr.F("facet filter cleared to show %s", shortDocLabel(msg.node.Doc)), false)
	}
	m = m.settleTreeFilter()
	if m.tree.filter != "" && !m.tree.holds(msg.node) {
		// The tree filter hides the place jumped to: drop it.
		m.tree = m.tree.SetFilter("")
		m.status = m.status.SetMessage(m.styles.tr.F("tree filter cleared to show %s", oneLine(textlayout.Sanitize(msg.node.Title()))), false)
	}
	var row treeRow
	m.tree, row = m.tree.Reveal(msg.node)
	if row.doc == nil {
		return m
	}
	m.detail = m.detail.Show(row.doc, row.node)
	m.detail = m.detail.ScrollTo(msg.node, msg.field, msg.offset)
	return m.setMode(modeBrowse, focusDetail)
}

// View draws the body for the current mode above the status bar.
func (m Model) View() string {
	if !m.sized {
		return "" // the terminal size arrives right after start
	}
	l := m.layout
	status := m.status.View(l.width, m.statusLabel(), m.position(), m.statusKeys())
	if m.gotoBox.open {
		status = m.gotoView(l.width)
	}
	if m.treeFilter.open {
		status = ansi.Truncate(m.treeFilter.input.View(), l.width, "")
	}
	if l.bodyHeight == 0 {
		return status
	}
	var body string
	switch {
	case m.helpOpen:
		body = m.help.View(l.width, l.bodyHeight, m.helpKeys())
	case m.mode == modePane:
		body = m.pane.View()
	default:
		body = m.browseView()
	}
	return body + "\n" + status
}

func (m Model) statusLabel() string {
	if s := m.loadLabel(); s != "" {
		return s
	}
	tr := m.styles.tr
	if m.helpOpen {
		return tr.T("HELP")
	}
	if m.mode == modeBrowse {
		return tr.T(m.focus.String())
	}
	if m.mode == modePane && m.pane != nil {
		return tr.T(m.pane.Title())
	}
	return tr.T(m.mode.String())
}

func (m Model) position() string {
	if m.loading() || m.helpOpen {
		return ""
	}
	if m.mode == modePane {
		return m.panePosition()
	}
	if m.mode != modeBrowse {
		return ""
	}
	if m.focus == focusDetail {
		return percent(m.detail.ScrollPercent())
	}
	return fmt.Sprintf("%d/%d", m.tree.cursor+1, len(m.tree.rows))
}

// browseView draws tree and detail side by side, or the focused one alone.
func (m Model) browseView() string {
	if m.loading() {
		return m.loadingView()
	}
	l := m.layout
	st := m.styles
	title := func(s string, focused bool) string {
		if focused {
			return st.PaneTitleFocused.Render(s)
		}
		return st.PaneTitle.Render(s)
	}
	treeTitle := oneLine(textlayout.Sanitize(m.treeTitle()))
	if !l.split {
		var head, body string
		if m.focus == focusTree {
			head = title(treeTitle, true) + st.Dim.Render("  "+st.tr.T("tab: text"))
			body = m.tree.View()
		} else {
			head = title(m.detail.Breadcrumb(l.width), true)
			body = m.detail.View()
		}
		return ansi.Truncate(head, l.width, "…") + "\n" + body
	}
	sep := st.Separator.Render("│")
	pad := strings.Repeat(" ", detailPad)
	var b strings.Builder
	b.WriteString(fitWidth(title(ansi.Truncate(treeTitle, l.treeWidth, "…"), m.focus == focusTree), l.treeWidth, st.Text))
	b.WriteString(sep + pad + title(m.detail.Breadcrumb(m.detailTextWidth()), m.focus == focusDetail))
	treeLines := strings.Split(m.tree.View(), "\n")
	detailLines := strings.Split(m.detail.View(), "\n")
	for i := 0; i < l.paneRows(); i++ {
		b.WriteByte('\n')
		t := ""
		if i < len(treeLines) {
			t = treeLines[i]
		}
		if w := ansi.StringWidth(t); w < l.treeWidth {
			t += strings.Repeat(" ", l.treeWidth-w)
		}
		b.WriteString(t + sep)
		if i < len(detailLines) && detailLines[i] != "" {
			b.WriteString(pad + detailLines[i])
		}
	}
	return b.String()
}
