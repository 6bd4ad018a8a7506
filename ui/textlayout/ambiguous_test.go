package textlayout

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// TestAlignRunewidthUnderChineseLocale pins CJK.md #4: under LANG=zh_CN.UTF-8
// go-runewidth measures “ ” as two cells while lipgloss measures one; after
// AlignRunewidth both agree on every wrapped line of a seed full of quotes,
// with or without a lookup table built beforehand.
func TestAlignRunewidthUnderChineseLocale(t *testing.T) {
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_CTYPE", "")
	if os.Getenv("RUNEWIDTH_EASTASIAN") != "" {
		t.Skip("RUNEWIDTH_EASTASIAN set: both libraries already follow it")
	}
	if !runewidth.IsEastAsian() {
		t.Fatal("go-runewidth does not see zh_CN as East Asian; the pitfall test is stale")
	}
	text := readSeed(t, "../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")
	if !strings.Contains(text, "“") {
		t.Fatal("the plan has no “ to measure")
	}
	for _, lut := range []bool{false, true} {
		// The condition a program started under zh_CN gets by default.
		c := runewidth.NewCondition()
		c.EastAsianWidth = runewidth.IsEastAsian()
		if lut {
			c.CreateLUT()
		}
		if got := c.StringWidth("“”"); got != 4 {
			t.Fatalf("before: runewidth measures “” as %d, want 4 (the pitfall)", got)
		}
		AlignRunewidth(c)
		if got, want := c.StringWidth("“”"), ansi.StringWidth("“”"); got != want || want != 2 {
			t.Errorf("lut %v: after: runewidth %d, ansi %d cells for “”, want 2", lut, got, want)
		}
		for _, l := range wrapStrings(text, 37) {
			if a, r := ansi.StringWidth(l), c.StringWidth(l); a != r {
				t.Errorf("lut %v: %q: ansi %d cells, runewidth %d", lut, l, a, r)
			}
		}
	}
	AlignRunewidth(nil) // no panic
}
