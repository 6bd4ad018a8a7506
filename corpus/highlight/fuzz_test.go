package highlight

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, seed := range allSeeds {
		for _, line := range strings.Split(readSeed(f, seed), "\n") {
			if utf8.RuneCountInString(line) > 20 {
				f.Add(line)
			}
		}
	}
	for _, s := range []string{"", "到２０２５年，持卡率达 ９８％。", "“十四五”期末", "1\t2025年\t2020年\n2\t3\t4", "比2019年底增长33.7%", "\xff\xfe达98%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Find(text))
		report := FindReport(text)
		checkSpans(t, text, report)
		if n := countKind(report, Target); n != 0 {
			t.Fatalf("FindReport(%q) gave %d targets", text, n)
		}
	})
}

func FuzzResponsible(f *testing.F) {
	for _, s := range []string{
		"（省人力资源社会保障厅牵头，省财政厅等按职责分工负责）",
		"（省发展改革委、省人力资源社会保障厅负责。列第一位者为牵头单位，下同）",
		"（各县（市、区）人民政府负责）", "）", "（（（", "(负责)", "\xff（负责\xfe）",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range Responsible(text) {
			if name == "" || !strings.Contains(text, name) {
				t.Fatalf("Responsible(%q) gave %q, not a part of the text", text, name)
			}
		}
	})
}
