package words

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/search"
)

func TestCut(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"大力弘扬新时代工匠精神":    "大力|弘扬",
		"扩大人力资源服务交流合作":   "交流|合作",
		"以落实部省战略合作协议为抓手": "战略|合作",
		"全面取消城市落户限制":     "落户|限制",
	} {
		got := strings.Join(s.Cut(text), "|")
		if !strings.Contains(got, want) {
			t.Errorf("Cut(%s) = %s, want it to hold %s", text, got, want)
		}
		if strings.ReplaceAll(got, "|", "") != text {
			t.Errorf("Cut(%s) lost text: %s", text, got)
		}
	}
	for _, hostile := range []string{"", "\x00\xff", strings.Repeat("就业", 5000), "abc 123"} {
		if got := strings.Join(s.Cut(hostile), ""); got != hostile && hostile != "\x00\xff" {
			t.Errorf("Cut lost text of %q", hostile[:min(len(hostile), 10)])
		}
	}
}

// TestLoadForCutsAsLoad: the dictionary kept for a library's runes, as
// its search index reports them, cuts every heading and text of the
// seeds and the laws — and a library of upper-case Greek, the Kelvin sign
// and full-width forms — exactly as the whole dictionary does, and is a
// fraction of it.
func TestLoadForCutsAsLoad(t *testing.T) {
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(laws, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	full, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cutsAsFull := func(c *corpus.Corpus, extra ...string) *Segmenter {
		small, err := LoadFor(search.New(c).Holds)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := FromList(small.List())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(listed.List(), small.List()) {
			t.Error("a dictionary read from its list lists other words")
		}
		if a, b := small.seg.Dict.TotalFreq(), full.seg.Dict.TotalFreq(); math.Abs(a-b) > 1e-6*b {
			t.Errorf("total frequency %v, the whole dictionary's %v", a, b)
		}
		texts := extra
		c.Nodes(func(n *corpus.Node) bool {
			texts = append(texts, n.Number, n.Heading, n.Text)
			return true
		})
		for _, s := range texts {
			want := full.Cut(s)
			if got := small.Cut(s); !slices.Equal(got, want) {
				t.Fatalf("%q: cut %q, the whole dictionary %q", s, got, want)
			}
			if got := listed.Cut(s); !slices.Equal(got, want) {
				t.Fatalf("%q: cut %q from the list, the whole dictionary %q", s, got, want)
			}
		}
		return small
	}
	small := cutsAsFull(c)
	if n, all := len(small.seg.Dict.Tokens), len(full.seg.Dict.Tokens); n*10 > all*8 || n < 1000 {
		t.Errorf("kept %d of %d words", n, all)
	}
	cases := "Γ射线暴的观测，\u212A线走势与Ｔ恤价格，GDP增长"
	cutsAsFull(corpus.NewCorpus([]*corpus.Document{docOf(t, cases)}))
}

// docOf parses text as a document of one clause.
func docOf(t *testing.T, text string) *corpus.Document {
	t.Helper()
	d, err := corpus.Parse("case.txt", "关于测试的意见\n\n一、总体要求\n"+text+"\n")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFromListRefuses: a list cut short or damaged is refused, or read as
// some list of words, never a panic; an empty one holds no word.
func TestFromListRefuses(t *testing.T) {
	s, err := LoadFor(func(r rune) bool { return strings.ContainsRune("就业创业落户人才流动", r) })
	if err != nil {
		t.Fatal(err)
	}
	list := s.List()
	for _, cut := range []int{0, 3, len(listMagic), len(listMagic) + 1, len(list) / 2, len(list) - 1} {
		if _, err := FromList(list[:cut]); err == nil {
			t.Errorf("a list cut at %d of %d read", cut, len(list))
		}
	}
	if _, err := FromList(append(bytes.Clone(list), 0)); err == nil {
		t.Error("a list with a byte left over read")
	}
	for i := len(listMagic); i < len(list); i += 7 {
		bad := bytes.Clone(list)
		bad[i] ^= 0xA5
		if w, err := FromList(bad); err == nil {
			w.Cut("就业创业")
		}
	}
	empty, err := FromList(append([]byte(listMagic), 0))
	if err != nil || len(empty.seg.Dict.Tokens) != 0 {
		t.Errorf("an empty list: %v", err)
	}
}

// FuzzFromList reads arbitrary bytes as a list of words: refused or read,
// never a panic, and what is read cuts without losing text.
func FuzzFromList(f *testing.F) {
	s, err := LoadFor(func(r rune) bool { return strings.ContainsRune("就业创业落户", r) })
	if err != nil {
		f.Fatal(err)
	}
	f.Add(s.List())
	f.Add([]byte(listMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := FromList(data)
		if err != nil {
			return
		}
		if got := strings.Join(w.Cut("就业创业落户"), ""); got != "就业创业落户" {
			t.Fatalf("cut lost text: %q", got)
		}
	})
}

// TestWholeListIsGse: the embedded list of the whole dictionary, which
// ListFor cuts from, is gse's dictionary as it is: every word in its
// order with its frequency, and the longest word's length (run go
// generate in corpus/words after upgrading gse).
func TestWholeListIsGse(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var got list
	maxLen, err := wholeWords(got.add)
	if err != nil {
		t.Fatal(err)
	}
	if want := s.List(); !bytes.Equal(got.bytes(), want) {
		t.Errorf("the embedded list (%d words, %d bytes) is not gse's dictionary (%d bytes): run go generate", got.n, len(got.bytes()), len(want))
	}
	if maxLen != s.MaxTokenLen() {
		t.Errorf("longest word %d, gse's %d", maxLen, s.MaxTokenLen())
	}
}
