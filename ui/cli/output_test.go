package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"policyreader/corpus/bookmark"
)

// TestTerminalSafeAcrossWrites: a character split across writes comes out
// whole; one left incomplete at the end comes out as replacements, one a byte.
func TestTerminalSafeAcrossWrites(t *testing.T) {
	var out bytes.Buffer
	w := &terminalSafe{w: &out}
	text := []byte("国务院\t关于\x1b[31m印发")
	for i := range text {
		if _, err := w.Write(text[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	_, _ = w.Write([]byte("通知\xe5\x9b")) // 国 cut short at the end
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "国务院\t关于␛[31m印发通知\uFFFD\uFFFD"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMarkdownExportKeepsChinese exports 400 bookmarks with Chinese notes
// as markdown: not one character may be corrupted where the buffered
// writer flushes.
func TestMarkdownExportKeepsChinese(t *testing.T) {
	dir := t.TempDir()
	s, _, err := bookmark.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		note := strings.Repeat("促进劳动力和人才社会性流动", 1+i%7) + itoa(i)
		if err := s.Add(bookmark.Bookmark{NodeID: centralDoc + "/x" + itoa(i), DocTitle: "关于促进劳动力和人才社会性流动体制机制改革的意见", Heading: "落户", Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runBookmarksCLI(nil, "bookmarks", "export", "--format", "md", "--data-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\uFFFD"); n > 0 || !utf8.ValidString(out) {
		t.Errorf("markdown export holds %d replacement characters", n)
	}
	if n := strings.Count(out, "社会性流动"); n < 400 {
		t.Errorf("only %d notes intact", n)
	}
}

// TestCleaningFollowsParsedFlags: whether output is cleaned follows the
// flags as parsed — --json=false is text, a note that reads "--json" is a
// note, --json=1 is JSON — never a scan of the arguments.
func TestCleaningFollowsParsedFlags(t *testing.T) {
	dir := t.TempDir()
	doc := "关于测试\x1b[31m的通知\n\n一、总体要求\n\n（一）加强组织领导。各地区要抓好落实。\n"
	if err := os.WriteFile(filepath.Join(dir, "esc.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "", "--corpus", dir, "tree", "--json", "--json=false")
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, "␛[31m") {
		t.Errorf("tree --json --json=false: exit %d, raw escape in text output:\n%q", code, out)
	}
	code, out, _ = runCLI(t, "", "--corpus", dir, "tree", "--json=1")
	var docs []docJSON
	if code != 0 || json.Unmarshal([]byte(out), &docs) != nil || len(docs) != 1 || !strings.Contains(docs[0].Children[0].Text+docs[0].Title, "\x1b[31m") && !strings.Contains(out, `\u001b[31m`) {
		t.Errorf("tree --json=1: exit %d, not faithful JSON:\n%s", code, out)
	}
	data := t.TempDir()
	code, out, errs := runBookmarksCLI(nil, "bookmarks", "add", centralRegional, "--note", "--json", "--data-dir", data)
	if code != 0 {
		t.Fatalf("bookmarks add --note --json: exit %d: %s", code, errs)
	}
	if strings.HasPrefix(strings.TrimSpace(out), "{") {
		t.Errorf("a note reading --json switched to JSON output:\n%s", out)
	}
	code, out, _ = runBookmarksCLI(nil, "bookmarks", "add", centralLast, "--note", "看\x1b]8;;http://x\x07这里\x1b]8;;\x07", "--data-dir", data)
	if code != 0 || strings.Contains(out, "\x1b") || strings.Contains(out, "\x07") {
		t.Errorf("bookmarks add with an OSC 8 note: exit %d, raw output %q", code, out)
	}
}

// TestJSONEscapesTerminalControls: JSON output carries no raw C1 control,
// bidi control or DEL, yet decodes to the document's exact text.
func TestJSONEscapesTerminalControls(t *testing.T) {
	dir := t.TempDir()
	clause := "（一）加强组织领导。各地区\u009b2J要\u202e抓好\u007f落实。"
	if err := os.WriteFile(filepath.Join(dir, "c1.txt"), []byte("一、总体要求\n"+clause+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"tree", "--json"}, {"show", "--json", "c1/pt1/c1"}, {"search", "--json", "抓好"}} {
		code, out, errs := runCLI(t, "", append([]string{"--corpus", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		for _, bad := range []string{"\u009b", "\u202e", "\u007f"} {
			if strings.Contains(out, bad) {
				t.Errorf("%v: raw %U in JSON output", args, []rune(bad)[0])
			}
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: invalid JSON: %v", args, err)
		}
		if args[0] == "tree" && !strings.Contains(jsonText(v), "各地区\u009b2J要\u202e抓好\u007f落实") {
			t.Errorf("%v: the decoded text lost the document's characters", args)
		}
	}
}

// jsonText concatenates every string in a decoded JSON value.
func jsonText(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
