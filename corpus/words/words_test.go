package words

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"policyreader/corpus"
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

// TestLoadForCutsAsLoad: the dictionary kept for a library's runes cuts
// every heading and text of the seeds and the laws exactly as the whole
// dictionary does, and is a fraction of it.
func TestLoadForCutsAsLoad(t *testing.T) {
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, errs := corpus.LoadPaths(append(laws, "../../seeds"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	held := map[rune]bool{}
	var texts []string
	c.Nodes(func(n *corpus.Node) bool {
		for _, s := range []string{n.Number, n.Heading, n.Text} {
			for _, r := range s {
				held[r] = true
				held[unicode.ToLower(r)] = true // gse cuts lower-cased text
			}
			if s != "" {
				texts = append(texts, s)
			}
		}
		return true
	})
	full, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	small, err := LoadFor(func(r rune) bool { return held[r] })
	if err != nil {
		t.Fatal(err)
	}
	if n, all := len(small.seg.Dict.Tokens), len(full.seg.Dict.Tokens); n*10 > all*8 || n < 1000 {
		t.Errorf("kept %d of %d words", n, all)
	}
	if a, b := small.seg.Dict.TotalFreq(), full.seg.Dict.TotalFreq(); math.Abs(a-b) > 1e-6*b {
		t.Errorf("total frequency %v, the whole dictionary's %v", a, b)
	}
	for _, s := range texts {
		if got, want := small.Cut(s), full.Cut(s); !slices.Equal(got, want) {
			t.Fatalf("%q: cut %q, the whole dictionary %q", s, got, want)
		}
	}
}
