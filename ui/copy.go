package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"policyreader/corpus"
	"policyreader/corpus/targets"
	"policyreader/ui/msg"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/google/renameio/v2"
)

// copyCmd puts text on the clipboard with an OSC 52 sequence written to w
// — the terminal's, so it works over SSH — wrapped for tmux or screen when
// the reader runs inside one, and reports what it copied.
func copyCmd(tr msg.Printer, w io.Writer, getenv func(string) string, what, text string) tea.Cmd {
	return func() tea.Msg {
		if w == nil {
			return errMsg{errors.New(tr.T("copy: no terminal to send the clipboard to"))}
		}
		seq := osc52.New(text)
		switch {
		case getenv("TMUX") != "":
			seq = seq.Tmux()
		case strings.HasPrefix(getenv("TERM"), "screen"):
			seq = seq.Screen()
		}
		if _, err := seq.WriteTo(w); err != nil {
			return errMsg{fmt.Errorf(tr.T("copy %s: %w"), what, err)}
		}
		return statusMsg(tr.F("copied %s (%d characters) — the terminal must allow OSC 52", what, utf8.RuneCountInString(text)))
	}
}

// clauseText is a node's text as a reader would paste it: its number and
// heading, its text, then its items and paragraphs, one a line.
func clauseText(n *corpus.Node) string {
	var b strings.Builder
	var walk func(n *corpus.Node)
	walk = func(n *corpus.Node) {
		head := strings.TrimSpace(n.Number + n.Heading)
		if n.Kind == corpus.Table {
			head = n.Number
		}
		line := head
		if n.Text != "" {
			switch {
			case line != "" && n.Heading != "":
				line += "\n" // a heading is a line of its own
			case strings.HasPrefix(line, "第"):
				line += " " // 第四十三条 符合下列条件的…
			}
			line += n.Text
		}
		if line != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// clauseCitation is how a reader cites a clause: the document's title,
// the path to the clause and its ID.
func clauseCitation(d *corpus.Document, n *corpus.Node) string {
	parts := []string{d.Title}
	if n != nil {
		parts = append(parts, n.Path()...)
		parts = append(parts, n.Title())
	}
	id := d.ID
	if n != nil {
		id = n.ID
	}
	return strings.Join(parts, " › ") + " [" + id + "]"
}

// copyClause copies the clause the detail pane shows (y), or its citation (Y).
func (m Model) copyClause(citation bool) (Model, tea.Cmd) {
	d, n := m.detail.doc, m.detail.node
	if d == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("copy: select a clause first"), false)
		return m, nil
	}
	if citation {
		return m, copyCmd(m.styles.tr, m.clipboard, m.getenv, m.styles.tr.T("the citation"), clauseCitation(d, n))
	}
	if n == nil {
		m.status = m.status.SetMessage(m.styles.tr.T("copy: select a clause, not a whole document"), false)
		return m, nil
	}
	return m, copyCmd(m.styles.tr, m.clipboard, m.getenv, m.styles.tr.T("the clause"), clauseText(n))
}

// exportTargetsCmd writes ts as CSV to a new file in dir, atomically.
func exportTargetsCmd(tr msg.Printer, dir string, ts []targets.Target, now time.Time) tea.Cmd {
	return func() tea.Msg {
		name := filepath.Join(dir, "policyreader-targets-"+now.Format("20060102-150405")+".csv")
		var b strings.Builder
		if err := targets.WriteCSV(&b, ts); err != nil {
			return errMsg{err}
		}
		if err := renameio.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return errMsg{fmt.Errorf(tr.T("export targets: %w"), err)}
		}
		return statusMsg(tr.F("wrote %d targets to %s", len(ts), name))
	}
}

// exportDirOr is dir, or the working directory when dir is empty.
func exportDirOr(dir string) string {
	if dir != "" {
		return dir
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}
