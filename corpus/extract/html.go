package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"policyreader/corpus/internal/lazyre"
)

// MaxHTMLSize bounds a web page. A saved policy page is well under a
// megabyte; a bigger one is an archive, not a document.
const MaxHTMLSize = 16 << 20

// HTML reads a saved web page with a real HTML parser: the charset from
// the page's <meta> (GB2312 and GBK pages are common) or sniffed; scripts,
// styles, forms and navigation, share, print and close controls dropped;
// block elements become lines, <br> a line break, data tables rows of
// tab-separated cells, layout tables their cells' contents. A metadata
// table or list (索引号, 发文机关, 成文日期, 标题, 发文字号 …) becomes Meta and
// is not part of the text.
func HTML(data []byte) (*Result, error) {
	if len(data) > MaxHTMLSize {
		return nil, tooLarge("web page", len(data), MaxHTMLSize)
	}
	var utf []byte
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if certain || utf8.Valid(data) {
		var err error
		if utf, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, fmt.Errorf("decode web page as %s: %w", name, err)
		}
	} else {
		// No declared charset and not UTF-8: a Chinese page is GBK or
		// GB18030 far more often than the windows-1252 the HTML standard
		// falls back to; decide as for a text file.
		text, err := Decode(data)
		if err != nil {
			return nil, fmt.Errorf("decode web page: %w", err)
		}
		utf = []byte(text)
	}
	root, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return nil, fmt.Errorf("parse web page: %w", err)
	}
	w := &htmlWalker{}
	w.node(root)
	w.flush()
	res := &Result{Dropped: w.dropped}
	lines := make([]string, 0, len(w.lines))
	for _, l := range w.lines {
		if pairs, ok := metaLinePairs(l); ok {
			for _, kv := range pairs {
				setMeta(&res.Meta, kv[0], kv[1])
			}
			res.Dropped = append(res.Dropped, Dropped{Reason: "metadata", Text: l})
			continue
		}
		lines = append(lines, l)
	}
	for _, kv := range w.meta {
		setMeta(&res.Meta, kv[0], kv[1])
	}
	finishIssuers(&res.Meta)
	res.Meta.PageTitle = pageTitle(root, lines)
	res.Text = strings.Join(lines, "\n")
	if strings.TrimSpace(res.Text) == "" && res.Meta.Title == "" {
		return nil, errNoPageText
	}
	return res, nil
}

// errNoPageText reports a web page with no visible text.
var errNoPageText = errors.New("web page has no text")

// htmlWalker collects the lines of a page's visible text.
type htmlWalker struct {
	lines   []string
	cur     strings.Builder
	space   bool // white space came after the last word of cur
	dropped []Dropped
	meta    [][2]string // label, value pairs from metadata tables
}

// flush ends the current line.
func (w *htmlWalker) flush() {
	if s := strings.TrimSpace(w.cur.String()); s != "" {
		w.lines = append(w.lines, s)
	}
	w.cur.Reset()
	w.space = false
}

// skippedTags hold no document text: code, styling, forms, embedded frames.
var skippedTags = map[atom.Atom]string{
	atom.Script: "script", atom.Style: "script", atom.Noscript: "script", atom.Template: "script",
	atom.Head: "script", atom.Iframe: "page chrome", atom.Svg: "page chrome", atom.Object: "page chrome",
	atom.Form: "page chrome", atom.Button: "page chrome", atom.Select: "page chrome", atom.Textarea: "page chrome",
	atom.Nav: "page chrome",
}

// blockTags start and end a line.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Center: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Caption: true, atom.Body: true, atom.Html: true,
}

// reChromeClass matches the class or id of page furniture: navigation,
// breadcrumbs, share/print/close bars, font-size switches, footers.
var reChromeClass = lazyre.New(`(?i)(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|print|close|toolbar|fontsize|font-size|footer|copyright|sidebar|pager)([\s_-]|$)`)

