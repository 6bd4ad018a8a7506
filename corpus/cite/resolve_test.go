package cite

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
)

// lawFolders hold real laws, regulations and departmental rules.
var lawFolders = []string{"../testdata/laws", "../testdata/laws-blind", "../testdata/rules"}

func loadCorpus(t testing.TB, paths ...string) *corpus.Corpus {
	t.Helper()
	c, errs := corpus.LoadPaths(paths)
	for _, err := range errs {
		t.Fatal(err)
	}
	return c
}

// goldSelf finds, independently of the finder, a law's citations of its
// own articles: 本法/本条例/… then 第X条 as printed.
var goldSelf = regexp.MustCompile(`本(?:法|条例|规定|办法|细则|实施细则|实施办法|规则|解释|决定|准则)(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)`)

// goldForeign finds 第X条 right after an instrument's name; goldSelfEnd
// tells the citing instrument's own name (本法, 本实施细则) from another's.
var (
	goldForeign = regexp.MustCompile(`(?:法|条例|规定|办法|细则|规则|解释|决定)(第[零〇一二三四五六七八九十百千]+条)`)
	goldSelfEnd = regexp.MustCompile(`本(?:法|条例|规定|办法|细则|实施细则|实施办法|规则|解释|决定|准则)$`)
)

// TestSelfCitationsResolveInLaws checks over every law and rule in the
// test data that each 本法第X条-style citation links to the article
// printed with that very number in the same document, and that 前款 links
// to the paragraph before the one it stands in, in the same article, and
// that 第X条 after another instrument's bare name (依照刑法第四百条) never
// resolves into the citing document.
func TestSelfCitationsResolveInLaws(t *testing.T) {
	c := loadCorpus(t, lawFolders...)
	r := NewResolver(c)
	var gold, resolved, missing, wrong, prevGold, prevOK, prevWrong, prevFirst, foreign, foreignWrong int
	c.Nodes(func(n *corpus.Node) bool {
		links := r.Links(n)
		byStart := map[int]Link{}
		for _, l := range links {
			byStart[l.Start] = l
		}
		runeIdx := byteToRune(n.Text)
		for _, m := range goldSelf.FindAllStringSubmatchIndex(n.Text, -1) {
			gold++
			l, ok := byStart[runeIdx[m[0]]]
			switch {
			case !ok || !l.Resolved():
				missing++
				t.Logf("unresolved %q in %s", n.Text[m[0]:m[1]], n.ID)
			case l.Doc != n.Doc || enclosingArticle(l.Target).Number != n.Text[m[2]:m[3]]:
				wrong++
				t.Errorf("%s: %q links to %s %q", n.ID, n.Text[m[0]:m[1]], l.Target.ID, l.Target.Number)
			default:
				resolved++
			}
		}
		for _, m := range goldForeign.FindAllStringSubmatchIndex(n.Text, -1) {
			if goldSelfEnd.MatchString(n.Text[:m[3]]) || strings.HasSuffix(n.Text[:m[2]], "》") {
				continue // 本法第X条, 本实施细则第X条 or 《X法》第X条
			}
			foreign++
			if l, ok := byStart[runeIdx[m[2]]]; ok && l.Resolved() {
				foreignWrong++
				t.Errorf("%s: %q resolves to %s, but names another instrument", n.ID, n.Text[m[0]:m[1]], l.Target.ID)
			}
		}
		if n.Kind == corpus.Paragraph && n.Parent != nil && n.Parent.Kind == corpus.Article {
			// A paragraph printed after an article's items: the paragraph
			// before it is the nearest paragraph node before it (items
			// belong to the paragraph that leads them), else the last line
			// of the article's own text.
			first, _, _ := strings.Cut(n.Text, "\n")
			for j := strings.Index(first, "前款"); j >= 0; j = indexFrom(first, "前款", j+1) {
				prevGold++
				l := byStart[runeIdx[j]]
				want, wantPara := n.Parent, strings.Count(n.Parent.Text, "\n")+1
				k := slices.Index(n.Parent.Children, n) - 1
				for k >= 0 && n.Parent.Children[k].Kind != corpus.Paragraph {
					k-- // items belong to the paragraph that leads them
				}
				if k >= 0 {
					prev := n.Parent.Children[k]
					want, wantPara = prev, strings.Count(prev.Text, "\n")+1
					if wantPara == 1 {
						wantPara = 0
					}
				}
				if l.Target == want && l.Para == wantPara {
					prevOK++
				} else {
					prevWrong++
					t.Errorf("%s: 前款 links to %v paragraph %d, want %s paragraph %d", n.ID, l.Target, l.Para, want.ID, wantPara)
				}
			}
		}
		if n.Kind != corpus.Article {
			return true
		}
		paras := strings.Split(n.Text, "\n")
		offset := 0
		for i, p := range paras {
			for j := strings.Index(p, "前款"); j >= 0; j = indexFrom(p, "前款", j+1) {
				prevGold++
				l := byStart[runeIdx[offset+j]]
				switch {
				case i == 0:
					prevFirst++ // the first paragraph has no paragraph before it
					if l.Resolved() {
						prevWrong++
						t.Errorf("%s: 前款 in the first paragraph links to %d", n.ID, l.Para)
					}
				case l.Target == n && l.Para == i:
					prevOK++
				default:
					prevWrong++
					t.Errorf("%s: 前款 in paragraph %d links to %v paragraph %d", n.ID, i+1, l.Target, l.Para)
				}
			}
			offset += len(p) + 1
		}
		return true
	})
	t.Logf("本法第X条-style: %d found, %d resolved, %d unresolved, %d wrong", gold, resolved, missing, wrong)
	t.Logf("前款 in article paragraphs: %d, %d resolved to the previous paragraph, %d in a first paragraph, %d wrong", prevGold, prevOK, prevFirst, prevWrong)
	t.Logf("第X条 after another instrument's name (刑法第四百条): %d, %d resolved into the citing document", foreign, foreignWrong)
	if gold < 300 || prevGold < 100 || foreign < 100 {
		t.Fatalf("too few citations to judge: %d, %d", gold, prevGold)
	}
	if float64(resolved) < 0.97*float64(gold) {
		t.Errorf("only %d of %d self-citations resolved", resolved, gold)
	}
}

