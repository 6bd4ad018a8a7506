package extract

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// chunkDocx builds a Word file whose body is a paragraph and an
// alternative format chunk, as a converter writes it: the relationship
// relID names the part name holding data (the body asks for htmlChunk).
func chunkDocx(t *testing.T, relID, name string, data []byte) []byte {
	t.Helper()
	return chunksDocx(t, relID, name, data, 1)
}

// chunksDocx is chunkDocx with the chunk placed n times in the body.
func chunksDocx(t *testing.T, relID, name string, data []byte, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(n, s string) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`)
	add("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>封面</w:t></w:r></w:p>`+strings.Repeat(`<w:altChunk r:id="htmlChunk"/>`, n)+`<w:sectPr/></w:body></w:document>`)
	add("word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/`+name+`" Id="`+relID+`"/></Relationships>`)
	w, err := zw.Create("word/" + name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAltChunk: a Word file that carries its text as an embedded web
// archive (quoted-printable or base64), web page or text file reads as
// Word shows it, in place; one whose chunk is missing or of a kind it
// cannot read fails with a clear error, never an empty document.
func TestAltChunk(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><h1>中华人民共和国国旗法</h1><p>第一条 为了维护国旗的尊严，制定本法。</p><p>第二条 中华人民共和国国旗是五星红旗。</p></body></html>`
	qp := "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type=\"text/html\";\r\n    boundary=\"----=mhtDocumentPart\"\r\n\r\n\r\n------=mhtDocumentPart\r\nContent-Type: text/html;\r\n    charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n" +
		strings.ReplaceAll(page, `charset="utf-8"`, `charset=3D"utf-8"`) + "\r\n------=mhtDocumentPart--\r\n"
	b64 := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte(page)) + "\r\n--b--\r\n"
	// A web page's text as the web page reader gives it: no space
	// between Chinese characters.
	want := "封面\n中华人民共和国国旗法\n第一条为了维护国旗的尊严，制定本法。\n第二条中华人民共和国国旗是五星红旗。"
	for _, c := range []struct{ name, part string }{
		{"afchunk.mht", qp},
		{"chunk.mht", b64},
		{"chunk.html", page},
		{"chunk.txt", "中华人民共和国国旗法\n第一条为了维护国旗的尊严，制定本法。\n第二条中华人民共和国国旗是五星红旗。"},
	} {
		r, err := DOCX(chunkDocx(t, "htmlChunk", c.name, []byte(c.part)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Text != want {
			t.Errorf("%s: text %q, want %q", c.name, r.Text, want)
		}
	}
	if _, err := DOCX(chunkDocx(t, "htmlChunk", "chunk.rtf", []byte(`{\rtf1 text}`))); err == nil || !strings.Contains(err.Error(), "embedded") {
		t.Errorf("an RTF chunk: %v, want an error naming the embedded part", err)
	}
	if _, err := DOCX(chunkDocx(t, "other", "afchunk.mht", []byte(qp))); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a chunk with no part: %v, want an error saying it is missing", err)
	}
}

// TestAltChunkForms: a single-part web archive in quoted-printable and one
// nested in multipart/alternative read; a page's metadata table fills the
// document's header and is recorded as dropped; an empty chunk is passed
// over; a chunk repeated past the size limit is refused as a zip bomb.
func TestAltChunkForms(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><table><tr><td>发文机关：</td><td>某市人民政府</td></tr><tr><td>发文字号：</td><td>某府〔2020〕1号</td></tr></table><p>第一条 为了维护秩序，制定本办法。</p></body></html>`
	qp := func(s string) string { return strings.ReplaceAll(s, "=", "=3D") }
	single := "MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(page)
	nested := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(page) + "\r\n--b--\r\n--a--\r\n"
	for name, part := range map[string]string{"single": single, "nested": nested} {
		r, err := DOCX(chunkDocx(t, "htmlChunk", "chunk.mht", []byte(part)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(r.Text, "第一条为了维护秩序") {
			t.Errorf("%s: text %q", name, r.Text)
		}
		if r.Meta.DocNumber != "某府〔2020〕1号" || len(r.Meta.Issuers) != 1 || len(r.Dropped) == 0 {
			t.Errorf("%s: meta %+v, dropped %v", name, r.Meta, r.Dropped)
		}
	}
	r, err := DOCX(chunkDocx(t, "htmlChunk", "chunk.html", []byte("<html><body> </body></html>")))
	if err != nil || r.Text != "封面" {
		t.Errorf("an empty chunk: %q, %v", r.Text, err)
	}
	big := []byte(strings.Repeat("第一条 正文。\n", 1<<19)) // 9 MiB of text
	if _, err := DOCX(chunksDocx(t, "htmlChunk", "chunk.txt", big, 8)); !errors.Is(err, ErrZipBomb) {
		t.Errorf("a chunk repeated to 72 MiB: %v, want ErrZipBomb", err)
	}
}
