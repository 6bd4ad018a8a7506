package textlayout

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// testWidths are the terminal widths every seed is wrapped at.
var testWidths = []int{1, 2, 3, 10, 24, 37, 40, 80, 100}

// noStart and noEnd are the marks CJK.md and issue 5 name: no line may start
// with the first or end with the second.
const (
	noStart = "，。、；：）」”！？"
	noEnd   = "（「“"
)

// seedNames lists the seed documents.
func seedNames(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %v, %d files", err, len(names))
	}
	return names
}

// readSeed returns the sanitised text of the seed file name.
func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return Sanitize(string(b))
}

// longestParagraph returns the longest line of text, in runes.
func longestParagraph(text string) string {
	best := ""
	for p := range strings.SplitSeq(text, "\n") {
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
			best = p
		}
	}
	return best
}

// opportunities returns the rune offsets at which UAX #14 (as uniseg
// implements it) allows or requires a line break, leaving out those inside
// a grapheme cluster, where Wrap never breaks.
func opportunities(text string) map[int]bool {
	bounds := map[int]bool{}
	g, n := uniseg.NewGraphemes(text), 0
	for g.Next() {
		n += len(g.Runes())
		bounds[n] = true
	}
	ops := map[int]bool{}
	pos, state := 0, -1
	rest := text
	for rest != "" {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += utf8.RuneCountInString(seg)
		if bounds[pos] {
			ops[pos] = true
		}
	}
	return ops
}

// checkWrap asserts every invariant Wrap promises for text at width and
// returns the lines as strings.
func checkWrap(t *testing.T, text string, width int, lines []Line) []string {
	t.Helper()
	return checkWrapRaw(t, text, width, lines, false)
}

// checkWrapRaw is checkWrap; with raw set, text may hold control characters
// and escapes, which lipgloss measures as zero cells and Wrap as one, so
// the check that forced breaks were needed is skipped.
func checkWrapRaw(t *testing.T, text string, width int, lines []Line, raw bool) []string {
	t.Helper()
	runes := []rune(text)
	out := make([]string, len(lines))
	covered := make([]bool, len(runes))
	prevEnd := 0
	for i, l := range lines {
		if l.Start < prevEnd || l.End < l.Start || l.End > len(runes) {
			t.Fatalf("width %d: line %d %v out of order or range (prev end %d, %d runes)", width, i, l, prevEnd, len(runes))
		}
		prevEnd = l.End
		s := string(runes[l.Start:l.End])
		out[i] = s
		// Width invariant, measured the way lipgloss measures.
		if w := lipgloss.Width(s); w > max(width, 1) && uniseg.GraphemeClusterCount(s) != 1 {
			t.Errorf("width %d: line %d %q is %d cells", width, i, s, w)
		}
		// White space is a grapheme cluster of one space rune (a space
		// carrying a combining mark is content).
		var first, last string
		for g := uniseg.NewGraphemes(s); g.Next(); {
			if first == "" {
				first = g.Str()
			}
			last = g.Str()
		}
		isSpace := func(c string) bool {
			return utf8.RuneCountInString(c) == 1 && unicode.IsSpace([]rune(c)[0])
		}
		if isSpace(last) {
			t.Errorf("width %d: line %d %q ends with white space", width, i, s)
		}
		// A line starts with white space only after a hard break.
		if isSpace(first) && l.Start > 0 && !isTerminator(runes[l.Start-1]) {
			t.Errorf("width %d: line %d %q starts with white space after a soft break", width, i, s)
		}
		for k := l.Start; k < l.End; k++ {
			covered[k] = true
		}
	}
	for k, r := range runes {
		if !unicode.IsSpace(r) && !covered[k] {
			t.Fatalf("width %d: rune %d %q is in no line", width, k, r)
		}
	}
	// A soft break is a UAX #14 opportunity unless the unbreakable run
	// around it is wider than the line.
	ops := opportunities(text)
	for i := 1; i < len(lines) && !raw; i++ {
		at := lines[i].Start
		// White space dropped at a soft break: the opportunity is before it.
		for at > 0 && unicode.IsSpace(runes[at-1]) && !ops[at] {
			at--
		}
		if at == 0 || isTerminator(runes[at-1]) || ops[at] {
			continue
		}
		lo, hi := at, at
		for lo > 0 && !ops[lo] {
			lo--
		}
		for hi < len(runes) && !ops[hi] {
			hi++
		}
		run := strings.TrimRightFunc(string(runes[lo:hi]), unicode.IsSpace)
		if lipgloss.Width(run) <= width {
			t.Errorf("width %d: forced break before rune %d inside %q, which fits", width, at, run)
		}
	}
	return out
}

