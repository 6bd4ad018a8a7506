package highlight

import "testing"

// TestOrganClasses: one case for every class of organ the gazetteer and
// its rules know, in a sentence that gives it a task.
func TestOrganClasses(t *testing.T) {
	for _, c := range []struct{ class, text, body string }{
		{"constituent department", "外交部会同有关方面研究。", "外交部"},
		{"short form", "人社部、发展改革委负责。", "人社部"},
		{"short form", "人社部、发展改革委负责。", "发展改革委"},
		{"special organ", "国资委负责督促落实。", "国资委"},
		{"directly affiliated agency", "体育总局牵头推进全民健身。", "体育总局"},
		{"directly affiliated agency", "市场监管总局加强监管。", "市场监管总局"},
		{"administrative office", "国务院研究室组织研究。", "国务院研究室"},
		{"directly affiliated institution", "中国科学院承担科研任务。", "中国科学院"},
		{"national bureau", "国家能源局负责电力监管。", "国家能源局"},
		{"name before the 2018 reform", "国家卫生计生委、保监会按职责分工负责。", "国家卫生计生委"},
		{"name before the 2018 reform", "国家卫生计生委、保监会按职责分工负责。", "保监会"},
		{"name before the 2023 reform", "银保监会加强监管。", "银保监会"},
		{"office abolished in 2021", "扶贫办做好衔接。", "扶贫办"},
		{"CPC department", "中央宣传部组织宣传。", "中央宣传部"},
		{"CPC short form", "中组部负责干部培训。", "中组部"},
		{"NPC", "全国人大常委会进行审议。", "全国人大常委会"},
		{"court", "最高人民法院作出司法解释。", "最高人民法院"},
		{"procuratorate", "最高人民检察院依法监督。", "最高人民检察院"},
		{"people's organisation", "全国总工会、中国残联参与。", "全国总工会"},
		{"people's organisation", "供销合作总社做好农资供应。", "供销合作总社"},
		{"central bank", "人民银行加大再贷款支持。", "人民银行"},
		{"local office", "广州市人力资源社会保障局负责组织实施。", "广州市人力资源社会保障局"},
		{"department under a government", "县级以上地方人民政府卫生主管部门负责监督管理。", "县级以上地方人民政府卫生主管部门"},
		{"State Council department", "国务院税务主管部门制定具体办法。", "国务院税务主管部门"},
		{"provincial governments", "各省级人民政府要制定实施方案。", "各省级人民政府"},
		{"provincial governments concerned", "各有关省级人民政府要加强组织领导。", "各有关省级人民政府"},
		{"all levels", "地方各级人民政府应当加强领导。", "地方各级人民政府"},
		{"township", "乡镇人民政府应当采取措施。", "乡镇人民政府"},
		{"place for the level", "安徽证监局加强指导。", "安徽证监局"},
		{"place for the level", "合肥海关提供通关便利。", "合肥海关"},
		{"organ named in a law", "公安机关应当依法处理。", "公安机关"},
		{"party bound by a duty", "燃气企业应当建立安全管理制度。", "企业"},
		{"party that opens its sentence", "燃气经营者改动市政燃气设施，应当制定改动方案。", "燃气经营者"},
		{"named by what it does", "由国家组织药品集中采购和使用试点工作小组办公室负责。", "国家组织药品集中采购和使用试点工作小组办公室"},
	} {
		t.Run(c.class, func(t *testing.T) { requireCover(t, c.text, Body, c.body) })
	}
}

// TestAnnotationUnits: every unit of a responsibility annotation is a
// body, known to the gazetteer or not, in the forms annotations take.
func TestAnnotationUnits(t *testing.T) {
	for _, c := range []struct {
		text  string
		units []string
	}{
		{"推进全民健身。（体育总局、扶贫办、供销合作总社、各省级人民政府按职责分工负责）", []string{"体育总局", "扶贫办", "供销合作总社", "各省级人民政府"}},
		{"加快建设。（责任单位：省通信管理局、省铁塔公司、各基础电信企业）", []string{"省通信管理局", "省铁塔公司", "各基础电信企业"}},
		{"做好通关。（省商务厅牵头，合肥海关配合）", []string{"省商务厅", "合肥海关"}},
		{"建设平台。（某某推进中心牵头，省体育局参与）", []string{"某某推进中心", "省体育局"}},
	} {
		for _, u := range c.units {
			requireCover(t, c.text, Body, u)
		}
	}
}

// TestOrganFalseFriends: names inside other words, officers of an organ,
// and parties a policy only encourages are no bodies.
func TestOrganFalseFriends(t *testing.T) {
	for _, c := range []struct{ text, sub string }{
		{"中国科学院院士参加评审。", "中国科学院"},
		{"依照人民法院组织法的规定。", "人民法院"},
		{"村民委员会成员由村民选举产生。", "村民委员会"},
		{"国家机关工作人员玩忽职守的，依法给予处分。", "国家机关"},
		{"鼓励企业运用债券融资。", "企业"},
		{"推进小微企业应收账款融资。", "企业"},
		{"加快建设海关特殊监管区域。", "海关"},
		{"新华社北京12月25日电", "新华社"},
	} {
		forbid(t, c.text, Body, c.sub)
	}
}

