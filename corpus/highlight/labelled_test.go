package highlight

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// labelledItem is one sentence of testdata/labelled.txt with its gold spans.
type labelledItem struct {
	seed, sentence string
	year           int    // the document's year (# year:), 0 when not given
	gold           []Span // rune offsets into sentence
	// also holds every other occurrence of a gold phrase in the sentence:
	// a label names a phrase once, and a span on its second occurrence is
	// as right as one on its first.
	also []Span
	line int
}

func readLabelled(t *testing.T, path string) []labelledItem {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []labelledItem
	seed, year := "", 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# seed: "):
			seed = strings.TrimPrefix(line, "# seed: ")
		case strings.HasPrefix(line, "# source: "):
			seed, year = "", 0 // a document that is not a seed: Find runs on the sentence alone
		case strings.HasPrefix(line, "# year: "):
			// The document's date, as the reader has it: FindAsOf.
			year, _ = strconv.Atoi(strings.TrimPrefix(line, "# year: "))
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "= "):
			items = append(items, labelledItem{seed: seed, year: year, sentence: strings.TrimPrefix(line, "= "), line: n})
		case len(items) > 0 && len(line) > 2 && line[1] == ' ' && strings.ContainsRune("TBF", rune(line[0])):
			it := &items[len(items)-1]
			phrase := line[2:]
			i := strings.Index(it.sentence, phrase)
			if i < 0 {
				t.Fatalf("%s:%d: %q not in its sentence", path, n, phrase)
			}
			start := len([]rune(it.sentence[:i]))
			kind := map[byte]Kind{'T': Target, 'B': Body, 'F': Figure}[line[0]]
			n := len([]rune(phrase))
			it.gold = append(it.gold, Span{Start: start, End: start + n, Kind: kind})
			for j := i + len(phrase); ; {
				k := strings.Index(it.sentence[j:], phrase)
				if k < 0 {
					break
				}
				at := len([]rune(it.sentence[:j+k]))
				it.also = append(it.also, Span{Start: at, End: at + n, Kind: kind})
				j += k + len(phrase)
			}
		default:
			t.Fatalf("%s:%d: cannot read %q", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return items
}

func overlaps(a, b Span) bool { return a.Kind == b.Kind && a.Start < b.End && b.Start < a.End }

// labelledSet is a labelled file with the scores Find must keep on it: the
// scores reached when the floors were set, minus a small margin, so that a
// regression fails.
type labelledSet struct {
	path              string
	minItems          int
	precision, recall float64
	// perKind holds floors for one kind (precision, recall), when set.
	perKind map[Kind][2]float64
}

// labelledSets are the labelled files: labelled.txt (tuned on) and
// heldout.txt (labelled before the rules it measures were changed). Issue
// 3's bar is precision 0.95 and recall 0.90; the floors are higher.
var labelledSets = []labelledSet{
	{path: "testdata/labelled.txt", minItems: 170, precision: 0.97, recall: 0.94},
	{path: "testdata/heldout.txt", minItems: 100, precision: 0.97, recall: 0.92},
	// unseen.txt: 170 sentences of documents that are not seeds (saved State
	// Council pages, laws, gathered notices), labelled before the rules for
	// unseen documents were written.
	{path: "testdata/unseen.txt", minItems: 170, precision: 0, recall: 0,
		perKind: map[Kind][2]float64{Target: {0.95, 0.85}, Body: {0.95, 0.90}}},
	// fresh.txt: 120 sentences of the held-out laws and of departmental
	// rules, labelled after unseen.txt was tuned on and before any rule
	// was written for them — the current blind estimate. The floors sit a
	// little under the blind scores so that a later rule that loses ground
	// on unseen text fails here; raising them means tuning on this set.
	{path: "testdata/fresh.txt", minItems: 120, precision: 0.90, recall: 0.62,
		perKind: map[Kind][2]float64{Target: {0.95, 0.60}, Body: {0.88, 0.60}}},
	// dev-laws.txt: 120 sentences of the development laws, labelled to
	// write the rules for parties named by their function against while
	// fresh.txt stayed blind — tuned on; the floors guard the rules.
	{path: "testdata/dev-laws.txt", minItems: 120, precision: 0.85, recall: 0.80,
		perKind: map[Kind][2]float64{Body: {0.85, 0.80}}},
	// dev-laws-limits.txt: 100 sentences of the development laws that hold
	// a number or a limit word, labelled to write the rules for laws'
	// limits against — tuned on.
	{path: "testdata/dev-laws-limits.txt", minItems: 100, precision: 0.86, recall: 0.83,
		perKind: map[Kind][2]float64{Target: {0.93, 0.90}}},
	// blind2.txt: 150 sentences of notices, laws and local measures,
	// labelled by reading before any rule was written for them (all P
	// 0.776 R 0.789), then tuned on for bodies named in pieces or named
	// as owners and for terms of days: a regression guard now.
	{path: "testdata/blind2.txt", minItems: 150, precision: 0.84, recall: 0.78,
		perKind: map[Kind][2]float64{Body: {0.85, 0.83}}},
	// blind3.txt: 120 sentences labelled by reading before any rule was
	// written for them (all P 0.667 R 0.500), then tuned on for a
	// document's year and for regulated parties bound by a modal: a
	// regression guard now.
	{path: "testdata/blind3.txt", minItems: 120, precision: 0.84, recall: 0.70,
		perKind: map[Kind][2]float64{Body: {0.84, 0.69}}},
	// blind4.txt: 120 sentences labelled by reading, kept blind: no rule
	// has been written against it. It is scored and reported with no
	// floor (the blind estimate in testdata/MEASURES.md); it labels no
	// figure.
	{path: "testdata/blind4.txt", minItems: 120, perKind: map[Kind][2]float64{}},
	// blind5.txt: 120 sentences labelled by reading after every rule of
	// this round was written, with each document's year, kept blind.
	{path: "testdata/blind5.txt", minItems: 120},
	// blind6.txt: 120 sentences of 12 other documents, labelled by
	// reading with each document's year, kept blind.
	{path: "testdata/blind6.txt", minItems: 120},
}

