package corpus

import (
	"strings"
	"unicode/utf8"
)

// A saved web page can print a chapter's title and its first article as
// one paragraph (第二章　规划建设　　第八条　州数据资源主管部门应当……): the
// title would swallow the article. splitRunOn cuts such a line in two
// where the article starts, so the chapter keeps its title and the
// article is read as one.
func splitRunOn(us []unit) []unit {
	var out []unit
	for i, u := range us {
		title, article, ok := runOn(u)
		if !ok {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]unit, 0, len(us)+1), us[:i]...)
		}
		head, tail := u, u
		head.text, tail.text = title, article
		head.cls, tail.cls = classify(title), classify(article)
		tail.title = false
		out = append(out, head, tail)
	}
	if out == nil {
		return us
	}
	return out
}

// maxRunOnTitle bounds the title before a run-on article: a division's
// title is a few words (总则, 规划建设, 采集与汇聚).
const maxRunOnTitle = 20

// runOn splits a division line (第X编/分编/章/节) whose short title is
// followed, after a space, by an article (第X条 and its text).
func runOn(u unit) (title, article string, ok bool) {
	switch u.cls.marker {
	case MarkVolume, MarkSubVolume, MarkChapter, MarkSection:
	default:
		return "", "", false
	}
	rest := u.cls.rest
	for off := 0; ; {
		i := strings.Index(rest[off:], " 第")
		if i < 0 {
			return "", "", false
		}
		at := off + i + 1
		name := strings.TrimSpace(rest[:at])
		if name == "" || utf8.RuneCountInString(name) > maxRunOnTitle || strings.ContainsAny(name, "，。；：,.;:") {
			return "", "", false
		}
		if _, isArticle := classifyArticle(rest[at:]); isArticle {
			head := strings.TrimSpace(u.text[:len(u.text)-len(rest)+at])
			return head, rest[at:], true
		}
		off = at
	}
}