// checkPunctuation asserts no line starts with closing punctuation or ends
// with an opening mark.
func checkPunctuation(t *testing.T, width int, lines []string) {
	t.Helper()
	for i, s := range lines {
		if s == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if strings.ContainsRune(noStart, first) {
			t.Errorf("width %d: line %d starts with %q: %q", width, i, first, s)
		}
		if strings.ContainsRune(noEnd, last) {
			t.Errorf("width %d: line %d ends with %q: %q", width, i, last, s)
		}
	}
}

// TestWrapSeeds wraps every seed, whole and paragraph by paragraph, at every
// test width and checks the invariants: width, coverage, order, breaks only
// where allowed, and (from width 10, where every unbreakable run of the
// seeds fits) no closing mark starting and no opening mark ending a line.
func TestWrapSeeds(t *testing.T) {
	for _, name := range seedNames(t) {
		text := readSeed(t, name)
		for _, width := range testWidths {
			t.Run(filepath.Base(name)+"/"+itoa(width), func(t *testing.T) {
				lines := checkWrap(t, text, width, Wrap(text, width))
				if width >= 10 {
					checkPunctuation(t, width, lines)
				}
				hard := strings.Count(strings.TrimRight(text, "\n"), "\n") + 1
				if len(lines) < hard {
					t.Errorf("%d lines for %d hard lines", len(lines), hard)
				}
				para := longestParagraph(text)
				plines := checkWrap(t, para, width, Wrap(para, width))
				if width >= 10 {
					checkPunctuation(t, width, plines)
				}
				// Paragraph lines are the same whether wrapped alone or
				// inside the document.
				if !slices.Equal(wrapStrings(para, width), plines) {
					t.Errorf("paragraph wraps differently alone")
				}
			})
		}
	}
}

// TestWrapFillsLines checks that Wrap is greedy: at a soft break taken at an
// opportunity, the next unbreakable run would not have fitted on the line.
func TestWrapFillsLines(t *testing.T) {
	text := longestParagraph(readSeed(t, "../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt"))
	runes := []rune(text)
	ops := opportunities(text)
	for _, width := range testWidths[2:] {
		lines := Wrap(text, width)
		for i := 0; i+1 < len(lines); i++ {
			at := lines[i+1].Start
			if !ops[at] {
				continue
			}
			next := at + 1
			for next < len(runes) && !ops[next] {
				next++
			}
			grown := strings.TrimRightFunc(string(runes[lines[i].Start:next]), unicode.IsSpace)
			if lipgloss.Width(grown) <= width {
				t.Errorf("width %d: line %d %q could have taken the next run (%q fits)", width, i, string(runes[lines[i].Start:lines[i].End]), grown)
			}
		}
	}
}

