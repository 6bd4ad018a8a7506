package words

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"policyreader/corpus"
)

// loadWhole loads gse's whole dictionary once for the package's tests.
var loadWhole = sync.OnceValues(Load)

func TestCut(t *testing.T) {
	s, err := loadWhole()
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"大力弘扬新时代工匠精神":    "大力|弘扬",
		"扩大人力资源服务交流合作":   "交流|合作",
		"以落实部省战略合作协议为抓手": "战略|合作",
		"全面取消城市落户限制":     "落户|限制",
	} {
		for name, cut := range map[string]func(string) []string{"gse": s.Cut, "dictionary": d.Cut} {
			got := strings.Join(cut(text), "|")
			if !strings.Contains(got, want) {
				t.Errorf("%s: Cut(%s) = %s, want it to hold %s", name, text, got, want)
			}
			if strings.ReplaceAll(got, "|", "") != text {
				t.Errorf("%s: Cut(%s) lost text: %s", name, text, got)
			}
		}
	}
	for _, hostile := range []string{"", strings.Repeat("就业", 500), "abc 123", "\ue000\ue001落户"} {
		if got := strings.Join(d.Cut(hostile), ""); got != hostile {
			t.Errorf("Cut lost text of %q: %q", hostile[:min(len(hostile), 10)], got[:min(len(got), 10)])
		}
	}
	// Invalid bytes are read as gse reads them, as U+FFFD: nothing else
	// is lost.
	if got := strings.Join(d.Cut("\x00\xff就业"), ""); got != "\x00\uFFFD就业" {
		t.Errorf("Cut of invalid text: %q", got)
	}
}

// TestDictionaryCutsAsGse: the dictionary read from the sorted list cuts
// every heading and text of the seeds and the laws — in windows such as
// search judges, and whole — and text of upper-case Greek, the Kelvin sign
// and full-width forms exactly as gse's whole dictionary does.
func TestDictionaryCutsAsGse(t *testing.T) {
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(laws, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	full, err := loadWhole()
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDictionary()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Γ射线暴的观测，\u212A线走势与Ｔ恤价格，GDP增长", "ＡＢＣ与AA制的B超"}
	c.Nodes(func(n *corpus.Node) bool {
		texts = append(texts, n.Number, n.Heading)
		// Windows of 17 runes, as search cuts around a match, and the
		// whole text now and then.
		rs := []rune(n.Text)
		for i := 0; i < len(rs); i += 23 {
			texts = append(texts, string(rs[i:min(i+17, len(rs))]))
		}
		if len(rs) < 400 {
			texts = append(texts, n.Text)
		}
		return true
	})
	compared := 0
	for _, s := range texts {
		want := full.Cut(s)
		if got := d.Cut(s); !slices.Equal(got, want) {
			t.Fatalf("%q: cut %q, gse's %q", s, got, want)
		}
		compared++
	}
	if compared < 5000 {
		t.Errorf("compared %d texts", compared)
	}
}

// TestWholeListIsGse: the embedded list, which a Dictionary reads, is
// gse's dictionary as it is: every word sorted with its frequency, and
// gse's total frequency (run go generate in corpus/words after upgrading
// gse).
func TestWholeListIsGse(t *testing.T) {
	s, err := loadWhole()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := wholeRaw()
	if err != nil {
		t.Fatal(err)
	}
	table, total, n, err := readTable(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := s.SortedList()
	if got := append(binary.AppendUvarint(nil, n), table...); !bytes.Equal(got, want) {
		t.Errorf("the embedded list (%d words, %d bytes) is not gse's dictionary (%d bytes): run go generate", n, len(got), len(want))
	}
	if total != s.TotalFreq() {
		t.Errorf("total frequency %v, gse's %v", total, s.TotalFreq())
	}
}

// TestDictionaryRefusesDamage: a list cut short, out of order, of another
// version or with a bad count is an error, never a panic.
func TestDictionaryRefusesDamage(t *testing.T) {
	raw, err := wholeRaw()
	if err != nil {
		t.Fatal(err)
	}
	// The first two records swapped.
	table, _, n, err := readTable(raw)
	if err != nil {
		t.Fatal(err)
	}
	head := raw[:len(raw)-len(table)]
	first := recordLen(table)
	second := recordLen(table[first:])
	swapped := slices.Concat(head, table[first:first+second], table[:first], table[first+second:])
	recount := slices.Concat([]byte(wholeMagic), raw[len(wholeMagic):len(wholeMagic)+8], binary.AppendUvarint(nil, n+1), table)
	for name, bad := range map[string][]byte{
		"empty":         nil,
		"cut short":     raw[:len(raw)/2],
		"no header":     raw[:5],
		"other version": slices.Concat([]byte("PRWHOLE1"), raw[8:]),
		"swapped":       swapped,
		"miscounted":    recount,
	} {
		if _, err := newDictionary(bad); err == nil {
			t.Errorf("%s: read", name)
		}
	}
	if d, err := newDictionary(raw); err != nil || uint64(len(d.ends)) != n {
		t.Errorf("the list itself: %v", err)
	}
}

// recordLen is the length of the record table opens with.
func recordLen(table []byte) int {
	l, k := binary.Uvarint(table)
	return k + int(l) + 8
}

// FuzzDictionaryCut cuts arbitrary text: never a panic, and valid text is
// cut exactly as gse's whole dictionary cuts it — but for NUL, which gse's
// trie reads as the end of a key (it takes 代 followed by NUL for the word
// 代); no document's text holds one.
func FuzzDictionaryCut(f *testing.F) {
	for _, s := range []string{"大力弘扬新时代工匠精神", "Γ射线暴与\u212A线", "ＡＢＣ与AA制的B超", "\ue000落户\ue001", "\xff就业"} {
		f.Add(s)
	}
	full, err := loadWhole()
	if err != nil {
		f.Fatal(err)
	}
	d, err := NewDictionary()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := d.Cut(s)
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return
		}
		if want := full.Cut(s); !slices.Equal(got, want) {
			t.Fatalf("%q: cut %q, gse's %q", s, got, want)
		}
	})
}
