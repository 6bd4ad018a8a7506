package ui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/highlight"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// colourSGR matches SGR parameters that set a colour (30–37, 38;…, 40–47,
// 48;…, 90–97, 100–107).
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`)

func highlightedClause() (*corpus.Document, *corpus.Node) {
	doc := &corpus.Document{ID: "d", Title: "测试", Short: "省"}
	text := "到2025年，省人力资源社会保障厅新增就业115万人，截至2020年底达730万人。"
	n := &corpus.Node{ID: "d/c1", Kind: corpus.Clause, Number: "（一）", Heading: "稳就业", Text: text, Doc: doc,
		Responsible: []string{"省人力资源社会保障厅", "省财政厅"},
		Spans: []corpus.Span{
			{Start: 0, End: 6, Kind: highlight.Target},
			{Start: 7, End: 17, Kind: highlight.Body},
			{Start: 30, End: 40, Kind: highlight.Figure},
		}}
	doc.Children = []*corpus.Node{n}
	return doc, n
}

// testStyles returns the reader's styles on a 256-colour terminal, or
// with noColor on a plain ANSI one as under NO_COLOR.
func testStyles(noColor bool) Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	if noColor {
		r.SetColorProfile(termenv.ANSI)
	}
	return defaultStyles(r, noColor)
}

// TestHighlightStyles: targets, bodies and figures are drawn in distinct
// styles with a legend and a responsible line, in colour and in NO_COLOR.
func TestHighlightStyles(t *testing.T) {
	doc, n := highlightedClause()
	for _, noColor := range []bool{false, true} {
		st := testStyles(noColor)
		lines := renderDetail(doc, n, 100, &st, nil)
		var all []string
		for _, l := range lines {
			all = append(all, l.text)
		}
		out := strings.Join(all, "\n")
		plain := ansi.Strip(out)
		for _, want := range []string{"legend: target · body · figure", "responsible: 省人力资源社会保障厅、省财政厅", "（一）稳就业"} {
			if !strings.Contains(plain, want) {
				t.Errorf("noColor=%v: missing %q in\n%s", noColor, want, plain)
			}
		}
		seen := map[string]string{}
		// No style leans on italics, which CJK fonts rarely have.
		for name, s := range map[string]lipgloss.Style{"target": st.Target, "body": st.Body, "figure": st.Figure, "link": st.Link} {
			if s.GetItalic() {
				t.Errorf("noColor=%v: %s is italic", noColor, name)
			}
		}
		for name, s := range map[string]lipgloss.Style{"target": st.Target, "body": st.Body, "figure": st.Figure, "text": st.Text} {
			out := s.Render("x")
			if other, dup := seen[out]; dup {
				t.Errorf("noColor=%v: %s and %s look the same: %q", noColor, name, other, out)
			}
			seen[out] = name
		}
		for _, seg := range []struct {
			s     lipgloss.Style
			runes string
		}{{st.Target, "到2025年"}, {st.Body, "省人力资源社会保障厅"}} {
			if !strings.Contains(out, newPainter(seg.s).paint(seg.runes)) {
				t.Errorf("noColor=%v: %q not drawn in its style", noColor, seg.runes)
			}
		}
		if noColor && colourSGR.MatchString(out+st.Match.Render("x")+st.TreeSelected.Render("x")) {
			t.Errorf("NO_COLOR output names a colour: %q", out)
		}
		if !noColor && !colourSGR.MatchString(out) {
			t.Errorf("colour output has no colour: %q", out)
		}
	}
}
