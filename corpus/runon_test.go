package corpus

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestRunOnChapter: a chapter title and its first article printed as one
// paragraph, as saved web pages do, are read as the chapter and the
// article; lines that only look so stay whole.
func TestRunOnChapter(t *testing.T) {
	src := strings.Join([]string{
		"测试办法",
		"第一章　总则　　第一条　为了规范测试，制定本办法。",
		"第二条　本办法适用于测试。",
		"第二章 规划建设 第三条 主管部门应当编制规划。",
		"第三章　关于第四条的适用",
		"第四条　依照本办法第三条处理。",
		"第四章　附则，第五条 不是标题",
		"第五条　本办法自发布之日起施行。",
	}, "\n")
	d, err := Parse("runon.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	d.Walk(func(n *Node) bool {
		if n.Kind == Chapter || n.Kind == Article {
			got = append(got, n.ID+" "+n.Number+" "+n.Heading+"|"+n.Text)
		}
		return true
	})
	want := []string{
		"runon/ch1 第一章 总则|",
		"runon/ch1/a1 第一条 |为了规范测试，制定本办法。",
		"runon/ch1/a2 第二条 |本办法适用于测试。",
		"runon/ch2 第二章 规划建设|",
		"runon/ch2/a3 第三条 |主管部门应当编制规划。",
		"runon/ch3 第三章 关于第四条的适用|",
		"runon/ch3/a4 第四条 |依照本办法第三条处理。",
	}
	if len(got) < len(want) || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("tree:\n%s\nwant first:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, g := range got {
		if strings.HasPrefix(g, "runon/ch4 ") && strings.Contains(g, "|") && !strings.Contains(g, "第五条 不是标题") {
			t.Errorf("a chapter line with a clause mark before 第五条 was cut: %s", g)
		}
	}
}

// TestRunOnChaptersOfSavedMeasures: the held-out measures whose chapter
// titles run into their first articles read as 第一条 to 第四十九条, in
// order, each chapter titled by its words alone.
func TestRunOnChaptersOfSavedMeasures(t *testing.T) {
	data, err := os.ReadFile("testdata/policies-blind/08-aba-2021-21-gov-data-measures.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseBytes("08.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	var articles []int
	d.Walk(func(n *Node) bool {
		switch n.Kind {
		case Article:
			articles = append(articles, int(n.value))
		case Chapter:
			if strings.Contains(n.Heading, "第") || strings.Contains(n.Heading, "。") || n.Heading == "" {
				t.Errorf("chapter %s: heading %q", n.Number, n.Heading)
			}
		}
		return true
	})
	if len(articles) != 49 {
		t.Fatalf("%d articles, want 49", len(articles))
	}
	for i, v := range articles {
		if v != i+1 {
			t.Fatalf("article %d is 第%s条", i+1, strconv.Itoa(v))
		}
	}
}

// TestSentencePoints: a numbered point that is one sentence with clauses
// (the State Council's working rules, a holiday notice), or whose first
// sentence binds someone by a modal (…要…, …负责…), is text, not a title;
// titles, with or without a comma, and leads stay headings, 供需 and 回应
// binding no one.
func TestSentencePoints(t *testing.T) {
	src := strings.Join([]string{
		"国务院工作规则",
		"第一章 总则",
		"一、国务院及各部门要进一步精简公文，部门职权范围内的事务，由部门自行发文；要加快网络化办公进程。",
		"二、推动经济高质量发展，筑牢社会性流动基础",
		"三、总体要求。坚持稳中求进，推动高质量发展。",
		"四、春节：1月28日至2月4日放假调休，共8天。",
		"五、相关省价格主管部门要精心组织，确保价格执行到位。执行中发现问题，请及时反馈。",
		"六、坚持稳中求进，推动高质量发展。",
		"（一）各试点地区第一责任部门负责做好落实工作。尽快印发实施细则。",
		"（二）强化组织领导，落实工作责任。各地要建立工作机制。",
		"（三）促进人才供需有效对接。统一全省人才服务标准。",
		"（四）本通知自发布之日起施行，有效期2年。",
	}, "\n")
	d, err := Parse("rules.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"一、": "|国务院及各部门要进一步精简公文，部门职权范围内的事务，由部门自行发文；要加快网络化办公进程。",
		"二、": "推动经济高质量发展，筑牢社会性流动基础|",
		"三、": "总体要求|坚持稳中求进，推动高质量发展。",
		"四、": "|春节：1月28日至2月4日放假调休，共8天。",
		"五、": "|相关省价格主管部门要精心组织，确保价格执行到位。执行中发现问题，请及时反馈。",
		// A sentence has no numbered children: over them it is a title.
		"六、":  "坚持稳中求进，推动高质量发展|",
		"(一)": "|各试点地区第一责任部门负责做好落实工作。尽快印发实施细则。",
		"(二)": "强化组织领导，落实工作责任|各地要建立工作机制。",
		"(三)": "促进人才供需有效对接|统一全省人才服务标准。",
		"(四)": "|本通知自发布之日起施行，有效期2年。",
	}
	seen := 0
	d.Walk(func(n *Node) bool {
		number := strings.NewReplacer("（", "(", "）", ")").Replace(n.Number)
		if w, ok := want[number]; ok {
			seen++
			if got := n.Heading + "|" + n.Text; got != w {
				t.Errorf("%s %q, want %q", number, got, w)
			}
		}
		return true
	})
	if seen != len(want) {
		t.Errorf("%d of %d points found", seen, len(want))
	}
}
