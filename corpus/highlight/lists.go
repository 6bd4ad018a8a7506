package highlight

// Lists of departments that share one head word: 监察、房管、规划、工商、
// 公安等行政管理部门 names five departments by their stems and one 部门.

// departmentLists returns a body span for every list of departments that
// shares one head: 监察、房管、规划、工商、公安等行政管理部门,
// 市发展改革、经济信息化、商务…、司法行政等部门, 自然资源等部门 — from the
// list's first item to 部门.
func departmentLists(text []rune) []Span {
	var out []Span
	for k := 0; k+2 < len(text); k++ {
		if text[k] != '等' {
			continue
		}
		end := deptAfterEtc(text, k+1)
		if end < 0 {
			continue
		}
		// Back over the items to the clause's start or a word that
		// governs the list (会同, 由, 组织): the span takes the level
		// before the first item (县级以上人民政府卫生健康、民政等部门).
		s := k
		for s > 0 && k-s < maxList && (isHan(text[s-1]) || text[s-1] == '、' || text[s-1] == '(' || text[s-1] == ')') &&
			endsWithAt(text, s, listGovernors) == 0 && !verbEndsAt(text, s) {
			s--
		}
		if s > 0 && k-s >= maxList {
			continue
		}
		s += verbLen(text, s) // 加强医保、公安…等部门
		for s < k && (text[s] == '、' || text[s] == ')') {
			s++
		}
		if k-s >= 2 {
			out = append(out, Span{Start: s, End: end, Kind: Body})
		}
		k = end - 1
	}
	return out
}

// maxList bounds a department list with its level, in runes.
const maxList = 80

// listGovernors end right before a department list: 会同自然资源等部门,
// 由公安、交通运输等部门, 组织发展改革、财政等部门.
var listGovernors = words("会同", "协同", "联合", "由", "组织", "协调", "指导", "督促", "配合", "与", "或者", "并", "通知", "责令", "要求", "委托", "授权", "向", "对")

// verbEndsAt reports a duty or task word ending at text[e]: 应当, 负责.
func verbEndsAt(text []rune, e int) bool {
	return endsWithAt(text, e, dutyWords) > 0 || endsWithAt(text, e, taskWords) > 0
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
