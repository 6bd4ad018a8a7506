package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestBodiesJSONOnSeeds(t *testing.T) {
	code, out, errs := runCLI(t, "", "bodies", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var bodies []struct {
		Name  string   `json:"name"`
		Count int      `json:"count"`
		Docs  []string `json:"docs"`
		Nodes []string `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &bodies); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	byName := map[string]int{}
	for i, b := range bodies {
		byName[b.Name] = i
		if b.Count != len(b.Nodes) || b.Count == 0 || len(b.Docs) == 0 {
			t.Errorf("%s: count %d, %d nodes, docs %v", b.Name, b.Count, len(b.Nodes), b.Docs)
		}
		if i > 0 && bodies[i-1].Count < b.Count {
			t.Errorf("not sorted by count at %s", b.Name)
		}
		for _, id := range b.Nodes {
			if !slices.ContainsFunc(b.Docs, func(d string) bool { return strings.HasPrefix(id, d+"/") }) {
				t.Errorf("%s: node %s is in none of %v", b.Name, id, b.Docs)
			}
		}
	}
	// Bodies the seeds name, each read in its document.
	for name, doc := range map[string]string{
		"省人力资源社会保障厅":    "guangdong-hrss-2021-14th-five-year-plan",
		"人社部":           "guangdong-hrss-2021-reply-1764",
		"各地区各有关部门":      "central-2019-social-mobility-opinions",
		"公共就业服务机构":      "central-2019-social-mobility-opinions",
		"珠三角9市政府":       "guangdong-social-mobility-implementation",
		"中共江西省委办公厅":     "jiangxi-2020-social-mobility-implementation",
		"中共中央办公厅":       "central-2019-social-mobility-opinions",
		"广东省人力资源和社会保障厅": "guangdong-hrss-2021-reply-1764",
	} {
		i, ok := byName[name]
		if !ok {
			t.Errorf("body %s missing", name)
			continue
		}
		if !slices.Contains(bodies[i].Docs, doc) {
			t.Errorf("%s: docs %v lack %s", name, bodies[i].Docs, doc)
		}
	}
	// Groups of people and places are no bodies.
	for _, name := range []string{"高校毕业生", "港澳居民", "广州", "大湾区", "人才港", "广东技工", "退役军人"} {
		if _, ok := byName[name]; ok {
			t.Errorf("%s listed as a body", name)
		}
	}
	// 中共中央办公厅 appears in the central opinions and both provincial ones.
	if i := byName["中共中央办公厅"]; len(bodies[i].Docs) < 2 {
		t.Errorf("中共中央办公厅 docs %v, want the central and the Jiangxi documents", bodies[i].Docs)
	}
}

func TestBodiesPlain(t *testing.T) {
	code, out, errs := runCLI(t, "", "bodies")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 10 || !strings.HasPrefix(lines[0], "count") {
		t.Fatalf("unexpected output:\n%s", out)
	}
	found := false
	for _, l := range lines[1:] {
		if strings.Contains(l, "省人力资源社会保障厅") {
			found = true
		}
	}
	if !found {
		t.Errorf("省人力资源社会保障厅 not listed:\n%s", out)
	}
	if code, _, _ := runCLI(t, "", "bodies", "extra"); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
}

func TestCollectBodiesCountsResponsible(t *testing.T) {
	var out, errb bytes.Buffer
	dir := t.TempDir()
	doc := "（一）加快发展人力资源服务业。培育骨干企业。（省人力资源社会保障厅牵头，省财政厅等按职责分工负责）\n"
	if err := os.WriteFile(dir+"/plan.txt", []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code := Run([]string{"--corpus", dir, "bodies", "--json"}, Env{Seeds: os.DirFS("../../seeds"), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var bodies []bodyJSON
	if err := json.Unmarshal(out.Bytes(), &bodies); err != nil {
		t.Fatal(err)
	}
	names := map[string]int{}
	for _, b := range bodies {
		names[b.Name] = b.Count
	}
	for _, n := range []string{"省人力资源社会保障厅", "省财政厅"} {
		if names[n] != 1 {
			t.Errorf("%s counted %d times, want once (span and annotation are one clause): %v", n, names[n], names)
		}
	}
}
