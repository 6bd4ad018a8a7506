// Package targets gathers the targets of a corpus — the measurable
// commitments the highlighter marks in clause text — into one list for a
// table: which document and clause, the phrase, and the deadline year.
package targets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

// Target is one target span of a node.
type Target struct {
	// Node is the node whose Text holds the target; nil once Detach let
	// it go.
	Node *corpus.Node
	// NodeID is the ID of that node.
	NodeID string
	// Doc is the node's document.
	Doc *corpus.Document
	// DocID is the ID of the node's document.
	DocID string
	// DocLabel is the document's Label (title and short label).
	DocLabel string
	// Clause is the number and heading of the node, or of its nearest
	// ancestor with a heading when the node has none (an item, a paragraph).
	Clause string
	// Phrase is the text of the span.
	Phrase string
	// Statement is the phrase a reader needs to understand the target: the
	// clause of its sentence that holds it, predicate and object with it
	// (建成20所高水平技师学院, not 20所).
	Statement string
	// Context, for a target in a table cell, names the row's indicator,
	// the cell and the unit (城镇新增就业人数：[550] 万人); empty elsewhere.
	Context string
	// Start and End are the span's rune offsets in Node.Text, end exclusive.
	Start, End int
	// Year is the deadline year, or 0: from the phrase itself (see Year),
	// else from the last deadline earlier in the same sentence, so the
	// 700万人 of 到2025年，…新增就业700万人 counts for 2025, else from the
	// last deadline in the own text of the nearest enclosing section that
	// states one (第三节 主要目标 opens with 到 2025 年, and its clauses
	// list the goals for that year).
	Year int
	// order is the position in corpus order, for SortByDoc.
	order int
	// plain is set by Collect when lower-casing changes none of the
	// fields Filter searches (most targets: Chinese text), so Filter
	// searches them as they are; otherwise (or for a Target built
	// elsewhere) it lower-cases them on each call.
	plain bool
}

// Collect returns every target span of c in corpus order: documents in
// load order, nodes in document order, spans by Start. Spans whose offsets
// do not fit the node's text are skipped.
func Collect(c *corpus.Corpus) []Target {
	if c == nil {
		return nil
	}
	c.EnsureAnnotations() // on every processor: most of the work
	per := make([][]Target, len(c.Docs))
	for k, d := range c.Docs {
		per[k] = CollectDoc(d)
	}
	return Join(per)
}

// CollectDoc returns the target spans of one document, as Collect gives
// them: nodes in document order, spans by Start. Join puts the targets of
// a library's documents, collected one by one, in corpus order.
func CollectDoc(d *corpus.Document) []Target {
	d.EnsureAnnotations()
	var out []Target
	label := d.Label() // one label, shared by its targets
	d.Walk(func(n *corpus.Node) bool {
		var rs []rune
		for _, sp := range n.Spans {
			if sp.Kind != highlight.Target {
				continue
			}
			if rs == nil {
				rs = []rune(n.Text)
			}
			if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
				continue
			}
			t := Target{
				Node:      n,
				NodeID:    n.ID,
				Doc:       d,
				DocID:     d.ID,
				DocLabel:  label,
				Clause:    clauseTitle(n),
				Phrase:    string(rs[sp.Start:sp.End]),
				Statement: statementOf(rs, sp.Start, sp.End),
				Start:     sp.Start,
				End:       sp.End,
			}
			if context, year, ok := tableContext(n, rs, sp.Start); ok {
				t.Context, t.Year = context, year
			} else {
				t.Year = Year(t.Phrase)
				if t.Year == 0 {
					t.Year = contextYear(rs, sp.Start)
				}
				if t.Year == 0 {
					t.Year = ancestorYear(n)
				}
			}
			t.plain = true
			for _, f := range t.fields() {
				if strings.ToLower(f) != f {
					t.plain = false
					break
				}
			}
			out = append(out, t)
		}
		out = dropBareDeadlines(out, n)
		splitStatements(out, n)
		return true
	})
	return out
}

