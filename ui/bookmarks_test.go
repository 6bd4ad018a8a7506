package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"policyreader/ui/msg"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
	"policyreader/corpus/bookmark"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// luohuClause is the central clause (四) about 城区常住人口 300 万 and 落户
// (seeds/…意见.txt, part 三), where the search for 落户 lands first.
const luohuClause = "central-2019-social-mobility-opinions/pt3/c4"

// openStore opens the bookmark store in dir and fails on any warning.
func openStore(t *testing.T, dir string) *bookmark.Store {
	t.Helper()
	s, warnings, err := bookmark.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Fatalf("opening %s: %v", dir, warnings)
	}
	return s
}

// searchJump searches for q and jumps to the first result.
func searchJump(t *testing.T, m Model, q string) Model {
	t.Helper()
	m = update(m, keyRunes("/"))
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(q)})
	if len(searchOf(m).hits) == 0 {
		t.Fatalf("no results for %s", q)
	}
	return update(m, tea.KeyMsg{Type: tea.KeyEnter})
}

// treeLine returns the screen line of the tree row whose label holds s.
func treeLine(t *testing.T, m Model, s string) string {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if i := strings.Index(l, "│"); i >= 0 && strings.Contains(l[:i], s) {
			return l[:i]
		}
	}
	t.Fatalf("no tree row with %q:\n%s", s, ansi.Strip(m.View()))
	return ""
}

// TestBookmarkToggle: b on the clause the search landed on saves it to the
// file and marks its tree row; b again removes both.
func TestBookmarkToggle(t *testing.T) {
	c := loadSeeds(t)
	dir := t.TempDir()
	m := startedWith(t, c, openStore(t, dir), 100, 30)
	m = searchJump(t, m, "落户")
	if r, _ := m.tree.Selected(); r.node == nil || r.node.ID != luohuClause {
		t.Fatalf("search for 落户 landed on %+v, want %s", r.node, luohuClause)
	}
	if l := treeLine(t, m, "(四)以户籍"); !strings.HasPrefix(l, "> ") {
		t.Fatalf("row before b = %q, want the cursor and no marker", l)
	}
	m = update(m, keyRunes("b"))
	if !openStore(t, dir).Has(luohuClause) {
		t.Fatal("after b the bookmarks file lacks the clause")
	}
	if l := treeLine(t, m, "(四)以户籍"); !strings.HasPrefix(l, ">*") {
		t.Errorf("row after b = %q, want the bookmark marker", l)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "bookmarked (四)") {
		t.Errorf("status bar does not confirm the bookmark:\n%s", v)
	}
	m = update(m, keyRunes("b"))
	if openStore(t, dir).Has(luohuClause) {
		t.Fatal("after b b the bookmarks file still has the clause")
	}
	if l := treeLine(t, m, "(四)以户籍"); !strings.HasPrefix(l, "> ") {
		t.Errorf("row after b b = %q, want no marker", l)
	}
}

