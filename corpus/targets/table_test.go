package targets

import (
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

func TestTableTargetsCarryIndicatorUnitAndYear(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var cells []Target
	for _, tg := range Collect(c) {
		if tg.Node.Kind == corpus.Table {
			cells = append(cells, tg)
		}
	}
	if len(cells) == 0 {
		t.Fatal("no targets in the plan's indicator tables")
	}
	want := map[string]bool{
		"城镇新增就业人数：[550] 万人":   false,
		"城镇调查失业率：5.5左右 %":     false,
		"补充养老保险基金规模：>3500 亿元": false,
	}
	for _, tg := range cells {
		if tg.Label() != tg.Context || tg.Context == tg.Phrase {
			t.Errorf("table target %q has no context (%q)", tg.Phrase, tg.Context)
		}
		if tg.Year != 2025 {
			t.Errorf("%q in the 2025 column has year %d", tg.Context, tg.Year)
		}
		if _, ok := want[tg.Context]; ok {
			want[tg.Context] = true
		}
	}
	for p, seen := range want {
		if !seen {
			t.Errorf("no table target %q", p)
		}
	}
}

// TestYearFromSection checks that a target whose sentence names no
// deadline takes the one its section states: 第三节 主要目标 opens with
// 到 2025 年, and its clause 多层次社会保障体系更加健全 sets 参保率达到95%.
func TestYearFromSection(t *testing.T) {
	c, errs := corpus.LoadPaths([]string{"../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	found := false
	for _, tg := range Collect(c) {
		if strings.Contains(tg.Phrase, "全省基本养老保险参保率达到95%") {
			found = true
			if tg.Year != 2025 {
				t.Errorf("%q has year %d, want 2025 from its section", tg.Phrase, tg.Year)
			}
		}
		// 发展基础 reports the past: none of its text gives targets a year.
		if strings.Contains(tg.Node.ID, "/ch1/s1") {
			t.Errorf("target %q under 发展基础", tg.Phrase)
		}
	}
	if !found {
		t.Fatal("target 全省基本养老保险参保率达到95% not found")
	}
}

// TestYearFromSectionSkipsVision builds the order the seed does not use —
// the goals' year first, the 2035 vision after — and a vision alone: the
// goal year is inherited either way, and a vision never is.
func TestYearFromSectionSkipsVision(t *testing.T) {
	for _, c := range []struct {
		intro string
		want  int
	}{
		{"到2025年，制度体系更加成熟。展望2035年，基本实现现代化。", 2025},
		{"展望 2035 年，基本实现现代化。到 2025 年，制度体系更加成熟。", 2025},
		{"展望2035年，基本实现社会主义现代化。", 0},
		{"远景目标至2035年基本实现。", 0},
	} {
		doc := &corpus.Document{ID: "d", Title: "规划"}
		sec := &corpus.Node{ID: "d/s3", Kind: corpus.Section, Heading: "主要目标", Text: c.intro, Doc: doc}
		text := "全省基本养老保险参保率达到95%。"
		clause := &corpus.Node{ID: "d/s3/k2", Kind: corpus.Clause, Heading: "社会保障更加健全", Text: text, Parent: sec, Doc: doc}
		clause.Spans = []corpus.Span{{Start: 0, End: len([]rune(text)) - 1, Kind: highlight.Target}}
		sec.Children = []*corpus.Node{clause}
		doc.Children = []*corpus.Node{sec}
		ts := Collect(corpus.NewCorpus([]*corpus.Document{doc}))
		if len(ts) != 1 || ts[0].Year != c.want {
			t.Errorf("intro %q: targets %+v, want one with year %d", c.intro, ts, c.want)
		}
	}
}
