package bodies

import (
	"sort"
	"strings"

	"policyreader/corpus/internal/hanzi"

	"github.com/sahilm/fuzzy"
)

// spellings are the forms of a body (name and aliases) and their pinyin
// in full (renlizi…) and as initials (rlzyshbzb).
func (b *Body) spellings() (forms, pinyins []string) {
	forms = append([]string{b.Name}, b.Aliases...)
	for _, f := range forms {
		var full, initials strings.Builder
		for _, r := range []rune(f) {
			py := hanzi.First(r)
			if py == "" {
				continue
			}
			full.WriteString(py)
			initials.WriteByte(py[0])
		}
		if full.Len() > 0 {
			pinyins = append(pinyins, full.String(), initials.String())
		}
	}
	return forms, pinyins
}

// Filter returns the bodies that match query, best match first, ties in
// the order of bs: characters of the name or an alias in order (人社 finds
// 省人社厅), or a run of its pinyin or of its initials (renshe, rsb) — a run,
// not a subsequence, since any short Latin query is a subsequence of a
// long name's pinyin. An empty query keeps every body in order.
func Filter(bs []*Body, query string) []*Body {
	query = strings.ToLower(strings.Join(strings.Fields(query), ""))
	if query == "" {
		return bs
	}
	type ranked struct {
		b     *Body
		score int
		at    int
	}
	var out []ranked
	for i, b := range bs {
		forms, pinyins := b.spellings()
		best, ok := 0, false
		for _, m := range fuzzy.Find(query, forms) {
			if !ok || m.Score > best {
				best, ok = m.Score, true
			}
		}
		for _, p := range pinyins {
			// A run at the start of a reading beats one inside it.
			if i := strings.Index(p, query); i >= 0 && (!ok || 100-i > best) {
				best, ok = 100-i, true
			}
		}
		if ok {
			out = append(out, ranked{b, best, i})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	res := make([]*Body, len(out))
	for i, r := range out {
		res[i] = r.b
	}
	return res
}
