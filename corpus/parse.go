package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"policyreader/corpus/highlight"
)

// Parse parses decoded text into a Document. name is the file name the ID
// derives from. The pipeline: normalise line ends → strip page chrome, the
// table of contents and excerpt trailers → split front matter, body and
// closing matter → rejoin paragraphs split by page breaks → classify lines
// → build the tree → metadata → highlight spans.
//
// Nothing is lost: every line that is not stripped chrome ends up, in
// order, in the Number, Heading, Text or Rows of exactly one node. Text with
// no recognisable structure gives a flat document of paragraphs.
func Parse(name, text string) (*Document, error) {
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	d := &Document{ID: Slug(name), Source: name}
	res := strip(strings.Split(text, "\n"))
	d.Truncated = res.truncated
	if len(res.units) == 0 {
		return nil, fmt.Errorf("%w: only page chrome", ErrEmpty)
	}
	for i := range res.units {
		res.units[i].cls = classify(res.units[i].text)
	}
	front, body, closing := regions(res.units)
	b := &builder{doc: d}
	if len(body) == 0 {
		// No structure at all: a flat document, one node per paragraph.
		d.Flat = true
		for _, u := range rejoin(front) {
			b.attach(nil, &Node{Kind: Paragraph, Text: u.text})
		}
	} else {
		if len(front) > 0 {
			b.attach(nil, &Node{Kind: Paragraph, Text: joinUnits(front)})
		}
		for _, u := range rejoin(body) {
			b.add(u)
		}
		if len(closing) > 0 {
			b.stack = nil
			b.attach(nil, &Node{Kind: Paragraph, Text: joinUnits(closing)})
		}
	}
	extractMetadata(d, front, closing, res.header)
	finish(d)
	d.dropped = res.dropped
	return d, nil
}

func joinUnits(us []unit) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = u.text
	}
	return strings.Join(parts, "\n")
}

func isStructural(k lineKind) bool {
	return k == lineChapter || k == lineSection || k == linePart || k == lineClause
}

var reClosing = regexp.MustCompile(`^(专此函达|特此函复|特此函告|特此通知|特此报告|此复|抄送\s*[:：]|附件\s*[:：]|[(（]联系人|联系人\s*[:：])`)

// regions splits units into front matter (before the first structural
// heading), the body and closing matter (sign-off, 抄送, contact lines).
func regions(us []unit) (front, body, closing []unit) {
	start := -1
	for i, u := range us {
		if isStructural(u.cls.kind) {
			start = i
			break
		}
	}
	if start < 0 {
		return us, nil, nil
	}
	end := len(us)
	for i := start + 1; i < len(us); i++ {
		if reClosing.MatchString(us[i].text) {
			end = i
			break
		}
	}
	return us[:start], us[start:end], us[end:]
}

// rejoin merges a paragraph that does not end a sentence with the plain
// paragraph after it (a page break split it: "重大\n\n历史机遇"), and a
// chapter or section title broken over two lines.
func rejoin(us []unit) []unit {
	out := make([]unit, 0, len(us))
	// tails collects the continuations of out[i], joined once at the end so
	// a long run of unpunctuated lines costs linear time, not quadratic.
	var tails [][]string
	for _, u := range us {
		if len(out) > 0 && u.cls.kind == lineText {
			i := len(out) - 1
			prev := &out[i]
			switch prev.cls.kind {
			case lineText, lineClause, lineItem:
				last := prev.text
				if n := len(tails[i]); n > 0 {
					last = tails[i][n-1]
				}
				if !sentenceEnd(last) {
					tails[i] = append(tails[i], u.text)
					continue
				}
			case lineChapter, lineSection:
				if len(tails[i]) == 0 && isTitleTail(prev.cls.rest, u.text) {
					prev.text += " " + u.text
					prev.cls.rest += " " + u.text
					continue
				}
			}
		}
		out = append(out, u)
		tails = append(tails, nil)
	}
	for i, t := range tails {
		if len(t) > 0 {
			tail := strings.Join(t, "")
			out[i].text += tail
			out[i].cls.rest += tail
		}
	}
	return out
}

// isTitleTail reports a short unpunctuated line that finishes a heading
// broken by a page end ("第八章 深化…改革" / "提高法制化科学化水平").
func isTitleTail(title, s string) bool {
	if title == "" || strings.ContainsAny(title, "。；") {
		return false
	}
	return utf8.RuneCountInString(s) <= 20 && !strings.ContainsAny(s, "，。、；：,.;:\t")
}

