package corpus

import (
	"strings"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

// A law's header carries its history: one line per event, each a date and
// what happened on it (2010年7月29日 某省第十一届人民代表大会常务委员会第十九次
// 会议通过; 根据…修正; 2019年3月2日中华人民共和国国务院令第709号修订; 自…起施行),
// often in parentheses and sometimes wrapped over several lines.

var (
	// reHistoryLine opens a history line: an optional bracket and 根据, then a date.
	reHistoryLine = lazyre.New(`^[（(]?\s*(根据)?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`)
	reEvent       = lazyre.New(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日([^（(]*?)(` + strings.Join(historyVerbs, "|") + `)`)
	reDateOnly    = lazyre.New(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reTerm        = lazyre.New(`第[0-9一二三四五六七八九十百零〇]+届`)
	reMeeting     = lazyre.New(`第[0-9一二三四五六七八九十百零〇]+次.*$`)
	reDecree      = lazyre.New(`(中华人民共和国)?(国务院令|主席令|国令|[\p{Han}]{1,12}?(?:部|委|局|署|行|院|办|府|会)令)\s*(?:(?:19|20)\d{2}\s*年\s*|[〔［\[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*)?第\s*[0-9一二三四五六七八九十百零〇]+\s*号`)
	// reNumbered is a numbered notice or decree closing an event's body:
	// 国家监察委员会公告第3号 (公布).
	reNumbered = lazyre.New(`(公告|令)?\s*第\s*[0-9一二三四五六七八九十百零〇]+\s*号$`)
	// organSuffixes strips the committee that met for its organ:
	// 最高人民法院审判委员会 enacts for 最高人民法院.
	meetingCommittees = []string{"审判委员会", "检察委员会"}
)

// maxHistoryRunes bounds one history entry with its wrapped lines.
const maxHistoryRunes = 400

// historyEvent is one dated event of a law's history.
type historyEvent struct {
	date  string // YYYY-MM-DD
	verb  string // 通过, 公布, 发布, 修正, 修订, 批准, 施行
	body  string // who acted, as printed (may be empty)
	group int    // events recorded together (a joint interpretation's two meetings) share a group
}

// isHistoryLine reports a line of a law's history: it opens with a date
// (or 根据 and a date) and records an event, and it is not a sentence.
func isHistoryLine(l string) bool {
	if !strings.Contains(l, "年") || !reHistoryLine.MatchString(l) || !reEvent.MatchString(l) {
		return false
	}
	// Events run together on one line (…通过  根据…第一次修正 根据…) or
	// printed as sentences (…公布，自2020年3月1日起施行。2021年…修订): each
	// piece opens with a date, 根据 and a date, or 自 (coming into force).
	// A sentence that merely opens with a date (2020年12月31日前，各地应当…
	// 通过审核的名单。) is no history: one printed as sentences has two
	// dated events at least, and a long line as well.
	events := 0
	for _, piece := range strings.FieldsFunc(l, func(r rune) bool { return r == '。' || r == '；' }) {
		piece = strings.Trim(piece, " \t　（()）")
		if piece == "" || strings.HasPrefix(piece, "自") {
			continue
		}
		if utf8.RuneCountInString(piece) > maxHistoryRunes*4 || !reHistoryLine.MatchString(piece) {
			return false
		}
		events++
	}
	if one, ok := strings.CutSuffix(l, "。"); ok && !strings.ContainsAny(one, "。；") && utf8.RuneCountInString(one) <= maxHistoryRunes && recordsAtOnce(one) {
		return true // one event closed with a full stop (…第二次修正。)
	}
	if strings.ContainsAny(l, "。；") || utf8.RuneCountInString(l) > maxHistoryRunes {
		return events >= 2 || len(reEvent.FindAllString(l, 2)) >= 2
	}
	return true
}

// recordsAtOnce reports a line whose date is followed by what happened on
// it and that ends on the event (2018年11月25日 公安部令第149号…第二次修正),
// not by a span of time (2020年12月31日前，各地…通过审核) nor going on
// past it as a sentence does (2019年3月1日…通过的《某条例》实施以来成效明显).
func recordsAtOnce(l string) bool {
	loc := reDateOnly.FindStringIndex(l)
	if loc == nil {
		return false
	}
	rest := strings.TrimLeft(l[loc[1]:], " ")
	for _, p := range []string{"前", "后", "起", "以", "至", "之", "止", "，", ","} {
		if strings.HasPrefix(rest, p) {
			return false
		}
	}
	if strings.ContainsAny(rest, "，,") {
		return false
	}
	end := strings.TrimRight(rest, "）) ")
	for _, v := range historyVerbs {
		if strings.HasSuffix(end, v) {
			return true
		}
	}
	return false
}

// historyVerbs are the events a history records.
var historyVerbs = []string{"通过", "公布", "发布", "修正", "修订", "批准", "施行"}

// historyBlock returns the history lines at the head of front (after the
// title), each continuation line (a history entry wrapped over lines)
// joined to its entry, and the index in front where the block ends.
func historyBlock(front []string, from int) (lines []string, end int) {
	end = from
	for i := from; i < len(front); i++ {
		l := front[i]
		// A date whose event the next line finishes (2019年3月15日 第十三届
		// 全国人民代表大会第二次 / 会议通过）).
		if !isHistoryLine(l) && reHistoryLine.MatchString(l) && i+1 < len(front) && isHistoryLine(l+front[i+1]) {
			front = append(append(front[:i:i], l+front[i+1]), front[i+2:]...)
			l = front[i]
		}
		switch {
		case isHistoryLine(l):
			lines = append(lines, l)
		case len(lines) > 0 && !strings.ContainsAny(l, "。；：:") && utf8.RuneCountInString(l) <= 120 &&
			utf8.RuneCountInString(lines[len(lines)-1]) < maxHistoryRunes && !reHistoryLine.MatchString(l):
			lines[len(lines)-1] += l // a wrapped entry
		default:
			return unbracket(lines), end
		}
		end = i + 1
	}
	return unbracket(lines), end
}

// unbracket drops the parentheses a history is printed in — around the
// whole block, or around each line — and strays left by either.
func unbracket(lines []string) []string {
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "（") || strings.HasPrefix(l, "(") {
			if open, close := strings.Count(l, "（")+strings.Count(l, "("), strings.Count(l, "）")+strings.Count(l, ")"); open > close || strings.HasSuffix(l, "）") || strings.HasSuffix(l, ")") {
				l = strings.TrimLeft(l, "（(")
			}
		}
		if strings.HasSuffix(l, "）") || strings.HasSuffix(l, ")") {
			if strings.Count(l, "（")+strings.Count(l, "(") < strings.Count(l, "）")+strings.Count(l, ")") {
				l = strings.TrimRight(l, "）)")
			}
		}
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

// historyEvents reads the dated events of history lines in order.
func historyEvents(lines []string) []historyEvent {
	var out []historyEvent
	group := 0
	for _, l := range lines {
		for _, ix := range reEvent.FindAllStringSubmatchIndex(l, -1) {
			m := make([]string, 6)
			for k := range m {
				m[k] = l[ix[2*k]:ix[2*k+1]]
			}
			group++
			// A meeting that approved a city's text (…会议通过批准的《…决定》)
			// approves it, as 批准 alone does.
			if strings.HasPrefix(l[ix[1]:], "批准") {
				m[5] = "批准"
			}
			// 2021年12月13日 A会议、2021年12月29日 B会议通过: one verb, two
			// dated bodies.
			body, date := m[4], isoDate(m[1], m[2], m[3])
			for _, d := range reDateOnly.FindAllStringSubmatchIndex(body, -1) {
				if date != "" {
					out = append(out, historyEvent{date: date, verb: m[5], body: strings.Trim(body[:d[0]], " 、，,"), group: group})
				}
				date = isoDate(body[d[2]:d[3]], body[d[4]:d[5]], body[d[6]:d[7]])
				body = body[d[1]:]
			}
			if date != "" {
				out = append(out, historyEvent{date: date, verb: m[5], body: strings.TrimSpace(body), group: group})
			}
		}
	}
	return out
}

// lawFacts derives issuer and date from a law's history: both are those
// of the text as printed, its latest event other than 施行 (coming into
// force). The issuer is the body that made that text — the congress or
// standing committee that adopted, amended or revised it last, the organ
// whose decree published it — the latest 通过, 公布, 发布, 修正 or 修订
// that names one (a 批准 by a higher congress approves a city's
// regulation, it does not enact it), with the bodies recorded with it (a
// joint interpretation's two meetings). A decree number the history
// cites (国务院令第709号) is no 文号: the history keeps it, and a 文号 is
// one printed as a line of its own.
func lawFacts(lines []string) (issuers []string, date string) {
	events := historyEvents(lines)
	latest := -1
	organs := make([]string, len(events))
	for i, e := range events {
		if e.verb == "施行" {
			continue
		}
		if e.date > date {
			date = e.date
		}
		if e.verb == "批准" {
			continue
		}
		if organs[i] = enactingOrgan(e.body); organs[i] != "" && (latest < 0 || e.date >= events[latest].date) {
			latest = i
		}
	}
	if latest < 0 {
		return nil, date
	}
	for i, e := range events {
		if e.group == events[latest].group && organs[i] != "" {
			issuers = appendNew(issuers, organs[i])
		}
	}
	return issuers, date
}

// enactingOrgan turns the body of a history event into its organ:
// 上海市第十二届人民代表大会常务委员会第三十九次会议 → 上海市人民代表大会常务委员会,
// 中华人民共和国国务院令第88号 → 国务院, 最高人民法院审判委员会第1375次会议 →
// 最高人民法院. It returns "" when the body names no organ.
func enactingOrgan(body string) string {
	body = strings.TrimSpace(body)
	for _, p := range []string{"根据", "经", "由"} {
		body = strings.TrimPrefix(body, p)
	}
	// The Government Administration Council (政务院, 1949–1954) became the
	// State Council: a regulation it issued that is still in force is the
	// State Council's, which has revised it since.
	if strings.Contains(body, "国务院令") || strings.Contains(body, "国令") || body == "国务院" || body == "中华人民共和国国务院" ||
		body == "政务院" || body == "中央人民政府政务院" {
		return "国务院"
	}
	// 国家文物局令第1号: a department's decree names its department.
	if m := reDecree.FindStringSubmatch(body); m != nil && strings.HasSuffix(m[2], "令") && m[2] != "主席令" {
		if organ := strings.TrimSuffix(m[2], "令"); endsOrgan(organ) {
			return strings.TrimPrefix(organ, "中华人民共和国")
		}
	}
	body = reDecree.ReplaceAllString(body, "")
	body = reMeeting.ReplaceAllString(body, "")
	body = reTerm.ReplaceAllString(body, "")
	body = reNumbered.ReplaceAllString(strings.TrimSpace(body), "")
	// 国家监察委员会全体会议决定: the organ whose meeting decided.
	for _, suffix := range []string{"公告", "令", "决定", "全体会议", "常务会议", "会议"} {
		body = strings.TrimSuffix(body, suffix)
	}
	for _, c := range meetingCommittees {
		if strings.HasSuffix(body, c) && len(body) > len(c) {
			body = strings.TrimSuffix(body, c)
		}
	}
	body = strings.TrimSpace(body)
	n := utf8.RuneCountInString(body)
	if n < 2 || n > 30 || strings.ContainsAny(body, "《》〈〉，、 ") || !endsOrgan(body) && !strings.HasSuffix(body, "常务委员会") {
		return ""
	}
	return body
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// decreeNumber tidies a decree number found in running text: the country
// and any date character the match reached back over go, and so do spaces.
func decreeNumber(m string) string {
	m = strings.TrimLeft(m, "年月日")
	return strings.ReplaceAll(strings.TrimPrefix(m, "中华人民共和国"), " ", "")
}