// Join returns the targets of a library's documents, per[k] those of
// document k (CollectDoc), in corpus order.
func Join(per [][]Target) []Target {
	n := 0
	for _, ts := range per {
		n += len(ts)
	}
	out := make([]Target, 0, n)
	for _, ts := range per {
		out = append(out, ts...)
	}
	for i := range out {
		out[i].order = i
	}
	return out
}

// Detach lets go of the targets' nodes, keeping their IDs, copies their
// text and takes their documents from c: targets collected from a library
// read apart from c (corpus.Corpus.EachApart) then keep none of its documents,
// and a reader of c finds a target's node by its ID.
func Detach(ts []Target, c *corpus.Corpus) {
	for i := range ts {
		t := &ts[i]
		t.Node, t.Doc = nil, nil
		if d, ok := c.Doc(t.DocID); ok {
			t.Doc = d
		}
		for _, f := range []*string{&t.NodeID, &t.DocID, &t.DocLabel, &t.Clause, &t.Phrase, &t.Statement, &t.Context} {
			*f = strings.Clone(*f)
		}
	}
}

// splitStatements gives each of several targets that share a clause its
// own part of it (建成20所高水平技师学院 / 建成…30所示范性技工学校), so
// the rows read differently; a deadline alone in its clause reads as its
// sentence (到2025年，全省…). Called on the targets just collected for n.
func splitStatements(ts []Target, n *corpus.Node) {
	first := len(ts)
	for first > 0 && ts[first-1].Node == n {
		first--
	}
	if first == len(ts) {
		return // none in n: its text is not converted for nothing
	}
	rs := []rune(n.Text)
	orig := make([]string, len(ts)-first)
	for i := range orig {
		orig[i] = ts[first+i].Statement
	}
	for i := first; i < len(ts); i++ {
		t := &ts[i]
		if t.Context != "" {
			continue
		}
		if isBareDeadline(t.Statement) {
			t.Statement = followingOf(rs, t.Start)
			continue
		}
		k := i - first
		if k == 0 || orig[k-1] != orig[k] {
			if k+1 < len(orig) && orig[k+1] == orig[k] {
				// The first of several: its clause up to the 和 before
				// the next (建成20所高水平技师学院).
				next := ts[i+1].Start
				for c := next - 1; c >= t.End; c-- {
					if strings.ContainsRune("和与及、", rs[c]) {
						t.Statement = strings.TrimSpace(string(rs[clauseStartOf(rs, t.Start):c]))
						break
					}
				}
			}
			continue
		}
		// Later targets of a clause get their own stretch after the one
		// before them, behind the clause's head (建成…30所示范性技工学校).
		r := k - 1
		for r > 0 && orig[r-1] == orig[k] {
			r--
		}
		head := verbOf(rs[clauseStartOf(rs, ts[first+r].Start):])
		from := min(ts[i-1].End, t.Start)
		for k := t.Start - 1; k >= from; k-- {
			if strings.ContainsRune("和与及、", rs[k]) {
				from = k + 1 // 建成20所…和30所: start after the 和
				break
			}
		}
		seg := strings.TrimSpace(string(rs[from:max(from, clauseEndOf(rs, t.End))]))
		if head != "" && !strings.HasPrefix(seg, head) {
			seg = head + "…" + seg
		}
		t.Statement = seg
	}
}

func clauseStartOf(rs []rune, k int) int {
	for k > 0 && !strings.ContainsRune(clauseBreaks, rs[k-1]) {
		k--
	}
	return k
}

func clauseEndOf(rs []rune, k int) int {
	for k < len(rs) && !strings.ContainsRune(clauseBreaks, rs[k]) {
		k++
	}
	return k
}

// followingOf returns the text a deadline opens, from start to the end of
// its sentence, cut to maxStatement runes (到2025年，全省基本建成…).
func followingOf(rs []rune, start int) string {
	to := start
	for to < len(rs) && to-start < maxStatement && !strings.ContainsRune("。；;！？!?\n", rs[to]) {
		to++
	}
	return strings.TrimSpace(string(rs[start:to]))
}

// maxVerb bounds the verb a clause's later targets repeat.
const maxVerb = 4

