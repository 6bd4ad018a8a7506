package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line args on the seeds with stdin and returns
// the exit status, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{
		Seeds:  os.DirFS("../../seeds"),
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

func TestTreeJSONOnSeeds(t *testing.T) {
	code, out, errs := runCLI(t, "", "tree", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var docs []docJSON
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d documents, want 5", len(docs))
	}
	var central *docJSON
	for i := range docs {
		if docs[i].ID == "central-2019-social-mobility-opinions" {
			central = &docs[i]
		}
	}
	if central == nil || central.Short != "中央" || central.Truncated {
		t.Fatalf("central document: %+v", central)
	}
	var parts, clauses []string
	var walk func(ns []*nodeJSON)
	walk = func(ns []*nodeJSON) {
		for _, n := range ns {
			switch n.Kind {
			case "part":
				parts = append(parts, n.Number)
			case "clause":
				clauses = append(clauses, n.Number)
			}
			if n.Children == nil {
				t.Errorf("%s: children must be an array, not null", n.ID)
			}
			walk(n.Children)
		}
	}
	walk(central.Children)
	if len(parts) != 6 || len(clauses) != 16 || clauses[15] != "(十六)" {
		t.Errorf("parts %v, clauses %v", parts, clauses)
	}
}

func TestShowJSONHasPathAndSpans(t *testing.T) {
	code, out, errs := runCLI(t, "", "show", "--json", "guangdong-hrss-2021-14th-five-year-plan/ch2/s3/k7")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Heading string     `json:"heading"`
		Text    string     `json:"text"`
		Path    []string   `json:"path"`
		Spans   []spanJSON `json:"spans"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Heading != "公共服务能力明显提升" || len(got.Path) != 2 || got.Path[0] != "第二章 总体要求" {
		t.Errorf("heading %q path %v", got.Heading, got.Path)
	}
	runes := []rune(got.Text)
	found := false
	for _, s := range got.Spans {
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("span %+v does not match the text at its offsets", s)
		}
		if s.Kind == "target" && strings.Contains(s.Text, "持卡率达98%") {
			found = true
		}
	}
	if !found {
		t.Errorf("no target span for 持卡率达98%%: %+v", got.Spans)
	}
}

func TestShowDocumentID(t *testing.T) {
	code, out, _ := runCLI(t, "", "show", "jiangxi-2020-social-mobility-implementation")
	if code != 0 || !strings.Contains(out, "2020-12-31") || !strings.Contains(out, "jiangxi-2020-social-mobility-implementation/pt2") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestExitStatuses(t *testing.T) {
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"--version"}, 0},
		{[]string{"search", "--help"}, 0},
		{[]string{"bookmarks", "-h"}, 0},
		{[]string{"nosuchcommand"}, 2},
		{[]string{"show"}, 2},
		{[]string{"tree", "--bogus"}, 2},
		{[]string{"show", "no/such/node"}, 1},
		{[]string{"--corpus", "/nonexistent/folder", "tree"}, 1},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, "", c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.code, errs)
		}
		if c.code != 0 && strings.Count(strings.TrimRight(errs, "\n"), "\n") > 1 {
			t.Errorf("%v: error is not a line or two: %q", c.args, errs)
		}
		if c.code == 0 && c.args[0] != "--version" && !strings.Contains(out, "Flags:") {
			t.Errorf("%v: no usage on stdout: %q", c.args, out)
		}
	}
}

// TestOutputNeverCarriesEscapes loads a document full of terminal escape
// sequences and bidi controls: no command's text output may pass them on.
func TestOutputNeverCarriesEscapes(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("关于测试\x1b]0;PWNED\x07的通知\n\n一、总体\x1b[2J要求\n\n（一）加强\x1b[31m组织\u202e领导。各地区各有关部门要抓好落实。\n")
	for range 30 {
		b.WriteString("（二）强化保障。到2025年，培训100万人次以上。\n")
	}
	name := filepath.Join(dir, "esc\x1b[1m.txt")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"tree"}, {"show", "esc-1m/pt1/c1"}, {"search", "加强"}, {"targets"}, {"bodies"},
	} {
		code, out, errs := runCLI(t, "", append([]string{"--corpus", dir}, args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(out+errs, bad) {
				t.Errorf("%v: output carries %q:\n%s", args, bad, out)
			}
		}
	}
	code, out, _ := runCLI(t, "\x1b[2J到2025年实现\x1b[31m", "highlight")
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, "2025") {
		t.Errorf("highlight: exit %d, output %q", code, out)
	}
}

// TestJSONKeepsDocumentText: --json output is byte-faithful (bidi controls
// in a document reach the JSON string, escaped controls stay escaped),
// while the same node's plain output neutralises them.
func TestJSONKeepsDocumentText(t *testing.T) {
	dir := t.TempDir()
	text := "一、总体要求\n（一）加强\u202e组织领导。各地区各有关部门要抓好落实。\n"
	if err := os.WriteFile(filepath.Join(dir, "bidi.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "", "--corpus", dir, "show", "--json", "bidi/pt1/c1")
	var got struct {
		Heading string `json:"heading"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || !strings.Contains(got.Heading, "\u202e") {
		t.Errorf("JSON heading %q (err %v), want the document's text unchanged", got.Heading, err)
	}
	_, out, _ = runCLI(t, "", "--corpus", dir, "show", "bidi/pt1/c1")
	if strings.Contains(out, "\u202e") {
		t.Errorf("plain output carries a bidi override: %q", out)
	}
}