func (w *htmlWalker) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode:
		if hasHan(n.Data) {
			w.dropped = append(w.dropped, Dropped{Reason: "markup", Text: n.Data})
		}
		return
	case html.ElementNode:
		if reason, ok := skippedTags[n.DataAtom]; ok {
			w.drop(n, reason)
			return
		}
		if reChromeClass.MatchString(attr(n, "class")) || reChromeClass.MatchString(attr(n, "id")) {
			w.chrome(n)
			return
		}
		if hasAttr(n, "hidden") || strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none") {
			w.drop(n, "page chrome")
			return
		}
		switch n.DataAtom {
		case atom.Br:
			w.flush()
			return
		case atom.Table:
			if w.table(n) {
				return
			}
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if block {
		w.flush()
	}
}

// text adds a text node's words to the current line, collapsing white
// space as a browser does; a space is kept only between words that need
// one (Latin words), decided when the next word arrives, so a line break
// in the source between Chinese characters leaves nothing — but spaces
// on one line between two Han words (国家发展改革委 国家数据局关于…) stay
// one space, as printed.
func (w *htmlWalker) text(s string) {
	words := strings.FieldsFunc(s, isHTMLSpace)
	if s != "" && isHTMLSpace(rune(s[0])) {
		w.space = true
	}
	rest := s
	for i, f := range words {
		at := strings.Index(rest, f)
		gap := rest[:at]
		rest = rest[at+len(f):]
		if i > 0 {
			w.space = true
		}
		if w.space && w.cur.Len() > 0 && (needsSpace(w.cur.String(), f) || i > 0 && !strings.ContainsAny(gap, "\n\r") && hanWords(w.cur.String(), f)) {
			w.cur.WriteByte(' ')
		}
		w.cur.WriteString(f)
		w.space = false
	}
	if s != "" && isHTMLSpace(rune(s[len(s)-1])) {
		w.space = true
	}
}

// hanWords reports text before ending like an organ's name and text
// after starting with two Han characters but not 关于 or 印发: two issuers a
// space on one line parts (国家发展改革委 国家数据局关于…), kept as printed. A
// space inside running text (根据有关法律 制定) is not kept.
func hanWords(before, after string) bool {
	a1, n := utf8.DecodeLastRuneInString(before)
	a2, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
	b1, m := utf8.DecodeRuneInString(after)
	b2, _ := utf8.DecodeRuneInString(after[m:])
	return isHanRune(a2) && strings.ContainsRune(organEnds, a1) && isHanRune(b1) && isHanRune(b2) &&
		!strings.HasPrefix(after, "关于") && !strings.HasPrefix(after, "印发")
}

// organEnds are the last characters of organs' names (委, 局, 部 …).
const organEnds = "委局部厅院署办府会室司行社"

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