// verbOf returns the Han words that open a clause before its first number
// (建成 of 建成20所…), or "" when they are longer than maxVerb runes.
func verbOf(rs []rune) string {
	k := 0
	for k < len(rs) && k <= maxVerb && rs[k] != ' ' && !(rs[k] >= '0' && rs[k] <= '9') && !strings.ContainsRune("一二三四五六七八九十百千万", rs[k]) {
		k++
	}
	if k == 0 || k > maxVerb {
		return ""
	}
	return string(rs[:k])
}

// clauseBreaks end the clause a target's statement is drawn from.
const clauseBreaks = "，,；;。！？!?\n：:"

// maxStatement bounds a statement; a longer clause is cut around the span.
const maxStatement = 40

// statementOf returns the clause of rs holding the span [start, end):
// from the clause break before it to the one after it, cut to
// maxStatement runes around the span when longer.
func statementOf(rs []rune, start, end int) string {
	from, to := start, end
	for from > 0 && !strings.ContainsRune(clauseBreaks, rs[from-1]) {
		from--
	}
	for to < len(rs) && !strings.ContainsRune(clauseBreaks, rs[to]) {
		to++
	}
	if to-from > maxStatement {
		// Keep the whole span, and as much around it as fits.
		from = min(start, max(from, start-max(0, maxStatement-(end-start))/2))
		to = max(end, min(to, from+maxStatement))
	}
	return strings.TrimSpace(string(rs[from:to]))
}

// dropBareDeadlines removes, among the targets just collected for node n,
// a deadline that is the year of other targets: one in the clause of
// another target (2030年底前建成20所…), or one alone in its clause when its
// sentence has other targets (到2025年，…). A deadline with unmeasured work
// in its clause (2025年底前完成全部改造) stays a row.
func dropBareDeadlines(ts []Target, n *corpus.Node) []Target {
	first := len(ts)
	for first > 0 && ts[first-1].Node == n {
		first--
	}
	if len(ts)-first < 2 {
		return ts
	}
	rs := []rune(n.Text)
	sentence := func(t Target) int {
		k := t.Start
		for k > 0 && !strings.ContainsRune("。；;！？!?\n", rs[k-1]) {
			k--
		}
		return k
	}
	clause := func(t Target) int {
		k := t.Start
		for k > 0 && !strings.ContainsRune(clauseBreaks, rs[k-1]) {
			k--
		}
		return k
	}
	inSentence, inClause := map[int]bool{}, map[int]bool{}
	for _, t := range ts[first:] {
		if !isBareDeadline(t.Phrase) {
			inSentence[sentence(t)] = true
			inClause[clause(t)] = true
		}
	}
	kept := ts[:first]
	for _, t := range ts[first:] {
		if isBareDeadline(t.Phrase) && (inClause[clause(t)] || isBareDeadline(t.Statement) && inSentence[sentence(t)]) {
			continue
		}
		kept = append(kept, t)
	}
	return kept
}

