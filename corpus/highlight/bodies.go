package highlight

import (
	"sort"
	"strings"
)

// bodyAt returns the end of the longest body name starting at text[i], or
// i when none starts there, and whether that name is an institution type
// (which counts only when given a task). A body is a literal gazetteer name,
// [party] [place] level (gov | stem suffix) or [level] [stem] [function]
// 部门 with a stem or a function; see bodies.txt.
func (g *gazetteer) bodyAt(text []rune, i int, buf []int, dept bool) (int, bool, []int) {
	best := i
	buf = g.name.ends(buf[:0], text, i)
	for _, e := range buf {
		best = max(best, e)
	}
	// A party bound only by a duty (企业应当…) is a body where a modal
	// follows it; encouraged or supported (鼓励企业…) it is not.
	buf = g.duty.ends(buf[:0], text, i)
	for _, e := range buf {
		if e > best && (dutyAt(text, e) || subjectWithDuty(text, i, e)) {
			best = e
		}
	}
	inst := false
	buf = g.institution.ends(buf[:0], text, i)
	for _, e := range buf {
		if e > best {
			best, inst = e, true
		}
	}
	// Starts of the level word: at i, after a party prefix, after a place.
	starts := append(buf[:0], i)
	starts = g.party.ends(starts, text, i)
	nonPlace := len(starts)
	for _, s := range starts[:len(starts)] {
		starts = g.place.ends(starts, text, s)
	}
	// A place may stand for the level (安徽证监局, 合肥海关).
	levels := append([]int(nil), starts[nonPlace:]...)
	var stems []int
	for _, s := range starts {
		lv := g.level.ends(nil, text, s)
		for _, l := range lv {
			// A one-rune level (省, 市, 县, 区) that opens the match must not
			// end a word: 城市政府, 社区委 are no bodies.
			// A long organ name after the level is no accident of a word
			// (规范省人民代表大会常务委员会…).
			if s == i && l-s == 1 && i > 0 && deniedBeforeLevel(text[i-1]) && !g.longGovAt(text, l) {
				continue
			}
			levels = append(levels, l)
		}
	}
	// 县级以上地方人民政府卫生主管部门: a department under a government.
	heads := levels
	for _, l := range levels {
		heads = g.gov.ends(heads, text, l)
	}
	// A text with no 部门 anywhere has no department to find.
	if dept {
		if e := g.departmentAt(text, i, heads); e > best {
			best, inst = e, false
		}
	}
	for _, l := range levels {
		for _, e := range g.gov.ends(nil, text, l) {
			if e > best {
				best, inst = e, false
			}
		}
		stems = g.stem.ends(stems[:0], text, l)
		for _, s := range stems {
			for _, e := range g.suffix.ends(nil, text, s) {
				if e > best {
					best, inst = e, false
				}
			}
		}
	}
	if best > i && !inst && endsWithAt(text, best, governments) > 0 {
		// 地方人民政府管理专利工作的部门: a government's department named
		// by its task.
		best = taskedByLevel(text, best)
	}
	return best, inst, buf
}

// longGovAt reports a [gov] name of four runes or more at text[l].
func (g *gazetteer) longGovAt(text []rune, l int) bool {
	for _, e := range g.gov.ends(nil, text, l) {
		if e-l >= 4 {
			return true
		}
	}
	return false
}

// tailWords end an organ whose name is whatever stands before them back to
// a boundary: 药品招标采购机构, 国家组织药品集中采购和使用试点工作小组办公室.
var tailWords = words("采购机构", "小组办公室", "采购办公室")

// tailStops end the name before a tail word.
const tailStops = "的与及或、对由向在将把被为是按经请会同，。；：（）()《》“”"

// maxTail bounds the name before a tail word.
const maxTail = 20

// tailBodies returns a body span for every tail word with a name before it.
func tailBodies(text []rune) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		n := longestAt(text, i, tailWords)
		if n == 0 {
			continue
		}
		s := i
		for s > 0 && i-s < maxTail && isHan(text[s-1]) && !strings.ContainsRune(tailStops, text[s-1]) {
			s--
		}
		if i-s >= 2 {
			out = append(out, Span{Start: s, End: i + n, Kind: Body})
		}
		i += n - 1
	}
	return out
}

// department is the word that ends a [function] department: 主管部门.
var department = []rune("部门")