// TestWrapCases pins hand-checked layouts.
func TestWrapCases(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"only newline", "\n", 10, []string{""}},
		{"blank line kept", "甲\n\n乙", 10, []string{"甲", "", "乙"}},
		{"trailing newline adds no line", "甲\n", 10, []string{"甲"}},
		{"crlf", "甲\r\n乙", 10, []string{"甲", "乙"}},
		{"indent kept after hard break", "　　第一章", 10, []string{"　　第一章"}},
		{"indent dropped when the word cannot fit", "   abc", 4, []string{"abc"}},
		{"space at soft break dropped", "ab cd", 3, []string{"ab", "cd"}},
		// 。 may not start a line: 划。 moves down together.
		{"full stop stays", "规划。", 4, []string{"规", "划。"}},
		// （ may not end a line: （一） stays together at width 6.
		{"bracket group", "甲（一）", 7, []string{"甲", "（一）"}},
		// An unbreakable run wider than the line is broken by grapheme,
		// moving 一 so that ） does not start the line… unless that would
		// leave （ at the end: then greedy.
		{"forced, opening kept", "（一）", 4, []string{"（一", "）"}},
		{"forced at width 1", "中文", 1, []string{"中", "文"}},
		{"zero width is one", "ab", 0, []string{"a", "b"}},
		{"combining mark kept with base", "e\u0301e\u0301", 1, []string{"e\u0301", "e\u0301"}},
		{"emoji zwj sequence is one cluster", "👩\u200d👩\u200d👧x", 2, []string{"👩\u200d👩\u200d👧", "x"}},
		// Opportunities only after "http://" and "a.cn/"; "http://" is
		// wider than 5 and is broken by grapheme.
		{"url broken by grapheme", "http://a.cn/x", 5, []string{"http:", "//", "a.cn/", "x"}},
		{"tab counted one cell", "a\tb", 3, []string{"a\tb"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := wrapStrings(c.text, c.width)
			if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
			}
			checkWrap(t, c.text, c.width, Wrap(c.text, c.width))
		})
	}
}

// TestWrapPitfallStockWordwrap pins CJK.md #3: the stock ansi.Wordwrap (and
// so lipgloss) leaves a whole run of Chinese on one line far wider than the
// limit; Wrap keeps every line within 24 cells and starts none with 。 or ，.
func TestWrapPitfallStockWordwrap(t *testing.T) {
	text := longestParagraph(readSeed(t, "../../seeds/central-2019-social-mobility-opinions.txt"))
	stock := 0
	for l := range strings.SplitSeq(ansi.Wordwrap(text, 24, ""), "\n") {
		stock = max(stock, ansi.StringWidth(l))
	}
	t.Logf("ansi.Wordwrap at 24: widest line %d cells", stock)
	lines := checkWrap(t, text, 24, Wrap(text, 24))
	checkPunctuation(t, 24, lines)
	for _, l := range lines {
		if strings.HasPrefix(l, "。") || strings.HasPrefix(l, "，") {
			t.Errorf("line starts with 。 or ，: %q", l)
		}
	}
	if len(lines) < lipgloss.Width(text)/24 {
		t.Errorf("%d lines for %d cells at width 24", len(lines), lipgloss.Width(text))
	}
}

// TestWrapAmbiguousQuotes pins CJK.md #4 for Wrap: “ ” count one cell each,
// exactly as lipgloss measures them, also when the locale is Chinese (Wrap
// must not consult go-runewidth's locale rule).
func TestWrapAmbiguousQuotes(t *testing.T) {
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	if os.Getenv("RUNEWIDTH_EASTASIAN") != "" {
		t.Skip("RUNEWIDTH_EASTASIAN set: ambiguous width deliberately wide")
	}
	// UAX #14 forbids breaks on either side of “ and ”, so the runs are
	// 坚 | 持“十 | 四 | 五”规 | 划. With one-cell quotes 坚持“十四 is 9 cells
	// and 五”规 does not fit after it.
	got := wrapStrings("坚持“十四五”规划", 10)
	want := []string{"坚持“十四", "五”规划"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for i, cells := range []int{9, 7} {
		if i < len(got) && lipgloss.Width(got[i]) != cells {
			t.Errorf("%q: %d cells, want %d (quotes one cell each)", got[i], lipgloss.Width(got[i]), cells)
		}
	}
}

// TestWrapNoStockCutters keeps the stock helpers that break CJK text
// (CJK.md #3 and #5) out of this package.
func TestWrapNoStockCutters(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"ansi.Cut(", "ansi.Wordwrap(", "ansi.Hardwrap(", "ansi.Wrap(", "reflow"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s uses %s, which breaks CJK text", f, bad)
			}
		}
	}
}