// byteToRune maps each byte offset of s to its rune offset.
func byteToRune(s string) map[int]int {
	m := make(map[int]int, len(s))
	r := 0
	for i := range s {
		m[i] = r
		r++
	}
	m[len(s)] = r
	return m
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// TestDocumentCitationsResolveInSeeds checks a citation of another
// document by title on the embedded seeds: the provincial implementations
// cite the central opinions by their title.
func TestDocumentCitationsResolveInSeeds(t *testing.T) {
	c := loadCorpus(t, "../../seeds")
	r := NewResolver(c)
	central, ok := c.Doc("central-2019-social-mobility-opinions")
	if !ok {
		t.Fatal("central seed missing")
	}
	var toCentral, unresolved int
	c.Nodes(func(n *corpus.Node) bool {
		for _, l := range r.Links(n) {
			if l.Kind != Document {
				continue
			}
			if l.Doc == central {
				toCentral++
			} else if !l.Resolved() {
				unresolved++
			} else if titleKey(l.Title) != titleKey(l.Doc.Title) && titleKey(l.Title) != titleKey(l.Doc.ShortTitle()) {
				t.Errorf("%q resolved to %q", l.Title, l.Doc.Title)
			}
		}
		return true
	})
	if toCentral == 0 {
		t.Error("no citation of 关于促进劳动力和人才社会性流动体制机制改革的意见 resolved to the central seed")
	}
	if unresolved == 0 {
		t.Error("every 《》 citation resolved, yet the seeds cite regulations they do not hold")
	}
	t.Logf("citations of the central opinions: %d; unresolved 《》 citations: %d", toCentral, unresolved)
}

// TestCrossDocumentArticle resolves 《中华人民共和国X法》第N条 and a citation by
// 文号 against documents parsed from text, with and without 中华人民共和国
// and with the 文号's brackets printed differently.
func TestCrossDocumentArticle(t *testing.T) {
	law := parseLaw(t, "jiuye.md", "# 中华人民共和国就业促进法\n\n第一章 总则\n\n第一条 为了促进就业，制定本法。\n\n第二条 国家把扩大就业放在经济社会发展的突出位置。\n\n第三条 劳动者依法享有平等就业和自主择业的权利。\n\n劳动者求职，不因民族、种族、性别、宗教信仰等不同而受歧视。\n")
	notice := parseLaw(t, "notice.txt", "国务院办公厅关于做好就业工作的通知\n国办发〔2020〕27号\n\n一、总体要求\n\n（一）保障平等就业。各地依照《就业促进法》第三条第二款，保障平等就业。\n\n（二）抓好落实。落实《国务院办公厅关于做好就业工作的通知》（国办发[2020]27号）。\n")
	got := linkTexts(corpus.NewCorpus([]*corpus.Document{law, notice}), notice)
	want := []string{
		"《就业促进法》第三条第二款→" + law.ID + "/ch1/a3#2",
		"《国务院办公厅关于做好就业工作的通知》（国办发[2020]27号）→" + notice.ID + "#0",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links\n got %q\nwant %q", got, want)
	}
}

// FuzzLinks parses any text as a document, next to a real law, and
// resolves every node's citations: no panic, offsets inside the text, and
// every target a node of the corpus with a paragraph it has.
func FuzzLinks(f *testing.F) {
	f.Add("第一条 违反本法第二条第三款规定的，依照前款处罚。\n\n第二条 有前条情形的\n（一）依照本条第一款\n\n前款规定")
	f.Add("# 关于印发《X》的通知\n\n国办发〔2020〕27号\n\n一、按照《X》（国办发[2020]27号）第十条之一第二项")
	law, err := corpus.ParseBytes("law.md", []byte("# 中华人民共和国就业促进法\n\n第一条 为了促进就业，制定本法。\n\n第二条 国家把扩大就业放在突出位置。\n\n前款规定的事项。\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := corpus.ParseBytes("fuzz.md", []byte(text))
		if err != nil {
			return
		}
		c := corpus.NewCorpus([]*corpus.Document{law, d})
		r := NewResolver(c)
		c.Nodes(func(n *corpus.Node) bool {
			cs := make([]Citation, 0)
			for _, l := range r.Links(n) {
				cs = append(cs, l.Citation)
				if l.Target != nil {
					if _, ok := c.Node(l.Target.ID); !ok {
						t.Fatalf("target %s not in the corpus", l.Target.ID)
					}
					if l.Para > paragraphs(l.Target.Text) {
						t.Fatalf("paragraph %d of a %d-paragraph node", l.Para, paragraphs(l.Target.Text))
					}
				}
			}
			checkOffsets(t, n.Text, cs)
			return true
		})
	})
}

// parseLaw parses text as a document named name, failing the test on error.
func parseLaw(t *testing.T, name, text string) *corpus.Document {
	t.Helper()
	d, err := corpus.ParseBytes(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// linkTexts resolves every citation of doc's nodes against c and returns
// "citation→target-ID#paragraph", target "-" when unresolved.
func linkTexts(c *corpus.Corpus, doc *corpus.Document) []string {
	r := NewResolver(c)
	var got []string
	c.Nodes(func(n *corpus.Node) bool {
		if n.Doc != doc {
			return true
		}
		for _, l := range r.Links(n) {
			target := "-"
			switch {
			case l.Target != nil:
				target = l.Target.ID
			case l.Doc != nil:
				target = l.Doc.ID
			}
			got = append(got, fmt.Sprintf("%s→%s#%d", l.Text, target, l.Para))
		}
		return true
	})
	return got
}

// TestInterpretationCitesTheLaw: in a judicial interpretation a bare
// 第X条 is the interpreted law's article — resolved there when the corpus
// holds the law, unresolved (never the interpretation's own) otherwise.
func TestInterpretationCitesTheLaw(t *testing.T) {
	law := parseLaw(t, "hunyin.md", "# 中华人民共和国婚姻法\n\n第四章 离婚\n\n第三十条 女方在怀孕期间，男方不得提出离婚。\n\n第三十一条 男女双方自愿离婚的，准予离婚。\n\n第三十二条 男女一方要求离婚的，可由有关部门进行调解。\n\n人民法院审理离婚案件，应当进行调解。\n\n有下列情形之一，调解无效的，应准予离婚。\n")
	interp := parseLaw(t, "jieshi.md", "# 最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（一）\n\n第一条 本解释适用于婚姻家庭纠纷。\n\n第二条 符合第三十二条第三款规定的，应准予离婚。依照本解释第一条处理。\n\n第三十二条 本解释自公布之日起施行。\n")
	with := linkTexts(corpus.NewCorpus([]*corpus.Document{law, interp}), interp)
	// The title block (a paragraph) names the law too.
	want := []string{"《中华人民共和国婚姻法》→" + law.ID + "#0", "第三十二条第三款→" + law.ID + "/ch4/a32#3", "本解释第一条→" + interp.ID + "/a1#0"}
	if strings.Join(with, " ") != strings.Join(want, " ") {
		t.Errorf("with the law:\n got %q\nwant %q", with, want)
	}
	alone := linkTexts(corpus.NewCorpus([]*corpus.Document{interp}), interp)
	want = []string{"《中华人民共和国婚姻法》→-#0", "第三十二条第三款→-#0", "本解释第一条→" + interp.ID + "/a1#0"}
	if strings.Join(alone, " ") != strings.Join(want, " ") {
		t.Errorf("without the law:\n got %q\nwant %q", alone, want)
	}
}

// TestPreviousArticle: 前条 is the article printed before, 之一 articles
// included, and 前条第二款 its second paragraph.
func TestPreviousArticle(t *testing.T) {
	d := parseLaw(t, "law.md", "# 测试条例\n\n第一章 总则\n\n第十九条 丁。\n\n第二十条 甲。\n\n第二十条之一 乙。\n\n丙。\n\n第二十一条 违反前条规定的，依照前条第二款处理。\n")
	got := linkTexts(corpus.NewCorpus([]*corpus.Document{d}), d)
	want := []string{"前条→" + d.ID + "/ch1/a20_1#0", "前条第二款→" + d.ID + "/ch1/a20_1#2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestMismatchedDocNumber: a citation whose printed 文号 is not the
// corpus document's (an earlier version of the same title) does not
// resolve to it, nor does one said to be repealed; the same title alone,
// or with its own 文号, does.
func TestMismatchedDocNumber(t *testing.T) {
	rule := parseLaw(t, "rule.txt", "道路交通事故处理程序规定\n公安部令第146号\n\n第一条 为了规范道路交通事故处理程序，制定本规定。\n\n第二条 本规定适用于道路交通事故处理。\n")
	citing := parseLaw(t, "citing.txt", "关于做好事故处理工作的通知\n\n一、工作要求\n\n（一）依法办理。依照《道路交通事故处理程序规定》（公安部令第146号）办理。\n\n（二）清理文件。对照《道路交通事故处理程序规定》（公安部令第104号）清理。《道路交通事故处理程序规定》同时废止。\n\n（三）加强学习。学习《道路交通事故处理程序规定》。\n")
	if rule.DocNumber == "" {
		t.Skip("the rule's 文号 was not read; nothing to compare")
	}
	got := linkTexts(corpus.NewCorpus([]*corpus.Document{rule, citing}), citing)
	want := []string{
		"《道路交通事故处理程序规定》（公安部令第146号）→" + rule.ID + "#0",
		"《道路交通事故处理程序规定》（公安部令第104号）→-#0",
		"《道路交通事故处理程序规定》→-#0", // 同时废止: an earlier version
		"《道路交通事故处理程序规定》→" + rule.ID + "#0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
