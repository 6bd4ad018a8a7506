package corpus

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pointLabel is one hand-labelled numbered line (一、… or （一）…) of a
// document: whether what follows the number is a title, a lead phrase
// with text after it, or running text, and the heading a careful reader
// reads off it (empty for text).
type pointLabel struct {
	file          string
	line          int
	number, label string
	heading       string
}

func readPointLabels(t *testing.T, dir string) []pointLabel {
	t.Helper()
	var out []pointLabel
	for i, f := range readTSV(t, filepath.Join(dir, "labels.tsv"), 5) {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatalf("labels.tsv row %d: %v", i+1, err)
		}
		out = append(out, pointLabel{f[0], n, f[2], f[3], f[4]})
	}
	return out
}

// pointScores counts, per label, the labelled lines read as labelled.
type pointScores struct {
	total, right map[string]int
}

// squeeze drops every kind of space, so layout does not decide a match.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// scorePoints parses each labelled document and finds, for each labelled
// line, the numbered node it starts: the one whose heading and text begin
// with the line's first words after its number. A title or lead is read
// right when the node's heading is the labelled one; text when the node
// has no heading and its text starts with the line.
func scorePoints(t *testing.T, dir string) pointScores {
	t.Helper()
	s := pointScores{total: map[string]int{}, right: map[string]int{}}
	docs := map[string]*Document{}
	lines := map[string][]string{}
	for _, l := range readPointLabels(t, dir) {
		d, seen := docs[l.file]
		if !seen {
			data, err := os.ReadFile(filepath.Join(dir, l.file))
			if err != nil {
				t.Fatal(err)
			}
			if d, err = ParseBytes(l.file, data); err != nil {
				t.Fatalf("%s: %v", l.file, err)
			}
			docs[l.file] = d
			lines[l.file] = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		}
		ls := lines[l.file]
		if l.line < 1 || l.line > len(ls) {
			t.Fatalf("%s: line %d out of range", l.file, l.line)
		}
		src := squeeze(ls[l.line-1])
		i := strings.Index(src, squeeze(l.number))
		if i < 0 {
			t.Fatalf("%s:%d: %q does not hold %q", l.file, l.line, src, l.number)
		}
		rest := src[i+len(squeeze(l.number)):]
		key := pointKey(rest, 8)
		s.total[l.label]++
		var found *Node
		d.Walk(func(n *Node) bool {
			if found == nil && n.Number != "" && strings.HasPrefix(squeeze(n.Heading+n.Text), key) {
				found = n
			}
			return found == nil
		})
		var ok bool
		switch {
		case found == nil:
		case l.label == "text":
			ok = found.Heading == ""
		default:
			ok = squeeze(found.Heading) == squeeze(l.heading)
		}
		if ok {
			s.right[l.label]++
			continue
		}
		got := "no node"
		if found != nil {
			got = "heading " + strconv.Quote(found.Heading)
		}
		t.Logf("%s:%d %s %s %q: %s", l.file, l.line, l.number, l.label, l.heading, got)
	}
	t.Logf("%s: title %d/%d, lead %d/%d, text %d/%d", dir,
		s.right["title"], s.total["title"], s.right["lead"], s.total["lead"], s.right["text"], s.total["text"])
	return s
}

// pointKey returns the first n runes of s: enough to tell a line apart.
func pointKey(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// TestNoticePointsBlind reports how the numbered point lines of real
// notices, held out from the rules and labelled by reading, split into
// heading and text (figures in testdata/MEASURES.md).
func TestNoticePointsBlind(t *testing.T) {
	s := scorePoints(t, "testdata/notices-blind")
	if s.total["title"]+s.total["lead"]+s.total["text"] < 90 {
		t.Fatalf("%v labelled lines, want at least 90", s.total)
	}
}
