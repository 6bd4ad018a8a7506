package corpus

import "testing"

// TestSlug: file names become IDs spelled in pinyin (go-pinyin's first
// readings, which package hanzi's test holds its table to), with every
// other run of non-alphanumerics one dash — IDs bookmarks are keyed by, so
// they must not move.
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
