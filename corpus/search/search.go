package search

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
	"sync"
	"unicode/utf8"

	"policyreader/corpus"
)

// Result is one node that matched a query.
type Result struct {
	// Node is the matched node.
	Node *corpus.Node
	// ID is Node.ID.
	ID string
	// Field is FieldHeading, FieldText or FieldNumber: which string matched.
	Field string
	// Matched holds the matched RUNE positions in that field's string
	// (Node.Heading, Node.Text or Node.Number), ascending. A pinyin match gives the
	// positions of the Han characters it spelled.
	Matched []int
	// Score ranks results, higher first; ties keep document order. It is
	// built from five parts, each outweighing all below it:
	// 1,000,000,000 when every term matched contiguously; 100,000,000
	// when the match is in the heading; for a contiguous match, 10,000,000
	// × (9 − misfit) for how plainly its pinyin spells the terms (luohu:
	// 落户 before 果互 with 果's rare luò, before 落或 luò huò); 1,000 ×
	// (9,999 − span), span being the runes from the first to the last
	// match; and a quality of 0..999 from repeated occurrences, the share
	// of the field matched and sahilm/fuzzy's bonus normalised per rune.
	// One-character queries score contiguity, a plain fit, the heading
	// part and the shortest span: headings, then texts, in document order.
	Score int
	// Snippet is the matched field on one line, cut to a window of about
	// 80 runes around the match for long texts, with "…" where it was cut.
	// Control characters (newlines, tabs, escapes) become spaces and
	// invalid UTF-8 becomes U+FFFD, one rune for one, so it is safe to
	// print as it is and SnippetMatched stays aligned.
	Snippet string
	// SnippetMatched holds the matched rune positions inside Snippet.
	SnippetMatched []int
}

// workers is the number of goroutines that score candidates.
const workers = 2

