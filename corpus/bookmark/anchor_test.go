package bookmark

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
)

const centralSeed = "central-2019-social-mobility-opinions.txt"

// seedText reads a seed document as text.
func seedText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := corpus.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// parseOne parses text as the file name and returns a one-document corpus.
func parseOne(t *testing.T, name, text string) *corpus.Corpus {
	t.Helper()
	d, err := corpus.Parse(name, text)
	if err != nil {
		t.Fatal(err)
	}
	return corpus.NewCorpus([]*corpus.Document{d})
}

// byHeading finds the node with the given heading.
func byHeading(t *testing.T, c *corpus.Corpus, heading string) *corpus.Node {
	t.Helper()
	var found *corpus.Node
	c.Nodes(func(n *corpus.Node) bool {
		if found == nil && n.Heading == heading {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no node with heading %q", heading)
	}
	return found
}

var clauseNumerals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七"}

// renumberFrom shifts the central opinions' clause numbers (k)…(十六) at
// line starts up by one, as an editor inserting a clause before (k) would.
func renumberFrom(text string, k int) string {
	for i := 16; i >= k; i-- {
		text = strings.ReplaceAll(text, "\n("+clauseNumerals[i]+")", "\n("+clauseNumerals[i+1]+")")
	}
	return text
}

const (
	headingRegional = "推动区域协调发展促进流动均衡" // (二) in the seed
	headingFirst    = "实施就业优先政策创造流动机会" // (一)
	headingLast     = "营造良好氛围"         // (十六)
	insertedClause  = "(二)新设测试条款。为检验书签重新定位而插入的一条新条款，内容与其他条款不同。\n\n"
)

func TestResolveAfterClauseInsertedBefore(t *testing.T) {
	orig := seedText(t, centralSeed)
	before := parseOne(t, centralSeed, orig)
	now := time.Now()
	regional := byHeading(t, before, headingRegional)
	if regional.Number != "(二)" {
		t.Fatalf("test premise: %s is numbered %q", headingRegional, regional.Number)
	}
	marks := map[string]Bookmark{}
	for _, h := range []string{headingFirst, headingRegional, headingLast} {
		marks[h] = FromNode(byHeading(t, before, h), now)
	}

	at := strings.Index(orig, "\n(二)"+headingRegional)
	if at < 0 {
		t.Fatal("test premise: clause (二) not at a line start")
	}
	modified := renumberFrom(orig[:at+1], 2) + insertedClause + renumberFrom(orig[at:], 2)[1:]
	after := parseOne(t, centralSeed, modified)

	// The old ID now names the inserted clause.
	if n, ok := after.Node(regional.ID); !ok || n.Heading != "新设测试条款" {
		t.Fatalf("test premise: %s in the modified copy is %+v", regional.ID, n)
	}
	for heading, wantNumber := range map[string]string{headingFirst: "(一)", headingRegional: "(三)", headingLast: "(十七)"} {
		b := marks[heading]
		n, orphan := Resolve(after, b)
		if orphan || n == nil {
			t.Errorf("%s: orphaned after an insertion", heading)
			continue
		}
		if n.Heading != heading || n.Number != wantNumber {
			t.Errorf("%s: resolved to %s %s%s, want number %s", heading, n.ID, n.Number, n.Heading, wantNumber)
		}
		if heading != headingFirst && n.ID == b.NodeID {
			t.Errorf("%s: ID %s did not change, so the test proves nothing", heading, n.ID)
		}
	}
}

func TestResolveEditedClauseBySimilarity(t *testing.T) {
	orig := seedText(t, centralSeed)
	before := parseOne(t, centralSeed, orig)
	b := FromNode(byHeading(t, before, headingRegional), time.Now())

	// Renumber (insert a clause before) and edit a few characters of the
	// bookmarked clause: the fingerprint no longer matches anywhere.
	at := strings.Index(orig, "\n(二)"+headingRegional)
	modified := renumberFrom(orig[:at+1], 2) + insertedClause + renumberFrom(orig[at:], 2)[1:]
	modified = strings.Replace(modified, "优化行政区划设置", "优化调整行政区划", 1)
	modified = strings.Replace(modified, "拓宽城市间流动空间", "拓展城市之间的流动空间", 1)
	after := parseOne(t, centralSeed, modified)
	edited := byHeading(t, after, headingRegional)
	if Fingerprint(edited) == b.Fingerprint {
		t.Fatal("test premise: the edit did not change the fingerprint")
	}
	n, orphan := Resolve(after, b)
	if orphan || n != edited {
		t.Errorf("edited clause resolved to %v (orphan %v), want %s", n, orphan, edited.ID)
	}
}

func TestResolveDeletedClauseIsOrphan(t *testing.T) {
	orig := seedText(t, centralSeed)
	before := parseOne(t, centralSeed, orig)
	b := FromNode(byHeading(t, before, headingRegional), time.Now())
	start := strings.Index(orig, "(二)"+headingRegional)
	end := strings.Index(orig, "(三)")
	if start < 0 || end < start {
		t.Fatal("test premise: clause boundaries not found")
	}
	after := parseOne(t, centralSeed, orig[:start]+orig[end:])
	n, orphan := Resolve(after, b)
	if !orphan || n != nil {
		t.Fatalf("deleted clause resolved to %s", n.ID)
	}
	if !strings.HasPrefix(b.Text, "建立健全城乡融合发展体制机制和政策体系") {
		t.Errorf("saved text = %.40q", b.Text)
	}
}

func TestResolveStaysInItsDocument(t *testing.T) {
	c := parseOne(t, centralSeed, seedText(t, centralSeed))
	b := FromNode(byHeading(t, c, headingRegional), time.Now())
	// The same clause under another document ID (the file was renamed or
	// another corpus is open) must not be picked up.
	b.NodeID = strings.Replace(b.NodeID, b.DocID, "other-doc", 1)
	b.DocID = "other-doc"
	if n, orphan := Resolve(c, b); !orphan {
		t.Errorf("resolved across documents to %s", n.ID)
	}
	if n, orphan := Resolve(nil, b); !orphan || n != nil {
		t.Error("nil corpus did not orphan")
	}
}

func TestFingerprintIgnoresNumberingAndPunctuation(t *testing.T) {
	a := &corpus.Node{Number: "(二)", Heading: "推动区域协调发展", Text: "建立健全城乡融合发展体制机制，推进新型城镇化。"}
	b := &corpus.Node{Number: "（三）", Heading: "推动区域协调发展", Text: " 建立健全城乡融合发展体制机制、推进新型城镇化\n"}
	c := &corpus.Node{Number: "(二)", Heading: "推动区域协调发展", Text: "建立健全城乡融合发展体制机制，推进新型城市化。"}
	d := &corpus.Node{Number: "(二)", Heading: "推动区域协调", Text: "发展建立健全城乡融合发展体制机制，推进新型城镇化。"}
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("numbering, whitespace or punctuation changed the fingerprint")
	}
	if Fingerprint(a) == Fingerprint(c) {
		t.Error("a changed character kept the fingerprint")
	}
	if Fingerprint(a) == Fingerprint(d) {
		t.Error("moving the heading/text boundary kept the fingerprint")
	}
	// Full-width and half-width digits are one (NFKC).
	e := &corpus.Node{Heading: "到２０２５年", Text: "就业１１００万人"}
	f := &corpus.Node{Heading: "到2025年", Text: "就业1100万人"}
	if Fingerprint(e) != Fingerprint(f) {
		t.Error("full-width digits changed the fingerprint")
	}
}

func TestNodeTextIncludesItems(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{filepath.Join("..", "..", "seeds")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// Find a 专栏 box with entries and check each entry's text is in the
	// saved text, in order.
	var clause *corpus.Node
	c.Nodes(func(n *corpus.Node) bool {
		if clause == nil && n.Kind == corpus.Box && len(n.Children) >= 3 {
			clause = n
		}
		return clause == nil
	})
	if clause == nil {
		t.Fatal("no box with entries in the seeds")
	}
	text := NodeText(clause)
	pos := 0
	for _, ch := range clause.Children {
		want := strings.TrimSpace(ch.Text)
		if want == "" {
			want = ch.Heading
		}
		i := strings.Index(text[pos:], want)
		if i < 0 {
			t.Fatalf("%s: child %s text missing or out of order", clause.ID, ch.ID)
		}
		pos += i + len(want)
	}
}

func TestReanchorRekeysMovedBookmarks(t *testing.T) {
	orig := seedText(t, centralSeed)
	before := parseOne(t, centralSeed, orig)
	at := strings.Index(orig, "\n(二)"+headingRegional)
	after := parseOne(t, centralSeed, renumberFrom(orig[:at+1], 2)+insertedClause+renumberFrom(orig[at:], 2)[1:])

	dir := t.TempDir()
	s := mustOpen(t, dir)
	// (二) and (三) both shift by one: (二) moves onto (三)'s old ID.
	for _, h := range []string{headingRegional, "推进创新创业创造激发流动动力", headingFirst} {
		b := FromNode(byHeading(t, before, h), time.Now())
		b.Note = "批注：" + h
		if err := s.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	gone := Bookmark{NodeID: "central-2019-social-mobility-opinions/pt9/c99", DocID: "central-2019-social-mobility-opinions", Fingerprint: "00", Text: "已删除"}
	if err := s.Add(gone); err != nil {
		t.Fatal(err)
	}
	moved, err := s.Reanchor(after)
	if err != nil || moved != 2 {
		t.Fatalf("Reanchor = %d, %v; want 2 moved", moved, err)
	}
	again := mustOpen(t, dir)
	for _, h := range []string{headingRegional, "推进创新创业创造激发流动动力", headingFirst} {
		n := byHeading(t, after, h)
		b, ok := again.Get(n.ID)
		if !ok || b.Note != "批注："+h || b.Fingerprint != Fingerprint(n) {
			t.Errorf("%s: bookmark at %s = %+v, %v", h, n.ID, b, ok)
		}
	}
	inserted := byHeading(t, after, "新设测试条款")
	if again.Has(inserted.ID) {
		t.Errorf("the inserted clause %s shows as bookmarked", inserted.ID)
	}
	if !again.Has(gone.NodeID) || len(again.List()) != 4 {
		t.Errorf("orphan lost or bookmarks duplicated: %v", ids(again.List()))
	}
	if moved, err := again.Reanchor(after); moved != 0 || err != nil {
		t.Errorf("second Reanchor = %d, %v", moved, err)
	}
}
