package corpus

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// The gold of a saved central-government page is read from its HTML with
// patterns of its own: the metadata table's cells, and the paragraphs
// that open with 一、 or （一）.
var (
	goldMetaCell = regexp.MustCompile(`<b>([^<]*?)[：:]\s*</b>\s*</td>\s*<td[^>]*>([^<]*)</td>`)
	goldTag      = regexp.MustCompile(`<[^>]*>`)
	goldBreak    = regexp.MustCompile(`(?i)</p>|<br\s*/?>`)
	goldHeading  = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])`)
)

func goldPageMeta(t *testing.T, page string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range goldMetaCell.FindAllStringSubmatch(page, -1) {
		label := strings.Join(strings.Fields(strings.ReplaceAll(m[1], "\u3000", " ")), "")
		out[label] = strings.TrimSpace(html.UnescapeString(m[2]))
	}
	return out
}

func goldPageHeadings(page string) []string {
	var out []string
	for _, p := range goldBreak.Split(page, -1) {
		text := strings.TrimSpace(strings.Trim(html.UnescapeString(goldTag.ReplaceAllString(p, "")), " \u3000\u00a0\t\r\n"))
		if m := goldHeading.FindString(text); m != "" {
			out = append(out, strings.NewReplacer("(", "（", ")", "）").Replace(m))
		}
	}
	return out
}

func goldDate(s string) string {
	s = strings.NewReplacer("年", "-", "月", "-", "日", "").Replace(strings.TrimSpace(s))
	return s
}

// TestGovPages holds the web-page extractor to the ten saved State Council
// pages: title, issuer, 文号 and date equal the page's own metadata table,
// no metadata label reaches a node, every 一、/（一） heading is a node, and
// every Han character of the page's text is in a node or dropped with a
// reason.
func TestGovPages(t *testing.T) {
	paths, _ := filepath.Glob("testdata/govcn-html/*.html")
	if len(paths) != 10 {
		t.Fatalf("%d pages, want 10", len(paths))
	}
	var headings, nodes int
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			page := string(data)
			d, err := ParseBytes(filepath.Base(p), data)
			if err != nil {
				t.Fatal(err)
			}
			meta := goldPageMeta(t, page)
			if meta["标题"] == "" {
				t.Fatalf("no metadata table in the page: %v", meta)
			}
			for _, c := range []struct{ field, got, want string }{
				{"title", d.Title, meta["标题"]},
				{"issuer", strings.Join(d.Issuers, "、"), meta["发文机关"]},
				{"文号", d.DocNumber, meta["发文字号"]},
				{"date", d.Date, goldDate(meta["成文日期"])},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			var numbered []string
			d.Walk(func(n *Node) bool {
				for _, label := range []string{"索引号", "主题分类", "发布日期", "发文字号：", "成文日期"} {
					if strings.Contains(n.Heading+n.Text, label) {
						t.Errorf("metadata label %q in node %s", label, n.ID)
					}
				}
				if goldHeading.MatchString(n.Number) {
					numbered = append(numbered, strings.NewReplacer("(", "（", ")", "）").Replace(n.Number))
				}
				return true
			})
			want := goldPageHeadings(page)
			headings += len(want)
			nodes += countMatching(numbered, want)
			if strings.Join(numbered, "") != strings.Join(want, "") {
				t.Errorf("numbered nodes %v, want the page's headings %v", numbered, want)
			}
			checkNothingLost(t, pageText(t, data), d)
		})
	}
	t.Logf("govcn pages: %d of %d 一、/（一） headings are nodes", nodes, headings)
}

// pageText is every text token of a page, as a browser's "select all"
// would copy it plus what scripts and styles hold.
func pageText(t *testing.T, data []byte) string {
	t.Helper()
	var b strings.Builder
	z := xhtml.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken, xhtml.CommentToken:
			b.Write(z.Text())
		}
	}
}
