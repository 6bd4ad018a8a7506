package targets

import (
	"testing"
	"unicode/utf8"
)

func TestYear(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		// The forms in the brief and in the Guangdong five-year plan.
		{"到2025年", 2025},
		{"到 2025 年", 2025},
		{"力争到2025年底", 2025},
		{"2022年底前", 2022},
		{"于2022年前各建成一", 2022},
		{"2023年以前", 2023},
		{"2024 年 之前", 2024},
		{"“十四五”期末", 2025},
		{"\"十四五\"时期", 2025},
		{"十四五期间", 2025},
		{"“十三五”期末全省企业", 2020},
		{"十五五时期", 2030},
		{"2021 年至 2025 年", 2025},
		{"到２０２５年", 2025},
		{"到二〇三五年", 2035},
		{"到2025年，全省高技能人才达到2022年前", 2025}, // the first deadline counts
		// Reference points, not deadlines.
		{"截至 2020 年底", 0},
		{"截至2020年底,全省专技人才", 0},
		{"截止到2020年", 0},
		{"比“十二五”期末增长", 0},
		{"较2020年增长10%", 0},
		{"2025年", 0},
		{"2020年底", 0},
		{"“十四五”规划", 0},
		{"十四五", 0},
		// Not years.
		{"到20255年", 0},
		{"到12025年", 0},
		{"到1800年", 0},
		{"到2025", 0},
		{"115万人次以上", 0},
		{"不低于98%", 0},
		{"", 0},
		{"年前", 0},
		{"十", 0},
		{"\xff到2025年\xfe", 2025},
	}
	for _, c := range cases {
		if got := Year(c.in); got != c.want {
			t.Errorf("Year(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func FuzzYear(f *testing.F) {
	for _, s := range []string{"到2025年", "2022年底前", "“十四五”期末", "\"十四五\"时期", "截至2020年底", "比“十二五”期末", "到二〇三五年", "十", "到", "年前", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y := Year(s)
		if y != 0 && (y < 1900 || y > 2199) {
			t.Fatalf("Year(%q) = %d, out of range", s, y)
		}
		if y != 0 && !utf8.ValidString(s) && Year(string([]rune(s))) != y {
			t.Fatalf("Year(%q) depends on how invalid bytes decode", s)
		}
		// A deadline stays one after unrelated text is put before and after it.
		if y != 0 {
			if got := Year("。" + s + "。"); got != y {
				t.Fatalf("Year(。%q。) = %d, want %d", s, got, y)
			}
		}
	})
}
