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

func readPolicyLabels(t *testing.T, path string) []policyLabel {
	t.Helper()
	var out []policyLabel
	for _, f := range readTSV(t, path, 5) {
		out = append(out, policyLabel{f[0], f[1], f[2], f[3], f[4]})
	}
	return out
}

// readTSV reads a labels file: a header line, then rows of n tab-separated
// fields (a row's empty last field may be left off).
func readTSV(t *testing.T, path string, n int) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) == n-1 {
			f = append(f, "")
		}
		if len(f) != n {
			t.Fatalf("%s line %d has %d fields, want %d", path, i+1, len(f), n)
		}
		rows = append(rows, f)
	}
	return rows
}

// headerScores counts, over a labelled folder, the documents whose title,
// issuers, 文号 and date equal the labels.
type headerScores struct{ docs, title, issuers, number, date int }

// scorePolicyHeaders scores the documents of dir against the labels in
// its file named labels.
func scorePolicyHeaders(t *testing.T, dir, labels string, strict bool) headerScores {
	t.Helper()
	rows := readPolicyLabels(t, filepath.Join(dir, labels))
	var s headerScores
	for _, l := range rows {
		data, err := os.ReadFile(filepath.Join(dir, l.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseBytes(l.file, data)
		if err != nil {
			t.Fatalf("%s: %v", l.file, err)
		}
		s.docs++
		check := func(n *int, field, got, want string) {
			if got == want {
				*n++
				return
			}
			if strict {
				t.Errorf("%s: %s = %q, want %q", l.file, field, got, want)
			} else {
				t.Logf("%s: %s = %q, want %q", l.file, field, got, want)
			}
		}
		check(&s.title, "title", d.Title, l.title)
		check(&s.issuers, "issuers", strings.Join(d.Issuers, "|"), l.issuers)
		check(&s.number, "doc number", d.DocNumber, l.docNumber)
		check(&s.date, "date", d.Date, l.date)
	}
	t.Logf("%s: %d documents; title %d, issuers %d, 文号 %d, date %d", dir, s.docs, s.title, s.issuers, s.number, s.date)
	return s
}

// TestPolicyHeaders holds title, issuers, 文号 and date to the labels of
// real policy documents gathered beyond the seeds: multi-line titles,
// joint issuers, signature blocks spaced out or broken over lines.
func TestPolicyHeaders(t *testing.T) {
	s := scorePolicyHeaders(t, "testdata/policies", "labels.tsv", true)
	if s.docs < 12 {
		t.Errorf("%d labelled documents, want at least 12", s.docs)
	}
}

// TestPolicyHeadersBlind reports a second labelled set, held out from the
// rules, and holds it to floors a rule for the kind must reach.
func TestPolicyHeadersBlind(t *testing.T) {
	s := scorePolicyHeaders(t, "testdata/policies-blind", "labels.tsv", false)
	if s.docs < 8 {
		t.Fatalf("%d labelled documents, want at least 8", s.docs)
	}
	for name, n := range map[string]int{"title": s.title, "issuers": s.issuers, "文号": s.number, "date": s.date} {
		if n*4 < s.docs*3 {
			t.Errorf("%s right on %d of %d held-out documents, want ≥ 75 %%", name, n, s.docs)
		}
	}
}

// TestNoticeHeadersBlind reports the headers of a third set of notices,
// labelled by reading before the parser saw them (figures in
// testdata/MEASURES.md).
func TestNoticeHeadersBlind(t *testing.T) {
	s := scorePolicyHeaders(t, "testdata/notices-blind", "headers.tsv", false)
	if s.docs < 11 {
		t.Fatalf("%d labelled documents, want 11", s.docs)
	}
}
