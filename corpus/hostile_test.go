package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"policyreader/corpus/extract"
)

// parseFixture parses one file of testdata/hostile.
func parseFixture(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseBytes(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func allText(d *Document) string {
	var b strings.Builder
	d.Walk(func(n *Node) bool {
		b.WriteString(n.Number + n.Heading + n.Text + "\n")
		return true
	})
	return b.String()
}

func outlineIDs(d *Document) []string {
	var out []string
	d.Walk(func(n *Node) bool {
		if n.InOutline() {
			out = append(out, n.Kind.String()+" "+n.Number+" "+n.ID)
		}
		return true
	})
	return out
}

// TestHostileWordNumbering: list start values far outside Word's range
// (9223372036854775807, 20000000000) neither crash nor exhaust memory.
func TestHostileWordNumbering(t *testing.T) {
	for _, name := range []string{"overflow.docx", "bigletter.docx"} {
		d := parseFixture(t, name)
		if n := len(allText(d)); n > 10000 {
			t.Errorf("%s: %d bytes of text from a tiny file", name, n)
		}
	}
	// A reader bug on one file costs that file, not the session.
	dir := t.TempDir()
	for _, name := range []string{"overflow.docx", "toc.txt"} {
		data, _ := os.ReadFile(filepath.Join("testdata", "hostile", name))
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if c, errs := LoadPaths([]string{dir}); len(c.Docs) != 2 || len(errs) != 0 {
		t.Errorf("folder with hostile Word file: %d documents, errors %v", len(c.Docs), errs)
	}
}

// TestWordLayout: tab stops in paragraph properties are not text, tabs
// that only indent are layout, and a text box loses nothing around it.
func TestWordLayout(t *testing.T) {
	d := parseFixture(t, "tabs.docx")
	if got := strings.Join(outlineIDs(d), "|"); !strings.Contains(got, "part 一、") || !strings.Contains(got, "part 二、") {
		t.Errorf("tabs.docx outline %q", got)
	}
	if len(d.Issuers) == 0 || d.Date == "" {
		t.Errorf("tabs.docx: issuers %q date %q (the signature was lost)", d.Issuers, d.Date)
	}
	text := allText(parseFixture(t, "textbox.docx"))
	for _, want := range []string{"前面的文字", "后面的文字", "框内文字"} {
		if !strings.Contains(text, want) {
			t.Errorf("textbox.docx lost %q:\n%s", want, text)
		}
	}
}

// TestArticlesWithoutSpace: a web page that sets the article number in
// bold with no space after it still gives every article.
func TestArticlesWithoutSpace(t *testing.T) {
	d := parseFixture(t, "nospace.html")
	var nums []string
	d.Walk(func(n *Node) bool {
		if n.Kind == Article {
			nums = append(nums, n.Number)
		}
		return true
	})
	if d.Grammar != "law" || strings.Join(nums, "") != "第一条第二条第三条第四条" {
		t.Errorf("grammar %s, articles %v", d.Grammar, nums)
	}
}

// TestCitedArticlesDoNotMakeALaw: lines a page break opened with a cited
// article (第二十一条明确…, 第十条确定…) leave a notice a policy document.
func TestCitedArticlesDoNotMakeALaw(t *testing.T) {
	d := parseFixture(t, "pol.txt")
	if d.Grammar != "policy" {
		t.Fatalf("grammar %s", d.Grammar)
	}
	got := strings.Join(outlineIDs(d), "|")
	for _, want := range []string{"clause （二） pol/pt1/c2", "box 专栏1 pol/box1", "part 二、 pol/pt2"} {
		if !strings.Contains(got, want) {
			t.Errorf("outline lacks %q: %s", want, got)
		}
	}
}

// TestContactLineInsideBody: a contact line between parts is text, not
// the start of the closing matter.
func TestContactLineInsideBody(t *testing.T) {
	got := strings.Join(outlineIDs(parseFixture(t, "sig2.txt")), "|")
	if !strings.Contains(got, "part 三、 sig2/pt3") {
		t.Errorf("part 三 lost after a contact line: %s", got)
	}
}

// TestLawContentsWithoutPageNumbers: a law's 目录 that lists its chapters
// without page numbers is contents, not chapters: IDs stay ch1, ch2, ch3.
func TestLawContentsWithoutPageNumbers(t *testing.T) {
	got := outlineIDs(parseFixture(t, "toc.txt"))
	chapters := 0
	for _, id := range got {
		if strings.HasPrefix(id, "chapter") {
			chapters++
		}
		if strings.Contains(id, "-2") {
			t.Errorf("duplicate ID %s", id)
		}
	}
	if chapters != 3 {
		t.Errorf("%d chapters: %v", chapters, got)
	}
}

// TestChapterCitedAtLineStart: 第二章规定的… wrapped to a line start is text.
func TestChapterCitedAtLineStart(t *testing.T) {
	d := parseFixture(t, "wrap.txt")
	chapters := 0
	d.Walk(func(n *Node) bool {
		if n.Kind == Chapter {
			chapters++
		}
		if n.Number == "第二条" && !strings.Contains(n.Text, "第二章规定的") {
			t.Errorf("article 2 lost its text: %q", n.Text)
		}
		return true
	})
	if chapters != 2 {
		t.Errorf("%d chapters, want 2", chapters)
	}
}

// TestLongRunsStayBounded: 20,000 short unpunctuated lines after a chapter
// title or a history line neither grow the title or the history without
// end nor take quadratic time (see BenchmarkParseUnpunctuated for time).
func TestLongRunsStayBounded(t *testing.T) {
	lines := strings.Repeat("这是一个短标题行啊\n", 20000)
	d, err := Parse("t.txt", "第一章 总则\n"+lines)
	if err != nil {
		t.Fatal(err)
	}
	d.Walk(func(n *Node) bool {
		if utf8.RuneCountInString(n.Heading) > maxHeadingRunes+20 {
			t.Errorf("heading of %d runes", utf8.RuneCountInString(n.Heading))
		}
		return true
	})
	d, err = Parse("h.md", "# 某条例\n2010年7月29日 某省第十一届人民代表大会常务委员会第十九次会议通过\n"+lines+"第一条 为了…。\n第二条 本条例…。\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range d.History {
		if n := utf8.RuneCountInString(h); n > maxHistoryRunes+120 {
			t.Errorf("history entry of %d runes", n)
		}
	}
}

// TestHTMLWhitespace: a line break in the source between Chinese words
// leaves no space; hidden elements are not text.
func TestHTMLWhitespace(t *testing.T) {
	res, err := extract.HTML([]byte("<p>坚持创新驱动，\n <b>推动</b>高质量发展</p><div hidden>隐藏的文字</div><p>Open\n<i>Source</i></p>"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "坚持创新驱动，推动高质量发展") || strings.Contains(res.Text, "隐藏") || !strings.Contains(res.Text, "Open Source") {
		t.Errorf("text %q", res.Text)
	}
}
