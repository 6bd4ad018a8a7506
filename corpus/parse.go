package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"policyreader/corpus/extract"
	"policyreader/corpus/highlight"
	"policyreader/corpus/internal/lazyre"
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
	return ParseExtracted(name, &extract.Result{Text: text})
}

// ParseExtracted parses what an extractor made of a file: its text as
// Parse does, then the metadata the format states outright (a web page's
// metadata table) overrides what the text suggests, and what the extractor
// dropped is accounted for with the parser's own drops.
func ParseExtracted(name string, res *extract.Result) (*Document, error) {
	return parseExtracted(name, res, true)
}

// parseExtracted is ParseExtracted, with the annotation pass (highlight
// spans, responsibility annotations) only when annotate is set.
func parseExtracted(name string, res *extract.Result, annotate bool) (*Document, error) {
	d, err := parseText(name, res.Text)
	if err != nil {
		if res.Meta.Title == "" {
			return nil, err
		}
		d = &Document{ID: Slug(name), Source: name, Flat: true}
	}
	applyMeta(d, res.Meta)
	for _, x := range res.Dropped {
		d.dropped = append(d.dropped, stripped{reason: x.Reason, text: x.Text})
	}
	if annotate {
		annotateDoc(d)
	}
	return d, nil
}

// minPageTitleRunes keeps a site's section names (通知公告, 政策解读) from
// standing for a document's title.
const minPageTitleRunes = 8

// applyMeta lets metadata a format states outright win over what the
// parser read from the text.
func applyMeta(d *Document, m extract.Meta) {
	if m.Title != "" && !issuedBy(m.Title, d.Title) {
		d.Title = squeezeHanSpaces(m.Title)
	}
	// A page's <title>, printed as a line, that reads as a document's
	// (not a site's, a section's or an organ's name): the title where the
	// text gave none, or one the page's menus ran into (首页…办法). A
	// transmittal's title that names it (关于印发…办法的通知) stays.
	if t := squeezeHanSpaces(m.PageTitle); m.Title == "" && utf8.RuneCountInString(t) >= minPageTitleRunes && titleShaped(t) && !isOrganName(t) &&
		(d.Title == fileTitle(d.Source) || strings.HasSuffix(d.Title, t) && !strings.HasSuffix(d.Title, "《"+t+"》")) {
		d.Title = t
	}
	if len(m.Issuers) > 0 && !(len(d.Issuers) > 0 && placeless(m.Issuers)) {
		d.Issuers = m.Issuers
	} else if len(d.Issuers) == 1 {
		// The page's <title> may keep the spaces between the issuers
		// over 关于 that the page's text ran together.
		if organs := spacedOrgans([]string{m.PageTitle}, d.Issuers[0]); organs != nil {
			d.Issuers = organs
		}
	}
	if m.DocNumber != "" {
		d.DocNumber = m.DocNumber
	}
	if m.Date != "" {
		d.Date = m.Date
	}
	d.Short = shortLabel(d)
}

// placeless reports issuers a page's metadata names without their place
// (发布机构：市政府, 县委): the issuers the text names in full (丽水市人民政府)
// say more. 市场局 names a department, not a level without its place.
func placeless(issuers []string) bool {
	for _, o := range issuers {
		if _, _, ok := levelOnly(o); !ok || utf8.RuneCountInString(o) > 4 {
			return false
		}
	}
	return true
}

// issuedBy reports a stated title (a markdown heading, a page's 标题
// field) naming the document a transmittal printed under it issues — the
// transmittal's own title (…关于印发《X》的通知) is the document's then. A
// 文号 in brackets after the stated title is no part of it.
func issuedBy(stated, title string) bool {
	if !strings.Contains(title, "印发") {
		return false
	}
	stated = squeezeHanSpaces(strings.TrimSpace(stated))
	if i := strings.LastIndexAny(stated, "（("); i > 0 && reDocNumber.MatchString(stated[i:]) {
		stated = strings.TrimSpace(stated[:i])
	}
	return utf8.RuneCountInString(stated) >= 4 && strings.Contains(title, stated) && title != stated
}