// TestShowArticleWithItems: show prints an article with the items it is
// read with, in order.
func TestShowArticleWithItems(t *testing.T) {
	law := filepath.Join("..", "..", "corpus", "testdata", "laws", "073-社会法-妇女权益保障法(2022-10-30).md")
	code, out, errs := runCLI(t, "", "--corpus", law, "show", "073-she-hui-fa-fu-nv-quan-yi-bao-zhang-fa-2022-10-30/ch3/a25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	i, j := strings.Index(out, "（一）制定禁止性骚扰的规章制度"), strings.Index(out, "（八）其他合理的预防")
	if !strings.Contains(out, "第二十五条") || i < 0 || j < i {
		t.Errorf("article 25 without its items in order:\n%s", out)
	}
}

// TestHelpVersionAndFlagSpelling: help and version are commands as well
// as flags, help COMMAND lists the command's flags with two dashes, and a
// bad flag is named the way it was typed.
func TestHelpVersionAndFlagSpelling(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "compare") || !strings.Contains(out, "help COMMAND") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "policyreader "+Version+"\n") || !strings.Contains(out, "built with go") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"help", "help"}, {"help", "version"}} {
		if code, out, _ := runCLI(t, "", args...); code != 0 || !strings.Contains(out, "help COMMAND") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	code, out, _ := runCLI(t, "", "help", "search")
	if code != 0 || !strings.Contains(out, "--limit N") || !strings.Contains(out, "--corpus PATH") || strings.Contains(out, "\n  -limit") {
		t.Errorf("help search: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--nope"}, "not defined: --nope"},
		{[]string{"-nope"}, "not defined: -nope"},
		{[]string{"tree", "--nope=3"}, "not defined: --nope"},
		{[]string{"search", "--limit", "x", "q"}, `invalid value "x" for flag --limit`},
		{[]string{"search", "q", "--limit"}, "needs an argument: --limit"},
		{[]string{"help", "nope"}, `unknown command "nope"`},
		{[]string{"help", "search", "extra"}, "too many arguments"},
		{[]string{"version", "extra"}, "too many arguments"},
		{[]string{"search", "--json=maybe", "x"}, "for --json"},
	} {
		code, _, errs := runCLI(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

// TestChineseMessages: with --lang zh, or LANG=zh_CN.UTF-8, help and
// errors are in Chinese; --lang en wins over LANG; exit statuses hold.
func TestChineseMessages(t *testing.T) {
	run := func(lang string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Run(args, Env{Seeds: os.DirFS("../../seeds"), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string {
				if k == "LANG" {
					return lang
				}
				return ""
			}})
		return code, out.String(), errb.String()
	}
	if code, out, _ := run("", "--lang", "zh", "help"); code != 0 || !strings.Contains(out, "在终端里阅读中国政策文件") || !strings.Contains(out, "打印文档结构树") {
		t.Errorf("--lang zh help: %d\n%s", code, out)
	}
	if code, _, errs := run("zh_CN.UTF-8", "show", "no/such"); code != 1 || !strings.Contains(errs, `没有 ID 为 "no/such" 的节点`) {
		t.Errorf("LANG=zh show: %d %q", code, errs)
	}
	if code, _, errs := run("zh_CN.UTF-8", "search"); code != 2 || !strings.Contains(errs, "search 需要查询词") {
		t.Errorf("LANG=zh search: %d %q", code, errs)
	}
	if code, _, errs := run("zh_CN.UTF-8", "--lang", "en", "show", "no/such"); code != 1 || !strings.Contains(errs, `no node with ID "no/such"`) {
		t.Errorf("--lang en over LANG=zh: %d %q", code, errs)
	}
	if code, out, _ := run("zh_CN.UTF-8", "help", "search"); code != 0 || !strings.Contains(out, "--limit N") || !strings.Contains(out, "最多 N 个结果") {
		t.Errorf("LANG=zh help search: %d\n%s", code, out)
	}
	if code, _, errs := run("", "--lang", "fr"); code != 2 || !strings.Contains(errs, "unknown language") {
		t.Errorf("--lang fr: %d %q", code, errs)
	}
}
