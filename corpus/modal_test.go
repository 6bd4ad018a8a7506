package corpus

import "testing"

func TestBindsByModal(t *testing.T) {
	for s, want := range map[string]bool{
		"各部门要按照有关法律规定接受司法监督":      true,
		"各试点地区第一责任部门负责做好落实工作":     true,
		"有关发电企业应积极参与调峰辅助服务市场":     true,
		"2025年底前全国所有统筹地区均需开展即时结算": true,
		"工作中如遇重大事项，请及时报告":         true,
		"促进人才供需有效对接":              false,
		"推进政务公开，强化解读回应":           false,
		"全面清理医保应付未付费用":            false,
		"适时聘请评估机构":                false,
		"实行总理负责制":                 false,
		"加强应急管理体系建设":              false,
		"抓好重要领域改革":                false,
		"要素市场化配置改革":               false,
	} {
		if got := bindsByModal(s); got != want {
			t.Errorf("bindsByModal(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAboutItself(t *testing.T) {
	for s, want := range map[string]bool{
		"本通知自发布之日起施行，有效期2年": true,
		"本办法由市财政局负责解释":      true,
		"本市推动建立伦理协作审查机制":    false,
		"基本公共服务均等化":         false,
	} {
		if got := aboutItself(s); got != want {
			t.Errorf("aboutItself(%q) = %v, want %v", s, got, want)
		}
	}
}
