package ui

import (
	"errors"
	"slices"
	"time"

	"policyreader/corpus/bookmark"

	tea "github.com/charmbracelet/bubbletea"
)

// Writing to the bookmark store. Update never touches the disk: each
// change becomes a storeOp that a command runs. Commands run on their own
// goroutines, so two in flight could finish in either order; the persister
// therefore runs one op at a time, in the order they were made, and queues
// the rest. A queued position replaces an older queued position.

// slowStoreAfter is how long a store op may run before the status bar says
// the disk is slow (the op keeps running and the session keeps working).
const slowStoreAfter = 2 * time.Second

// storeOpKind is what a storeOp changes.
type storeOpKind int

const (
	opAdd      storeOpKind = iota // add (or restore) a bookmark
	opRemove                      // remove a bookmark
	opNote                        // replace a bookmark's note
	opPosition                    // save the reading position
)

// String says what the op does, for messages: "could not <op>".
func (k storeOpKind) String() string {
	switch k {
	case opAdd:
		return "save the bookmark"
	case opRemove:
		return "remove the bookmark"
	case opNote:
		return "save the note"
	case opPosition:
		return "save the reading position"
	}
	return "write bookmarks"
}

// storeOp is one change to the store.
type storeOp struct {
	kind     storeOpKind
	bookmark bookmark.Bookmark // opAdd
	nodeID   string            // opRemove, opNote
	note     string            // opNote
	position bookmark.Position // opPosition
}

// run applies o to s. Removing a bookmark that is already gone (another
// instance removed it) is not an error.
func (o storeOp) run(s BookmarkStore) error {
	switch o.kind {
	case opAdd:
		return s.Add(o.bookmark)
	case opRemove:
		if err := s.Remove(o.nodeID); err != nil && !errors.Is(err, bookmark.ErrNotFound) {
			return err
		}
		return nil
	case opNote:
		return s.SetNote(o.nodeID, o.note)
	case opPosition:
		return s.SetPosition(o.position)
	}
	return nil
}

// persister runs store ops one at a time. The zero value with a nil store
// does nothing.
type persister struct {
	store     BookmarkStore
	current   storeOp   // the running op, when running
	queue     []storeOp // not started yet
	running   bool
	stalled   bool // the running op has taken longer than slowAfter
	seq       int  // of the running op
	slowAfter time.Duration
}

func newPersister(store BookmarkStore) persister {
	return persister{store: store, slowAfter: slowStoreAfter}
}

// idle reports whether nothing is running or waiting.
func (p persister) idle() bool { return !p.running && len(p.queue) == 0 }

// enqueue adds o and starts it if nothing is running.
func (p persister) enqueue(o storeOp) (persister, tea.Cmd) {
	if p.store == nil {
		return p, nil
	}
	q := make([]storeOp, 0, len(p.queue)+1)
	for _, w := range p.queue {
		if !(o.kind == opPosition && w.kind == opPosition) {
			q = append(q, w)
		}
	}
	p.queue = append(q, o)
	return p.next()
}

// next starts the first queued op when nothing is running.
func (p persister) next() (persister, tea.Cmd) {
	if p.running || len(p.queue) == 0 {
		return p, nil
	}
	o := p.queue[0]
	p.queue = slices.Clone(p.queue[1:])
	p.current = o
	p.running, p.stalled = true, false
	p.seq++
	return p, runStoreOp(p.store, o, p.seq, p.slowAfter)
}

// done takes the reply of the running op and starts the next.
func (p persister) done(msg storeDoneMsg) (persister, tea.Cmd) {
	if !p.running || msg.seq != p.seq {
		return p, nil
	}
	p.running, p.stalled = false, false
	return p.next()
}

// slow keeps waiting for the running op that has taken slowAfter.
func (p persister) slow(msg storeSlowMsg) (persister, tea.Cmd) {
	if !p.running || msg.seq != p.seq {
		return p, nil
	}
	p.stalled = true
	return p, msg.wait
}

// runStoreOp returns the command that runs o on s. It answers with
// storeDoneMsg, or with storeSlowMsg after slowAfter, whose wait command
// then delivers the storeDoneMsg.
func runStoreOp(s BookmarkStore, o storeOp, seq int, slowAfter time.Duration) tea.Cmd {
	return func() tea.Msg {
		done := make(chan storeDoneMsg, 1)
		go func() {
			err := o.run(s)
			done <- storeDoneMsg{seq: seq, kind: o.kind, err: err, warnings: s.Warnings()}
		}()
		timer := time.NewTimer(slowAfter)
		defer timer.Stop()
		select {
		case msg := <-done:
			return msg
		case <-timer.C:
			return storeSlowMsg{seq: seq, kind: o.kind, wait: func() tea.Msg { return <-done }}
		}
	}
}

// SavePending reports whether changes were still on their way to the
// store when the reader quit.
func (m Model) SavePending() bool { return !m.bookmarks.persist.idle() }

// SaveQueued hands the store, in order, the changes the reader had not
// seen saved when it quit (a second q while a write waited): the running
// one again (every op is idempotent, and its goroutine may not have
// reached the store yet) and those queued after it, so none is left
// behind — the store then holds every change, saved or kept in memory and
// reported by bookmark.Store.Unsaved. Call it after the program has ended;
// it may wait for the store.
func (m Model) SaveQueued() {
	p := m.bookmarks.persist
	if p.store == nil {
		return
	}
	ops := p.queue
	if p.running {
		ops = append([]storeOp{p.current}, ops...)
	}
	for _, o := range ops {
		_ = o.run(p.store)
	}
}
