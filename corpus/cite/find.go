// Package cite finds the cross-references in a clause's text — 本法第九条,
// 本条例第二十条第二款, 前款, 前条, 第三十条规定的, 《中华人民共和国就业促进法》,
// 《…》（国办发〔2020〕27号） — and resolves them to the article, paragraph
// or document of a corpus they name.
package cite

import (
	"strings"
	"unicode/utf8"

	"policyreader/corpus"
	"policyreader/corpus/internal/lazyre"
)

// Kind says what a citation names.
type Kind int

const (
	// Article names an article (and perhaps its paragraph or item) by
	// number: 本法第九条, 第三十条第二款, 《X法》第十条.
	Article Kind = iota
	// Paragraph names a paragraph of the article it stands in: 本条第二款,
	// a bare 第一款.
	Paragraph
	// Previous names the paragraph before the one it stands in: 前款.
	Previous
	// PreviousArticle names the article before the one it stands in: 前条.
	PreviousArticle
	// Document names a document by title or 文号: 《…》, 《…》（国办发〔2020〕27号）.
	Document
)

// String returns the kind's name as the JSON output spells it.
func (k Kind) String() string {
	switch k {
	case Article:
		return "article"
	case Paragraph:
		return "paragraph"
	case Previous:
		return "previous-paragraph"
	case PreviousArticle:
		return "previous-article"
	case Document:
		return "document"
	}
	return "unknown"
}

// Citation is one reference found in a text.
type Citation struct {
	// Start and End are rune offsets of the citation in the text.
	Start, End int
	// Text is the citation as printed.
	Text string
	// Kind says what it names.
	Kind Kind
	// Article, Sub, Para and Item are the numbers it gives (第二十条之一第二款第三项
	// → 20, 1, 2, 3); 0 when not given.
	Article, Sub, Para, Item int
	// Title is the document title inside 《》, for a citation of another
	// document; empty for one of the same document.
	Title string
	// DocNumber is the 文号 printed after the title, or empty.
	DocNumber string
	// Self is true when the citation names its own document explicitly
	// (本法, 本条例, 本办法 …) or by a bare article number.
	Self bool
	// Bare is true for a bare article number (第三十条, not 本法第三十条),
	// which in a judicial interpretation or an amending decision names an
	// article of the law it interprets or amends.
	Bare bool
}

const num = `[零〇一二三四五六七八九十百千两0-9]+`

var (
	// articleRef is 第X条 with an optional 之N, 第X款 and 第X项.
	articleRef = `第(` + num + `)条(?:之(` + num + `))?(?:第(` + num + `)款)?(?:第(` + num + `)项)?`
	// selfName is how a law or regulation names itself.
	selfName = `本(?:法|条例|规定|办法|细则|实施细则|实施办法|规则|解释|决定|准则)`
	// citeRe finds every citation form; the alternatives are tried left
	// to right at each position, the longest form first.
	citeRe = lazyre.New(
		`《([^《》\n]{2,100})》(?:[（(]([^（）()\n]{2,30}号)[）)])?(?:` + articleRef + `)?` +
			`|` + selfName + articleRef +
			`|本条第(` + num + `)款` +
			`|前(两|二|三)?款` +
			`|` + articleRef +
			`|第(` + num + `)款` +
			`|前条(?:第(` + num + `)款)?(?:第(` + num + `)项)?`)
	// joiner is what may stand between two citations of one list
	// (第十条、第十二条, 第三条和第五条, 第三条至第五条).
	joiner = lazyre.New(`^(?:、|，|和|或者|或|以及|及|至|到)$`)
)

