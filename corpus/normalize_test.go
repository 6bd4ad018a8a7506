package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPlainLineFastPath: for every line of the seeds and the test data,
// and for hand-made odd ones, the byte check's verdict is right — a line
// it passes is one the rune loop leaves as it is.
func TestPlainLineFastPath(t *testing.T) {
	lines := []string{"", " ", "a  b", "a b", " a", "a ", "**粗体**", "a*b", "全角\u3000空格", "不\u00a0断", "零宽\u200b空格", "\ufeff开头", "换\f页", "坏\xff字节", "半个\xe4", "第一条　内容", "# 标题", "- 列表", "1. 第一"}
	for _, dir := range []string{seedDir, "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	plain := 0
	for _, l := range lines {
		if plainLine(l) {
			plain++
			if got, want := cleanMarkdown(l), cleanRunes(l); got != want {
				t.Errorf("plainLine passed %q: fast path %q, rune loop %q", l, got, want)
			}
		}
	}
	if plain < len(lines)/2 {
		t.Errorf("only %d of %d lines take the fast path", plain, len(lines))
	}
}

// FuzzPlainLine: whatever the line, the fast path and the rune loop agree.
func FuzzPlainLine(f *testing.F) {
	for _, s := range []string{"a  b", "全角\u3000空格", "**x**", "\xe3\x80", "a\u2009b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainLine(s) && cleanMarkdown(s) != cleanRunes(s) {
			t.Errorf("%q: fast %q, rune loop %q", s, cleanMarkdown(s), cleanRunes(s))
		}
	})
}

// TestSuffixChecks: the suffix lists answer as the regular expressions
// they replaced did.
func TestSuffixChecks(t *testing.T) {
	organ := regexp.MustCompile(`(办公厅|人民政府|委员会|办公室|厅|局|部|院|委|署|政府|司|会|办|行|社|中心)$`)
	// A title may end in a closing bracket or a short bracketed note
	// on its version: 条例（试行）, 诊疗方案（试行第十版）.
	title := regexp.MustCompile(`(意见|通知|规划|办法|方案|决定|决议|函|报告|纲要|条例|规定|细则|批复|公告|通告|计划|措施|指引|指南|法|解释|规则|标准|实施意见|通报|答复|复函)([)）]|[（(][^（）()]{1,10}[）)])?$`)
	cases := []string{"", "国务院办公厅", "人力资源社会保障部", "关于推进户籍制度改革的意见", "意见）", "意见)", "意见))", "意见）)", "意见)）", "通知（", "广东省人民政府", "中心城区", "银行", "法", "方法论", "条例（试行）",
		"诊疗方案（试行第十版）", "办法(2023年修订)", "方案（）", "规定（一二三四五六七八九十一）", "措施（试行）（", "中心（试行）"}
	for _, s := range cases {
		if endsOrgan(s) != organ.MatchString(s) {
			t.Errorf("endsOrgan(%q) = %v", s, endsOrgan(s))
		}
		if endsLikeTitle(s) != title.MatchString(s) {
			t.Errorf("endsLikeTitle(%q) = %v", s, endsLikeTitle(s))
		}
	}
}

// TestCleanMarkdownQuote: a blockquote's marks go, nested ones too; a lone
// > (a breadcrumb's separator) and > inside a line stay.
func TestCleanMarkdownQuote(t *testing.T) {
	for in, want := range map[string]string{
		"> （2010年10月28日…通过": "（2010年10月28日…通过",
		"> > 根据…修正）":        "根据…修正）",
		">":                 ">",
		"首页 > 政务公开":         "首页 > 政务公开",
		">政务公开":             ">政务公开",
	} {
		if got := cleanLine(in); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := halfWidthDigits("（２０１２年１２月２８日通过）"); got != "（2012年12月28日通过）" {
		t.Errorf("halfWidthDigits: %q", got)
	}
}
