package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// shape serialises a document's metadata and tree for comparison.
func shape(d *Document) string {
	var b strings.Builder
	b.WriteString(strings.Join([]string{d.ID, d.Title, d.Short, strings.Join(d.Issuers, "|"), d.DocNumber, d.Date}, "\t"))
	d.Walk(func(n *Node) bool {
		b.WriteString("\n" + n.ID + "\t" + n.Number + "\t" + n.Heading + "\t" + n.Text)
		return true
	})
	return b.String()
}

func TestEncodingsParseIdentically(t *testing.T) {
	for _, name := range []string{"jiangxi-2020-social-mobility-implementation.txt", "guangdong-hrss-2021-reply-1764.txt"} {
		raw, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		want := shape(loadSeed(t, name))
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(raw)
		variants := map[string][]byte{
			"utf-8 with BOM":  append([]byte{0xEF, 0xBB, 0xBF}, raw...),
			"gb18030":         gb,
			"utf-16le":        u16,
			"utf-16be":        u16be,
			"utf-16le no BOM": u16[2:],
			"utf-16be no BOM": u16be[2:],
			"crlf":            bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n")),
			"cr":              bytes.ReplaceAll(raw, []byte("\n"), []byte("\r")),
		}
		for label, data := range variants {
			if bytes.Equal(data, raw) {
				t.Fatalf("%s: variant %s is identical to the source", name, label)
			}
			d, err := ParseBytes(name, data)
			if err != nil {
				t.Errorf("%s as %s: %v", name, label, err)
				continue
			}
			if got := shape(d); got != want {
				t.Errorf("%s as %s parses differently", name, label)
			}
		}
	}
}

func TestDecodeRefusesBinary(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
	if _, err := Decode(png); !errors.Is(err, ErrBinary) {
		t.Errorf("PNG header decoded: err = %v", err)
	}
	ctrl := bytes.Repeat([]byte{1, 2, 3, 'a'}, 100)
	if _, err := Decode(ctrl); !errors.Is(err, ErrBinary) {
		t.Errorf("control soup decoded: err = %v", err)
	}
	// ANSI escapes are text: they decode, and the UI renders them harmlessly.
	if s, err := Decode([]byte("一、总体\x1b[31m红\x1b[0m要求")); err != nil || !strings.Contains(s, "\x1b[31m") {
		t.Errorf("text with escapes: %q, %v", s, err)
	}
}