// rank orders heading levels: a new node closes every open node of equal or
// lower rank.
func rank(k Kind) int {
	switch k {
	case Chapter:
		return 1
	case Section:
		return 2
	case Part, Box:
		return 3
	case Clause:
		return 4
	case Item, BoxItem:
		return 5
	}
	return 6
}

// builder assembles the tree from classified units.
type builder struct {
	doc   *Document
	stack []*Node
	table *Node // the table being filled, nil when the last unit was not a row
}

func (b *builder) top() *Node {
	if len(b.stack) == 0 {
		return nil
	}
	return b.stack[len(b.stack)-1]
}

// attach appends n to parent (nil: the document).
func (b *builder) attach(parent, n *Node) {
	n.Doc = b.doc
	n.Parent = parent
	if parent == nil {
		b.doc.Children = append(b.doc.Children, n)
		return
	}
	parent.Children = append(parent.Children, n)
}

// open closes nodes of rank >= n's, attaches n and pushes it.
func (b *builder) open(n *Node) {
	r := rank(n.Kind)
	for len(b.stack) > 0 && rank(b.top().Kind) >= r {
		b.stack = b.stack[:len(b.stack)-1]
	}
	b.attach(b.top(), n)
	b.stack = append(b.stack, n)
}

func (b *builder) inBox() bool {
	for _, n := range b.stack {
		if n.Kind == Box {
			return true
		}
	}
	return false
}

func (b *builder) add(u unit) {
	c := u.cls
	if c.kind != lineTable {
		b.table = nil
	}
	switch c.kind {
	case lineTable:
		if b.table != nil && len(b.table.Rows) >= maxTableRows {
			b.table = nil // a hostile table continues in a new node
		}
		if b.table == nil {
			b.table = &Node{Kind: Table}
			b.attach(b.top(), b.table)
		}
		b.table.Rows = append(b.table.Rows, splitRow(u.text))
	case lineChapter:
		b.open(headed(Chapter, c))
	case lineSection:
		b.open(headed(Section, c))
	case linePart:
		b.open(headed(Part, c))
	case lineBox:
		b.open(headed(Box, c))
	case lineClause:
		b.open(led(Clause, c))
	case lineItem:
		k := Item
		if b.inBox() {
			k = BoxItem
		}
		b.open(led(k, c))
	default:
		b.paragraph(c.rest)
	}
}

// paragraph places running text: inside an open numbered clause or item it
// continues that node; in a chapter or section a paragraph opening with a
// short lead sentence is an unnumbered clause; otherwise it is the
// container's own text until the container has children, then a paragraph.
func (b *builder) paragraph(text string) {
	top := b.top()
	if top != nil {
		switch top.Kind {
		case Clause, Item, BoxItem:
			top.more = append(top.more, text)
			return
		case Chapter, Section:
			body := strings.TrimLeft(text, "—-– ")
			if lead, rest, ok := splitLead(body); ok && rest != "" {
				b.attach(top, &Node{Kind: Clause, Heading: lead, Text: rest})
				return
			}
		}
		if len(top.Children) == 0 {
			top.more = append(top.more, text)
			return
		}
	}
	b.attach(top, &Node{Kind: Paragraph, Text: text})
}

// joinMore appends the paragraphs collected in n.more to n.Text, one per
// line, in a single join.
func joinMore(n *Node) {
	if len(n.more) == 0 {
		return
	}
	parts := n.more
	if n.Text != "" {
		parts = append([]string{n.Text}, parts...)
	}
	n.Text = strings.Join(parts, "\n")
	n.more = nil
}

// headed builds a chapter, section, part or box: the rest of the line is its
// title, unless it carries a lead sentence and body text.
func headed(k Kind, c classified) *Node {
	n := &Node{Kind: k, Number: c.number, Heading: trimHeading(c.rest)}
	if lead, rest, ok := splitLead(c.rest); ok && rest != "" {
		n.Heading, n.Text = lead, rest
	} else if utf8.RuneCountInString(n.Heading) > maxHeadingRunes {
		// Not a title but running text after a number: keep it as text.
		n.Heading, n.Text = "", c.rest
	}
	n.value = c.value
	return n
}

// maxHeadingRunes bounds a chapter, section, part or box title; the plan's
// longest is 30 runes.
const maxHeadingRunes = 80

// maxTableRows bounds the rows of one table node; the plan's indicator
// tables have 31, a hostile file of tab-separated lines can have millions.
const maxTableRows = 500

// maxNodeText bounds the text one node holds (in bytes). Real clauses are
// a few KB; a hostile file with a megabyte-long paragraph is split into
// paragraph children at sentence ends, so no single node is expensive to
// wrap or render.
const maxNodeText = 32 << 10