// TestLabelledPrecisionRecall scores Find on hand-labelled seed sentences
// with overlap matching and holds every labelled set to its floors.
// HIGHLIGHT_LABELS=FILE scores another labelled file against issue 3's bar.
func TestLabelledPrecisionRecall(t *testing.T) {
	sets := labelledSets
	if p := os.Getenv("HIGHLIGHT_LABELS"); p != "" {
		sets = []labelledSet{{path: p, precision: 0.95, recall: 0.90}}
	}
	for _, set := range sets {
		t.Run(filepath.Base(set.path), func(t *testing.T) { scoreLabelled(t, set) })
	}
}

func scoreLabelled(t *testing.T, set labelledSet) {
	items := readLabelled(t, set.path)
	name := filepath.Base(set.path)
	if len(items) < set.minItems {
		t.Fatalf("%s: only %d labelled sentences, want %d", name, len(items), set.minItems)
	}
	type score struct{ predicted, correct, gold, found int }
	scores := map[Kind]*score{Target: {}, Body: {}, Figure: {}}
	kinds := map[Kind]bool{}
	for _, it := range items {
		line := it.sentence
		if it.seed != "" {
			line = lineWith(t, it.seed, it.sentence)
		}
		from, to := runeRange(t, line, it.sentence)
		var pred []Span
		for _, s := range FindAsOf(line, it.year) {
			if s.Start < to && from < s.End {
				pred = append(pred, Span{Start: s.Start - from, End: s.End - from, Kind: s.Kind})
			}
		}
		runes := []rune(it.sentence)
		text := func(s Span) string { return string(runes[max(0, s.Start):min(len(runes), s.End)]) }
		for _, p := range pred {
			sc := scores[p.Kind]
			sc.predicted++
			ok := false
			for _, g := range append(it.gold, it.also...) {
				ok = ok || overlaps(p, g)
			}
			if ok {
				sc.correct++
			} else {
				t.Logf("%s:%d: wrong %v %q", name, it.line, p.Kind, text(p))
			}
		}
		for _, g := range it.gold {
			kinds[g.Kind] = true
			sc := scores[g.Kind]
			sc.gold++
			ok := false
			for _, p := range pred {
				ok = ok || overlaps(p, g)
			}
			if ok {
				sc.found++
			} else {
				t.Logf("%s:%d: missed %v %q", name, it.line, g.Kind, text(g))
			}
		}
	}
	for _, k := range []Kind{Target, Body, Figure} {
		if !kinds[k] && set.perKind == nil {
			t.Errorf("no %v labelled", k)
		}
	}
	var total score
	for _, k := range []Kind{Target, Body, Figure} {
		s := scores[k]
		p := float64(s.correct) / float64(max(1, s.predicted))
		r := float64(s.found) / float64(max(1, s.gold))
		t.Logf("%-6v predicted %3d correct %3d | gold %3d found %3d | precision %.3f recall %.3f", k, s.predicted, s.correct, s.gold, s.found, p, r)
		if f, ok := set.perKind[k]; ok {
			if p < f[0] {
				t.Errorf("%s: %v precision %.3f < %.2f", name, k, p, f[0])
			}
			if r < f[1] {
				t.Errorf("%s: %v recall %.3f < %.2f", name, k, r, f[1])
			}
		}
		total.predicted += s.predicted
		total.correct += s.correct
		total.gold += s.gold
		total.found += s.found
	}
	precision := float64(total.correct) / float64(max(1, total.predicted))
	recall := float64(total.found) / float64(max(1, total.gold))
	t.Logf("%d sentences: precision %.3f, recall %.3f", len(items), precision, recall)
	if precision < set.precision {
		t.Errorf("%s: precision %.3f < %.2f", name, precision, set.precision)
	}
	if recall < set.recall {
		t.Errorf("%s: recall %.3f < %.2f", name, recall, set.recall)
	}
}
