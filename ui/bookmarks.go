package ui

// bookmarksModel is the slot for the bookmarks list (B) and the bookmark
// key (b). Storage lives in corpus/bookmark; until it is wired in through
// Options.Bookmarks the keys stay disabled and this model draws nothing.
type bookmarksModel struct {
	store BookmarkStore
}

// BookmarkStore is what the reader needs from a bookmark store.
type BookmarkStore interface {
	// IDs returns the bookmarked node IDs.
	IDs() []string
}

func newBookmarks(store BookmarkStore) bookmarksModel {
	return bookmarksModel{store: store}
}

// enabled reports whether a store is wired in.
func (m bookmarksModel) enabled() bool { return m.store != nil }

// ids returns the bookmarked node IDs for the tree's markers.
func (m bookmarksModel) ids() []string {
	if m.store == nil {
		return nil
	}
	return m.store.IDs()
}
