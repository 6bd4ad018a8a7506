package search

import (
	"strings"
	"testing"
)

// TestSplitUnits: a run's splits into reading prefixes, each as its
// units.
func TestSplitUnits(t *testing.T) {
	ix := seedIndex(t)
	has := func(splits [][]string, want string) bool {
		for _, sp := range splits {
			if strings.Join(sp, "|") == want {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		run  string
		want []string
	}{
		{"luohu", []string{"luo|hu", "lu|o|hu"}},
		{"lh", []string{"l|h"}},
		{"jiuye", []string{"jiu|ye", "jiu|y|e"}},
	} {
		splits, ok := splitUnits(c.run, ix.prefixes)
		if !ok {
			t.Fatalf("%q: too many splits", c.run)
		}
		for _, w := range c.want {
			if !has(splits, w) {
				t.Errorf("%q: no split %s among %v", c.run, w, splits)
			}
		}
		for _, sp := range splits {
			if strings.Join(sp, "") != c.run {
				t.Errorf("%q: split %v does not spell it", c.run, sp)
			}
		}
	}
	if splits, ok := splitUnits("qvx", ix.prefixes); !ok || len(splits) != 0 {
		t.Errorf("qvx splits as %v", splits)
	}
}

// TestRunEntriesNarrows: for full pinyin the entries that can spell the
// run are every entry holding its characters and under half of those
// with its initials; initials alone constrain nothing.
func TestRunEntriesNarrows(t *testing.T) {
	ix := seedIndex(t)
	bm := ix.runEntries(mustSplit(t, ix, "luohu"))
	if bm == nil {
		t.Fatal("luohu: no constraint")
	}
	in, withL := 0, 0
	for e := range ix.entries {
		if bm[e/64]&(1<<(e%64)) != 0 {
			in++
		} else if strings.Contains(ix.entries[e].str, "落户") {
			t.Errorf("entry %d holds 落户 but is left out", e)
		}
		if ix.letters[e]>>32&(1<<('l'-'a')) != 0 {
			withL++
		}
	}
	if in == 0 || in*2 > withL {
		t.Errorf("luohu keeps %d entries of %d with an l initial", in, withL)
	}
	if ix.runEntries(mustSplit(t, ix, "lh")) != nil {
		t.Error("lh, two initials, is constrained")
	}
}

// TestPrefilterKeepsEveryMatch: on the seeds and the real laws, every
// entry whose own field a query's term matches passes that term's
// prefilter — the narrowing by lead characters, pair masks and letter
// masks may only drop entries that cannot match.
func TestPrefilterKeepsEveryMatch(t *testing.T) {
	c := lawsAndSeeds(t)
	ix := New(c)
	mt := &matcher{py: ix.py, sk: ix.skel}
	kept := 0
	for _, qs := range []string{"lu", "luo", "luoh", "luohu", "jy", "jyyx", "lh", "zhuang", "xian", "xa", "落hu", "hu落", "gongzuo", "zhengfu", "ab", "2025nian", "fl", "falv", "fa"} {
		q := parseQuery(qs)
		tm := &q.terms[0]
		tm.filter = ix.newPinyinFilter(tm)
		kept0 := ix.prefilter(tm, nil, false)
		in := make(map[int32]bool, len(kept0))
		for _, e := range kept0 {
			in[e] = true
		}
		matched := 0
		for e := range ix.entries {
			en := &ix.entries[e]
			// Matched by decoding the text (no skeleton codes), so the
			// check does not rest on the constraints the codes carry.
			if _, ok, _ := mt.match(tm, en.str, en.fold, en.field, uint32(ix.letters[e]), nil); ok {
				matched++
				if !in[int32(e)] {
					t.Fatalf("%q matches %s (%q) but its prefilter drops it", qs, ix.nodes[en.node].ID, en.str)
				}
			}
		}
		if matched == 0 && qs != "xa" {
			t.Errorf("%q matches nothing: the check proves nothing", qs)
		}
		kept += len(kept0)
	}
	t.Logf("%d entries kept over all queries", kept)
}

// mustSplit lists run's splits.
func mustSplit(t *testing.T, ix *Index, run string) [][]string {
	t.Helper()
	splits, ok := splitUnits(run, ix.prefixes)
	if !ok {
		t.Fatalf("%q: too many splits", run)
	}
	return splits
}

// TestKeepWordsAgreesWithKeep: the filter tested 64 entries at a time
// keeps exactly the entries it keeps one by one, for terms with one run
// and several, with and without lead characters, and for one that cannot
// split.
func TestKeepWordsAgreesWithKeep(t *testing.T) {
	c := lawsAndSeeds(t)
	ix := New(c)
	for _, qs := range []string{"lu", "luoh", "luohu", "jy", "jyyx", "lh", "落hu", "hu落hu", "gdp", "pm", "xa", "qqqq", "zhengfu", "a"} {
		q := parseQuery(qs)
		tm := &q.terms[0]
		f := ix.newPinyinFilter(tm)
		words := f.keepWords(ix)
		kept := 0
		for e := range ix.entries {
			one := f.keep(ix, int32(e))
			if one != hasBit(words, int32(e)) {
				t.Fatalf("%q on %s: keep %v, keepWords %v", qs, ix.nodes[ix.entries[e].node].ID, one, !one)
			}
			if one {
				kept++
			}
		}
		for e := len(ix.entries); e < len(words)*64; e++ {
			if hasBit(words, int32(e)) {
				t.Fatalf("%q: bit %d past the %d entries", qs, e, len(ix.entries))
			}
		}
		if qs == "luohu" && (kept == 0 || kept == len(ix.entries)) {
			t.Fatalf("%q keeps %d of %d entries: the check proves nothing", qs, kept, len(ix.entries))
		}
	}
}
