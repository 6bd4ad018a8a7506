package bookmark

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// mustOpen opens dir and fails the test on warnings.
func mustOpen(t *testing.T, dir string) *Store {
	t.Helper()
	s, warnings, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	if len(warnings) > 0 {
		t.Fatalf("Open(%s) warnings: %q", dir, warnings)
	}
	return s
}

func bm(id, text string) Bookmark {
	return Bookmark{NodeID: id, DocID: strings.Split(id, "/")[0], DocTitle: "文件", Heading: "标题 " + id, Text: text}
}

func ids(bs []Bookmark) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.NodeID
	}
	return out
}

// readRaw decodes the file in dir strictly, failing the test if it is not
// a valid version-1 file.
func readRaw(t *testing.T, dir string) fileFormat {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	var f fileFormat
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("file is not valid JSON: %v\n%s", err, data)
	}
	if f.Version != 1 {
		t.Fatalf("version = %d, want 1", f.Version)
	}
	return f
}

func TestRoundTripThroughFile(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	if err := s.Add(bm("doc/pt2/c2", "建立健全城乡融合发展体制机制")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(bm("doc/pt3/c4", "以户籍制度和公共服务牵引区域流动")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(bm("doc/pt5/c10", "推进精准扶贫")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote("doc/pt3/c4", "落户限制：对比广东\n第二行"); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("doc/pt2/c2"); err != nil {
		t.Fatal(err)
	}
	pos := Position{NodeID: "doc/pt3/c4", Scroll: 7}
	if err := s.SetPosition(pos); err != nil {
		t.Fatal(err)
	}

	raw := readRaw(t, dir)
	if got := ids(raw.Bookmarks); strings.Join(got, ",") != "doc/pt3/c4,doc/pt5/c10" {
		t.Errorf("file bookmarks = %v", got)
	}

	again := mustOpen(t, dir)
	got := again.List()
	if strings.Join(ids(got), ",") != "doc/pt3/c4,doc/pt5/c10" {
		t.Fatalf("reopened bookmarks = %v", ids(got))
	}
	b, ok := again.Get("doc/pt3/c4")
	if !ok || b.Note != "落户限制：对比广东\n第二行" || b.Text != "以户籍制度和公共服务牵引区域流动" {
		t.Errorf("reopened bookmark = %+v", b)
	}
	if b.Created.IsZero() || b.Updated.Before(b.Created) {
		t.Errorf("times: created %v updated %v", b.Created, b.Updated)
	}
	if again.Has("doc/pt2/c2") {
		t.Error("removed bookmark came back")
	}
	p, ok := again.Position()
	if !ok || p.NodeID != pos.NodeID || p.Scroll != 7 || p.Updated.IsZero() {
		t.Errorf("position = %+v, %v", p, ok)
	}
}

func TestAddExistingKeepsCreatedAndNote(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	first := bm("d/c1", "旧文本")
	first.Created = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	first.Note = "保留"
	if err := s.Add(first); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(bm("d/c1", "新文本")); err != nil {
		t.Fatal(err)
	}
	b, _ := s.Get("d/c1")
	if !b.Created.Equal(first.Created) || b.Note != "保留" || b.Text != "新文本" {
		t.Errorf("after re-add: %+v", b)
	}
	if len(s.List()) != 1 {
		t.Errorf("re-add duplicated: %v", ids(s.List()))
	}
}

func TestMissingAndEmptyIDs(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	if err := s.Remove("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Remove(missing) = %v, want ErrNotFound", err)
	}
	if err := s.SetNote("nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetNote(missing) = %v, want ErrNotFound", err)
	}
	if err := s.Add(Bookmark{NodeID: "  "}); err == nil {
		t.Error("Add with blank ID succeeded")
	}
	if _, err := s.Toggle(Bookmark{}); err == nil {
		t.Error("Toggle with empty ID succeeded")
	}
}

func TestToggleAndUndo(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	b := bm("d/c1", "文本")
	on, err := s.Toggle(b)
	if err != nil || !on {
		t.Fatalf("Toggle on = %v, %v", on, err)
	}
	if err := s.SetNote("d/c1", "批注"); err != nil {
		t.Fatal(err)
	}
	saved, _ := s.Get("d/c1")
	on, err = s.Toggle(b)
	if err != nil || on {
		t.Fatalf("Toggle off = %v, %v", on, err)
	}
	if len(mustOpen(t, dir).List()) != 0 {
		t.Fatal("toggle off not saved")
	}
	// Undo: add the removed bookmark back, note and creation time intact.
	if err := s.Add(saved); err != nil {
		t.Fatal(err)
	}
	got, ok := mustOpen(t, dir).Get("d/c1")
	if !ok || got.Note != "批注" || !got.Created.Equal(saved.Created) {
		t.Errorf("after undo: %+v %v", got, ok)
	}
}

func TestTwoStoresAlternatingLoseNothing(t *testing.T) {
	dir := t.TempDir()
	a := mustOpen(t, dir)
	b := mustOpen(t, dir)
	want := map[string]string{}
	for i := range 10 {
		ida, idb := fmt.Sprintf("doc/a%d", i), fmt.Sprintf("doc/b%d", i)
		if err := a.Add(bm(ida, "甲")); err != nil {
			t.Fatal(err)
		}
		if err := b.Add(bm(idb, "乙")); err != nil {
			t.Fatal(err)
		}
		want[ida], want[idb] = "", ""
	}
	// b has seen a's bookmarks through its own writes; a has seen b's
	// through its writes too (each write re-reads).
	if err := b.SetNote("doc/a3", "乙写的批注"); err != nil {
		t.Fatal(err)
	}
	want["doc/a3"] = "乙写的批注"
	// a's view is stale: it does not know b's note yet. Its write must not
	// overwrite the note with its stale copy.
	if err := a.SetNote("doc/b7", "甲写的批注"); err != nil {
		t.Fatal(err)
	}
	want["doc/b7"] = "甲写的批注"
	// b removes one of a's; a (stale, still listing it) then adds another:
	// the removal must not be undone by a's write.
	if err := b.Remove("doc/a5"); err != nil {
		t.Fatal(err)
	}
	delete(want, "doc/a5")
	if !a.Has("doc/a5") {
		t.Fatal("test premise: a's view should still be stale")
	}
	if err := a.Add(bm("doc/a10", "甲")); err != nil {
		t.Fatal(err)
	}
	want["doc/a10"] = ""
	if a.Has("doc/a5") {
		t.Error("a's view still has the bookmark b removed after a write")
	}
	// a edits the note of the bookmark b removed: the removal wins.
	if err := b.Remove("doc/a6"); err != nil {
		t.Fatal(err)
	}
	delete(want, "doc/a6")
	if err := a.SetNote("doc/a6", "晚了"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetNote on a bookmark removed elsewhere = %v, want ErrNotFound", err)
	}

	for _, s := range []*Store{mustOpen(t, dir), a} {
		if s == a {
			s.Reload()
		}
		got := map[string]string{}
		for _, x := range s.List() {
			got[x.NodeID] = x.Note
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("final state\n got %v\nwant %v", got, want)
		}
	}
}

func TestTwoStoresConcurrentLoseNothing(t *testing.T) {
	dir := t.TempDir()
	stores := []*Store{mustOpen(t, dir), mustOpen(t, dir)}
	const n = 25
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for si, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				errs <- s.Add(bm(fmt.Sprintf("doc/s%d-%d", si, i), "并发"))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := len(readRaw(t, dir).Bookmarks); got != 2*n {
		t.Errorf("file has %d bookmarks, want %d", got, 2*n)
	}
}

func TestPositionNewerWins(t *testing.T) {
	dir := t.TempDir()
	a, b := mustOpen(t, dir), mustOpen(t, dir)
	t0 := time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)
	if err := a.SetPosition(Position{NodeID: "d/new", Updated: t0.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetPosition(Position{NodeID: "d/old", Updated: t0}); err != nil {
		t.Fatal(err)
	}
	p, _ := mustOpen(t, dir).Position()
	if p.NodeID != "d/new" {
		t.Errorf("position = %q, want the newer d/new", p.NodeID)
	}
}

func TestCorruptFileMovedAside(t *testing.T) {
	cases := map[string]string{
		"garbage":   "\x00\xff not json at all 乱码",
		"empty":     "",
		"torn":      `{"version":1,"bookmarks":[{"node_id":"d/c1","te`,
		"array":     `[1,2,3]`,
		"noversion": `{"bookmarks":[]}`,
		"trailing":  `{"version":1,"bookmarks":[]} junk`,
		"wrongtype": `{"version":1,"bookmarks":"x"}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s, warnings, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			// Reading (bookmarks list) leaves the user's file where it is.
			if len(warnings) != 1 || !strings.Contains(warnings[0], "is corrupt") || strings.Contains(warnings[0], "\n") {
				t.Fatalf("warnings = %q, want one line saying the file is corrupt", warnings)
			}
			if kept, _ := os.ReadFile(path); string(kept) != content {
				t.Fatalf("opening changed the corrupt file: %q", kept)
			}
			if len(s.List()) != 0 {
				t.Errorf("bookmarks from a corrupt file: %v", ids(s.List()))
			}
			// The first write keeps it aside, byte for byte, and says so.
			if err := s.Add(bm("d/c1", "新")); err != nil {
				t.Fatal(err)
			}
			if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "moved it to bookmarks.json.corrupt-") {
				t.Errorf("write warnings = %q", w)
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("corrupt copies: %v", aside)
			}
			if kept, _ := os.ReadFile(aside[0]); string(kept) != content {
				t.Errorf("corrupt copy changed: %q", kept)
			}
			if got := ids(readRaw(t, dir).Bookmarks); len(got) != 1 || got[0] != "d/c1" {
				t.Errorf("new file bookmarks = %v", got)
			}
		})
	}
}

func TestCorruptFileFoundByWrite(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	if err := s.Add(bm("d/c1", "一")); err != nil {
		t.Fatal(err)
	}
	// Something else breaks the file while the session runs.
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(bm("d/c2", "二")); err != nil {
		t.Fatal(err)
	}
	w := s.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "corrupt") {
		t.Errorf("warnings = %q", w)
	}
	if len(s.Warnings()) != 0 {
		t.Error("Warnings did not forget")
	}
	if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("corrupt copies: %v", aside)
	}
	if got := ids(readRaw(t, dir).Bookmarks); strings.Join(got, ",") != "d/c2" {
		t.Errorf("file after repair = %v (d/c1 was only in the corrupt file)", got)
	}
}

func TestMoveAsideNamesDoNotCollide(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	at := time.Date(2026, 11, 25, 19, 15, 0, 0, time.FixedZone("CST", 8*3600))
	for i, want := range []string{".corrupt-20261125T111500", ".corrupt-20261125T111500-2"} {
		content := fmt.Sprintf("bad %d", i)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		name, err := moveAside(path, at)
		if err != nil {
			t.Fatal(err)
		}
		if name != path+want {
			t.Errorf("moved to %s, want %s", name, path+want)
		}
		if got, _ := os.ReadFile(name); string(got) != content {
			t.Errorf("%s holds %q", name, got)
		}
	}
}

func TestNewerVersionLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	content := `{"version":2,"bookmarks":[],"future":true}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warnings, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "newer version") {
		t.Errorf("warnings = %q", warnings)
	}
	err = s.Add(bm("d/c1", "x"))
	if err == nil || !strings.Contains(err.Error(), "newer version") {
		t.Errorf("Add over a newer file = %v", err)
	}
	if !s.Has("d/c1") {
		t.Error("in-memory state lost the bookmark")
	}
	if got, _ := os.ReadFile(path); string(got) != content {
		t.Errorf("newer file overwritten: %s", got)
	}
}

func TestDroppedEntriesWarn(t *testing.T) {
	dir := t.TempDir()
	content := `{"version":1,"bookmarks":[{"node_id":""},{"node_id":"d/1"},{"node_id":"d/1"}]}`
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warnings, _ := Open(dir)
	if len(warnings) != 2 {
		t.Errorf("warnings = %q", warnings)
	}
	if got := ids(s.List()); strings.Join(got, ",") != "d/1" {
		t.Errorf("bookmarks = %v", got)
	}
}

// unwritableDir returns a data directory no write can succeed in. Tests
// run as root, which ignores permission bits, so the directory's parent is
// a regular file instead; a non-root run also tries a 0500 directory.
func unwritableDirs(t *testing.T) map[string]string {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"parent-is-file": filepath.Join(file, "data")}
	if os.Geteuid() != 0 {
		ro := filepath.Join(base, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		dirs["mode-0500"] = ro
	}
	return dirs
}

func TestUnwritableDirKeepsSessionWorking(t *testing.T) {
	for name, dir := range unwritableDirs(t) {
		t.Run(name, func(t *testing.T) {
			s, _, err := Open(dir)
			if err != nil {
				t.Fatalf("Open must not fail: %v", err)
			}
			err = s.Add(bm("d/c1", "文本"))
			if err == nil {
				t.Fatal("Add in an unwritable directory succeeded")
			}
			if msg := err.Error(); !strings.Contains(msg, "save bookmarks") || !strings.Contains(msg, dir) {
				t.Errorf("unclear error: %v", err)
			}
			if err := s.SetNote("d/c1", "批注"); err == nil {
				t.Error("SetNote succeeded")
			}
			if err := s.SetPosition(Position{NodeID: "d/c1", Scroll: 3}); err == nil {
				t.Error("SetPosition succeeded")
			}
			b, ok := s.Get("d/c1")
			if !ok || b.Note != "批注" {
				t.Errorf("memory state lost: %+v %v", b, ok)
			}
			if p, ok := s.Position(); !ok || p.Scroll != 3 {
				t.Errorf("memory position lost: %+v", p)
			}
			if on, err := s.Toggle(bm("d/c1", "")); on || err == nil || s.Has("d/c1") {
				t.Errorf("Toggle off in memory: on=%v err=%v has=%v", on, err, s.Has("d/c1"))
			}
		})
	}
}

func TestPendingChangesSavedOnceWritable(t *testing.T) {
	base := t.TempDir()
	blocker := filepath.Join(base, "blocker")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(blocker, "data")
	s, warnings, _ := Open(dir)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "not usable") {
		t.Errorf("Open warnings = %q", warnings)
	}
	if err := s.Add(bm("d/c1", "一")); err == nil {
		t.Fatal("expected a save error")
	}
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(blocker, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(bm("d/c2", "二")); err != nil {
		t.Fatal(err)
	}
	if got := ids(readRaw(t, dir).Bookmarks); len(got) != 2 {
		t.Errorf("file = %v, want the earlier unsaved bookmark too", got)
	}
}

// TestPositionsPerCorpus: each corpus keeps its own newest position across
// reopening; an old file's single position stands for every corpus until
// one is saved; only the newest 64 corpora are kept.
func TestPositionsPerCorpus(t *testing.T) {
	dir := t.TempDir()
	legacy := `{"version": 1, "bookmarks": [], "position": {"node_id": "old/ch1", "scroll": 2, "updated": "2025-01-01T00:00:00Z"}}`
	if err := os.WriteFile(filepath.Join(dir, "bookmarks.json"), []byte(legacy), 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, dir)
	if p, ok := s.PositionFor("aaaa"); !ok || p.NodeID != "old/ch1" {
		t.Fatalf("legacy position: %+v %v", p, ok)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := s.SetPosition(Position{NodeID: "a/ch2", Corpus: "aaaa", Focus: "tree", Updated: base}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPosition(Position{NodeID: "b/ch9", Corpus: "bbbb", Scroll: 4, Updated: base.Add(time.Second)}); err != nil {
		t.Fatal(err)
	}
	again := mustOpen(t, dir)
	if p, _ := again.PositionFor("aaaa"); p.NodeID != "a/ch2" || p.Focus != "tree" {
		t.Errorf("aaaa: %+v", p)
	}
	if p, _ := again.PositionFor("bbbb"); p.NodeID != "b/ch9" || p.Scroll != 4 {
		t.Errorf("bbbb: %+v", p)
	}
	if p, ok := again.PositionFor("cccc"); ok {
		t.Errorf("a corpus never saved got %+v", p)
	}
	for i := range 70 {
		if err := again.SetPosition(Position{NodeID: "x", Corpus: fmt.Sprintf("k%02d", i), Updated: base.Add(time.Duration(i+2) * time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	last := mustOpen(t, dir)
	if _, ok := last.PositionFor("aaaa"); ok {
		t.Error("the oldest corpus outlived the cap")
	}
	if _, ok := last.PositionFor("k69"); !ok {
		t.Error("the newest corpus was dropped")
	}
}
