package corpus

import (
	"path"
	"strings"
	"testing"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// TestSlug: file names become IDs spelled in pinyin, with every other run
// of non-alphanumerics one dash — IDs bookmarks are keyed by, so they must
// not move.
func TestSlug(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"关于促进就业的意见.txt", "guan-yu-cu-jin-jiu-ye-de-yi-jian"},
		{"dir/2021年 GDP 报告 (2).docx", "2021-nian-gdp-bao-gao-2"},
		{`C:\docs\广东省“十四五”规划.pdf`, "guang-dong-sheng-shi-si-wu-gui-hua"},
		{"《》.md", "doc"},
		{"行长.txt", "xing-zhang"}, // go-pinyin's first readings, whatever the sense
	} {
		if got := Slug(c.name); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSlugIsGoPinyins: the slug of every Han character (and of names
// mixing them with Latin letters, digits and punctuation) is the one
// go-pinyin's first reading gives, as IDs were made before the reading
// table was embedded.
func TestSlugIsGoPinyins(t *testing.T) {
	var names []string
	for r := range pinyin.PinyinDict {
		names = append(names, string(rune(r)), "a"+string(rune(r))+"1、"+string(rune(r)))
	}
	for _, n := range names {
		if got, want := Slug(n), goPinyinSlug(n); got != want {
			t.Fatalf("Slug(%q) = %q, go-pinyin's %q", n, got, want)
		}
	}
}

// goPinyinSlug is Slug spelled with go-pinyin directly.
func goPinyinSlug(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	args := pinyin.NewArgs()
	var b strings.Builder
	dash := false
	put := func(s string) {
		for _, r := range s {
			if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(unicode.ToLower(r))
				dash = false
			} else if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	for _, r := range base {
		if unicode.Is(unicode.Han, r) {
			if p := pinyin.SinglePinyin(r, args); len(p) > 0 {
				if !dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				put(p[0])
				b.WriteByte('-')
				dash = true
				continue
			}
		}
		put(string(r))
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "doc"
	}
	return s
}