func TestLoadFolderWithBadFiles(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(seedDir, "central-2019-social-mobility-opinions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	must(t, os.Mkdir(sub, 0o755))
	must(t, os.WriteFile(filepath.Join(sub, "central.txt"), seed, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("\x00\x01\x02\x03ELF\x00\x00"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "image.png"), []byte("not a document"), 0o644))
	// A symlink loop must not hang the walk.
	must(t, os.Symlink(dir, filepath.Join(sub, "loop")))
	c, errs := LoadPaths([]string{dir})
	if len(c.Docs) != 1 || c.Docs[0].Title != "关于促进劳动力和人才社会性流动体制机制改革的意见" {
		t.Fatalf("docs = %d", len(c.Docs))
	}
	if len(errs) != 2 {
		t.Fatalf("warnings = %v, want 2 (binary, empty)", errs)
	}
	msgs := errs[0].Error() + "\n" + errs[1].Error()
	if !strings.Contains(msgs, "binary.txt") || !strings.Contains(msgs, "empty.md") || !strings.Contains(msgs, "binary") || !strings.Contains(msgs, "empty") {
		t.Errorf("warnings do not name the files and reasons: %s", msgs)
	}
	for _, e := range errs {
		if strings.Contains(e.Error(), "\n") {
			t.Errorf("warning is not one line: %q", e)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzParseBytes feeds arbitrary bytes through decoding and parsing: no
// panic, unique IDs, spans inside their text. Run it with a short
// minimisation budget, e.g.
//
//	go test ./corpus -run X -fuzz FuzzParseBytes -fuzztime 60s -fuzzminimizetime 3s
//
// since the engine's default minute of minimising a multi-KB input stalls
// the run.
func FuzzParseBytes(f *testing.F) {
	entries, _ := os.ReadDir(seedDir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if len(data) > 2000 {
			data = data[:2000]
		}
		f.Add(data)
	}
	f.Add([]byte("第一章 总则\n第一节\n（一）\n1.\n一是\n专栏\t\t\n\t\t\n预览已结束"))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0xD8})
	f.Add([]byte("目 录\n第一章\t1\n"))
	// Law grammar: title, history, comment, every level, 之一, 款 after items.
	f.Add([]byte("# 某条例\n（2010年7月29日 某省第十一届人民代表大会常务委员会第十九次会议通过\n2019年 修正）\n<!-- INFO END -->\n## 第一编 总则\n### 第一章\n第一条 为了…\n（一）项；\n1. 目\n前款。\n第一条之一 新增\n第二条规定的"))
	f.Add([]byte("国务院办公厅关于进一步优化营商环境\n更好服务市场主体的实施意见\n国办发〔2020〕24号\n各省、自治区、直辖市人民政府：\n一、总体要求\n国 务 院 办 公 厅\n国家发\n展改革委\n2020年7月15日\n（此件公开发布）"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseBytes("fuzz.txt", data)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		d.Walk(func(n *Node) bool {
			if seen[n.ID] {
				t.Fatalf("duplicate ID %s", n.ID)
			}
			seen[n.ID] = true
			runes := len([]rune(n.Text))
			for _, s := range n.Spans {
				if s.Start < 0 || s.End > runes || s.Start >= s.End {
					t.Fatalf("span %+v out of range of %d runes", s, runes)
				}
			}
			return true
		})
	})
}

// TestDecodeTruncatedUTF8 checks that a UTF-8 file cut mid-character is
// read as UTF-8 with a replacement character, not as GB18030 mojibake,
// while real GB18030 text is still recognised.
func TestDecodeTruncatedUTF8(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(seedDir, "central-2019-social-mobility-opinions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cut := raw[:3001] // inside a three-byte character
	if utf8Valid := string(cut) == strings.ToValidUTF8(string(cut), ""); utf8Valid {
		t.Fatal("the cut should fall inside a character")
	}
	text, err := Decode(cut)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, string(raw[:2990])) || !strings.HasSuffix(text, "\uFFFD") {
		t.Errorf("truncated UTF-8 decoded as something else: %q…", []rune(text)[:20])
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
	text, err = Decode(gb)
	if err != nil || text != string(raw) {
		t.Errorf("GB18030 text no longer decodes: %v", err)
	}
}

// TestDecodeStrayByte: one invalid byte in a short UTF-8 file is one
// replacement character, not a whole file of GB18030 mojibake; short
// GB18030 text is still GB18030.
func TestDecodeStrayByte(t *testing.T) {
	raw := []byte("关于促进劳动力和人才社会性流动体制机制改革的意见\n一、总体要求")
	bad := append(append(append([]byte{}, raw[:12]...), 0xFF), raw[12:]...)
	text, err := Decode(bad)
	if err != nil || text != string(raw[:12])+"\uFFFD"+string(raw[12:]) {
		t.Errorf("one stray byte: %q, %v", text, err)
	}
	for _, n := range []int{6, 30, 60} {
		gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(string([]rune(string(raw))[:n/3])))
		if text, err := Decode(gb); err != nil || !strings.HasPrefix(string(raw), text) {
			t.Errorf("short GB18030 text (%d bytes) misread: %q, %v", len(gb), text, err)
		}
	}
}

// TestSizeLimitPrecise: a file one byte over the limit is refused with
// sizes that differ in the message.
func TestSizeLimitPrecise(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, errs := LoadPaths([]string{name})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "67108865 bytes") || !strings.Contains(errs[0].Error(), "the limit is 64 MiB") {
		t.Errorf("errors %v", errs)
	}
}
