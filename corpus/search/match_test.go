package search

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"policyreader/corpus"
)

func TestByteToRuneConvertsSahilmOffsets(t *testing.T) {
	ms := fuzzy.Find("国务院", []string{"abc国务院"})
	if len(ms) != 1 {
		t.Fatalf("fuzzy.Find gave %d matches", len(ms))
	}
	if want := []int{3, 6, 9}; !reflect.DeepEqual(ms[0].MatchedIndexes, want) {
		t.Fatalf("sahilm offsets %v, want the byte offsets %v (did its behaviour change?)", ms[0].MatchedIndexes, want)
	}
	if got, want := byteToRune("abc国务院", ms[0].MatchedIndexes), []int{3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("byteToRune = %v, want %v", got, want)
	}
	if got := byteToRune("a落b户", []int{1, 5}); !reflect.DeepEqual(got, []int{1, 3}) {
		t.Errorf("byteToRune mixed = %v, want [1 3]", got)
	}
	if got := byteToRune("", nil); len(got) != 0 {
		t.Errorf("byteToRune empty = %v", got)
	}
}

// TestHighlightedRunesAreTheMatchedHan is the regression test for the
// byte-offset bug: the runes at Matched must be exactly the characters the
// query spelled, for literal, scattered and pinyin matches.
func TestHighlightedRunesAreTheMatchedHan(t *testing.T) {
	c := buildCorpus([]nodeSpec{
		{"实施就业优先政策创造流动机会", "坚持把稳定和扩大就业作为经济社会发展的优先目标。"},
		{"以户籍制度和公共服务牵引区域流动", "全面取消城区常住人口300万以下的城市落户限制，到2025年全面放宽落户条件。"},
		{"营造浓厚氛围", "ABC银行与重庆市长江沿线。"},
	})
	ix := New(c)
	cases := []struct {
		query, want string
	}{
		{"落户", "落户"},
		{"luohu", "落户"},
		{"lh", "落户"},
		{"LuoHu", "落户"},
		{"luoh", "落户"},
		{"jiuyeyouxian", "就业优先"},
		{"jyyx", "就业优先"},
		{"jiuyyx", "就业优先"},
		{"营造氛围", "营造氛围"},
		{"yinhang", "银行"}, // 行 read hang
		{"yinxing", "银行"}, // and xing: every heteronym is indexed
		{"chongqing", "重庆"},
		{"changjiang", "长江"},
		{"abc", "ABC"},
		{"2025 luohu", "落户2025"}, // positions ascending: 落户 comes first in the text,
	}
	for _, tc := range cases {
		rs := search(t, ix, tc.query, 5)
		if len(rs) == 0 {
			t.Errorf("%q: no results", tc.query)
			continue
		}
		if got := matchedText(rs[0]); got != tc.want {
			t.Errorf("%q: first result %s highlights %q in %s, want %q", tc.query, rs[0].ID, got, rs[0].Field, tc.want)
		}
		snip := []rune(rs[0].Snippet)
		var sm []rune
		for _, p := range rs[0].SnippetMatched {
			if p < 0 || p >= len(snip) {
				t.Fatalf("%q: snippet position %d out of range of %q", tc.query, p, rs[0].Snippet)
			}
			sm = append(sm, snip[p])
		}
		if string(sm) != tc.want {
			t.Errorf("%q: snippet highlights %q, want %q", tc.query, string(sm), tc.want)
		}
	}
}

func TestPinyinNeedsContiguousHan(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{"", "落实各项户籍政策"}}))
	if rs := search(t, ix, "luohu", 5); len(rs) != 0 {
		t.Errorf("luohu matched scattered 落…户: %v", ids(rs))
	}
	if rs := search(t, ix, "luoshi", 5); len(rs) != 1 || matchedText(rs[0]) != "落实" {
		t.Errorf("luoshi: %v", rs)
	}
}

