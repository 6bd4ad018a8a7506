package bookmark

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/renameio/v2"
)

// FileName is the name of the bookmarks file inside the data directory.
const FileName = "bookmarks.json"

// Version is the file format version this package reads and writes.
const Version = 1

// errNewer marks a file written by a newer program: it is neither read nor
// overwritten.
var errNewer = errors.New("written by a newer version of policyreader")

// state is the content of the bookmarks file.
type state struct {
	Bookmarks []Bookmark
	Position  *Position // the newest position, whatever its corpus
	// Positions holds the newest position of each corpus, by its key.
	Positions map[string]Position
	// malformed holds the entries the file had that cannot be kept in it
	// (no node ID, a second bookmark for one node): a write sets them
	// aside in a file of their own rather than dropping them.
	malformed []Bookmark
}

// fileFormat is the JSON shape of the file.
type fileFormat struct {
	Version   int                  `json:"version"`
	Bookmarks []Bookmark           `json:"bookmarks"`
	Position  *Position            `json:"position,omitempty"`
	Positions map[string]*Position `json:"positions,omitempty"`
}

// decodeState parses file content. A file it cannot trust is an error; the
// returned notes describe entries it dropped (no node ID, duplicates).
func decodeState(data []byte) (state, []string, error) {
	var f fileFormat
	if err := json.Unmarshal(data, &f); err != nil {
		return state{}, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	switch {
	case f.Version > Version:
		return state{}, nil, fmt.Errorf("format version %d: %w", f.Version, errNewer)
	case f.Version < 1:
		return state{}, nil, fmt.Errorf("no valid format version (got %d)", f.Version)
	}
	var st state
	var notes []string
	seen := map[string]bool{}
	dropped, dups := 0, 0
	for _, b := range f.Bookmarks {
		switch {
		case strings.TrimSpace(b.NodeID) == "":
			dropped++
			st.malformed = append(st.malformed, b)
		case seen[b.NodeID]:
			dups++
			st.malformed = append(st.malformed, b)
		default:
			seen[b.NodeID] = true
			st.Bookmarks = append(st.Bookmarks, b)
		}
	}
	if dropped > 0 {
		notes = append(notes, fmt.Sprintf("%d bookmark(s) without a node ID are not shown (kept aside on the next write)", dropped))
	}
	if dups > 0 {
		notes = append(notes, fmt.Sprintf("%d duplicate bookmark(s) are not shown (kept aside on the next write)", dups))
	}
	if f.Position != nil && f.Position.NodeID != "" {
		p := *f.Position
		st.Position = &p
	}
	for k, p := range f.Positions {
		if p != nil && p.NodeID != "" && k != "" {
			if st.Positions == nil {
				st.Positions = map[string]Position{}
			}
			q := *p
			q.Corpus = k
			st.Positions[k] = q
		}
	}
	prunePositions(st.Positions) // a file may hold more than are kept
	sortBookmarks(st.Bookmarks)
	return st, notes, nil
}

// encodeState renders st as the file content.
func encodeState(st state) ([]byte, error) {
	f := fileFormat{Version: Version, Bookmarks: st.Bookmarks, Position: st.Position}
	if len(st.Positions) > 0 {
		f.Positions = map[string]*Position{}
		for k, p := range st.Positions {
			q := p
			f.Positions[k] = &q
		}
	}
	if f.Bookmarks == nil {
		f.Bookmarks = []Bookmark{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode bookmarks: %w", err)
	}
	return buf.Bytes(), nil
}

// sortBookmarks orders bookmarks oldest first, ties by node ID.
func sortBookmarks(bs []Bookmark) {
	sort.SliceStable(bs, func(i, j int) bool {
		if !bs[i].Created.Equal(bs[j].Created) {
			return bs[i].Created.Before(bs[j].Created)
		}
		return bs[i].NodeID < bs[j].NodeID
	})
}

// readResult is what reading the file found.
type readResult int

const (
	readOK    readResult = iota // st holds the file (or it does not exist)
	readBad                     // the file's content is corrupt: move it aside
	readIO                      // the file cannot be read (permissions, a directory): leave it alone
	readNewer                   // a newer format: leave it alone
	readNoDir                   // the data directory itself is unusable
)

// readFile reads and decodes the file at path. err describes any problem.
func readFile(path string) (state, []string, readResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return state{}, nil, readOK, nil
		}
		if info, derr := os.Stat(filepath.Dir(path)); derr != nil || !info.IsDir() {
			return state{}, nil, readNoDir, err
		}
		// An I/O error says nothing about the content: the file may be
		// fine (a permission, a directory in its place), so it is never
		// moved aside or overwritten.
		return state{}, nil, readIO, fmt.Errorf("cannot read it: %w", err)
	}
	st, notes, err := decodeState(data)
	switch {
	case errors.Is(err, errNewer):
		return state{}, nil, readNewer, err
	case err != nil:
		return state{}, nil, readBad, err
	}
	return st, notes, readOK, nil
}

// moveAside renames the file at path to a timestamped sibling,
// bookmarks.json.corrupt-20261125T111500 (with -2, -3 … if taken), and
// returns the new name.
func moveAside(path string, now time.Time) (string, error) {
	name, err := freeSibling(path, ".corrupt-", now)
	if err != nil {
		return "", fmt.Errorf("move aside %s: %w", path, err)
	}
	if err := os.Rename(path, name); err != nil {
		return "", fmt.Errorf("move aside %s: %w", path, err)
	}
	return name, nil
}

// freeSibling returns a name for a copy of path kept aside, path + tag +
// the UTC time (bookmarks.json.corrupt-20261125T111500), with -2, -3 … when
// taken.
func freeSibling(path, tag string, now time.Time) (string, error) {
	base := path + tag + now.UTC().Format("20060102T150405")
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		if i > 1000 {
			return "", errors.New("too many copies kept aside")
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// setAside writes the malformed entries of a file to a timestamped
// sibling, bookmarks.json.malformed-20261125T111500 (with -2, -3 … if
// taken), and returns its name.
func setAside(path string, bs []Bookmark, now time.Time) (string, error) {
	data, err := json.MarshalIndent(bs, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode malformed bookmarks: %w", err)
	}
	name, err := freeSibling(path, ".malformed-", now)
	if err != nil {
		return "", fmt.Errorf("set aside malformed bookmarks of %s: %w", path, err)
	}
	if err := writeFile(name, append(data, '\n')); err != nil {
		return "", fmt.Errorf("set aside malformed bookmarks: %w", err)
	}
	return name, nil
}

// writeFile replaces the file at path atomically: a temporary file in the
// same directory is written, fsynced and renamed over path, and the
// directory is fsynced so the rename itself survives a power loss.
func writeFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := renameio.WriteFile(path, data, 0o600, renameio.WithTempDir(dir)); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync directory: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync directory: %w", err)
	}
	return nil
}

// removeStaleTemps deletes temporary files a killed writer left behind
// (.bookmarks.json123…). Call only while holding the lock, when no other
// writer can be mid-write.
func removeStaleTemps(path string) {
	dir, base := filepath.Split(path)
	matches, _ := filepath.Glob(filepath.Join(dir, "."+base+"[0-9]*"))
	for _, m := range matches {
		os.Remove(m)
	}
}
