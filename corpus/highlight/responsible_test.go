package highlight

import (
	"slices"
	"strings"
	"testing"
)

func TestResponsible(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		// Provincial work plans: lead unit named with 牵头.
		{"加快发展人力资源服务业，培育一批骨干企业。（省人力资源社会保障厅牵头，省财政厅等按职责分工负责）",
			[]string{"省人力资源社会保障厅", "省财政厅"}},
		// State Council style: listed order, first is the lead.
		{"完善城区常住人口300万以下城市落户政策。（国家发展改革委、公安部负责。列第一位者为牵头单位，下同）",
			[]string{"国家发展改革委", "公安部"}},
		// Several lead units; collective bodies; a trailing full stop.
		{"推进档案信息全国联通。（人力资源社会保障部、国家档案局牵头，各地区各有关部门按职责分工负责）。",
			[]string{"人力资源社会保障部", "国家档案局", "各地区各有关部门"}},
		// The lead named after the others still comes first.
		{"落实创业担保贷款政策(人民银行广州分行、广东银保监局配合，省财政厅牵头)",
			[]string{"省财政厅", "人民银行广州分行", "广东银保监局"}},
		// Nested parentheses inside a body name; 和 between two bodies.
		{"做好就业援助。（各县（市、区）人民政府负责）", []string{"各县（市、区）人民政府"}},
		{"提高技工院校生均拨款标准。（省人社厅和省财政厅负责）", []string{"省人社厅", "省财政厅"}},
		{"加强组织领导。（省委组织部、省委编办、省人力资源社会保障厅按职责分工负责）",
			[]string{"省委组织部", "省委编办", "省人力资源社会保障厅"}},
		// Duplicates are dropped.
		{"（省人社厅牵头，省人社厅、省教育厅参与）", []string{"省人社厅", "省教育厅"}},
		// No annotation.
		{"推进就业。（2021年底前完成）", nil},
		{"实施《粤港澳大湾区（内地）事业单位公开招聘港澳居民管理办法（试行）》", nil},
		{"（省人社厅牵头）之后还有正文。", nil},
		{"", nil},
		{"负责）", nil},
		{"（牵头，负责）", nil},
	}
	for _, c := range cases {
		if got := Responsible(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Responsible(%q)\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestResponsibleSeedsHaveNone(t *testing.T) {
	// The seeds carry no responsibility annotations: nothing may be invented.
	for _, seed := range allSeeds {
		for _, line := range strings.Split(readSeed(t, seed), "\n") {
			if got := Responsible(line); got != nil {
				t.Errorf("%s: Responsible(%.40q) = %q", seed, line, got)
			}
		}
	}
}

func TestDutiesLeads(t *testing.T) {
	for _, tc := range []struct {
		text  string
		units string
		leads int
	}{
		{"做好稳岗返还。（人力资源社会保障部牵头，财政部、税务总局等按职责分工负责）", "人力资源社会保障部 财政部 税务总局", 1},
		{"加大贷款支持。（财政部、人民银行、人力资源社会保障部负责。列第一位者为牵头单位，下同）", "财政部 人民银行 人力资源社会保障部", 1},
		{"稳定制造业就业。（工业和信息化部、国家发展改革委按职责分工负责）", "工业和信息化部 国家发展改革委", 1},
		{"做好退役军人就业。（牵头单位：退役军人事务部、人力资源社会保障部；配合单位：教育部）", "退役军人事务部 人力资源社会保障部 教育部", 2},
		{"帮扶困难人员。（人力资源社会保障部负责）", "人力资源社会保障部", 1},
		{"健全服务体系。（民政部参与，人力资源社会保障部牵头）", "人力资源社会保障部 民政部", 1},
		{"甲项。（省人社厅牵头）\n乙项。（省财政厅牵头，省教育厅参与）", "省人社厅 省财政厅 省教育厅", 2},
		{"没有注释的条款。", "", 0},
	} {
		units, leads := Duties(tc.text)
		if strings.Join(units, " ") != tc.units || leads != tc.leads {
			t.Errorf("Duties(%q) = %q, %d; want %q, %d", tc.text, units, leads, tc.units, tc.leads)
		}
	}
}

func TestBodyKeyAliases(t *testing.T) {
	for _, group := range [][]string{
		{"人社部", "人力资源社会保障部", "人力资源和社会保障部", "人力资源 社会保障部"},
		{"省人社厅", "省人力资源社会保障厅", "省人力资源和社会保障厅"},
		{"国家发展改革委", "国家发展和改革委员会", "国家发改委"},
		{"省政府", "省人民政府"},
		{"国家卫生健康委", "国家卫健委", "国家卫生健康委员会"},
	} {
		for _, name := range group[1:] {
			if BodyKey(name) != BodyKey(group[0]) {
				t.Errorf("BodyKey(%s) = %s, BodyKey(%s) = %s", name, BodyKey(name), group[0], BodyKey(group[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"财政部", "教育部"}, {"广东省人民政府", "江西省人民政府"}, {"省人社厅", "市人社局"}} {
		if BodyKey(pair[0]) == BodyKey(pair[1]) {
			t.Errorf("%s and %s share a key", pair[0], pair[1])
		}
	}
}