// Search returns up to limit results for query, best first (limit <= 0
// means all). Terms are separated by white space; each must match the
// node's heading or text (by characters, scattered within a quality floor,
// or contiguously by pinyin) or its context (document label, headings on
// its path), and at least one must match the field itself. It returns
// ctx.Err() when ctx is cancelled before it finishes.
func (ix *Index) Search(ctx context.Context, query string, limit int) (rs []Result, err error) {
	// A stored index read in place is checked as it is read: a search that
	// met damage fails rather than answer short.
	defer func() {
		if err == nil {
			if err = ix.damaged(); err != nil {
				rs = nil
			}
		}
	}()
	q := parseQuery(joinSyllables(query))
	if len(q.terms) == 0 || len(ix.entries) == 0 {
		return nil, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(q.terms) == 1 && len(q.terms[0].runes) == 1 {
		return ix.searchRune(ctx, q, limit)
	}
	for i := range q.terms {
		t := &q.terms[i]
		if !t.letters {
			continue
		}
		t.filter = ix.newPinyinFilter(t)
		t.chains = ix.chainsFor(t)
		t.lead = ix.leadFor(t)
		t.floor = cutFloor(t.runes, ix.prefixes, ix.syllables)
		t.pairs = &termPairs{}
	}
	cands := ix.candidates(q)
	heads, texts := make([]int32, 0, len(cands)/4), make([]int32, 0, len(cands))
	for _, e := range cands {
		if ix.isTitled(e) {
			heads = append(heads, e)
		} else {
			texts = append(texts, e)
		}
	}
	// Headings first: once limit nodes match a heading contiguously (the
	// top tier of the score), no text can enter the results, and the
	// texts, the bulk of a large corpus, are not scored at all.
	sc := ix.takeScratch()
	defer ix.putScratch(sc)
	cut := ix.wordCutter(q)
	keep := keepHits(limit, cut != nil)
	if ix.keepAll {
		keep = 0
	}
	hits, relaxed, err := ix.score(ctx, q, heads, sc, sc.all[:0], keep)
	sc.all = hits
	if err != nil {
		return nil, err
	}
	tier := ix.topTierNodes(hits)
	if limit > 0 && tier >= limit && cut != nil {
		// Enough headings match as whole words to fill the results: the
		// texts could only come below them.
		if rs, whole := ix.wholeWordResults(hits, limit, cut); whole >= limit {
			ix.remember(q.key, cands)
			return rs, nil
		}
	}
	if limit > 0 && tier >= limit && cut == nil {
		// The texts' matches are unknown; the candidates hold them all,
		// so they narrow the next keystroke instead.
		ix.remember(q.key, cands)
		return ix.results(hits, limit), nil
	}
	// The texts' hits go on after the headings' in the same buffer.
	all, textRelaxed, err := ix.score(ctx, q, texts, sc, hits, keep)
	sc.all = all
	if err != nil {
		return nil, err
	}
	ix.remember(q.key, union(relaxed, textRelaxed))
	if cut != nil {
		rs, _ := ix.wholeWordResults(all, limit, cut)
		return rs, nil
	}
	return ix.results(all, limit), nil
}

// leadFor returns term.lead for t (see leadOf), from its pinyin filter.
func (ix *Index) leadFor(t *term) int {
	if t.filter == nil {
		t.filter = ix.newPinyinFilter(t)
	}
	return t.filter.lead
}

// leadOf returns term.lead for a term that begins with run, whose splits
// are given (nil: too many to list): nonzero when every split begins with
// a unit of two letters or more.
func leadOf(run []rune, splits [][]string) int {
	if len(run) < 2 || len(splits) == 0 {
		return 0
	}
	for _, sp := range splits {
		if len(sp[0]) < 2 {
			return 0
		}
	}
	if i := prefix2Index(string(run[:2])); i >= 0 {
		return i + 1
	}
	return 0
}

// chainsFor returns the chain table of a term of letters only whose
// filter found one run (nil otherwise: unconstrained).
func (ix *Index) chainsFor(t *term) *chainTable {
	if len(t.filter.alts) != 1 || t.letterMask == 0 || !allLetters(t.runes) {
		return nil
	}
	ct := ix.skel.newChainTable(t.filter.alts[0])
	if ct != nil && len(t.runes) <= maxChainCheck && initialsOnly(t.runes, ix.prefixes) {
		ct.initials = true
	}
	return ct
}

// wordCutter is the cutter to judge q's matches with: set, and q one
// term of letters only (pinyin or initials), else nil.
func (ix *Index) wordCutter(q query) WordCutter {
	p := ix.words.Load()
	if p == nil || len(q.terms) != 1 || !allLetters(q.terms[0].runes) {
		return nil
	}
	return *p
}

// hitsPerNode is the most hits one node has: its number, heading and text.
const hitsPerNode = 3

// keepHits is how many hits each part of a search keeps, best first, for
// a search of limit results: results reads the best hitsPerNode×limit;
// wholeWordResults judges up to judgeBudget(limit) of them first, so it
// can read that many more. The hits below can never reach the results,
// and keeping them all (every entry, for one letter) cost megabytes and a
// heap of them per keystroke. 0 keeps every hit.
func keepHits(limit int, judged bool) int {
	if limit <= 0 {
		return 0
	}
	if judged {
		return judgeBudget(limit) + hitsPerNode*limit
	}
	return hitsPerNode * limit
}

// topTierNodes counts the nodes with a hit in the top tier of the score
// (a contiguous heading or number match) among hits: a node may have two
// (its number and its heading). Counted over the kept hits it is exact
// while they hold every top-tier hit, and past that at least
// keep/hitsPerNode — more than any limit they were kept for.
func (ix *Index) topTierNodes(hits []hit) int {
	seen := map[int32]bool{}
	for _, h := range hits {
		if h.score >= scoreTop {
			seen[ix.entries[h.entry].node] = true
		}
	}
	return len(seen)
}

// candidates returns the entries worth scoring, in entry order: those that
// pass the prefilter of some term (a term's runes all occur; for a pinyin
// term its letters pass the pinyin filter). When this query extends a
// remembered one, only that query's matches are considered.
func (ix *Index) candidates(q query) []int32 {
	base, narrowed := ix.narrowed(q)
	if !narrowed {
		base = nil
	}
	var c []int32
	for i := range q.terms {
		c = union(c, ix.prefilter(&q.terms[i], base, narrowed))
	}
	return c
}

// prefilter returns the entries that may match t in their own field,
// among base when narrowed (all entries otherwise).
func (ix *Index) prefilter(t *term, base []int32, narrowed bool) []int32 {
	lit := ix.withRunes(t.runes, nil)
	if narrowed {
		lit = intersect(lit, base)
	}
	if !t.letters {
		return lit
	}
	// Pinyin: every non-letter rune occurs and the letters pass the
	// pinyin filter.
	var others []rune
	for _, r := range t.runes {
		if letterBit(r) == 0 {
			others = append(others, r)
		}
	}
	f := t.filter
	if f == nil {
		f = ix.newPinyinFilter(t)
	}
	keep := func(e int32) bool { return f.keep(ix, e) }
	var py []int32
	switch {
	case len(others) > 0:
		py = ix.withRunes(others, keep)
		if narrowed {
			py = intersect(py, base)
		}
	case narrowed && len(base) < len(ix.entries)/wordsShare:
		// A small base: filtered entry by entry.
		py = make([]int32, 0, len(base))
		for _, e := range base {
			if keep(e) {
				py = append(py, e)
			}
		}
	case narrowed && len(base) < len(ix.entries)/2:
		words := f.keepWords(ix)
		py = make([]int32, 0, len(base))
		for _, e := range base {
			if hasBit(words, e) {
				py = append(py, e)
			}
		}
	default:
		// Not narrowed, or by a base of most entries, which would narrow
		// little for the cost of a pass over it: the filter alone. Sized
		// for all: growing it while scanning a large corpus copied
		// megabytes per keystroke.
		py = make([]int32, 0, len(ix.entries))
		for w, m := range f.keepWords(ix) {
			for ; m != 0; m &= m - 1 {
				py = append(py, int32(w*64+bits.TrailingZeros64(m)))
			}
		}
	}
	return union(lit, py)
}

// wordsShare: a narrowed base holding fewer than 1/wordsShare of the
// entries is filtered entry by entry; a larger one by the filter's bitmap
// over every entry (keepWords), cheaper per entry; one of half the entries
// or more is not used (the candidates are then a superset, scored the
// same).
const wordsShare = 16

// withRunes intersects the postings of rs, rarest first, keeping only
// entries keep accepts (nil keeps all).
func (ix *Index) withRunes(rs []rune, keep func(int32) bool) []int32 {
	lists := make([][]int32, 0, len(rs))
	for _, r := range rs {
		if !ix.post.stopped(r) {
			lists = append(lists, ix.post.get(r))
		}
	}
	slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
	if len(lists) == 0 {
		if len(rs) == 0 {
			return nil
		}
		lists = append(lists, ix.allEntries()) // only stop runes: no filter
	}
	out := lists[0]
	for _, l := range lists[1:] {
		if len(out) == 0 {
			break
		}
		out = intersect(out, l)
	}
	if keep == nil {
		return out
	}
	kept := make([]int32, 0, len(out))
	for _, e := range out {
		if keep(e) {
			kept = append(kept, e)
		}
	}
	return kept
}

// score evaluates cands on the worker goroutines. It returns into with the
// hits that pass the quality floor appended — with keep > 0, only each
// worker's keep best, in no order — and every entry that matched in order
// at all (relaxed), in entry order; the workers' buffers are sc's.
func (ix *Index) score(ctx context.Context, q query, cands []int32, sc *scratch, into []hit, keep int) ([]hit, []int32, error) {
	var ctxMatch [][]bool // per term, per document: the label matches
	if len(q.terms) > 1 {
		mt := &matcher{py: ix.py, sk: ix.skel}
		ctxMatch = make([][]bool, len(q.terms))
		for i := range q.terms {
			ctxMatch[i] = make([]bool, len(ix.labels))
			for d, l := range ix.labels {
				ctxMatch[i][d] = mt.contains(&q.terms[i], l)
			}
		}
	}
	type part struct {
		hits    []hit
		relaxed []int32
		err     error
		sink    int // what prefetch read, kept so the reads stay
	}
	var parts [workers]part
	var wg sync.WaitGroup
	chunk := (len(cands) + workers - 1) / workers
	for w := range workers {
		lo, hi := min(w*chunk, len(cands)), min((w+1)*chunk, len(cands))
		wg.Add(1)
		go func(p *part, cs []int32) {
			defer wg.Done()
			mt := &matcher{py: ix.py, sk: ix.skel}
			// Sized for all (or all kept): most candidates match, and
			// growing these copied them over and over.
			n := len(cs)
			if keep > 0 {
				n = min(n, keep)
			}
			p.hits = reuse(sc.hits[w], n)
			p.relaxed = reuse(sc.relaxed[w], len(cs))
			for i, e := range cs {
				if i%prefetchBlock == 0 {
					if err := ctx.Err(); err != nil {
						p.err = err
						return
					}
					if i > 0 {
						ix.passed(cs[i-prefetchBlock : i])
					}
					p.sink += ix.prefetch(cs[i:min(i+prefetchBlock, len(cs))])
				}
				h, ok, relaxed := ix.evaluate(mt, q, ctxMatch, e)
				if relaxed {
					p.relaxed = append(p.relaxed, e)
				}
				if !ok {
					continue
				}
				p.hits = keepBest(p.hits, h, keep)
			}
			if len(cs) > 0 {
				ix.passed(cs[(len(cs)-1)/prefetchBlock*prefetchBlock:])
			}
		}(&parts[w], cands[lo:hi])
	}
	wg.Wait()
	nhits, nrelaxed := 0, 0
	for w, p := range parts {
		if ix.reusesScratch() {
			sc.hits[w], sc.relaxed[w] = p.hits, p.relaxed
		}
		if p.err != nil {
			return into, nil, p.err
		}
		nhits += len(p.hits)
		nrelaxed += len(p.relaxed)
	}
	// Grown once to what the hits need, not to every candidate.
	into = slices.Grow(into, nhits)
	// The relaxed entries are remembered: a slice of their own.
	relaxed := make([]int32, 0, nrelaxed)
	for _, p := range parts {
		into = append(into, p.hits...)
		relaxed = append(relaxed, p.relaxed...)
	}
	return into, relaxed, nil
}

// prefetchBlock is how many candidates prefetch reads ahead of scoring.
const prefetchBlock = 128

// prefetch reads what scoring the entries es reads first — the entry,
// its skeleton's bounds and first code, its letter mask — in one tight
// loop, so the cache misses of many candidates overlap instead of
// coming one at a time between long scans (candidates lie far apart in
// a large library). It returns a value only so the reads are kept.
func (ix *Index) prefetch(es []int32) int {
	sum := 0
	sk := ix.skel
	for _, e := range es {
		sum += int(ix.entries[e].runes) + int(ix.letters[e])
		if sk != nil && int(e)+1 < len(sk.start) {
			if a := sk.start[e]; a < len(sk.codes) {
				sum += int(sk.codes[a])
			}
		}
	}
	return sum
}

// evaluate matches every term of q against entry e.
func (ix *Index) evaluate(mt *matcher, q query, ctxMatch [][]bool, e int32) (h hit, ok, relaxed bool) {
	en := &ix.entries[e]
	contiguous := true
	span, matched, occ, fz, misfit := 0, 0, 0, 0, 0
	var pos []int
	inField, inFieldRelaxed := 0, 0
	ok = true
	for i := range q.terms {
		t := &q.terms[i]
		var codes []byte
		if en.valid {
			codes = ix.skel.of(e)
		}
		tm, tok, trel := mt.match(t, en.str, en.fold, en.field, uint32(ix.letters[e]), codes)
		if trel {
			inFieldRelaxed++
		}
		if tok {
			inField++
			contiguous = contiguous && tm.contiguous
			misfit += tm.misfit
			span += tm.span
			matched += len(tm.pos)
			if occ == 0 || tm.occ < occ {
				occ = tm.occ
			}
			fz += tm.fuzzy
			if len(q.terms) == 1 {
				pos = tm.pos // the matcher's own slice: no copy
			} else {
				pos = append(pos, tm.pos...)
			}
			continue
		}
		if len(q.terms) == 1 || !ix.inContext(mt, t, ctxMatch[i], e) {
			ok = false
			if !trel {
				return h, false, false
			}
		}
	}
	relaxed = inFieldRelaxed > 0
	if !ok || inField == 0 {
		return h, false, relaxed
	}
	if len(q.terms) > 1 {
		slices.Sort(pos)
		pos = slices.Compact(pos)
	}
	qual := quality(occ, matched, int(en.runes), fz/inField)
	h = hit{entry: e, pos: pos, score: composeScore(contiguous, misfit, titled(en.field), span, qual)}
	return h, true, relaxed
}

// inContext reports whether t matches the context of entry e: its
// document's label, the number or heading of an ancestor, or (for a text)
// its own node's heading.
func (ix *Index) inContext(mt *matcher, t *term, labelMatch []bool, e int32) bool {
	en := &ix.entries[e]
	if labelMatch[ix.doc[en.node]] {
		return true
	}
	n := en.node
	if titled(en.field) {
		n = ix.parent[n]
	}
	for ; n >= 0; n = ix.parent[n] {
		number, heading, _ := ix.nodeStrings(n)
		if mt.contains(t, heading) || mt.contains(t, number) {
			return true
		}
	}
	return false
}

// results sorts hits, keeps the best hit per node and builds up to limit
// results.
func (ix *Index) results(hits []hit, limit int) []Result {
	if limit > 0 && len(hits)/hitsPerNode > limit { // not a product: it may overflow
		// A node has at most hitsPerNode hits (number, heading, text), so
		// the best hitsPerNode×limit hits hold the best limit nodes.
		hits = topHits(hits, hitsPerNode*limit)
	}
	slices.SortFunc(hits, compareHits)
	seen := map[int32]bool{}
	var out []Result
	for _, h := range hits {
		if limit > 0 && len(out) >= limit {
			break
		}
		n := ix.entries[h.entry].node
		if seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, ix.result(h))
	}
	return out
}