// departmentAt returns the end of the longest [stem] [function] 部门 (at
// most two function words: 人事管理部门) starting at text[i] or at one of
// the level ends, or i when none does. A bare 部门 is no body: 跨部门, 部门间.
func (g *gazetteer) departmentAt(text []rune, i int, levels []int) int {
	best := i
	if !departmentWithin(text, i, maxDepartment) { // cheap: most positions have none
		return best
	}
	for _, s := range append([]int{i}, levels...) {
		heads := g.withFunctions(text, append([]int{s}, g.stem.ends(nil, text, s)...))
		for _, h := range heads {
			if h > s && hasPrefixAt(text, h, department) {
				best = max(best, h+len(department))
			}
		}
	}
	for _, s := range levels {
		for _, e := range []int{namedByLevel(text, s), taskedByLevel(text, s)} {
			if e > s {
				best = max(best, e)
			}
		}
	}
	return best
}

// withFunctions returns heads and every end reached from them by one or
// two function words (行政, 行政管理 …): where a [stem] [function] name may
// end.
func (g *gazetteer) withFunctions(text []rune, heads []int) []int {
	from := 0
	for range 2 {
		to := len(heads)
		for _, h := range heads[from:to] {
			heads = append(heads, g.function.ends(nil, text, h)...)
		}
		from = to
	}
	return heads
}

// maxDepartment bounds the length of a [level] [stem] [function] 部门 name.
const maxDepartment = 24

// departmentWithin reports whether 部门 starts within n runes after text[i],
// so that departmentAt allocates nothing where no department can end. A
// text with no 部门 at all answers at once.
func departmentWithin(text []rune, i, n int) bool {
	for k := i + 1; k < len(text)-1 && k <= i+n; k++ {
		if text[k] == department[0] && text[k+1] == department[1] {
			return true
		}
	}
	return false
}

// deniedBeforeLevel reports runes that, before 省/市/县/区, make it the end of
// an ordinary word (城市, 都市, 社区, 园区, 全省 handled as its own level).
func deniedBeforeLevel(r rune) bool {
	switch r {
	case '城', '都', '跨', '外', '地', '社', '园', '片', '新', '小', '湾', '景', '范', '验', '作', '贸', '矿', '灾', '困', '山', '本', '该', '此', '同', '个', '两', '各':
		return true
	}
	return false
}

// findBodies returns the body spans of text, leftmost-longest, in order.
func (g *gazetteer) findBodies(text []rune) []Span {
	spans := g.withLists(text, g.gazetteerBodies(text))
	spans = addFree(spans, tailBodies(text))
	spans = addFree(spans, dutyParties(text, spans))
	// From the last: a body listed before one that does not act is named
	// as that one is (A和B的工作人员, A、B此前发布的).
	idle := make([]bool, len(spans))
	for k := len(spans) - 1; k >= 0; k-- {
		s := spans[k]
		idle[k] = notActing(text, s.End) ||
			k+1 < len(spans) && idle[k+1] && listedBefore(text, s.End, spans[k+1].Start)
	}
	acting := spans[:0]
	for k, s := range spans {
		if !idle[k] {
			acting = append(acting, s)
		}
	}
	return acting
}

// listedBefore reports that only a list's joiner stands between text[e]
// and text[next]: 、 和 或 或者 及 以及.
func listedBefore(text []rune, e, next int) bool {
	n := next - e
	return n > 0 && n <= 2 && longestAt(text, e, listJoiners) == n
}

// listJoiners join the items of a list of bodies.
var listJoiners = words("、", "和", "或", "或者", "及", "以及", "与")

// withLists returns spans (sorted, not overlapping) with a list of
// departments sharing one head as one body over whatever the gazetteer
// found among its items — unless the gazetteer names an item whole
// (教育部、民政部等部门), which stays a body of its own.
func (g *gazetteer) withLists(text []rune, spans []Span) []Span {
	lists := g.departmentLists(text)
	if len(lists) == 0 {
		return spans
	}
	out := make([]Span, 0, len(spans)+len(lists))
	next := 0 // the first span not yet copied
	for _, l := range lists {
		j0 := next + sort.Search(len(spans)-next, func(k int) bool { return spans[next+k].End > l.Start })
		j1 := j0 + sort.Search(len(spans)-j0, func(k int) bool { return spans[j0+k].Start >= l.End })
		whole := false
		for _, s := range spans[j0:j1] {
			if s.Start >= l.Start && s.End < l.End && (text[s.End] == '、' || text[s.End] == '等') {
				whole = true
				break
			}
		}
		if whole {
			continue
		}
		out = append(out, spans[next:j0]...)
		out = append(out, l)
		next = j1
	}
	return append(out, spans[next:]...)
}

