package related

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// termStrings spells the terms of s, in order, with a fresh vocabulary.
func termStrings(s string) []string {
	v := newVocab()
	ids := appendTerms(nil, s, v, true)
	names := make([]string, v.n)
	for k, id := range v.han {
		a, b := rune(k>>32), rune(k&0xFFFFFFFF)
		if b == 0 {
			names[id] = string(a)
		} else {
			names[id] = string([]rune{a, b})
		}
	}
	for w, id := range v.word {
		names[id] = w
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = names[id]
	}
	return out
}

func TestAppendTerms(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"取消", []string{"取消"}},
		{"全面取消城区常住人口 300 万以下", []string{"全面", "面取", "取消", "消城", "城区", "区常", "常住", "住人", "人口", "300", "万以", "以下"}},
		// Punctuation and line breaks end a run; a lone character is a term.
		{"教育、就业", []string{"教育", "就业"}},
		{"智能\n\n化改造", []string{"智能", "化改", "改造"}},
		{"（含租赁）或", []string{"含租", "租赁", "或"}},
		// Letters fold to lower case, full-width to ASCII; a decimal point stays in a number.
		{"GDP增长5.5%", []string{"gdp", "增长", "5.5"}},
		{"ＧＤＰ　２０２５年", []string{"gdp", "2025", "年"}},
		{"5G网络", []string{"5g", "网络"}},
		{"第2.章", []string{"第", "2", "章"}},
		{"“十四五”", []string{"十四", "四五"}},
		{"!!! ... ---", []string{}},
	}
	for _, c := range cases {
		got := termStrings(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("terms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAppendTermsUnknownSkipped(t *testing.T) {
	v := newVocab()
	appendTerms(nil, "户籍制度", v, true)
	got := appendTerms(nil, "户籍改革制度", v, false)
	if len(got) != 2 { // 户籍, 制度 known; 籍改, 改革, 革制 not
		t.Fatalf("query terms = %v, want the 2 known ones", got)
	}
	if v.n != 3 {
		t.Fatalf("a query added terms: vocabulary has %d, want 3", v.n)
	}
}

func FuzzAppendTerms(f *testing.F) {
	for _, s := range []string{"", "全面取消城区常住人口 300 万以下", "GDP增长5.5%", "ＧＤＰ２０２５", "\xff\xfe中", "1.2.3..4", "𠀀𠀁a", "中"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := newVocab()
		a := appendTerms(nil, s, v, true)
		if len(a) > utf8.RuneCountInString(s) {
			t.Fatalf("%d terms from %d runes", len(a), utf8.RuneCountInString(s))
		}
		b := appendTerms(nil, s, v, false)
		if !slices.Equal(a, b) {
			t.Fatalf("lookup differs from insertion: %v vs %v", a, b)
		}
		for _, id := range a {
			if id < 0 || id >= v.n {
				t.Fatalf("term id %d out of range [0,%d)", id, v.n)
			}
		}
	})
}