func TestRankingTieBreaks(t *testing.T) {
	t.Run("contiguous beats scattered heading", func(t *testing.T) {
		ix := New(buildCorpus([]nodeSpec{
			{"落实户口", "无关内容"},
			{"", "全面放宽城市落户条件"},
		}))
		rs := search(t, ix, "落户", 5)
		if got := ids(rs); !reflect.DeepEqual(got, []string{"doc1/c2", "doc1/c1"}) {
			t.Errorf("order %v, want contiguous body first", got)
		}
		if rs[1].Field != FieldHeading || !reflect.DeepEqual(rs[1].Matched, []int{0, 2}) {
			t.Errorf("scattered match %s %v, want heading [0 2]", rs[1].Field, rs[1].Matched)
		}
	})
	t.Run("heading beats body", func(t *testing.T) {
		ix := New(buildCorpus([]nodeSpec{
			{"其他事项", "放宽落户条件"},
			{"放宽落户条件", "其他事项"},
		}))
		if got := ids(search(t, ix, "落户", 5)); !reflect.DeepEqual(got, []string{"doc1/c2", "doc1/c1"}) {
			t.Errorf("order %v, want heading match first", got)
		}
	})
	t.Run("shorter span", func(t *testing.T) {
		ix := New(buildCorpus([]nodeSpec{
			{"", "甲落乙丙户丁"},
			{"", "甲落乙户丙丁"},
		}))
		if got := ids(search(t, ix, "落户", 5)); !reflect.DeepEqual(got, []string{"doc1/c2", "doc1/c1"}) {
			t.Errorf("order %v, want span 3 before span 4", got)
		}
	})
	t.Run("document order", func(t *testing.T) {
		ix := New(buildCorpus(
			[]nodeSpec{{"", "放宽落户条件"}},
			[]nodeSpec{{"", "放宽落户条件"}, {"", "放宽落户条件"}},
		))
		if got := ids(search(t, ix, "落户", 5)); !reflect.DeepEqual(got, []string{"doc1/c1", "doc2/c1", "doc2/c2"}) {
			t.Errorf("order %v, want document order", got)
		}
	})
	t.Run("one character: headings then texts in order", func(t *testing.T) {
		ix := New(buildCorpus([]nodeSpec{
			{"", "落户"}, {"落实", ""}, {"", "坠落"}, {"落地", "落"},
		}))
		if got := ids(search(t, ix, "落", 0)); !reflect.DeepEqual(got, []string{"doc1/c2", "doc1/c4", "doc1/c1", "doc1/c3"}) {
			t.Errorf("order %v", got)
		}
		if got := ids(search(t, ix, "落", 2)); !reflect.DeepEqual(got, []string{"doc1/c2", "doc1/c4"}) {
			t.Errorf("limit 2: %v", got)
		}
	})
}

func TestQualityFloorDropsScatteredText(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{"", "落实工作要求，各地要结合实际，完善户籍管理"}}))
	if rs := search(t, ix, "落户", 5); len(rs) != 0 {
		t.Errorf("a 落 and a 户 twenty runes apart matched: %v", rs[0].Matched)
	}
}

func TestMultiTermUsesContext(t *testing.T) {
	c := buildCorpus(
		[]nodeSpec{{"户籍改革", "放宽落户条件"}},
		[]nodeSpec{{"其他", "放宽落户条件"}},
	)
	c.Docs[0].Short = "广东"
	c.Docs[1].Short = "江西"
	ix := New(c)
	if got := ids(search(t, ix, "广东 落户", 5)); !reflect.DeepEqual(got, []string{"doc1/c1"}) {
		t.Errorf("广东 落户 = %v, want only the Guangdong clause", got)
	}
	if got := ids(search(t, ix, "jiangxi luohu", 5)); !reflect.DeepEqual(got, []string{"doc2/c1"}) {
		t.Errorf("jiangxi luohu = %v, want only the Jiangxi clause", got)
	}
	if got := ids(search(t, ix, "户籍 落户", 5)); !reflect.DeepEqual(got, []string{"doc1/c1"}) {
		t.Errorf("户籍 落户 = %v, want the clause whose heading holds 户籍", got)
	}
	if rs := search(t, ix, "广东", 5); len(rs) != 0 {
		t.Errorf("a term matching only the label gave %v", ids(rs))
	}

	// A heading on the path is context for every descendant.
	d := c.Docs[1]
	parent := d.Children[0]
	parent.Heading = "深化户籍制度改革"
	child := &corpus.Node{ID: parent.ID + "/1", Kind: corpus.Item, Text: "调整积分落户政策", Parent: parent, Doc: d}
	parent.Children = append(parent.Children, child)
	ix = New(corpus.NewCorpus(c.Docs))
	if got := ids(search(t, ix, "hj 积分落户", 5)); !reflect.DeepEqual(got, []string{child.ID}) {
		t.Errorf("hj 积分落户 = %v, want %s (户籍 on its path)", got, child.ID)
	}
}