// Find returns the citations in text in order. A bare 第X条 counts as a
// citation of the same document only when law is true (the text is
// a law's or regulation's, where that is how articles cite each other) or
// when it continues a list that began with a citation of another
// document, whose scope it then shares.
func Find(text string, law bool) []Citation {
	// Every form holds 第, 《 or 前款/前条; most text has none of them.
	if !strings.Contains(text, "第") && !strings.Contains(text, "《") && !strings.Contains(text, "前") {
		return nil
	}
	var out []Citation
	// prev is the citation of the previous match, nil when it was not
	// one; foreign is true when that match named another instrument
	// without 《》 (刑法第一百八十二条), whose list continues in its scope.
	var prev *Citation
	foreign := false
	prevEnd := -1
	for _, m := range citeRe.FindAllStringSubmatchIndex(text, -1) {
		c := Citation{Text: text[m[0]:m[1]]}
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		continues := prevEnd >= 0 && joiner.MatchString(text[prevEnd:m[0]])
		skip := func() {
			prev, foreign, prevEnd = nil, continues && foreign, m[1]
		}
		bare := g(13) != "" || g(17) != ""
		if continues && foreign && bare {
			skip()
			continue
		}
		continues = continues && prev != nil
		switch {
		case g(1) != "":
			c.Kind, c.Title, c.DocNumber = Document, g(1), g(2)
			if g(3) != "" {
				c.Kind = Article
				c.Article, c.Sub, c.Para, c.Item = number(g(3)), number(g(4)), number(g(5)), number(g(6))
			}
		case g(7) != "":
			c.Kind, c.Self = Article, true
			c.Article, c.Sub, c.Para, c.Item = number(g(7)), number(g(8)), number(g(9)), number(g(10))
		case g(11) != "":
			c.Kind, c.Para = Paragraph, number(g(11))
		case strings.HasPrefix(c.Text, "前条"):
			c.Kind, c.Para, c.Item = PreviousArticle, number(g(18)), number(g(19))
		case strings.HasPrefix(c.Text, "前") && strings.HasSuffix(c.Text, "款"):
			c.Kind, c.Para = Previous, 1
			if g(12) != "" {
				c.Para = number(g(12))
			}
		case g(13) != "":
			c.Kind = Article
			c.Article, c.Sub, c.Para, c.Item = number(g(13)), number(g(14)), number(g(15)), number(g(16))
			switch {
			case continues && prev.Title != "":
				c.Title, c.DocNumber = prev.Title, prev.DocNumber
			case continues && prev.Self:
				c.Self, c.Bare = true, prev.Bare
			case namedBefore(text[:m[0]]):
				// 依照刑法第四百条: another instrument named without 《》,
				// which cannot be told apart reliably enough to resolve.
				skip()
				foreign = true
				continue
			case law:
				c.Self, c.Bare = true, true
			default:
				skip()
				continue
			}
		case g(17) != "" && continues && prev.Kind == Article && prev.Para > 0:
			// 第四十三条第一款、第二款: the second paragraph is of the same article.
			c.Kind, c.Article, c.Sub, c.Title, c.DocNumber, c.Self, c.Bare = Article, prev.Article, prev.Sub, prev.Title, prev.DocNumber, prev.Self, prev.Bare
			c.Para = number(g(17))
		case g(17) != "":
			if !law {
				skip()
				continue
			}
			c.Kind, c.Para = Paragraph, number(g(17))
		}
		if c.Kind == Article && c.Article == 0 || c.Kind == Paragraph && c.Para == 0 {
			skip()
			continue
		}
		c.Start = utf8.RuneCountInString(text[:m[0]])
		c.End = c.Start + utf8.RuneCountInString(c.Text)
		out = append(out, c)
		prev, foreign, prevEnd = &out[len(out)-1], false, m[1]
	}
	return out
}

// instrumentSuffix ends the name of a law, regulation or rule.
var instrumentSuffix = lazyre.New(`(?:法|法典|典|条例|规定|办法|细则|规则|解释|决定|章程|通则|纲要)$`)

// namedBefore reports whether before ends with the name of an instrument
// other than the citing one: 刑法, 行政处罚法, but not 本法 or 本条例.
func namedBefore(before string) bool {
	loc := instrumentSuffix.FindStringIndex(before)
	return loc != nil && !strings.HasSuffix(before[:loc[0]], "本")
}

// number is the value of a numeral group, 0 when empty or unreadable.
func number(s string) int {
	v, _ := corpus.Numeral(s)
	return v
}
