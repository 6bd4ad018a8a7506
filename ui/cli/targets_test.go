package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

// targetsCorpus is a hand-built corpus whose nodes carry target spans the
// way the parser sets them, with text from the Guangdong five-year plan and
// the Jiangxi implementation opinions.
func targetsCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	mark := func(n *corpus.Node, phrases ...string) {
		for _, p := range phrases {
			i := strings.Index(n.Text, p)
			if i < 0 {
				t.Fatalf("%q not in %q", p, n.Text)
			}
			s := len([]rune(n.Text[:i]))
			n.Spans = append(n.Spans, corpus.Span{Start: s, End: s + len([]rune(p)), Kind: highlight.Target})
		}
	}
	plan := &corpus.Document{ID: "plan", Title: "“十四五”规划", Short: "广东"}
	k1 := &corpus.Node{ID: "plan/ch4/k1", Kind: corpus.Clause, Heading: "乡村工匠", Doc: plan,
		Text: "到2022年，全省开展乡村工匠培训10万人次。到2025年，乡村工匠队伍更加壮大。"}
	mark(k1, "到2022年", "10万人次", "到2025年")
	k2 := &corpus.Node{ID: "plan/ch4/k2", Kind: corpus.Clause, Heading: "高技能人才", Doc: plan,
		Text: "全省高技能人才达到650万人。"}
	mark(k2, "650万人")
	plan.Children = []*corpus.Node{k1, k2}
	jx := &corpus.Document{ID: "jx", Title: "实施意见", Short: "江西"}
	c3 := &corpus.Node{ID: "jx/pt1/c3", Kind: corpus.Clause, Number: "（三）", Heading: "优化创新创业环境，增强流动动力", Doc: jx,
		Text: "确保企业开办时间压缩至 2 个工作日内。"}
	mark(c3, "2 个工作日内")
	jx.Children = []*corpus.Node{c3}
	return corpus.NewCorpus([]*corpus.Document{plan, jx})
}

func TestTargetsGroupedByDocument(t *testing.T) {
	var b bytes.Buffer
	if err := printTargets(&b, targetsCorpus(t), "doc", "", "table"); err != nil {
		t.Fatal(err)
	}
	// Each target reads as its clause; 到2022年 is the year of the target
	// in its sentence, not a row of its own; 到2025年 stands alone and
	// reads as what it opens.
	want := `“十四五”规划 · 广东
  乡村工匠  plan/ch4/k1
    2022  全省开展乡村工匠培训10万人次
    2025  到2025年，乡村工匠队伍更加壮大
  高技能人才  plan/ch4/k2
    -     全省高技能人才达到650万人

实施意见 · 江西
  （三）优化创新创业环境，增强流动动力  jx/pt1/c3
    -     确保企业开办时间压缩至 2 个工作日内
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTargetsByYear(t *testing.T) {
	var b bytes.Buffer
	if err := printTargets(&b, targetsCorpus(t), "year", "", "table"); err != nil {
		t.Fatal(err)
	}
	// Columns padded by display width: a Han character is two columns.
	want := `year  document  target                               clause                                id
2022  广东      全省开展乡村工匠培训10万人次         乡村工匠                              plan/ch4/k1
2025  广东      到2025年，乡村工匠队伍更加壮大       乡村工匠                              plan/ch4/k1
-     广东      全省高技能人才达到650万人            高技能人才                            plan/ch4/k2
-     江西      确保企业开办时间压缩至 2 个工作日内  （三）优化创新创业环境，增强流动动力  jx/pt1/c3
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTargetsJSONAndFilter(t *testing.T) {
	var b bytes.Buffer
	if err := printTargets(&b, targetsCorpus(t), "year", "广东 万人", "json"); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	// 10万人次 (2022) sorts before 650万人 (no year).
	if len(got) != 2 || got[0]["phrase"] != "10万人次" || got[1]["phrase"] != "650万人" {
		t.Fatalf("got %v", got)
	}
	want := map[string]any{"doc": "“十四五”规划 · 广东", "id": "plan/ch4/k1", "clause": "乡村工匠", "phrase": "10万人次", "statement": "全省开展乡村工匠培训10万人次", "year": 2022.0, "start": 17.0, "end": 22.0}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
	if len(got[0]) != len(want) {
		t.Errorf("keys %v, want %v", got[0], want)
	}
	b.Reset()
	if err := printTargets(&b, targetsCorpus(t), "doc", "没有这个", "json"); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty filter result: %q, %v", b.String(), err)
	}
	b.Reset()
	if err := printTargets(&b, targetsCorpus(t), "doc", "没有这个", "table"); err != nil || b.String() != "no targets\n" {
		t.Errorf("empty filter result: %q, %v", b.String(), err)
	}
}

// TestTargetsSeeds runs the command on the seeds: the highlighter marks
// targets, and their offsets must give their phrases.
func TestTargetsSeeds(t *testing.T) {
	c, errs := corpus.LoadFS(os.DirFS("../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, sortBy := range []string{"doc", "year"} {
		code, out, errs := runCLI(t, "", "targets", "--json", "--sort", sortBy)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got []targetJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not a JSON array: %v", err)
		}
		if len(got) == 0 {
			t.Fatal("no targets on the seeds")
		}
		for _, g := range got {
			n, ok := c.Node(g.ID)
			if !ok {
				t.Fatalf("unknown node %s", g.ID)
			}
			if p := string([]rune(n.Text)[g.Start:g.End]); p != g.Phrase {
				t.Errorf("%s [%d,%d) = %q, phrase %q", g.ID, g.Start, g.End, p, g.Phrase)
			}
		}
		if code, _, _ := runCLI(t, "", "targets", "--sort", sortBy); code != 0 {
			t.Errorf("plain targets --sort %s: exit %d", sortBy, code)
		}
	}
	for _, args := range [][]string{{"targets", "--sort", "clause"}, {"targets", "--sort"}} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestTargetsCSV: the seeds' targets as CSV, one row each, with the same
// targets as JSON and offsets that find the phrase in the node's text.
func TestTargetsCSV(t *testing.T) {
	code, out, errs := runCLI(t, "", "targets", "--format", "csv", "--sort", "year")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if strings.Join(recs[0], ",") != "document,year,target,statement,context,clause,id,start,end" {
		t.Fatalf("header %q", recs[0])
	}
	_, js, _ := runCLI(t, "", "targets", "--json")
	var all []targetJSON
	if err := json.Unmarshal([]byte(js), &all); err != nil {
		t.Fatal(err)
	}
	if len(recs)-1 != len(all) || len(all) < 50 {
		t.Fatalf("%d CSV rows, %d JSON targets", len(recs)-1, len(all))
	}
	c, _ := corpus.LoadFS(os.DirFS("../../seeds"))
	prevYear := ""
	for _, r := range recs[1:] {
		n, ok := c.Node(r[6])
		start, _ := strconv.Atoi(r[7])
		end, _ := strconv.Atoi(r[8])
		if !ok || string([]rune(n.Text)[start:end]) != r[2] {
			t.Errorf("row %q: the offsets do not find the phrase", r)
		}
		if r[1] != "" && prevYear != "" && r[1] < prevYear {
			t.Errorf("not sorted by year at %q", r)
		}
		if r[1] != "" {
			prevYear = r[1]
		}
	}
}