// addFree returns spans (sorted, not overlapping) with every span of
// extra (sorted by start) that overlaps none of them nor an extra kept
// before it, sorted.
func addFree(spans, extra []Span) []Span {
	added := false
	lastEnd := -1
	for _, x := range extra {
		if x.Start < lastEnd || !freeOf(spans, x) {
			continue
		}
		spans = append(spans, x)
		lastEnd = x.End
		added = true
	}
	if added {
		sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	}
	return spans
}

// freeOf reports whether x overlaps no span of spans, sorted and not
// overlapping (so their ends are sorted too): a binary search, not a scan.
func freeOf(spans []Span, x Span) bool {
	j := sort.Search(len(spans), func(k int) bool { return spans[k].End > x.Start })
	return j == len(spans) || spans[j].Start >= x.End
}

// gazetteerBodies returns the bodies the gazetteer names, leftmost-longest.
func (g *gazetteer) gazetteerBodies(text []rune) []Span {
	// next is where the next 部门 starts at or after the current position
	// (len(text) when none): a department can start only within
	// maxDepartment runes before one.
	next := -1
	var spans []Span
	var buf []int
	for i := 0; i < len(text); {
		if next < i {
			next = i
			for next+1 < len(text) && !(text[next] == department[0] && text[next+1] == department[1]) {
				next++
			}
			if next+1 >= len(text) {
				next = len(text)
			}
		}
		dept := next < len(text) && next-i <= maxDepartment
		if !g.mayStart(text, i, dept) {
			i++
			continue
		}
		end, inst, b := g.bodyAt(text, i, buf, dept)
		buf = b
		if end > i && inst && !g.givenTask(text, i, end) && !subjectWithDuty(text, i, end) {
			i = end
			continue
		}
		if end > i {
			spans = append(spans, Span{Start: i, End: end, Kind: Body})
			i = end
			continue
		}
		i++
	}
	return spans
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF
}

var (
	// directives give the institution after them a task: 鼓励用人单位…
	// (not 发挥: 发挥银行…等融资渠道作用 uses a role, it sets no task)
	directives = words("鼓励", "支持", "引导", "推动", "指导", "督促", "要求", "动员", "允许", "由", "依托", "授权", "赋予", "委托", "激励", "促进", "会同", "联合")
	// policyVerbs before a directive make it part of a policy's name.
	policyVerbs = words("落实", "完善", "出台", "实施", "制定", "健全", "执行", "贯彻")
	// modifiers may stand between a directive and the institution.
	modifiers = words("各类", "各级", "有条件的", "符合条件的", "全省", "省属", "民办", "公办", "优质", "更多", "广大", "一批", "各", "和", "引导", "鼓励", "支持", "地方", "省内", "驻粤", "所有", "相关", "有关", "著名", "知名", "骨干", "优秀", "国(境)内外", "国(境)外", "境内外", "境外")
	// taskWords after an institution make it the actor: 高校完善…, 用人单位应…
	// objectWords after an institution make it what is acted on, even after
	// a directive: 推动技师学院纳入…, 支持民办技工院校发展, 技工院校和….
	objectWords = words("纳入", "发展", "和", "及", "政策", "的", "建设", "职能", "负责人", "资源", "布局", "人事", "序列", "办学", "收费", "改革", "党组织", "党委", "招生", "学制", "数量", "规模", "覆盖面", "体系")
	// dutyWords after a party make it responsible: 企业应当, 经营者不得.
	dutyWords = words("应当", "应该", "必须", "须", "不得", "只能", "负责", "承担")
	taskWords = words("应", "要", "可", "须", "必须", "按", "依法", "积极", "主动", "负责", "承担", "开展", "建立", "健全", "完善", "提供", "落实", "做好", "参与", "打破", "发行", "招收", "提高", "创新", "开设", "实施", "不得", "根据")
)

// givenTask reports whether the institution type text[s:e] is given a task:
// a directive verb before it (only modifiers or other institutions of a list
// between) or a task word after it (after the rest of its list), and no
// word after it that makes it an object. 鼓励银行、医疗机构参与… gives all
// three a task.
func (g *gazetteer) givenTask(text []rune, s, e int) bool {
	if longestAt(text, e, objectWords) > 0 {
		return false
	}
	end := e
	for steps := 0; steps < 8 && end < len(text) && text[end] == '、'; steps++ {
		next := g.institution.ends(nil, text, end+1)
		if len(next) == 0 {
			break
		}
		end = next[len(next)-1]
	}
	if longestAt(text, end, taskWords) > 0 && g.opensClause(text, s) {
		return true
	}
	j := s
	for steps := 0; steps < 8 && j > 0; steps++ {
		if n := endsWithAt(text, j, directives); n > 0 {
			// 落实支持企业吸纳就业政策: a directive under a policy verb
			// names a policy, it gives no task.
			return endsWithAt(text, j-n, policyVerbs) == 0
		}
		if text[j-1] == '、' {
			k := g.listItemBefore(text, j-1)
			if k < 0 {
				return false
			}
			j = k
			continue
		}
		n := endsWithAt(text, j, modifiers)
		if n == 0 {
			return false
		}
		j -= n
	}
	return false
}

