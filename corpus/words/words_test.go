package words

import (
	"strings"
	"testing"
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
