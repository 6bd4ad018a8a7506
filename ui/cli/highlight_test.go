package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"policyreader/corpus"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func decodeSpans(t *testing.T, out string) []spanJSON {
	t.Helper()
	var got struct {
		Spans []spanJSON `json:"spans"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	if got.Spans == nil {
		t.Fatalf("spans is null in %q", out)
	}
	return got.Spans
}

// The Guangdong plan's goal for the end of the 14th plan, as a script
// would pipe it in (from 第二章 第三节 主要目标).
const planGoal = "“十四五”期末，全省社会保障卡常住人口持卡率达98%，申领电子社保卡人口覆盖率达到75%。请径向省人力资源社会保障厅、省医保局反映。"

func TestHighlightJSON(t *testing.T) {
	code, out, errs := runCLI(t, planGoal, "highlight", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	spans := decodeSpans(t, out)
	runes := []rune(planGoal)
	want := map[string]string{
		"全省社会保障卡常住人口持卡率达98%": "target",
		"申领电子社保卡人口覆盖率达到75%":  "target",
		"“十四五”期末":            "target",
		"省人力资源社会保障厅":         "body",
		"省医保局":               "body",
	}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			t.Fatalf("span %+v out of bounds", s)
		}
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("span %+v: text %q does not match rune offsets (%q)", s, s.Text, got)
		}
		if k, ok := want[s.Text]; ok {
			if k != s.Kind {
				t.Errorf("%q is %s, want %s", s.Text, s.Kind, k)
			}
			delete(want, s.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing spans %v in %s", want, out)
	}
}

func TestHighlightPlainAndPastFigures(t *testing.T) {
	// 第一章 发展基础 reports the 13th plan period: figures, no targets.
	past := "“十三五”期间，全省城镇新增就业人数累计突破 700 万人，城镇登记失业率控制在 3.5% 以内。"
	code, out, errs := runCLI(t, past, "highlight")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "figure\t") || strings.Contains(out, "target\t") {
		t.Errorf("past text should give figures only:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || !strings.Contains(f[1], "-") {
			t.Errorf("line %q is not kind<TAB>start-end<TAB>text", line)
		}
	}
	if !strings.Contains(out, "figure\t23-29\t700 万人\n") {
		t.Errorf("want 700 万人 at runes 23-29 (counted by hand):\n%s", out)
	}
}

func TestHighlightAnyInput(t *testing.T) {
	// Empty input: no spans, an empty JSON array.
	code, out, _ := runCLI(t, "", "highlight", "--json")
	if code != 0 || len(decodeSpans(t, out)) != 0 {
		t.Errorf("empty input: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", "highlight")
	if code != 0 || out != "" {
		t.Errorf("empty input, plain: exit %d, %q", code, out)
	}
	// GB18030 input is decoded; offsets count runes of the decoded text.
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String("确保企业开办时间压缩至 2 个工作日内。")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, gbk, "highlight", "--json")
	if code != 0 {
		t.Fatalf("GB18030: exit %d: %s", code, errs)
	}
	spans := decodeSpans(t, out)
	if len(spans) != 1 || spans[0].Kind != "target" || spans[0].Start != 0 || spans[0].Text != "确保企业开办时间压缩至 2 个工作日内" {
		t.Errorf("GB18030 input: %+v", spans)
	}
	// Binary input is a failed operation with a one-line error.
	code, _, errs = runCLI(t, "\x00\x01\x02\xff\xfe\x00", "highlight")
	if code != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("binary input: exit %d, stderr %q", code, errs)
	}
	// Arguments are a usage error.
	if code, _, _ := runCLI(t, "x", "highlight", "extra"); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
	// A whole seed: every span's text matches its offsets.
	plan, err := os.ReadFile("../../seeds/guangdong-hrss-2021-14th-five-year-plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCLI(t, string(plan), "highlight", "--json")
	if code != 0 {
		t.Fatalf("plan: exit %d: %s", code, errs)
	}
	runes := []rune(string(plan))
	spans = decodeSpans(t, out)
	if len(spans) < 100 {
		t.Errorf("only %d spans in the whole plan", len(spans))
	}
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End > len(runes) || string(runes[s.Start:s.End]) != s.Text || !utf8.ValidString(s.Text) {
			t.Fatalf("plan span %+v wrong", s)
		}
		prev = s.End
	}
}

// repeatReader yields n bytes of s repeated, without holding them.
type repeatReader struct {
	s string
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:min(len(p), k+int(r.n))], r.s)
		k += c
		r.n -= int64(c)
	}
	return k, nil
}

// TestHighlightStdinLimit: standard input has the same size limit as a
// file; past it the command fails with the sizes, holding no more than
// the limit.
func TestHighlightStdinLimit(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"highlight"}, Env{
		Stdin:  &repeatReader{s: "到2025年新增就业100万人。\n", n: corpus.MaxFileSize + 1000},
		Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
	})
	if code != 1 || !strings.Contains(errb.String(), "standard input too large") || !strings.Contains(errb.String(), "67109864 bytes") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
