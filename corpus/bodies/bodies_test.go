package bodies

import (
	"os"
	"strings"
	"testing"

	"policyreader/corpus"
)

func load(t testing.TB, fsys string) *corpus.Corpus {
	t.Helper()
	c, errs := corpus.LoadFS(os.DirFS(fsys))
	if len(errs) > 0 {
		t.Fatalf("load %s: %v", fsys, errs)
	}
	return c
}

func find(t *testing.T, bs []*Body, name string) *Body {
	t.Helper()
	b := Find(bs, name)
	if b == nil {
		t.Fatalf("no body %s", name)
	}
	return b
}

// TestWorkPlan reads a work plan annotated the way State Council work
// plans are: 牵头 written out, 列第一位者为牵头单位, labelled lists, and the
// ministry written three ways.
func TestWorkPlan(t *testing.T) {
	bs := Collect(load(t, "testdata"))
	hr := find(t, bs, "人社部")
	// Leads (一), (八), (九) by 牵头 or alone, and (十) as first listed;
	// takes part in (二), (三), (四), (五), (六), (七).
	if hr.Lead != 4 || hr.Part != 6 {
		t.Errorf("人力资源社会保障部 leads %d, takes part in %d; want 4 and 6", hr.Lead, hr.Part)
	}
	if hr.Name != "人力资源社会保障部" || strings.Join(hr.Aliases, ",") != "人社部,人力资源和社会保障部" {
		t.Errorf("name %q aliases %q", hr.Name, hr.Aliases)
	}
	if bs[0] != hr {
		t.Errorf("the body that leads most is not first: %s", bs[0].Name)
	}
	ndrc := find(t, bs, "国家发展和改革委员会")
	if ndrc.Name != "国家发展改革委" || ndrc.Lead != 2 || ndrc.Part != 1 {
		t.Errorf("国家发展改革委: %q leads %d part %d; want 2 and 1", ndrc.Name, ndrc.Lead, ndrc.Part)
	}
	vets := find(t, bs, "退役军人事务部")
	if vets.Lead != 1 || vets.Part != 0 {
		t.Errorf("退役军人事务部 (牵头单位：) leads %d part %d", vets.Lead, vets.Part)
	}
	edu := find(t, bs, "教育部")
	if edu.Lead != 1 || edu.Part != 2 {
		t.Errorf("教育部 leads %d part %d; want 1 ((五) first listed) and 2", edu.Lead, edu.Part)
	}
	prov := find(t, bs, "省人力资源社会保障厅")
	if prov.Lead != 1 || len(prov.Aliases) != 1 {
		t.Errorf("省人社厅 = 省人力资源和社会保障厅: %q %q leads %d", prov.Name, prov.Aliases, prov.Lead)
	}
	// The General Office is named in (十一) and issues the plan; no
	// annotation gives it a clause.
	if gb := find(t, bs, "国务院办公厅"); gb.Lead+gb.Part != 0 || gb.Named == 0 {
		t.Errorf("国务院办公厅 lead %d part %d named %d", gb.Lead, gb.Part, gb.Named)
	}
	for _, b := range bs {
		if len(b.Refs) != b.Total() {
			t.Errorf("%s: %d refs for %d clauses", b.Name, len(b.Refs), b.Total())
		}
	}
}

// TestSeedsMergeAliases: the seeds write the ministry 人社部 and
// 人力资源社会保障部, and the Guangdong department 广东省人力资源和社会保障厅
// (in its letter) and 省人力资源社会保障厅 (in the province's plan); each is
// one body. 省委、省政府 in the Guangdong and in the Jiangxi document are two.
func TestSeedsMergeAliases(t *testing.T) {
	bs := Collect(load(t, "../../seeds"))
	for _, pair := range [][2]string{{"人社部", "人力资源社会保障部"}, {"广东省人力资源和社会保障厅", "省人力资源社会保障厅"}} {
		a, b := Find(bs, pair[0]), Find(bs, pair[1])
		if a == nil || a != b {
			t.Errorf("%s and %s are not one body", pair[0], pair[1])
			continue
		}
		if a.Named < 2 || len(a.Aliases) == 0 {
			t.Errorf("%s: named %d, aliases %q", a.Name, a.Named, a.Aliases)
		}
	}
	seen := map[string]bool{}
	for _, b := range bs {
		if seen[b.key] {
			t.Errorf("key %s twice", b.key)
		}
		seen[b.key] = true
	}
	// 广东省人民政府 is not 江西省人民政府: a place is part of the body,
	// and a province's document means its own province by 省.
	if g, j := Find(bs, "广东省人民政府"), Find(bs, "江西省人民政府"); g == nil || g == j {
		t.Errorf("two provinces' governments merged or missing")
	}
	var labels []string
	for _, b := range bs {
		if b.Name == "省委、省政府" {
			labels = append(labels, b.Label())
		}
	}
	if strings.Join(labels, " ") != "省委、省政府（广东） 省委、省政府（江西）" {
		t.Errorf("省委、省政府 of two provinces: %q", labels)
	}
}

func TestFilter(t *testing.T) {
	bs := Collect(load(t, "testdata"))
	for _, tc := range []struct{ query, first string }{
		{"人社", "人力资源社会保障部"},
		{"renshebu", "人力资源社会保障部"},
		{"tuiyi", "退役军人事务部"},
		{"cz", "财政部"},
		{"教育", "教育部"},
	} {
		got := Filter(bs, tc.query)
		if len(got) == 0 || got[0].Name != tc.first {
			names := []string{}
			for _, b := range got {
				names = append(names, b.Name)
			}
			t.Errorf("Filter(%q) = %q, want %s first", tc.query, names, tc.first)
		}
	}
	if got := Filter(bs, "zzzz"); len(got) != 0 {
		t.Errorf("zzzz matched %d bodies", len(got))
	}
	if got := Filter(bs, " "); len(got) != len(bs) {
		t.Errorf("blank query kept %d of %d", len(got), len(bs))
	}
}