func parseText(name, text string) (*Document, error) {
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	d := &Document{ID: Slug(name), Source: name}
	res := strip(splitLines(text))
	d.Truncated = res.truncated
	if len(res.units) == 0 {
		return nil, fmt.Errorf("%w: only page chrome", ErrEmpty)
	}
	for i := range res.units {
		res.units[i].cls = classify(res.units[i].text)
	}
	res.units = splitRunOn(res.units)
	g := chooseGrammar(res.units)
	d.Grammar = g.Name
	front, body, closing := regions(res.units, g)
	closing, appendix := splitAppendix(closing, g)
	b := &builder{doc: d, g: g}
	if len(body) == 0 {
		// No structure at all: a flat document, one node per paragraph.
		d.Flat = true
		for _, u := range rejoin(front, g) {
			b.attach(nil, &Node{Kind: Paragraph, Text: u.text})
		}
	} else {
		if len(front) > 0 {
			b.attach(nil, &Node{Kind: Paragraph, Text: joinUnits(front)})
		}
		for _, u := range rejoin(body, g) {
			b.add(u)
		}
		if len(closing) > 0 {
			b.stack = nil
			b.attach(nil, &Node{Kind: Paragraph, Text: joinUnits(closing)})
		}
		// An attachment after the signature is read with its structure,
		// each under a division of its own.
		b.stack, b.table = nil, nil
		for _, seg := range attachments(appendix) {
			b.attach(nil, seg.node)
			b.stack = []open{{seg.node, attachmentLevel}}
			for _, u := range rejoin(seg.units, g) {
				b.add(u)
			}
			b.stack, b.table = nil, nil
		}
	}
	b.joinMore()
	extractMetadata(d, front, body, closing)
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

var reClosing = lazyre.New(`^(专此函达|特此函复|特此函告|特此通知|特此报告|此复|抄送\s*[:：]|附[件录]?\s*[0-9一二三四五六七八九十]*\s*[:：]|[(（]联系人|联系人\s*[:：])`)

// regions splits units into front matter (before the first line of a
// level that opens the body), the body and closing matter (sign-off, 抄送,
// contact lines).
func regions(us []unit, g *Grammar) (front, body, closing []unit) {
	start := -1
	for i, u := range us {
		if l := g.Level(u.cls.marker); l != nil && l.Opens {
			start = i
			break
		}
	}
	if start < 0 {
		return us, nil, nil
	}
	// Closing matter (专此函达, 抄送, 联系人) ends the body only when no
	// numbered heading follows it: a contact line inside a part is text.
	// An attachment printed after the signature (附件 alone on its line)
	// has headings of its own; they do not count.
	limit := len(us)
	for i := start + 1; i < len(us); i++ {
		if attachmentAt(us, i, g) {
			limit = i
			break
		}
	}
	lastOpen := start
	for i := limit - 1; i > start; i-- {
		if l := g.Level(us[i].cls.marker); l != nil && l.Opens {
			lastOpen = i
			break
		}
	}
	end := len(us)
	for i := lastOpen + 1; i < len(us); i++ {
		if reClosing.MatchString(us[i].text) {
			end = i
			break
		}
	}
	end = start + signatureStart(us[start:end])
	return us[:start], us[start:end], us[end:]
}

// reAttachmentLabel is the label over an attachment printed after the
// signature or a law's last article: 附件, 附件2, or with its title
// (附：国旗制法说明, 附件1：申报材料清单).
var reAttachmentLabel = lazyre.New(`^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$|^附[件录]?\s*[0-9一二三四五六七八九十]*\s*[:：]\s*[^，。；：:]{2,30}$`)

// attachmentAt reports the label over an attachment at us[i]: a bare
// label (附件2), or one with its title (附：国旗制法说明) that no heading of
// the body's own follows — a list of attachments inside a part (附件1：
// 项目申报书) goes on into the parts after it.
func attachmentAt(us []unit, i int, g *Grammar) bool {
	t := strings.TrimSpace(us[i].text)
	if !strings.HasPrefix(t, "附") || !reAttachmentLabel.MatchString(t) {
		return false // most lines are passed over on their first rune
	}
	if reBareAttachment.MatchString(t) {
		return true
	}
	outer := openRankOf(us[:i], g)
	for _, u := range us[i+1:] {
		if l := g.Level(u.cls.marker); l != nil && l.Opens && l.Rank <= outer {
			return false
		}
	}
	return true
}

// reBareAttachment is an attachment's label alone: 附件, 附件2：.
var reBareAttachment = lazyre.New(`^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$`)

// openRankOf returns the rank of the outermost level the units open, or
// the deepest rank there is when they open none.
func openRankOf(us []unit, g *Grammar) int {
	rank := 1 << 30
	for _, u := range us {
		if l := g.Level(u.cls.marker); l != nil && l.Opens && l.Rank < rank {
			rank = l.Rank
		}
	}
	return rank
}

// splitAppendix splits closing matter at an attachment printed in full
// after the signature (a 附件 label alone on its line, then numbered text):
// the attachment is read as structure, not as one closing paragraph.
func splitAppendix(closing []unit, g *Grammar) (rest, appendix []unit) {
	for i, u := range closing {
		if i == 0 || !reAttachmentLabel.MatchString(strings.TrimSpace(u.text)) {
			continue
		}
		for _, v := range closing[i+1:] {
			if l := g.Level(v.cls.marker); l != nil && l.Opens {
				return closing[:i], closing[i:]
			}
		}
		break
	}
	return closing, nil
}

// attachmentLevel holds an attachment's structure: below every level of
// the body's, so nothing in it closes it, and its paragraphs join its text.
var attachmentLevel = &Level{Kind: Attachment, Rank: -1, Prefix: "att", Paras: ParaJoin}

// attachmentPart is an attachment of an appendix: the division its label
// opens and the units under it.
type attachmentPart struct {
	node  *Node
	units []unit
}

// attachments splits an appendix — which splitAppendix starts at a label —
// at its attachment labels (附件, 附件2：某清单), each the node of a
// division numbered by its label, with the title the label gives or the
// title-like line under it as heading.
func attachments(appendix []unit) []attachmentPart {
	var out []attachmentPart
	for i := 0; i < len(appendix); i++ {
		u := appendix[i]
		t := strings.TrimSpace(u.text)
		if len(out) > 0 && !reAttachmentLabel.MatchString(t) {
			out[len(out)-1].units = append(out[len(out)-1].units, u)
			continue
		}
		n := attachmentNode(t)
		if n.Heading == "" && i+1 < len(appendix) && appendix[i+1].cls.marker == MarkText && titleLike(strings.TrimSpace(appendix[i+1].text)) {
			i++
			n.Heading = strings.TrimSpace(appendix[i].text)
		}
		out = append(out, attachmentPart{node: n})
	}
	return out
}

// attachmentNode is the division an attachment label opens: 附件2 numbered
// 附件2 (2 for its ID), 附：国旗制法说明 with its title as heading.
func attachmentNode(label string) *Node {
	number, title, _ := strings.Cut(strings.NewReplacer(":", "：").Replace(label), "：")
	number = strings.ReplaceAll(strings.TrimSpace(number), " ", "")
	n := &Node{Kind: Attachment, Number: number, Heading: strings.TrimSpace(title), prefix: attachmentLevel.Prefix, value: 1}
	digits := strings.TrimLeft(number, "附件录")
	if v, err := strconv.Atoi(digits); err == nil && v > 0 {
		n.value = int32(v)
	} else if v, ok := chineseNumber(digits); ok && v > 0 {
		n.value = int32(v)
	}
	return n
}

// rejoin merges a paragraph that does not end a sentence with the plain
// paragraph after it (a page break split it: "重大\n\n历史机遇"), and a
// chapter or section title broken over two lines.
func rejoin(us []unit, g *Grammar) []unit {
	out := make([]unit, 0, len(us))
	// tails collects the continuations of out[i], joined once at the end so
	// a long run of unpunctuated lines costs linear time, not quadratic.
	var tails [][]string
	for _, u := range us {
		if len(out) > 0 && isPlain(u, g) {
			i := len(out) - 1
			prev := &out[i]
			switch rejoinMode(*prev, g) {
			case RejoinText:
				if len(tails[i]) == 0 && headingOnly(*prev, g) {
					// A clause heading on a line of its own: the next line
					// is its first paragraph, unless it finishes the heading.
					if isTitleTail(prev.text, u.text) {
						prev.text += u.text
						prev.cls.rest += u.text
						continue
					}
					break
				}
				last := prev.text
				if n := len(tails[i]); n > 0 {
					last = tails[i][n-1]
				}
				if !sentenceEnd(last) {
					tails[i] = append(tails[i], u.text)
					continue
				}
			case RejoinTitle:
				if len(tails[i]) == 0 && utf8.RuneCountInString(prev.cls.rest) <= maxHeadingRunes && isTitleTail(prev.text, u.text) {
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

// headingOnly reports a numbered line of a level that leads with a heading
// whose rest is only a short phrase without punctuation
// (（一）深化电网规划编制内容要求): a heading on a line of its own.
func headingOnly(u unit, g *Grammar) bool {
	l := g.Level(u.cls.marker)
	return l != nil && l.Head == HeadLead && isHeadingPhrase(u.cls.rest)
}

// isHeadingPhrase reports a short phrase with no punctuation.
func isHeadingPhrase(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= maxLeadRunes && !strings.ContainsAny(s, "，。、；：,.;:！？!?")
}

// isPlain reports a line the grammar reads as running text.
func isPlain(u unit, g *Grammar) bool {
	return u.cls.marker != MarkTable && g.Level(u.cls.marker) == nil
}

// rejoinMode is how a page break after u is repaired: by its level, or as
// running text.
func rejoinMode(u unit, g *Grammar) RejoinMode {
	if u.cls.marker == MarkTable {
		return RejoinNone
	}
	if l := g.Level(u.cls.marker); l != nil {
		return l.Rejoin
	}
	return RejoinText
}

// isTitleTail reports a short unpunctuated line that finishes a heading
// broken by a page end or a narrow column ("第八章 深化…改革" /
// "提高法制化科学化水平"). A broken heading filled its line, so the tail is
// no longer than the heading line; a longer line is the text under a
// short heading (（一）推进分级分类管理 / 纳入规划的电网项目应根据…).
func isTitleTail(title, s string) bool {
	// Twenty runes take at most 80 bytes: a longer line is not counted
	// (most lines are paragraphs), and s is checked before the title.
	if len(s) > 20*utf8.UTFMax || title == "" {
		return false
	}
	n := utf8.RuneCountInString(s)
	return n <= 20 && !strings.ContainsAny(s, "，。、；：,.;:\t") &&
		!strings.ContainsAny(title, "。；") && n <= utf8.RuneCountInString(title)+2
}

// builder assembles the tree from classified units with a grammar.
type builder struct {
	doc   *Document
	g     *Grammar
	stack []open
	table *Node // the table being filled, nil when the last unit was not a row
	// more holds per node the paragraphs to append to its Text, joined
	// once when the document is built (joinMore).
	more map[*Node][]string
}

// open is a node that can still take children, with the level that made it.
type open struct {
	node  *Node
	level *Level
}

func (b *builder) top() *Node {
	if len(b.stack) == 0 {
		return nil
	}
	return b.stack[len(b.stack)-1].node
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

// push closes open nodes of rank >= the level's, attaches n and opens it.
func (b *builder) push(n *Node, l *Level) {
	for len(b.stack) > 0 && b.stack[len(b.stack)-1].level.Rank >= l.Rank {
		b.stack = b.stack[:len(b.stack)-1]
	}
	b.attach(b.top(), n)
	b.stack = append(b.stack, open{n, l})
}

func (b *builder) inBox() bool {
	for _, o := range b.stack {
		if o.node.Kind == Box {
			return true
		}
	}
	return false
}

func (b *builder) add(u unit) {
	c := u.cls
	if c.marker != MarkTable {
		b.table = nil
	}
	if c.marker == MarkTable {
		if b.table != nil && len(b.table.Rows) >= maxTableRows {
			b.table = nil // a hostile table continues in a new node
		}
		if b.table == nil {
			b.table = &Node{Kind: Table}
			b.attach(b.top(), b.table)
		}
		b.table.Rows = append(b.table.Rows, splitRow(u.text))
		return
	}
	l := b.g.Level(c.marker)
	if l == nil {
		b.paragraph(strings.TrimRight(u.text, "\t "))
		return
	}
	if l.InBox != nil && b.inBox() {
		l = l.InBox
	}
	b.push(build(l, c), l)
}

// paragraph places running text by the innermost open node's level (see
// ParaMode); outside every node it is a top-level paragraph.
func (b *builder) paragraph(text string) {
	for len(b.stack) > 0 {
		o := b.stack[len(b.stack)-1]
		top := o.node
		switch o.level.Paras {
		case ParaJoin:
			b.addMore(top, text)
			return
		case ParaUp:
			b.stack = b.stack[:len(b.stack)-1]
			continue
		case ParaLeadClause:
			body := strings.TrimLeft(text, "—-– ")
			if lead, rest, ok := splitLead(body); ok && rest != "" {
				b.attach(top, &Node{Kind: Clause, Heading: lead, Text: rest})
				return
			}
		}
		if len(top.Children) == 0 {
			b.addMore(top, text)
			return
		}
		b.attach(top, &Node{Kind: Paragraph, Text: text})
		return
	}
	b.attach(nil, &Node{Kind: Paragraph, Text: text})
}

// build makes the node a numbered line starts at level l.
func build(l *Level, c classified) *Node {
	var n *Node
	switch l.Head {
	case HeadTitle:
		n = headed(l.Kind, c)
	case HeadLead:
		n = led(l.Kind, c)
	default:
		n = &Node{Kind: l.Kind, Number: c.number, Text: c.rest}
	}
	n.value, n.sub, n.prefix = int32(c.value), int32(c.sub), l.Prefix
	return n
}

// addMore collects a paragraph to append to n's Text (joinMore).
func (b *builder) addMore(n *Node, text string) {
	if b.more == nil {
		b.more = map[*Node][]string{}
	}
	b.more[n] = append(b.more[n], text)
}

// joinMore appends the paragraphs collected for each node to its Text,
// one per line, in a single join per node.
func (b *builder) joinMore() {
	for n, more := range b.more {
		parts := more
		if n.Text != "" {
			parts = append([]string{n.Text}, parts...)
		}
		n.Text = strings.Join(parts, "\n")
	}
	b.more = nil
}

// headed builds a chapter, section, part or box: the rest of the line is its
// title, unless it carries a lead sentence and body text.
func headed(k Kind, c classified) *Node {
	n := &Node{Kind: k, Number: c.number, Heading: unspace(trimHeading(c.rest))}
	if oneSentence(c.rest) || leadBinds(c.rest) {
		// 四十六、国务院及各部门要……，……。 — the point is one sentence
		// that says something, not a title over text (unless numbered
		// children follow it: see settleSentences).
		n.Heading, n.Text, n.sentence = "", c.rest, true
	} else if lead, rest, ok := splitLead(c.rest); ok && rest != "" {
		n.Heading, n.Text = lead, rest
	} else if utf8.RuneCountInString(n.Heading) > maxHeadingRunes {
		// Not a title but running text after a number: keep it as text.
		n.Heading, n.Text = "", c.rest
	}
	n.value = int32(c.value)
	return n
}

// oneSentence reports a line that is one sentence with clauses: it ends
// at its first full stop 。 and holds a clause mark (，：；) before it. A
// title has no full stop (二、推动经济高质量发展，筑牢社会性流动基础), a
// question is a Q&A's heading (一、出台背景是什么，有哪些考虑？), and a
// lead phrase has text after it.
func oneSentence(s string) bool {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "。")
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return strings.TrimSpace(s[i+size:]) == "" && strings.ContainsAny(s[:i], "，,：:；;")
}

// leadBinds reports a line whose first sentence binds by a modal
// (三、相关省（区、市）价格主管部门要精心组织…。执行中…): text, however
// many sentences follow.
func leadBinds(s string) bool {
	lead, _, ok := splitLead(s)
	return ok && (bindsByModal(lead) || aboutItself(lead))
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

// settle finishes the text of nodes and their subtrees: text beyond
// maxNodeText continues, in order,
// in paragraph nodes — following siblings for a node without children (so
// a flat document's megabyte paragraph becomes paragraphs the tree lists),
// first children otherwise (the continuation reads before the children).
func settle(nodes []*Node) []*Node {
	out := make([]*Node, 0, len(nodes))
	for _, n := range nodes {
		n.Children = settle(n.Children)
		if n.sentence {
			// 一、坚持稳中求进，推动高质量发展。 over （一）… is a title
			// after all: a sentence has no numbered children.
			if hasNumberedChild(n) && utf8.RuneCountInString(n.Text) <= maxHeadingRunes {
				if lead, rest, ok := splitLead(n.Text); ok && rest != "" {
					n.Heading, n.Text = lead, rest
				} else {
					n.Heading, n.Text = unspace(trimHeading(n.Text)), ""
				}
			}
			n.sentence = false
		}
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

// hasNumberedChild reports a child of n with a number of its own.
func hasNumberedChild(n *Node) bool {
	for _, c := range n.Children {
		if c.Number != "" {
			return true
		}
	}
	return false
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
	n := &Node{Kind: k, Number: c.number, value: int32(c.value)}
	switch lead, rest, ok := splitLead(c.rest); {
	case ok && (bindsByModal(lead) || aboutItself(lead)):
		n.Text = c.rest // （九）各试点地区第一责任部门负责…。: a sentence
	case ok:
		n.Heading, n.Text = lead, rest
	case isHeadingPhrase(c.rest):
		n.Heading = c.rest // a heading on its own line
	default:
		n.Text = c.rest
	}
	return n
}

// unspace puts back together words spelled out letter by letter for
// layout (总 则 → 总则), keeping the spaces between words (深化…改革 提高…).
func unspace(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	fields := mergeSpacedRunes(strings.Fields(s))
	words := make([]string, len(fields))
	for i, f := range fields {
		words[i] = f.text
	}
	return strings.Join(words, " ")
}

func trimHeading(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。：:；;，,")
}

// finish assigns stable IDs and wires parents.
func finish(d *Document) {
	var assign func(prefix string, parent *Node, nodes []*Node)
	assign = func(prefix string, parent *Node, nodes []*Node) {
		used := map[string]int{}
		ordinal := map[string]int{}
		for _, n := range nodes {
			var seg string
			switch {
			case n.Number != "":
				seg = n.prefix + strconv.Itoa(int(n.value))
				if n.sub > 0 {
					seg += "_" + strconv.Itoa(int(n.sub))
				}
			case n.Kind == Clause:
				ordinal["k"]++
				seg = fmt.Sprintf("k%d", ordinal["k"])
			case n.Kind == Table:
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
			assign(n.ID, n, n.Children)
		}
	}
	d.Children = settle(d.Children)
	assign(d.ID, nil, d.Children)
}

// annotateDoc is the annotation pass after parsing: the highlight spans of
// every node and the responsibility annotations, then the bodies those
// annotations name highlighted wherever the document names them again.
// It is the costliest part of reading a document (about half), so
// commands that never show a span skip it.
func annotateDoc(d *Document) {
	// A deadline before the document's own year reports what was reached.
	year, _ := strconv.Atoi(d.Date[:min(4, len(d.Date))])
	var walk func(nodes []*Node, past bool)
	walk = func(nodes []*Node, past bool) {
		for _, n := range nodes {
			// Under a heading that reports the past (发展基础, 工作情况 …)
			// every quantity is a figure, never a target.
			nodePast := past || highlight.ReportsPast(n.Heading)
			if nodePast {
				n.Spans = highlight.FindReport(n.Text)
			} else {
				n.Spans = highlight.FindAsOf(n.Text, year)
			}
			var leads int
			n.Responsible, leads = highlight.Duties(n.Text)
			n.Leads = int32(leads)
			walk(n.Children, nodePast)
		}
	}
	walk(d.Children, false)
	learnBodies(d)
}

// learnBodies highlights, wherever a document names them again, the units
// its responsibility annotations named (体育总局, 扶贫办, a local office the
// gazetteer does not know): an annotation says they are bodies.
func learnBodies(d *Document) {
	var names []string
	seen := map[string]bool{}
	d.Walk(func(n *Node) bool {
		for _, r := range n.Responsible {
			if !seen[r] {
				seen[r] = true
				names = append(names, r)
			}
		}
		return true
	})
	if len(names) == 0 {
		return
	}
	d.Walk(func(n *Node) bool {
		if n.Kind != Table && n.Text != "" {
			n.Spans = highlight.AddBodies([]rune(n.Text), n.Spans, names, 0)
		}
		return true
	})
}

func rowsText(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "\t")
	}
	return strings.Join(lines, "\n")
}
