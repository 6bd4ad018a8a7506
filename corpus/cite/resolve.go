package cite

import (
	"strings"
	"sync"
	"unicode/utf8"

	"policyreader/corpus"
	"policyreader/corpus/internal/lazyre"
)

// Link is a citation with what it resolves to.
type Link struct {
	Citation
	// Target is the node named: an article, an item of one, or nil when
	// the citation names a whole document (Doc) or did not resolve.
	Target *corpus.Node
	// Doc is the document the target belongs to, or the document named.
	Doc *corpus.Document
	// Para is the 1-based paragraph (款) of Target's text named, 0 for the
	// whole node. For 前两款 it is the first of the two.
	Para int
}

// Resolved reports whether the link points somewhere in the corpus.
func (l Link) Resolved() bool { return l.Doc != nil }

// Resolver resolves citations against one corpus. It indexes documents
// by normalised title and 文号 once; a document's articles are indexed
// the first time a citation leads into it, so a library whose documents
// are read on first use (corpus.Packed) is not read whole. Build one per
// corpus; it is safe for concurrent use.
type Resolver struct {
	byTitle  map[string]*corpus.Document
	byNumber map[string]*corpus.Document

	mu       sync.Mutex
	articles map[*corpus.Document]*articleIndex
}

// articleIndex is one document's articles: by number and 之N, and each
// article's predecessor.
type articleIndex struct {
	byNumber map[[2]int]*corpus.Node
	previous map[*corpus.Node]*corpus.Node
}

// NewResolver indexes c's documents.
func NewResolver(c *corpus.Corpus) *Resolver {
	r := &Resolver{byTitle: map[string]*corpus.Document{}, byNumber: map[string]*corpus.Document{}, articles: map[*corpus.Document]*articleIndex{}}
	for _, d := range c.Docs {
		for _, t := range []string{d.Title, d.ShortTitle()} {
			if k := titleKey(t); k != "" {
				if _, dup := r.byTitle[k]; !dup {
					r.byTitle[k] = d
				}
			}
		}
		if k := numberKey(d.DocNumber); k != "" {
			r.byNumber[k] = d
		}
	}
	return r
}

// articlesOf returns d's article index, built on first use.
func (r *Resolver) articlesOf(d *corpus.Document) *articleIndex {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ix, ok := r.articles[d]; ok {
		return ix
	}
	ix := &articleIndex{byNumber: map[[2]int]*corpus.Node{}, previous: map[*corpus.Node]*corpus.Node{}}
	var last *corpus.Node
	d.Walk(func(n *corpus.Node) bool {
		if n.Kind == corpus.Article {
			if last != nil {
				ix.previous[n] = last
			}
			last = n
			v, s := n.Ordinal()
			if _, dup := ix.byNumber[[2]int{v, s}]; !dup && v > 0 {
				ix.byNumber[[2]int{v, s}] = n
			}
			return false
		}
		return true
	})
	r.articles[d] = ix
	return ix
}

// Links finds the citations in n's text and resolves each; unresolved
// ones are kept with a nil Doc.
func (r *Resolver) Links(n *corpus.Node) []Link {
	law := n.Doc != nil && n.Doc.Grammar == "law"
	var out []Link
	for _, c := range Find(n.Text, law) {
		if c.Bare && n.Doc != nil && speaksOfAnother(n.Doc) {
			// 第三十二条 in an interpretation of 《婚姻法》 is the law's.
			c.Self, c.Title = false, interpreted(n.Doc.Title)
		}
		out = append(out, r.Resolve(n, c))
	}
	return out
}

// reAbout matches the titles of instruments whose bare article numbers
// name another law's articles: judicial interpretations, replies and
// provisions of the Supreme People's Court or Procuratorate, and
// decisions amending or repealing a law.
var reAbout = lazyre.New(`^最高人民(?:法院|检察院)|关于(?:修改|废止)[^，。]*的决定`)

