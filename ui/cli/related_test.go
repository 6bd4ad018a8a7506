package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"policyreader/corpus"
)

// seedClause returns the clause of a seed document with the given number
// (without brackets, e.g. 四), loaded the way the CLI loads it.
func seedClause(t *testing.T, docID, num string) *corpus.Node {
	t.Helper()
	c, errs := corpus.LoadFS(os.DirFS("../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	d, ok := c.Doc(docID)
	if !ok {
		t.Fatalf("no document %s", docID)
	}
	var found *corpus.Node
	d.Walk(func(n *corpus.Node) bool {
		if n.Kind == corpus.Clause && strings.Trim(n.Number, "()（） ") == num {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("%s: no clause (%s)", docID, num)
	}
	return found
}

func TestRelatedJSON(t *testing.T) {
	central := seedClause(t, "central-2019-social-mobility-opinions", "四")
	gd := seedClause(t, "guangdong-social-mobility-implementation", "七")
	jx := seedClause(t, "jiangxi-2020-social-mobility-implementation", "五")
	code, out, errs := runCLI(t, "", "related", "--json", "--limit", "3", central.ID)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	if len(got) != 3 {
		t.Fatalf("%d entries for --limit 3", len(got))
	}
	// The two implementing clauses come first (Jiangxi copies more of the text).
	if got[0]["id"] != jx.ID || got[1]["id"] != gd.ID {
		t.Errorf("first two = %v, %v; want %s, %s", got[0]["id"], got[1]["id"], jx.ID, gd.ID)
	}
	if got[1]["heading"] != gd.Title() || got[1]["doc"] != gd.Doc.Label() {
		t.Errorf("entry = %v, want heading %q doc %q", got[1], gd.Title(), gd.Doc.Label())
	}
	for i, e := range got {
		if len(e) != 4 {
			t.Errorf("entry %d has keys %v, want id, doc, heading, score", i, e)
		}
		s, ok := e["score"].(float64)
		if !ok || s <= 0 || s > 1 || (i > 0 && s > got[i-1]["score"].(float64)) {
			t.Errorf("entry %d: score %v not in (0,1] and descending", i, e["score"])
		}
	}
}

func TestRelatedText(t *testing.T) {
	central := seedClause(t, "central-2019-social-mobility-opinions", "四")
	gd := seedClause(t, "guangdong-social-mobility-implementation", "七")
	// Flags may follow the ID.
	code, out, errs := runCLI(t, "", "related", central.ID, "--limit", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 { // title, column header, two rows
		t.Fatalf("got %d lines, want 4:\n%s", len(lines), out)
	}
	if !strings.Contains(lines[0], central.Title()) || !strings.HasPrefix(lines[1], "score") {
		t.Errorf("header lines:\n%s", out)
	}
	row := lines[3]
	if !strings.Contains(row, gd.Title()) || !strings.HasSuffix(row, gd.ID) || !strings.Contains(row, "广东") {
		t.Errorf("second row %q lacks %s %s", row, gd.Title(), gd.ID)
	}
	// Columns line up: every row's ID starts at the same display column.
	idCol := strings.Index(lines[1], "id")
	for _, l := range lines[2:] {
		if w := displayWidthBefore(l, " "+strings.Fields(l)[len(strings.Fields(l))-1]); w+1 != idCol {
			t.Errorf("row %q: id at column %d, header at %d", l, w+1, idCol)
		}
	}
}

// displayWidthBefore is the display width of l up to the last occurrence of suffix.
func displayWidthBefore(l, suffix string) int {
	w := 0
	for _, r := range l[:strings.LastIndex(l, suffix)] {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestRelatedNoMatches(t *testing.T) {
	// (十四) 加强组织领导 is a one-sentence clause on organisation, which
	// none of the other documents repeats closely.
	n := seedClause(t, "central-2019-social-mobility-opinions", "十四")
	code, out, _ := runCLI(t, "", "related", "--json", n.ID)
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("exit %d, output %q; want 0 and []", code, out)
	}
	code, out, _ = runCLI(t, "", "related", n.ID)
	if code != 0 || !strings.Contains(out, "no similar clauses") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestRelatedErrors(t *testing.T) {
	id := seedClause(t, "central-2019-social-mobility-opinions", "四").ID
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"related"}, 2},
		{[]string{"related", id, id}, 2},
		{[]string{"related", "--limit", "0", id}, 2},
		{[]string{"related", "--limit", "x", id}, 2},
		{[]string{"related", "--nope", id}, 2},
		{[]string{"related", "no/such/node"}, 1},
		{[]string{"related", "--corpus", "/does/not/exist", id}, 1},
	} {
		code, out, errs := runCLI(t, "", c.args...)
		if code != c.code || out != "" || strings.Count(errs, "\n") < 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and an error line", c.args, code, out, errs, c.code)
		}
	}
}
