package targets

import (
	"strings"
	"testing"

	"policyreader/corpus"
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