// TestNarrowingGivesFreshResults types queries keystroke by keystroke on one
// index and compares every step with a fresh index.
func TestNarrowingGivesFreshResults(t *testing.T) {
	c := buildCorpus([]nodeSpec{
		{"实施就业优先政策", "坚持把稳定和扩大就业作为优先目标，落实落户政策。"},
		{"以户籍制度牵引区域流动", "全面取消城市落户限制，到2025年放宽落户条件。"},
		{"落实", "落实落地"},
	})
	typed := New(c)
	for _, q := range []string{"luohu", "jyyx", "2025 luohu", "落户条件", "lsl"} {
		rs := []rune(q)
		for i := 1; i <= len(rs); i++ {
			prefix := string(rs[:i])
			got := search(t, typed, prefix, 0)
			want := search(t, New(c), prefix, 0)
			if !reflect.DeepEqual(ids(got), ids(want)) {
				t.Errorf("typed %q: %v, fresh index: %v", prefix, ids(got), ids(want))
			}
		}
	}
}

// TestNarrowingAfterBackspace edits a query back and forth: results must
// always be those of a fresh index.
func TestNarrowingAfterBackspace(t *testing.T) {
	c := buildCorpus([]nodeSpec{
		{"实施就业优先政策", "落实落户政策。"},
		{"以户籍制度牵引区域流动", "到2025年放宽落户条件。"},
		{"落实", "落地"},
	})
	ix := New(c)
	for _, q := range []string{"l", "lu", "luo", "luoh", "luo", "luos", "luoshi", "lu", "luohu", "落", "落户", "落", "落实", "2025", "2025 l", "2025 lh", "2025"} {
		if got, want := ids(search(t, ix, q, 0)), ids(search(t, New(c), q, 0)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q after edits: %v, fresh index: %v", q, got, want)
		}
	}
}

func TestSearchHonoursCancellation(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{"落户", "落户"}}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, q := range []string{"落", "落户", "luohu"} {
		if _, err := ix.Search(ctx, q, 5); !errors.Is(err, context.Canceled) {
			t.Errorf("%q: err = %v, want context.Canceled", q, err)
		}
	}
}

func TestSearchEmptyAndHostile(t *testing.T) {
	for i, ix := range []*Index{New(nil), New(buildCorpus()), New(buildCorpus([]nodeSpec{{"", ""}}))} {
		if rs := search(t, ix, "落户", 5); len(rs) != 0 {
			t.Errorf("empty index gave %v", rs)
		}
		// Stored and read back as any other.
		c := buildCorpus()
		if i == 2 {
			c = buildCorpus([]nodeSpec{{"", ""}})
		}
		if _, err := Load(c, ix.AppendBinary(nil)); err != nil {
			t.Errorf("empty index %d stored: %v", i, err)
		}
	}
	ix := New(buildCorpus([]nodeSpec{{"落户", "落户"}}))
	for _, q := range []string{"", "   ", "\u3000", "\x00", "\xff\xfe", string(make([]rune, 500))} {
		search(t, ix, q, 5)
	}
}