// settle finishes the text of nodes and their subtrees: collected
// paragraphs are joined, and text beyond maxNodeText continues, in order,
// in paragraph nodes — following siblings for a node without children (so
// a flat document's megabyte paragraph becomes paragraphs the tree lists),
// first children otherwise (the continuation reads before the children).
func settle(nodes []*Node) []*Node {
	out := make([]*Node, 0, len(nodes))
	for _, n := range nodes {
		joinMore(n)
		n.Children = settle(n.Children)
		rest := splitLongText(n)
		out = append(out, n)
		if len(rest) == 0 {
			continue
		}
		if len(n.Children) == 0 {
			out = append(out, rest...)
		} else {
			n.Children = append(rest, n.Children...)
		}
	}
	return out
}

// splitLongText keeps the first maxNodeText bytes of n.Text (cut at a
// sentence end, a line end or at least a rune boundary) and returns the
// rest as paragraph nodes, in order.
func splitLongText(n *Node) []*Node {
	if len(n.Text) <= maxNodeText || n.Kind == Table {
		return nil
	}
	var chunks []string
	for text := n.Text; text != ""; {
		cut := chunkEnd(text)
		chunks = append(chunks, text[:cut])
		text = text[cut:]
	}
	n.Text = chunks[0]
	rest := make([]*Node, 0, len(chunks)-1)
	for _, c := range chunks[1:] {
		rest = append(rest, &Node{Kind: Paragraph, Text: c})
	}
	return rest
}

// chunkEnd returns where the first chunk of text ends: after the last
// sentence end or newline within maxNodeText bytes, else at the last rune
// boundary within it.
func chunkEnd(text string) int {
	if len(text) <= maxNodeText {
		return len(text)
	}
	window := text[:maxNodeText]
	if i := strings.LastIndexAny(window, "。！？；\n"); i > maxNodeText/2 {
		_, size := utf8.DecodeRuneInString(window[i:])
		return i + size
	}
	cut := maxNodeText
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if cut == 0 {
		return maxNodeText
	}
	return cut
}

// led builds a numbered clause or item: lead phrase as heading, the rest as text.
func led(k Kind, c classified) *Node {
	n := &Node{Kind: k, Number: c.number, value: c.value}
	if lead, rest, ok := splitLead(c.rest); ok {
		n.Heading, n.Text = lead, rest
	} else {
		n.Text = c.rest
	}
	return n
}

func trimHeading(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。：:；;，,")
}

// finish assigns stable IDs, wires parents and computes highlight spans.
func finish(d *Document) {
	var assign func(prefix string, parent *Node, nodes []*Node, past bool)
	assign = func(prefix string, parent *Node, nodes []*Node, past bool) {
		used := map[string]int{}
		ordinal := map[string]int{}
		for _, n := range nodes {
			var seg string
			switch n.Kind {
			case Part:
				seg = fmt.Sprintf("pt%d", n.value)
			case Chapter:
				seg = fmt.Sprintf("ch%d", n.value)
			case Section:
				seg = fmt.Sprintf("s%d", n.value)
			case Box:
				seg = fmt.Sprintf("box%d", n.value)
			case BoxItem:
				seg = fmt.Sprintf("%d", n.value)
			case Item:
				seg = fmt.Sprintf("i%d", n.value)
			case Clause:
				if n.Number != "" {
					seg = fmt.Sprintf("c%d", n.value)
				} else {
					ordinal["k"]++
					seg = fmt.Sprintf("k%d", ordinal["k"])
				}
			case Table:
				ordinal["t"]++
				seg = fmt.Sprintf("t%d", ordinal["t"])
			default:
				ordinal["p"]++
				seg = fmt.Sprintf("p%d", ordinal["p"])
			}
			used[seg]++
			if used[seg] > 1 {
				seg = fmt.Sprintf("%s-%d", seg, used[seg])
			}
			n.ID = prefix + "/" + seg
			n.Parent = parent
			n.Doc = d
			if n.Kind == Table {
				n.Text = rowsText(n.Rows)
			}
			// Under a heading that reports the past (发展基础, 工作情况 …)
			// every quantity is a figure, never a target.
			nodePast := past || highlight.ReportsPast(n.Heading)
			if nodePast {
				n.Spans = highlight.FindReport(n.Text)
			} else {
				n.Spans = highlight.Find(n.Text)
			}
			n.Responsible = highlight.Responsible(n.Text)
			assign(n.ID, n, n.Children, nodePast)
		}
	}
	d.Children = settle(d.Children)
	assign(d.ID, nil, d.Children, false)
}

func rowsText(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "\t")
	}
	return strings.Join(lines, "\n")
}
