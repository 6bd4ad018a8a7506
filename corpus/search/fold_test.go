package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldRune(t *testing.T) {
	for _, c := range []struct{ in, want rune }{
		{'A', 'a'}, {'z', 'z'}, {'5', '5'},
		{'０', '0'}, {'９', '9'}, {'Ａ', 'a'}, {'Ｚ', 'z'}, {'ａ', 'a'}, {'ｚ', 'z'},
		{'！', '!'}, {'～', '~'}, {'，', ','}, {'（', '('}, {'％', '%'}, {'　', ' '},
		{'落', '落'}, {'。', '。'}, {'、', '、'}, {'\uFF00', '\uFF00'}, {'\uFF5F', '\uFF5F'},
		{utf8.RuneError, utf8.RuneError}, {-1, -1},
	} {
		if got := foldRune(c.in); got != c.want {
			t.Errorf("foldRune(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFoldStringKeepsRunePositions folds only the kinds asked for, one
// rune for one, invalid bytes included.
func TestFoldStringKeepsRunePositions(t *testing.T) {
	all := foldUpper | foldLetter | foldDigit | foldPunct
	for _, c := range []struct {
		in    string
		kinds uint8
		want  string
	}{
		{"到２０２５年，ＡＢ\xffc　Ｄ", all, "到2025年,ab\xffc d"},
		{"到２０２５年，ＡＢ", foldLetter | foldDigit, "到2025年，ab"},
		{"到２０２５年，ＡＢ", foldLetter, "到２０２５年，ab"},
		{"到２０２５年，ＡＢ", foldDigit, "到2025年，ＡＢ"},
		{"ABＣ，", foldUpper, "abＣ，"},
		{"（四）", foldPunct, "(四)"},
		{"落户、。「」\xe3\x80", all, "落户、。「」\xe3\x80"},
		{"２０２５", 0, "２０２５"},
	} {
		got := foldString(c.in, c.kinds)
		if got != c.want {
			t.Errorf("foldString(%q, %b) = %q, want %q", c.in, c.kinds, got, c.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(c.in) {
			t.Errorf("foldString(%q) changed the rune count", c.in)
		}
	}
	s := "实施就业优先政策，创造流动机会。"
	if got := foldString(s, foldUpper|foldLetter|foldDigit); got != s || strings.Contains(got, ",") {
		t.Errorf("foldString folded punctuation it was not asked to: %q", got)
	}
}

// TestFullWidthDigitsInText: a query in ASCII finds the full-width digits
// of a document, and the matched positions are those digits in the
// original text.
func TestFullWidthDigitsInText(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{
		{"完善社会保障", "到２０２５年，基本养老保险参保率达到９５％以上。"},
		{"ＡＢＣ银行", "其他内容"},
	}))
	for _, q := range []string{"2025", "２０２５", "２０25"} {
		rs := search(t, ix, q, 0)
		if len(rs) != 1 || rs[0].ID != "doc1/c1" || rs[0].Field != FieldText {
			t.Fatalf("%q: got %v, want doc1/c1 text", q, ids(rs))
		}
		if want := []int{1, 2, 3, 4}; !slices.Equal(rs[0].Matched, want) {
			t.Errorf("%q: matched %v, want %v", q, rs[0].Matched, want)
		}
		if got := matchedText(rs[0]); got != "２０２５" {
			t.Errorf("%q: matched runes %q, want ２０２５", q, got)
		}
		checkResult(t, q, rs[0])
	}
	for _, q := range []string{"95%", "９５％"} {
		rs := search(t, ix, q, 0)
		if len(rs) != 1 || matchedText(rs[0]) != "９５％" {
			t.Errorf("%q: got %v, want the ９５％ of doc1/c1", q, ids(rs))
		}
	}
	for _, q := range []string{"abc", "ABC", "ａｂｃ", "Ａbc"} {
		rs := search(t, ix, q, 0)
		if len(rs) != 1 || rs[0].ID != "doc1/c2" || matchedText(rs[0]) != "ＡＢＣ" {
			t.Errorf("%q: got %v, want the ＡＢＣ of doc1/c2", q, ids(rs))
		}
	}
	// A single rune takes the one-rune path.
	if rs := search(t, ix, "5", 0); len(rs) != 1 || matchedText(rs[0]) != "５" {
		t.Errorf("5: got %v, want the ５ of doc1/c1", ids(rs))
	}
}

// TestFullWidthQueryOnSeeds: ２０２５ typed in full-width mode finds what
// 2025 finds, such as the 到2025年 of the Guangdong five-year plan, and
// full-width pinyin is still pinyin.
func TestFullWidthQueryOnSeeds(t *testing.T) {
	ix := seedIndex(t)
	for _, pair := range [][2]string{{"2025", "２０２５"}, {"luohu", "ｌｕｏｈｕ"}, {"2025 jiuye", "２０２５　ｊｉｕｙｅ"}} {
		ascii, wide := search(t, ix, pair[0], 0), search(t, ix, pair[1], 0)
		if len(ascii) == 0 {
			t.Fatalf("%q finds nothing", pair[0])
		}
		if !slices.Equal(ids(ascii), ids(wide)) {
			t.Errorf("%q finds %d results, %q %d: %v", pair[1], len(wide), pair[0], len(ascii), describe(wide))
		}
		for i := range min(len(ascii), len(wide)) {
			if !slices.Equal(ascii[i].Matched, wide[i].Matched) {
				t.Errorf("%q %s: matched %v, %q matched %v", pair[1], wide[i].ID, wide[i].Matched, pair[0], ascii[i].Matched)
			}
		}
	}
	found := false
	for _, r := range search(t, ix, "２０２５", 0) {
		checkResult(t, "２０２５", r)
		if r.Node.Doc.ID != "guangdong-hrss-2021-14th-five-year-plan" {
			continue
		}
		rs := []rune(fieldOf(r))
		if p := r.Matched; len(p) == 4 && p[0] > 0 && p[3]+1 < len(rs) && string(rs[p[0]-1:p[3]+2]) == "到2025年" {
			found = true
		}
	}
	if !found {
		t.Error("２０２５ does not find a 到2025年 of the Guangdong five-year plan")
	}
}