// TestBookmarksList walks the list: B shows the bookmarks, e edits a note
// typed as one IME message, Esc cancels an edit, d deletes and u restores,
// Enter jumps, Esc closes.
func TestBookmarksList(t *testing.T) {
	c := loadSeeds(t)
	dir := t.TempDir()
	m := startedWith(t, c, openStore(t, dir), 100, 30)
	m = searchJump(t, m, "落户")
	m = update(m, keyRunes("b"))
	m = update(m, tea.KeyMsg{Type: tea.KeyTab}) // to the tree
	m = update(m, keyRunes("j"))                // (五), the next clause
	next, _ := m.tree.Selected()
	if next.node == nil || next.node.Parent == nil || next.node.Parent.ID != "central-2019-social-mobility-opinions/pt3" {
		t.Fatalf("j from (四) selected %+v", next.node)
	}
	m = update(m, keyRunes("b"))

	m = update(m, keyRunes("B"))
	if !inBookmarks(m) {
		t.Fatalf("B: mode %v", m.mode)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Bookmarks (2)", "(四)以户籍制度和公共服务牵引区域流动", next.node.Title(), "just now", "BOOKMARKS"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if marksOf(m).cursor != 1 {
		t.Errorf("list opened on entry %d, want 1 (the selected clause)", marksOf(m).cursor)
	}
	m = update(m, keyRunes("k")) // up to (四)

	// e: a note typed as one IME key message with several runes.
	const note = "核对落户条件：300万以下城市"
	m = update(m, keyRunes("e"))
	if !marksOf(m).editing || !marksOf(m).keys.Save.Enabled() || marksOf(m).keys.Delete.Enabled() || m.keys.Quit.Enabled() {
		t.Fatalf("e: editing %v, save %v, delete %v, quit %v", marksOf(m).editing, marksOf(m).keys.Save.Enabled(), marksOf(m).keys.Delete.Enabled(), m.keys.Quit.Enabled())
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(note)})
	if got := marksOf(m).input.Value(); got != note {
		t.Fatalf("note input = %q, want %q", got, note)
	}
	m = update(m, keyEnter)
	if b, _ := openStore(t, dir).Get(luohuClause); b.Note != note {
		t.Fatalf("saved note = %q, want %q", b.Note, note)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "note: "+note) {
		t.Errorf("list does not show the note:\n%s", v)
	}

	// Esc cancels an edit; q typed into the note does not quit.
	m = update(m, keyRunes("e"))
	m = update(m, keyRunes("q"))
	m = update(m, keyEsc)
	if !inBookmarks(m) || marksOf(m).editing {
		t.Fatalf("e q esc: mode %v, editing %v", m.mode, marksOf(m).editing)
	}
	if b, _ := openStore(t, dir).Get(luohuClause); b.Note != note {
		t.Fatalf("note after a cancelled edit = %q, want %q", b.Note, note)
	}

	// d deletes, u restores with the note and the creation time.
	before, _ := openStore(t, dir).Get(luohuClause)
	if marksOf(m).keys.Undo.Enabled() {
		t.Error("u is live before anything was deleted")
	}
	m = update(m, keyRunes("d"))
	if openStore(t, dir).Has(luohuClause) {
		t.Fatal("d left the bookmark in the file")
	}
	if m.tree.marked[luohuClause] {
		t.Error("tree still marks the deleted bookmark")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Bookmarks (1)") || !strings.Contains(v, "u undoes") {
		t.Errorf("after d the list does not offer undo:\n%s", v)
	}
	if !marksOf(m).keys.Undo.Enabled() {
		t.Error("u is not live after d")
	}
	m = update(m, keyRunes("u"))
	after, ok := openStore(t, dir).Get(luohuClause)
	if !ok || after.Note != note || !after.Created.Equal(before.Created) {
		t.Fatalf("after u: found %v, note %q, created %v; want note %q, created %v", ok, after.Note, after.Created, note, before.Created)
	}
	if !m.tree.marked[luohuClause] || marksOf(m).cursor != 0 {
		t.Errorf("after u: marked %v, cursor %d", m.tree.marked[luohuClause], marksOf(m).cursor)
	}

	// Enter jumps: tree and detail land on the bookmarked clause.
	m = update(m, keyRunes("j"))
	m = update(m, keyEnter)
	if m.mode != modeBrowse || m.focus != focusDetail {
		t.Fatalf("after Enter: mode %v focus %v", m.mode, m.focus)
	}
	if r, _ := m.tree.Selected(); r.node != next.node || m.detail.node != next.node {
		t.Errorf("Enter landed on tree %v, detail %v; want %s", r.node, m.detail.node, next.node.ID)
	}
	if p, _ := openStore(t, dir).Position(); p.NodeID != next.node.ID {
		t.Errorf("position after the jump = %q, want %s", p.NodeID, next.node.ID)
	}

	// Esc closes; deletions can no longer be undone.
	m = update(m, keyRunes("B"))
	m = update(m, keyRunes("d"))
	m = update(m, keyEsc)
	if m.mode != modeBrowse {
		t.Fatalf("esc: mode %v", m.mode)
	}
	m = update(m, keyRunes("B"))
	if marksOf(m).keys.Undo.Enabled() || len(marksOf(m).entries) != 1 {
		t.Errorf("reopened list: undo live %v, %d entries", marksOf(m).keys.Undo.Enabled(), len(marksOf(m).entries))
	}
}

