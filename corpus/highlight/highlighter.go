package highlight

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Highlighter finds targets, bodies and figures. It holds the compiled
// gazetteer, is immutable once built and safe for concurrent use.
type Highlighter struct {
	gaz *gazetteer
}

// New compiles the embedded gazetteer into a Highlighter.
func New() (*Highlighter, error) {
	g, err := parseGazetteer(bodiesData)
	if err != nil {
		return nil, fmt.Errorf("compile embedded gazetteer: %w", err)
	}
	return &Highlighter{gaz: g}, nil
}

// defaultHighlighter is built on first use; the embedded gazetteer is tested
// to compile, so the error path only yields a Highlighter that finds nothing.
var defaultHighlighter = sync.OnceValue(func() *Highlighter {
	h, err := New()
	if err != nil {
		return &Highlighter{}
	}
	return h
})

// Find returns the target, body and figure spans of text using the embedded
// gazetteer: rune offsets, sorted by Start, non-overlapping.
func Find(text string) []Span { return defaultHighlighter().Find(text) }

// FindAsOf is Find for text of a document dated in the given year (0:
// unknown): a deadline before that year (到2021年 in a report of 2022) is
// past, and the quantities around it are figures.
func FindAsOf(text string, year int) []Span { return defaultHighlighter().FindAsOf(text, year) }

// FindReport is Find for text known to report the past, such as a clause
// under a heading that ReportsPast: every quantity is a Figure, nothing is a
// Target.
func FindReport(text string) []Span { return defaultHighlighter().FindReport(text) }

// Responsible parses a trailing responsibility annotation of a clause, such
// as （省人力资源社会保障厅牵头，省财政厅等按职责分工负责）, into body names,
// lead unit first; nil when text has none.
func Responsible(text string) []string { return defaultHighlighter().Responsible(text) }

// Duties is Responsible with how many of the units, first, lead; see
// [Highlighter.Duties].
func Duties(text string) ([]string, int) { return defaultHighlighter().Duties(text) }

// BodyKey folds the ways one body is written into one key, so aliases
// count as one body: 人社部 and 人力资源和社会保障部, 省政府 and 省人民政府,
// 国家发展和改革委员会 and 国家发展改革委 give the same key. The key is for
// comparing, not for showing.
func BodyKey(name string) string { return defaultHighlighter().BodyKey(name) }

// Find returns the target, body and figure spans of text: rune offsets,
// sorted by Start, non-overlapping, each with Start < End.
func (h *Highlighter) Find(text string) []Span { return h.FindAsOf(text, 0) }

// FindAsOf is Find for text of a document dated in the given year (0:
// unknown): a sentence whose every year is before it, one of them a
// deadline (到2021年), reports what was reached, not a target.
func (h *Highlighter) FindAsOf(text string, year int) []Span {
	spans := h.find(text, false, year)
	if !mayAnnotate(text) {
		return spans
	}
	// Every unit of a responsibility annotation that ends a line is a
	// body at its place, known to the gazetteer or not.
	var runes []rune
	offset := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		n := utf8.RuneCountInString(line)
		if strings.ContainsAny(line, ")）") {
			if names := h.Responsible(line); len(names) > 0 {
				if runes == nil {
					runes = []rune(text)
				}
				lr := runes[offset : offset+n]
				spans = AddBodies(runes[:offset+n], spans, names, offset+annotationStart(lr))
			}
		}
		offset += n
	}
	return spans
}

// AddBodies returns spans with a Body span added for every occurrence, at
// or after rune from, of each of names in text that no span overlaps yet
// (for names a document's annotations made known: 体育总局, 扶贫办 …).
// The result is sorted and non-overlapping.
func AddBodies(text []rune, spans []Span, names []string, from int) []Span {
	added := false
	for _, name := range names {
		nr := []rune(name)
		if len(nr) < 2 {
			continue
		}
		for i := max(from, 0); i+len(nr) <= len(text); i++ {
			if !runesAt(text, i, nr) {
				continue
			}
			s := Span{Start: i, End: i + len(nr), Kind: Body}
			if !overlapsAny(spans, s) {
				spans = append(spans, s)
				added = true
			}
			i += len(nr) - 1
		}
	}
	if added {
		sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	}
	return spans
}

func runesAt(text []rune, i int, nr []rune) bool {
	for k, r := range nr {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

func overlapsAny(spans []Span, s Span) bool {
	for _, o := range spans {
		if o.Start < s.End && s.Start < o.End {
			return true
		}
	}
	return false
}

// annotationStart returns the rune index of the parenthesis that opens the
// trailing annotation of text, or len(text).
func annotationStart(text []rune) int {
	end := len(text)
	for end > 0 && strings.ContainsRune(" \t\n　。；;.", text[end-1]) {
		end--
	}
	depth := 0
	for i := end - 1; i >= 0; i-- {
		switch fold(text[i]) {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(text)
}

// FindReport is Find for text known to report the past, such as a clause
// under a heading that ReportsPast (第一节 发展基础): every quantity is a
// Figure and nothing is a Target.
func (h *Highlighter) FindReport(text string) []Span { return h.find(text, true, 0) }

func (h *Highlighter) find(text string, report bool, year int) []Span {
	if h == nil || h.gaz == nil || text == "" {
		return nil
	}
	c := compact(text)
	var spans []Span
	spans = append(spans, h.gaz.findBodies(c.runes)...)
	spans = append(spans, findMeasures(c.runes, spans, report, year)...)
	spans = normalize(spans)
	for i := range spans {
		spans[i].Start, spans[i].End = c.orig[spans[i].Start], c.orig[spans[i].End-1]+1
	}
	return spans
}

// compacted is text with spaces removed (government text puts spaces
// around numbers: 700 万人次) and the original rune index of every kept rune.
type compacted struct {
	runes []rune
	orig  []int
}

func compact(text string) compacted {
	c := compacted{runes: make([]rune, 0, len(text)/2), orig: make([]int, 0, len(text)/2)}
	i := 0
	for _, r := range text {
		switch r {
		case ' ', '\u3000', '\u00a0', '\r':
		default:
			c.runes = append(c.runes, fold(r))
			c.orig = append(c.orig, i)
		}
		i++
	}
	return c
}

// fold maps full-width digits and signs to ASCII so one rule serves both.
func fold(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r == '％':
		return '%'
	case r == '．':
		return '.'
	case r == '（':
		return '('
	case r == '）':
		return ')'
	case r == '［':
		return '['
	case r == '］':
		return ']'
	}
	return r
}

// normalize sorts spans and drops or trims overlaps: bodies win over
// targets, targets over figures; a trimmed span keeps its end.
func normalize(spans []Span) []Span {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return rank(spans[i].Kind) < rank(spans[j].Kind)
	})
	out := spans[:0]
	for _, s := range spans {
		if s.Start >= s.End {
			continue
		}
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			prev := &out[n-1]
			switch {
			case rank(s.Kind) < rank(prev.Kind) && prev.Start < s.Start:
				prev.End = s.Start
			case s.End > prev.End:
				s.Start = prev.End
			default:
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func rank(k Kind) int {
	switch k {
	case Body:
		return 0
	case Target:
		return 1
	}
	return 2
}

// mayAnnotate reports whether text can hold a responsibility annotation:
// a closing parenthesis and a word annotations use.
func mayAnnotate(text string) bool {
	if strings.IndexByte(text, ')') < 0 && !strings.Contains(text, "）") {
		return false // byte searches: ContainsAny decodes every rune
	}
	for _, w := range []string{"负责", "牵头", "参与", "配合", "单位", "部门", "主体"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