func TestConcurrentSearches(t *testing.T) {
	c := buildCorpus([]nodeSpec{{"实施就业优先政策", "放宽落户条件"}, {"落实", "落实落地"}})
	ix := New(c)
	want := map[string][]string{}
	qs := []string{"落", "落户", "luohu", "jyyx", "l", "lu"}
	for _, q := range qs {
		want[q] = ids(search(t, New(c), q, 0))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				q := qs[(i+g)%len(qs)]
				rs, err := ix.Search(context.Background(), q, 0)
				if err != nil || !reflect.DeepEqual(ids(rs), want[q]) {
					t.Errorf("concurrent %q: %v %v, want %v", q, ids(rs), err, want[q])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSnippetIsPrintable(t *testing.T) {
	ix := New(buildCorpus([]nodeSpec{{"", "\x1b[31m放宽\x00落户\xff条件\r\n"}}))
	rs := search(t, ix, "落户", 1)
	if len(rs) != 1 {
		t.Fatal("no result")
	}
	if got, want := rs[0].Snippet, " [31m放宽 落户\ufffd条件  "; got != want {
		t.Errorf("snippet %q, want %q", got, want)
	}
	snip := []rune(rs[0].Snippet)
	if string(snip[rs[0].SnippetMatched[0]:rs[0].SnippetMatched[1]+1]) != "落户" {
		t.Errorf("snippet positions %v misaligned in %q", rs[0].SnippetMatched, rs[0].Snippet)
	}
}

func TestSnippetWindow(t *testing.T) {
	long := ""
	for i := 0; i < 60; i++ {
		long += "一二三"
	}
	long += "放宽\n落户条件" + long
	ix := New(buildCorpus([]nodeSpec{{"", long}}))
	rs := search(t, ix, "落户", 1)
	if len(rs) != 1 {
		t.Fatalf("no result")
	}
	snip := []rune(rs[0].Snippet)
	if len(snip) > snippetRunes+2 || snip[0] != '…' || snip[len(snip)-1] != '…' {
		t.Errorf("snippet %q: want an 80-rune window with ellipses", rs[0].Snippet)
	}
	for _, p := range rs[0].SnippetMatched {
		if s := string(snip[p]); s != "落" && s != "户" {
			t.Errorf("snippet position %d is %q", p, s)
		}
	}
	if got := string(snip[rs[0].SnippetMatched[0]-1]); got != " " {
		t.Errorf("newline not flattened: %q", got)
	}
}

func TestDecodeRuneAgreesWithUTF8(t *testing.T) {
	for _, s := range []string{"落户abc", "\xe8\x90", "\xe8\x90\xbd\xed\xa0\x80x", "\xef\xbf\xbd", "\xe0\x80\x80", "\xf0\x9f\x98\x80中"} {
		for i := 0; i < len(s); {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Errorf("%q at %d: decodeRune = %U %d, utf8 = %U %d", s, i, r, n, wr, wn)
			}
			i += n
		}
	}
}

// TestSkeletonScanAgreesWithPlainScan checks that the skeleton-guided
// pinyin scan finds exactly what the plain scan finds, on every seed string.
func TestSkeletonScanAgreesWithPlainScan(t *testing.T) {
	ix := seedIndex(t)
	mt := &matcher{py: ix.py, sk: ix.skel}
	initials, primaries, foreign := 0, 0, 0
	for _, qs := range []string{"luohu", "luoh", "luo", "lh", "jy", "jyyx", "jiuyeyouxian", "jiuye", "l", "lu", "zhuang", "zhengfu", "rst", "2025nian", "xian", "zzqx", "ab", "gzjs", "en", "ai", "er"} {
		q := parseQuery(qs)
		tm := &q.terms[0]
		tm.filter = ix.newPinyinFilter(tm)
		chains := ix.chainsFor(tm)
		if chains != nil && chains.initials {
			initials++ // matched by codes alone where they allow
		}
		// The guides match gives: with the term's constraints, and without
		// them (a field holding its letters literally).
		constrained, free := guideOf(ix.skel, tm.runes, chains, ix.leadFor(tm)), guideOf(ix.skel, tm.runes, nil, 0)
		for e := range ix.entries {
			s := foldString(ix.entries[e].str, foldUpper|foldLetter|foldDigit|foldPunct)
			g := constrained
			if lit := uint32(ix.letters[e]); lit&tm.letterMask != 0 {
				g = free
			} else if lit != 0 && chains != nil {
				foreign++ // letters, none of the term's: constrained as Han text
			}
			if !ix.entries[e].valid {
				continue
			}
			s1, e1, o1 := mt.pinyin(tm.runes, s)
			s2, e2, o2 := mt.pinyinSkel(tm.runes, s, ix.skel.of(int32(e)), g, false)
			if s1 != s2 || e1 != e2 || o1 != o2 {
				t.Fatalf("%q on %s: plain (%d %d %d), skeleton (%d %d %d)", qs, ix.nodes[ix.entries[e].node].ID, s1, e1, o1, s2, e2, o2)
			}
			// Walked by the codes' lengths over the text they were made
			// from, which the matcher folds only for literal matches.
			raw := ix.entries[e].str
			s3, e3, o3 := mt.pinyin(tm.runes, raw)
			s4, e4, o4 := mt.pinyinSkel(tm.runes, raw, ix.skel.of(int32(e)), g, true)
			if s3 != s4 || e3 != e4 || o3 != o4 {
				t.Fatalf("%q on %s unfolded: plain (%d %d %d), skeleton by lengths (%d %d %d)", qs, ix.nodes[ix.entries[e].node].ID, s3, e3, o3, s4, e4, o4)
			}
			// The first match's byte offset lets spellsPrimary skip the
			// runes before it, with the same answer.
			if s4 >= 0 {
				if mt.startOff < 0 || utf8.RuneCountInString(raw[:mt.startOff]) != s4 {
					t.Fatalf("%q on %s: first match at rune %d but byte %d", qs, ix.nodes[ix.entries[e].node].ID, s4, mt.startOff)
				}
				if mt.spellsPrimary(tm.runes, raw, s4, e4, mt.startOff) != mt.spellsPrimary(tm.runes, raw, s4, e4, -1) {
					t.Fatalf("%q on %s: spellsPrimary differs with the offset", qs, ix.nodes[ix.entries[e].node].ID)
				}
			}
			// A run of first readings is searched where any run can start.
			{
				p1, q1 := mt.pinyinPrimary(tm.runes, raw)
				p2, q2 := mt.pinyinPrimarySkel(tm.runes, raw, ix.skel.of(int32(e)), g)
				if p1 != p2 || q1 != q2 {
					t.Fatalf("%q on %s: first readings plain (%d %d), skeleton (%d %d)", qs, ix.nodes[ix.entries[e].node].ID, p1, q1, p2, q2)
				}
				if p1 >= 0 {
					primaries++
				}
			}
		}
	}
	if initials < 4 {
		t.Errorf("only %d queries took the initials path", initials)
	}
	if mt.unsummed != 0 {
		t.Errorf("%d walks found codes that do not add up to their text", mt.unsummed)
	}
	if foreign < 50 {
		t.Errorf("only %d fields with other letters than the term's were walked with its chains", foreign)
	}
	if primaries < 1000 {
		t.Errorf("only %d fields spell a query with first readings", primaries)
	}
}

// TestAdvanceRunes: skipping runes by words lands where counting them one
// by one does, in ASCII, Han, four-byte and mixed text, from every start.
func TestAdvanceRunes(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefghijklmnopqrstuvwxyz0123456789", "推进户籍制度改革，放开城区常住人口300万以下城市落户限制。", "𠀀𠀁a推𠀂进bc", strings.Repeat("落户luohu𝔘", 9)} {
		starts := []int{}
		for i := range s {
			starts = append(starts, i)
		}
		for si, off := range starts {
			for k := 0; k <= len(starts)-si+2; k++ {
				want := len(s)
				if si+k < len(starts) {
					want = starts[si+k]
				}
				if got := advanceRunes(s, off, k); got != want {
					t.Fatalf("advanceRunes(%q, %d, %d) = %d, want %d", s, off, k, got, want)
				}
			}
		}
	}
}

// TestPrefixCodes: the two-letter prefixes fill exactly their code range,
// the seeds' characters mostly get one, and full pinyin terms start only
// at characters of their first two letters while initials do not.
func TestPrefixCodes(t *testing.T) {
	if len(prefix2s) != codeMulti-codePrefix {
		t.Fatalf("%d two-letter prefixes for %d codes: the syllables changed (go generate ./corpus/internal/hanzi): move codeMulti", len(prefix2s), codeMulti-codePrefix)
	}
	ix := seedIndex(t)
	withPrefix := 0
	for id := 1; id < len(ix.py.list); id++ {
		if codePrefix2(ix.skel.maskIdx[id]) >= 0 {
			withPrefix++
		}
	}
	if withPrefix*10 < (len(ix.py.list)-1)*7 {
		t.Errorf("only %d of %d characters coded by their two letters", withPrefix, len(ix.py.list)-1)
	}
	for q, want := range map[string]string{"luohu": "lu", "jiuye": "ji", "xian": "xi", "zhengfu": "", "lh": "", "jy": "", "l": ""} { // zhengfu: z|heng|fu splits too
		qq := parseQuery(q)
		got := ""
		if l := ix.leadFor(&qq.terms[0]); l > 0 {
			got = prefix2s[l-1]
		}
		if got != want {
			t.Errorf("lead of %q is %q, want %q", q, got, want)
		}
	}
}
