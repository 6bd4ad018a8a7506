package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowJSONCitations shows an article of a real regulation that cites
// three paragraphs of another article of its own — the second and third
// printed after that article's items, so they are paragraph nodes — and
// two national laws the corpus does not hold, listed with a null target.
func TestShowJSONCitations(t *testing.T) {
	law := filepath.Join("..", "..", "corpus", "testdata", "laws", "027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md")
	id := "027-guang-dong-di-fang-fa-gui-shen-zhen-jing-ji-te-qu-zhong-yi-yao-tiao-li-2023-01-06"
	code, out, errs := runCLI(t, "", "--corpus", law, "show", "--json", id+"/ch7/a94")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Text      string         `json:"text"`
		Citations []citationJSON `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range got.Citations {
		target := "null"
		if c.Target != nil {
			target = strings.TrimPrefix(*c.Target, id+"/")
		}
		if r := []rune(got.Text); c.End > len(r) || string(r[c.Start:c.End]) != c.Text {
			t.Errorf("offsets %d..%d do not cut %q", c.Start, c.End, c.Text)
		}
		lines = append(lines, c.Text+" "+c.Kind+" "+target+" "+string(rune('0'+c.Paragraph)))
	}
	want := []string{
		"本条例第四十三条第一款 article ch3/s2/a43 1",
		"第二款 article ch3/s2/a43/p1 0",
		"《中华人民共和国中医药法》 document null 0",
		"《中华人民共和国药品管理法》 document null 0",
		"本条例第四十三条第三款 article ch3/s2/a43/p2 0",
	}
	if len(lines) < len(want) || strings.Join(lines[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("citations:\n%s\nwant first:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}
