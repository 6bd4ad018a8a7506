package textlayout

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// checkSanitized asserts the output of Sanitize is harmless and maps rune for
// rune onto the input.
func checkSanitized(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", in, out)
	}
	if strings.IndexByte(out, 0x1b) >= 0 {
		t.Fatalf("Sanitize(%q) = %q: ESC survived", in, out)
	}
	for _, r := range out {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			t.Fatalf("Sanitize(%q) = %q: control %U survived", in, out, r)
		}
	}
	if got, want := utf8.RuneCountInString(out), utf8.RuneCountInString(in); got != want {
		t.Fatalf("Sanitize(%q) = %q: %d runes, want %d", in, out, got, want)
	}
	// Nothing left for a terminal to interpret as a sequence.
	if ansi.Strip(out) != out {
		t.Fatalf("Sanitize(%q) = %q: ansi.Strip still finds sequences", in, out)
	}
	// Rune i of the output stands for rune i of the input: safe runes are
	// unchanged.
	ir, or := []rune(in), []rune(out)
	for i := range ir {
		if safe := firstUnsafe(string(ir[i])) < 0 && ir[i] != utf8.RuneError; safe && ir[i] != or[i] {
			t.Fatalf("Sanitize(%q): rune %d %q became %q", in, i, ir[i], or[i])
		}
	}
}

// TestSanitizeCases pins the substitutions.
func TestSanitizeCases(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"国务院\n办公厅", "国务院\n办公厅"},
		{"\x1b[31m红\x1b[0m", "␛[31m红␛[0m"},
		{"\x1b]0;title\x07正文", "␛]0;title␇正文"},
		{"\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\", "␛]8;;http://x␛\\链接␛]8;;␛\\"},
		{"a\tb", "a b"},
		{"甲\r\n乙", "甲 \n乙"},
		{"甲\r乙", "甲␍乙"},
		{"\x00\x08\x7f", "␀␈␡"},
		{"\u009b31m", "\uFFFD31m"},               // 8-bit CSI
		{"a\x9bb", "a\uFFFDb"},                   // raw byte 0x9B, invalid UTF-8
		{"\u2028“十四五”", "\u2028“十四五”"},           // printable and separators kept
		{"\u202e反向\u202c文字", "\uFFFD反向\uFFFD文字"}, // RLO … PDF
		{"\u2067甲\u2069", "\uFFFD甲\uFFFD"},       // RLI … PDI
	}
	for _, c := range cases {
		got := Sanitize(c.in)
		if got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
		checkSanitized(t, c.in, got)
	}
}

// TestSanitizeKeepsSpanOffsets checks that a rune span computed on hostile
// text selects the same characters after sanitising.
func TestSanitizeKeepsSpanOffsets(t *testing.T) {
	in := "\x1b[2J\x1b[H城区常住人口\t300万以下的城市全面取消落户限制"
	start := strings.Index(in, "落户")
	rs := utf8.RuneCountInString(in[:start])
	out := []rune(Sanitize(in))
	if got := string(out[rs : rs+2]); got != "落户" {
		t.Errorf("span now selects %q", got)
	}
}

// TestSanitizeSeeds checks every seed: only tabs change (each to one space),
// and clean text is returned without a copy.
func TestSanitizeSeeds(t *testing.T) {
	for _, name := range seedNames(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		in := string(b)
		out := Sanitize(in)
		checkSanitized(t, in, out)
		if want := strings.ReplaceAll(in, "\t", " "); out != want {
			t.Errorf("%s: Sanitize changed more than tabs", name)
		}
		if clean := strings.ReplaceAll(in, "\t", " "); Sanitize(clean) != clean {
			t.Errorf("%s: clean text changed", name)
		}
	}
}

// TestSanitizeNoAllocWhenClean checks the fast path.
func TestSanitizeNoAllocWhenClean(t *testing.T) {
	s := "城区常住人口300万以下的城市全面取消落户限制。"
	if n := testing.AllocsPerRun(100, func() { _ = Sanitize(s) }); n != 0 {
		t.Errorf("%v allocations for clean text", n)
	}
}

// FuzzSanitize checks that no input survives with a control character or
// escape, and that the rune mapping stays one to one.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "\x1b[31m红", "\x1b]52;c;aGk=\x07", "\xff\xfe\x9b", "a\r\n\tb\x00", "\u0085\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSanitized(t, s, Sanitize(s))
	})
}

// BenchmarkSanitizePlan sanitises the whole five-year plan (tabs to spaces).
func BenchmarkSanitizePlan(b *testing.B) {
	raw, err := os.ReadFile("../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Sanitize(s)
	}
}
