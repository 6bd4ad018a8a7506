package corpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// mixedScores counts, over testdata/mixed-blind, the documents whose
// header field or outline count equals the label.
type mixedScores struct {
	docs                               int
	title, issuers, number, date, kind int
	articles, parts, clauses           int // documents exact
}

var (
	partNumber   = regexp.MustCompile(`^([一二三四五六七八九十]+、|第[一二三四五六七八九十百]+章)$`)
	clauseNumber = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]$`)
)

// scoreMixed parses every labelled document of a mixed set in dir —
// laws, notices, saved pages, Word files and PDFs — and compares its
// header and the counts of its articles, parts (一、 or 第X章) and clauses
// （一） with the labels made by reading it.
func scoreMixed(t *testing.T, dir string) mixedScores {
	t.Helper()
	rows := readTSV(t, filepath.Join(dir, "labels.tsv"), 9)
	var s mixedScores
	for _, l := range rows {
		file := l[0]
		if _, err := exec.LookPath("pdftotext"); strings.HasSuffix(file, ".pdf") && err != nil {
			t.Logf("%s: skipped, pdftotext is not installed", file)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		s.docs++
		d, err := ParseBytes(file, data)
		if err != nil {
			t.Logf("%s: %v (every field missed)", file, err)
			continue
		}
		check := func(n *int, field, got, want string) {
			if got == want {
				*n++
				return
			}
			t.Logf("%s: %s = %q, want %q", file, field, got, want)
		}
		check(&s.title, "title", d.Title, l[2])
		check(&s.issuers, "issuers", strings.Join(d.Issuers, "、"), l[3])
		check(&s.number, "文号", d.DocNumber, l[4])
		check(&s.date, "date", d.Date, l[5])
		check(&s.kind, "kind", d.Grammar, l[1])
		var articles, parts, clauses int
		d.Walk(func(n *Node) bool {
			switch {
			case n.Kind == Attachment:
				return false // the labels count the document's own structure
			case isArticleNode(n):
				articles++
			case partNumber.MatchString(n.Number):
				parts++
			case clauseNumber.MatchString(n.Number):
				clauses++
			}
			return true
		})
		count := func(n *int, field string, got int, want string) {
			w, _ := strconv.Atoi(want)
			if got == w {
				*n++
				return
			}
			t.Logf("%s: %s = %d, want %d", file, field, got, w)
		}
		count(&s.articles, "articles", articles, l[6])
		count(&s.parts, "parts", parts, l[7])
		count(&s.clauses, "clauses", clauses, l[8])
	}
	t.Logf("%s: %d documents; title %d, issuers %d, 文号 %d, date %d, kind %d; exact counts: articles %d, parts %d, clauses %d",
		dir, s.docs, s.title, s.issuers, s.number, s.date, s.kind, s.articles, s.parts, s.clauses)
	return s
}

// floors are the least a labelled set's score may fall to, per field,
// once rules have been written against it.
type floors struct {
	title, issuers, number, date, kind, articles, parts, clauses int
}

// holdFloors fails t for every field of s under its floor in f. A set
// scored with fewer than all of its documents (PDFs skipped where no
// pdftotext is installed) is held to nothing.
func holdFloors(t *testing.T, s mixedScores, all int, f floors) {
	t.Helper()
	if s.docs < all {
		return
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"title", s.title, f.title}, {"issuers", s.issuers, f.issuers}, {"文号", s.number, f.number}, {"date", s.date, f.date},
		{"kind", s.kind, f.kind}, {"articles", s.articles, f.articles}, {"parts", s.parts, f.parts}, {"clauses", s.clauses, f.clauses},
	} {
		if c.got < c.want {
			t.Errorf("%s right on %d of %d documents, want at least %d", c.name, c.got, all, c.want)
		}
	}
}

// TestMixedBlind scores the mixed set (figures in testdata/MEASURES.md)
// and holds it to what the rules written against it reached: it is no
// longer blind, so the floors guard those rules, and the misses left are
// listed in MEASURES.md (label conventions and what was left out).
func TestMixedBlind(t *testing.T) {
	s := scoreMixed(t, "testdata/mixed-blind")
	if s.docs < 11 {
		t.Fatalf("%d labelled documents, want at least 11", s.docs)
	}
	holdFloors(t, s, 14, floors{title: 13, issuers: 14, number: 13, date: 12, kind: 14, articles: 14, parts: 14, clauses: 13})
}

// TestMixedBlind2 scores the second mixed set, gathered and labelled after
// the rules for the first were written and kept blind until its figures
// were committed; rules have been written against it since, and the
// floors guard them (figures and the misses left in testdata/MEASURES.md).
func TestMixedBlind2(t *testing.T) {
	s := scoreMixed(t, "testdata/mixed-blind2")
	if s.docs < 11 {
		t.Fatalf("%d labelled documents, want at least 11", s.docs)
	}
	holdFloors(t, s, 12, floors{title: 11, issuers: 12, number: 12, date: 12, kind: 11, articles: 12, parts: 12, clauses: 12})
}

// TestMixedBlind3 scores the third mixed set, gathered and labelled after
// the rules for the second were written; its blind figures were committed
// before rules were written against it, and the floors guard those rules
// (figures and the misses left in testdata/MEASURES.md).
func TestMixedBlind3(t *testing.T) {
	s := scoreMixed(t, "testdata/mixed-blind3")
	if s.docs < 11 {
		t.Fatalf("%d labelled documents, want at least 11", s.docs)
	}
	holdFloors(t, s, 12, floors{title: 10, issuers: 11, number: 11, date: 12, kind: 8, articles: 11, parts: 10, clauses: 11})
}

// TestMixedBlind4 scores the fourth mixed set, gathered and labelled
// after the rules for the third were written; its blind figures were
// committed before rules were written against it, and the floors guard
// those rules (figures in testdata/MEASURES.md).
func TestMixedBlind4(t *testing.T) {
	s := scoreMixed(t, "testdata/mixed-blind4")
	if s.docs < 11 {
		t.Fatalf("%d labelled documents, want at least 11", s.docs)
	}
	holdFloors(t, s, 12, floors{title: 10, issuers: 6, number: 11, date: 9, kind: 11, articles: 12, parts: 10, clauses: 11})
}
