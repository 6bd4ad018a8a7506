package highlight

import "strings"

// This file finds targets and figures: numbers with units, deadlines and
// level words, told apart by the tense of their sentence. All positions are
// indexes into the compacted rune slice (see compact).

// tense is what a sentence says about time.
type tense int

const (
	neutral tense = iota
	future
	past
)

// runeSet is a bitset over the Basic Multilingual Plane.
type runeSet [1024]uint64

func (b *runeSet) add(r rune) {
	if r >= 0 && r < 65536 {
		b[r>>6] |= 1 << (r & 63)
	}
}

func (b *runeSet) has(r rune) bool {
	return r < 0 || r >= 65536 || b[r>>6]&(1<<(r&63)) != 0
}

// wordSet is a small list of words with bitsets of their first and last
// runes, so that most positions are rejected with one lookup.
type wordSet struct {
	list        [][]rune
	first, last runeSet
}

func words(ws ...string) *wordSet {
	set := &wordSet{list: make([][]rune, len(ws))}
	for i, w := range ws {
		r := []rune(w)
		set.list[i] = r
		set.first.add(r[0])
		set.last.add(r[len(r)-1])
	}
	return set
}

var (
	// wordTargets are measures written without a digit: the majority a
	// law requires (过半数, 半数以上) and the doubling a plan sets (翻一番).
	wordTargets = words("过半数", "半数以上", "翻一番", "翻两番", "翻番", "双倍增长")
	// requiring words make a sentence one that requires what it states:
	// a majority there is a threshold (须经…过半数通过), elsewhere a fact
	// (半数以上的企业为中小微企业).
	requiring = words("应当", "必须", "须经", "须", "需经", "应", "不得", "方可", "才能", "当选")
	// strongPast marks a sentence that reports what happened.
	strongPast = words("截至", "截止", "以来", "年来", "已经", "目前", "此前", "过去", "去年", "同比", "先后", "已达", "已有", "已建成", "已实现")
	// normative words make a sentence a rule, whose 已经 sets a condition
	// (已经取得许可证的，予以注销) rather than reporting.
	normative = words("应当", "必须", "责令", "予以", "依法追究")
	// conditionalPast are the strong past words a rule's condition uses.
	conditionalPast = words("已经")
	// doneWords report what a year achieved: 已完成, 共办理.
	doneWords = words("已", "共计", "共办理", "共完成", "办结率", "完成年度目标")
	// weakPast marks a report unless the sentence also looks ahead.
	weakPast = words("累计", "位居", "居全国", "占全国", "均居")
	// futureWords mark a sentence that looks ahead.
	futureWords = words("力争", "确保", "每年", "今后", "未来", "预期", "到本世纪")
	// comparison verbs after 比…: 比2019年底增长33.7% reports a change.
	changeVerbs = words("增长", "增加", "提高", "下降", "减少", "降低", "上升", "提升")
	// levelWords bind a number as a commitment: 达到98%, 不低于50%.
	levelWords = words("达到", "达", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至",
		"降低到", "降低至", "下降到", "下降至", "降至", "压缩至", "压缩到", "缩短至", "缩短到", "控制在", "稳定在",
		"保持在", "不低于", "不少于", "不超过", "不高于", "低于", "高于", "超过", "至少", "力争", "突破", "扩大到", "扩大至",
		"年均", "每年", "增长", "提高", "人均", "最高", "最低", "至多",
		// The limits and terms laws set: 不得少于2人, 有效期为5年, 满三年.
		"少于", "多于", "不多于", "不得少于", "不得超过", "不得低于", "不得高于", "期为", "期限为")
	// commitVerbs bind the quantity of a clause as something to deliver.
	commitVerbs = words("建成", "建设", "新增", "培育", "培训", "打造", "实现", "招收", "开展", "扶持", "认定", "增加",
		"培养", "引进", "组建", "设立", "创建", "遴选", "选拔", "资助", "完成", "帮扶", "吸纳", "带动", "发放", "建立",
		"建有", "覆盖", "惠及", "举办", "扩大", "调训", "轮训", "备案", "取得", "促进", "推动")
	// qualifiers follow a quantity: 700万人次以上, 2个工作日内.
	qualifiers = words("及以上", "以上", "以内", "以下", "左右", "之内", "内")
	// units follow a number; 年 is handled separately.
	units = words("万人次", "人次", "万人", "人", "万元", "亿元", "元", "个工作日", "工作日", "个月", "个", "所", "家", "项",
		"张", "户", "名", "条", "台", "套", "座", "次", "倍", "天", "小时", "分钟", "岁", "类", "种", "批", "间", "亩",
		"公里", "平方米", "%", "‰", "本", "金", "银", "铜", "份", "场", "支", "网点", "站", "园", "班", "门", "篇", "册",
		"立方米", "吨", "度", "处", "日", "周岁", "分",
		// counts and physical units plans set targets in
		"件", "辆", "栋", "艘", "架", "公顷", "平方公里", "千米", "千瓦时", "万千瓦", "千瓦", "兆瓦", "个百分点", "百分点", "升")
	magnitudes = words("万", "亿", "千", "百")
	// beforeWords end a deadline: 2022年底前.
	beforeWords = words("以前", "之前", "前")
)

// hasAt reports whether w occurs at text[i].
func hasAt(text []rune, i int, w []rune) bool { return hasPrefixAt(text, i, w) }

// longestAt returns the length of the longest word of ws at text[i], or 0.
func longestAt(text []rune, i int, ws *wordSet) int {
	if i < 0 || i >= len(text) || !ws.first.has(text[i]) {
		return 0
	}
	best := 0
	for _, w := range ws.list {
		if len(w) > best && hasAt(text, i, w) {
			best = len(w)
		}
	}
	return best
}

