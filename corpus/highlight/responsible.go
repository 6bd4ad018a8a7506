package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleWords end a unit in a responsibility annotation; the longest are
// stripped first.
var roleWords = []string{"按职责分工负责", "按职责分工落实", "按职责分别负责", "按职责负责", "按职责分工", "分别负责", "共同负责",
	"负责落实", "配合落实", "参与", "配合", "负责", "牵头", "按职责", "分工", "等"}

// Responsible parses the responsibility annotations that end a clause's
// lines, such as （省人力资源社会保障厅牵头，省财政厅等按职责分工负责） or
// （省发展改革委、省人力资源社会保障厅负责。列第一位者为牵头单位，下同）,
// into body names, lead units first; nil when text has none.
func (h *Highlighter) Responsible(text string) []string {
	units, _ := h.Duties(text)
	return units
}

// Duties is Responsible with the number of units that lead: the first
// leads of units. A unit leads when the annotation says so (A牵头, 牵头单位：A);
// when it marks no lead, the first unit listed leads, as State Council
// work plans print (列第一位者为牵头单位) and as a lone unit does.
func (h *Highlighter) Duties(text string) (units []string, leads int) {
	if h == nil || h.gaz == nil {
		return nil, 0
	}
	var lead, rest []string
	seen := map[string]bool{}
	// A clause of several paragraphs may annotate each: the leads of
	// every paragraph come first.
	for _, line := range strings.Split(text, "\n") {
		l, r := h.responsibleLine(line)
		if len(l) == 0 && len(r) > 0 {
			l, r = r[:1], r[1:]
		}
		for _, u := range l {
			if !seen[u] {
				seen[u] = true
				lead = append(lead, u)
			}
		}
		rest = append(rest, r...)
	}
	units = lead
	for _, u := range rest {
		if !seen[u] {
			seen[u] = true
			units = append(units, u)
		}
	}
	return units, len(lead)
}

// responsibleLine parses the annotation that ends one line into the units
// it marks as leading and the others.
func (h *Highlighter) responsibleLine(text string) (lead, rest []string) {
	inner, ok := trailingParen(text)
	if !ok {
		return nil, nil
	}
	// （责任单位：省财政厅、市档案馆、各县区）, （牵头单位：A；配合单位：B）:
	// labelled lists of units, every item a unit whatever its name.
	if lead, rest, ok := h.labelledUnits(inner); ok {
		return lead, rest
	}
	if !strings.ContainsAny(inner, "牵负参配") ||
		!(strings.Contains(inner, "牵头") || strings.Contains(inner, "负责") || strings.Contains(inner, "参与") || strings.Contains(inner, "配合")) {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, sent := range splitTop(inner, "。；;") {
		if strings.Contains(sent, "列第一位") || strings.Contains(sent, "牵头单位") || strings.Contains(sent, "下同") || strings.Contains(sent, "排名") {
			continue
		}
		for _, seg := range splitTop(sent, "，,") {
			// 牵头 marks every unit of its segment: A、B牵头.
			isLead := strings.Contains(seg, "牵头")
			for _, piece := range splitTop(seg, "、") {
				for _, name := range h.unitNames(piece) {
					if seen[name] {
						continue
					}
					seen[name] = true
					if isLead {
						lead = append(lead, name)
					} else {
						rest = append(rest, name)
					}
				}
			}
		}
	}
	return lead, rest
}

// unitLabels open a labelled list of responsible units; lead marks the
// labels whose units lead.
var unitLabels = []struct {
	label string
	lead  bool
}{
	{"牵头单位", true}, {"牵头部门", true}, {"责任单位", false}, {"责任部门", false}, {"责任主体", false},
	{"实施主体", false}, {"配合单位", false}, {"参与单位", false}, {"配合部门", false},
}

// maxUnitRunes bounds one unit of a labelled list.
const maxUnitRunes = 24

// labelledUnits reads an annotation made of labelled lists of units; ok is
// false when inner is no such annotation.
func (h *Highlighter) labelledUnits(inner string) (lead, rest []string, ok bool) {
	seen := map[string]bool{}
	found := false
	for _, part := range splitTop(inner, "。；;") {
		part = strings.TrimSpace(part)
		isLead := false
		matched := false
		for _, l := range unitLabels {
			if r, ok := strings.CutPrefix(part, l.label); ok && strings.HasPrefix(strings.TrimLeft(r, " "), "：") || ok && strings.HasPrefix(strings.TrimLeft(r, " "), ":") {
				part, isLead, matched = strings.TrimLeft(r, ":： "), l.lead, true
				break
			}
		}
		if !matched {
			continue
		}
		found = true
		for _, piece := range splitTop(part, "、，,") {
			piece = strings.TrimSpace(piece)
			if piece == "" || utf8.RuneCountInString(piece) > maxUnitRunes || strings.ContainsAny(piece, "：:。") || seen[piece] {
				continue
			}
			seen[piece] = true
			if isLead {
				lead = append(lead, piece)
			} else {
				rest = append(rest, piece)
			}
		}
	}
	if !found {
		return nil, nil, false
	}
	return lead, rest, true
}

// trailingParen returns the content of a parenthesis that ends text (after
// trailing spaces and sentence punctuation), matching nested parentheses.
func trailingParen(text string) (string, bool) {
	trimmed := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '。' || r == '；' || r == ';' || r == '.'
	})
	// Most texts do not end in a parenthesis: decide that before copying.
	if last, _ := utf8.DecodeLastRuneInString(trimmed); trimmed == "" || fold(last) != ')' {
		return "", false
	}
	// Walk back rune by rune: copying a long text to runes would cost more
	// than the annotation is worth.
	_, lastSize := utf8.DecodeLastRuneInString(trimmed)
	depth := 0
	for i := len(trimmed); i > 0; {
		r, size := utf8.DecodeLastRuneInString(trimmed[:i])
		i -= size
		switch fold(r) {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return trimmed[i+size : len(trimmed)-lastSize], true
			}
		case '\n':
			return "", false
		}
	}
	return "", false
}

