package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"policyreader/corpus/extract"
)

// outline lists a document's outline nodes as kind, number and heading.
func outline(d *Document) []string {
	var out []string
	d.Walk(func(n *Node) bool {
		if n.InOutline() {
			out = append(out, n.Kind.String()+" "+n.Number+" "+strings.ReplaceAll(n.Heading, " ", ""))
		}
		return true
	})
	return out
}

func requirePDFTool(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed but CI is set: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils); CI installs it")
	}
}

// TestOfficeFixtures: the same policy document as plain text, as a Word
// file with automatic numbering, as a PDF with page-number footers and as
// a PDF set in two columns (all made by LibreOffice, see
// testdata/office/make.py) gives the same outline and metadata, and loses
// no character.
func TestOfficeFixtures(t *testing.T) {
	requirePDFTool(t)
	const txtPath = "testdata/policies/05-ndrc-nea-2020-816-grid-planning.txt"
	txt, err := os.ReadFile(txtPath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseBytes(txtPath, txt)
	if err != nil {
		t.Fatal(err)
	}
	if len(outline(want)) < 10 {
		t.Fatalf("plain text outline too small: %v", outline(want))
	}
	for _, name := range []string{"testdata/office/grid-planning.docx", "testdata/office/grid-planning.pdf", "testdata/office/grid-planning-2col.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseBytes(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if got, w := strings.Join(outline(d), "\n"), strings.Join(outline(want), "\n"); got != w {
				t.Errorf("outline:\n%s\nwant (plain text):\n%s", got, w)
			}
			for _, c := range [][3]string{
				{"title", d.Title, want.Title},
				{"issuers", strings.Join(d.Issuers, "|"), strings.Join(want.Issuers, "|")},
				{"文号", d.DocNumber, want.DocNumber},
				{"date", d.Date, want.Date},
			} {
				if c[1] != c[2] {
					t.Errorf("%s = %q, plain text has %q", c[0], c[1], c[2])
				}
			}
			// Every Han character of the text is in a node or dropped with
			// a reason; the page footers hold none.
			checkNothingLost(t, string(txt), d)
		})
	}
}

// TestDocxAutomaticNumbering: the Word fixture's headings carry no
// printed number (Word numbers them), yet the tree has 一、 … 四、 and their
// （一） clauses, restarting under each part.
func TestDocxAutomaticNumbering(t *testing.T) {
	data, err := os.ReadFile("testdata/office/grid-planning.docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			var b bytes.Buffer
			_, _ = b.ReadFrom(rc)
			rc.Close()
			if strings.Contains(b.String(), "一、切实") || strings.Contains(b.String(), "（一）深化") {
				t.Fatal("the fixture prints its numbers; it must use Word's automatic numbering")
			}
		}
	}
	d, err := ParseBytes("grid-planning.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var parts, clauses []string
	d.Walk(func(n *Node) bool {
		switch n.Kind {
		case Part:
			parts = append(parts, n.Number)
		case Clause:
			clauses = append(clauses, n.Number)
		}
		return true
	})
	if got := strings.Join(parts, ""); got != "一、二、三、四、" {
		t.Errorf("parts %q", got)
	}
	if got := strings.Join(clauses, ""); got != "（一）（二）（三）（一）（二）（一）（二）（一）（二）" {
		t.Errorf("clauses %q", got)
	}
}

// TestBadFiles: each bad file gets a clear one-line error naming what is
// wrong, and never a panic.
func TestBadFiles(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	zeros := make([]byte, 1<<20)
	for range 80 {
		_, _ = w.Write(zeros)
	}
	_ = zw.Close()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"notzip.docx", []byte("这不是一个 Word 文件"), "not a Word file"},
		{"bomb.docx", bomb.Bytes(), "zip bomb"},
		{"huge.html", bytes.Repeat([]byte("<p>政策</p>"), 60<<20/len("<p>政策</p>")+1), "web page too large"},
		{"old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "Word 97-2003 (.doc); save it as .docx"},
		{"file.wps", []byte("anything"), "WPS (.wps)"},
		{"file.ofd", []byte("PK\x03\x04"), "OFD (.ofd)"},
		{"empty.html", []byte("<html><body><script>var a='政策';</script></body></html>"), "web page has no text"},
	} {
		_, err := ParseBytes(tc.name, tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line containing %q", tc.name, err, tc.want)
		}
	}
	if _, err := ParseBytes("old.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}); !errors.Is(err, extract.ErrLegacy) {
		t.Errorf("legacy error %v does not wrap ErrLegacy", err)
	}
}

// TestImageOnlyPDF: a PDF without a text layer says it needs OCR.
func TestImageOnlyPDF(t *testing.T) {
	requirePDFTool(t)
	_, err := ParseBytes("scan.pdf", blankPDF())
	if !errors.Is(err, extract.ErrNoTextLayer) {
		t.Errorf("error %v, want ErrNoTextLayer", err)
	}
}

// blankPDF is a valid one-page PDF with nothing on the page, as a scanner
// without OCR leaves (its image left out).
func blankPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		"<< /Length 0 >>\nstream\n\nendstream",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, b.Len())
		b.WriteString(itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	xref := b.Len()
	b.WriteString("xref\n0 " + itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, off := range offsets {
		s := itoa(off)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size " + itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + itoa(xref) + "\n%%EOF\n")
	return b.Bytes()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
