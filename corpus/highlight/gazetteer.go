package highlight

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed bodies.txt
var bodiesData string

// entry is one gazetteer name with its guards.
type entry struct {
	notAfter  [][]rune // the name does not count when the text after it starts with one of these
	notBefore [][]rune // the name does not count when the text before it ends with one of these
	to        []rune   // in the alias section, the key the name folds to
}

// trie is a rune trie over gazetteer names.
type trie struct {
	next map[rune]*trie
	leaf *entry
	// first holds the first runes of the trie's names (set on the root
	// only), so most positions are rejected without a map lookup.
	first *runeSet
}

func (t *trie) insert(name []rune, e *entry) {
	if t.first == nil {
		t.first = &runeSet{}
	}
	if len(name) > 0 {
		t.first.add(name[0])
	}
	n := t
	for _, r := range name {
		if n.next == nil {
			n.next = map[rune]*trie{}
		}
		c, ok := n.next[r]
		if !ok {
			c = &trie{}
			n.next[r] = c
		}
		n = c
	}
	n.leaf = e
}

// ends appends to dst every end position of a name starting at text[i]
// whose guards pass, in increasing order.
func (t *trie) ends(dst []int, text []rune, i int) []int {
	if t.first != nil && (i >= len(text) || !t.first.has(text[i])) {
		return dst
	}
	n := t
	for j := i; j < len(text); j++ {
		c, ok := n.next[text[j]]
		if !ok {
			break
		}
		n = c
		if n.leaf != nil && n.leaf.allows(text, i, j+1) {
			dst = append(dst, j+1)
		}
	}
	return dst
}

func (e *entry) allows(text []rune, start, end int) bool {
	for _, g := range e.notAfter {
		if hasPrefixAt(text, end, g) {
			return false
		}
	}
	for _, g := range e.notBefore {
		if start >= len(g) && hasPrefixAt(text, start-len(g), g) {
			return false
		}
	}
	return true
}

func hasPrefixAt(text []rune, i int, p []rune) bool {
	if i < 0 || i+len(p) > len(text) {
		return false
	}
	for k, r := range p {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

// gazetteer holds the compiled sections of bodies.txt.
type gazetteer struct {
	name, institution, duty, party, place, level, gov, stem, suffix, function *trie
	// alias maps the ways one body's name is written to one key (人社 and
	// 人力资源和社会保障 to one stem); only BodyKey reads it.
	alias *trie
	// starts holds the first runes of every name a body can start with;
	// deptStarts those of the stems and function words a department can
	// start with (财政部门, 主管部门), which matter only in a text that has 部门.
	starts, deptStarts runeSet
	// pairs holds the first two runes of every name a body can start
	// with; short holds the runes that are a whole level alone (省, 市),
	// after which any rune may follow. Together they reject most
	// positions starts lets through with one lookup.
	pairs map[[2]rune]bool
	short runeSet
}

// parseGazetteer compiles the gazetteer text (the format bodies.txt documents).
func parseGazetteer(data string) (*gazetteer, error) {
	g := &gazetteer{pairs: map[[2]rune]bool{}}
	sections := map[string]**trie{
		"name": &g.name, "institution": &g.institution, "duty": &g.duty, "party": &g.party, "place": &g.place, "level": &g.level,
		"gov": &g.gov, "stem": &g.stem, "suffix": &g.suffix, "function": &g.function, "alias": &g.alias,
	}
	for _, p := range sections {
		*p = &trie{}
	}
	var cur *trie
	for i, line := range strings.Split(data, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if f := fields[0]; strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			p, ok := sections[f[1:len(f)-1]]
			if !ok {
				return nil, fmt.Errorf("gazetteer line %d: unknown section %s", i+1, f)
			}
			cur = *p
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("gazetteer line %d: entry before any section", i+1)
		}
		if cur == g.alias {
			if len(fields) != 2 {
				return nil, fmt.Errorf("gazetteer line %d: an alias is a name and its key", i+1)
			}
			cur.insert(foldAll(fields[0]), &entry{to: foldAll(fields[1])})
			continue
		}
		e := &entry{}
		for _, guard := range fields[1:] {
			switch {
			case strings.HasPrefix(guard, "!") && len(guard) > 1:
				e.notAfter = append(e.notAfter, foldAll(guard[1:]))
			case strings.HasPrefix(guard, "^") && len(guard) > 1:
				e.notBefore = append(e.notBefore, foldAll(guard[1:]))
			default:
				return nil, fmt.Errorf("gazetteer line %d: bad guard %q", i+1, guard)
			}
		}
		name := foldAll(fields[0])
		cur.insert(name, e)
		switch cur {
		case g.gov, g.suffix:
		case g.stem, g.function:
			g.deptStarts.add(name[0])
		default:
			g.starts.add(name[0])
			if len(name) == 1 {
				g.short.add(name[0])
			} else {
				g.pairs[[2]rune{name[0], name[1]}] = true
			}
		}
	}
	return g, nil
}

func foldAll(s string) []rune {
	r := []rune(s)
	for i := range r {
		r[i] = fold(r[i])
	}
	return r
}

// BodyKey folds the ways one body is written into one key: spaces dropped,
// brackets folded, and every alias of the gazetteer's alias section
// replaced by its key, longest first, left to right.
func (h *Highlighter) BodyKey(name string) string {
	r := foldAll(strings.Join(strings.Fields(name), ""))
	if h == nil || h.gaz == nil || h.gaz.alias == nil {
		return string(r)
	}
	out := make([]rune, 0, len(r))
	for i := 0; i < len(r); {
		n, end := h.gaz.alias, -1
		var to []rune
		for j := i; j < len(r); j++ {
			c, ok := n.next[r[j]]
			if !ok {
				break
			}
			n = c
			if n.leaf != nil {
				end, to = j+1, n.leaf.to
			}
		}
		if end < 0 {
			out = append(out, r[i])
			i++
			continue
		}
		out = append(out, to...)
		i = end
	}
	return string(out)
}
