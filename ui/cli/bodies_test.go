package cli

import (
	"bytes"
	"encoding/csv"
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
	var bodies []bodyJSON
	if err := json.Unmarshal([]byte(out), &bodies); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	byName := map[string]int{}
	for i, b := range bodies {
		byName[b.Name] = i
		for _, a := range b.Aliases {
			byName[a] = i
		}
		if b.Count != len(b.Nodes) || b.Count == 0 || len(b.Docs) == 0 || b.Count != b.Lead+b.Part+b.Named || len(b.Roles) != len(b.Nodes) {
			t.Errorf("%s: count %d, %d nodes, docs %v", b.Name, b.Count, len(b.Nodes), b.Docs)
		}
		if i > 0 {
			p := bodies[i-1]
			if p.Lead < b.Lead || p.Lead == b.Lead && (p.Part < b.Part || p.Part == b.Part && p.Named < b.Named) {
				t.Errorf("not sorted lead, part, named first at %s", b.Name)
			}
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
	if len(lines) < 10 || !strings.HasPrefix(lines[0], "lead") {
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
	names := map[string]bodyJSON{}
	for _, b := range bodies {
		names[b.Name] = b
	}
	for n, role := range map[string]string{"省人力资源社会保障厅": "lead", "省财政厅": "part"} {
		if b := names[n]; b.Count != 1 || len(b.Roles) != 1 || b.Roles[0] != role {
			t.Errorf("%s counted %d times as %v, want once as %s (span and annotation are one clause): %v", n, b.Count, b.Roles, role, names)
		}
	}
}

// TestBodiesCSV reads the work plan written like a State Council one: the
// ministry written three ways is one row with its lead and part counts.
func TestBodiesCSV(t *testing.T) {
	code, out, errs := runCLI(t, "", "--corpus", "../../corpus/bodies/testdata", "bodies", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if strings.Join(recs[0], ",") != "body,aliases,place,lead,part,named,documents" {
		t.Fatalf("header %q", recs[0])
	}
	if got := strings.Join(recs[1], ","); got != "人力资源社会保障部,人社部；人力资源和社会保障部,,4,6,0,workplan" {
		t.Errorf("first row %q", got)
	}
	for _, bad := range [][]string{{"bodies", "--format", "xml"}, {"bodies", "--json", "--format", "csv"}} {
		if code, _, errs := runCLI(t, "", bad...); code != 2 || !strings.Contains(errs, "--format") {
			t.Errorf("%v: exit %d %q", bad, code, errs)
		}
	}
}