// isBareDeadline reports a phrase that is only a deadline: its year (or
// 如期, “十四五”期末) with deadline words and nothing measured.
func isBareDeadline(p string) bool {
	if p == "如期" || strings.HasSuffix(p, "期末") && !strings.ContainsAny(p, "0123456789") {
		return true
	}
	if Year(p) == 0 {
		return false
	}
	rest := p
	for _, w := range []string{"力争", "到", "至", "于", "年底", "年末", "年", "以前", "之前", "前", "底"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	rest = strings.TrimFunc(rest, func(r rune) bool { return r >= '0' && r <= '9' || r == ' ' })
	return rest == ""
}

// clauseTitle returns the number and heading of n or its nearest ancestor
// that has a heading, else n's title.
func clauseTitle(n *corpus.Node) string {
	for p := n; p != nil; p = p.Parent {
		if p.Heading != "" {
			return p.Title()
		}
	}
	return n.Title()
}

// contextYear returns the year of the last deadline in the sentence that
// contains rune offset start before it, else of the first after it; 0 if
// the sentence has none.
func contextYear(rs []rune, start int) int {
	from := start
	for from > 0 && !strings.ContainsRune("。；;！？!?\n", rs[from-1]) {
		from--
	}
	ds := deadlines(rs[from:start])
	if len(ds) > 0 {
		return ds[len(ds)-1].year
	}
	// A deadline later in the same clause dates it too (建成20所学校，
	// 2025年底前全部建成 is two clauses; 压缩至2个工作日内并于2022年底前完成
	// is one): never one governing another clause.
	to := start
	for to < len(rs) && !strings.ContainsRune(clauseBreaks, rs[to]) {
		to++
	}
	if ds := deadlines(rs[start:to]); len(ds) > 0 {
		return ds[0].year
	}
	return 0
}

// Label is what a list shows for the target: the Context of a table cell,
// else the Statement, else the Phrase.
func (t Target) Label() string {
	if t.Context != "" {
		return t.Context
	}
	if t.Statement != "" {
		return t.Statement
	}
	return t.Phrase
}

// ancestorYear returns the year of the last goal deadline in the own text
// of the nearest enclosing section or clause that states one, or 0. A
// long-range vision (展望2035年, 远景目标至2035年) is not the deadline of
// the goals listed under it, and the search stops at the chapter: a
// document's preamble does not date every target in it.
func ancestorYear(n *corpus.Node) int {
	for p := n.Parent; p != nil; p = p.Parent {
		rs := []rune(p.Text)
		ds := deadlines(rs)
		for i := len(ds) - 1; i >= 0; i-- {
			if !isVision(rs, ds[i].start) {
				return ds[i].year
			}
		}
		if p.Kind.Sectional() {
			break
		}
	}
	return 0
}

// isVision reports a deadline that a few runes earlier is introduced as a
// long-range vision (展望, 远景).
func isVision(rs []rune, start int) bool {
	from := max(start-8, 0)
	window := string(rs[from:start])
	return strings.Contains(window, "展望") || strings.Contains(window, "远景")
}

// SortByDoc sorts ts back into corpus order, the order Collect returned.
func SortByDoc(ts []Target) {
	slices.SortStableFunc(ts, func(a, b Target) int { return cmp.Compare(a.order, b.order) })
}

// SortByYear sorts ts by deadline year, earliest first, targets without a
// year last; within a year, corpus order.
func SortByYear(ts []Target) {
	slices.SortStableFunc(ts, func(a, b Target) int {
		if a.Year != b.Year {
			switch {
			case a.Year == 0:
				return 1
			case b.Year == 0:
				return -1
			}
			return cmp.Compare(a.Year, b.Year)
		}
		return cmp.Compare(a.order, b.order)
	})
}

// Filter returns the targets that match every whitespace-separated word of
// query as a substring (ASCII case ignored) of the phrase, the clause, the
// document label or ID, the node ID or the year. An empty query keeps all.
// ts is not modified. A word matches within one field, never across two.
func Filter(ts []Target, query string) []Target {
	words := strings.Fields(strings.ToLower(query))
	out := make([]Target, 0, len(ts))
	for i := range ts {
		if matches(&ts[i], words) {
			out = append(out, ts[i])
		}
	}
	return out
}

func matches(t *Target, words []string) bool {
	if len(words) == 0 {
		return true
	}
	fields := t.fields()
	if !t.plain {
		for i, f := range fields {
			fields[i] = strings.ToLower(f)
		}
	}
	for _, w := range words {
		if !slices.ContainsFunc(fields[:], func(f string) bool { return strings.Contains(f, w) }) && !inYear(t.Year, w) {
			return false
		}
	}
	return true
}

// fields are the strings Filter searches besides the year: phrase,
// statement, context, clause, document label and ID, node ID. A word
// matches inside one of them, never across two.
func (t *Target) fields() [7]string {
	return [7]string{t.Phrase, t.Statement, t.Context, t.Clause, t.DocLabel, t.DocID, t.ID()}
}

// ID is the ID of the target's node: NodeID, else (a Target built
// elsewhere) its Node's.
func (t *Target) ID() string {
	if t.NodeID == "" && t.Node != nil {
		return t.Node.ID
	}
	return t.NodeID
}

// inYear reports whether w occurs in the decimal form of year (none for
// 0); only a word of digits can.
func inYear(year int, w string) bool {
	if year == 0 || strings.Trim(w, "0123456789") != "" {
		return false
	}
	var buf [20]byte
	return strings.Contains(string(strconv.AppendInt(buf[:0], int64(year), 10)), w)
}