// listStore returns a store in a temp dir holding four bookmarks made at
// fixed distances from now: two clauses of the central opinions (one with
// a note), a Jiangxi clause, and an orphan whose clause is gone.
func listStore(t *testing.T, c *corpus.Corpus, note string) *bookmark.Store {
	t.Helper()
	s := openStore(t, t.TempDir())
	now := time.Now()
	add := func(id, note string, age time.Duration) {
		n, ok := c.Node(id)
		if !ok {
			t.Fatalf("no node %s", id)
		}
		b := bookmark.FromNode(n, now.Add(-age))
		b.Note = note
		if err := s.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	add(luohuClause, note, 3*24*time.Hour+2*time.Hour)
	add("central-2019-social-mobility-opinions/pt3/c6", "", 5*time.Hour+10*time.Minute)
	add("jiangxi-2020-social-mobility-implementation/pt2/c5", "", 70*24*time.Hour)
	orphan := bookmark.Bookmark{
		NodeID: "central-2019-social-mobility-opinions/pt3/c9", DocID: "central-2019-social-mobility-opinions",
		DocTitle: "关于促进劳动力和人才社会性流动体制机制改革的意见 · 中央", Heading: "(九)一条已经删去的条款",
		Fingerprint: "0000000000000000", Text: "这条条款在文件修订时被删去，书签保留了当时的文字。",
		Note: "修订后找不到了", Created: now.Add(-40 * 24 * time.Hour),
	}
	if err := s.Add(orphan); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBookmarksGolden compares the list at 100×30 and 40×12 with
// testdata/TestBookmarksGolden/<case>.golden (regenerate with -update).
func TestBookmarksGolden(t *testing.T) {
	c := loadSeeds(t)
	for _, sz := range [][2]int{{100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("list_%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := startedWith(t, c, listStore(t, c, "核对落户条件"), sz[0], sz[1])
			m = update(m, keyRunes("B"))
			v := m.View()
			checkFits(t, "list", v, sz[0], sz[1])
			s := ansi.Strip(v)
			for _, want := range []string{"3d ago", "5h ago", "(orphaned)", "not found"} {
				if !strings.Contains(s, want) {
					t.Errorf("list lacks %q:\n%s", want, s)
				}
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// TestBookmarksListFits: every line of the list fits the screen, with long
// CJK notes, while editing one, at every size and under a Chinese locale.
func TestBookmarksListFits(t *testing.T) {
	c := loadSeeds(t)
	long := strings.Repeat("关于“落户”条件的备注，包括城区常住人口300万以下城市——", 8)
	inEachLocale(t, func(t *testing.T) {
		for _, sz := range append([][2]int{{40, 12}}, sizes...) {
			w, h := sz[0], sz[1]
			m := startedWith(t, c, listStore(t, c, long), w, h)
			m = update(m, keyRunes("B"))
			screens := map[string]Model{"list": m}
			e := update(m, keyRunes("e"))
			screens["editing"] = e
			screens["editing-typed"] = update(e, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long)})
			screens["bottom"] = update(m, keyRunes("G"))
			screens["deleted"] = update(m, keyRunes("d"))
			for name, sm := range screens {
				checkFits(t, fmt.Sprintf("%s %dx%d", name, w, h), sm.View(), w, h)
			}
		}
	})
}

// TestBookmarkWriteError: with an unusable data directory, b reports a
// clear one-line error and the session keeps the bookmark.
func TestBookmarkWriteError(t *testing.T) {
	c := loadSeeds(t)
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, _, err := bookmark.Open(filepath.Join(file, "data"))
	if err != nil {
		t.Fatal(err)
	}
	m := startedWith(t, c, s, 100, 30)
	m = searchJump(t, m, "落户")
	m = update(m, keyRunes("b"))
	v := m.View()
	checkFits(t, "write error", v, 100, 30)
	status := ansi.Strip(strings.Split(v, "\n")[29])
	if !strings.Contains(status, "could not save the bookmark") {
		t.Errorf("status bar = %q, want the write error", status)
	}
	if !m.tree.marked[luohuClause] {
		t.Error("the bookmark is gone from the session after the failed write")
	}
	m = update(m, keyRunes("B"))
	m = update(m, keyRunes("e"))
	m = update(m, keyRunes("备注"))
	m = update(m, keyEnter)
	if len(marksOf(m).entries) != 1 || marksOf(m).entries[0].Note != "备注" {
		t.Fatalf("entries after a failed note save: %+v", marksOf(m).entries)
	}
	if !strings.Contains(ansi.Strip(m.View()), "could not save the note") {
		t.Errorf("no error for the note:\n%s", ansi.Strip(m.View()))
	}
}

// TestReadingPositionRestored: q saves the selection and the detail
// scroll; the next start opens there.
func TestReadingPositionRestored(t *testing.T) {
	c := loadSeeds(t)
	dir := t.TempDir()
	n := longestSection(t, c)
	m := startedWith(t, c, openStore(t, dir), 100, 30)
	m = update(m, jumpMsg{node: n, offset: -1})
	m = update(m, tea.KeyMsg{Type: tea.KeyPgDown})
	m = update(m, tea.KeyMsg{Type: tea.KeyPgDown})
	scroll := m.detail.offset
	if scroll == 0 {
		t.Fatal("PgDn did not scroll the longest section")
	}
	next, cmd := m.Update(keyRunes("q"))
	if cmd == nil {
		t.Fatal("q returned no command")
	}
	if msg := cmd(); msg != nil {
		if _, ok := msg.(tea.QuitMsg); ok {
			t.Fatal("q quit before saving the position")
		}
		_, cmd = next.Update(msg)
		if cmd == nil {
			t.Fatal("no quit after the position was saved")
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatal("the save of the position did not end in quitting")
		}
	}
	p, ok := openStore(t, dir).Position()
	if !ok || p.NodeID != n.ID || p.Scroll != scroll {
		t.Fatalf("saved position %+v, want %s scrolled %d", p, n.ID, scroll)
	}

	m2 := startedWith(t, c, openStore(t, dir), 100, 30)
	if r, _ := m2.tree.Selected(); r.node != n || m2.detail.node != n || m2.detail.offset != scroll || m2.focus != focusDetail {
		t.Errorf("restart: tree %v, detail %v at %d, focus %v; want %s at %d", r.node, m2.detail.node, m2.detail.offset, m2.focus, n.ID, scroll)
	}
}

// TestReadingPositionFallback: a saved node that no longer exists reopens
// at its nearest ancestor, and an unknown document at the start screen,
// each with a note in the status bar.
func TestReadingPositionFallback(t *testing.T) {
	c := loadSeeds(t)
	for _, tc := range []struct {
		saved, want, status string
	}{
		{"central-2019-social-mobility-opinions/pt3/c99", "central-2019-social-mobility-opinions/pt3", "gone from the document"},
		{"no-such-document/ch1/c1", "", "not in these documents"},
	} {
		s := openStore(t, t.TempDir())
		if err := s.SetPosition(bookmark.Position{NodeID: tc.saved, Scroll: 7, Corpus: c.Key()}); err != nil {
			t.Fatal(err)
		}
		m := startedWith(t, c, s, 100, 30)
		r, _ := m.tree.Selected()
		switch {
		case tc.want == "" && (r.node != nil || m.tree.cursor != 0):
			t.Errorf("%s: reopened at %v, want the start screen", tc.saved, r.node)
		case tc.want != "" && (r.node == nil || r.node.ID != tc.want):
			t.Errorf("%s: reopened at %v, want %s", tc.saved, r.node, tc.want)
		}
		if m.detail.offset != 0 {
			t.Errorf("%s: scroll %d restored for another node", tc.saved, m.detail.offset)
		}
		if !strings.Contains(ansi.Strip(m.View()), tc.status) {
			t.Errorf("%s: status lacks %q:\n%s", tc.saved, tc.status, ansi.Strip(m.View()))
		}
	}
}

// TestBookmarkKeysInHelp: b and B are listed only with a store, and the
// list's e d u only in the list, where they act.
func TestBookmarkKeysInHelp(t *testing.T) {
	c := loadSeeds(t)
	listKeys := func(k keyMap) []key.Binding {
		return []key.Binding{k.Bookmark, k.Bookmarks}
	}
	off := startedWith(t, c, nil, 100, 30)
	for _, b := range listKeys(off.keys.forHelp(off.keyState())) {
		if b.Enabled() {
			t.Errorf("without a store the help lists %q", b.Help().Key)
		}
	}
	if v := ansi.Strip(update(off, keyRunes("?")).View()); strings.Contains(v, "bookmark") || strings.Contains(v, "edit note") {
		t.Errorf("help overlay without a store mentions bookmarks:\n%s", v)
	}
	if off = update(off, keyRunes("B")); off.mode != modeBrowse {
		t.Errorf("B without a store opened %v", off.mode)
	}

	on := startedWith(t, c, openStore(t, t.TempDir()), 100, 30)
	for _, b := range listKeys(on.keys.forHelp(on.keyState())) {
		if !b.Enabled() {
			t.Errorf("with a store the help omits %q", b.Help().Key)
		}
	}
	if !on.keys.Bookmark.Enabled() || !on.keys.Bookmarks.Enabled() {
		t.Error("browsing: want b and B live")
	}
	if v := ansi.Strip(update(on, keyRunes("?")).View()); strings.Contains(v, "edit note") {
		t.Errorf("help outside the list lists its keys:\n%s", v)
	}
	list := update(on, keyRunes("B"))
	lk := marksOf(list).keys
	if list.keys.Bookmark.Enabled() || lk.Edit.Enabled() || lk.Delete.Enabled() || lk.Jump.Enabled() {
		t.Error("empty list: want b, e, d and enter off")
	}
	if v := ansi.Strip(update(list, keyRunes("?")).View()); !strings.Contains(v, "close") {
		t.Errorf("help over the list lacks its keys:\n%s", v)
	}
	if v := ansi.Strip(list.View()); !strings.Contains(v, "No bookmarks yet") {
		t.Errorf("empty list:\n%s", v)
	}
}

// blockingStore is a BookmarkStore whose writes wait for release.
type blockingStore struct {
	release chan struct{}
}

func (s blockingStore) List() []bookmark.Bookmark { return nil }
func (s blockingStore) PositionFor(string) (bookmark.Position, bool) {
	return bookmark.Position{}, false
}
func (s blockingStore) Add(bookmark.Bookmark) error  { <-s.release; return nil }
func (s blockingStore) Remove(string) error          { <-s.release; return nil }
func (s blockingStore) SetNote(string, string) error { <-s.release; return nil }
func (s blockingStore) SetPosition(bookmark.Position) error {
	<-s.release
	return errors.New("disk gone")
}
func (s blockingStore) Warnings() []string { return nil }

// TestSlowStoreKeepsReading: a write that hangs never blocks Update; the
// status bar says so, keys keep working, q waits and a second q quits.
func TestSlowStoreKeepsReading(t *testing.T) {
	c := loadSeeds(t)
	store := blockingStore{release: make(chan struct{})}
	defer close(store.release)
	m := startedWith(t, c, store, 100, 30)
	m.bookmarks.persist.slowAfter = 10 * time.Millisecond
	m = update(m, keyRunes("j"))
	next, cmd := m.Update(keyRunes("b"))
	m = next.(Model)
	if !m.tree.marked[m.tree.rows[1].node.ID] {
		t.Fatal("b did not mark the row at once")
	}
	slow, ok := cmd().(storeSlowMsg)
	if !ok {
		t.Fatal("a hanging write did not report itself slow")
	}
	next, _ = m.Update(slow)
	m = next.(Model)
	if !strings.Contains(ansi.Strip(m.View()), "disk is slow") {
		t.Errorf("status bar does not say the disk is slow:\n%s", ansi.Strip(m.View()))
	}
	next, cmd = m.Update(keyRunes("j"))
	m = next.(Model)
	if m.tree.cursor != 2 || cmd == nil {
		t.Fatalf("j while a write hangs: cursor %d", m.tree.cursor)
	}
	// q waits for the write and says so; a second q quits without waiting
	// (what is left unsaved is reported after the program ends).
	next, _ = m.Update(keyRunes("q"))
	m = next.(Model)
	if !strings.Contains(ansi.Strip(m.View()), "q again quits without saving") {
		t.Errorf("q while a write hangs does not say it waits:\n%s", ansi.Strip(m.View()))
	}
	_, cmd = m.Update(keyRunes("q"))
	if cmd == nil {
		t.Fatal("a second q while a write hangs returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a second q while a write hangs did not quit")
	}
}

// TestPersisterRunsOneAtATime: ops start in order, one at a time, and a
// queued position is replaced by a newer one.
func TestPersisterRunsOneAtATime(t *testing.T) {
	s := openStore(t, t.TempDir())
	p := newPersister(s)
	var cmds []tea.Cmd
	var cmd tea.Cmd
	p, cmd = p.enqueue(storeOp{kind: opPosition, position: bookmark.Position{NodeID: "a"}})
	cmds = append(cmds, cmd)
	p, cmd = p.enqueue(storeOp{kind: opPosition, position: bookmark.Position{NodeID: "b"}})
	cmds = append(cmds, cmd)
	p, cmd = p.enqueue(storeOp{kind: opPosition, position: bookmark.Position{NodeID: "c"}})
	cmds = append(cmds, cmd)
	if cmds[0] == nil || cmds[1] != nil || cmds[2] != nil || len(p.queue) != 1 || p.queue[0].position.NodeID != "c" {
		t.Fatalf("after three positions: commands %v, queue %+v", cmds, p.queue)
	}
	done := cmds[0]().(storeDoneMsg)
	if pos, _ := s.Position(); pos.NodeID != "a" || done.err != nil {
		t.Fatalf("first op wrote %+v (err %v)", pos, done.err)
	}
	p, cmd = p.done(storeDoneMsg{seq: done.seq + 5})
	if cmd != nil {
		t.Fatal("a reply for another op started the next one")
	}
	p, cmd = p.done(done)
	if cmd == nil {
		t.Fatal("the reply did not start the queued op")
	}
	p, _ = p.done(cmd().(storeDoneMsg))
	if pos, _ := s.Position(); pos.NodeID != "c" || !p.idle() {
		t.Fatalf("second op wrote %+v, idle %v", pos, p.idle())
	}
}

func TestAgeString(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		ago  time.Duration
		want string
	}{
		{0, "just now"}, {-time.Hour, "just now"}, {59 * time.Second, "just now"}, {5 * time.Minute, "5m ago"},
		{3 * time.Hour, "3h ago"}, {26 * time.Hour, "1d ago"}, {3*24*time.Hour + time.Hour, "3d ago"},
		{70 * 24 * time.Hour, "2mo ago"}, {800 * 24 * time.Hour, "2y ago"},
	} {
		if got := ageString(msg.Printer{}, now, now.Add(-tc.ago)); got != tc.want {
			t.Errorf("age of %v = %q, want %q", tc.ago, got, tc.want)
		}
	}
	if got := ageString(msg.Printer{}, now, time.Time{}); got != "" {
		t.Errorf("zero time = %q", got)
	}
}

// TestBookmarksListHostileText: control characters and escape sequences
// in a bookmarks file (headings, notes, saved text) are shown, never sent
// to the terminal, also in the note input.
func TestBookmarksListHostileText(t *testing.T) {
	c := loadSeeds(t)
	s := openStore(t, t.TempDir())
	bad := bookmark.Bookmark{NodeID: "x\x1b[2J/c1", DocID: "x", DocTitle: "文件\x1b]0;pwn\x07",
		Heading: "标题\x1b[31m红", Text: "正文\x00\r\n第二行", Note: "备注\x1b[2J\x07\r\n换行", Created: time.Now()}
	if err := s.Add(bad); err != nil {
		t.Fatal(err)
	}
	for _, sz := range sizes {
		m := startedWith(t, c, s, sz[0], sz[1])
		m = update(m, keyRunes("B"))
		for name, sm := range map[string]Model{"list": m, "editing": update(m, keyRunes("e"))} {
			v := sm.View()
			if strings.ContainsAny(v, "\x1b\x07\x00\r") {
				t.Errorf("%s %dx%d: raw control characters reached the screen: %q", name, sz[0], sz[1], v)
			}
			checkFits(t, fmt.Sprintf("hostile %s %dx%d", name, sz[0], sz[1]), v, sz[0], sz[1])
		}
	}
}

// TestToggleReattachesOrphan: b on a clause whose bookmark under the same
// ID was orphaned (its text changed beyond recognition) re-attaches it,
// keeping the note and creation time, in the session and in the file.
func TestToggleReattachesOrphan(t *testing.T) {
	c := loadSeeds(t)
	dir := t.TempDir()
	s := openStore(t, dir)
	created := time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Millisecond)
	old := bookmark.Bookmark{NodeID: luohuClause, DocID: "central-2019-social-mobility-opinions",
		Heading: "(四)旧标题", Fingerprint: "ffffffffffffffff", Text: "旧文字", Note: "旧备注", Created: created}
	if err := s.Add(old); err != nil {
		t.Fatal(err)
	}
	m := startedWith(t, c, s, 100, 30)
	if len(marksOf(m).entries) != 1 || !marksOf(m).entries[0].Orphan || m.tree.marked[luohuClause] {
		t.Fatalf("setup: want one orphan, unmarked; got %+v", marksOf(m).entries)
	}
	m = searchJump(t, m, "落户")
	m = update(m, keyRunes("b"))
	if len(marksOf(m).entries) != 1 || marksOf(m).entries[0].Orphan || !m.tree.marked[luohuClause] {
		t.Fatalf("after b: entries %+v, marked %v", marksOf(m).entries, m.tree.marked[luohuClause])
	}
	b, ok := openStore(t, dir).Get(luohuClause)
	n, _ := c.Node(luohuClause)
	if !ok || b.Note != "旧备注" || !b.Created.Equal(created) || b.Fingerprint != bookmark.Fingerprint(n) {
		t.Errorf("file after b: %+v", b)
	}
}

// TestPositionPerCorpus: the seeds and a law each keep their own reading
// position and the pane the reader quit from; opening one does not say
// the other's place is missing.
func TestPositionPerCorpus(t *testing.T) {
	dir := t.TempDir()
	seeds, law := loadSeeds(t), loadCitingLaw(t)
	save := func(m Model) {
		t.Helper()
		next, cmd := m.savePosition()
		if cmd != nil {
			update(next, cmd())
		}
	}
	m := searchJump(t, startedWith(t, seeds, openStore(t, dir), 100, 30), "以户籍制度和公共服务牵引")
	seedsAt := m.detail.node
	save(m) // quit from the text
	l := startedWith(t, law, openStore(t, dir), 100, 30)
	if strings.Contains(ansi.Strip(l.View()), "last place") {
		t.Errorf("the law says the seeds' place is missing:\n%s", ansi.Strip(l.View()))
	}
	l = update(l, keyRunes(":"))
	l = update(l, keyRunes("第3条"))
	l = update(l, keyEnter)
	lawAt := l.detail.node
	l = update(l, tea.KeyMsg{Type: tea.KeyShiftTab}) // quit from the tree
	save(l)
	again := startedWith(t, seeds, openStore(t, dir), 100, 30)
	if again.detail.node != seedsAt || again.focus != focusDetail {
		t.Errorf("seeds reopened at %v focus %v, want %s and the text", again.detail.node, again.focus, seedsAt.ID)
	}
	againLaw := startedWith(t, law, openStore(t, dir), 100, 30)
	if againLaw.detail.node != lawAt || againLaw.focus != focusTree {
		t.Errorf("law reopened at %v focus %v, want %s and the tree", againLaw.detail.node, againLaw.focus, lawAt.ID)
	}
}