// needsSpace reports whether two runs of text separated by white space in
// the source keep a space: between Latin words yes, beside Han no (a line
// break inside Chinese text is not a space).
func needsSpace(before, after string) bool {
	if strings.HasSuffix(before, " ") {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(before)
	b, _ := utf8.DecodeRuneInString(after)
	return a < 0x2E80 && b < 0x2E80
}

// drop records the Han text of a skipped element.
func (w *htmlWalker) drop(n *html.Node, reason string) {
	if t := textOf(n); hasHan(t) {
		w.dropped = append(w.dropped, Dropped{Reason: reason, Text: t})
	}
}

// chrome drops a piece of page furniture, but for the document's
// metadata a page may print among it (a footer's 发文机关：… / 发文字号：…
// / 成文日期：…), which it reads when the piece names an issuer, a 文号 or
// a date.
func (w *htmlWalker) chrome(n *html.Node) {
	sub := &htmlWalker{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sub.node(c)
	}
	sub.flush()
	meta := sub.meta // a metadata table inside the furniture
	var metaText []string
	for _, l := range sub.lines {
		if pairs, ok := metaLinePairs(l); ok {
			meta = append(meta, pairs...)
			metaText = append(metaText, l)
		}
	}
	states := false
	for _, kv := range meta {
		switch metaField[kv[0]] {
		case "issuer", "number", "date":
			states = states || kv[1] != ""
		}
	}
	if !states {
		if signature(sub.lines) {
			// The document's own signature, set in the page's footer:
			// text for the parser, which reads it as the sign-off.
			w.flush()
			w.lines = append(w.lines, sub.lines...)
			w.dropped = append(w.dropped, sub.dropped...)
			return
		}
		w.drop(n, "page chrome")
		return
	}
	w.meta = append(w.meta, meta...)
	for _, l := range metaText {
		w.dropped = append(w.dropped, Dropped{Reason: "metadata", Text: l})
	}
	w.dropped = append(w.dropped, sub.dropped...)
	var rest []string
	for _, l := range sub.lines {
		if _, _, ok := metaLine(l); !ok {
			rest = append(rest, l)
		}
	}
	if t := strings.Join(rest, "\n"); hasHan(t) {
		w.dropped = append(w.dropped, Dropped{Reason: "page chrome", Text: t})
	}
}

// signature reports lines that read as a document's signature: a few
// names in Han characters alone, then a date alone (工业和信息化部办公厅 /
// 2025年1月13日).
func signature(lines []string) bool {
	if len(lines) < 2 || len(lines) > 4 {
		return false
	}
	last := strings.TrimSpace(lines[len(lines)-1])
	m := reDate.FindString(last)
	if rest := strings.TrimSpace(strings.Replace(last, m, "", 1)); m == "" || rest != "" && rest != "日" {
		return false
	}
	for _, l := range lines[:len(lines)-1] {
		l = strings.TrimSpace(l)
		if n := utf8.RuneCountInString(l); n < 2 || n > 25 {
			return false
		}
		for _, r := range l {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
		}
	}
	return true
}

// table reads a table that holds data or metadata and reports true; a
// layout table (its cells hold paragraphs, divisions or tables) is left
// to the walker, which reads its cells as blocks.
func (w *htmlWalker) table(t *html.Node) bool {
	nested, wide := false, false
	walkTable(t, func(tr *html.Node) {
		cells := cellsOf(tr)
		for _, c := range cells {
			nested = nested || hasTable(c)
		}
		wide = wide || len(cells) > 1
	})
	// A table of tables, or of one column, lays out the page.
	if nested || !wide {
		return false
	}
	var rows [][]string
	walkTable(t, func(tr *html.Node) {
		var cells []string
		for _, c := range cellsOf(tr) {
			cells = append(cells, w.cellText(c))
		}
		rows = append(rows, cells)
	})
	if pairs := metaPairs(rows); pairs != nil {
		w.flush()
		w.meta = append(w.meta, pairs...)
		w.dropped = append(w.dropped, Dropped{Reason: "metadata", Text: textOf(t)})
		return true
	}
	w.flush()
	for _, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) > 0 {
			w.lines = append(w.lines, strings.Join(r, "\t"))
		}
	}
	return true
}

// walkTable calls fn for each row of t, not descending into nested tables.
func walkTable(t *html.Node, fn func(tr *html.Node)) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				fn(c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(t)
}

// cellsOf returns the cells of a row.
func cellsOf(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			out = append(out, c)
		}
	}
	return out
}

// hasTable reports whether a cell holds a table.
func hasTable(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Table || hasTable(c)) {
			return true
		}
	}
	return false
}

// cellText is a table cell's text on one line: its paragraphs and words
// joined as the text walker joins them; what it drops is w's to account.
func (w *htmlWalker) cellText(n *html.Node) string {
	cw := &htmlWalker{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cw.node(c)
	}
	cw.flush()
	w.dropped = append(w.dropped, cw.dropped...)
	w.meta = append(w.meta, cw.meta...)
	return strings.Join(cw.lines, " ")
}

// textOf is all the text under n, as in the source.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF {
			return true
		}
	}
	return false
}
