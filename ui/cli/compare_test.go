package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCompareJSON(t *testing.T) {
	central := seedClause(t, "central-2019-social-mobility-opinions", "四")
	gd := seedClause(t, "guangdong-social-mobility-implementation", "七")
	jx := seedClause(t, "jiangxi-2020-social-mobility-implementation", "五")
	code, out, errs := runCLI(t, "", "compare", "--json", central.ID, gd.ID)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got compareJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Left.ID != central.ID || got.Right.ID != gd.ID || len(got.Counterparts) != 0 {
		t.Fatalf("sides %s / %s, counterparts %v", got.Left.ID, got.Right.ID, got.Counterparts)
	}
	paired := false
	for _, p := range got.Pairs {
		if len(p.Left) > 0 && len(p.Right) > 0 && strings.Contains(p.Left[0], "500 万以上") && strings.Contains(strings.Join(p.Right, ""), "广州、深圳") {
			paired = true
		}
	}
	if !paired {
		t.Errorf("the megacity rule is not paired with Guangdong's 广州、深圳 rule: %+v", got.Pairs)
	}
	if !strings.Contains(strings.Join(got.Right.Only, "|"), "广州、深圳") {
		t.Errorf("right only %q lacks 广州、深圳", got.Right.Only)
	}
	runes := []rune(gd.Text)
	for _, m := range got.Right.Marks {
		if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("mark %+v does not match the clause's text", m)
		}
	}

	// Without a second ID the best counterpart is chosen and the others listed.
	code, out, errs = runCLI(t, "", "compare", central.ID, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got = compareJSON{}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Right.ID != jx.ID || len(got.Counterparts) == 0 || got.Counterparts[0] != gd.ID {
		t.Errorf("chose %s with others %v; want %s then %s", got.Right.ID, got.Counterparts, jx.ID, gd.ID)
	}
}

func TestCompareText(t *testing.T) {
	central := seedClause(t, "central-2019-social-mobility-opinions", "四")
	gd := seedClause(t, "guangdong-social-mobility-implementation", "七")
	code, out, errs := runCLI(t, "", "compare", central.ID, gd.ID)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"only 广东\n  广东  建立完善新型户籍管理服务体系。", "only 广东: 调整完善广州、深圳", "中央  全面取消城区常住人口 300 万以下"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"compare"}, 2, "needs a node ID"},
		{[]string{"compare", "a", "b", "c"}, 2, "needs a node ID"},
		{[]string{"compare", "no/such"}, 1, `no node with ID "no/such"`},
		{[]string{"compare", "central-2019-social-mobility-opinions/pt3/c4", "no/such"}, 1, `no node with ID "no/such"`},
	} {
		code, _, errs := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q on one line", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}
