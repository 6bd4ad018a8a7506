package corpus

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The gold of a law file is read straight from its lines with patterns of
// their own, independent of the parser: every line that opens with 第X条
// and a space is an article, the `# ` line is the title, and every line
// opening with （X） after an article line (until the next article or `#`
// heading) is an item of that article.
var (
	goldArticle = regexp.MustCompile(`^第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?[ \x{3000}]`)
	goldItem    = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
)

// lawGold is what a careful reader counts in one law file.
type lawGold struct {
	title    string
	articles []string // numbers as printed, in order
	items    []string // "article number/item number", in order
}

func readLawGold(t testing.TB, path string) lawGold {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g lawGold
	article := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "# ") && g.title == "":
			g.title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "#"):
			article = ""
		case goldArticle.MatchString(line):
			article = strings.TrimRight(goldArticle.FindString(line), " \u3000")
			g.articles = append(g.articles, article)
		case article != "" && goldItem.MatchString(line):
			g.items = append(g.items, article+"/"+goldItem.FindString(line))
		}
	}
	return g
}

// lawFigures sums how the parser does on a folder of law files.
type lawFigures struct {
	files, exactArticles, titles   int
	goldArticles, foundArticles    int
	goldItems, itemsUnderArticle   int
	wrongTitles, wrongArticleFiles []string
}

// isArticleNode reports a node the parser made for a 第X条 article.
func isArticleNode(n *Node) bool {
	return strings.HasPrefix(n.Number, "第") && strings.HasSuffix(strings.TrimRight(n.Number, "之一二三四五六七八九十"), "条")
}

func measureLaws(t testing.TB, dir string) lawFigures {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var f lawFigures
	for _, p := range paths {
		g := readLawGold(t, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseBytes(filepath.Base(p), data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		f.files++
		var got, items []string
		d.Walk(func(n *Node) bool {
			if isArticleNode(n) {
				got = append(got, n.Number)
			}
			if goldItem.MatchString(n.Number) && n.Parent != nil && isArticleNode(n.Parent) {
				items = append(items, n.Parent.Number+"/"+n.Number)
			}
			return true
		})
		f.goldArticles += len(g.articles)
		f.foundArticles += countMatching(got, g.articles)
		if strings.Join(got, " ") == strings.Join(g.articles, " ") {
			f.exactArticles++
		} else {
			f.wrongArticleFiles = append(f.wrongArticleFiles, filepath.Base(p))
		}
		f.goldItems += len(g.items)
		f.itemsUnderArticle += countMatching(items, g.items)
		if d.Title == g.title {
			f.titles++
		} else {
			f.wrongTitles = append(f.wrongTitles, filepath.Base(p)+": "+d.Title)
		}
	}
	return f
}

// countMatching counts the elements of got that match gold in order (the
// length of their longest common subsequence) less the nodes that match
// nothing, so extra and missing nodes both cost.
func countMatching(got, gold []string) int {
	prev := make([]int, len(gold)+1)
	cur := make([]int, len(gold)+1)
	for i := range got {
		for j := range gold {
			switch {
			case got[i] == gold[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	// A node that matches nothing is an error as much as a missing one.
	lcs := prev[len(gold)]
	return max(0, lcs-(len(got)-lcs))
}

func logLawFigures(t *testing.T, name string, f lawFigures) {
	t.Logf("%s: %d files, articles %d/%d (%d files exact), items under their article %d/%d, titles %d/%d",
		name, f.files, f.foundArticles, f.goldArticles, f.exactArticles, f.itemsUnderArticle, f.goldItems, f.titles, f.files)
	for _, w := range f.wrongArticleFiles {
		t.Logf("  articles differ: %s", w)
	}
	for _, w := range f.wrongTitles {
		t.Logf("  title: %s", w)
	}
}

// TestLaws holds the parser to every law in testdata/laws: the article
// nodes equal the file's 第X条 lines in order, every （一） item of an
// article is that article's child, and the title is the `# ` line.
func TestLaws(t *testing.T) {
	f := measureLaws(t, "testdata/laws")
	logLawFigures(t, "laws", f)
	if f.files != 95 {
		t.Errorf("read %d law files, want 95", f.files)
	}
	if f.exactArticles != f.files || f.foundArticles != f.goldArticles {
		t.Errorf("articles: %d/%d files exact, %d/%d articles", f.exactArticles, f.files, f.foundArticles, f.goldArticles)
	}
	if f.itemsUnderArticle != f.goldItems {
		t.Errorf("items under their article: %d/%d", f.itemsUnderArticle, f.goldItems)
	}
	if f.titles != f.files {
		t.Errorf("titles: %d/%d", f.titles, f.files)
	}
}

// TestLawsBlind reports the held-out law sample and holds it to floors a
// grammar for the kind must reach on files it was not tuned on.
func TestLawsBlind(t *testing.T) {
	f := measureLaws(t, "testdata/laws-blind")
	logLawFigures(t, "laws-blind", f)
	if f.files != 40 {
		t.Errorf("read %d files, want 40", f.files)
	}
	if f.foundArticles*100 < f.goldArticles*98 {
		t.Errorf("articles %d/%d, want ≥ 98 %%", f.foundArticles, f.goldArticles)
	}
	if f.itemsUnderArticle*100 < f.goldItems*98 {
		t.Errorf("items under their article %d/%d, want ≥ 98 %%", f.itemsUnderArticle, f.goldItems)
	}
	if f.titles*100 < f.files*95 {
		t.Errorf("titles %d/%d, want ≥ 95 %%", f.titles, f.files)
	}
}
