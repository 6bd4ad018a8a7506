package bookmark

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

// DefaultDir returns the default data directory,
// $XDG_DATA_HOME/policyreader (~/.local/share/policyreader).
func DefaultDir() string {
	return filepath.Join(xdg.DataHome, "policyreader")
}

// op is one change. It is applied to the in-memory view at once and, under
// the file lock, to the freshly read file, so a change never overwrites
// what another instance wrote in between.
type op func(st *state) error

// Store holds the bookmarks and reading position of one data directory. Its
// methods are safe for concurrent use. Reads (List, Get, Position) never
// touch the disk; every write goes through the file before returning.
//
// When a write cannot be saved (an unwritable directory, say) the method
// returns the error, the change stays in memory, and it is saved with the
// next write that succeeds: the session keeps working.
type Store struct {
	mu       sync.Mutex
	dir      string
	path     string
	lockPath string
	view     state
	pending  []op
	lastErr  error // why the pending changes are not saved
	warnings []string
	now      func() time.Time

	// lockTimeout is read without mu: a quitting reader shortens it while
	// a write it started may hold mu, waiting for the lock.
	lockTimeout atomic.Int64 // nanoseconds
	onWait      func()       // called once a write finds the lock held
	asideDone   bool         // this session already kept the file's malformed entries aside
}

// LockTimeout is how long a write waits for another policyreader to
// release the bookmarks file before it fails with ErrLocked.
const LockTimeout = 5 * time.Second

// lockRetry is how often a waiting write tries the lock again.
const lockRetry = 25 * time.Millisecond

// ErrLocked reports that another policyreader held the bookmarks file for
// longer than the lock timeout; the change stays in memory.
var ErrLocked = errors.New("another policyreader is using the bookmarks file")

// Open loads the store in dir (DefaultDir() if dir is empty). It fails only
// when there is no directory to use at all (dir empty and no home
// directory); every other problem is a warning, one line each, and the
// store works in memory:
//   - a corrupt file is left in place and the store starts empty; the
//     first write moves it aside to bookmarks.json.corrupt-<UTC time>;
//   - an unreadable file (permissions, a directory in its place) is left
//     alone and changes are not saved;
//   - a file from a newer version is left alone (writes will fail);
//   - an unusable data directory means nothing will be saved.
//
// The directory is created on the first write, not by Open.
func Open(dir string) (*Store, []string, error) {
	if dir == "" {
		if xdg.DataHome == "" {
			return nil, nil, errors.New("open bookmarks: no data directory (set --data-dir or POLICYREADER_DATA)")
		}
		dir = DefaultDir()
	}
	dir = filepath.Clean(dir)
	s := &Store{
		dir:      dir,
		path:     filepath.Join(dir, FileName),
		lockPath: filepath.Join(dir, FileName+".lock"),
		now:      time.Now,
	}
	s.lockTimeout.Store(int64(LockTimeout))
	warnings := s.reload()
	return s, warnings, nil
}

// SetLockTimeout sets how long a write waits for the lock (LockTimeout by
// default).
func (s *Store) SetLockTimeout(d time.Duration) {
	s.lockTimeout.Store(int64(d))
}

// OnWait sets fn to be called when a write finds the lock held by another
// policyreader and starts waiting (a command line prints "waiting for
// another policyreader…"). fn runs on the writing goroutine.
func (s *Store) OnWait(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onWait = fn
}

// Unsaved returns how many changes are in memory only, and why the last
// attempt to save them failed.
func (s *Store) Unsaved() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending), s.lastErr
}

// Flush tries once more to save the changes held in memory; nil when
// there are none left.
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pending) == 0 {
		return nil
	}
	return s.save()
}

// Path returns the bookmarks file's path, for messages.
func (s *Store) Path() string { return s.path }

// Dir returns the data directory.
func (s *Store) Dir() string { return s.dir }

// Reload re-reads the file, picking up what other instances wrote, and
// returns warnings as Open does. Changes not yet saved stay applied.
func (s *Store) Reload() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reload()
}

func (s *Store) reload() []string {
	st, notes, res, err := readFile(s.path)
	var warnings []string
	switch res {
	case readNoDir:
		warnings = append(warnings, fmt.Sprintf("bookmarks: data directory %s is not usable (%v); bookmarks will not be saved", s.dir, err))
	case readIO:
		warnings = append(warnings, fmt.Sprintf("bookmarks: %s: %s; it is left untouched and changes will not be saved", s.path, oneLine(err.Error())))
	case readNewer:
		warnings = append(warnings, fmt.Sprintf("bookmarks: %s is %v; it is left untouched and changes will not be saved", s.path, err))
	case readBad:
		// Reading changes nothing on disk (bookmarks list must not rename
		// the user's file): the first write moves the corrupt file aside.
		warnings = append(warnings, fmt.Sprintf("bookmarks: %s is corrupt (%s); it is left in place and will be kept aside as %s.corrupt-<time> when a change is saved", s.path, oneLine(err.Error()), FileName))
	}
	for _, n := range notes {
		warnings = append(warnings, "bookmarks: "+s.path+": "+n)
	}
	for _, o := range s.pending {
		_ = o(&st) // a pending change that no longer applies was overtaken elsewhere
	}
	s.view = st
	return warnings
}