// speaksOfAnother reports whether d is such an instrument, by its title
// or, when the court's name was read as the issuer, by its issuers.
func speaksOfAnother(d *corpus.Document) bool {
	if reAbout.MatchString(d.Title) {
		return true
	}
	for _, is := range d.Issuers {
		if strings.HasPrefix(is, "最高人民法院") || strings.HasPrefix(is, "最高人民检察院") {
			return true
		}
	}
	return false
}

// interpreted is the first 《》 title in title (the law interpreted or
// amended), or empty.
func interpreted(title string) string {
	i := strings.Index(title, "《")
	if i < 0 {
		return ""
	}
	rest := title[i+len("《"):]
	j := strings.Index(rest, "》")
	if j < 0 {
		return ""
	}
	return rest[:j]
}

// Resolve resolves c, found in from's text, to what it names: the same
// document first, then a document of the corpus by title (with or without
// 中华人民共和国) or 文号.
func (r *Resolver) Resolve(from *corpus.Node, c Citation) Link {
	l := Link{Citation: c}
	article := enclosingArticle(from)
	switch c.Kind {
	case Document:
		l.Doc = r.otherDocument(from, c)
	case Article:
		doc := from.Doc
		if !c.Self {
			doc = r.otherDocument(from, c)
		}
		if doc == nil {
			return l
		}
		return within(l, doc, r.articlesOf(doc).byNumber[[2]int{c.Article, c.Sub}])
	case Paragraph:
		if article == nil {
			return l
		}
		if n, p := paragraphNode(article, c.Para); n != nil {
			l.Doc, l.Target, l.Para = from.Doc, n, p
		}
	case Previous:
		here := paragraphIndex(article, from, c.Start)
		if here-c.Para < 1 {
			// In an item the paragraph it belongs to is not recorded, so
			// "the paragraph before" is not known: leave it unresolved.
			return l
		}
		if n, p := paragraphNode(article, here-c.Para); n != nil {
			l.Doc, l.Target, l.Para = from.Doc, n, p
		}
	case PreviousArticle:
		if article == nil {
			return l
		}
		return within(l, from.Doc, r.articlesOf(from.Doc).previous[article])
	}
	return l
}

// within completes l with article a of doc, or the item or paragraph
// of it the citation names; l stays unresolved when a is nil or has no
// such item.
func within(l Link, doc *corpus.Document, a *corpus.Node) Link {
	if a == nil {
		return l
	}
	l.Doc, l.Target = doc, a
	if l.Item > 0 {
		if it := childNumbered(a, l.Item); it != nil {
			l.Target = it
			return l
		}
		return Link{Citation: l.Citation}
	}
	if l.Citation.Para > 0 {
		// A 款 the article's text does not hold is a paragraph node
		// after its items; failing that, link the whole article.
		if n, p := paragraphNode(a, l.Citation.Para); n != nil {
			l.Target, l.Para = n, p
		}
	}
	return l
}

// otherDocument is the document c names, unless what it names is gone:
// a citation said to be repealed (《X》（…号）同时废止) or a 文号 printed
// beside the citing document's own title names an earlier version, which
// the corpus does not hold even when it holds one of that title.
func (r *Resolver) otherDocument(from *corpus.Node, c Citation) *corpus.Document {
	d := r.document(c)
	if d == nil {
		return nil
	}
	if c.DocNumber != "" && d == from.Doc && d.DocNumber == "" {
		return nil
	}
	after := []rune(from.Text)
	if c.End <= len(after) {
		after = after[c.End:min(len(after), c.End+8)]
		if strings.Contains(string(after), "废止") {
			return nil
		}
	}
	return d
}

// document finds the document a citation names by 文号, then by title. A
// printed 文号 that names no document of the corpus rules out a document
// of the same title with another 文号: it is an earlier version.
func (r *Resolver) document(c Citation) *corpus.Document {
	if c.DocNumber == "" {
		return r.byTitle[titleKey(c.Title)]
	}
	if d := r.byNumber[numberKey(c.DocNumber)]; d != nil {
		return d
	}
	if d := r.byTitle[titleKey(c.Title)]; d != nil && d.DocNumber == "" {
		return d
	}
	return nil
}

