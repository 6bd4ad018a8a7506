package search

import (
	"context"
	"testing"
)

// FuzzSearch runs arbitrary queries against a small index: no panic, no
// error, every position inside its field and its snippet, and the snippet
// marks the same runes as the field.
func FuzzSearch(f *testing.F) {
	c := buildCorpus(
		[]nodeSpec{
			{"实施就业优先政策创造流动机会", "坚持把稳定和扩大就业作为经济社会发展的优先目标。\n到2025年，全面取消城市落户限制。"},
			{"", "ABC银行、重庆市、长江沿线；“十四五”规划\t表格"},
			{"以档案服务改革畅通职业转换", ""},
			{"落\xff户", "luo\xe8\x90hu 落\xe8\x90户 \xed\xa0\x80落户"},
		},
		[]nodeSpec{{"营造良好氛围", string(make([]rune, 200)) + "落户条件"}, {"ＡＢＣ　银行", "到２０２５年，参保率达到９５％（Ｌｕｏ）"}},
	)
	c.Docs[0].Short = "中央"
	ix := New(c)
	for _, s := range []string{"落", "落户", "luohu", "lh", "jyyx", "2025 luohu", "中央 jy", "ABC", "aB", "\u3000落", "\xff", "l l l l l l l l l", "zhuangzhuangzhuang", "…", "\x00", "a", "２０２５", "ａｂｃ", "95%", "（luo）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		rs, err := ix.Search(context.Background(), q, 0)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, r := range rs {
			checkResult(t, q, r)
		}
	})
}
