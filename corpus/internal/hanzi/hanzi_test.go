package hanzi

import (
	"slices"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// TestTableIsGoPinyin: every character go-pinyin reads gets exactly its
// readings, heteronyms in its order, and its first reading (as the slugs
// and bodies' spellings read it), from the table; other runes get none.
// A failure after upgrading go-pinyin: run go generate ./corpus/internal/hanzi.
func TestTableIsGoPinyin(t *testing.T) {
	all := pinyin.NewArgs()
	all.Heteronym = true
	first := pinyin.NewArgs()
	n := 0
	for k := range pinyin.PinyinDict {
		r := rune(k)
		if got, want := Readings(r), pinyin.SinglePinyin(r, all); !slices.Equal(got, want) {
			t.Fatalf("%c (%U): table %q, go-pinyin %q; run go generate ./corpus/internal/hanzi", r, r, got, want)
		}
		if got, want := First(r), pinyin.SinglePinyin(r, first); len(want) != 1 || got != want[0] {
			t.Fatalf("%c (%U): first %q, go-pinyin %q", r, r, got, want)
		}
		n++
	}
	if n < 20000 {
		t.Fatalf("go-pinyin reads only %d characters", n)
	}
	for _, r := range []rune{'a', '1', '，', 0x10FFFF, -1, 0} {
		if got := Readings(r); got != nil || First(r) != "" {
			t.Errorf("%U: %q, want none", r, got)
		}
	}
	if got := Readings('行'); len(got) < 2 || got[0] != "xing" {
		t.Errorf("行: %q, want xing first and its other readings", got)
	}
}

// TestSyllables: Syllables is every lower-case ASCII reading go-pinyin
// gives any character, sorted.
func TestSyllables(t *testing.T) {
	a := pinyin.NewArgs()
	a.Heteronym = true
	set := map[string]bool{}
	for k := range pinyin.PinyinDict {
		for _, s := range pinyin.SinglePinyin(rune(k), a) {
			if lowerASCII(s) {
				set[s] = true
			}
		}
	}
	want := make([]string, 0, len(set))
	for s := range set {
		want = append(want, s)
	}
	slices.Sort(want)
	if got := Syllables(); !slices.Equal(got, want) {
		t.Fatalf("%d syllables, go-pinyin has %d", len(got), len(want))
	}
}
