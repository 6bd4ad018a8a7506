package highlight

import (
	"strings"
	"testing"
)

// TestDutyParties: parties laws name by their function are bodies where
// the sentence binds them — as the subject of a duty or a task, alone or
// in a list, or put to work by 由, 会同, 通知 — and lists of departments
// sharing one head are one body.
func TestDutyParties(t *testing.T) {
	for _, c := range []struct {
		text  string
		units []string
	}{
		{"城建档案管理机构应当对建设单位移交的建设工程档案进行查验。", []string{"城建档案管理机构"}},
		{"社区卫生服务站和有条件的村卫生室应当配备能够提供中医药服务的医师。", []string{"社区卫生服务站", "有条件的村卫生室"}},
		{"供水企业、自建设施供水管理单位、二次供水设施管理单位应当为其建立健康档案。", []string{"供水企业", "自建设施供水管理单位", "二次供水设施管理单位"}},
		{"复验结论与原检验结论不一致的，复验检验费用由原药品检验机构承担。", []string{"原药品检验机构"}},
		{"中医药主管部门应当会同人力资源保障部门建立完善中医药师承导师遴选制度。", []string{"人力资源保障部门"}},
		{"口岸所在地药品监督管理部门应当通知药品检验机构对进口药品逐批进行抽查检验。", []string{"药品检验机构"}},
		{"监察、房管、规划、工商、公安等行政管理部门和司法机关按照各自职责，协同土地行政主管部门做好土地监察工作。", []string{"监察、房管、规划、工商、公安等行政管理部门", "司法机关"}},
		{"设区的市、县（市）人民政府民政部门应当会同自然资源等部门，根据国土空间规划编制专项规划。", []string{"自然资源等部门"}},
		// A department under a level, of a subject the gazetteer need not
		// know, or named by its task, is one body.
		{"国务院专利行政部门应当加强对专利代理行业的监督。", []string{"国务院专利行政部门"}},
		{"县级以上地方人民政府文物主管部门应当建立巡查制度。", []string{"县级以上地方人民政府文物主管部门"}},
		{"县级以上人民政府负责住房保障工作的部门应当会同有关部门制定计划。", []string{"县级以上人民政府负责住房保障工作的部门", "有关部门"}},
		// Two stems sharing one head, and a subject a condition parts
		// from its duty.
		{"公共管理和服务机构应当加强公共数据安全管理。", []string{"公共管理和服务机构"}},
		{"专利代理机构合伙人、股东或者法定代表人等事项发生变化的，应当办理变更手续。", []string{"专利代理机构"}},
		// A duty that restricts (只能); a time condition (…前，应当); an
		// exception between the party and its duty, or before the party.
		{"保险代理公司只能在核定的范围内从事代理业务。", []string{"保险代理公司"}},
		{"烟花爆竹生产企业进行生产前，应当取得安全生产许可证。", []string{"烟花爆竹生产企业"}},
		{"经营财产保险业务的保险公司，除分立、合并外，不得解散。", []string{"经营财产保险业务的保险公司"}},
		{"除经国务院批准外，证券公司在境外设立机构的，应当报告。", []string{"证券公司"}},
		{"经省级保险监督管理机构批准，可以延长筹建期。", []string{"省级保险监督管理机构"}},
		{"容器经具有相应资质的检验机构检验合格，方可出厂销售。", []string{"具有相应资质的检验机构"}},
	} {
		for _, u := range c.units {
			requireCover(t, c.text, Body, u)
		}
	}
}

