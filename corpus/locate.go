package corpus

import (
	"strings"

	"policyreader/corpus/internal/lazyre"
)

// locateForm reads what a reader types to go to a place in a document:
// 第20条, 20条, 第二十条之一, 第三章, 第2节, （三）, (3), 3, 三、.
var locateForm = lazyre.New(`^(第)?([0-9]+|[零〇一二三四五六七八九十百千两]+)(条|章|节|编|分编)?(之([一二三四五六七八九十]+))?([、.．])?$`)

// bracketForm is a bracketed number: （三）, (3).
var bracketForm = lazyre.New(`^[（(]([0-9]+|[零〇一二三四五六七八九十百千两]+)[)）]$`)

// Locate finds the node of d that query names — an article (第20条, 20条,
// 二十条之一), a chapter, section or volume (第三章), a bracketed clause or
// item (（三）, (3)), or a bare number (3, 三): an article in a law, else a
// clause, a part (三、) or an item. Of several matches (the （三） items of
// many articles) the one nearest near wins: inside near's article or
// clause, then the first in the document. ok is false when query is no
// such form or names nothing in d.
func (d *Document) Locate(query string, near *Node) (*Node, bool) {
	q := strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t':
			return -1
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		}
		return r
	}, query)
	var kinds []Kind
	var value, sub int
	var ok bool
	if m := bracketForm.FindStringSubmatch(q); m != nil {
		value, ok = Numeral(m[1])
		ok = ok && wellFormed(m[1])
		kinds = []Kind{Clause, Item}
		if ok && value > 0 {
			return d.nearest(kinds, value, 0, near, true)
		}
		return nil, false
	}
	m := locateForm.FindStringSubmatch(q)
	if m == nil {
		return nil, false
	}
	if !wellFormed(m[2]) {
		return nil, false
	}
	if value, ok = Numeral(m[2]); !ok || value == 0 {
		return nil, false
	}
	if m[5] != "" {
		if sub, ok = Numeral(m[5]); !ok {
			return nil, false
		}
	}
	switch m[3] {
	case "条":
		kinds = []Kind{Article}
	case "章":
		kinds = []Kind{Chapter}
	case "节":
		kinds = []Kind{Section}
	case "编":
		kinds = []Kind{Volume}
	case "分编":
		kinds = []Kind{SubVolume}
	default:
		switch {
		case m[1] == "第":
			kinds = []Kind{Article, Chapter, Section}
		case m[6] != "":
			kinds = []Kind{Part, Item, BoxItem} // 三、 or 3.
		case d.Grammar == "law":
			kinds = []Kind{Article}
		default:
			kinds = []Kind{Clause, Part, Item, BoxItem}
		}
	}
	return d.nearest(kinds, value, sub, near, false)
}

// nearest returns the node of one of kinds (earlier kinds first) numbered
// value (and 之sub) closest to near; bracketed asks for a number printed
// in brackets.
func (d *Document) nearest(kinds []Kind, value, sub int, near *Node, bracketed bool) (*Node, bool) {
	for _, k := range kinds {
		var best *Node
		bestScore := -1
		d.Walk(func(n *Node) bool {
			if n.Kind != k || n.Number == "" {
				return true // an unnumbered node has no number to go to
			}
			v, s := n.Ordinal()
			if v != value || s != sub {
				return true
			}
			if bracketed && !strings.ContainsAny(n.Number, "（(") {
				return true
			}
			if sc := sharedAncestors(n, near); sc > bestScore {
				best, bestScore = n, sc
			}
			return true
		})
		if best != nil {
			return best, true
		}
	}
	return nil, false
}

// sharedAncestors counts the ancestors n and near have in common (near
// itself counting as its own), 0 when near is nil.
func sharedAncestors(n, near *Node) int {
	if near == nil {
		return 0
	}
	mine := map[*Node]bool{}
	for p := near; p != nil; p = p.Parent {
		mine[p] = true
	}
	count := 0
	for p := n.Parent; p != nil; p = p.Parent {
		if mine[p] {
			count++
		}
	}
	return count
}

// wellFormed reports a numeral written as numbering writes it: ASCII
// digits without a leading zero, or Chinese digits with a unit between
// two of them (二十三, not 二三; 一百零三's 零 aside).
func wellFormed(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	if r[0] >= '0' && r[0] <= '9' {
		return r[0] != '0' || len(r) == 1
	}
	digit := func(c rune) bool { return strings.ContainsRune("一二三四五六七八九两", c) }
	for i := 1; i < len(r); i++ {
		if digit(r[i]) && digit(r[i-1]) {
			return false
		}
	}
	return true
}