func (ix *Index) result(h hit) Result {
	en := &ix.entries[h.entry]
	n := ix.node(en.node)
	if n != nil && en.field == fieldText && n.Text != en.str {
		ix.badNode(fmt.Errorf("the text of %s does not match the index", n.ID))
		n = nil
	}
	if n == nil {
		// A stored index's node not to be had: the search fails
		// (damaged), this result is never shown.
		return Result{}
	}
	field := FieldText
	switch en.field {
	case fieldHeading:
		field = FieldHeading
	case fieldNumber:
		field = FieldNumber
	}
	pos := h.pos
	if rc := utf8.RuneCountInString(en.str); len(pos) > 0 && (pos[0] < 0 || pos[len(pos)-1] >= rc) {
		// Only a damaged stored index gets here: keep the positions
		// inside the field.
		pos = slices.DeleteFunc(slices.Clone(pos), func(p int) bool { return p < 0 || p >= rc })
	}
	snip, sm := snippet(en.str, pos)
	return Result{Node: n, ID: n.ID, Field: field, Matched: pos, Score: h.score, Snippet: snip, SnippetMatched: sm}
}

// allEntries lists every entry, for a term made only of stop runes.
func (ix *Index) allEntries() []int32 {
	all := make([]int32, len(ix.entries))
	for i := range all {
		all[i] = int32(i)
	}
	return all
}

func allLetters(rs []rune) bool {
	for _, r := range rs {
		if letterBit(r) == 0 {
			return false
		}
	}
	return true
}

// String describes the index size, for logs and benchmarks.
func (ix *Index) String() string {
	return fmt.Sprintf("search.Index{%d nodes, %d strings}", len(ix.parent), len(ix.entries))
}