// itoa formats a small non-negative int for subtest names.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// FuzzWrap checks Wrap on arbitrary text and widths: no panic, and on
// sanitised text every invariant of checkWrap; on raw text (escapes and
// controls left in) widths and coverage still hold.
func FuzzWrap(f *testing.F) {
	f.Add("　　第一章 总体要求，坚持“十四五”规划。（一）强化就业优先政策。", 10)
	f.Add("       二、下一步工作计划", 10)
	f.Add("http://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_3755210.html)", 7)
	f.Add("\x1b[31m红\x1b[0m\r\n\t\u2028e\u0301👩\u200d👧", 1)
	f.Add("（一）（二）「“引”」", 4)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, text string, width int) {
		width %= 200
		checkWrapRaw(t, text, width, Wrap(text, width), true)
		clean := Sanitize(text)
		lines := Wrap(clean, width)
		checkWrap(t, clean, width, lines)
		if slow := wrapSlow(clean, width); !slices.Equal(lines, slow) {
			t.Errorf("fast paths change the layout: %v, without %v", lines, slow)
		}
	})
}

// benchWrap wraps text at width 60 b.N times.
func benchWrap(b *testing.B, text string) {
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = Wrap(text, 60)
	}
}

// BenchmarkWrapLongestParagraph wraps the longest paragraph of the
// five-year plan (about 480 runes) at 60 columns.
func BenchmarkWrapLongestParagraph(b *testing.B) {
	benchWrap(b, longestParagraph(readSeed(b, "../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")))
}

// BenchmarkWrapPlan wraps the whole five-year plan at 60 columns.
func BenchmarkWrapPlan(b *testing.B) {
	benchWrap(b, readSeed(b, "../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt"))
}

// TestSimpleWidth checks Wrap's fast path: every rune simpleWidth accepts
// has the width x/ansi gives it, and forms a grapheme cluster of its own
// next to any other simple rune.
func TestSimpleWidth(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0xffff; r++ {
		w := simpleWidth(r)
		if w == 0 {
			continue
		}
		n++
		if got := ansi.StringWidth(string(r)); got != w {
			t.Errorf("%U: simpleWidth %d, ansi %d", r, w, got)
		}
		for _, o := range []string{"a", "中", string(r)} {
			if uniseg.GraphemeClusterCount(string(r)+o) != 2 || uniseg.GraphemeClusterCount(o+string(r)) != 2 {
				t.Errorf("%U joins a cluster with %q", r, o)
			}
		}
	}
	if n < 20000 {
		t.Errorf("only %d simple runes", n)
	}
}

// wrapSlow is Wrap without its fast paths: every cluster and every break
// opportunity comes from uniseg.
func wrapSlow(text string, width int) []Line {
	w := wrapper{limit: max(width, 1), slow: true}
	w.run(text)
	return w.lines
}

// TestWrapFastPathsAgree checks that the fast paths for ASCII, CJK
// punctuation and ideographs give exactly the layout uniseg alone gives, on
// every seed at every test width.
func TestWrapFastPathsAgree(t *testing.T) {
	for _, name := range seedNames(t) {
		text := readSeed(t, name)
		for _, width := range testWidths {
			if fast, slow := Wrap(text, width), wrapSlow(text, width); !slices.Equal(fast, slow) {
				t.Errorf("%s at %d: fast paths change the layout", filepath.Base(name), width)
			}
		}
	}
}
