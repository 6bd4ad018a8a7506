package corpus

// A document's grammar is data: a table of levels saying, for each kind of
// numbering a line can open with, which Kind of node it starts, how deep
// that node sits, the ID prefix, how the rest of the line splits into
// heading and text, and where the paragraphs that follow go. One grammar
// per document kind (policy document, law or regulation) is chosen per
// document from its content, never from its file name. Adding a document
// kind is adding a table.

// Marker is the numbering a line opens with, whatever the document kind.
type Marker int

const (
	// MarkText is a line with no numbering.
	MarkText Marker = iota
	// MarkVolume is 第X编.
	MarkVolume
	// MarkSubVolume is 第X分编.
	MarkSubVolume
	// MarkChapter is 第X章.
	MarkChapter
	// MarkSection is 第X节.
	MarkSection
	// MarkArticle is 第X条 (or 第X条之一) followed by its text.
	MarkArticle
	// MarkEnum is 一、二、.
	MarkEnum
	// MarkParen is （一）, (一) or ( 一 ).
	MarkParen
	// MarkShi is 一是, 二是.
	MarkShi
	// MarkArabic is 1. or 1、.
	MarkArabic
	// MarkBox is 专栏N.
	MarkBox
	// MarkTable is a tab-separated table row.
	MarkTable
)

// HeadMode says how the rest of a numbered line splits.
type HeadMode int

const (
	// HeadTitle: the rest is a title (第四章 就业优先), unless it is a lead
	// sentence followed by text.
	HeadTitle HeadMode = iota
	// HeadLead: a short first sentence is the heading, the rest text
	// (（三）强化就业优先政策。建立…).
	HeadLead
	// HeadNone: the rest is all text (第一条 为了…；（一）造成…的责任；).
	HeadNone
)

// ParaMode says where a plain paragraph goes while a node of the level is
// the innermost open node.
type ParaMode int

const (
	// ParaJoin: every paragraph continues the node's text.
	ParaJoin ParaMode = iota
	// ParaUntilChildren: paragraphs are the node's text until it has
	// children, then paragraph children in order (an article's 款 after
	// its items).
	ParaUntilChildren
	// ParaLeadClause: like ParaUntilChildren, but a paragraph that opens
	// with a short lead sentence is an unnumbered clause.
	ParaLeadClause
	// ParaUp: the paragraph belongs to the enclosing node (a law's item
	// ends at its line; the next paragraph is the article's next 款).
	ParaUp
)

// RejoinMode says how a line broken by a page end is put back together
// after a numbered line of the level.
type RejoinMode int

const (
	// RejoinText: a line that does not end a sentence continues into the
	// next plain line.
	RejoinText RejoinMode = iota
	// RejoinTitle: a short unpunctuated line finishes a broken title.
	RejoinTitle
	// RejoinNone: the next line is always its own paragraph.
	RejoinNone
)

// Level is one row of a grammar.
type Level struct {
	// Kind is the kind of node the line starts.
	Kind Kind
	// Rank orders levels: a new node closes every open node of equal or
	// greater rank.
	Rank int
	// Prefix starts the node's ID segment (ch → ch4); empty for a bare number.
	Prefix string
	// Head splits the rest of the line.
	Head HeadMode
	// Paras places the paragraphs that follow.
	Paras ParaMode
	// Rejoin repairs page breaks after the line.
	Rejoin RejoinMode
	// Opens marks a level whose first line ends the front matter (title,
	// 文号, 主送, preamble) and starts the body.
	Opens bool
	// InBox is the level used instead while a 专栏 box is open, or nil.
	InBox *Level
}

// Grammar is a named table of levels by marker. A marker the table does
// not list is read as plain text.
type Grammar struct {
	// Name names the document kind: "policy" or "law".
	Name   string
	levels map[Marker]*Level
}

// Level returns the level a marker starts, or nil for plain text.
func (g *Grammar) Level(m Marker) *Level { return g.levels[m] }

