package highlight

import (
	"sort"
	"strings"
)

// Parties that laws and regulations name by what they do rather than by an
// organ's name: 城建档案管理机构应当…, 社区卫生服务站和有条件的村卫生室应当…,
// 由原药品检验机构承担, 监察、房管、规划等行政管理部门. The gazetteer cannot
// list them; their shape and the duty the sentence gives them mark them.

// partyHeads end the name of a party a duty can bind: an organisation, not
// a person (经营者, 当事人 and 个人 are not bodies).
var partyHeads = words("机构", "机关", "单位", "企业", "团体", "协会", "商会", "公司", "集团", "中心",
	"社会组织", "行业组织", "服务组织", "中介组织", "经济组织", "自治组织", "基层组织", "群众组织",
	"服务站", "工作站", "卫生室", "卫生院", "医院", "学校", "委员会", "部门", "人民政府")

// genericStems make a party anyone at all when they are its whole stem:
// 有关单位, 该机构; anyWords whatever follows them: 任何政府部门.
var (
	genericStems = words("有关", "相关", "该", "本", "上述", "各类", "所在")
	anyWords     = words("任何", "其他", "其它", "一切")
)

// agentWords put the party after them to work: 由 X 承担, 会同 X 建立,
// 通知 X 抽查. (委托 and 授权 name whoever may be entrusted: 委托专业机构
// 进行管理 binds no one; 责令 names a party sanctioned, not responsible.)
var agentWords = words("由", "会同", "协同", "通知", "督促", "指定")

// verbAt reports a verb that opens a phrase at text[i], after an adverb
// if any (切实提升, 进一步加强), or an adverb that is a verb too (加快).
func verbAt(text []rune, i int) bool {
	a := longestAt(text, i, leadAdverbs)
	for _, vs := range []*wordSet{leadVerbs, directives, policyVerbs, taskWords} {
		if longestAt(text, i+a, vs) > 0 {
			return true
		}
	}
	return a > 0 && longestAt(text, i, leadVerbs) > 0
}

// leadAdverbs may stand before a phrase's verb.
var leadAdverbs = words("切实", "进一步", "大力", "着力", "不断", "积极", "努力", "全面", "持续", "有效", "逐步", "依法", "加快", "重点", "优先")

// leadVerbs open a verb phrase, not a name.
var leadVerbs = words("推进", "提高", "提升", "加强", "促进", "扩大", "培育", "发展", "加快", "深化", "优化", "强化",
	"做好", "帮助", "服务", "扶持", "吸引", "带动", "打造", "壮大", "规范", "整合", "保障", "确保", "加大", "增强",
	"聚焦", "围绕", "面向", "依托", "利用", "发挥", "培养", "建设", "组建", "设立", "扩展", "拓展",
	"明确", "梳理", "确定", "统筹", "突出", "实现", "收集", "争取", "破解", "参加", "重视", "请", "构建", "搭建",
	"激发", "降低", "总结", "吸收", "指导", "推广")

// adverbs before 组织 make it the verb: 统一组织, 负责组织.
var adverbs = words("统一", "共同", "分别", "积极", "负责", "依法", "认真", "及时", "按时", "定期", "具体", "优先")

// prepositions open a phrase that is no party even when it ends like
// one: 对违反规定的单位, 向所在单位.
const prepositions = "对向在将把被为按由与给但如若凡并且而的经是除)）"

// openers begin a phrase that is no name: 关于简化…企业 (a title), 其中
// 大型企业 and 前款规定的机构 (a reference), 新建大型数据中心 (a facility).
var openers = words("关于", "公告", "对于", "按照", "根据", "依照", "其中", "前款", "上款", "本款", "所有", "新建")

// listIn reports 、 和 及 与 or 或 inside text[s:e]: a list, judged item
// by item elsewhere.
func listIn(text []rune, s, e int) bool {
	for _, r := range text[s:e] {
		if strings.ContainsRune("、和及与或", r) {
			return true
		}
	}
	return false
}

// innerStops inside a phrase make it no name: a preposition or 会议
// (专项工作报告由人民政府, 主任会议决定印发常务委员会).
var innerStops = words("由", "为", "对", "向", "将", "把", "被", "给", "会议", "交由", "关于", "是", "在", "要", "应当", "应")

