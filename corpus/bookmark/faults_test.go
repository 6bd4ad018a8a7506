package bookmark

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// TestUnreadableFileLeftAlone: a bookmarks "file" that cannot be read (here
// a directory in its place) is not treated as corrupt: nothing is moved
// aside or overwritten, and writes fail with the reason.
func TestUnreadableFileLeftAlone(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, FileName), 0o700); err != nil {
		t.Fatal(err)
	}
	s, warnings, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "cannot read") {
		t.Errorf("warnings %q", warnings)
	}
	if err := s.Add(Bookmark{NodeID: "doc/c1"}); err == nil {
		t.Error("a write over an unreadable file succeeded")
	}
	if n, _ := s.Unsaved(); n != 1 {
		t.Errorf("unsaved = %d, want the change kept in memory", n)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "corrupt") {
			t.Errorf("moved aside: %s", e.Name())
		}
	}
	if info, err := os.Stat(filepath.Join(dir, FileName)); err != nil || !info.IsDir() {
		t.Errorf("the directory in the file's place was touched: %v", err)
	}
}

// TestMalformedKeptAside: bookmarks without a node ID and duplicates are
// not shown, and the next write keeps them in a file of their own instead
// of dropping them.
func TestMalformedKeptAside(t *testing.T) {
	dir := t.TempDir()
	file := `{"version":1,"bookmarks":[
{"node_id":"doc/c1","note":"第一条"},
{"node_id":"","note":"没有编号的书签"},
{"node_id":"doc/c1","note":"重复的书签"}]}`
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warnings, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.List()) != 1 || len(warnings) != 2 {
		t.Fatalf("list %v, warnings %q", s.List(), warnings)
	}
	if err := s.Add(Bookmark{NodeID: "doc/c2"}); err != nil {
		t.Fatal(err)
	}
	aside, _ := filepath.Glob(filepath.Join(dir, FileName+".malformed-*"))
	if len(aside) != 1 {
		t.Fatalf("malformed entries not kept aside: %v", aside)
	}
	data, _ := os.ReadFile(aside[0])
	var kept []Bookmark
	if err := json.Unmarshal(data, &kept); err != nil || len(kept) != 2 || kept[0].Note != "没有编号的书签" || kept[1].Note != "重复的书签" {
		t.Errorf("kept aside %s: %v", data, err)
	}
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "kept 2 malformed") {
		t.Errorf("write warnings %q", w)
	}
}

// TestLockHeldTimesOut: a write that finds the lock held says it waits,
// fails with ErrLocked after the timeout (never waits forever), keeps the
// change, and saves it once the lock is free.
func TestLockHeldTimesOut(t *testing.T) {
	dir := t.TempDir()
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	other := flock.New(filepath.Join(dir, FileName+".lock"))
	if err := other.Lock(); err != nil {
		t.Fatal(err)
	}
	waited := 0
	s.OnWait(func() { waited++ })
	s.SetLockTimeout(150 * time.Millisecond)
	start := time.Now()
	err = s.Add(Bookmark{NodeID: "doc/c1", Note: "锁被占用时加的书签"})
	if !errors.Is(err, ErrLocked) || waited != 1 {
		t.Fatalf("err %v, waited %d", err, waited)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("gave up after %v", time.Since(start))
	}
	if n, why := s.Unsaved(); n != 1 || !errors.Is(why, ErrLocked) {
		t.Errorf("unsaved %d (%v)", n, why)
	}
	if !s.Has("doc/c1") {
		t.Error("the change is not in the session")
	}
	other.Unlock()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Unsaved(); n != 0 {
		t.Errorf("unsaved %d after flush", n)
	}
	s2, _, _ := Open(dir)
	if !s2.Has("doc/c1") {
		t.Error("the bookmark did not reach the file")
	}
}

// TestQuitCutsALockWait: lowering the lock timeout while a write waits
// for the lock (a reader quitting) ends that wait; it does not wait for
// the store's own mutex, which the waiting write holds.
func TestQuitCutsALockWait(t *testing.T) {
	dir := t.TempDir()
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	other := flock.New(filepath.Join(dir, FileName+".lock"))
	if err := other.Lock(); err != nil {
		t.Fatal(err)
	}
	defer other.Unlock()
	s.SetLockTimeout(time.Minute)
	done := make(chan error, 1)
	go func() { done <- s.Add(Bookmark{NodeID: "doc/c1"}) }()
	time.Sleep(100 * time.Millisecond)
	s.SetLockTimeout(0)
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) {
			t.Errorf("err %v, want ErrLocked", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the write kept waiting after the timeout was cut")
	}
	if n, _ := s.Unsaved(); n != 1 {
		t.Errorf("unsaved %d, want the bookmark kept", n)
	}
}