// PolicyGrammar is the grammar of policy documents: 第X章 / 第X节
// chapters and sections of a plan, 一、 parts, （一） clauses with a lead
// phrase, 一是 / 1. items, 专栏 boxes and their numbered entries.
func PolicyGrammar() *Grammar {
	item := &Level{Kind: Item, Rank: 5, Prefix: "i", Head: HeadLead, Paras: ParaJoin, Rejoin: RejoinText,
		InBox: &Level{Kind: BoxItem, Rank: 5, Head: HeadLead, Paras: ParaJoin, Rejoin: RejoinText}}
	return &Grammar{Name: "policy", levels: map[Marker]*Level{
		MarkChapter: {Kind: Chapter, Rank: 1, Prefix: "ch", Head: HeadTitle, Paras: ParaLeadClause, Rejoin: RejoinTitle, Opens: true},
		MarkSection: {Kind: Section, Rank: 2, Prefix: "s", Head: HeadTitle, Paras: ParaLeadClause, Rejoin: RejoinTitle, Opens: true},
		MarkEnum:    {Kind: Part, Rank: 3, Prefix: "pt", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinTitle, Opens: true},
		MarkBox:     {Kind: Box, Rank: 3, Prefix: "box", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinNone},
		MarkParen:   {Kind: Clause, Rank: 4, Prefix: "c", Head: HeadLead, Paras: ParaJoin, Rejoin: RejoinText, Opens: true},
		MarkShi:     item,
		MarkArabic:  item,
	}}
}

// LawGrammar is the grammar of laws, regulations, rules and judicial
// interpretations: 编, 分编, 章, 节 (and 一、 parts in interpretations)
// above 第X条 articles, whose （一） items (项) and their 1. sub-items (目)
// are the article's children.
func LawGrammar() *Grammar {
	return &Grammar{Name: "law", levels: map[Marker]*Level{
		MarkVolume:    {Kind: Volume, Rank: 1, Prefix: "v", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinTitle, Opens: true},
		MarkSubVolume: {Kind: SubVolume, Rank: 2, Prefix: "sv", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinTitle, Opens: true},
		MarkChapter:   {Kind: Chapter, Rank: 3, Prefix: "ch", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinTitle, Opens: true},
		MarkSection:   {Kind: Section, Rank: 4, Prefix: "s", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinTitle, Opens: true},
		MarkEnum:      {Kind: Part, Rank: 5, Prefix: "pt", Head: HeadTitle, Paras: ParaUntilChildren, Rejoin: RejoinNone, Opens: true},
		MarkArticle:   {Kind: Article, Rank: 6, Prefix: "a", Head: HeadNone, Paras: ParaUntilChildren, Rejoin: RejoinText, Opens: true},
		MarkParen:     {Kind: Item, Rank: 7, Prefix: "i", Head: HeadNone, Paras: ParaUp, Rejoin: RejoinText},
		MarkArabic:    {Kind: Item, Rank: 8, Prefix: "m", Head: HeadNone, Paras: ParaUp, Rejoin: RejoinText},
	}}
}

// maxArticleStep is the largest gap between consecutive article numbers
// that still reads as a sequence (a law excerpt may skip a few).
const maxArticleStep = 5

// chooseGrammar picks the grammar for a document from its lines: a
// document built from 第X条 articles (a law, a regulation, rules attached
// to a notice) reads with the law grammar, everything else with the policy
// grammar. Articles make a structure when they count up: two from the
// start (第一条, 第二条) or three in a row anywhere (an excerpt); lines a
// page break opened with a cited article (第二十一条明确…, 第十条确定…) do not.
func chooseGrammar(us []unit) *Grammar {
	first, prev, steps := 0, 0, 0
	for _, u := range us {
		if u.cls.marker != MarkArticle {
			continue
		}
		v := u.cls.value
		switch {
		case prev == 0:
			first = v
		case v > prev && v-prev <= maxArticleStep:
			steps++
		}
		prev = v
		if steps >= 2 || steps >= 1 && first <= 3 {
			return LawGrammar()
		}
	}
	return PolicyGrammar()
}