// TestDutyPartiesFalseFriends: anyone at all (任何单位), a verb phrase
// acting on a party (推进小微企业), a party a law only mentions, its
// staff, and the assembly that passed it are no bodies; nor is the date
// a law comes into force a target.
func TestDutyPartiesFalseFriends(t *testing.T) {
	for _, c := range []struct {
		text, sub string
		kind      Kind
	}{
		{"任何单位和个人不得侵占、破坏燃气设施。", "任何单位", Body},
		{"其他组织应当予以配合。", "其他组织", Body},
		{"推进小微企业开展应收账款融资。", "小微企业", Body},
		{"推动我省量子计算等领域算力企业与工业企业开展合作。", "工业企业", Body},
		{"重点交通目标的防御，由军队有关部门纳入防御计划，统一组织实施。", "统一组织", Body},
		{"电梯、消防等设施设备，应当委托专业机构进行管理维护。", "专业机构", Body},
		{"集体企业的领导人员和政府有关部门的工作人员玩忽职守的，依法追究刑事责任。", "政府有关部门", Body},
		{"(2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过)", "全国人民代表大会常务委员会", Body},
		{"本条例自2025年3月1日起施行。", "2025年3月1日", Target},
		{"理由不成立的，由于情况紧急，经由主管单位批准。", "主管单位", Body},
		{"各地要明确专门机构负责，统筹做好医院管理。", "明确专门机构", Body},
		{"各统筹地区要重视提升医疗机构开展即时结算的能力。", "各统筹地区要重视提升医疗机构", Body},
		{"本办法所称有关部门，是指承担职责的部门负责具体工作。", "承担职责的部门", Body},
		{"各部门要结合实际，推进工作，提升医疗机构开展服务的能力。", "提升医疗机构", Body},
		{"外国企业在中国境内设立的机构应当依法登记。", "外国企业", Body},
		{"责令违法企业停产整顿。", "违法企业", Body},
		{"小微企业可以享受税收优惠。", "小微企业", Body},
		{"新建大型数据中心应当达到能效标准。", "新建大型数据中心", Body},
		{"经营者与消费者协会可以协商解决。", "消费者协会", Body},
		{"截至2023年底，全省已建成3万个基站，必须继续推进。", "3万个", Target},
		{"2023年全市增长5.2%，不得不承认压力很大。", "5.2%", Target},
		{"2023年共处罚款500万元。", "500万元", Target},
		{"对违反规定的单位，由主管部门责令改正；情节严重的，应当依法处理。", "违反规定的单位", Body},
		// Named as staff's employer — the whole list — as the issuer of a
		// text cited, or as the court whose judgment is meant.
		{"国务院专利行政部门和地方人民政府管理专利工作的部门的工作人员离职后不得从事专利代理工作。", "国务院专利行政部门", Body},
		{"曾在地方人民政府管理专利工作的部门任职的专利代理师，不得代理。", "地方人民政府", Body},
		{"根据国务院《公共机构节能条例》，结合本市实际，制定本办法。", "国务院", Body},
		{"最高人民法院、最高人民检察院此前发布的司法解释与本解释不一致的，以本解释为准。", "最高人民法院", Body},
		{"负有执行义务的人对人民法院的判决、裁定有能力执行而拒不执行的，应当处罚。", "人民法院", Body},
		// An exception clause is no party: 除经…批准外 (the organ that
		// approves is, without the 除经).
		{"除经国家外汇管理机关批准外，外资保险公司经营保险业务的，应当以人民币计价结算。", "除经", Body},
		{"除经营者另有约定外，消费者可以退货。", "除经营者", Body},
		// 经 inside a word names no approving party.
		{"经营单位审批手续齐全的，予以办理。", "营单位", Body},
		{"神经外科医院检验合格的，予以发放。", "外科医院", Body},
	} {
		forbid(t, c.text, c.kind, c.sub)
	}
}

// TestFineWithoutDe: a fine's limit is a target with 的 or without it.
func TestFineWithoutDe(t *testing.T) {
	requireCover(t, "由燃气管理部门责令限期改正，恢复原状，可以处5000元以下罚款。", Target, "5000元以下")
	requireCover(t, "由燃气管理部门责令限期改正，可以处3万元以下的罚款。", Target, "3万元以下")
}

// TestListOfNamedOrgans: a list whose items the gazetteer names in full
// keeps each as a body of its own; a list of stems is one body that
// starts at its first stem, whatever word governs it.
func TestListOfNamedOrgans(t *testing.T) {
	for text, want := range map[string]string{
		"会同发展改革、财政等部门研究。":           "发展改革、财政等部门",
		"由建设、交通等部门负责。":              "建设、交通等部门",
		"按照财政、税务等部门的规定。":            "财政、税务等部门",
		"县级以上人民政府卫生健康、民政等部门应当加强监督。": "县级以上人民政府卫生健康、民政等部门",
	} {
		got := ""
		for _, s := range Find(text) {
			if s.Kind == Body && strings.HasSuffix(spanText(text, s), "部门") {
				got = spanText(text, s)
			}
		}
		if got != want {
			t.Errorf("%s: list %q, want %q", text, got, want)
		}
	}
	text := "教育部、民政部、自然资源部等部门要加强协作。"
	for _, u := range []string{"教育部", "民政部", "自然资源部"} {
		requireCover(t, text, Body, u)
	}
	for _, s := range Find(text) {
		if s.Kind == Body && s.End-s.Start > 5 {
			t.Errorf("%s: one body over the list: %q", text, spanText(text, s))
		}
	}
	// A bracket the name does not close is no part of it.
	text = "（中国出口信用保险公司安徽分公司负责）"
	requireCover(t, text, Body, "中国出口信用保险公司安徽分公司")
	for _, s := range Find(text) {
		if s.Kind == Body && s.Start == 0 {
			t.Errorf("%s: body %q takes the bracket", text, spanText(text, s))
		}
	}
}

// TestLevelActingOnDepartment: a government that acts on a department
// (会同, 督促, 指定, 建立 …, or after a modal) and the department are two
// bodies, never one name; nor is a department named before a task
// (…主管部门应当委托…的机构) or a kind of text (…的部门规章) a department
// named by its task.
func TestLevelActingOnDepartment(t *testing.T) {
	for _, c := range []struct{ text, verb string }{
		{"市人民政府会同中央金融管理部门建立协调机制。", "会同"},
		{"市人民政府配合中央金融管理部门做好工作。", "配合"},
		{"县级以上人民政府应当督促监管部门依法履职。", "督促"},
		{"省人民政府指定行政主管部门负责本条例的实施。", "指定"},
		{"国务院建立执法部门协作机制。", "建立"},
		{"省级人民政府主管部门应当委托有资质的机构进行检测。", "委托"},
		{"县级以上人民政府负责组织制定的部门规章应当公开。", "规章"},
	} {
		for _, s := range Find(c.text) {
			if got := spanText(c.text, s); s.Kind == Body && strings.Contains(got, c.verb) {
				t.Errorf("%s: body %q holds %s", c.text, got, c.verb)
			}
		}
	}
}
