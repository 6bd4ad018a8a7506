package corpus

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestLocateInLaws: in every law of the collection, 第N条, N条 and a bare N
// go to the article numbered N, for every article.
func TestLocateInLaws(t *testing.T) {
	files, _ := filepath.Glob("testdata/laws/*.md")
	checked := 0
	for _, f := range files[:30] {
		c, errs := LoadPaths([]string{f})
		if len(errs) > 0 || len(c.Docs) != 1 {
			continue
		}
		d := c.Docs[0]
		if d.Grammar != "law" {
			continue
		}
		d.Walk(func(n *Node) bool {
			if n.Kind != Article {
				return true
			}
			v, sub := n.Ordinal()
			if sub != 0 {
				return true
			}
			for _, q := range []string{n.Number, strconv.Itoa(v) + "条", "第" + strconv.Itoa(v) + "条", strconv.Itoa(v), "第 " + strconv.Itoa(v) + " 条"} {
				got, ok := d.Locate(q, nil)
				if !ok || got != n {
					t.Errorf("%s: Locate(%q) = %v, want %s", filepath.Base(f), q, got, n.ID)
				}
			}
			checked++
			return true
		})
	}
	if checked < 500 {
		t.Errorf("only %d articles checked", checked)
	}
}

// TestLocateItemsNearby: （三） in a law is the item of the article being
// read; in a policy document, （三） and 3 are its clause (三).
func TestLocateItemsNearby(t *testing.T) {
	c, errs := LoadPaths([]string{"testdata/laws/027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	d := c.Docs[0]
	a43, ok := d.Locate("第四十三条", nil)
	if !ok || a43.Number != "第四十三条" {
		t.Fatalf("第四十三条: %v", a43)
	}
	item, ok := d.Locate("（二）", a43)
	if !ok || item.Parent != a43 {
		t.Errorf("（二） near 第四十三条 found %v", item)
	}
	if ch, ok := d.Locate("第三章", nil); !ok || ch.Kind != Chapter || ch.Number != "第三章" {
		t.Errorf("第三章: %v", ch)
	}
	seeds, errs := LoadFS(os.DirFS("../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	central, _ := seeds.Doc("central-2019-social-mobility-opinions")
	for _, q := range []string{"（四）", "(四)", "(4)", "4", "四"} {
		if n, ok := central.Locate(q, nil); !ok || n.ID != "central-2019-social-mobility-opinions/pt3/c4" {
			t.Errorf("central %q: %v", q, n)
		}
	}
	if n, ok := central.Locate("三、", nil); !ok || n.Kind != Part {
		t.Errorf("三、: %v", n)
	}
	for _, q := range []string{"", "abc", "第条", "（）", "第99条", "999"} {
		if n, ok := central.Locate(q, nil); ok {
			t.Errorf("%q located %v", q, n.ID)
		}
	}
}

func FuzzLocate(f *testing.F) {
	c, _ := LoadFS(os.DirFS("../seeds"))
	for _, s := range []string{"第20条", "（三）", "3", "第二十条之一", "三、", "第三章"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, d := range c.Docs {
			if n, ok := d.Locate(q, nil); ok && (n == nil || n.Doc != d) {
				t.Fatalf("Locate(%q) gave a node of another document", q)
			}
		}
	})
}

// TestLocateRejectsNonNumbers: 0, 零, 第一二三条 and 00003 name nothing,
// and an unnumbered node is never gone to.
func TestLocateRejectsNonNumbers(t *testing.T) {
	c, errs := LoadFS(os.DirFS("../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	laws, _ := LoadPaths([]string{"testdata/laws/027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md"})
	for _, d := range append(c.Docs, laws.Docs...) {
		for _, q := range []string{"0", "零", "第零条", "第一二三条", "00003", "（0）", "一二"} {
			if n, ok := d.Locate(q, nil); ok {
				t.Errorf("%s: %q located %s (%q)", d.ID, q, n.ID, n.Number)
			}
		}
	}
}
