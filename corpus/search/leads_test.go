package search

import (
	"path/filepath"
	"testing"

	"policyreader/corpus"
)

// TestLeadUnit: the first unit of a run is the shortest prefix a split can
// start with, and none when that prefix is a single letter.
func TestLeadUnit(t *testing.T) {
	ix := seedIndex(t)
	for _, c := range []struct{ run, want string }{
		{"lu", "lu"},    // u starts no reading: only 路 律 落 … can start it
		{"luohu", "lu"}, // lu|o|hu splits too, so lu is the shortest
		{"lh", ""},      // initials: l|h
		{"jy", ""},      // j|y
		{"l", ""},       // one letter constrains nothing the masks do not
		{"qv", ""},      // no split at all (the filter rules it out elsewhere)
	} {
		if got := leadUnit(c.run, ix.prefixes); got != c.want {
			t.Errorf("leadUnit(%q) = %q, want %q", c.run, got, c.want)
		}
	}
	// Longer runs, decided by the corpus's readings: against enumeration.
	for _, run := range []string{"zhuang", "xian", "jiuyeyouxian", "gongzuo", "aoyun", "ererer"} {
		if got, want := leadUnit(run, ix.prefixes), bruteLead(run, ix.prefixes); got != want {
			t.Errorf("leadUnit(%q) = %q, enumeration gives %q", run, got, want)
		}
	}
}

// bruteLead finds the shortest first piece of any split by enumeration.
func bruteLead(run string, prefixes map[string]bool) string {
	var can func(s string) bool
	can = func(s string) bool {
		if s == "" {
			return true
		}
		for l := 1; l <= len(s); l++ {
			if prefixes[s[:l]] && can(s[l:]) {
				return true
			}
		}
		return false
	}
	for l := 1; l <= len(run); l++ {
		if prefixes[run[:l]] && can(run[l:]) {
			if l == 1 {
				return ""
			}
			return run[:l]
		}
	}
	return ""
}

// TestPrefilterKeepsEveryMatch: on the seeds and the real laws, every
// entry whose own field a query's term matches passes that term's
// prefilter — the narrowing by lead characters, pair masks and letter
// masks may only drop entries that cannot match.
func TestPrefilterKeepsEveryMatch(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(paths, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
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
			var codes []byte
			if en.valid {
				codes = ix.skel.of(int32(e))
			}
			if _, ok, _ := mt.match(tm, en.str, en.fold, en.field, uint32(ix.letters[e]), codes); ok {
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