// enclosingArticle is n or its nearest ancestor that is an article.
func enclosingArticle(n *corpus.Node) *corpus.Node {
	for ; n != nil; n = n.Parent {
		if n.Kind == corpus.Article {
			return n
		}
	}
	return nil
}

// childNumbered is the child of n whose number has value v.
func childNumbered(n *corpus.Node, v int) *corpus.Node {
	for _, c := range n.Children {
		if cv, _ := c.Ordinal(); cv == v {
			return c
		}
	}
	return nil
}

// An article's paragraphs (款) are the lines of its text and then the
// lines of the paragraph nodes printed after its items, in order.

// paragraphNode finds an article's k-th paragraph: the node holding it and
// the paragraph's 1-based place in that node's text (0 when the node is
// that one paragraph). It returns nil when the article has fewer.
func paragraphNode(a *corpus.Node, k int) (*corpus.Node, int) {
	if k < 1 {
		return nil, 0
	}
	if lines := paragraphs(a.Text); k <= lines {
		return a, k
	}
	k -= paragraphs(a.Text)
	for _, c := range a.Children {
		if c.Kind != corpus.Paragraph {
			continue
		}
		lines := paragraphs(c.Text)
		if k <= lines {
			if lines == 1 {
				return c, 0
			}
			return c, k
		}
		k -= lines
	}
	return nil, 0
}

// paragraphIndex is the 1-based paragraph of article a that rune offset
// at of from's text stands in, from being a or a paragraph node after its
// items; 0 when that is not known.
func paragraphIndex(a, from *corpus.Node, at int) int {
	switch {
	case a == nil:
		return 0
	case from == a:
		return paragraphAt(a.Text, at)
	case from.Kind != corpus.Paragraph || from.Parent != a:
		return 0
	}
	k := paragraphs(a.Text)
	for _, c := range a.Children {
		if c == from {
			return k + paragraphAt(c.Text, at)
		}
		if c.Kind == corpus.Paragraph {
			k += paragraphs(c.Text)
		}
	}
	return 0
}

// paragraphs counts the paragraphs (lines) of a node's text.
func paragraphs(text string) int {
	if text == "" {
		return 0
	}
	return strings.Count(text, "\n") + 1
}

// ParagraphRange is the rune range of the k-th (1-based) paragraph of a
// node's text, as a Link's Para counts them; ok is false for k < 1, past
// the last paragraph or for an empty one.
func ParagraphRange(text string, k int) (start, end int, ok bool) {
	if k < 1 {
		return 0, 0, false
	}
	at := 0
	for i, line := range strings.Split(text, "\n") {
		n := utf8.RuneCountInString(line)
		if i == k-1 {
			return at, at + n, n > 0
		}
		at += n + 1
	}
	return 0, 0, false
}

// paragraphAt is the 1-based paragraph of text holding rune offset at.
func paragraphAt(text string, at int) int {
	p, i := 1, 0
	for _, r := range text {
		if i >= at {
			break
		}
		if r == '\n' {
			p++
		}
		i++
	}
	return p
}

// titleKey normalises a title for lookup: inner 〈〉 and spaces dropped,
// the 中华人民共和国 of a national law's full name made optional.
func titleKey(t string) string {
	t = strings.Map(func(r rune) rune {
		switch r {
		case '〈', '〉', '《', '》', ' ', '\u3000':
			return -1
		}
		return r
	}, t)
	return strings.TrimPrefix(t, "中华人民共和国")
}

// numberKey normalises a 文号's brackets: 〔2020〕, [2020], ［2020］ and
// （2020） are one number.
func numberKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '[', '［', '(', '（', '【':
			return '〔'
		case ']', '］', ')', '）', '】':
			return '〕'
		case ' ', '\u3000':
			return -1
		}
		return r
	}, s)
}