// locked runs fn holding the file lock. When another policyreader holds
// it, it says so through onWait and waits up to the lock timeout, then
// fails with ErrLocked; it never waits forever.
func (s *Store) locked(fn func() error) error {
	lk := flock.New(s.lockPath)
	ok, err := lk.TryLock()
	if err != nil {
		return fmt.Errorf("lock %s: %w", s.lockPath, err)
	}
	if !ok {
		if s.onWait != nil {
			s.onWait()
		}
		// Wait in short rounds, reading the timeout each time: a reader
		// that quits can cut a wait already under way.
		start := time.Now()
		for !ok {
			limit := time.Duration(s.lockTimeout.Load())
			if time.Since(start) >= limit {
				return fmt.Errorf("%w (it held %s for over %v)", ErrLocked, filepath.Base(s.lockPath), limit)
			}
			time.Sleep(lockRetry)
			if ok, err = lk.TryLock(); err != nil {
				return fmt.Errorf("lock %s: %w", s.lockPath, err)
			}
		}
	}
	defer lk.Close()
	return fn()
}

// readLocked reads the file while the lock is held, moving a corrupt or
// unreadable file aside (its notes then say so).
func (s *Store) readLocked() (state, []string, error) {
	st, notes, res, err := readFile(s.path)
	switch res {
	case readOK:
		if s.asideDone {
			st.malformed = nil // kept aside once this session already
		}
		if len(st.malformed) > 0 {
			name, serr := setAside(s.path, st.malformed, s.now())
			if serr != nil {
				return state{}, nil, serr // never drop them: do not write
			}
			s.asideDone = true
			// This replaces the "not shown" notes: they are now kept aside.
			notes = []string{fmt.Sprintf("kept %d malformed bookmark(s) (no node ID, or a second one for a node) aside in %s", len(st.malformed), filepath.Base(name))}
			st.malformed = nil
		}
		return st, notes, nil
	case readBad:
		name, merr := moveAside(s.path, s.now())
		if merr != nil {
			return state{}, nil, fmt.Errorf("%s is corrupt or unreadable (%s); %w", s.path, oneLine(err.Error()), merr)
		}
		return state{}, []string{fmt.Sprintf("file was corrupt (%s); moved it to %s and started empty", oneLine(err.Error()), filepath.Base(name))}, nil
	default:
		return state{}, nil, fmt.Errorf("%s: %w", s.path, err)
	}
}

// Warnings returns, and forgets, the warnings writes produced since the
// last call (for example a corrupt file found and moved aside by a write).
func (s *Store) Warnings() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.warnings
	s.warnings = nil
	return w
}

// List returns the bookmarks, oldest first.
func (s *Store) List() []Bookmark {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Bookmark, len(s.view.Bookmarks))
	copy(out, s.view.Bookmarks)
	return out
}

// Get returns the bookmark for nodeID.
func (s *Store) Get(nodeID string) (Bookmark, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.view.index(nodeID); i >= 0 {
		return s.view.Bookmarks[i], true
	}
	return Bookmark{}, false
}

// Has reports whether nodeID is bookmarked.
func (s *Store) Has(nodeID string) bool {
	_, ok := s.Get(nodeID)
	return ok
}

// PositionFor returns the last reading position saved in the corpus
// with key corpus; a position from before positions were kept per corpus
// stands for every corpus.
func (s *Store) PositionFor(corpus string) (Position, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.view.Positions[corpus]; ok {
		return p, true
	}
	if p := s.view.Position; p != nil && p.Corpus == "" {
		return *p, true
	}
	return Position{}, false
}

// Position returns the last saved reading position, in any corpus.
func (s *Store) Position() (Position, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.view.Position == nil {
		return Position{}, false
	}
	return *s.view.Position, true
}

