package targets

import (
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