// endsWithAt returns the length of the longest word of ws ending at text[e], or 0.
func endsWithAt(text []rune, e int, ws *wordSet) int {
	if e <= 0 || e > len(text) || !ws.last.has(text[e-1]) {
		return 0
	}
	best := 0
	for _, w := range ws.list {
		if len(w) > best && e-len(w) >= 0 && hasAt(text, e-len(w), w) {
			best = len(w)
		}
	}
	return best
}

func containsAny(text []rune, ws *wordSet) bool {
	for i := range text {
		if longestAt(text, i, ws) > 0 {
			return true
		}
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '!', '？', '?', '\n':
		return true
	}
	return false
}

func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '、', '：', ':', '(', ')', '《', '》', '—', '*', '\t':
		return true
	}
	// A control character (an escape sequence's ESC or BEL in a hostile
	// file) is never part of a phrase: a target never reaches back over it.
	return r < 0x20 || r == 0x7f || isSentenceEnd(r)
}

// number is a run of digits with decimal points, thousands commas and
// fraction slashes between digits: 85.2, 1/3, 4,070.
func numberEnd(text []rune, i int) int {
	j := i
	for j < len(text) {
		switch {
		case isDigit(text[j]):
			j++
		case (text[j] == '.' || text[j] == ',' || text[j] == '/') && j+1 < len(text) && isDigit(text[j+1]) && j > i:
			j++
		default:
			return j
		}
	}
	return j
}

// yearAt reports whether text[i:e] is a calendar year followed by 年.
func yearAt(text []rune, i, e int) bool {
	if e-i != 4 || e >= len(text) || text[e] != '年' {
		return false
	}
	y := yearOf(text[i:e])
	return y >= 1900 && y <= 2100
}

// dateEnd returns the end of a date starting with a year at i whose digits
// end at e: 2025年, 2025年底, 2022年6月底, 2022年前.
func dateEnd(text []rune, e int) (end int, before bool) {
	j := e + 1 // past 年
	if k := numberEnd(text, j); k > j && k < len(text) && text[k] == '月' {
		j = k + 1
	}
	if j < len(text) && (text[j] == '底' || text[j] == '末' || text[j] == '初' || text[j] == '中') {
		j++
	}
	if n := longestAt(text, j, beforeWords); n > 0 {
		return j + n, true
	}
	return j, false
}

// sentence is a run of text between sentence ends.
type sentence struct {
	start, end int
	tense      tense
	strong     bool // past by a strong marker
}

// sentenceTense classifies s, of a document dated in year (0: unknown).
func sentenceTense(text []rune, s, e, year int) (tense, bool) {
	seg := text[s:e]
	if containsAny(seg, strongPast) && onlyConditionalPast(seg) && containsAny(seg, normative) {
		// A rule binds: 已经取得…的予以注销 is a condition, not a report.
		return neutral, false
	}
	if containsAny(seg, strongPast) || lastYearIn(seg) || pastPeriodIn(seg, year) && !aheadOf(seg, year) || year > 0 && deadlinesBefore(seg, year) {
		return past, true
	}
	fut := containsAny(seg, futureWords) || periodEndIn(seg) || deadlineIn(seg)
	if fut {
		return future, false
	}
	if containsAny(seg, weakPast) || comparisonIn(seg) {
		return past, false
	}
	// 2024年，发布70项… in a plan of 2024 or before: the year's targets. A
	// report of the year (已完成…) stays one.
	if year > 0 && leadYear(seg) >= year && !containsAny(seg, doneWords) {
		return future, false
	}
	if datedIn(seg) {
		return past, false
	}
	return neutral, false
}