// TestTargetForms: the limits and standards documents set are targets,
// in each form.
func TestTargetForms(t *testing.T) {
	for _, c := range []struct{ form, text, target string }{
		{"cap", "创业担保贷款最高不超过20万元。", "20万元"},
		{"floor", "财政补助比例不低于40%。", "不低于40%"},
		{"rate per person and month", "对符合条件的人员给予每人每月1500元的生活补贴。", "1500元"},
		{"rate a rule applies", "按不超过上年度缴费额的60%返还。", "60%"},
		{"range", "失业保险金领取期限为6—12个月。", "6—12个月"},
		{"time limit", "在5个工作日内办结。", "5个工作日内"},
		{"deadline before 实施", "各地要在2025年底前实施整改。", "2025年底前"},
		{"deadline within the year", "各地要于6月底前报送。", "6月底前"},
		{"penalty range in numerals", "处五百元以上三千元以下的罚款。", "五百元以上"},
		{"penalty in digits", "可以处3万元以下的罚款。", "3万元以下"},
		{"penalty without 的", "可以处5000元以下罚款。", "5000元以下"},
		{"multiple", "按照平均年产值的三倍收取土地闲置费。", "三倍"},
		{"range of multiples", "可并处违法所得二至三倍罚款。", "二至三倍"},
		{"days before", "在终止经营三十日前办理注销手续。", "三十日前"},
		{"percent in Chinese", "百分之三十上缴中央财政。", "百分之三十"},
		{"fraction in Chinese", "以全体议员三分之二多数通过。", "三分之二"},
		{"a count a rule requires", "执法人员不得少于2人。", "不得少于2人"},
		{"a term", "注册证的有效期为5年。", "有效期为5年"},
		{"rate named after it", "依照4.65%的综合计征率计征。", "4.65%"},
		{"time limit in numerals", "应当自受理之日起三十个工作日内作出决定。", "三十个工作日内"},
		{"threshold after a limit word", "居住累计不超过90天的，免予缴纳。", "不超过90天"},
		{"amount a rule sets", "应当减除费用6万元。", "6万元"},
		{"score an assessment gives", "（0.5分）", "0.5分"},
		{"floor of a count", "每年至少召开一次会议。", "至少召开一次"},
		{"deadline", "到2025年，新增就业100万人以上。", "到2025年"},
		{"term of days in digits", "应当在本意见印发之日起30日内制定办法。", "30日内"},
		{"term of days within", "申请人应当在15日以内提出。", "15日以内"},
	} {
		t.Run(c.form, func(t *testing.T) { requireCover(t, c.text, Target, c.target) })
	}
}

// TestTargetFalseFriends: numbers that name things, dates of reports and
// of coming into force, and past figures are no targets.
func TestTargetFalseFriends(t *testing.T) {
	for _, c := range []struct{ text, sub string }{
		{"依据第4626号建议答复如下。", "4626"},
		{"根据国发〔2018〕39号文件精神。", "39号"},
		{"地铁3号线开通运营。", "3号线"},
		{"截至2020年底，全省参保人数达1000万人。", "1000万人"},
		{"第十三届全国人民代表大会第二次会议通过。", "十三届"},
		{"依照本法第九条第二款的规定。", "第九条"},
		{"统一规划，进一步加强管理。", "一"},
		{"城区常住人口300万以下的城市全面取消落户限制。", "300万以下"},
		{"推进一元化管理体制改革。", "一元"},
		{"实施万元GDP能耗下降行动。", "万元"},
		{"开展百日攻坚行动。", "百日"},
		{"发展一日游、二日游产品。", "一日"},
		{"三元桥街道办事处组织实施。", "三元"},
		{"高度一点五米至五米。", "五米"},
		{"从2015年起，全区累计改造棚户区1.2万户。", "从2015年起"},
		{"深化“最多跑一次”改革。", "一次"},
		// The day a text comes into force binds no one to anything; as a
		// target every law of a library would fill the targets table.
		{"本办法自2021年3月1日起施行。", "2021年3月1日"},
		{"截至2020年5月31日，已办结1200件。", "31日"},
		{"三年前该地区已建成两座水厂。", "三年前"},
		{"按照被占耕地前三年平均年产值计算。", "三年"},
	} {
		forbid(t, c.text, Target, c.sub)
	}
	// 部门 after a ministry's name is a department, not the ministry: a
	// body there, if any, is the whole department.
	for _, text := range []string{"监察部门应当加强监督。", "应急部门要做好值守。"} {
		for _, s := range Find(text) {
			if s.Kind == Body && spanText(text, s) != string([]rune(text)[:4]) {
				t.Errorf("%s: body %q, not the department", text, spanText(text, s))
			}
		}
	}
}

// TestLabelledAnnotations: every unit of a labelled list is a body,
// whatever its name, also when another line follows the annotation.
func TestLabelledAnnotations(t *testing.T) {
	text := "加快建设。（责任单位：市信息中心、市档案馆、各县区）\n市信息中心要做好运维工作。"
	for _, u := range []string{"市信息中心", "市档案馆", "各县区"} {
		requireCover(t, text, Body, u)
	}
	text = "推进。（牵头单位：市信息中心；配合单位：市档案馆）"
	if got := Responsible(text); len(got) != 2 || got[0] != "市信息中心" || got[1] != "市档案馆" {
		t.Errorf("Responsible = %q", got)
	}
	requireCover(t, "团市委组织开展活动。", Body, "团市委")
}
