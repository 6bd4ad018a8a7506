package corpus

// Kind is the structural role of a Node. Which lines make which kind is
// the grammar's business (see grammar.go); what a kind is for — its own
// row in an outline, read as a clause — is answered here, so no other
// package lists kinds by hand.
type Kind uint8

const (
	// Part is a top-level division numbered 一、二、.
	Part Kind = iota
	// Chapter is 第X章.
	Chapter
	// Section is 第X节.
	Section
	// Clause is a numbered clause （一）/(一) of a policy document, or a
	// paragraph that opens with a lead sentence.
	Clause
	// Item is an enumerated point: 一是…, 1. or 1、 inside a clause; in a
	// law, a （一） item (项) of an article and the 1. sub-items (目) of an item.
	Item
	// Box is a 专栏 box.
	Box
	// BoxItem is a numbered entry inside a 专栏 box.
	BoxItem
	// Table is a tab-separated table.
	Table
	// Paragraph is unnumbered running text.
	Paragraph
	// Volume is a law's 第X编.
	Volume
	// SubVolume is a law's 第X分编.
	SubVolume
	// Article is a law's 第X条, with its paragraphs (款) as its text.
	Article
	// Attachment is an attachment printed after the signature (附件2 and
	// its title), with its own structure under it.
	Attachment
)

var kindNames = [...]string{"part", "chapter", "section", "clause", "item", "box", "box-item", "table", "paragraph", "volume", "subvolume", "article", "attachment"}

// String returns the JSON name of the kind, e.g. "clause" or "box-item".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Division reports a kind that groups others under a title: 编, 分编, 章,
// 节, a 一、 part, a 专栏 box and an attachment.
func (k Kind) Division() bool {
	switch k {
	case Volume, SubVolume, Chapter, Section, Part, Box, Attachment:
		return true
	}
	return false
}

// ClauseLike reports a kind that is read and compared as one provision:
// clauses, articles and the items inside them.
func (k Kind) ClauseLike() bool {
	switch k {
	case Clause, Article, Item, BoxItem:
		return true
	}
	return false
}

// InOutline reports a kind that gets its own row in a document outline;
// items, box items, tables and paragraphs are read in their parent's text
// (a flat document's paragraphs are the exception: see Node.InOutline).
func (k Kind) InOutline() bool {
	return k.Division() || k == Clause || k == Article
}

// Sectional reports a kind that stops the search for an enclosing context
// (a goal deadline, say) going further out: chapters, parts and above,
// and an attachment.
func (k Kind) Sectional() bool {
	switch k {
	case Volume, SubVolume, Chapter, Part, Attachment:
		return true
	}
	return false
}
