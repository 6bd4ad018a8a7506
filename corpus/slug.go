package corpus

import (
	"path"
	"strings"
	"unicode"

	"policyreader/corpus/internal/hanzi"
)

// Slug derives a stable ASCII document ID from a file name: the base name
// without extension, lower-cased, Han characters spelled in pinyin, every
// other run of non-alphanumerics turned into one '-'.
func Slug(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	var b strings.Builder
	dash := false
	put := func(s string) {
		for _, r := range s {
			if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(unicode.ToLower(r))
				dash = false
			} else if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	for _, r := range base {
		if unicode.Is(unicode.Han, r) {
			if p := hanzi.First(r); p != "" {
				if !dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				put(p)
				b.WriteByte('-')
				dash = true
				continue
			}
		}
		put(string(r))
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "doc"
	}
	return s
}
