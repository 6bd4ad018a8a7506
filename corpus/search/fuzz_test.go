package search

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"policyreader/corpus"
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

// FuzzSkeletonLengths indexes arbitrary valid text and checks that the
// pinyin scans walking the skeleton by its codes' byte lengths (any
// reading, first readings) find what decoding the text rune by rune finds,
// and that the lengths add up to the
// text's length: a code of the wrong length would shift every offset
// after it.
func FuzzSkeletonLengths(f *testing.F) {
	for _, s := range []string{"落户luohu", "Ａ落户𠮷luo户，２０２５\u3000落 hu", "é落ü户\U0002A6A5绿", "ＬＵＯＨＵ落户", "Luo户 lü绿", "GDP落户PM2.5落后", strings.Repeat("Ａ落户𠮷luo，２０落 hu后", 6)} {
		f.Add(s, "luohu")
		f.Add(s, "lh")
	}
	f.Fuzz(func(t *testing.T, text, q string) {
		if !utf8.ValidString(text) || !utf8.ValidString(q) {
			return
		}
		ix := New(buildCorpus([]nodeSpec{{"", text}}))
		if len(ix.entries) == 0 {
			return
		}
		codes := ix.skel.of(0)
		n := 0
		for _, c := range codes {
			n += codeLen(c)
		}
		if n != len(ix.entries[0].str) {
			t.Fatalf("codes of %q add up to %d bytes, the text has %d", text, n, len(ix.entries[0].str))
		}
		qq := parseQuery(q)
		if len(qq.terms) == 0 || !qq.terms[0].letters {
			return
		}
		mt := &matcher{py: ix.py, sk: ix.skel}
		tm := &qq.terms[0]
		// The constraints as Search and match set them.
		var chains *chainTable
		lead := 0
		if uint32(ix.letters[0])&tm.letterMask == 0 && tm.letters {
			tm.filter = ix.newPinyinFilter(tm)
			chains, lead = ix.chainsFor(tm), ix.leadFor(tm)
		}
		s1, e1, o1 := mt.pinyin(tm.runes, text)
		g := guideOf(ix.skel, tm.runes, chains, lead)
		s2, e2, o2 := mt.pinyinSkel(tm.runes, text, codes, g, true)
		if s1 != s2 || e1 != e2 || o1 != o2 {
			t.Fatalf("%q in %q: plain (%d %d %d), by lengths (%d %d %d)", q, text, s1, e1, o1, s2, e2, o2)
		}
		if mt.unsummed != 0 {
			t.Fatalf("%q in %q: the codes' lengths do not add up to the text by pairs", q, text)
		}
		p1, q1 := mt.pinyinPrimary(tm.runes, text)
		p2, q2 := mt.pinyinPrimarySkel(tm.runes, text, codes, g)
		if p1 != p2 || q1 != q2 {
			t.Fatalf("%q in %q: first readings plain (%d %d), by lengths (%d %d)", q, text, p1, q1, p2, q2)
		}
	})
}

// FuzzWriteStreamed writes the index of arbitrary headings and texts —
// invalid UTF-8, runes past U+FFFF, full-width letters, empty strings —
// a document and a part at a time, and checks it is New's stored form
// byte for byte.
func FuzzWriteStreamed(f *testing.F) {
	for _, s := range [][3]string{
		{"落户", "luohu 落户\xff", ""},
		{"", "", "Ａ落户𠮷luo，２０落 hu后"},
		{"第一条", "\U0002A6A5\U00020000 绿 lü", "\x00\xed\xa0\x80"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, heading, text, other string) {
		c := buildCorpus([]nodeSpec{{heading, text}, {"", other}}, []nodeSpec{{other, heading}})
		var out bytes.Buffer
		each := func(yield func(*corpus.Document) bool) error {
			for _, d := range c.Docs {
				if !yield(d) {
					break
				}
			}
			return nil
		}
		if err := WriteStreamed(context.Background(), &out, each, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), New(c).AppendBinary(nil)) {
			t.Fatalf("the streamed index of %q, %q, %q is not New's", heading, text, other)
		}
	})
}
