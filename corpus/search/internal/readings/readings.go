// Package readings lists the toneless pinyin syllables of go-pinyin's
// table, for the search's generated syllable table and its test.
package readings

import (
	"sort"

	"github.com/mozillazg/go-pinyin"
)

// Syllables returns every toneless reading of go-pinyin's table, sorted.
func Syllables() []string {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Style = pinyin.Normal
	set := map[string]bool{}
	for r := range pinyin.PinyinDict {
		for _, s := range pinyin.SinglePinyin(rune(r), a) {
			if isLowerASCII(s) {
				set[s] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// isLowerASCII reports a non-empty string of a-z: the readings the index
// keeps (the table also has a few with combining marks: m̀, ê̄).
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
