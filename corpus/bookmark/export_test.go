package bookmark

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policyreader/corpus"
)

func loadSeeds(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, errs := corpus.LoadPaths([]string{filepath.Join("..", "..", "seeds")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}

func TestEntriesOrderAndMarkdown(t *testing.T) {
	c := loadSeeds(t)
	now := time.Date(2026, 11, 25, 11, 15, 0, 0, time.UTC)
	last := byHeading(t, c, headingLast)         // central (十六), added first
	regional := byHeading(t, c, headingRegional) // central (二), added later
	var gdNode *corpus.Node
	c.Nodes(func(n *corpus.Node) bool {
		if gdNode == nil && n.Doc.ID == "guangdong-social-mobility-implementation" && n.Kind == corpus.Clause {
			gdNode = n
		}
		return gdNode == nil
	})
	if gdNode == nil {
		t.Fatal("no clause in the Guangdong implementation opinions")
	}
	gone := FromNode(regional, now)
	gone.NodeID = regional.Doc.ID + "/pt9/c99"
	gone.Fingerprint = "0000000000000000"
	gone.Text = "已删除的条款原文。\n# 第二行"
	gone.Heading = "(九十九)已删除的条款"

	bs := []Bookmark{FromNode(gdNode, now), FromNode(last, now), gone, FromNode(regional, now.Add(time.Hour))}
	bs[2].Note = "原文已删\n见旧版"
	bs[3].Note = "与广东版对比：区域流动"
	es := Entries(c, bs)

	var order []string
	for _, e := range es {
		order = append(order, e.Title())
	}
	// Central comes before Guangdong in the corpus (sorted by file name);
	// within it document order, the orphan last.
	want := []string{"(二)" + headingRegional, "(十六)" + headingLast, "(九十九)已删除的条款", gdNode.Title()}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Fatalf("order\n got %q\nwant %q", order, want)
	}
	if !es[2].Orphan || es[2].Node != nil || es[0].Orphan {
		t.Fatalf("orphan flags wrong: %+v", es)
	}

	var sb strings.Builder
	if err := WriteMarkdown(&sb, es); err != nil {
		t.Fatal(err)
	}
	md := sb.String()
	for _, s := range []string{
		"# Bookmarks\n",
		"\n## " + regional.Doc.Label() + "\n",
		"\n## " + gdNode.Doc.Label() + "\n",
		"\n### (二)" + headingRegional + "\n",
		"`" + regional.ID + "` · 二、推动经济高质量发展，筑牢社会性流动基础\n",
		"\n> 建立健全城乡融合发展体制机制和政策体系",
		"**Note:** 与广东版对比：区域流动\n",
		"*No longer found in the document; text as saved on 2026-11-25.*",
		"> 已删除的条款原文。\n> \\# 第二行\n",
		"**Note:** 原文已删  \n见旧版\n",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q\n%s", s, md)
		}
	}
	if strings.Count(md, "\n## ") != 2 {
		t.Errorf("want 2 document sections:\n%s", md)
	}
	if strings.Index(md, regional.Doc.Label()) > strings.Index(md, gdNode.Doc.Label()) {
		t.Error("documents out of corpus order")
	}
}

func TestMarkdownEmpty(t *testing.T) {
	var sb strings.Builder
	if err := WriteMarkdown(&sb, nil); err != nil {
		t.Fatal(err)
	}
	if sb.String() != "# Bookmarks\n\nNo bookmarks.\n" {
		t.Errorf("empty export = %q", sb.String())
	}
}
