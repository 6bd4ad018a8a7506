package cite

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFindForms(t *testing.T) {
	cases := []struct {
		text string
		law  bool
		want []string // kind:article/sub/para/item:title:docnumber:self, in order
	}{
		{"违反本法第九条规定的，由县级以上人民政府责令改正。", true,
			[]string{"article:9/0/0/0:::true"}},
		{"依照本条例第二十条第二款的规定处罚。", false,
			[]string{"article:20/0/2/0:::true"}},
		{"有本办法第十五条之一第三项情形的", false,
			[]string{"article:15/1/0/3:::true"}},
		{"有前款规定情形的，依照第三十条规定的程序办理。", true,
			[]string{"previous-paragraph:0/0/1/0:::false", "article:30/0/0/0:::true"}},
		// A bare article number in a policy notice is not a citation.
		{"第三十条规定的程序", false, nil},
		{"违反本条例第四十三条第一款、第二款规定", true,
			[]string{"article:43/0/1/0:::true", "article:43/0/2/0:::true"}},
		{"前两款规定以外的", true, []string{"previous-paragraph:0/0/2/0:::false"}},
		{"本条第一款、第二款规定的", true,
			[]string{"paragraph:0/0/1/0:::false", "paragraph:0/0/2/0:::false"}},
		{"依照前条规定", true, []string{"previous-article:0/0/0/0:::false"}},
		{"违反前条第二款第三项规定的", true, []string{"previous-article:0/0/2/3:::false"}},
		{"依照民法典第六十一条和第五百零四条的规定", true, nil},
		// A list that opens with another document's article keeps its scope.
		{"依照《中华人民共和国行政处罚法》第三十条、第三十二条的规定", false,
			[]string{"article:30/0/0/0:中华人民共和国行政处罚法::false", "article:32/0/0/0:中华人民共和国行政处罚法::false"}},
		{"按照《国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见》（国办发〔2020〕24号）要求", false,
			[]string{"document:0/0/0/0:国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见:国办发〔2020〕24号:false"}},
		{"《广东省工伤保险条例》《广东省社会保险基金监督条例》", false,
			[]string{"document:0/0/0/0:广东省工伤保险条例::false", "document:0/0/0/0:广东省社会保险基金监督条例::false"}},
		{"本规定自2024年1月1日起施行。", true, nil},
		// Another instrument named without 《》: neither it nor its list is
		// a citation of the same document.
		{"应当依照刑法第四百条、第四百零一条第二款、第三款的规定", true, nil},
		{"依照刑法第四百条和本解释第三条", true, []string{"article:3/0/0/0:::true"}},
		{"第0条", true, nil},
	}
	for _, c := range cases {
		var got []string
		for _, ci := range Find(c.text, c.law) {
			got = append(got, fmt.Sprintf("%v:%d/%d/%d/%d:%s:%s:%v", ci.Kind, ci.Article, ci.Sub, ci.Para, ci.Item, ci.Title, ci.DocNumber, ci.Self))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Find(%q, %v)\n got %q\nwant %q", c.text, c.law, got, c.want)
		}
	}
}

// checkOffsets fails when a citation's offsets do not cut its own text out
// of the input.
func checkOffsets(t testing.TB, text string, cs []Citation) {
	t.Helper()
	runes := []rune(text)
	last := 0
	for _, c := range cs {
		if c.Start < last || c.End > len(runes) || c.Start >= c.End {
			t.Fatalf("bad offsets %d..%d (after %d, len %d) in %q", c.Start, c.End, last, len(runes), text)
		}
		if string(runes[c.Start:c.End]) != c.Text {
			t.Fatalf("offsets %d..%d cut %q, citation says %q", c.Start, c.End, string(runes[c.Start:c.End]), c.Text)
		}
		last = c.End
	}
}

func TestFindOffsetsWithWideAndInvalidText(t *testing.T) {
	for _, text := range []string{
		"𠀋𠀋依照本法第九条\xff和前款，《𠮷野家条例》第三条",
		"\u200b本法第十条\r\n前款",
		strings.Repeat("《", 50) + "本法第一条" + strings.Repeat("》", 50),
	} {
		checkOffsets(t, text, Find(text, true))
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"违反本法第九条第二款第三项规定", "依照《中华人民共和国行政处罚法》第三十条、第三十二条", "前两款", "《意见》（国办发〔2020〕27号）", "第十五条之一"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, law bool) {
		if !utf8.ValidString(text) {
			return
		}
		checkOffsets(t, text, Find(text, law))
	})
}

func TestParagraphRange(t *testing.T) {
	text := "第一段𠀋。\n\n第三段。"
	for _, c := range []struct {
		k, start, end int
		ok            bool
	}{{1, 0, 5, true}, {2, 6, 6, false}, {3, 7, 11, true}, {4, 0, 0, false}, {0, 0, 0, false}} {
		s, e, ok := ParagraphRange(text, c.k)
		if s != c.start || e != c.end || ok != c.ok {
			t.Errorf("ParagraphRange(%d) = %d, %d, %v; want %d, %d, %v", c.k, s, e, ok, c.start, c.end, c.ok)
		}
	}
}
