package ui

import (
	"regexp"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/related"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/x/ansi"
)

// TestRelatedJumpOnlyWithMatches: the related pane offers enter only when
// it lists a clause: not while computing, not when nothing is similar.
func TestRelatedJumpOnlyWithMatches(t *testing.T) {
	c := loadSeeds(t)
	m := update(New(c, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = onClause(t, m, centralHukou)
	m = update(m, keyRunes("r"))
	if relatedOf(m).keys.Jump.Enabled() || strings.Contains(ansi.Strip(m.View()), "enter jump") {
		t.Errorf("computing: enter jump offered:\n%s", ansi.Strip(m.View()))
	}
	m = update(m, relatedReadyMsg{index: related.New(c)})
	if len(relatedOf(m).matches) == 0 || !relatedOf(m).keys.Jump.Enabled() || !strings.Contains(ansi.Strip(m.View()), "enter jump") {
		t.Errorf("%d matches arrived: enter jump not offered:\n%s", len(relatedOf(m).matches), ansi.Strip(m.View()))
	}

	doc := &corpus.Document{ID: "solo", Title: "孤立文件", Short: "孤"}
	n := &corpus.Node{ID: "solo/c1", Kind: corpus.Clause, Number: "（一）", Heading: "唯一条款", Text: "没有别的文件可比。", Doc: doc}
	doc.Children = []*corpus.Node{n}
	solo := startedWith(t, corpus.NewCorpus([]*corpus.Document{doc}), nil, 100, 30)
	solo = update(onClause(t, solo, n.ID), keyRunes("r"))
	v := ansi.Strip(solo.View())
	if !strings.Contains(v, "no similar clauses") {
		t.Fatalf("lone clause: pane does not say nothing is similar:\n%s", v)
	}
	if relatedOf(solo).keys.Jump.Enabled() || strings.Contains(v, "enter jump") {
		t.Errorf("no matches: enter jump offered:\n%s", v)
	}
}

// TestSearchCountPlural: one result is "1 result", more are "N results".
func TestSearchCountPlural(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want *regexp.Regexp
	}{
		{"以户籍制度和公共服务牵引", regexp.MustCompile(`(^|\s)1 result(\s|$)`)}, // only in the central opinions' (四)
		{"落户", regexp.MustCompile(`(^|\s)([2-9]|\d\d+) results(\s|$)`)},
	} {
		m := update(update(started(t, 100, 30), keyRunes("/")), keyRunes(tc.q))
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		if len(lines) < 2 || !tc.want.MatchString(lines[1]) {
			t.Errorf("%s: %d hits, count line %q, want %s", tc.q, len(searchOf(m).hits), lines[1], tc.want)
		}
	}
}
