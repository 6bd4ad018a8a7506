package corpus

import (
	"strings"
	"unicode/utf8"
)

// A heading names a task (强化组织领导, 以户籍制度和公共服务牵引区域流动); a
// sentence binds someone to it, or speaks of the document itself (本通知
// 自发布之日起施行) (相关省（区、市）价格主管部门要精心组织…,
// 各试点地区第一责任部门负责…). A numbered line whose first sentence binds
// by a modal is text, not a heading over text.

// modals bind a subject: the word, the runes that may not come before it
// and those that may not come after it (重要, 供应, 应急, 必需, 聘请 …).
var modals = []struct {
	word, notAfter, notBefore string
}{
	{"应当", "", ""},
	{"必须", "", ""},
	{"不得", "", ""},
	{"负责", "", "制人"},
	{"要", "重主需纲概必只首提简摘紧想", "素求点件闻务害是"},
	{"应", "供适响相对反效回呼照顺理", "急用对付收届征缴答变试予税"},
	{"须", "必无", "知"},
	{"需", "供必急所无亟刚", "要求方品"},
	{"请", "聘申邀提报宴", "示求柬假"},
}

// bindsByModal reports whether s holds a modal that binds a subject.
func bindsByModal(s string) bool {
	for _, m := range modals {
		for off := 0; ; {
			i := strings.Index(s[off:], m.word)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(m.word)
			before, _ := utf8.DecodeLastRuneInString(s[:at])
			after, _ := utf8.DecodeRuneInString(s[off:])
			if at > 0 && strings.ContainsRune(m.notAfter, before) || off < len(s) && strings.ContainsRune(m.notBefore, after) {
				continue
			}
			if at == 0 {
				continue // a modal with no subject before it opens no sentence
			}
			return true
		}
	}
	return false
}

// aboutItself reports a sentence about the document itself: 本通知自发布
// 之日起施行, 本办法由市财政局负责解释 — the closing clause of many notices
// and measures, never a heading.
func aboutItself(s string) bool {
	rest, ok := strings.CutPrefix(s, "本")
	if !ok {
		return false
	}
	for _, k := range titleSuffixes {
		if strings.HasPrefix(rest, k) {
			return true
		}
	}
	return false
}
