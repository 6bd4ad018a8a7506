package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLooksBinaryFastPath: counting bytes of valid UTF-8 gives the verdict
// of decoding every rune, on real documents and on made-up hostile text.
func TestLooksBinaryFastPath(t *testing.T) {
	texts := []string{"", "纯文本", "a\x00b", strings.Repeat("\x01", 10) + "正文", strings.Repeat("\ufffd", 3) + "正文正文", "\x1b[31m红\x1b[0m", strings.Repeat("字\x02", 30)}
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, s := range texts {
		if got, want := looksBinary(s), looksBinaryRunes(s); got != want {
			t.Errorf("looksBinary(%.40q) = %v, rune by rune %v", s, got, want)
		}
	}
}

// FuzzLooksBinary: both ways agree on any text.
func FuzzLooksBinary(f *testing.F) {
	f.Add("正文\x01\ufffd")
	f.Fuzz(func(t *testing.T, s string) {
		if looksBinary(s) != looksBinaryRunes(s) {
			t.Errorf("%q: the two checks disagree", s)
		}
	})
}
