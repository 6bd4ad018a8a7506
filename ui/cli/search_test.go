package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSearchJSONOnSeeds(t *testing.T) {
	code, out, errs := runCLI(t, "", "search", "--json", "--limit", "3", "luohu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []struct {
		ID, Doc, Heading, Field, Snippet string
		Path                             []string
		Score                            int
		Matched                          []int
		SnippetMatched                   []int `json:"snippet_matched"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(got) != 3 {
		t.Fatalf("want 3 results, got %d", len(got))
	}
	central := seedClause(t, "central-2019-social-mobility-opinions", "四")
	if got[0].ID != central.ID && !strings.Contains(got[0].Path[len(got[0].Path)-1]+got[0].Heading, "户籍") {
		t.Errorf("first result %s %s is not a 落户 clause", got[0].ID, got[0].Heading)
	}
	for _, r := range got {
		if r.Field != "text" && r.Field != "heading" {
			t.Errorf("%s: field %q", r.ID, r.Field)
		}
		if !strings.Contains(r.Doc, "·") || len(r.Path) == 0 {
			t.Errorf("%s: doc %q path %v", r.ID, r.Doc, r.Path)
		}
		// matched are rune positions of 落户 in the field.
		field := []rune(r.Heading)
		if r.Field == "text" {
			n := seedNode(t, r.ID)
			field = []rune(n.Text)
		}
		if len(r.Matched) != 2 || r.Matched[1] >= len(field) || string(field[r.Matched[0]])+string(field[r.Matched[1]]) != "落户" {
			t.Errorf("%s: matched %v do not spell 落户", r.ID, r.Matched)
		}
		snip := []rune(r.Snippet)
		if len(r.SnippetMatched) != 2 || string(snip[r.SnippetMatched[0]])+string(snip[r.SnippetMatched[1]]) != "落户" {
			t.Errorf("%s: snippet_matched %v in %q", r.ID, r.SnippetMatched, r.Snippet)
		}
	}
	if got[0].Score < got[1].Score || got[1].Score < got[2].Score {
		t.Errorf("scores not descending: %d %d %d", got[0].Score, got[1].Score, got[2].Score)
	}
}

func seedNode(t *testing.T, id string) *struct{ Text string } {
	t.Helper()
	code, out, errs := runCLI(t, "", "show", "--json", id)
	if code != 0 {
		t.Fatalf("show %s: exit %d: %s", id, code, errs)
	}
	var n struct{ Text string }
	if err := json.Unmarshal([]byte(out), &n); err != nil {
		t.Fatalf("show %s: %v", id, err)
	}
	return &n
}

func TestSearchTextMarksMatches(t *testing.T) {
	code, out, errs := runCLI(t, "", "search", "营造", "良好氛围")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if len(lines) < 3 {
		t.Fatalf("output too short:\n%s", out)
	}
	central := seedClause(t, "central-2019-social-mobility-opinions", "十六")
	if !strings.HasPrefix(lines[0], "1. "+central.ID) {
		t.Errorf("first line %q, want central (十六) %s", lines[0], central.ID)
	}
	if !strings.Contains(lines[1], "中央") || !strings.Contains(lines[1], "营造良好氛围") {
		t.Errorf("breadcrumb %q lacks the document or heading", lines[1])
	}
	if !strings.Contains(lines[2], "【营造良好氛围】") { // two adjacent terms, one mark
		t.Errorf("snippet %q lacks the marks", lines[2])
	}
	if !utf8.ValidString(out) {
		t.Error("output is not UTF-8")
	}
}

func TestSearchNoResultsAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "", "search", "量子纠缠")
	if code != 0 || !strings.Contains(out, "no results") {
		t.Errorf("nonsense: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", "search", "--json", "量子纠缠")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("nonsense --json: exit %d, %q", code, out)
	}
	for _, args := range [][]string{{"search"}, {"search", " "}, {"search", "--limit", "0", "落户"}, {"search", "--limit", "x", "落户"}} {
		if code, _, errs := runCLI(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q, want 2 and a message", args, code, errs)
		}
	}
}

func TestMarkRunes(t *testing.T) {
	cases := []struct {
		s    string
		pos  []int
		want string
	}{
		{"放宽落户条件", []int{2, 3}, "放宽【落户】条件"},
		{"落实户籍", []int{0, 2}, "【落】实【户】籍"},
		{"ab落", []int{2}, "ab【落】"},
		{"", nil, ""},
	}
	for _, c := range cases {
		if got := markRunes(c.s, c.pos, "【", "】"); got != c.want {
			t.Errorf("markRunes(%q, %v) = %q, want %q", c.s, c.pos, got, c.want)
		}
	}
}

// TestSearchWords: --words ranks whole words first for initials, as the
// reader does; without it the fragment 力弘 (大力|弘扬) is in lh's top ten.
func TestSearchWords(t *testing.T) {
	fragments := func(args ...string) int {
		code, out, errs := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return strings.Count(out, "【力弘】") + strings.Count(out, "【流合】")
	}
	if n := fragments("search", "--limit", "10", "lh"); n == 0 {
		t.Fatal("without --words lh's top ten hold no fragment: the test proves nothing")
	}
	if n := fragments("search", "--words", "--limit", "10", "lh"); n != 0 {
		t.Errorf("--words: %d fragments in lh's top ten", n)
	}
}
