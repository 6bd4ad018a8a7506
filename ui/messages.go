package ui

import (
	"policyreader/corpus"
	"policyreader/corpus/related"
	"policyreader/corpus/search"
	"policyreader/corpus/targets"
	"policyreader/corpus/words"

	tea "github.com/charmbracelet/bubbletea"
)

// selectNodeMsg is sent by the tree when its selection changes: the detail
// pane should show doc (node nil) or node.
type selectNodeMsg struct {
	doc  *corpus.Document
	node *corpus.Node
}

// jumpMsg is sent by the search pane when the user picks a result: the tree
// and the detail pane land on node, scrolled to rune offset in field
// ("heading" or "text"; offset -1 means the node's start).
type jumpMsg struct {
	node   *corpus.Node
	field  string
	offset int
}

// searchResultsMsg carries the results of the search numbered seq.
type searchResultsMsg struct {
	seq   int
	query string
	hits  []searchHit
	err   error
}

// indexReadyMsg delivers the search function once its index is built,
// and the index, which takes the word cutter when it is loaded.
type indexReadyMsg struct {
	search searchFunc
	index  *search.Index
}

// wordsReadyMsg delivers the word segmenter, loaded on the first query
// of letters (pinyin or initials), or why it could not be.
type wordsReadyMsg struct {
	words *words.Dictionary
	err   error
}

// statusMsg sets the status bar's message.
type statusMsg string

// errMsg reports a failure to show in the status bar.
type errMsg struct{ err error }

func (e errMsg) Error() string { return e.err.Error() }

// send returns a command that delivers msg.
func send(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}

// relatedReadyMsg delivers the related-clause index once it is built.
type relatedReadyMsg struct {
	index *related.Index
	err   error
}

// targetsReadyMsg delivers the corpus's targets once collected.
type targetsReadyMsg struct {
	targets []targets.Target
}

// closeViewMsg is sent by the targets view or the related pane when the
// user leaves it: the reader returns to where it was.
type closeViewMsg struct{}

// jumpTargetMsg is sent by the targets view when the user picks a target:
// the reader lands on its clause with the target emphasised.
type jumpTargetMsg struct {
	target targets.Target
}

// storeDoneMsg reports that the store op numbered seq has finished: err is
// its failure (the change stays in the session), warnings what the store
// found on the way (a corrupt file moved aside).
type storeDoneMsg struct {
	seq      int
	kind     storeOpKind
	err      error
	warnings []string
}

// storeSlowMsg reports that the store op numbered seq is still running
// after a while; wait delivers its storeDoneMsg.
type storeSlowMsg struct {
	seq  int
	kind storeOpKind
	wait tea.Cmd
}