// planPeriods are the five-year plans' periods and the year each ends.
var planPeriods = []struct {
	name string
	end  int
}{{"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}}

// pastPeriodIn reports a segment naming a five-year plan's period that
// was over by year (“十三五”期间…达到 in a 2021 plan reports; in a 2016
// plan it looks ahead) — with no year, the 十一五 to 十三五 periods — other
// than as a baseline (在“十二五”基础上, 比“十三五”末).
func pastPeriodIn(seg []rune, year int) bool {
	for i := range seg {
		for _, p := range planPeriods {
			if !hasAt(seg, i, []rune(p.name)) {
				continue
			}
			over := year > p.end || year == 0 && p.end <= 2020
			if over && !baselineAt(seg, i, i+3) {
				return true
			}
		}
	}
	return false
}

// baselineAt reports a period named at seg[i:e] as the baseline of a
// change: 在“十二五”基础上, 比“十三五”末, 较“十三五”期末.
func baselineAt(seg []rune, i, e int) bool {
	if i > 0 && (seg[i-1] == '“' || seg[i-1] == '"') {
		i--
	}
	if e < len(seg) && (seg[e] == '”' || seg[e] == '"') {
		e++
	}
	if i == 0 || !strings.ContainsRune("在比较与", seg[i-1]) {
		return false
	}
	if hasAt(seg, e, []rune("末")) || hasAt(seg, e, []rune("期末")) {
		return true
	}
	// 在“十三五”(发展的)基础上: the baseline's words may come between.
	for k := e; k < len(seg) && k-e <= maxBaselineGap && !isClauseBreak(seg[k]); k++ {
		if hasAt(seg, k, []rune("基础")) {
			return true
		}
	}
	return false
}

// maxBaselineGap bounds the words between a period and its 基础上.
const maxBaselineGap = 6

// leadYear returns the year a sentence opens with, as a plan lists its
// targets year by year (2024年，发布70项…; 2025年，…基本形成), or 0.
func leadYear(seg []rune) int {
	e := 0
	for e < len(seg) && e < 4 && isDigit(seg[e]) {
		e++
	}
	if e != 4 || e+1 >= len(seg) || seg[e] != '年' || seg[e+1] != '，' {
		return 0
	}
	return yearOf(seg[:e])
}

// aheadOf reports a sentence with a deadline of year or later (到2030年 in
// a document of 2026): it looks ahead whatever period it names.
func aheadOf(seg []rune, year int) bool {
	return year > 0 && deadlineIn(seg) && !deadlinesBefore(seg, year)
}

// onlyConditionalPast reports a segment whose only strong past words are
// a rule's conditions (已经), with no date or figure of a report
// (截至, 同比, 以来 …) and no 上年.
func onlyConditionalPast(seg []rune) bool {
	for i := range seg {
		if n := longestAt(seg, i, strongPast); n > 0 && longestAt(seg, i, conditionalPast) != n {
			return false
		}
	}
	return !lastYearIn(seg)
}

// lastYearIn finds 上年 that reports last year (上年全省…), not the 上年度 a
// rule takes as its base (按上年度缴费额的60%, 不低于上年度使用量的80%).
func lastYearIn(seg []rune) bool {
	for i := 0; i+1 < len(seg); i++ {
		if seg[i] == '上' && seg[i+1] == '年' && (i+2 >= len(seg) || seg[i+2] != '度') {
			return true
		}
	}
	return false
}

// comparisonIn finds 比 … 增长 within a few runes: a change against a baseline.
func comparisonIn(seg []rune) bool {
	for i, r := range seg {
		if r != '比' && r != '较' || i+1 < len(seg) && strings.ContainsRune("重例率较高大好快为多少强低小", seg[i+1]) {
			continue
		}
		for j := i + 1; j < len(seg) && j <= i+14 && !isClauseBreak(seg[j]); j++ {
			if longestAt(seg, j, changeVerbs) > 0 {
				return true
			}
		}
	}
	return false
}

// deadlinesBefore reports a segment with a deadline (到2021年, 于2017年)
// whose every year is before year, and no 今年 or 明年: in a document of
// that year it reports what was reached by then. A year 以前 bounds a
// scope (对2023年以前应付未付的…), it reaches nothing.
func deadlinesBefore(seg []rune, year int) bool {
	if containsAny(seg, relativeYears) {
		return false
	}
	found := false
	for i := 0; i < len(seg); i++ {
		if !isDigit(seg[i]) || i > 0 && isDigit(seg[i-1]) {
			continue
		}
		e := numberEnd(seg, i)
		if yearAt(seg, i, e) {
			if yearOf(seg[i:e]) >= year {
				return false
			}
			if start, _, ok := deadline(seg, i, e); ok && start < i {
				found = true
			}
		}
		i = e
	}
	return found
}

// relativeYears name a year by the document's: a deadline in them is ahead.
var relativeYears = words("今年", "明年", "本年", "当年")

// yearOf reads four digits as a number.
func yearOf(digits []rune) int {
	y := 0
	for _, r := range digits {
		y = y*10 + int(r-'0')
	}
	return y
}

// deadlineIn finds 到2025年 or 2025年底前 in seg.
func deadlineIn(seg []rune) bool {
	for i := 0; i < len(seg); i++ {
		if !isDigit(seg[i]) || i > 0 && isDigit(seg[i-1]) {
			continue
		}
		e := numberEnd(seg, i)
		if yearAt(seg, i, e) {
			if _, _, ok := deadline(seg, i, e); ok {
				return true
			}
		}
		i = e
	}
	return false
}

// datedIn finds a year that is not a deadline and not inside a title: a
// dated sentence (2020年香港籍毕业生报名20人) reports a fact.
func datedIn(seg []rune) bool {
	depth := 0
	for i := 0; i < len(seg); i++ {
		switch seg[i] {
		case '《', '〔', '[':
			depth++
		case '》', '〕', ']':
			depth = max(0, depth-1)
		}
		if depth > 0 || !isDigit(seg[i]) || i > 0 && isDigit(seg[i-1]) {
			continue
		}
		e := numberEnd(seg, i)
		if _, eff := effectiveDate(seg, i, e); eff {
			i = e
			continue
		}
		if yearAt(seg, i, e) {
			if _, _, ok := deadline(seg, i, e); !ok && !hasAt(seg, e+1, []rune("远景")) && !(i > 0 && (seg[i-1] == '至' || seg[i-1] == '望' || seg[i-1] == '定')) && !(e+1 < len(seg) && seg[e+1] == '至') {
				return true
			}
		}
		i = e
	}
	return false
}

// deadline reports a deadline around the year at text[i:e]: 到2025年,
// 力争到2025年底, 2022年前. It returns the span of the deadline.
func deadline(text []rune, i, e int) (start, end int, ok bool) {
	end, before := dateEnd(text, e)
	start = i
	if i > 0 && (text[i-1] == '到' || text[i-1] == '于') {
		// 截止到, 直到 start a report, not a deadline.
		if i > 1 && (text[i-2] == '止' || text[i-2] == '至' || text[i-2] == '直') {
			return 0, 0, false
		}
		start = i - 1
		ok = true
		if start >= 2 && hasAt(text, start-2, []rune("力争")) {
			start -= 2
		}
	}
	if before || timeLimitBefore(text, i) {
		ok = true
	}
	return start, end, ok
}

// onSchedule reports 如期 or 按期 at text[i] as a commitment to keep a
// schedule: not a failure to keep it (未按期, 逾期), nor 按 before another
// word (按期末余额, 按期间).
func onSchedule(text []rune, i int) bool {
	if !hasAt(text, i, []rune("如期")) && !hasAt(text, i, []rune("按期")) {
		return false
	}
	if i > 0 && strings.ContainsRune("未不逾", text[i-1]) {
		return false
	}
	return i+2 >= len(text) || !strings.ContainsRune("末间限满", text[i+2])
}

// wordTargetAt returns the length of the word target at text[i] in the
// sentence text[s:e] of tense t, or 0: a majority or share only where the
// sentence requires it (requiring) or looks ahead, and never across a
// word (通过|半数, 不超过|半数: a cap, not a majority).
func wordTargetAt(text []rune, s, e, i int, t tense) int {
	n := longestAt(text, i, wordTargets)
	if n == 0 {
		return 0
	}
	if text[i] == '过' && i > 0 && (text[i-1] == '通' || text[i-1] == '超') {
		return 0
	}
	if (text[i] == '过' || text[i] == '半') && t != future && !containsAny(text[s:e], requiring) {
		return 0
	}
	return n
}

// timeLimitLabels label the date a task is due by in a plan's table or
// list: 完成时限：2021年10月, 完成时间：2022年6月.
var timeLimitLabels = words("完成时限", "完成时间", "时限要求", "办结时限", "时限")

// timeLimitBefore reports a time-limit label and its colon right before
// text[i].
func timeLimitBefore(text []rune, i int) bool {
	if i < 3 || text[i-1] != '：' && text[i-1] != ':' {
		return false
	}
	return endsWithAt(text, i-1, timeLimitLabels) > 0
}

// periodEndIn finds “十四五”期末 not used as a baseline.
func periodEndIn(seg []rune) bool {
	for i := range seg {
		if s, _, ok := periodEnd(seg, i); ok && s >= 0 {
			return true
		}
	}
	return false
}

// periodEnd reports a five-year-plan end (“十四五”期末) whose 期末 starts at
// text[i], returning its span; a baseline after 比/较 does not count.
func periodEnd(text []rune, i int) (start, end int, ok bool) {
	if !hasAt(text, i, []rune("期末")) {
		return 0, 0, false
	}
	j := i
	if j > 0 && (text[j-1] == '”' || text[j-1] == '"') {
		j--
	}
	if j == 0 || text[j-1] != '五' {
		return 0, 0, false
	}
	j--
	for j > 0 && isHanNumeral(text[j-1]) {
		j--
	}
	if j > 0 && (text[j-1] == '“' || text[j-1] == '"') {
		j--
	}
	if j > 0 {
		switch text[j-1] {
		case '比', '较', '与', '至', '自', '从':
			return 0, 0, false
		}
	}
	return j, i + 2, true
}

func isHanNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// findMeasures returns target and figure spans of text; bodies are the body
// spans already found, which measures never cover. A report (text known to
// tell the past) has figures and no targets.
func findMeasures(text []rune, bodies []Span, report bool, year int) []Span {
	if !measureCandidate(text) {
		return nil // no number, numeral, 如期, 按期, 期末 or a word target: nothing to measure
	}
	inBody := make([]bool, len(text)+1)
	for _, b := range bodies {
		for k := b.Start; k < b.End; k++ {
			inBody[k] = true
		}
	}
	var out []Span
	var sents []sentence
	anyPast, anyFuture := false, false
	tables := false
	for ls := 0; ls < len(text); {
		le, tabs := lineEnd(text, ls)
		if tabs >= 2 {
			tables = true
		} else {
			for s := ls; s < le; {
				e := s
				for e < le && !isSentenceEnd(text[e]) {
					e++
				}
				if e < le {
					e++
				}
				t, strong := sentenceTense(text, s, e, year)
				anyPast = anyPast || t == past
				anyFuture = anyFuture || t == future
				sents = append(sents, sentence{start: s, end: e, tense: t, strong: strong})
				s = e
			}
		}
		ls = le + 1
	}
	for _, s := range sents {
		t := s.tense
		if report || t == neutral && anyPast && !anyFuture {
			t = past
		}
		// Only a sentence that itself looks past by a weak sign (a date, a
		// comparison) lets a limit word keep its limits: never a report, a
		// strong past or a neutral sentence in a paragraph that reports.
		weak := !report && s.tense == past && !s.strong
		lead := t == future && year > 0 && leadYear(text[s.start:s.end]) >= year
		out = measuresIn(text, s.start, s.end, t, weak, lead, inBody, out)
	}
	if tables {
		out = append(out, tableSpans(text, report)...)
	}
	return out
}

// measuresIn appends the targets and figures of the sentence text[s:e];
// lead says it opens a plan's year-by-year list with a year still ahead
// (2024年，发布70项…), which is then a target.
func measuresIn(text []rune, s, e int, t tense, weak, lead bool, inBody []bool, out []Span) []Span {
	lastEnd := s // no target extends back over an earlier span
	add := func(sp Span) {
		out = append(out, sp)
		lastEnd = sp.End
	}
	for i := s; i < e; i++ {
		r := text[i]
		if inBody[i] {
			lastEnd = max(lastEnd, i+1)
			continue
		}
		switch {
		case r == '期' && t != past:
			if ps, pe, ok := periodEnd(text, i); ok && ps >= lastEnd {
				add(Span{Start: ps, End: pe, Kind: Target})
				i = pe - 1
			}
			continue
		case (r == '如' || r == '按') && t != past && onSchedule(text, i):
			add(Span{Start: i, End: i + 2, Kind: Target})
			i++
			continue
		case t != past && wordTargets.first.has(r):
			// A share or a growth a rule or a plan sets without a digit:
			// 过半数, 半数以上, 翻一番.
			if n := wordTargetAt(text, s, e, i, t); n > 0 && i >= lastEnd {
				add(Span{Start: i, End: i + n, Kind: Target})
				i += n - 1
			}
			continue
		case isHanDigit(r) && (i == s || !isHanDigit(text[i-1])):
			// A limit written in Chinese numerals, as laws write them:
			// 五百元以下, 三十个工作日内, 二十五度以上, 至少一次.
			if me, ok := hanMeasure(text, i, e, inBody); ok {
				lw, lwStart := levelBefore(text, clauseStart(text, s, i), i)
				if t == past && !(lw && weak) {
					add(Span{Start: i, End: me, Kind: Figure})
				} else {
					start := i
					if lw && lwStart >= lastEnd {
						start = lwStart
					}
					add(Span{Start: start, End: me, Kind: Target})
				}
				i = me - 1
			}
			continue
		case !isDigit(r) || i > s && (isDigit(text[i-1]) || text[i-1] == '.'):
			continue
		}
		ne := numberEnd(text, i)
		if ne > e {
			ne = e
		}
		if me, ok := monthDeadline(text, i, ne, e); ok {
			// 6月底前, 9月30日前: a deadline within the year.
			if t != past && i >= lastEnd {
				add(Span{Start: i, End: me, Kind: Target})
			}
			i = me - 1
			continue
		}
		if ee, ok := effectiveDate(text, i, ne); ok {
			// 自2024年1月1日起实施整改: when a duty starts. The day a text
			// comes into force (自2021年3月1日起施行, …生效) binds no one
			// to anything; as a target every law of a library would fill
			// the targets table.
			if t != past && i-1 >= lastEnd && longestAt(text, ee, commencement) == 0 {
				add(Span{Start: i - 1, End: min(ee, e), Kind: Target})
			}
			i = min(ee, e) - 1
			continue
		}
		if yearAt(text, i, ne) {
			ds, de, ok := deadline(text, i, ne)
			if !ok && lead && i == s {
				ds, de, ok = i, ne+1, true // 2024年，发布70项…: the year of a plan's list
			}
			if ok && t != past && ds >= lastEnd {
				add(Span{Start: ds, End: min(de, e), Kind: Target})
			}
			i = max(i, min(de, e)-1)
			continue
		}
		// 6—12个月, 10～15%: a range is one measure, a standard a rule sets.
		ranged := false
		if ne+1 < e && strings.ContainsRune("—–-~～至", text[ne]) && isDigit(text[ne+1]) && !(i > 0 && excludedNumber(text, i, i)) {
			ne2 := min(numberEnd(text, ne+1), e)
			if _, unit2, _ := measureEnd(text, ne2, e); unit2 {
				ne, ranged = ne2, true
			}
		}
		if !ranged && excludedNumber(text, i, ne) {
			i = ne - 1
			continue
		}
		me, hasUnit, qual := measureEnd(text, ne, e)
		qual = qual || ranged
		if !hasUnit && !qual {
			i = ne - 1
			continue
		}
		if me > ne && inBody[me-1] {
			i = ne - 1
			continue
		}
		nt := t // this number's tense
		if t == past && weak {
			// A limit word keeps a limit a limit in a sentence that only
			// looks past (a date, a comparison): 不超过90天, 不少于3种.
			cs0 := clauseStart(text, s, i)
			if lw, _ := levelBefore(text, cs0, i); lw && limitBefore(text, cs0, i) {
				nt = neutral
			}
		}
		if nt == past {
			add(Span{Start: i, End: me, Kind: Figure})
			i = me - 1
			continue
		}
		// 300万以下的城市, 300万以下城市: a threshold that defines a group.
		// 300万以下的城市 names a group; 处3万元以下的罚款 is the limit a law
		// sets, and so is a threshold after a limit word (居住累计不超过
		// 90天的, 费率不超过1%的).
		attributive := me < e && (text[me] == '的' ||
			isHan(text[me]) && (bareMagnitude(text, ne, me) || hasAt(text, me-2, []rune("以下"))))
		if attributive && (text[me] == '的' && longestAt(text, me+1, sanctions) > 0 || longestAt(text, me, sanctions) > 0 || limitBefore(text, clauseStart(text, s, i), i) || perUnitBefore(text, s, i) || rateAfter(text, me)) {
			attributive = false
		}
		// 建设A、B等20个基地: a count closing a list is bound only by a
		// commitment verb in the list's head, and the span is the count alone.
		counted := i > s && text[i-1] == '等'
		if attributive || counted && !verbBeforeList(text, listStart(text, s, i), i) {
			i = me - 1
			continue
		}
		if counted {
			add(Span{Start: i, End: me, Kind: Target})
			i = me - 1
			continue
		}
		cs := clauseStart(text, s, i)
		lw, lwStart := levelBefore(text, cs, i)
		// 标准的80% is a share of something; 设置标准的3所 still a count.
		share := i > 0 && text[i-1] == '的' && me > ne && (text[me-1] == '%' || text[me-1] == '‰')
		if share && !lw {
			// 超过其应纳税所得额的15%, 提高至平均工资的60%: a share
			// bound by a threshold word of its clause is a limit.
			lw, lwStart = thresholdBefore(text, cs, i)
		}
		// 按…60%返还, 按2‰收取: a rate a rule applies.
		rate := me > ne && (text[me-1] == '%' || text[me-1] == '‰') && rateBefore(text, cs, i)
		// 应当减除费用6万元, 每人每月1500元: an amount a rule sets.
		amount := me > ne && text[me-1] == '元' && ruleBefore(text, s, i)
		// 日常监测（60%）, （0.5分）: a weight or a score an assessment rule
		// gives its item.
		weight := hasUnit && i > 0 && text[i-1] == '(' && me < len(text) && text[me] == ')'
		bound := qual || lw || rate || amount || weight || nt == future || !share && verbIn(text, cs, i)
		if !bound {
			i = me - 1
			continue
		}
		start := cs
		if lastEnd > cs {
			// A second quantity of the clause: 建成20所…和30所.
			start = i
			if lw {
				start = max(lwStart, lastEnd)
			}
		}
		for start < i && strings.ContainsRune("和与及并且、", text[start]) {
			start++
		}
		if i-start > 24 {
			start = i
			if lw {
				start = lwStart
			}
		}
		add(Span{Start: start, End: me, Kind: Target})
		i = me - 1
	}
	return out
}

// excludedNumber reports numbers that are no measure: citation and clause
// numbers (第1764号, 〔2021〕32号, 1., （3）), dates, codes (2+6+N), ratios.
func excludedNumber(text []rune, i, ne int) bool {
	if i > 0 {
		switch text[i-1] {
		case '第', '〔', '+', '图', '表', '号', '-', '—', '~', '～':
			return true
		}
		if isLatin(text[i-1]) {
			return true
		}
		if i > 1 && (hasAt(text, i-2, []rune("专栏")) || hasAt(text, i-2, []rune("附件"))) {
			return true
		}
	}
	if ne < len(text) {
		if text[ne] == '日' && !(i > 0 && text[i-1] == '月') && longestAt(text, ne+1, withinWords) > 0 {
			return false // 30日内: a term of days, not a day of the month
		}
		switch text[ne] {
		case '+', '号', '〕', '章', '节', '条', '款', ':', '：', '月', '日', '时', '-', '—', '~', '～', '.', '、':
			return true
		}
		if isLatin(text[ne]) {
			return true
		}
		if text[ne] == ')' && i > 0 && text[i-1] == '(' {
			return true
		}
	}
	return false
}

// withinWords after N日 make it a term: 30日内, 15日以内.
var withinWords = words("内", "以内", "之内")

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// measureEnd parses the unit and qualifier after a number ending at ne:
// 万人次以上, 个工作日内, %左右, 万多个.
func measureEnd(text []rune, ne, limit int) (end int, hasUnit, qual bool) {
	j := ne
	// A unit that opens with a magnitude's character (千瓦, 百分点) is the
	// unit, not a magnitude before one.
	if n := longestAt(text, j, magnitudes); n > 0 && longestAt(text, j, units) <= n {
		j += n
		hasUnit = true
	}
	if j < limit && (text[j] == '多' || text[j] == '余') {
		j++
	}
	if n := longestAt(text, j, units); n > 0 && !verbUnitAt(text, j, n) {
		j += n
		hasUnit = true
	} else if j < limit && text[j] == '年' && ne-numberStart(text, ne) <= 2 {
		j++
		hasUnit = true
	}
	if !hasUnit && j == ne && isFraction(text[numberStart(text, ne):ne]) {
		hasUnit = true // 占全国1/6: a proper fraction is a measure by itself
	}
	if n := longestAt(text, j, qualifiers); n > 0 && (hasUnit || text[j] != '内') {
		j += n
		qual = true
	}
	return min(j, limit), hasUnit, qual
}

// verbUnitAt reports a unit at text[j:j+n] that is a verb's first
// character instead: 升 in 由85.5升至90分, 升到, 升为.
func verbUnitAt(text []rune, j, n int) bool {
	return n == 1 && text[j] == '升' && j+1 < len(text) && strings.ContainsRune("至到为高级值", text[j+1])
}

// isFraction reports a proper fraction of small numbers: 1/3, 2/5; not a
// date (2021/4/25) nor a code (100/7).
func isFraction(num []rune) bool {
	k := -1
	for p, r := range num {
		switch {
		case r == '/' && k < 0:
			k = p
		case !isDigit(r):
			return false
		}
	}
	if k <= 0 || k == len(num)-1 || len(num)-k-1 > 3 {
		return false
	}
	a, b := 0, 0
	for _, r := range num[:k] {
		a = a*10 + int(r-'0')
	}
	for _, r := range num[k+1:] {
		b = b*10 + int(r-'0')
	}
	return a > 0 && a < b
}

func numberStart(text []rune, ne int) int {
	i := ne
	for i > 0 && (isDigit(text[i-1]) || text[i-1] == '.' || text[i-1] == ',' || text[i-1] == '/') {
		i--
	}
	return i
}

// maxClause bounds how far back a clause is looked for, so that text
// without punctuation costs linear time.
const maxClause = 64

// clauseStart returns the start of the clause holding text[i], not before s
// and not more than maxClause runes back.
func clauseStart(text []rune, s, i int) int {
	j := i
	for j > s && j > i-maxClause && !isClauseBreak(text[j-1]) {
		j--
	}
	return j
}

// listStart is clauseStart for a clause holding a list: 、 does not break it.
func listStart(text []rune, s, i int) int {
	j := i
	for j > s && j > i-maxClause && (text[j-1] == '、' || !isClauseBreak(text[j-1])) {
		j--
	}
	return j
}

// verbBeforeList reports a commitment verb in the head of the list clause
// text[ls:i], before its first item ends: verbs inside the items
// (博士工作站设立等10余项) bind nothing.
func verbBeforeList(text []rune, ls, i int) bool {
	e := ls
	for e < i && text[e] != '、' {
		e++
	}
	return verbIn(text, ls, e)
}

// levelBefore finds a level word ending within four runes before i in the
// clause starting at cs: 达98%, 提高到每人每月180元.
func levelBefore(text []rune, cs, i int) (bool, int) {
	if k := fullTermAt(text, cs, i); k >= 0 {
		return true, k
	}
	for e := i; e >= cs && e >= i-4; e-- {
		if e < i && text[e] == '的' {
			return false, 0
		}
		if n := endsWithAt(text, e, levelWords); n > 0 && e-n >= cs {
			return true, e - n
		}
	}
	return false, 0
}

// fullTermAt returns where a term a law sets by 满 starts when 满 stands
// right before the number at text[i] (满四年, 年满十八周岁, 未满一年), or -1:
// 满足三个条件, 满分100分, 充满电8小时 are other words.
func fullTermAt(text []rune, cs, i int) int {
	k := i - 1
	if k < cs || text[k] != '满' {
		return -1
	}
	if k > cs && strings.ContainsRune("充填圆美自", text[k-1]) {
		return -1
	}
	if k > cs && strings.ContainsRune("未不", text[k-1]) {
		k-- // 未满十八周岁: the negation is the term's
	}
	return k
}

// thresholdWords bind a share (X的15%) from anywhere in its clause.
var thresholdWords = words("超过", "不超过", "高于", "不高于", "低于", "不低于", "少于", "不少于", "多于", "不多于",
	"达到", "提高至", "提高到", "降低至", "降低到", "降至", "控制在")

// thresholdBefore finds a threshold word in text[cs:i], returning its start.
func thresholdBefore(text []rune, cs, i int) (bool, int) {
	for k := cs; k < i; k++ {
		if longestAt(text, k, thresholdWords) > 0 {
			return true, k
		}
	}
	return false, 0
}

// verbIn reports a commitment verb in text[cs:i].
func verbIn(text []rune, cs, i int) bool {
	for k := cs; k < i; k++ {
		if longestAt(text, k, commitVerbs) > 0 {
			return true
		}
	}
	return false
}

// bareMagnitude reports a quantity whose only unit is 万 or 亿: 300万.
func bareMagnitude(text []rune, ne, me int) bool {
	n := longestAt(text, ne, magnitudes)
	if n == 0 {
		return false
	}
	j := ne + n
	return j == me || longestAt(text, j, qualifiers) == me-j
}

// sanctions and grants after 的 make a threshold the limit a rule sets:
// 处3万元以下的罚款, 最高100万元的补贴.
var sanctions = words("罚款", "罚金", "滞纳金", "补贴", "奖励", "补助", "资助", "拘留", "有期徒刑", "拘役", "违约金", "赔偿")

// isHanDigit reports a rune of a number written in Chinese.
func isHanDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// hanUnits follow a number written in Chinese that is a measure by its
// unit alone: money, time, area, volume, slope. Counts (个, 项, 次, 处 …)
// need a qualifier or a level word: 建立一项制度 is no measure.
var hanUnits = words("万元", "亿元", "元", "个工作日", "工作日", "个月", "日", "天", "小时", "周岁", "度", "立方米", "平方米", "亩", "公里", "米", "吨", "倍")

// hanCountUnits are counts, measures only with a qualifier or a level word:
// 两处以上, 至少一次.
var hanCountUnits = words("个", "项", "次", "处", "人", "名", "家", "所", "种", "年", "周")

// hanMeasure reads a measure written in Chinese numerals at text[i]:
// 五百元以下, 三千元以上, 三十个工作日内, 提前十日, 六十万立方米, 两处以上,
// 至少一次. It returns the end of the measure; ok is false for a numeral
// that is part of a word (统一, 进一步, 第三十条, 一是), a date (三月十日) or a
// count with nothing to bind it.
func hanMeasure(text []rune, i, e int, inBody []bool) (int, bool) {
	if i > 0 && strings.ContainsRune("第统进唯单同初周期逐之星万专届月点", text[i-1]) {
		return 0, false // a word (统一, 进一步), an ordinal, a date, a decimal (一点五米)
	}
	ne := i
	for ne < e && ne-i < 10 && isHanDigit(text[ne]) {
		ne++
	}
	if ne < e && text[ne] == '是' || inBody[i] {
		return 0, false
	}
	// 百分之三十, 三分之二: a share a rule sets, a measure by itself.
	if k := hanShareEnd(text, i, ne, e); k > 0 {
		return k, true
	}
	// 二至三倍, 五至十日: a range is one measure, bound by its range.
	ranged := false
	if ne+1 < e && text[ne] == '至' && isHanDigit(text[ne+1]) {
		k := ne + 1
		for k < e && k-ne <= 10 && isHanDigit(text[k]) {
			k++
		}
		if longestAt(text, k, hanUnits)+longestAt(text, k, hanCountUnits) > 0 {
			ne, ranged = k, true
		}
	}
	j := ne
	unit := longestAt(text, j, hanUnits)
	count := 0
	if unit == 0 {
		count = longestAt(text, j, hanCountUnits)
	}
	if unit+count == 0 {
		return 0, false
	}
	j += unit + count
	if j < e && strings.ContainsRune("性级期届部", text[j]) {
		return 0, false // 一次性, 一级, 一期: a word, not a measure
	}
	qual := longestAt(text, j, qualifiers)
	if qual == 0 && unit > 0 && j < e && text[j] == '前' && longestAt(text, j-unit, dayUnits) == unit {
		qual = 1 // 届满九十日前, 终止经营三十日前: a deadline
	}
	if qual > 0 {
		j += qual
	}
	// Only a qualifier, a level word or a rule binds a bare numeral: 一元化,
	// 万元GDP, 百日攻坚, 一日游 and 三元桥 are words, 五百元以下 and 至少一次 are
	// measures, and so is 每月五十元; a multiple (三倍) and a range are
	// measures by themselves.
	if qual == 0 && !ranged && !hasAt(text, ne, []rune("倍")) {
		lw, _ := levelBefore(text, max(0, i-4), i)
		if !lw && !(unit > 0 && ruleBefore(text, max(0, i-12), i)) {
			return 0, false
		}
	}
	if unit > 0 && text[ne] == '日' && i > 0 && text[i-1] == '月' {
		return 0, false
	}
	return min(j, e), true
}

// dayUnits count days: 九十日前 is a deadline, 三年前 a time ago.
var dayUnits = words("日", "天", "个工作日", "工作日")

// hanShareEnd returns the end of a share written in Chinese at text[i]
// (百分之三十, 三分之二, and a qualifier after it: 三分之二以上), the
// numeral before 分之 ending at ne; 0 when there is none.
func hanShareEnd(text []rune, i, ne, e int) int {
	k := ne
	if k+2 > e || text[k] != '分' || text[k+1] != '之' {
		return 0
	}
	k += 2
	d := k
	for d < e && d-k < 6 && isHanDigit(text[d]) {
		d++
	}
	if d == k {
		return 0
	}
	return d + longestAt(text, d, qualifiers)
}

// limitWords before a number make it a limit a rule sets.
var limitWords = words("不超过", "不低于", "不少于", "不高于", "不多于", "不足", "最高", "最低", "至多", "至少", "低于", "少于", "高于", "超过")

// limitBefore reports a limit word within a few runes before text[i].
func limitBefore(text []rune, cs, i int) bool {
	for e := i; e >= cs && e >= i-6; e-- {
		if endsWithAt(text, e, limitWords) > 0 {
			return true
		}
	}
	return false
}

// rateBefore reports 按 (or 依照) in the clause before a rate: 按60%返还,
// 依照4.65%的综合计征率计征.
func rateBefore(text []rune, cs, i int) bool {
	for k := max(cs, i-12); k < i; k++ {
		if text[k] == '按' || text[k] == '依' && k+1 < i && text[k+1] == '照' {
			return true
		}
	}
	return false
}

// rateAfter reports a rate named right after a percentage and its 的:
// 4.65%的综合计征率, 3%的税率 — the percentage is the rate itself.
func rateAfter(text []rune, me int) bool {
	if me >= len(text) || text[me] != '的' {
		return false
	}
	for k := me + 1; k < len(text) && k <= me+7 && isHan(text[k]); k++ {
		if text[k] == '率' {
			return true
		}
	}
	return false
}

// monthDeadline reads a deadline within the year at the number text[i:ne]:
// 6月底, 6月底前, 9月30日前, 12月中旬. ok is false for any other date.
func monthDeadline(text []rune, i, ne, e int) (int, bool) {
	if ne >= e || text[ne] != '月' || ne-i > 2 || i > 0 && text[i-1] == '年' {
		return 0, false
	}
	j := ne + 1
	for _, w := range []string{"底前", "底", "末前", "末", "中旬前", "中旬", "上旬", "下旬前", "下旬"} {
		if hasAt(text, j, []rune(w)) {
			return min(j+len([]rune(w)), e), true
		}
	}
	if k := numberEnd(text, j); k > j && k+1 < e && text[k] == '日' && (text[k+1] == '前' || hasAt(text, k+1, []rune("以前"))) {
		if text[k+1] == '前' {
			return k + 2, true
		}
		return k + 3, true
	}
	return 0, false
}

// perUnitBefore reports a rate per unit right before a number: 每人每月1500元.
func perUnitBefore(text []rune, s, i int) bool {
	for k := i - 1; k >= s && k >= i-6; k-- {
		if text[k] == '每' {
			return true
		}
	}
	return false
}

// ruleWords make the amounts of their sentence amounts a rule sets.
var ruleWords = words("应当", "必须", "不得", "每人每月", "每人每年", "每月", "每人", "每户", "每年", "标准为", "标准", "补贴", "补助", "奖励", "罚款", "按照")

// ruleWindow bounds how far back a rule word binds an amount.
const ruleWindow = 30

// ruleBefore reports a rule word in the sentence before text[i], within
// ruleWindow runes.
func ruleBefore(text []rune, s, i int) bool {
	for k := max(s, i-ruleWindow); k < i; k++ {
		if longestAt(text, k, ruleWords) > 0 {
			return true
		}
	}
	return false
}

// measureCandidate reports whether text holds anything a measure can start
// with: a digit, a Chinese numeral, 如 (如期) or 期 (期末).
func measureCandidate(text []rune) bool {
	for _, r := range text {
		if isDigit(r) || isHanDigit(r) || r == '如' || r == '期' || r == '按' || wordTargets.first.has(r) {
			return true
		}
	}
	return false
}

// commencement follows the date a text comes into force.
var commencement = words("施行", "生效")

// effectiveDate reads 自2021年3月1日起施行 or 自2021年开始执行 at the year
// text[i:e] after 自 or 从: when a rule takes effect. A date after 自/从
// that starts a report (从2015年起，全区累计…) is no effective date: the
// rule verb must follow.
func effectiveDate(text []rune, i, e int) (int, bool) {
	if i == 0 || (text[i-1] != '自' && text[i-1] != '从') || !yearAt(text, i, e) {
		return 0, false
	}
	j := e
	for j < len(text) && j-e < 8 && (isDigit(text[j]) || strings.ContainsRune("年月日号", text[j])) {
		j++
	}
	if hasAt(text, j, []rune("起")) {
		j++
	} else if hasAt(text, j, []rune("开始")) {
		j += 2
	}
	for _, w := range []string{"施行", "执行", "实施", "生效"} {
		if hasAt(text, j, []rune(w)) {
			return j, true
		}
	}
	return 0, false
}
