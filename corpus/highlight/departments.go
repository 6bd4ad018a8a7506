package highlight

import "strings"

// Departments a level of government names in laws that the gazetteer need
// not know: by their subject (国务院专利行政部门) or by their task
// (县级以上人民政府负责住房保障工作的部门) — and never a government acting
// on a department (市人民政府会同中央金融管理部门).

// governments end the names a department named by its task may follow.
var governments = words("人民政府", "政府", "国务院")

// maxOwnStem bounds the stem of a department the gazetteer does not know.
const maxOwnStem = 6

// ownStemFunctions name a department after a stem of any subject:
// 国务院专利行政部门, 县级以上地方人民政府文物主管部门.
var ownStemFunctions = words("行政主管", "行政", "主管", "监督管理", "管理", "监管", "执法")

// stemStops end a stem: a list, a preposition, a possessive.
const stemStops = "的和与及或、等对在将把为被由向是其各该本有"

// namedByLevel returns the end of a department named by its subject after
// a level or a government (text[s] follows it) — a stem the gazetteer
// need not know, then a function and 部门: 国务院专利行政部门 — or s.
// Anchored to a level, a stem of a few plain runes is a subject, not a
// phrase: one that opens with a verb (县级以上人民政府督促监管部门,
// 省人民政府指定行政主管部门) or holds a modal or an agent word
// (…应当督促…, …会同…) is the government acting on a department.
func namedByLevel(text []rune, s int) int {
	if s < len(text) && (verbAt(text, s) || longestAt(text, s, levelVerbs) > 0) {
		return s
	}
	for k := s + 1; k <= s+maxOwnStem && k < len(text); k++ {
		if !isHan(text[k-1]) || strings.ContainsRune(stemStops, text[k-1]) || actsAt(text, k-1) {
			break
		}
		if n := longestAt(text, k, ownStemFunctions); n > 0 && hasPrefixAt(text, k+n, department) {
			return k + n + len(department)
		}
	}
	return s
}

// levelVerbs are what a government does to a department, besides the
// verbs that open any phrase: 指定, 督促, 配合, 支持 ….
var levelVerbs = words("指定", "督促", "配合", "支持", "建立", "设立", "委托", "授权", "批准", "统筹", "协调", "组织", "领导", "监督", "指导", "责成", "要求")

// actsAt reports a modal, an agent word or another inner stop at text[i]:
// what makes a stretch a clause, not a name.
func actsAt(text []rune, i int) bool {
	return dutyAt(text, i) || longestAt(text, i, agentWords) > 0 || longestAt(text, i, innerStops) > 0 || longestAt(text, i, ruleTasks) > 0
}

// taskOpeners open the task that names a department of a government:
// 地方人民政府管理专利工作的部门, 县级以上人民政府负责住房保障工作的部门.
var taskOpeners = words("负责", "管理", "主管")

// maxTask bounds such a task, in runes.
const maxTask = 16

// departmentEnds end a department named by its task.
var departmentEnds = words("的部门", "的机构", "的主管部门", "的行政部门")

// taskedByLevel returns the end of a department named by its task after
// a level or a government (text[s] follows it), or s. The task holds no
// department already named (省级人民政府主管部门应当…的机构), no modal and
// no agent word, and the department is no kind of text (…的部门规章).
func taskedByLevel(text []rune, s int) int {
	if longestAt(text, s, taskOpeners) == 0 || hasPrefixAt(text, s+2, department) {
		return s
	}
	for k := s + 2; k < len(text) && k-s <= maxTask; k++ {
		if n := longestAt(text, k, departmentEnds); n > 0 {
			if longestAt(text, k+n, departmentTexts) > 0 {
				return s
			}
			return k + n
		}
		if !isHan(text[k]) || strings.ContainsRune(taskStops, text[k]) || hasPrefixAt(text, k, department) || actsAt(text, k) {
			break
		}
	}
	return s
}

// taskStops end a task before its 的部门: a list or a clause's break.
const taskStops = "的和及或、，。；："

// departmentTexts after …的部门 make it a kind of text: 部门规章.
var departmentTexts = words("规章", "规定", "文件")
