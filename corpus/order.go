package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

// A government's rule is often printed under the order that publishes it:
// the order's header (某省人民政府令 / （〔2011〕第20号）, or only 第281号 where
// the header is an image), its sentence (《某办法》已经…常务会议通过，现予公布，
// 自…起施行), the governor's or mayor's name and the date, then the rule.
// The rule's title is the one the sentence cites, its issuer the
// government whose order it is (or whose meeting passed it), its 文号 the
// order's number. The rules below read that shape.

// promulgates reports an order's sentence after the title it cites: 已由
// a meeting …公布 (a presidential order), or 已经/业经 a meeting and the
// order's own formula, 现予公布 or 现予发布 — not a notice on a law already
// in force (已经…通过并公布，自…起施行).
func promulgates(after string) bool {
	if strings.HasPrefix(after, "已由") {
		return strings.Contains(after, "公布")
	}
	if !strings.HasPrefix(after, "已经") && !strings.HasPrefix(after, "业经") {
		return false
	}
	for _, f := range []string{"现予公布", "现予发布", "予以公布", "予以发布", "现予颁布"} {
		if strings.Contains(after, f) {
			return true
		}
	}
	return false
}

// orderSentence reads the sentence of an order that publishes a rule
// (《某办法》已经…常务会议通过，现予公布): the rule's title, as the order cites
// it, and the text after its 《》; ok is false for any other line.
func orderSentence(l string) (title, after string, ok bool) {
	for _, m := range reQuoted.FindAllStringSubmatchIndex(l, -1) {
		if promulgates(l[m[1]:]) {
			return l[m[2]:m[3]], l[m[1]:], true
		}
	}
	return "", "", false
}

// levelOnly splits an organ named by its level alone (市人民政府, 省政府,
// 市府, 县委) into the level and the rest.
func levelOnly(organ string) (level rune, rest string, ok bool) {
	r, n := utf8.DecodeRuneInString(organ)
	if !strings.ContainsRune("省市县区", r) {
		return 0, "", false
	}
	rest = organ[n:]
	for _, p := range []string{"人民政府", "政府", "府", "委"} {
		if strings.HasPrefix(rest, p) {
			return r, rest, true
		}
	}
	return 0, "", false
}

// maxPlaceRunes bounds a place name a title opens with.
const maxPlaceRunes = 8

// titlePlace returns the place of the given level a title opens with
// (厦门市…, level 市 → 厦门市), or "".
func titlePlace(title string, level rune) string {
	if strings.HasPrefix(title, "关于") {
		return ""
	}
	for i, r := range title {
		if utf8.RuneCountInString(title[:i]) >= maxPlaceRunes || !unicode.Is(unicode.Han, r) {
			return ""
		}
		if r == level && i > 0 {
			// 城市, 社区, 超市: a word, not a place and its level.
			if prev, _ := utf8.DecodeLastRuneInString(title[:i]); strings.ContainsRune(notBeforeLevel, prev) {
				return ""
			}
			return title[:i+utf8.RuneLen(r)]
		}
	}
	return ""
}

// notBeforeLevel are characters that make a word with a level character
// after them (城市, 都市, 超市, 社区, 街区, 小区, 郊区, 景区, 校区, 园区, 城区).
const notBeforeLevel = "城都超社街小郊景校园"

// reBareDecree is a decree's number printed without its organ's name
// (第281号, （第5号）): a page that shows the decree's header as an image.
var reBareDecree = lazyre.New(`^[（(]?\s*第\s*[0-9一二三四五六七八九十百零〇]+\s*号\s*[）)]?$`)

// bareDecreeNumber returns a decree number printed alone at the top, over
// the order's sentence (《某办法》业经…通过，现予公布), or "".
func bareDecreeNumber(front []string) string {
	for i, l := range front[:min(len(front), 2)] {
		if !reBareDecree.MatchString(l) {
			continue
		}
		for _, next := range front[i+1 : min(len(front), i+3)] {
			if _, _, ok := orderSentence(next); ok {
				return noSpaces(strings.Trim(l, "（）() "))
			}
		}
	}
	return ""
}

// promulgatingOrgan returns the organ whose meeting passed the rule an
// order publishes (《某办法》业经2013年1月14日某省第十一届人民政府第65次
// 常务会议审议通过，现予公布 → 某省人民政府), or "". An organ named without
// its place (市人民政府第121次常务会议) takes the place the rule's title
// opens with (厦门市…办法 → 厦门市人民政府).
func promulgatingOrgan(front []string, title string) string {
	for _, l := range front[:min(len(front), maxHeaderLines)] {
		_, after, ok := orderSentence(l)
		if !ok {
			continue
		}
		body, _, ok := strings.Cut(after, "通过")
		if !ok {
			continue
		}
		if d := reDateOnly.FindStringIndex(body); d != nil {
			body = body[d[1]:]
		}
		body = strings.TrimSuffix(strings.TrimSpace(body), "审议")
		organ := enactingOrgan(body)
		if level, rest, ok := levelOnly(organ); ok {
			organ = ""
			if place := titlePlace(title, level); place != "" {
				organ = place + rest
			}
		}
		if organ != "" {
			return organ
		}
	}
	return ""
}
