package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparators split a page's <title> into the document's title and
// the site's name: 某某办法｜广州市南沙区人民政府, 某某通知_某省人民政府.
const titleSeparators = "｜|_—–-"

// minPageTitleRunes keeps a site's short section names (首页, 政策) from
// counting as a document's title.
const minPageTitleRunes = 6

// pageTitle returns what a saved page names in its <title> and prints as
// a line of its own (its heading): the part of the <title>, split at the
// site separator, that a line of the text equals, or "". The parser takes
// it as the title only where it reads as a document's (a site's or an
// organ's name does not).
func pageTitle(root *html.Node, lines []string) string {
	t := titleElement(root)
	if t == "" {
		return ""
	}
	printed := make(map[string]bool, len(lines))
	for _, l := range lines {
		printed[squeeze(l)] = true
	}
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(titleSeparators, r) }) {
		if s := squeeze(part); len([]rune(s)) >= minPageTitleRunes && printed[s] {
			// Single spaces kept: they may part joint issuers.
			return strings.Join(strings.Fields(part), " ")
		}
	}
	return ""
}

// titleElement returns the text of the page's first <title> element.
func titleElement(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		return textOf(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := titleElement(c); t != "" {
			return t
		}
	}
	return ""
}

// squeeze removes white space, which pages scatter through titles.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
