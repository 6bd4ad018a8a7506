package highlight

// Lists of departments that share one head word: 监察、房管、规划、工商、
// 公安等行政管理部门 names five departments by their stems and one 部门.

// departmentLists returns a body span for every list of departments that
// shares one head: [level] stem、stem…等[function]部门 — 公安、交通运输等部门,
// 县级以上人民政府卫生健康、民政等部门, 自然资源等部门. Every item is a
// stem the gazetteer knows (with function words after it: 行政管理); the
// first may carry a level or place before it. The list starts at its
// first such item, so a word before it (会同, 由, 加强) is never taken.
func (g *gazetteer) departmentLists(text []rune) []Span {
	var out []Span
	for k := 0; k+2 < len(text); k++ {
		if text[k] != '等' {
			continue
		}
		end := deptAfterEtc(text, k+1)
		if end < 0 {
			continue
		}
		start := -1
		for b := k; ; {
			a := b
			for a > 0 && b-a < maxListItem && isHan(text[a-1]) && text[a-1] != '、' {
				a--
			}
			s, ok := g.listItem(text, a, b)
			if !ok {
				break
			}
			start = s
			if s > a || a == 0 || text[a-1] != '、' {
				break // a level before the first item, or the list's start
			}
			b = a - 1
		}
		if start >= 0 {
			out = append(out, Span{Start: start, End: end, Kind: Body})
		}
		k = end - 1
	}
	return out
}

// maxListItem bounds one item of a department list with its level, in
// runes: 县级以上地方人民政府住房城乡建设.
const maxListItem = 18

// listItem finds the item of a department list that ends at text[b],
// within text[a:b]: the longest known stem (and function words) ending
// there, with the level, place or government before it (市,
// 县级以上人民政府) when they fill the rest back to a. It returns where
// the item starts; one that starts after a is the list's first (会同发展
// 改革: 会同 governs the list).
func (g *gazetteer) listItem(text []rune, a, b int) (int, bool) {
	for p := a; p < b; p++ {
		if !g.stemEndsAt(text, p, b) {
			continue
		}
		if p > a && g.levelsReach(text, a, p) {
			return a, true
		}
		return p, true
	}
	return 0, false
}

// stemEndsAt reports a stem starting at text[p], with at most two
// function words after it, that ends at text[b].
func (g *gazetteer) stemEndsAt(text []rune, p, b int) bool {
	for _, h := range g.withFunctions(text, g.stem.ends(nil, text, p)) {
		if h == b {
			return true
		}
	}
	return false
}

// levelsReach reports whether levels, places and governments, one after
// another (县级以上, 人民政府), lead from text[a] to text[p].
func (g *gazetteer) levelsReach(text []rune, a, p int) bool {
	at := []int{a}
	for range 4 {
		var next []int
		for _, i := range at {
			for _, t := range []*trie{g.level, g.place, g.gov} {
				for _, e := range t.ends(nil, text, i) {
					if e == p {
						return true
					}
					if e < p {
						next = append(next, e)
					}
				}
			}
		}
		if len(next) == 0 {
			return false
		}
		at = next
	}
	return false
}

// deptAfterEtc returns the end of 部门 after 等 at text[i] — 部门, 有关部门,
// 行政管理部门 — or -1.
func deptAfterEtc(text []rune, i int) int {
	n := longestAt(text, i, etcFunctions)
	if hasAt(text, i+n, department) {
		return i + n + len(department)
	}
	return -1
}

// etcFunctions may stand between 等 and 部门.
var etcFunctions = words("有关", "相关", "其他有关", "行政", "行政管理", "主管", "相关行政", "有关行政", "职能", "政府")
