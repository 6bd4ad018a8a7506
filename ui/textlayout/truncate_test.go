package textlayout

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// TestTruncateKeepsWidths pins CJK.md #5: ansi.Cut("中文测试", 1, 5) keeps
// 中文, four cells starting a cell early; Truncate never splits a wide
// character, stays within the width and only drops whole graphemes.
func TestTruncateKeepsWidths(t *testing.T) {
	if cut := ansi.Cut("中文测试", 1, 5); ansi.StringWidth(cut) == 4 && cut == "中文" {
		t.Logf("ansi.Cut(中文测试, 1, 5) = %q: a horizontal cut shifts CJK by one cell", cut)
	}
	labels := []string{
		"关于促进劳动力和人才社会性流动体制机制改革的实施意见 · 广东",
		"广东省人力资源和社会保障事业发展“十四五”规划",
		"粤府办〔2021〕32号",
		"ascii label",
		"",
	}
	for _, s := range labels {
		full := ansi.StringWidth(s)
		for width := -1; width <= full+2; width++ {
			got := Truncate(s, width)
			w := ansi.StringWidth(got)
			switch {
			case width < 1 && got != "":
				t.Errorf("Truncate(%q, %d) = %q, want empty", s, width, got)
			case full <= width && got != s:
				t.Errorf("Truncate(%q, %d) = %q, want it unchanged", s, width, got)
			case w > max(width, 0):
				t.Errorf("Truncate(%q, %d) = %q: %d cells", s, width, got, w)
			case full > width && width >= 1:
				body, ok := strings.CutSuffix(got, Ellipsis)
				if width < ansi.StringWidth(Ellipsis) {
					body, ok = got, true // too narrow for the ellipsis
				}
				if !ok || !strings.HasPrefix(s, body) {
					t.Errorf("Truncate(%q, %d) = %q: not a prefix plus %s", s, width, got, Ellipsis)
				}
				// A wide character is dropped whole: at most one cell is lost.
				if w < width-1 {
					t.Errorf("Truncate(%q, %d) = %q: only %d cells", s, width, got, w)
				}
				if body != got && uniseg.GraphemeClusterCount(body)+1 != uniseg.GraphemeClusterCount(got) {
					t.Errorf("Truncate(%q, %d) = %q: split a grapheme", s, width, got)
				}
			}
		}
	}
}