// splitTop splits s at any rune of seps that is not inside parentheses.
func splitTop(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case fold(r) == '(':
			depth++
		case fold(r) == ')':
			depth = max(0, depth-1)
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(out, s[start:])
}

// unitNames returns the bodies one piece of an annotation names: the
// gazetteer's bodies when they make up the piece (省人社厅和省财政厅), else
// the whole piece when it ends like an organisation's name.
func (h *Highlighter) unitNames(piece string) []string {
	piece = strings.TrimSpace(piece)
	for _, p := range []string{"由", "会同", "请"} {
		piece = strings.TrimPrefix(piece, p)
	}
	for changed := true; changed; {
		changed = false
		for _, w := range roleWords {
			if strings.HasSuffix(piece, w) && len(piece) > len(w) {
				piece = strings.TrimSpace(strings.TrimSuffix(piece, w))
				changed = true
			}
		}
	}
	if piece == "" || strings.ContainsAny(piece, "0123456789。：:\uFFFD") {
		return nil
	}
	runes := []rune(piece)
	var names []string
	var gaps strings.Builder
	at := 0
	for _, s := range h.Find(piece) {
		if s.Kind != Body {
			continue
		}
		gaps.WriteString(string(runes[at:s.Start]))
		names = append(names, string(runes[s.Start:s.End]))
		at = s.End
	}
	gaps.WriteString(string(runes[at:]))
	rest := strings.TrimSpace(gaps.String())
	for _, c := range []string{"以及", "会同", "和", "与", "及", " "} {
		rest = strings.ReplaceAll(rest, c, "")
	}
	if len(names) > 0 && rest == "" {
		return names
	}
	if len(runes) <= 24 && endsLikeBody(runes) && !strings.ContainsAny(piece, "，,；;（）()") {
		return []string{piece}
	}
	return nil
}

// endsLikeBody reports names ending as organisations do: …厅, …局, …委员会.
func endsLikeBody(r []rune) bool {
	if len(r) < 2 {
		return false
	}
	for _, s := range []string{"厅", "局", "委", "委员会", "部", "办", "办公室", "署", "院", "行", "会", "政府", "中心", "机构", "单位", "部门", "集团", "公司", "联", "协", "企业", "海关"} {
		if strings.HasSuffix(string(r), s) {
			return true
		}
	}
	return false
}
