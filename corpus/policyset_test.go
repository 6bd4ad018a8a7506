package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policyLabel is one hand-labelled row of testdata/policies/labels.tsv:
// what a careful reader reads off the document itself.
type policyLabel struct {
	file, title, issuers, docNumber, date string
}

func readPolicyLabels(t *testing.T, dir string) []policyLabel {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []policyLabel
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("labels.tsv line %d has %d fields", i+1, len(f))
		}
		out = append(out, policyLabel{f[0], f[1], f[2], f[3], f[4]})
	}
	return out
}

// TestPolicyHeaders holds title, issuers, 文号 and date to the labels of
// real policy documents gathered beyond the seeds: multi-line titles,
// joint issuers, signature blocks spaced out or broken over lines.
func TestPolicyHeaders(t *testing.T) {
	const dir = "testdata/policies"
	labels := readPolicyLabels(t, dir)
	if len(labels) < 12 {
		t.Fatalf("%d labelled documents, want at least 12", len(labels))
	}
	var title, issuers, number, date int
	for _, l := range labels {
		data, err := os.ReadFile(filepath.Join(dir, l.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseBytes(l.file, data)
		if err != nil {
			t.Fatalf("%s: %v", l.file, err)
		}
		check := func(n *int, field, got, want string) {
			if got == want {
				*n++
				return
			}
			t.Errorf("%s: %s = %q, want %q", l.file, field, got, want)
		}
		check(&title, "title", d.Title, l.title)
		check(&issuers, "issuers", strings.Join(d.Issuers, "|"), l.issuers)
		check(&number, "doc number", d.DocNumber, l.docNumber)
		check(&date, "date", d.Date, l.date)
	}
	t.Logf("policies: %d documents; title %d, issuers %d, 文号 %d, date %d", len(labels), title, issuers, number, date)
}
