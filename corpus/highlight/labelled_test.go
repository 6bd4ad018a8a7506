package highlight

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// labelledItem is one sentence of testdata/labelled.txt with its gold spans.
type labelledItem struct {
	seed, sentence string
	gold           []Span // rune offsets into sentence
	line           int
}

func readLabelled(t *testing.T, path string) []labelledItem {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []labelledItem
	seed := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# seed: "):
			seed = strings.TrimPrefix(line, "# seed: ")
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "= "):
			items = append(items, labelledItem{seed: seed, sentence: strings.TrimPrefix(line, "= "), line: n})
		case len(items) > 0 && len(line) > 2 && line[1] == ' ' && strings.ContainsRune("TBF", rune(line[0])):
			it := &items[len(items)-1]
			phrase := line[2:]
			i := strings.Index(it.sentence, phrase)
			if i < 0 {
				t.Fatalf("%s:%d: %q not in its sentence", path, n, phrase)
			}
			start := len([]rune(it.sentence[:i]))
			kind := map[byte]Kind{'T': Target, 'B': Body, 'F': Figure}[line[0]]
			it.gold = append(it.gold, Span{Start: start, End: start + len([]rune(phrase)), Kind: kind})
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

// TestLabelledPrecisionRecall scores Find on hand-labelled seed sentences
// with overlap matching and holds it to issue 3's bar: precision 0.95,
// recall 0.90.
func TestLabelledPrecisionRecall(t *testing.T) {
	path := "testdata/labelled.txt"
	if p := os.Getenv("HIGHLIGHT_LABELS"); p != "" {
		path = p // score another labelled file, e.g. a held-out set
	}
	items := readLabelled(t, path)
	if len(items) < 80 && os.Getenv("HIGHLIGHT_LABELS") == "" {
		t.Fatalf("only %d labelled sentences", len(items))
	}
	type score struct{ predicted, correct, gold, found int }
	scores := map[Kind]*score{Target: {}, Body: {}, Figure: {}}
	kinds := map[Kind]bool{}
	for _, it := range items {
		line := lineWith(t, it.seed, it.sentence)
		from, to := runeRange(t, line, it.sentence)
		var pred []Span
		for _, s := range Find(line) {
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
			for _, g := range it.gold {
				ok = ok || overlaps(p, g)
			}
			if ok {
				sc.correct++
			} else {
				t.Logf("labelled.txt:%d: wrong %v %q", it.line, p.Kind, text(p))
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
				t.Logf("labelled.txt:%d: missed %v %q", it.line, g.Kind, text(g))
			}
		}
	}
	for _, k := range []Kind{Target, Body, Figure} {
		if !kinds[k] {
			t.Errorf("no %v labelled", k)
		}
	}
	var total score
	for _, k := range []Kind{Target, Body, Figure} {
		s := scores[k]
		t.Logf("%-6v predicted %3d correct %3d | gold %3d found %3d", k, s.predicted, s.correct, s.gold, s.found)
		total.predicted += s.predicted
		total.correct += s.correct
		total.gold += s.gold
		total.found += s.found
	}
	precision := float64(total.correct) / float64(max(1, total.predicted))
	recall := float64(total.found) / float64(max(1, total.gold))
	t.Logf("%d sentences: precision %.3f, recall %.3f", len(items), precision, recall)
	if precision < 0.95 {
		t.Errorf("precision %.3f < 0.95", precision)
	}
	if recall < 0.90 {
		t.Errorf("recall %.3f < 0.90", recall)
	}
}