// opensClause reports whether the institution starting at text[s] is the
// subject of its clause: only modifiers, place names and earlier items of
// its list stand between it and a clause break (，。；：) or the start. A
// task word after an institution inside a list of other nouns (实施…计划、
// 重点高校招收…专项计划) or after a preposition (与国（境）外职业院校开展)
// makes no subject.
func (g *gazetteer) opensClause(text []rune, s int) bool {
	j := s
	for steps := 0; steps < 8; steps++ {
		if j == 0 {
			return true
		}
		r := text[j-1]
		if r == '、' {
			k := g.listItemBefore(text, j-1)
			if k < 0 {
				return false
			}
			j = k
			continue
		}
		if isClauseBreak(r) || !isHan(r) && !isDigit(r) || r == '和' || r == '及' || endsWithAt(text, j, directives) > 0 {
			return true
		}
		n := endsWithAt(text, j, modifiers)
		if n == 0 {
			n = g.placeEndingAt(text, j)
		}
		if n == 0 {
			n = regionEndingAt(text, j)
		}
		if n == 0 {
			return false
		}
		j -= n
	}
	return false
}

// regionEndingAt returns the length of a region ending at text[e]: up to
// eight Han runes ending in 地区 (粤东粤西粤北地区), back to a clause break,
// 和, 及 or a directive; 0 when none ends there.
func regionEndingAt(text []rune, e int) int {
	if e < 2 || !hasPrefixAt(text, e-2, []rune("地区")) {
		return 0
	}
	k := e - 2
	for k > 0 && k > e-10 && isHan(text[k-1]) && text[k-1] != '和' && text[k-1] != '及' && endsWithAt(text, k, directives) == 0 {
		k--
	}
	return e - k
}

// placeEndingAt returns the length of a [place] name ending at text[e], or 0.
func (g *gazetteer) placeEndingAt(text []rune, e int) int {
	for k := max(0, e-4); k < e; k++ {
		for _, end := range g.place.ends(nil, text, k) {
			if end == e {
				return e - k
			}
		}
	}
	return 0
}

// listItemBefore returns the start of an institution name ending at
// text[e], or -1.
func (g *gazetteer) listItemBefore(text []rune, e int) int {
	for k := e - 1; k >= 0 && k >= e-12; k-- {
		for _, end := range g.institution.ends(nil, text, k) {
			if end == e {
				return k
			}
		}
	}
	return -1
}

// dutyAt reports a modal that binds the party before text[i]: 应当, 必须,
// 不得 …, or 应 before a verb (应建立), not the 应 of 应收账款, 应用, 应急.
func dutyAt(text []rune, i int) bool {
	if longestAt(text, i, dutyWords) > 0 {
		return true
	}
	if i+1 < len(text) && text[i] == '应' {
		return !strings.ContainsRune("收付用急对答届变试征缴纳", text[i+1])
	}
	return false
}

// subjectWithDuty reports a party that opens its sentence and whose
// sentence then binds it by a modal: 燃气经营者改动市政燃气设施，应当…;
// 医疗机构作为药款结算第一责任人，应按合同规定….
func subjectWithDuty(text []rune, s, e int) bool {
	if s > 0 && !isSentenceEnd(text[s-1]) && text[s-1] != '\n' && text[s-1] != '：' && text[s-1] != ':' {
		return false
	}
	for k := e; k < len(text) && !isSentenceEnd(text[k]) && k-e < 40; k++ {
		if dutyAt(text, k) {
			return true
		}
	}
	return false
}

// mayStart reports whether a body can start at text[i]: its first two runes
// begin some name, or its first is a level alone (省 before 人力资源…厅), or
// a department's stem or function word can start there.
func (g *gazetteer) mayStart(text []rune, i int, dept bool) bool {
	r := text[i]
	if dept && g.deptStarts.has(r) {
		return true
	}
	if !g.starts.has(r) {
		return false
	}
	if g.short.has(r) || i+1 >= len(text) {
		return true
	}
	return g.pairs[[2]rune{r, text[i+1]}]
}