// maxParty bounds a party's name, in runes.
const maxParty = 16

// dutyParties returns a body span for every party named by its function
// that the sentence binds: the subject of a modal or of a law's rule word
// (…应当, …不得, …负责, …依法, …按照), alone or in a list, and the party
// an agent word puts to work (由原药品检验机构承担, 会同人力资源保障部门建立).
// Spans overlapping taken (sorted, not overlapping) are left out; the
// rest come sorted by start.
func dutyParties(text []rune, taken []Span) []Span {
	var out []Span
	add := func(s, e int) {
		if sp := (Span{Start: s, End: e, Kind: Body}); freeOf(taken, sp) {
			out = append(out, sp)
		}
	}
	for k := 0; k < len(text); k++ {
		if !dutyAt(text, k) && !taskAt(text, k) {
			continue
		}
		// The subject: back from the duty to its clause's start, split
		// at 、 和 及 或 into parties.
		start := k
		for start > 0 && k-start < 3*maxParty && !opensClauseAfter(text[start-1]) {
			start--
		}
		if start > 0 && !opensClauseAfter(text[start-1]) {
			continue // no clause start near: the words before are no subject
		}
		end := k
		if x := exceptionBefore(text, start); x > 0 {
			// 外资保险公司，除分立、合并外，不得解散: the exception stands
			// between the party and its duty.
			end, start = x-1, x-1
			for start > 0 && end-start < 3*maxParty && !opensClauseAfter(text[start-1]) {
				start--
			}
		}
		if start == end && start > 1 && text[start-1] == '，' && strings.ContainsRune("的前时", text[start-2]) {
			// …的，应当 / …前，应当: the duty follows a condition; its
			// subject opens the sentence (专利代理机构…发生变化的，应当…;
			// 危险化学品生产企业进行生产前，应当…).
			if e := conditionedSubject(text, start-1); e > 0 {
				start, end = subjectStart(text, start-1), e
			}
		}
		if verbAt(text, start) {
			continue // 推动…企业与工业企业开展: the parties are objects
		}
		for _, m := range headedMembers(text, members(text, start, end)) {
			if party(text, m[0], m[1]) {
				add(m[0], m[1])
			}
		}
	}
	for k := 0; k+1 < len(text); k++ {
		n := longestAt(text, k, agentWords)
		approves := n == 0 && text[k] == '经' && !strings.ContainsRune(notApprovalAfter, text[k+1]) &&
			(k == 0 || !strings.ContainsRune("神曾", text[k-1]))
		if approves {
			n = 1 // 经 X 批准: X approves, the only 经 that names a party
		}
		if n == 0 || n == 1 && (text[k+1] == '于' || k > 0 && strings.ContainsRune("理自经缘事来", text[k-1])) {
			continue // 由于, 理由, 自由, 经由
		}
		// 由 X 承担 / 会同 X 建立: X ends at its first head, a verb after
		// it (not 的 or a list's 和).
		from := k + n
		for e := from + 2; e <= len(text) && e-from <= maxParty && !isClauseBreak(text[e-1]); e++ {
			if endsWithAt(text, e, partyHeads) == 0 {
				continue
			}
			if e < len(text) && isHan(text[e]) && !strings.ContainsRune("的和或及与", text[e]) && party(text, from, e) && !listIn(text, from, e) &&
				(!approves || longestAt(text, e, approvals) > 0) {
				add(from, e)
			}
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// notApprovalAfter follow 经 in words that are no 经 X 批准: 经营, 经济,
// 经过, 经费, 经销, 经理, 经办, 经验, 经典, 经历, 经纪 (and 神经, 曾经 before it).
const notApprovalAfter = "营济过费销理办验典历纪纬"

// approvals follow the party 经 names as the one that approves or checks:
// 经国家外汇管理机关批准, 经具有相应资质的检验机构检验 (not 经营, 经过).
var approvals = words("批准", "同意", "核准", "审批", "审核", "许可", "授权", "认定", "备案", "检验", "检测", "鉴定")

// opensClauseAfter reports a rune a clause's subject can follow: a
// sentence end, a comma or a colon.
func opensClauseAfter(r rune) bool {
	return isSentenceEnd(r) || r == '，' || r == ',' || r == '：' || r == ':'
}

// taskAt reports a word after which the party before it acts as a rule
// has it act: 依法, 按照, 根据 (not the verbs of a policy's task chains,
// where 提升医疗机构开展… makes the party an object, nor 可以, which
// permits: 小微企业可以享受税收优惠).
func taskAt(text []rune, i int) bool {
	return longestAt(text, i, ruleTasks) > 0
}

// ruleTasks follow a party that a law's rule puts to work.
var ruleTasks = words("依法", "按照", "依照", "根据", "有权")

// members splits text[s:e] at 、 和 与 及 或 (and 以及, 或者) into the
// ranges of its parts.
func members(text []rune, s, e int) [][2]int {
	var out [][2]int
	from := s
	for i := s; i < e; i++ {
		n := 0
		switch {
		case text[i] == '、' || text[i] == '和' || text[i] == '及' || text[i] == '与':
			n = 1
		case text[i] == '或' && i+1 < e && text[i+1] == '者':
			n = 2
		case text[i] == '以' && i+1 < e && text[i+1] == '及':
			n = 2
		case text[i] == '或':
			n = 1
		}
		if n > 0 {
			out = append(out, [2]int{from, i})
			from = i + n
			i += n - 1
		}
	}
	return append(out, [2]int{from, e})
}

// maxCondition bounds a sentence's opening condition (X…的，), in runes.
const maxCondition = 80

// sentenceStart returns where the sentence holding text[i] starts, at
// most maxCondition runes back (i itself when none is near).
func sentenceStart(text []rune, i int) int {
	for s := i; s > 0 && i-s < maxCondition; s-- {
		if isSentenceEnd(text[s-1]) || text[s-1] == '\n' || text[s-1] == '：' {
			return s
		}
	}
	if i < maxCondition {
		return 0
	}
	return i
}

// exceptionBefore returns where an exception clause (除…外，) that ends
// just before text[i] opens, after the comma before it, or -1.
func exceptionBefore(text []rune, i int) int {
	if i < 3 || text[i-1] != '，' || text[i-2] != '外' {
		return -1
	}
	for s := i - 3; s >= 0 && i-s <= maxCondition; s-- {
		if opensClauseAfter(text[s]) && s > 0 {
			if text[s+1] == '除' && text[s] == '，' {
				return s + 1
			}
			return -1
		}
	}
	return -1
}

// subjectStart is where the party opening the sentence around text[i]
// starts: the sentence's start, after an exception clause that opens it
// (除经国家外汇管理机关批准外，外资保险公司…的，应当…).
func subjectStart(text []rune, i int) int {
	s := sentenceStart(text, i)
	if s < len(text) && text[s] == '除' {
		for j := s + 1; j+1 < i; j++ {
			if isClauseBreak(text[j]) {
				break
			}
			if text[j] == '外' && text[j+1] == '，' {
				return j + 2
			}
		}
	}
	return s
}

// conditionedSubject returns the end of the party that opens the sentence
// whose condition ends at text[c] (…的，), before its verb, or 0: the
// longest stretch ending in a party head with no clause break in it.
func conditionedSubject(text []rune, c int) int {
	s := subjectStart(text, c)
	if s == c {
		return 0
	}
	best := 0
	for e := s + 3; e <= c && e-s <= maxParty && !isClauseBreak(text[e-1]); e++ {
		if best > 0 && longestAt(text, e-1, innerStops) > 0 {
			break // 证券公司在境外设立机构的: the party ends before 在
		}
		if endsWithAt(text, e, partyHeads) > 0 && longestAt(text, e, staffWords) == 0 {
			best = e
		}
	}
	return best
}

// staffWords after an organ make the subject its staff (国家机关工作人员…的，
// 应当给予处分), not the organ.
var staffWords = words("工作人员", "人员", "职工", "负责人", "主要负责人", "干部")

// headedMembers joins to the member after it each member that has no
// party head and is joined to it by 和, 与 or 及: the two share the head
// (公共管理和服务机构, 建设和施工单位), where 、 lists parties of their own.
func headedMembers(text []rune, ms [][2]int) [][2]int {
	out := ms[:0:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		for i+1 < len(ms) && endsWithAt(text, m[1], partyHeads) == 0 && m[1] < len(text) &&
			strings.ContainsRune("和与及", text[m[1]]) && ms[i+1][0] == m[1]+1 {
			i++
			m[1] = ms[i][1]
		}
		out = append(out, m)
	}
	return out
}

// party reports whether text[s:e] names a party by its function: Han
// characters (and brackets) ending in a party head after a stem that is
// not generic (任何单位, 其他组织 are anyone), not opening with a
// preposition, no digits, at most maxParty runes.
func party(text []rune, s, e int) bool {
	if e-s < 3 || e-s > maxParty || strings.ContainsRune(prepositions, text[s]) && !hasAt(text, s, []rune("经营")) {
		return false // 经 opens 经…批准, but 经营人寿保险业务的外资保险公司 is a party
	}
	// A verb first makes a phrase that acts on the party: 推进小微企业,
	// 鼓励企业, 负责代表…机构.
	if verbAt(text, s) {
		return false
	}
	h := endsWithAt(text, e, partyHeads)
	if h == 0 || e-h-s < 1 {
		return false
	}
	if n := longestAt(text, s, genericStems); n > 0 && s+n >= e-h || longestAt(text, s, anyWords) > 0 {
		return false
	}
	for i := s + 1; i < e-h; i++ {
		if longestAt(text, i, innerStops) > 0 && !(text[i] == '应' && text[i-1] == '相') { // 具有相应资质的
			return false
		}
	}
	if text[e-1] == '织' && endsWithAt(text, e-h, adverbs) > 0 {
		return false // 统一组织实施: 组织 the verb
	}
	depth := 0
	for _, r := range text[s:e] {
		if !isHan(r) && r != '(' && r != ')' || r == '等' {
			return false // not a name, or a list (量子计算等领域算力企业)
		}
		if r == '(' {
			depth++
		} else if r == ')' {
			if depth--; depth < 0 {
				return false // cut inside brackets: 下同)以上人民政府
			}
		}
	}
	if depth != 0 || longestAt(text, s, openers) > 0 {
		return false // an unclosed bracket: （中国出口信用保险公司…
	}
	return true
}

// notActing reports a body that the text names only as a possessor of
// people (政府有关部门的工作人员) or their employer (在…部门任职的), as the
// assembly that passed a law (全国人民代表大会常务委员会第十一次会议), as
// the issuer of a text it cites (国务院《公共机构节能条例》, 最高人民法院
// 此前发布的司法解释) or the court whose judgment it names (人民法院的
// 判决): it is made to do nothing.
func notActing(text []rune, e int) bool {
	return longestAt(text, e, possessedPeople) > 0 || longestAt(text, e, possessedTexts) > 0 || sessionAt(text, e)
}

// possessedPeople after a body name its staff, not it.
var possessedPeople = words("的工作人员", "的负责人", "的主要负责人", "的人员", "的领导人员", "的职工", "的直接负责的主管人员",
	"任职", "供职")

// possessedTexts after a body name a text, a decision or a thing of its,
// not it.
var possessedTexts = words("《", "此前发布的", "发布的", "印发的", "制定的", "颁布的", "的判决", "的裁定", "的生效判决",
	// what it owns (市政府门户网站; not 市政府网站管理办公室, an organ of
	// its own); what it asked or decided (党中央、国务院决策部署, 省委、省政府
	// 工作要求) names its makers as bodies, as the seeds' labels have it
	"门户网站")

// sessionAt reports 第…次会议 at text[i].
func sessionAt(text []rune, i int) bool {
	if i >= len(text) || text[i] != '第' {
		return false
	}
	for k := i + 1; k < len(text) && k-i <= 5; k++ {
		if text[k] == '次' {
			return k+2 < len(text) && text[k+1] == '会' && text[k+2] == '议'
		}
		if !strings.ContainsRune("一二三四五六七八九十0123456789", text[k]) {
			return false
		}
	}
	return false
}