// Add saves b. If nodeID is already bookmarked (here or by another
// instance), the bookmark is refreshed from b, keeps the earlier Created
// time, and takes b's note only if it is not empty. Zero Created/Updated
// times are set to now. Undo a Remove by calling Add with the removed
// bookmark.
func (s *Store) Add(b Bookmark) error {
	if strings.TrimSpace(b.NodeID) == "" {
		return errors.New("add bookmark: empty node ID")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.apply(s.addOp(b))
}

func (s *Store) addOp(b Bookmark) op {
	now := s.stamp()
	if b.Created.IsZero() {
		b.Created = now
	}
	if b.Updated.IsZero() {
		b.Updated = now
	}
	return func(st *state) error {
		i := st.index(b.NodeID)
		if i < 0 {
			st.Bookmarks = append(st.Bookmarks, b)
			sortBookmarks(st.Bookmarks)
			return nil
		}
		old := st.Bookmarks[i]
		nb := b
		if old.Created.Before(nb.Created) {
			nb.Created = old.Created
		}
		if nb.Note == "" {
			nb.Note = old.Note
		}
		st.Bookmarks[i] = nb
		sortBookmarks(st.Bookmarks)
		return nil
	}
}

// Remove deletes the bookmark for nodeID; ErrNotFound if there is none.
// The removal is applied to the freshly read file, so a merge never
// brings the bookmark back.
func (s *Store) Remove(nodeID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.view.index(nodeID) < 0 {
		return fmt.Errorf("remove %s: %w", nodeID, ErrNotFound)
	}
	return s.apply(removeOp(nodeID))
}

func removeOp(nodeID string) op {
	return func(st *state) error {
		if i := st.index(nodeID); i >= 0 {
			st.Bookmarks = append(st.Bookmarks[:i:i], st.Bookmarks[i+1:]...)
		}
		return nil
	}
}

// SetNote replaces the note of nodeID's bookmark; ErrNotFound if there is
// none, including when another instance removed it meanwhile (the removal
// wins and the store then shows it gone).
func (s *Store) SetNote(nodeID, note string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.view.index(nodeID) < 0 {
		return fmt.Errorf("set note of %s: %w", nodeID, ErrNotFound)
	}
	now := s.stamp()
	return s.apply(func(st *state) error {
		i := st.index(nodeID)
		if i < 0 {
			return fmt.Errorf("set note of %s: removed by another instance: %w", nodeID, ErrNotFound)
		}
		st.Bookmarks[i].Note = note
		st.Bookmarks[i].Updated = now
		return nil
	})
}

// Toggle removes b's bookmark if b.NodeID is bookmarked, else adds b; it
// reports whether the node is now bookmarked.
func (s *Store) Toggle(b Bookmark) (bool, error) {
	if strings.TrimSpace(b.NodeID) == "" {
		return false, errors.New("toggle bookmark: empty node ID")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.view.index(b.NodeID) >= 0 {
		return false, s.apply(removeOp(b.NodeID))
	}
	return true, s.apply(s.addOp(b))
}

// SetPosition saves the reading position. A zero Updated is set to now; a
// position older than the one in the file (saved by another instance
// later) does not replace it. It writes the file: call it when the reader
// quits or after the selection has rested, not on every key.
func (s *Store) SetPosition(p Position) error {
	if p.Updated.IsZero() {
		p.Updated = s.stamp()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.apply(func(st *state) error {
		if st.Position == nil || !p.Updated.Before(st.Position.Updated) {
			np := p
			st.Position = &np
		}
		if p.Corpus != "" {
			if st.Positions == nil {
				st.Positions = map[string]Position{}
			}
			if old, ok := st.Positions[p.Corpus]; !ok || !p.Updated.Before(old.Updated) {
				st.Positions[p.Corpus] = p
			}
			prunePositions(st.Positions)
		}
		return nil
	})
}

// stamp is the current time in UTC at millisecond precision, as stored.
func (s *Store) stamp() time.Time {
	return s.now().UTC().Truncate(time.Millisecond)
}

// apply applies o to the view and saves it. Called with s.mu held.
func (s *Store) apply(o op) error {
	if err := o(&s.view); err != nil {
		return err
	}
	s.pending = append(s.pending, o)
	return s.save()
}

// save writes every pending change: lock, re-read, apply, write atomically,
// unlock. On success the view becomes the file's new content (with other
// instances' changes); on failure the pending changes are kept for the next
// save. It returns the error of the newest change if it no longer applied.
func (s *Store) save() error {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		s.lastErr = fmt.Errorf("save bookmarks: cannot create data directory %s: %w", s.dir, err)
		return s.lastErr
	}
	var last error
	err := s.locked(func() error {
		fresh, notes, err := s.readLocked()
		for _, n := range notes {
			s.warnings = append(s.warnings, "bookmarks: "+s.path+": "+n)
		}
		if err != nil {
			return err
		}
		for i, o := range s.pending {
			if err := o(&fresh); i == len(s.pending)-1 {
				last = err
			}
		}
		data, err := encodeState(fresh)
		if err != nil {
			return err
		}
		if err := writeFile(s.path, data); err != nil {
			return err
		}
		removeStaleTemps(s.path)
		s.pending = nil
		s.view = fresh
		return nil
	})
	if err != nil {
		s.lastErr = fmt.Errorf("save bookmarks to %s: %w", s.path, err)
		return s.lastErr
	}
	s.lastErr = nil
	return last
}

// index returns the position of nodeID's bookmark, or -1.
func (st *state) index(nodeID string) int {
	for i, b := range st.Bookmarks {
		if b.NodeID == nodeID {
			return i
		}
	}
	return -1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// maxPositions bounds the corpora whose reading positions are kept.
const maxPositions = 64

// prunePositions drops the oldest positions beyond maxPositions.
func prunePositions(ps map[string]Position) {
	if len(ps) <= maxPositions {
		return
	}
	keys := make([]string, 0, len(ps))
	for k := range ps {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return ps[keys[i]].Updated.After(ps[keys[j]].Updated) })
	for _, k := range keys[maxPositions:] {
		delete(ps, k)
	}
}
